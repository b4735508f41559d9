// @vitest-environment jsdom
import './jsdomSetup';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TopBar } from '../../src/ui/TopBar';
import { QUEUE_NAME_MAX, QUEUE_NAME_TAIL } from '../../src/domain/queueName';
import { appWithSettings, example, openWorld, renderInGarden } from './helpers';

afterEach(() => cleanup());

const step = async (world: Awaited<ReturnType<typeof openWorld>>, i: number) => {
  await act(async () => {
    await world.step(i);
  });
};

describe('TopBar: queue notification on connecting', () => {
  it('shows the queue name while the contact rings and hides it once accepted and connected', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = world.tab('priya', 1)!.app;
    renderInGarden(<TopBar app={app} />);
    expect(screen.queryByTestId('queue-name')).toBeNull();

    await step(world, 0); // incoming from General
    const queue = screen.getByTestId('queue-name');
    expect(queue.textContent).toContain('General');
    expect(screen.getByRole('group', { name: /^Incoming call: / })).toBeTruthy();
    expect(screen.getByText('Ringing')).toBeTruthy();

    await step(world, 1); // accepted
    await step(world, 2); // connected
    expect(screen.queryByTestId('queue-name')).toBeNull();
    // The ticket the app created is linked.
    const ticketId = app.store.getState().contacts[0]!.ticketId!;
    expect(ticketId).toBeGreaterThan(700);
    expect(screen.getByRole('button', { name: `Ticket #${ticketId}` })).toBeTruthy();
    expect(screen.getByLabelText('Ticket assignment: Auto')).toBeTruthy();
  });

  it('clips a 60-character queue name to 35 characters, keeping the last 8, with the full name on hover and focus', async () => {
    const long = 'Customer Service Premium Accounts EMEA Weekend Overflow Q042';
    expect(Array.from(long)).toHaveLength(60);
    const scenario = example('inbound-recognised-auto');
    (scenario.steps[0] as { queue?: string }).queue = long;
    const world = await openWorld(scenario);
    renderInGarden(<TopBar app={world.tab('priya', 1)!.app} />);
    await step(world, 0);

    const name = within(screen.getByTestId('queue-name')).getByTitle(long);
    const shown = name.textContent ?? '';
    expect(Array.from(shown)).toHaveLength(QUEUE_NAME_MAX);
    expect(shown.endsWith(long.slice(-QUEUE_NAME_TAIL))).toBe(true);
    expect(shown).toContain('…');
    expect(shown).not.toBe(long);
    expect(name.getAttribute('aria-label')).toContain(long);

    // Keyboard focus shows the tooltip with the whole name.
    act(() => name.focus());
    const tip = await screen.findByRole('tooltip', {}, { timeout: 2000 });
    expect(tip.textContent).toBe(long);
  });

  it('does not clip a short queue name nor add a tooltip', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    renderInGarden(<TopBar app={world.tab('priya', 1)!.app} />);
    await step(world, 0);
    expect(within(screen.getByTestId('queue-name')).queryByTitle('General')).toBeNull();
  });
});

