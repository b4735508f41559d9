import { describe, expect, it } from 'vitest';
import { InMemoryZendesk, parseQuery } from '../../src/sim/zendesk';
import type { ZendeskInit, ZendeskResponse } from '../../src/sim/zendesk';
import { TestClock } from './testClock';


function init(delay: number): ZendeskInit {
  return {
    start: '2026-01-05T09:00:00Z',
    search_index_delay_seconds: delay,
    users: [
      { id: 1, name: 'Ann Agent', role: 'agent', email: 'ann@example.com', phone: '+44 7700 900999' },
      { id: 2, name: 'Alice Admin', role: 'admin', email: 'alice@example.com' },
      { id: 10, name: 'Jane Doe', phone: '+44 7700 900123', email: 'Jane@Example.com', updated_at: '2026-01-05T08:00:00Z' },
      { id: 11, name: 'Bob Stone', phone: '07700900123', email: 'bob@example.com', updated_at: '2026-01-05T08:30:00Z', tags: ['vip'] },
      { id: 12, name: 'Carl Jane', phone: '(555) 010-2000', external_id: 'crm-12', updated_at: '2026-01-04T08:00:00Z', user_fields: { voice_authentication_id: 'spk-9' } },
      { id: 13, name: 'Dee', phone: '+1-555-010-2000x', updated_at: '2026-01-03T08:00:00Z' },
    ],
    tickets: [
      { id: 500, requester_id: 10, status: 'open', subject: 'Router broken', created_at: '2026-01-04T00:00:00Z', updated_at: '2026-01-05T08:55:00Z', tags: ['hw'] },
      { id: 501, requester_id: 10, status: 'solved', subject: 'Billing', updated_at: '2026-01-05T07:00:00Z', external_id: 'ext-501' },
      { id: 502, requester_id: 11, status: 'new', subject: 'Jane asked', updated_at: '2026-01-05T08:59:00Z', custom_fields: [{ id: 9001, value: 'Sales' }] },
      { id: 503, requester_id: 10, status: 'closed', subject: 'Older', updated_at: '2026-01-01T07:00:00Z' },
    ],
    brands: [{ id: 1, name: 'Acme', default: true }],
    ticket_fields: [{ id: 9001, title: 'q', type: 'text' }],
    user_fields: [{ key: 'voice_authentication_id', type: 'text' }],
  };
}

function setup(delay = 0) {
  const clock = new TestClock();
  const zd = new InMemoryZendesk(init(delay), clock);
  const get = (url: string): ZendeskResponse => zd.handle({ method: 'GET', url, body: undefined, asUserId: 1 });
  const search = (q: string, extra = ''): { ids: number[]; body: Record<string, unknown> } => {
    const r = get(`/api/v2/search.json?query=${encodeURIComponent(q)}${extra}`);
    expect(r.status).toBe(200);
    const body = r.body as { results: { id: number; result_type: string }[] };
    return { ids: body.results.map((x) => x.id), body: r.body as Record<string, unknown> };
  };
  const userSearch = (q: string): number[] => {
    const r = get(`/api/v2/users/search.json?query=${encodeURIComponent(q)}`);
    expect(r.status).toBe(200);
    return (r.body as { users: { id: number }[] }).users.map((u) => u.id);
  };
  return { clock, zd, get, search, userSearch };
}

