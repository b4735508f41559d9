import { describe, expect, it } from 'vitest';
import { Transport, DEFAULT_RETRY, MAX_RETRY_AFTER_MS, REQUEST_TIMEOUT_MS, retryAfterMs } from '../../src/zendesk/transport';
import { ZendeskGateway } from '../../src/zendesk/gateway';
import { ZendeskError } from '../../src/zendesk/errors';
import { VirtualClock } from '../../src/sim/virtualClock';
import { InMemoryZendesk } from '../../src/sim/zendesk';
import { priyaZaf } from '../sim/priyaZaf';

function setup() {
  const clock = new VirtualClock(Date.parse('2026-01-05T09:00:00Z'));
  const zendesk = new InMemoryZendesk(
    {
      start: '2026-01-05T09:00:00Z',
      users: [
        { id: 1, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' },
        { id: 20, name: 'Tom Baker', role: 'end-user', phone: '+447700900123' },
      ],
      tickets: [],
      brands: [{ id: 1, name: 'Shop', default: true, active: true }],
    },
    clock,
  );
  const requests: { method: string; path: string; status: number; atMs: number }[] = [];
  const zaf = priyaZaf(zendesk, clock, (r) => requests.push(r));
  const trouble: string[] = [];
  const transport = new Transport(zaf, clock, DEFAULT_RETRY, {
    onTrouble: (e) => trouble.push(String(e.status)),
    onRecovered: () => trouble.push('recovered'),
  });
  return { clock, zendesk, requests, gateway: new ZendeskGateway(transport), trouble };
}

const newTicket = {
  requesterId: 20,
  subject: 'Inbound call',
  noteHtml: '<p>note</p><p>Contact ID: c1</p>',
  brandId: null,
  tags: ['amazon_connect'],
  customFields: [],
  externalId: 'c1',
  voiceVia: 45 as const,
  marker: 'Contact ID: c1',
};

describe('Transport', () => {
  it('waits for Retry-After on 429, then succeeds', async () => {
    const { clock, zendesk, requests, gateway, trouble } = setup();
    zendesk.injectFault({ method: 'GET', path: '/api/v2/users/search', status: 429, retry_after: 7 });
    const p = gateway.searchUsers('role:end-user phone:*7700900123');
    await clock.runUntilIdle(clock.nowMs() + 60_000);
    const { users } = await p;
    expect(users.map((u) => u.id)).toEqual([20]);
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
    // Retry-After, then up to half a second of jitter (rateGate.ts: instances told the same second spread out).
    expect(requests[1]!.atMs - requests[0]!.atMs).toBeGreaterThanOrEqual(7000);
    expect(requests[1]!.atMs - requests[0]!.atMs).toBeLessThan(7500);
    expect(trouble).toEqual(['429', 'recovered']);
  });

  it('backs off on 503 and network errors', async () => {
    const { clock, zendesk, requests, gateway } = setup();
    zendesk.injectFault({ method: 'GET', path: '/api/v2/tickets', status: 503, times: 2 });
    zendesk.injectFault({ method: 'GET', path: '/api/v2/tickets', status: 0, times: 1 });
    const p = gateway.getTicket(999);
    await clock.runUntilIdle(clock.nowMs() + 120_000);
    expect(await p).toBeNull();
    expect(requests.map((r) => r.status)).toEqual([503, 503, 0, 404]);
  });

  it('gives up after the last attempt with a ZendeskError', async () => {
    const { clock, zendesk, gateway } = setup();
    zendesk.injectFault({ method: 'GET', path: '/api/v2/users/20', status: 500, times: 99 });
    const p = gateway.getUser(20).catch((e: unknown) => e);
    await clock.runUntilIdle(clock.nowMs() + 600_000);
    const err = await p;
    expect(err).toBeInstanceOf(ZendeskError);
    expect((err as ZendeskError).status).toBe(500);
  });

  it('never creates a ticket twice when the first write landed but its answer was lost', async () => {
    const { clock, zendesk, requests, gateway } = setup();
    zendesk.injectFault({ method: 'POST', path: '/api/v2/channels/voice/tickets', status: 503, after_write: true });
    const p = gateway.createTicket(newTicket);
    await clock.runUntilIdle(clock.nowMs() + 60_000);
    const t = await p;
    const tickets = zendesk.snapshot().tickets;
    expect(tickets).toHaveLength(1);
    expect(t.id).toBe(tickets[0]!.id);
    expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /api/v2/channels/voice/tickets.json 503',
      'GET /api/v2/tickets.json 200',
      // The candidate's note names this contact: it is ours, not another leg's.
      `GET /api/v2/tickets/${tickets[0]!.id}/comments.json 200`,
    ]);
  });

  it('repeats a write whose first attempt did not land', async () => {
    const { clock, zendesk, gateway } = setup();
    zendesk.injectFault({ method: 'POST', path: '/api/v2/channels/voice/tickets', status: 0 });
    const p = gateway.createTicket(newTicket);
    await clock.runUntilIdle(clock.nowMs() + 60_000);
    await p;
    expect(zendesk.snapshot().tickets).toHaveLength(1);
  });

  it('does not retry a refusal (422)', async () => {
    const { clock, gateway, requests } = setup();
    const p = gateway.createTicket({ ...newTicket, requesterId: 12345 }).catch((e: unknown) => e);
    await clock.runUntilIdle(clock.nowMs() + 60_000);
    expect(((await p) as ZendeskError).status).toBe(422);
    expect(requests).toHaveLength(1);
  });

  it('turns ZAF\'s own 429 retry off and sets a time limit on every request', async () => {
    const { clock } = setup();
    const seen: unknown[] = [];
    const zaf = { request: async (o: unknown) => (seen.push(o), { status: 200, responseJSON: { users: [] }, responseText: '', headers: {} }) };
    const t = new Transport(zaf as never, clock, DEFAULT_RETRY);
    await t.get('/api/v2/users/search.json?query=x');
    expect(seen[0]).toMatchObject({ autoRetry: false, timeout: REQUEST_TIMEOUT_MS, httpCompleteResponse: true });
  });

  it('reads Retry-After as seconds or an HTTP date, falls back when it is missing or unreadable, and caps it', () => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    const r = (v: string | undefined) => retryAfterMs({ status: 429, responseJSON: null, responseText: '', headers: v === undefined ? {} : { 'retry-after': v } }, now, 10_000, MAX_RETRY_AFTER_MS);
    expect(r('7')).toBe(7000);
    expect(r('1.5')).toBe(1500);
    expect(r('Mon, 05 Jan 2026 09:00:30 GMT')).toBe(30_000);
    expect(r('Mon, 05 Jan 2026 08:00:00 GMT')).toBe(0);
    expect(r(undefined)).toBe(10_000);
    expect(r('abc')).toBe(10_000);
    expect(r('-5')).toBe(10_000);
    expect(r('1000000000')).toBe(MAX_RETRY_AFTER_MS);
    // A rejection without headers (or not a response at all) waits the fallback.
    expect(retryAfterMs(new Error('x'), now, 10_000, MAX_RETRY_AFTER_MS)).toBe(10_000);
  });

  it('a 429 asking for 1e9 seconds holds the contact 120 s, not for ever', async () => {
    const { clock, zendesk, requests, gateway } = setup();
    zendesk.injectFault({ method: 'GET', path: '/api/v2/users/search', status: 429, retry_after: 1e9 });
    const t0 = clock.nowMs();
    const p = gateway.searchUsers('role:end-user phone:*7700900123');
    await clock.runUntilIdle(clock.nowMs() + 600_000);
    expect((await p).users).toHaveLength(1);
    expect(requests[1]!.atMs - t0).toBeGreaterThanOrEqual(MAX_RETRY_AFTER_MS);
    expect(requests[1]!.atMs - t0).toBeLessThan(MAX_RETRY_AFTER_MS + 500);
  });

  it('a 429 without Retry-After waits the default, once, with no second retry by ZAF', async () => {
    const { clock, zendesk, requests, gateway } = setup();
    zendesk.injectFault({ method: 'GET', path: '/api/v2/users/search', status: 429, retry_after: null });
    const p = gateway.searchUsers('role:end-user phone:*7700900123');
    await clock.runUntilIdle(clock.nowMs() + 600_000);
    expect((await p).users).toHaveLength(1);
    expect(requests.map((q) => q.status)).toEqual([429, 200]);
    expect(requests[1]!.atMs - requests[0]!.atMs).toBeGreaterThanOrEqual(DEFAULT_RETRY.defaultRetryAfterMs);
    expect(requests[1]!.atMs - requests[0]!.atMs).toBeLessThan(DEFAULT_RETRY.defaultRetryAfterMs + 500);
  });

  it('retries a 409 conflict: the write collided and did not land', async () => {
    const { clock, zendesk, requests, gateway } = setup();
    zendesk.injectFault({ method: 'POST', path: '/api/v2/channels/voice/tickets', status: 409 });
    const p = gateway.createTicket(newTicket);
    await clock.runUntilIdle(clock.nowMs() + 60_000);
    await p;
    expect(zendesk.snapshot().tickets).toHaveLength(1);
    // Not an unknown outcome: repeated without a check first.
    expect(requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 409', 'POST 201']);
  });

  it('a request that never answers times out and is tried again', async () => {
    const { clock, zendesk, requests, gateway } = setup();
    zendesk.injectFault({ method: 'GET', path: '/api/v2/users/search', status: 'hang' });
    const t0 = clock.nowMs();
    const p = gateway.searchUsers('role:end-user phone:*7700900123');
    await clock.runUntilIdle(clock.nowMs() + 600_000);
    expect((await p).users).toHaveLength(1);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.atMs - t0).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
  });

  it('a write that never answers is checked before it is repeated: one ticket', async () => {
    const { clock, zendesk, gateway } = setup();
    zendesk.injectFault({ method: 'POST', path: '/api/v2/channels/voice/tickets', status: 'hang' });
    const p = gateway.createTicket(newTicket);
    await clock.runUntilIdle(clock.nowMs() + 600_000);
    const t = await p;
    expect(zendesk.snapshot().tickets.map((x) => x.id)).toEqual([t.id]);
  });

  it('a success whose body is an HTML page is no answer: read again', async () => {
    const { clock, zendesk, requests, gateway } = setup();
    zendesk.injectFault({ method: 'GET', path: '/api/v2/users/search', status: 200, body: '<html>proxy</html>', content_type: 'text/html' });
    const p = gateway.searchUsers('role:end-user phone:*7700900123');
    await clock.runUntilIdle(clock.nowMs() + 60_000);
    expect((await p).users).toHaveLength(1);
    expect(requests.map((q) => q.status)).toEqual([200, 200]);
  });

  it('a slow answer (delay_ms) arrives late but once', async () => {
    const { clock, zendesk, requests, gateway } = setup();
    zendesk.injectFault({ method: 'GET', path: '/api/v2/users/search', status: 200, delay_ms: 20_000 });
    const t0 = clock.nowMs();
    const p = gateway.searchUsers('role:end-user phone:*7700900123');
    await clock.runUntilIdle(clock.nowMs() + 60_000);
    expect((await p).users).toHaveLength(1);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.atMs - t0).toBe(20_000);
  });
});
