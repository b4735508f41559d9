// @vitest-environment jsdom
// The secondary ringer (end-user guide, "Setting up dual ringer") with a fake audio platform:
// the device list, the sample on choosing, ringing on the chosen device while a contact is
// offered and stopping on accept / miss / reject, the choice kept, unsupported browsers.
import './jsdomSetup';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ContactView } from '../../src/app/store';
import { SecondaryRinger, isRinging } from '../../src/ui/ringer/SecondaryRinger';
import { localRingerChoice, ringtoneSamples, wavBytes, type OutputDevice, type RingerPlatform, type Sound } from '../../src/ui/ringer/platform';
import { TopBar } from '../../src/ui/TopBar';
import { example, openWorld, renderInGarden } from './helpers';

afterEach(() => cleanup());

interface Playing {
  deviceId: string;
  sound: Sound;
  stopped: boolean;
}

function fakeAudio(devices: OutputDevice[], opts: { supported?: boolean; failOn?: string } = {}) {
  const plays: Playing[] = [];
  let changed: (() => void) | null = null;
  const platform: RingerPlatform = {
    canChooseOutput: () => opts.supported ?? true,
    listOutputs: async () => devices.map((d) => ({ ...d })),
    onDevicesChanged: (cb) => {
      changed = cb;
      return () => (changed = null);
    },
    play: async (deviceId, sound) => {
      if (deviceId === opts.failOn) throw new DOMException('Requested device not found', 'NotFoundError');
      const p: Playing = { deviceId, sound, stopped: false };
      plays.push(p);
      return () => {
        p.stopped = true;
      };
    },
  };
  return {
    platform,
    plays,
    devices,
    /** What rings now. */
    ringing: () => plays.filter((p) => p.sound === 'ring' && !p.stopped).map((p) => p.deviceId),
    plugIn: (d: OutputDevice) => {
      devices.push(d);
      changed?.();
    },
  };
}

function memoryChoice(initial: string | null = null) {
  const storage = new Map<string, string>();
  if (initial) storage.set('acz.secondaryRinger', initial);
  const store = localRingerChoice({
    getItem: (k) => storage.get(k) ?? null,
    setItem: (k, v) => void storage.set(k, v),
    removeItem: (k) => void storage.delete(k),
  });
  return { store, storage };
}

const DEVICES: OutputDevice[] = [
  { deviceId: 'default', label: 'Default - Headset Earphone' },
  { deviceId: 'spk-1', label: 'Desk Speakers' },
  { deviceId: 'hdmi-2', label: 'HDMI Monitor' },
];

async function appOf() {
  const world = await openWorld(example('inbound-recognised-auto'));
  return { world, app: world.tab('priya', 1)!.app };
}

const select = () => screen.getByTestId('ringer-select') as HTMLSelectElement;

function contact(patch: Partial<ContactView>): ContactView {
  return {
    id: 'c1',
    channel: 'voice',
    direction: 'inbound',
    offered: true,
    phase: 'ringing',
    queue: 'General',
    customerLabel: '+447700900123',
    mode: 'auto',
    ticketId: null,
    userId: null,
    awaitingAgent: false,
    busy: false,
    ...patch,
  };
}