describe('TopBar: manual assignment', () => {
  it('offers Create ticket and Attach to current, says what is selected, and Create ticket creates the ticket', async () => {
    const world = await openWorld(example('inbound-anonymous-manual-create'));
    const tab = world.tab('priya', 1)!;
    renderInGarden(<TopBar app={tab.app} />);
    for (const i of [0, 1, 2]) await step(world, i);

    expect(screen.getByLabelText('Ticket assignment: Manual')).toBeTruthy();
    expect(screen.getByText('Withheld number')).toBeTruthy();
    const create = screen.getByRole('button', { name: 'Create ticket' });
    expect(screen.getByRole('button', { name: 'Attach to current' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'No ticket' })).toBeNull();
    expect(screen.getByText(/Selected: nothing/)).toBeTruthy();

    // The sidebar reports the ticket the agent opened.
    await act(async () => tab.zaf.trigger('acz.viewing', { kind: 'ticket', id: 700, requesterId: 21 })); // ZAF delivers it after trigger returns
    expect(screen.getByText('Selected: Ticket #700')).toBeTruthy();
    await act(async () => tab.zaf.trigger('acz.viewing', { kind: 'user', id: 20 })); // ZAF delivers it after trigger returns
    expect(screen.getByText('Selected: User #20')).toBeTruthy();
    await act(async () => tab.zaf.trigger('acz.viewing', { kind: 'ticket', id: 0 })); // ZAF delivers it after trigger returns

    const before = world.zendesk.snapshot().tickets.length;
    await act(async () => {
      fireEvent.click(create);
      await world.clock.advanceTo(world.clock.nowMs() + 5000);
    });
    await waitFor(() => expect(world.zendesk.snapshot().tickets.length).toBe(before + 1));
    const created = world.zendesk.snapshot().tickets.find((t) => t.id !== 700)!;
    expect(created.requester_id).toBe(1); // anonymous caller: the agent is the requester
    await waitFor(() => expect(screen.getByRole('button', { name: `Ticket #${created.id}` })).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Create ticket' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Attach to current' })).toBeNull();
  });

  it('disables the buttons while a click is being carried out, and offers No ticket for tasks', async () => {
    const world = await openWorld(example('inbound-anonymous-manual-create'));
    const app = world.tab('priya', 1)!.app;
    renderInGarden(<TopBar app={app} />);
    act(() =>
      app.store.setState({
        contacts: [
          { id: 'k1', channel: 'task', direction: 'inbound', offered: true, phase: 'connected', queue: 'Back office', customerLabel: 'Call Ada back', mode: 'agent', ticketId: null, userId: null, awaitingAgent: true, busy: true },
        ],
        focusedContactId: 'k1',
      }),
    );
    for (const name of ['Create ticket', 'Attach to current', 'No ticket']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('Working');
    act(() => app.store.setState((s) => ({ contacts: s.contacts.map((c) => ({ ...c, busy: false })) })));
    expect((screen.getByRole('button', { name: 'No ticket' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('TopBar: settings and CCP status', () => {
  it('shows the settings problem and no CCP when ccpUrl is missing', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = await appWithSettings(world, { region: 'eu-west-2' });
    renderInGarden(<TopBar app={app} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The app settings need fixing');
    expect(alert.textContent).toContain('(ccpUrl) is not set');
    expect(screen.getByTestId('ccp-container').hidden).toBe(true);
    expect(screen.queryByLabelText('Outbound queue')).toBeNull();
  });

  it('shows the settings problem when ccpUrl is not https', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = await appWithSettings(world, { ccpUrl: 'http://example.my.connect.aws/ccp-v2' });
    renderInGarden(<TopBar app={app} />);
    expect(screen.getByRole('alert').textContent).toContain('must start with https://');
    expect(screen.getByTestId('ccp-container').hidden).toBe(true);
  });

  it('shows a starting message, then the CCP box once settings are fine', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = await appWithSettings(world, { ccpUrl: 'https://example.my.connect.aws/ccp-v2' });
    renderInGarden(<TopBar app={app} />);
    expect(screen.getByRole('status').textContent).toContain('Starting');
    const box = screen.getByRole('region', { name: 'Amazon Connect Contact Control Panel' });
    expect(box.hidden).toBe(false);
  });

  it('explains an unreachable CCP with the origin to approve, pop-ups and the microphone', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = world.tab('priya', 1)!.app;
    renderInGarden(<TopBar app={app} />);
    act(() => app.store.setState({ ccp: { kind: 'ccp_unreachable', origin: 'https://1234.apps.zdusercontent.com' } }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('did not answer');
    expect(alert.textContent).toContain('https://1234.apps.zdusercontent.com');
    expect(alert.textContent).toContain('Approved origins');
    expect(alert.textContent).toMatch(/pop-ups/);
    expect(alert.textContent).toMatch(/microphone/);
  });

  it('shows ignored settings and Zendesk trouble as warnings', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = await appWithSettings(world, { ccpUrl: 'https://example.my.connect.aws/ccp-v2', defaultCountry: 'UK' });
    renderInGarden(<TopBar app={app} />);
    expect(screen.getByText('Some settings were not used')).toBeTruthy();
    expect(screen.getByText(/for the United Kingdom use GB/)).toBeTruthy();
    act(() => app.store.setState({ zendeskTrouble: 'Zendesk is busy; the app will try again.' }));
    expect(screen.getByText('Trouble talking to Zendesk')).toBeTruthy();
    expect(screen.getByText('Zendesk is busy; the app will try again.')).toBeTruthy();
  });

  it('in media-less mode offers the sign-in steps, folded', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = await appWithSettings(world, { ccpUrl: 'https://example.my.connect.aws/ccp-v2', mediaLess: true });
    renderInGarden(<TopBar app={app} />);
    const toggle = screen.getByRole('button', { name: /Media-less mode/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText(/open your Contact Control Panel and sign in/).closest('[hidden]')).not.toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/open your Contact Control Panel and sign in/).closest('[hidden]')).toBeNull();
  });
});

describe('TopBar: notices', () => {
  it('lists notices by level and dismisses them', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = world.tab('priya', 1)!.app;
    renderInGarden(<TopBar app={app} />);
    act(() => {
      app.notify('warning', 'Ticket 12345 was not found; a new ticket is created.');
      app.notify('error', 'The ticket could not be created.');
    });
    const messages = screen.getByRole('region', { name: 'Messages' });
    expect(within(messages).getByText('Warning')).toBeTruthy();
    expect(within(messages).getByText('Error')).toBeTruthy();
    expect(within(messages).getByText('Ticket 12345 was not found; a new ticket is created.')).toBeTruthy();

    const dismiss = within(messages).getAllByRole('button', { name: 'Dismiss message' });
    expect(dismiss).toHaveLength(2);
    fireEvent.click(dismiss[0]!);
    expect(screen.queryByText('Ticket 12345 was not found; a new ticket is created.')).toBeNull();
    expect(screen.getByText('The ticket could not be created.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('region', { name: 'Messages' })).toBeNull();
    expect(app.store.getState().notices).toEqual([]);
  });
});

describe('TopBar: outbound queue and dialling', () => {
  it('lists the routing profile queues with the default, picks one, and Reset goes back', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = world.tab('priya', 1)!.app;
    renderInGarden(<TopBar app={app} />);
    const select = screen.getByLabelText('Outbound queue') as HTMLSelectElement;
    const reset = screen.getByRole('button', { name: /Reset/ }) as HTMLButtonElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['General (default)', 'Billing']);
    expect(select.value).toBe('General');
    expect(reset.disabled).toBe(true);

    fireEvent.change(select, { target: { value: 'Billing' } });
    expect(app.store.getState().outboundQueuePick).toBe('Billing');
    expect(select.value).toBe('Billing');
    expect(reset.disabled).toBe(false);

    fireEvent.click(reset);
    expect(app.store.getState().outboundQueuePick).toBeNull();
    expect(select.value).toBe('General');
    expect(reset.disabled).toBe(true);
  });

  it('dials the entered number through the picked queue', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = world.tab('priya', 1)!.app;
    renderInGarden(<TopBar app={app} />);
    fireEvent.change(screen.getByLabelText('Outbound queue'), { target: { value: 'Billing' } });
    const call = screen.getByRole('button', { name: /^Call/ }) as HTMLButtonElement;
    expect(call.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Enter a number'), { target: { value: '+44 7700 900123' } });
    expect(call.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(call);
      await world.clock.advanceTo(world.clock.nowMs() + 5000);
    });
    await waitFor(() => expect(world.report.dials).toHaveLength(1));
    // Connect is asked to dial the number in E.164, whatever the agent typed.
    expect(world.report.dials[0]).toMatchObject({ number: '+447700900123', queue: 'Billing' });
    expect((screen.getByLabelText('Enter a number') as HTMLInputElement).value).toBe('');
  });
});

describe('TopBar: several contacts', () => {
  it('shows one tab per contact, the focused one selected, and switching tabs switches the CCP', async () => {
    const world = await openWorld(example('inbound-recognised-auto'));
    const app = world.tab('priya', 1)!.app;
    renderInGarden(<TopBar app={app} />);
    const base = { direction: 'inbound' as const, offered: true, phase: 'connected' as const, queue: 'General', mode: 'auto' as const, userId: null, awaitingAgent: false, busy: false };
    act(() =>
      app.store.setState({
        contacts: [
          { ...base, id: 'a', channel: 'chat', customerLabel: 'Tom Baker', ticketId: 801 },
          { ...base, id: 'b', channel: 'task', customerLabel: 'Call Ada back', ticketId: 802 },
        ],
        focusedContactId: 'b',
      }),
    );
    const tabs = screen.getAllByRole('tab');
    expect(tabs).toHaveLength(2);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain('Ticket #802');
    fireEvent.click(tabs[0]!);
    // The CCP switches, and Streams reports the contact it now shows (its contact::view broadcast).
    await waitFor(() => expect(app.store.getState().focusedContactId).toBe('a'));
    await waitFor(() => expect(screen.getByRole('tabpanel').textContent).toContain('Ticket #801'));
  });
});

describe('TopBar: Voice ID', () => {
  it("shows the caller's Voice ID enrolment once connected, as Connect reports it", async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const { loadScenario } = await import('../../src/sim/scenario/load');
    const file = resolve(__dirname, '../scenarios/voiceid/voiceid-enrolled.json');
    const loaded = loadScenario('voiceid-enrolled.json', readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    const world = await openWorld(loaded.scenario);
    renderInGarden(<TopBar app={world.tab('priya', 1)!.app} />);
    // Connected before enrolment: not enrolled yet.
    await act(async () => {
      for (const i of [0, 1, 2]) await world.step(i);
    });
    await waitFor(() => expect(screen.getByText('Voice ID: not enrolled')).toBeTruthy());
  });
});
