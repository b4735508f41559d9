import { describe, expect, it } from 'vitest';
import { RateGate, type Priority } from '../../src/zendesk/rateGate';
import { Transport, DEFAULT_RETRY } from '../../src/zendesk/transport';
import { ZendeskGateway } from '../../src/zendesk/gateway';
import { VirtualClock } from '../../src/sim/virtualClock';
import { InMemoryZendesk } from '../../src/sim/zendesk';
import { priyaZaf } from '../sim/priyaZaf';

const T0 = Date.parse('2026-01-05T09:00:00Z');

/** When (ms after now) a request of this priority is let through. */
async function sentAfter(clock: VirtualClock, gate: RateGate, priority: Priority): Promise<number> {
  const start = clock.nowMs();
  let at = -1;
  void gate.admit(priority).then((done) => {
    at = clock.nowMs() - start;
    done();
  });
  await clock.runUntilIdle(start + 10 * 60_000);
  return at;
}

const answer = (status: number, remaining: number, limit = 700) => ({
  status,
  headers: { 'X-Rate-Limit': String(limit), 'X-Rate-Limit-Remaining': String(remaining) },
});

describe('RateGate: one instance sharing the account limit', () => {
  it('after a 429 holds every request until Retry-After, a ringing contact\'s lookup first', async () => {
    const clock = new VirtualClock(T0);
    const gate = new RateGate(clock, 3);
    gate.observe(answer(429, 0), 5000);
    const pop = await sentAfter(clock, gate, 'pop');
    expect(pop).toBeGreaterThanOrEqual(5000);
    expect(pop).toBeLessThan(5500);
    const gate2 = new RateGate(clock, 3);
    gate2.observe(answer(429, 0), 5000);
    expect(await sentAfter(clock, gate2, 'details')).toBeGreaterThanOrEqual(5000);
  });

  it('leaves the last 25% of the budget to lookups and ticket writes, the last 10% to lookups', async () => {
    const clock = new VirtualClock(T0);
    const gate = new RateGate(clock, 5);
    gate.observe(answer(200, 100), null); // 100 of 700 left: under 25%, over 10%
    expect(await sentAfter(clock, gate, 'pop')).toBe(0);
    const low = new RateGate(clock, 5);
    low.observe(answer(200, 100), null);
    expect(await sentAfter(clock, low, 'ticket')).toBe(0);
    const lower = new RateGate(clock, 5);
    lower.observe(answer(200, 100), null);
    // Details wait until the figure is stale (10 s) or Zendesk says there is room again.
    expect(await sentAfter(clock, lower, 'details')).toBeGreaterThan(1000);
    const empty = new RateGate(clock, 5);
    empty.observe(answer(200, 20), null); // under 10%
    expect(await sentAfter(clock, empty, 'pop')).toBe(0);
    const empty2 = new RateGate(clock, 5);
    empty2.observe(answer(200, 20), null);
    expect(await sentAfter(clock, empty2, 'ticket')).toBeGreaterThan(1000);
  });

  it('a Remaining figure older than 10 s holds nothing back', async () => {
    const clock = new VirtualClock(T0);
    const gate = new RateGate(clock, 9);
    gate.observe(answer(200, 0), null);
    await clock.advanceTo(clock.nowMs() + 11_000);
    expect(await sentAfter(clock, gate, 'details')).toBe(0);
  });

  it('call details wait while this instance has a ringing contact\'s lookup under way', async () => {
    const clock = new VirtualClock(T0);
    const gate = new RateGate(clock, 11);
    const release = await gate.admit('pop');
    let detailsAt = -1;
    void gate.admit('details').then((done) => {
      detailsAt = clock.nowMs() - T0;
      done();
    });
    await clock.runUntilIdle(T0 + 2000);
    expect(detailsAt).toBe(-1);
    release();
    await clock.runUntilIdle(T0 + 5000);
    expect(detailsAt).toBeGreaterThan(0);
  });

  it('under pressure spaces lower-priority requests out, and closes the gap once Zendesk has room', async () => {
    const clock = new VirtualClock(T0);
    const gate = new RateGate(clock, 13);
    for (let i = 0; i < 4; i++) gate.observe(answer(429, 0), 0);
    const spaced: number[] = [];
    for (let i = 0; i < 2; i++) spaced.push(await sentAfter(clock, gate, 'details'));
    // Four refusals in a row: the gap has doubled to at least 8 s.
    expect(spaced[1]).toBeGreaterThanOrEqual(8000);
    for (let i = 0; i < 6; i++) gate.observe(answer(200, 600), null);
    expect(await sentAfter(clock, gate, 'details')).toBe(0);
  });
});

describe('Transport over the gate', () => {
  it('a write refused by the account limit many times still lands, once', async () => {
    const clock = new VirtualClock(T0);
    const zendesk = new InMemoryZendesk(
      {
        start: '2026-01-05T09:00:00Z',
        users: [
          { id: 1, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' },
          { id: 20, name: 'Tom Baker', role: 'end-user', phone: '+447700900123' },
        ],
        tickets: [{ id: 500, requester_id: 20, status: 'open', subject: 'Router' }],
        brands: [{ id: 1, name: 'Shop', default: true, active: true }],
      },
      clock,
    );
    const statuses: number[] = [];
    const zaf = priyaZaf(zendesk, clock, (r) => statuses.push(r.status));
    const gateway = new ZendeskGateway(new Transport(zaf, clock, DEFAULT_RETRY, {}, 21));
    // More refusals than the policy has attempts: a 429 did nothing, so it never uses one up.
    zendesk.injectFault({ method: 'PUT', path: '/api/v2/tickets/500', status: 429, retry_after: 2, times: DEFAULT_RETRY.maxAttempts + 4 });
    const p = gateway.addPrivateNote(500, '<p>Call details</p><p>Contact ID: c1</p>', 'Contact ID: c1');
    await clock.runUntilIdle(T0 + 30 * 60_000);
    await p;
    expect(statuses.filter((s) => s === 429)).toHaveLength(DEFAULT_RETRY.maxAttempts + 4);
    const comments = zendesk.snapshot().tickets.find((t) => t.id === 500)!.comments;
    expect(comments.filter((c) => c.body.includes('Call details'))).toHaveLength(1);
  });
});