describe('device list', () => {
  it('lists the audio outputs after "— No secondary ringtone —", with a label for the control', async () => {
    const { app } = await appOf();
    const audio = fakeAudio([...DEVICES]);
    renderInGarden(<SecondaryRinger app={app} platform={audio.platform} choice={memoryChoice().store} />);
    await waitFor(() => expect(within(select()).getAllByRole('option')).toHaveLength(4));
    expect(within(select()).getAllByRole('option').map((o) => o.textContent)).toEqual([
      '— No secondary ringtone —',
      'Default - Headset Earphone',
      'Desk Speakers',
      'HDMI Monitor',
    ]);
    expect(screen.getByLabelText('Secondary ringer')).toBe(select());
    expect(select().value).toBe('');
  });

  it('names devices "Device N" while the browser hides their names, and says why', async () => {
    const { app } = await appOf();
    const audio = fakeAudio([
      { deviceId: 'a1', label: '' },
      { deviceId: 'b2', label: '' },
    ]);
    renderInGarden(<SecondaryRinger app={app} platform={audio.platform} choice={memoryChoice().store} />);
    await waitFor(() => expect(within(select()).getAllByRole('option').map((o) => o.textContent)).toEqual(['— No secondary ringtone —', 'Device 1', 'Device 2']));
    expect(screen.getByTestId('ringer-names-hint').textContent).toContain('microphone');
  });

  it('follows devices being plugged in', async () => {
    const { app } = await appOf();
    const audio = fakeAudio([DEVICES[0]!]);
    renderInGarden(<SecondaryRinger app={app} platform={audio.platform} choice={memoryChoice().store} />);
    await waitFor(() => expect(within(select()).getAllByRole('option')).toHaveLength(2));
    act(() => audio.plugIn({ deviceId: 'usb-9', label: 'USB Speakerphone' }));
    await waitFor(() => expect(within(select()).getByRole('option', { name: 'USB Speakerphone' })).toBeTruthy());
  });

  it('hides the control with a note when the browser cannot choose an output', async () => {
    const { app } = await appOf();
    const audio = fakeAudio([...DEVICES], { supported: false });
    renderInGarden(<SecondaryRinger app={app} platform={audio.platform} choice={memoryChoice().store} />);
    expect(screen.queryByTestId('ringer-select')).toBeNull();
    expect(screen.getByTestId('ringer-unsupported').textContent).toContain('cannot choose where sounds play');
  });
});

describe('choosing a device', () => {
  it('plays a short sample on it and keeps the choice; "No secondary ringtone" forgets it', async () => {
    const { app } = await appOf();
    const audio = fakeAudio([...DEVICES]);
    const choice = memoryChoice();
    renderInGarden(<SecondaryRinger app={app} platform={audio.platform} choice={choice.store} />);
    await waitFor(() => expect(within(select()).getAllByRole('option')).toHaveLength(4));

    fireEvent.change(select(), { target: { value: 'spk-1' } });
    await waitFor(() => expect(audio.plays).toEqual([{ deviceId: 'spk-1', sound: 'sample', stopped: false }]));
    expect(choice.storage.get('acz.secondaryRinger')).toBe('spk-1');

    // Another device: the first sample stops, the new one plays.
    fireEvent.change(select(), { target: { value: 'hdmi-2' } });
    await waitFor(() => expect(audio.plays).toHaveLength(2));
    expect(audio.plays[0]!.stopped).toBe(true);
    expect(audio.plays[1]).toMatchObject({ deviceId: 'hdmi-2', sound: 'sample' });

    fireEvent.change(select(), { target: { value: '' } });
    expect(choice.storage.has('acz.secondaryRinger')).toBe(false);
    expect(audio.plays[1]!.stopped).toBe(true);
  });

  it('comes back chosen after a reload (kept in this browser until changed)', async () => {
    const { app } = await appOf();
    const audio = fakeAudio([...DEVICES]);
    renderInGarden(<SecondaryRinger app={app} platform={audio.platform} choice={memoryChoice('hdmi-2').store} />);
    await waitFor(() => expect(select().value).toBe('hdmi-2'));
    expect(audio.plays).toEqual([]); // no sample on load
  });

  it('says so when the device refuses to play', async () => {
    const { app } = await appOf();
    const audio = fakeAudio([...DEVICES], { failOn: 'spk-1' });
    renderInGarden(<SecondaryRinger app={app} platform={audio.platform} choice={memoryChoice().store} />);
    await waitFor(() => expect(within(select()).getAllByRole('option')).toHaveLength(4));
    fireEvent.change(select(), { target: { value: 'spk-1' } });
    expect((await screen.findByTestId('ringer-problem')).textContent).toContain('Requested device not found');
  });
});

