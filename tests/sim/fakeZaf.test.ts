// The fake ZAF client answers as ZAF does (its documented behaviour), so the app is tested
// against Zendesk's framework and not a friendlier picture of it.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/sim/virtualClock';
import { InMemoryZendesk, SIM_APP_ID } from '../../src/sim/zendesk';
import { FakeZafClient, type FakeZafOptions } from '../../src/sim/zaf/fakeZafClient';
import type { ZafResponse } from '../../src/zendesk/zaf';

function setup(location = 'top_bar', extra: Partial<FakeZafOptions> = {}) {
  const clock = new VirtualClock(Date.parse('2026-01-05T09:00:00Z'));
  const zendesk = new InMemoryZendesk(
    { start: '2026-01-05T09:00:00Z', users: [{ id: 1, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' }], tickets: [], brands: [] },
    clock,
  );
  const requests: number[] = [];
  const zaf = new FakeZafClient({
    backend: zendesk,
    clock,
    latencyMs: 100,
    currentUser: { id: 1, name: 'Priya Agent', email: 'priya@example.org', role: 'agent', locale: 'en-US' },
    settings: {},
    installationId: 1,
    guid: 'top-bar-guid',
    location,
    recorder: { request: (r) => requests.push(r.status), pop: () => {}, notify: () => {}, popover: () => {} },
    ...extra,
  });
  return { clock, zendesk, zaf, requests };
}

const GET = { url: '/api/v2/users/1.json', type: 'GET' as const, httpCompleteResponse: true as const };

describe('fake ZAF client', () => {
  it("gives the app's id in metadata, which Talk Partner Edition's call object takes as app_id", async () => {
    const { zaf, clock } = setup();
    const meta = await zaf.metadata();
    expect(meta).toMatchObject({ appId: SIM_APP_ID, installationId: 1, settings: {} });
    const call = { app_id: meta.appId, from_line: '+447700900123', to_line: '+442079460000', call_started_at: '2026-01-05T09:00:04Z', direction: 'inbound' };
    const write = { url: '/api/v2/calls.json', type: 'POST' as const, data: JSON.stringify({ call }), httpCompleteResponse: true as const, autoRetry: false as const, timeout: 10_000 };
    const pending = zaf.request(write);
    await clock.runUntilIdle(clock.nowMs() + 60_000);
    expect((await pending).status).toBe(201);
    await expect(setup('top_bar', { appId: 42 }).zaf.metadata()).resolves.toMatchObject({ appId: 42 });
  });

  it('rejects a get path the location does not have', async () => {
    const { zaf } = setup();
    await expect(zaf.get('ticket.id')).rejects.toThrow(/ticket\.id/);
    await expect(zaf.get('currentUser')).resolves.toMatchObject({ currentUser: { id: 1 } });
  });

  it('lists the calling instance among the instances', async () => {
    const { zaf } = setup();
    const { instances } = await zaf.get('instances');
    expect(instances['top-bar-guid']).toMatchObject({ location: 'top_bar' });
  });

  it('runs trigger handlers after trigger returns', async () => {
    const { zaf } = setup();
    const seen: unknown[] = [];
    zaf.on('acz.viewing', (p) => seen.push(p));
    zaf.trigger('acz.viewing', { kind: 'ticket', id: 7 });
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual([{ kind: 'ticket', id: 7 }]);
  });

  // lib/client.ts: rawPostMessage posts only once `ready`, else waits for app.registered.
  it('queues what the app does before registration and answers it in order once registered', async () => {
    const { zaf } = setup('top_bar', { registered: false });
    const order: string[] = [];
    zaf.on('app.registered', (data) => order.push(`registered ${JSON.stringify((data as { context: unknown }).context)}`));
    const calls = [
      zaf.metadata().then(() => order.push('metadata')),
      zaf.get('currentUser').then(() => order.push('currentUser')),
      zaf.invoke('notify', 'hello', 'notice').then(() => order.push('notify')),
      zaf.context().then(() => order.push('context')),
    ];
    zaf.on('acz.viewing', () => order.push('viewing'));
    zaf.trigger('acz.viewing', { kind: 'ticket', id: 7 });
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual([]);
    expect(zaf.registered).toBe(false);
    zaf.register();
    await Promise.all(calls);
    await new Promise((r) => setTimeout(r, 0));
    expect(order.filter((o) => !o.startsWith('registered') && o !== 'viewing')).toEqual(['metadata', 'currentUser', 'notify', 'context']);
    expect(order).toContain('registered {"location":"top_bar","instanceGuid":"top-bar-guid"}');
    expect(order).toContain('viewing');
  });

  it('drops a framework event that comes before registration', async () => {
    const { zaf } = setup('top_bar', { registered: false });
    const seen: unknown[] = [];
    zaf.on('voice.dialout', (p) => seen.push(p));
    zaf.receive('voice.dialout', { number: '+447700900123' });
    zaf.register();
    zaf.receive('voice.dialout', { number: '+447700900456' });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([{ number: '+447700900456' }]);
  });

  // lib/client.ts processResponse: the framework's result object, or an Error for result.errors[name].
  it("resolves invoke with the framework's result and rejects what the location does not offer", async () => {
    const top = setup('top_bar').zaf;
    await expect(top.invoke('routeTo', 'ticket', 7)).resolves.toEqual({ errors: {} });
    await expect(top.invoke('notify', 'hi', 'alert', { sticky: false })).resolves.toEqual({ errors: {} });
    await expect(top.invoke('popover', 'show')).resolves.toEqual({ errors: {} });
    await expect(top.invoke('popover', { width: 340, height: 620 })).resolves.toEqual({ errors: {} });
    await expect(top.invoke('preloadPane')).resolves.toEqual({ errors: {} });
    await expect(top.invoke('popover', 'wiggle')).rejects.toThrow(/popover/);
    await expect(top.invoke('ticket.appendText', 'x')).rejects.toBeInstanceOf(Error);
    const bg = setup('background', { guid: 'background-guid' }).zaf;
    await expect(bg.invoke('popover', 'show')).rejects.toThrow(/not available in the background/);
    await expect(bg.invoke('resize', { width: '1px', height: '1px' })).rejects.toThrow(/resize/);
    await expect(bg.invoke('preloadPane')).rejects.toThrow(/preloadPane/);
    const side = setup('ticket_sidebar').zaf;
    await expect(side.invoke('resize', { width: '100%', height: '0px' })).resolves.toEqual({ errors: {} });
    // An action on another instance runs in that instance's location.
    bg.link(top);
    await expect(bg.instance('top-bar-guid').invoke('preloadPane')).resolves.toEqual({ errors: {} });
    await expect(bg.instance('no-such-guid').invoke('preloadPane')).rejects.toThrow(/no-such-guid/);
  });

  it('without Talk Partner Edition: voice.dialout never fires, and subscribing to it gets voice.error', async () => {
    const { zaf } = setup('top_bar', { talkPartnerEdition: false, registered: false });
    const seen: [string, unknown][] = [];
    zaf.on('voice.error', (p) => seen.push(['voice.error', p]));
    zaf.on('voice.dialout', (p) => seen.push(['voice.dialout', p]));
    zaf.register();
    zaf.receive('voice.dialout', { number: '+447700900123' });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([['voice.error', { message: expect.stringContaining('Talk Partner Edition') }]]);
    const withTpe = setup('top_bar').zaf;
    const heard: unknown[] = [];
    withTpe.on('voice.dialout', (p) => heard.push(p));
    withTpe.receive('voice.dialout', { number: '+447700900123' });
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toEqual([{ number: '+447700900123' }]);
  });

  it('retries a 429 itself unless autoRetry is false', async () => {
    for (const autoRetry of [undefined, false] as const) {
      const { clock, zendesk, zaf, requests } = setup();
      zendesk.injectFault({ method: 'GET', path: '/api/v2/users', status: 429, retry_after: 2 });
      const p = zaf.request({ ...GET, ...(autoRetry === false ? { autoRetry, timeout: 30_000 } : {}) } as never).then(
        (r: ZafResponse) => r.status,
        (e: ZafResponse) => e.status,
      );
      await clock.runUntilIdle(clock.nowMs() + 60_000);
      expect(await p).toBe(autoRetry === false ? 429 : 200);
      expect(requests).toEqual(autoRetry === false ? [429] : [429, 200]);
    }
  });

  it('rejects with status 0 when the answer does not come within timeout', async () => {
    const { clock, zendesk, zaf } = setup();
    zendesk.injectFault({ method: 'GET', path: '/api/v2/users', status: 'hang' });
    const p = zaf.request({ ...GET, autoRetry: false, timeout: 5_000 }).catch((e: ZafResponse) => e);
    await clock.runUntilIdle(clock.nowMs() + 60_000);
    expect(await p).toMatchObject({ status: 0 });
    expect(clock.nowMs() - Date.parse('2026-01-05T09:00:00Z')).toBeGreaterThanOrEqual(5_000);
  });
});
