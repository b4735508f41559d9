// The fake ZAF client answers as ZAF does (its documented behaviour), so the app is tested
// against Zendesk's framework and not a friendlier picture of it.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/sim/virtualClock';
import { InMemoryZendesk } from '../../src/sim/zendesk';
import { FakeZafClient } from '../../src/sim/zaf/fakeZafClient';
import type { ZafResponse } from '../../src/zendesk/zaf';

function setup(location = 'top_bar') {
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
  });
  return { clock, zendesk, zaf, requests };
}

const GET = { url: '/api/v2/users/1.json', type: 'GET' as const, httpCompleteResponse: true as const };

describe('fake ZAF client', () => {
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
