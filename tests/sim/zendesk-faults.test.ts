import { describe, expect, it } from 'vitest';
import { InMemoryZendesk } from '../../src/sim/zendesk';
import type { HttpMethod, ZendeskInit, ZendeskResponse } from '../../src/sim/zendesk';
import { TestClock } from './testClock';


const INIT: ZendeskInit = {
  start: '2026-01-05T09:00:00Z',
  users: [
    { id: 1, name: 'Ann Agent', role: 'agent', email: 'ann@example.com' },
    { id: 2, name: 'Alice Admin', role: 'admin' },
    { id: 10, name: 'Jane Doe', phone: '+61400111222', email: 'jane@example.com' },
  ],
  tickets: [{ id: 500, requester_id: 10, status: 'open', subject: 'Router', updated_at: '2026-01-05T08:55:00Z' }],
  brands: [{ id: 1, name: 'Acme', default: true }],
  user_fields: [{ key: 'voice_authentication_id', type: 'text' }],
};

function setup(init: ZendeskInit = INIT) {
  const clock = new TestClock();
  const zd = new InMemoryZendesk(init, clock);
  const call = (method: HttpMethod, url: string, body?: unknown): ZendeskResponse => zd.handle({ method, url, body, asUserId: 1 });
  return { clock, zd, call };
}

const voiceTicket = { ticket: { requester_id: 10, voice_comment: { from: '+61400111222', to: '+61290000000' } } };

describe('faults', () => {
  it('429 with Retry-After (given or 60), for `times` matching requests, then normal', () => {
    const { zd, call } = setup();
    zd.injectFault({ method: 'POST', path: '/api/v2/channels/voice/tickets', status: 429, retry_after: 2, times: 2 });
    expect(zd.pendingFaults()).toBe(2);
    // Another path or method is not affected.
    expect(call('GET', '/api/v2/users/10.json').status).toBe(200);
    const r1 = call('POST', '/api/v2/channels/voice/tickets.json', voiceTicket);
    expect(r1.status).toBe(429);
    expect(r1.headers['Retry-After']).toBe('2');
    expect((r1.body as { error: string }).error).toBe('TooManyRequests');
    expect(call('POST', '/api/v2/channels/voice/tickets.json', voiceTicket).status).toBe(429);
    expect(zd.snapshot().tickets).toHaveLength(1);
    expect(call('POST', '/api/v2/channels/voice/tickets.json', voiceTicket).status).toBe(201);
    expect(zd.pendingFaults()).toBe(0);

    zd.injectFault({ path: '/api/v2/search', status: 429 });
    const r = call('GET', '/api/v2/search.json?query=phone:*1222');
    expect(r.headers['Retry-After']).toBe('60');
  });

  it('5xx faults and status 0 (network error)', () => {
    const { zd, call } = setup();
    zd.injectFault({ method: 'GET', path: '/api/v2/users', status: 503 });
    zd.injectFault({ method: 'GET', path: '/api/v2/users', status: 500 });
    zd.injectFault({ method: 'GET', path: '/api/v2/users', status: 0 });
    const a = call('GET', '/api/v2/users/10.json');
    expect(a.status).toBe(503);
    expect((a.body as { error: string }).error).toBe('ServiceUnavailable');
    expect(call('GET', '/api/v2/users/10.json').status).toBe(500);
    expect(call('GET', '/api/v2/users/10.json')).toEqual({ status: 0, body: null, headers: {} });
    expect(call('GET', '/api/v2/users/10.json').status).toBe(200);
  });

  it('other statuses (403, 404, 409) with Zendesk-like bodies', () => {
    const { zd, call } = setup();
    zd.injectFault({ method: 'PUT', path: '/api/v2/tickets/500', status: 409 });
    zd.injectFault({ method: '*', path: '/api/v2/brands', status: 403 });
    expect(call('PUT', '/api/v2/tickets/500.json', { ticket: { status: 'pending' } }).status).toBe(409);
    expect(call('GET', '/api/v2/brands.json').status).toBe(403);
    expect(zd.snapshot().tickets[0]!.status).toBe('open');
  });

  it('a fault before the write leaves nothing written', () => {
    const { zd, call } = setup();
    zd.injectFault({ method: 'POST', path: '/api/v2/users', status: 0 });
    expect(call('POST', '/api/v2/users.json', { user: { name: 'X' } }).status).toBe(0);
    expect(zd.snapshot().users).toHaveLength(3);
  });

  it('after_write: the record IS created/updated but the response is the fault', () => {
    const { zd, call } = setup();
    zd.injectFault({ method: 'POST', path: '/api/v2/channels/voice/tickets', status: 0, after_write: true });
    expect(call('POST', '/api/v2/channels/voice/tickets.json', voiceTicket)).toEqual({ status: 0, body: null, headers: {} });
    expect(zd.snapshot().tickets.map((t) => t.id)).toEqual([500, 501]);

    zd.injectFault({ method: 'PUT', path: '/api/v2/tickets/500', status: 504, after_write: true, times: 1 });
    const r = call('PUT', '/api/v2/tickets/500.json', { ticket: { comment: { body: 'note' } } });
    expect(r.status).toBe(504);
    expect(zd.snapshot().tickets[0]!.comments.map((c) => c.body)).toEqual(['note']);

    zd.injectFault({ method: 'POST', path: '/api/v2/users', status: 429, retry_after: 5, after_write: true });
    const u = call('POST', '/api/v2/users.json', { user: { name: 'Once' } });
    expect(u.status).toBe(429);
    expect(u.headers['Retry-After']).toBe('5');
    expect(zd.snapshot().users.map((x) => x.name)).toContain('Once');
  });

  it('faulted requests are counted', () => {
    const { zd, call } = setup();
    zd.injectFault({ path: '/api/v2', status: 500, times: 3 });
    for (let i = 0; i < 4; i++) call('GET', '/api/v2/users/10.json');
    expect(zd.requestCount()).toBe(4);
  });

  it('rejects nonsense faults', () => {
    const { zd } = setup();
    expect(() => zd.injectFault({ path: '/x', status: 429, times: 0 })).toThrow();
    expect(() => zd.injectFault({ path: '/x', status: 1000 })).toThrow();
  });
});

