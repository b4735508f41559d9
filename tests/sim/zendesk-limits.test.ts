// The in-memory Zendesk's limits and permissions: comment size and count, the account's rate
// limit, agents' permissions and ticket access, phone validation, phone identities, unique
// external ids, ticket fields without a key.
import { describe, expect, it } from 'vitest';
import { InMemoryZendesk } from '../../src/sim/zendesk';
import type { HttpMethod, ZendeskInit, ZendeskResponse } from '../../src/sim/zendesk';
import { cutUtf8 } from '../../src/sim/zendesk/tickets';
import { TestClock } from './testClock';

function setup(over: Partial<ZendeskInit> = {}) {
  const clock = new TestClock();
  const init: ZendeskInit = {
    start: '2026-01-05T09:00:00Z',
    users: [
      { id: 1, name: 'Ann Agent', role: 'agent', email: 'ann@example.com' },
      { id: 2, name: 'Rita Restricted', role: 'agent', can_manage_end_users: false, ticket_access: 'groups', group_ids: [7] },
      { id: 3, name: 'Otto Own', role: 'agent', ticket_access: 'assigned' },
      { id: 10, name: 'Jane Doe', role: 'end-user', phone: '+447700900123', identities: [{ type: 'phone_number', value: '+61400555666' }] },
      { id: 11, name: 'Bob Stone', role: 'end-user', phone: '+447700900999', external_id: 'crm-11' },
    ],
    tickets: [
      { id: 500, requester_id: 10, status: 'open', subject: 'Group 7', group_id: 7, external_id: 'amazon-connect:c1' },
      { id: 501, requester_id: 10, status: 'open', subject: 'Group 8', group_id: 8, external_id: 'amazon-connect:c1' },
      { id: 502, requester_id: 10, status: 'open', subject: 'Otto', assignee_id: 3 },
    ],
    ticket_fields: [
      { id: 9001, title: 'connect_outbound_queue', type: 'text' },
      { id: 9002, title: 'Old field', type: 'text', active: false },
    ],
    ...over,
  };
  const zd = new InMemoryZendesk(init, clock);
  const call = (method: HttpMethod, url: string, body?: unknown, asUserId = 1): ZendeskResponse => zd.handle({ method, url, body, asUserId });
  return { clock, zd, call };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const b = (r: ZendeskResponse): any => r.body;

describe('comments', () => {
  it('cuts a body over comment_max_bytes silently, at a character boundary', () => {
    const { call } = setup({ comment_max_bytes: 10 });
    const r = call('PUT', '/api/v2/tickets/500.json', { ticket: { comment: { body: 'abcdefghi€€€', public: false } } });
    expect(r.status).toBe(200);
    const comments = b(call('GET', '/api/v2/tickets/500/comments.json')).comments;
    expect(comments.at(-1).body).toBe('abcdefghi');
  });

  it('cuts html_body too, and the text read from it', () => {
    const { call } = setup({ comment_max_bytes: 20 });
    call('PUT', '/api/v2/tickets/500.json', { ticket: { comment: { html_body: '<p>0123456789</p><p>abcdefghij</p>', public: false } } });
    const c = b(call('GET', '/api/v2/tickets/500/comments.json')).comments.at(-1);
    expect(new TextEncoder().encode(c.html_body).length).toBeLessThanOrEqual(20);
    expect(c.body).not.toContain('abcdefghij');
  });

  it('keeps 64 kB by default', () => {
    const { call } = setup();
    call('PUT', '/api/v2/tickets/500.json', { ticket: { comment: { body: 'x'.repeat(70_000) } } });
    expect(b(call('GET', '/api/v2/tickets/500/comments.json')).comments.at(-1).body.length).toBe(65_536);
  });

  it('cutUtf8 never splits a character', () => {
    expect(cutUtf8('a🎉', 4)).toBe('a');
    expect(cutUtf8('a🎉', 5)).toBe('a🎉');
    expect(cutUtf8('東京', 5)).toBe('東');
  });

  it('refuses the 5,001st comment of a ticket with 422; other changes still go through', () => {
    const { call } = setup({
      tickets: [{ id: 600, requester_id: 10, status: 'open', comments: Array.from({ length: 5000 }, () => ({ author_id: 1, body: 'x' })) }],
    });
    const r = call('PUT', '/api/v2/tickets/600.json', { ticket: { comment: { body: 'one more' } } });
    expect(r.status).toBe(422);
    expect(call('PUT', '/api/v2/tickets/600.json', { ticket: { status: 'pending' } }).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('shares one rolling minute between agents, answers 429 with the seconds until a request is accepted', () => {
    const { clock, zd, call } = setup({ rate_limit_per_minute: 3 });
    expect(call('GET', '/api/v2/users/10.json', undefined, 1).headers['X-Rate-Limit-Remaining']).toBe('2');
    clock.advance(10);
    call('GET', '/api/v2/users/10.json', undefined, 2);
    clock.advance(10);
    call('GET', '/api/v2/users/10.json', undefined, 3);
    clock.advance(5);
    const r = call('GET', '/api/v2/users/10.json', undefined, 1);
    expect(r.status).toBe(429);
    expect(r.headers['Retry-After']).toBe('35');
    expect(zd.rateLimitedCount()).toBe(1);
    clock.advance(35);
    expect(call('GET', '/api/v2/users/10.json').status).toBe(200);
  });

  it('has no limit unless the account sets one', () => {
    const { call } = setup();
    for (let i = 0; i < 1000; i++) expect(call('GET', '/api/v2/users/10.json').status).toBe(200);
  });
});

describe('agent permissions', () => {
  it('without can_manage_end_users, creating or updating an end user is 403', () => {
    const { call } = setup();
    expect(call('POST', '/api/v2/users.json', { user: { name: 'New' } }, 2).status).toBe(403);
    expect(call('PUT', '/api/v2/users/10.json', { user: { phone: '+447700900000' } }, 2).status).toBe(403);
    expect(call('POST', '/api/v2/users/create_or_update.json', { user: { name: 'New', email: 'n@example.com' } }, 2).status).toBe(403);
    expect(call('POST', '/api/v2/users.json', { user: { name: 'New' } }, 1).status).toBe(201);
  });

  it('a group-restricted agent gets 403 on other tickets, and lists leave them out', () => {
    const { call } = setup();
    expect(call('GET', '/api/v2/tickets/500.json', undefined, 2).status).toBe(200);
    expect(call('GET', '/api/v2/tickets/501.json', undefined, 2).status).toBe(403);
    expect(call('PUT', '/api/v2/tickets/501.json', { ticket: { status: 'pending' } }, 2).status).toBe(403);
    expect(call('GET', '/api/v2/tickets/501/comments.json', undefined, 2).status).toBe(403);
    expect(b(call('GET', '/api/v2/tickets.json?external_id=amazon-connect%3Ac1', undefined, 2)).tickets.map((t: { id: number }) => t.id)).toEqual([500]);
    expect(b(call('GET', '/api/v2/users/10/tickets/requested.json', undefined, 2)).tickets.map((t: { id: number }) => t.id)).toEqual([500]);
    expect(b(call('GET', '/api/v2/tickets/show_many.json?ids=500,501,502', undefined, 2)).tickets.map((t: { id: number }) => t.id)).toEqual([500]);
    expect(b(call('GET', '/api/v2/tickets.json?external_id=amazon-connect%3Ac1', undefined, 1)).tickets).toHaveLength(2);
  });

  it('an agent with assigned access sees only its tickets, and those it made', () => {
    const { call } = setup();
    expect(call('GET', '/api/v2/tickets/502.json', undefined, 3).status).toBe(200);
    expect(call('GET', '/api/v2/tickets/500.json', undefined, 3).status).toBe(403);
    const made = call('POST', '/api/v2/tickets.json', { ticket: { requester_id: 10, comment: { body: 'hi' } } }, 3);
    expect(call('GET', `/api/v2/tickets/${b(made).ticket.id}.json`, undefined, 3).status).toBe(200);
  });
});

describe('phones', () => {
  it('with validate_phone_numbers, a phone not in E.164 is 422', () => {
    const { call } = setup({ validate_phone_numbers: true });
    expect(call('POST', '/api/v2/users.json', { user: { name: 'A', phone: '07700 900123' } }).status).toBe(422);
    expect(call('PUT', '/api/v2/users/11.json', { user: { phone: '+44 7700 900123' } }).status).toBe(422);
    expect(call('POST', '/api/v2/users.json', { user: { name: 'A', phone: '+447700900123' } }).status).toBe(201);
  });

  it('accepts any phone without the setting', () => {
    const { call } = setup();
    expect(call('POST', '/api/v2/users.json', { user: { name: 'A', phone: '07700 900123' } }).status).toBe(201);
  });

  it('finds a user through a further phone identity, and lists the identities', () => {
    const { call } = setup();
    const users = b(call('GET', `/api/v2/users/search.json?query=${encodeURIComponent('role:end-user phone:*400555666')}`)).users;
    expect(users.map((u: { id: number }) => u.id)).toEqual([10]);
    expect(users[0].phone).toBe('+447700900123');
    const ids = b(call('GET', '/api/v2/users/10/identities.json')).identities;
    expect(ids.map((i: { type: string; value: string }) => `${i.type} ${i.value}`)).toEqual([
      'phone_number +447700900123',
      'phone_number +61400555666',
    ]);
  });
});

describe('records', () => {
  it("a user's external_id is unique: a duplicate is 422", () => {
    const { call } = setup();
    expect(call('POST', '/api/v2/users.json', { user: { name: 'Dup', external_id: 'CRM-11' } }).status).toBe(422);
    expect(call('PUT', '/api/v2/users/10.json', { user: { external_id: 'crm-11' } }).status).toBe(422);
    expect(call('PUT', '/api/v2/users/11.json', { user: { external_id: 'crm-11', name: 'Bob S' } }).status).toBe(200);
  });

  it('ticket fields have an id and a title but no key; inactive ones are listed', () => {
    const { call } = setup();
    const fields = b(call('GET', '/api/v2/ticket_fields.json')).ticket_fields;
    expect(fields.map((f: { id: number; active: boolean }) => [f.id, f.active])).toEqual([
      [9001, true],
      [9002, false],
    ]);
    expect(fields.every((f: object) => !('key' in f))).toBe(true);
  });
});