describe('search syntax', () => {
  it('parses terms, quotes, operators, negation and type', () => {
    const p = parseQuery('type:user name:"Jane Doe" -tags:x status<solved hello');
    expect(p.kinds).toEqual(new Set(['user']));
    expect(p.terms).toEqual([
      { negate: false, key: 'name', op: ':', value: 'Jane Doe', quoted: true },
      { negate: true, key: 'tags', op: ':', value: 'x', quoted: false },
      { negate: false, key: 'status', op: '<', value: 'solved', quoted: false },
      { negate: false, key: null, op: ':', value: 'hello', quoted: false },
    ]);
  });

  it('phone:* is a suffix match on digits across stored formats', () => {
    const { search, userSearch } = setup();
    // "+44 7700 900123" and "07700900123" both end with 7700900123.
    expect(search('role:end-user phone:*7700900123').ids.sort()).toEqual([10, 11]);
    expect(userSearch('phone:*900123').sort()).toEqual([1, 10, 11].filter((x) => x !== 1));
    expect(search('phone:*5550102000').ids.sort()).toEqual([12, 13]);
    expect(search('phone:*123').ids.sort()).toEqual([10, 11]);
    // Without '*': the digits must be equal.
    expect(search('phone:+447700900123').ids).toEqual([10]);
    expect(search('phone:447700900').ids).toEqual([]);
    // The agent with a phone is excluded by role.
    expect(search('role:end-user phone:*900999').ids).toEqual([]);
    expect(search('role:agent phone:*900999').ids).toEqual([1]);
  });

  it('users/search.json returns {users, count, next_page}', () => {
    const { get } = setup();
    const r = get('/api/v2/users/search.json?query=role%3Aend-user%20phone%3A*7700900123');
    expect(r.body).toMatchObject({ count: 2, next_page: null, previous_page: null });
    const users = (r.body as { users: Record<string, unknown>[] }).users;
    expect(users[0]).not.toHaveProperty('result_type');
    expect(get('/api/v2/users/search.json?query=type:ticket').body).toMatchObject({ count: 0 });
    expect(get('/api/v2/users/search.json?external_id=crm-12').body).toMatchObject({ count: 1 });
    expect(get('/api/v2/users/search.json').status).toBe(400);
  });

  it('email (case-insensitive), name (quoted = full name), role, external_id, tags, user fields', () => {
    const { search } = setup();
    expect(search('email:jane@example.COM').ids).toEqual([10]);
    expect(search('name:"jane doe"').ids).toEqual([10]);
    expect(search('type:user name:Jane').ids).toEqual([10, 12]);
    expect(search('name:"Jane"').ids).toEqual([]);
    expect(search('role:admin').ids).toEqual([2]);
    expect(search('external_id:crm-12').ids).toEqual([12]);
    expect(search('type:user tags:vip').ids).toEqual([11]);
    expect(search('voice_authentication_id:spk-9').ids).toEqual([12]);
    expect(search('type:user -tags:vip role:end-user').ids).toEqual([10, 12, 13]);
    expect(search('email:*@example.com role:end-user').ids).toEqual([11, 10]);
  });

  it('tickets: requester, status comparisons, dates, custom fields, bare words', () => {
    const { search } = setup();
    expect(search('type:ticket requester:10').ids).toEqual([500, 501, 503]);
    expect(search('type:ticket requester_id:10 status<solved').ids).toEqual([500]);
    expect(search('type:ticket status:new').ids).toEqual([502]);
    expect(search('type:ticket status>=solved').ids).toEqual([501, 503]);
    expect(search('type:ticket updated>2026-01-05T08:00:00Z').ids).toEqual([502, 500]);
    expect(search('type:ticket created>2026-01-05T08:00:00Z').ids).toEqual([502]);
    expect(search('type:ticket created>=2026-01-04').ids).toEqual([502, 500, 501]);
    expect(search('type:ticket updated<2026-01-05').ids).toEqual([503]);
    expect(search('type:ticket updated:2026-01-05').ids).toEqual([502, 500, 501]);
    expect(search('type:ticket requester:jane@example.com').ids).toEqual([500, 501, 503]);
    expect(search('custom_field_9001:sales').ids).toEqual([502]);
    expect(search('external_id:ext-501').ids).toEqual([501]);
    expect(search('tags:hw').ids).toEqual([500]);
    expect(search('router').ids).toEqual([500]);
    // Bare words match users' name/email and tickets' subject; sorted by updated_at desc.
    expect(search('jane').ids).toEqual([502, 10, 12]);
    const mixed = search('jane').body.results as { result_type: string }[];
    expect(mixed.map((x) => x.result_type)).toEqual(['ticket', 'user', 'user']);
    expect(search('type:organization jane').ids).toEqual([]);
  });

  it('sort_by and sort_order params, and order_by:/sort: in the query', () => {
    const { search } = setup();
    expect(search('type:ticket', '&sort_by=updated_at&sort_order=asc').ids).toEqual([503, 501, 500, 502]);
    expect(search('type:ticket', '&sort_by=created_at&sort_order=desc').ids).toEqual([502, 501, 500, 503]);
    expect(search('type:ticket order_by:updated_at sort:asc').ids).toEqual([503, 501, 500, 502]);
  });

  it('paginates with per_page (max 100), page, next_page and previous_page', () => {
    const { search, get } = setup();
    const p1 = search('type:user', '&per_page=2');
    expect(p1.ids).toEqual([2, 1]);
    expect(p1.body.count).toBe(6);
    expect(p1.body.previous_page).toBeNull();
    expect(p1.body.next_page).toBe('/api/v2/search.json?query=type%3Auser&per_page=2&page=2');
    const p2 = get(p1.body.next_page as string).body as { results: { id: number }[]; next_page: string; previous_page: string };
    expect(p2.results.map((x) => x.id)).toEqual([11, 10]);
    expect(p2.previous_page).toBe('/api/v2/search.json?query=type%3Auser&per_page=2&page=1');
    const p3 = get(p2.next_page).body as { results: { id: number }[]; next_page: string | null };
    expect(p3.results.map((x) => x.id)).toEqual([12, 13]);
    expect(p3.next_page).toBeNull();
    expect(search('type:user', '&per_page=500').ids).toHaveLength(6);
  });

  it('many records: per_page caps at 100', () => {
    const clock = new TestClock();
    const users = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, name: `U${i}`, role: 'agent' as const, phone: `+1555${String(i).padStart(6, '0')}` }));
    const zd = new InMemoryZendesk({ start: '2026-01-05T09:00:00Z', users }, clock);
    const r = zd.handle({ method: 'GET', url: '/api/v2/users/search.json?query=role:agent&per_page=1000&page=3', body: undefined, asUserId: 1 });
    const body = r.body as { users: unknown[]; count: number; next_page: string | null };
    expect(body.users).toHaveLength(50);
    expect(body.count).toBe(250);
    expect(body.next_page).toBeNull();
  });
});