describe('applyChange (changes made in Zendesk outside the app)', () => {
  it('create_user and update_user bump updated_at; unknown user fields allowed here', () => {
    const { zd, call, clock } = setup();
    clock.advance(30);
    const made = zd.applyChange({ create_user: { name: 'Walk In', phone: '+61400999888', user_fields: { other: 1 } } });
    expect(made).toEqual({ kind: 'user', id: 11 });
    clock.advance(30);
    zd.applyChange({ update_user: { id: 10, phone: '+61400000000' } });
    const jane = (call('GET', '/api/v2/users/10.json').body as { user: { phone: string; updated_at: string } }).user;
    expect(jane).toMatchObject({ phone: '+61400000000', updated_at: '2026-01-05T09:01:00Z' });
    expect(zd.snapshot().users.find((u) => u.id === 11)!.user_fields).toEqual({ other: 1 });
    expect(() => zd.applyChange({ update_user: { id: 99, name: 'x' } })).toThrow(/no user 99/);
    expect(() => zd.applyChange({ create_user: { name: 'Dup', email: 'JANE@example.com' } })).toThrow(/already being used/);
  });

  it('update_ticket: status closed, then the app cannot update it', () => {
    const { zd, call, clock } = setup();
    clock.advance(10);
    zd.applyChange({ update_ticket: { id: 500, status: 'closed', comment: 'Closing' } });
    const t = zd.snapshot().tickets[0]!;
    expect(t).toMatchObject({ status: 'closed', updated_at: '2026-01-05T09:00:10Z' });
    expect(t.comments).toEqual([{ type: 'Comment', author_id: 2, public: true, body: 'Closing' }]);
    expect(call('PUT', '/api/v2/tickets/500.json', { ticket: { status: 'open' } }).status).toBe(422);
    expect(() => zd.applyChange({ update_ticket: { id: 500, status: 'open' } })).toThrow(/closed prevents ticket update/);
  });

  it('create_ticket: status new by default, comment by the requester, via web', () => {
    const { zd } = setup();
    const { id } = zd.applyChange({ create_ticket: { requester_id: 10, subject: 'Email in', tags: ['a'] } });
    expect(id).toBe(501);
    expect(zd.snapshot().tickets[1]).toMatchObject({
      id: 501,
      status: 'new',
      via_id: 0,
      brand_id: 1,
      subject: 'Email in',
      tags: ['a'],
      comments: [{ type: 'Comment', author_id: 10, public: true, body: 'Email in' }],
    });
    expect(() => zd.applyChange({ create_ticket: { requester_id: 999 } })).toThrow(/Requester/);
  });
});

describe('seeding', () => {
  it('rejects a ticket whose requester does not exist, and duplicate ids', () => {
    const clock = new TestClock();
    expect(() => new InMemoryZendesk({ start: INIT.start, tickets: [{ id: 1, requester_id: 5 }] }, clock)).toThrow(/requester_id 5/);
    expect(() => new InMemoryZendesk({ start: INIT.start, users: [{ id: 1, name: 'a' }, { id: 1, name: 'b' }] }, clock)).toThrow(/duplicate/);
  });

  it('defaults: no brands means brand_id null; seeded comments are kept', () => {
    const clock = new TestClock();
    const zd = new InMemoryZendesk(
      {
        start: INIT.start,
        users: [{ id: 1, name: 'A', role: 'agent' }],
        tickets: [{ id: 3, requester_id: 1, comments: [{ author_id: 1, html_body: '<p>x &amp; y</p>' }] }],
      },
      clock,
    );
    expect(zd.snapshot().tickets[0]).toMatchObject({
      brand_id: null,
      status: 'open',
      comments: [{ type: 'Comment', author_id: 1, public: true, body: 'x & y', html_body: '<p>x &amp; y</p>' }],
    });
    expect(zd.searchIndexDelayMs).toBe(0);
    expect(zd.latencyMs).toBe(0);
  });
});

describe('description fields (scenario files)', () => {
  it('a seeded ticket description is its first comment; changes may carry a description', () => {
    const clock = new TestClock();
    const zd = new InMemoryZendesk(
      { ...INIT, tickets: [{ id: 500, requester_id: 10, status: 'open', subject: 'Router', description: 'It broke' }] },
      clock,
    );
    expect(zd.snapshot().tickets[0]!.comments).toEqual([{ type: 'Comment', author_id: 10, public: true, body: 'It broke' }]);
    zd.applyChange({ update_ticket: { id: 500, description: 'Agent note', via_id: 45 } });
    expect(zd.snapshot().tickets[0]!.comments.map((c) => [c.body, c.author_id])).toEqual([
      ['It broke', 10],
      ['Agent note', 2],
    ]);
    const { id } = zd.applyChange({ create_ticket: { requester_id: 10, description: 'Hello' } });
    expect(zd.snapshot().tickets.find((t) => t.id === id)!.comments[0]!.body).toBe('Hello');
  });
});
