// The background location: it keeps looking for the top bar until it can preload it, however
// late the top bar registers, with a growing pause (no hammering, no hard stop); it stops when
// the top bar says it runs; it hands click-to-dial on to the top bar.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/sim/virtualClock';
import { InMemoryZendesk } from '../../src/sim/zendesk';
import { priyaZaf } from '../sim/priyaZaf';
import { announceTopBar, LONGEST_PAUSE_MS, startBackground } from '../../src/locations/background/background';
import { RELAYED_DIALOUT_EVENT } from '../../src/app/dialout';

const START = Date.parse('2026-01-05T09:00:00Z');

function client(clock: VirtualClock, zendesk: InMemoryZendesk, guid: string, location: string, calls: string[] = []) {
  return priyaZaf(zendesk, clock, undefined, {
    guid,
    location,
    recorder: { request: () => undefined, pop: () => undefined, notify: () => undefined, popover: (a) => calls.push(`popover ${a}`) },
  });
}

function setup() {
  const clock = new VirtualClock(START);
  const zendesk = new InMemoryZendesk({ start: '2026-01-05T09:00:00Z', users: [{ id: 1, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' }] }, clock);
  const background = client(clock, zendesk, 'bg', 'background');
  const looks: number[] = [];
  const get = background.get.bind(background);
  background.get = ((path: string) => {
    if (path === 'instances') looks.push((clock.nowMs() - START) / 1000);
    return get(path);
  }) as typeof background.get;
  return { clock, zendesk, background, looks };
}

function topBar(clock: VirtualClock, zendesk: InMemoryZendesk, guid = 'top') {
  const calls: string[] = [];
  const zaf = client(clock, zendesk, guid, 'top_bar', calls);
  const invoke = zaf.invoke.bind(zaf);
  zaf.invoke = (name: string, ...args: unknown[]) => {
    calls.push(name);
    return invoke(name, ...args);
  };
  return { zaf, calls };
}

describe('background: preloading the top bar', () => {
  it('keeps looking, ever less often, until a late top bar registers, then preloads it once', async () => {
    const { clock, zendesk, background, looks } = setup();
    const run = startBackground(background, { sleep: (ms) => clock.sleep(ms), log: () => undefined });
    await clock.advanceTo(START + 10 * 60_000);
    // 2 s, 4 s, 8 s … then once a minute: a dozen looks in ten minutes, and still looking.
    expect(looks.slice(0, 6)).toEqual([0, 2, 6, 14, 30, 62]);
    expect(looks.length).toBeLessThanOrEqual(15);
    const gaps = looks.slice(1).map((t, i) => t - looks[i]!);
    expect(Math.max(...gaps)).toBe(LONGEST_PAUSE_MS / 1000);

    const top = topBar(clock, zendesk);
    background.link(top.zaf);
    await clock.advanceTo(START + 12 * 60_000);
    expect(await run.preloaded).toBe(true);
    expect(top.calls.filter((c) => c === 'preloadPane')).toHaveLength(1);
    const lookedSoFar = looks.length;
    await clock.advanceTo(START + 30 * 60_000);
    expect(looks).toHaveLength(lookedSoFar);
  });

  it('stops looking when the top bar says it runs', async () => {
    const { clock, zendesk, background, looks } = setup();
    const run = startBackground(background, { sleep: (ms) => clock.sleep(ms), log: () => undefined });
    await clock.advanceTo(START + 20_000);
    // The top bar opened by itself (the agent clicked it) and tells the background.
    const top = topBar(clock, zendesk);
    top.zaf.link(background);
    await announceTopBar(top.zaf);
    await clock.advanceTo(START + 5 * 60_000);
    expect(await run.preloaded).toBe(true);
    // No look after the announcement (the next was due at 30 s), so no preload of a running pane.
    expect(looks).toEqual([0, 2, 6, 14]);
    expect(top.calls).not.toContain('preloadPane');
  });
});

describe('background: click-to-dial', () => {
  it('hands voice.dialout to the top bar as acz.dialout, with the number alone', async () => {
    const { clock, zendesk, background } = setup();
    const top = topBar(clock, zendesk);
    background.link(top.zaf);
    const heard: unknown[] = [];
    top.zaf.on(RELAYED_DIALOUT_EVENT, (p) => heard.push(p));
    startBackground(background, { sleep: (ms) => clock.sleep(ms), log: () => undefined });
    background.receive('voice.dialout', { number: '+447700900123' });
    await clock.advanceTo(START + 1000);
    expect(heard).toEqual([{ number: '+447700900123' }]);
  });
});