describe('search index delay', () => {
  it('a new user is absent until the delay has passed; direct reads are live', () => {
    const { zd, clock, search, get } = setup(60);
    const r = zd.handle({ method: 'POST', url: '/api/v2/users.json', body: { user: { name: 'New', phone: '+61 400 111 222' } }, asUserId: 1 });
    const id = (r.body as { user: { id: number } }).user.id;
    expect(get(`/api/v2/users/${id}.json`).status).toBe(200);
    expect(search('phone:*400111222').ids).toEqual([]);
    clock.advance(59);
    expect(search('phone:*400111222').ids).toEqual([]);
    clock.advance(1);
    expect(search('phone:*400111222').ids).toEqual([id]);
  });

  it('a changed phone: found by the old phone until the delay passes, then by the new one', () => {
    const { zd, clock, search } = setup(60);
    clock.advance(10);
    zd.handle({ method: 'PUT', url: '/api/v2/users/10.json', body: { user: { phone: '+61 400 000 001' } }, asUserId: 1 });
    clock.advance(5);
    expect(search('phone:*7700900123').ids.sort()).toEqual([10, 11]);
    expect(search('phone:*400000001').ids).toEqual([]);
    // The search result shows the indexed (old) version.
    const res = search('phone:*7700900123').body.results as { id: number; phone: string }[];
    expect(res.find((x) => x.id === 10)!.phone).toBe('+44 7700 900123');
    clock.advance(55);
    expect(search('phone:*7700900123').ids).toEqual([11]);
    expect(search('phone:*400000001').ids).toEqual([10]);
  });

  it('several changes inside the window: each moment sees the version of (now - delay)', () => {
    const { zd, clock, search } = setup(30);
    const put = (phone: string): void => {
      zd.handle({ method: 'PUT', url: '/api/v2/users/12.json', body: { user: { phone } }, asUserId: 1 });
    };
    put('111111'); // t=0
    clock.advance(10);
    put('222222'); // t=10
    clock.advance(10);
    put('333333'); // t=20
    expect(search('phone:*5550102000').ids).toEqual([12, 13]);
    clock.advance(10); // t=30: sees t=0
    expect(search('phone:111111').ids).toEqual([12]);
    clock.advance(10); // t=40: sees t=10
    expect(search('phone:222222').ids).toEqual([12]);
    clock.advance(10); // t=50: sees t=20
    expect(search('phone:333333').ids).toEqual([12]);
    expect(search('phone:222222').ids).toEqual([]);
  });

  it('a ticket update is searchable with its new status only after the delay; seeds are indexed', () => {
    const { zd, clock, search } = setup(60);
    expect(search('type:ticket status:open').ids).toEqual([500]);
    zd.handle({ method: 'PUT', url: '/api/v2/tickets/500.json', body: { ticket: { status: 'pending' } }, asUserId: 1 });
    expect(search('type:ticket status:open').ids).toEqual([500]);
    clock.advance(60);
    expect(search('type:ticket status:open').ids).toEqual([]);
    expect(search('type:ticket status:pending').ids).toEqual([500]);
  });

  it('applyChange goes through the delay too', () => {
    const { zd, clock, search } = setup(20);
    const { id } = zd.applyChange({ create_user: { name: 'Walk In', phone: '+44 20 7946 0001' } });
    expect(search('phone:*2079460001').ids).toEqual([]);
    clock.advance(20);
    expect(search('phone:*2079460001').ids).toEqual([id]);
  });
});

describe('search performance', () => {
  it('10,000 users and 10,000 phone searches with writes in between stay fast', () => {
    const clock = new TestClock();
    const users = Array.from({ length: 10_000 }, (_, i) => ({
      id: i + 100,
      name: `Customer ${i}`,
      phone: `+44 7700 ${String(i).padStart(6, '0')}`,
    }));
    const zd = new InMemoryZendesk(
      { start: '2026-01-05T09:00:00Z', search_index_delay_seconds: 30, users: [{ id: 1, name: 'A', role: 'agent' }, ...users] },
      clock,
    );
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) {
      clock.advance(1);
      const r = zd.handle({
        method: 'GET',
        url: `/api/v2/search.json?query=${encodeURIComponent(`role:end-user phone:*7700${String(i).padStart(6, '0')}`)}`,
        body: undefined,
        asUserId: 1,
      });
      expect((r.body as { count: number }).count).toBe(1);
      zd.handle({ method: 'PUT', url: `/api/v2/users/${i + 100}.json`, body: { user: { name: `C${i}` } }, asUserId: 1 });
      zd.handle({
        method: 'POST',
        url: '/api/v2/channels/voice/tickets.json',
        body: { ticket: { requester_id: i + 100, voice_comment: { from: 'a', to: 'b' } } },
        asUserId: 1,
      });
    }
    expect(performance.now() - t0).toBeLessThan(15_000);
  });
});