describe('ringing', () => {
  it('rings on the chosen device while a call is offered, and stops when it is accepted', async () => {
    const { world, app } = await appOf();
    const audio = fakeAudio([...DEVICES]);
    renderInGarden(<TopBar app={app} ringer={audio.platform} ringerChoice={memoryChoice('spk-1').store} />);
    await waitFor(() => expect(select().value).toBe('spk-1'));
    expect(audio.ringing()).toEqual([]);

    await act(async () => {
      await world.step(0); // incoming
    });
    await waitFor(() => expect(audio.ringing()).toEqual(['spk-1']));

    await act(async () => {
      await world.step(1); // accepted
    });
    await waitFor(() => expect(audio.ringing()).toEqual([]));
    expect(audio.plays.filter((p) => p.sound === 'ring')).toHaveLength(1);
  });

  it('rings for chats and tasks too, stops when missed or rejected, never for a call the agent dials', async () => {
    const { app } = await appOf();
    const audio = fakeAudio([...DEVICES]);
    renderInGarden(<SecondaryRinger app={app} platform={audio.platform} choice={memoryChoice('hdmi-2').store} />);
    await waitFor(() => expect(select().value).toBe('hdmi-2'));

    act(() => app.store.setState({ contacts: [contact({ id: 'chat-1', channel: 'chat' })] }));
    await waitFor(() => expect(audio.ringing()).toEqual(['hdmi-2']));
    act(() => app.store.setState({ contacts: [] })); // missed: the contact is gone
    await waitFor(() => expect(audio.ringing()).toEqual([]));

    act(() => app.store.setState({ contacts: [contact({ id: 'task-1', channel: 'task' })] }));
    await waitFor(() => expect(audio.ringing()).toEqual(['hdmi-2']));
    act(() => app.store.setState({ contacts: [contact({ id: 'task-1', channel: 'task', phase: 'ended' })] })); // rejected
    await waitFor(() => expect(audio.ringing()).toEqual([]));

    act(() => app.store.setState({ contacts: [contact({ id: 'out-1', direction: 'outbound', offered: false })] }));
    await new Promise((r) => setTimeout(r, 20));
    expect(audio.ringing()).toEqual([]);
  });

  it('does not ring without a chosen device, and stops when the choice is cleared mid-ring', async () => {
    const { app } = await appOf();
    const audio = fakeAudio([...DEVICES]);
    renderInGarden(<SecondaryRinger app={app} platform={audio.platform} choice={memoryChoice().store} />);
    await waitFor(() => expect(within(select()).getAllByRole('option')).toHaveLength(4));
    act(() => app.store.setState({ contacts: [contact({})] }));
    await new Promise((r) => setTimeout(r, 20));
    expect(audio.plays).toEqual([]);

    fireEvent.change(select(), { target: { value: 'default' } });
    await waitFor(() => expect(audio.ringing()).toEqual(['default']));
    fireEvent.change(select(), { target: { value: '' } });
    await waitFor(() => expect(audio.ringing()).toEqual([]));
  });

  it('isRinging: an offered contact of any channel, not an outbound call', () => {
    expect(isRinging({ contacts: [] })).toBe(false);
    expect(isRinging({ contacts: [contact({ channel: 'task' })] })).toBe(true);
    expect(isRinging({ contacts: [contact({ phase: 'connected' })] })).toBe(false);
    expect(isRinging({ contacts: [contact({ direction: 'outbound', offered: false })] })).toBe(false);
    // A queued callback is offered to the agent like an inbound call, though it dials out.
    expect(isRinging({ contacts: [contact({ direction: 'outbound', offered: true })] })).toBe(true);
  });
});

describe('the ringtone', () => {
  it('is a valid 8 kHz 16-bit mono WAV built in code: about 1 s for the sample, 3 s for the ring', () => {
    const sample = wavBytes(ringtoneSamples('sample'));
    const text = (a: number, b: number) => String.fromCharCode(...sample.subarray(a, b));
    expect(text(0, 4)).toBe('RIFF');
    expect(text(8, 12)).toBe('WAVE');
    expect(text(36, 40)).toBe('data');
    const view = new DataView(sample.buffer);
    expect(view.getUint32(24, true)).toBe(8000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(ringtoneSamples('sample').length / 8000).toBeCloseTo(1.1, 1);
    expect(ringtoneSamples('ring').length / 8000).toBeCloseTo(3, 1);
    expect(Math.max(...ringtoneSamples('ring'))).toBeGreaterThan(10000);
  });
});
