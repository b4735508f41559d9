import { describe, expect, it } from 'vitest';
import { checkExpectations, ScenarioExpectSchema, type ScenarioExpect } from '../../src/sim/scenario/expect';
import { parseScenario } from '../../src/sim/scenario/load';
import type { SimReport } from '../../src/sim/scenario/report';

/** Before the run: Priya (1), Tom (20), Ada (21); Ada's ticket 700. */
const given = {
  zendesk: { users: [{ id: 1 }, { id: 20 }, { id: 21 }], tickets: [{ id: 700 }] },
};

/** What a correct run of "Tom calls from his known number; auto mode" reports. */
function report(): SimReport {
  const origin = { agent: 'priya', tab: 1 };
  return {
    users: [
      { id: 1, name: 'Priya Agent', role: 'agent', phone: null, email: 'priya@example.org', user_fields: {} },
      { id: 20, name: 'Tom Baker', role: 'end-user', phone: '+447700900123', email: 'tom@example.org', user_fields: {} },
      { id: 21, name: 'Ada Lane', role: 'end-user', phone: '+447700900456', email: 'ada@example.org', user_fields: {} },
    ],
    tickets: [
      { id: 700, requester_id: 21, brand_id: 1, subject: 'Refund', status: 'pending', via_id: 0, tags: [], custom_fields: [], comments: [] },
      {
        id: 701,
        requester_id: 20,
        brand_id: 1,
        subject: 'Inbound call from +447700900123',
        status: 'open',
        via_id: 45,
        tags: ['connect_voice', 'connect'],
        custom_fields: [{ id: 9001, value: 'General' }],
        comments: [
          {
            type: 'VoiceComment',
            author_id: 1,
            public: false,
            body: 'Inbound call from +447700900123 to +442079460000. Duration 1:30.',
            html_body: null,
            data: { from: '+447700900123', to: '+442079460000', call_duration: 90, answered_by_id: 1, started_at: '2026-01-05T09:00:04Z' },
          },
        ],
      },
    ],
    pops: [
      { ...origin, step: 0, kind: 'user', id: 20, at_ms: 0 },
      { ...origin, step: 1, kind: 'ticket', id: 701, at_ms: 4000 },
    ],
    notifications: [{ ...origin, step: 1, level: 'info', text: 'Ticket 701 created for Tom Baker' }],
    contacts: [{ id: 'c1', agent: 'priya', mode: 'auto', ticket_id: 701, user_id: 20 }],
    calls: [],
    dials: [],
    requests: [
      { ...origin, step: 0, method: 'GET', path: '/api/v2/search.json?query=phone', status: 200, at_ms: 0 },
      { ...origin, step: 1, method: 'POST', path: '/api/v2/channels/voice/tickets', status: 201, at_ms: 4000 },
      { ...origin, step: 3, method: 'POST', path: '/api/v2/channels/voice/tickets/701/comments', status: 201, at_ms: 95000 },
    ],
    errors: [],
  };
}

const ex = (e: unknown): ScenarioExpect => ScenarioExpectSchema.parse(e);
const check = (e: unknown, r: SimReport = report()) => checkExpectations(ex(e), r, given);

const passing = {
  tickets_created: 1,
  users_created: 0,
  tickets: [
    { id: 700, comments_count: 0, status: 'pending' },
    {
      new: 1,
      requester_id: 20,
      via_id: 45,
      subject_contains: 'inbound CALL',
      tags_include: ['connect_voice'],
      tags_exclude: ['chat'],
      custom_fields_include: [{ id: 9001, value: 'General' }],
      comments_count: 1,
      last_comment: {
        type: 'VoiceComment',
        public: false,
        author_id: 1,
        body_contains: ['inbound call', 'duration'],
        data: { from: '+447700900123', call_duration: { min: 85, max: 95 }, answered_by_id: 1 },
      },
    },
    { requester_id: 21, subject: 'Refund' },
  ],
  users: [{ id: 20, phone: '+447700900123', role: 'end-user' }],
  pops: [
    { step: 0, kind: 'user', id: 20 },
    { kind: 'ticket', id: 'new:1' },
  ],
  pops_count: 2,
  notifications: [{ level: 'info', text_contains: 'created' }],
  notifications_none: [{ level: 'error' }, { level: 'warning' }],
  contacts: [{ id: 'c1', mode: 'auto', ticket_id: 'new:1', user_id: 20 }],
  dials_count: 0,
  requests: [{ method: 'POST', path_contains: '/channels/voice/tickets', status: 201 }],
  requests_count: { max: 3 },
  errors_count: 0,
};

describe('checkExpectations', () => {
  it('passes on a matching report', () => {
    expect(check(passing)).toEqual([]);
  });

  it('passes when there is nothing to check', () => {
    expect(checkExpectations(undefined, report(), given)).toEqual([]);
    expect(check({})).toEqual([]);
  });

  it('reports counts', () => {
    expect(check({ tickets_created: 2, users_created: { min: 1 }, requests_count: { max: 2 }, errors_count: 0 })).toEqual([
      'tickets_created: expected 2, found 1 (701)',
      'users_created: expected at least 1, found 0',
      'requests_count: expected at most 2, found 3',
    ]);
  });

  it('compares subsets and names each difference', () => {
    expect(
      check({
        tickets: [
          { new: 1, status: 'solved', via_id: 46, subject_contains: 'outbound', tags_include: ['connect_voice', 'vip'] },
          { id: 700, last_comment: { type: 'Comment' } },
          { id: 999 },
        ],
      }),
    ).toEqual([
      'tickets[0] (ticket 701 = new:1): via_id: expected 46, found 45; status: expected "solved", found "open"; subject_contains: expected subject containing "outbound", found "Inbound call from +447700900123"; tags_include: missing "vip" (found ["connect_voice","connect"])',
      'tickets[1] (ticket 700): last_comment: expected a comment, found none',
      'tickets[2]: expected ticket 999, found no such ticket (tickets: 700, 701)',
    ]);
  });

  it('compares nested objects and ranges', () => {
    expect(
      check({ tickets: [{ new: 1, last_comment: { public: true, data: { call_duration: { min: 100 }, to: '+1' } } }] }),
    ).toEqual([
      'tickets[0] (ticket 701 = new:1): last_comment.public: expected true, found false; last_comment.data.call_duration: expected at least 100, found 90; last_comment.data.to: expected "+1", found "+442079460000"',
    ]);
  });

  it('resolves new:N to created records, and says when there is none', () => {
    expect(
      check({
        tickets: [{ new: 2 }],
        users: [{ new: 1 }],
        contacts: [{ id: 'c1', ticket_id: 700, user_id: 'new:1' }],
        pops: [{ kind: 'ticket', id: 'new:2' }],
      }),
    ).toEqual([
      'tickets[0]: expected new ticket 2 (new:2), but only 1 ticket was created',
      'users[0]: expected new user 1 (new:1), but only 0 users were created',
      'contacts[0] (contact c1, agent priya): ticket_id: expected 700, found 701; user_id: expected new:1, but only 0 users were created',
      'pops[0]: no pop matches {"kind":"ticket","id":"new:2"}; closest is pop #1 {"agent":"priya","tab":1,"step":1,"kind":"ticket","id":701,"at_ms":4000} (id: expected new:2, but only 1 ticket was created)',
    ]);
    const r = report();
    r.contacts[0]!.ticket_id = 700;
    expect(check({ contacts: [{ id: 'c1', ticket_id: 'new:1' }] }, r)).toEqual([
      'contacts[0] (contact c1, agent priya): ticket_id: expected new:1 (ticket 701), found 700',
    ]);
  });

  it('matches lists in order, as subsequences', () => {
    expect(
      check({
        pops: [
          { kind: 'ticket', id: 'new:1' },
          { kind: 'user', id: 20 },
        ],
      }),
    ).toEqual([
      'pops[1]: {"kind":"user","id":20} is out of order: only pop #0 matches, and it comes before pop #1 (matched by pops[0])',
    ]);
    expect(check({ dials: [{ number: '+447700900123' }] })).toEqual([
      'dials[0]: no dial matches {"number":"+447700900123"}; there are no dials',
    ]);
  });

  it('checks whole lists with _exact and absent entries with _none', () => {
    expect(check({ pops_exact: [{ kind: 'user', id: 20 }] })).toEqual([
      'pops_exact: expected 1 pop, found 2 pops: {"agent":"priya","tab":1,"step":0,"kind":"user","id":20,"at_ms":0}, {"agent":"priya","tab":1,"step":1,"kind":"ticket","id":701,"at_ms":4000}',
    ]);
    expect(
      check({
        pops_exact: [
          { kind: 'user', id: 20 },
          { kind: 'ticket', id: 700 },
        ],
      }),
    ).toEqual(['pops_exact[1]: pop #1 {"agent":"priya","tab":1,"step":1,"kind":"ticket","id":701,"at_ms":4000} (id: expected 700, found 701)']);
    expect(check({ notifications_none: [{ text_contains: 'CREATED' }] })).toEqual([
      'notifications_none[0]: expected no notification matching {"text_contains":"CREATED"}, found 1: {"agent":"priya","tab":1,"step":1,"level":"info","text":"Ticket 701 created for Tom Baker"}',
    ]);
  });

  it('reports errors the app let escape', () => {
    const r = report();
    r.errors.push({ agent: 'priya', tab: 1, step: 2, message: 'TypeError: x is undefined' });
    expect(check({ errors_count: 0 }, r)).toEqual(['errors_count: expected 0, found 1']);
    expect(check({ errors_none: [{ message_contains: 'TypeError' }] }, r)).toEqual([
      'errors_none[0]: expected no error matching {"message_contains":"TypeError"}, found 1: {"agent":"priya","tab":1,"step":2,"message":"TypeError: x is undefined"}',
    ]);
  });

  it('checks Talk Partner Edition call records: calls, calls_exact, calls_none, calls_count', () => {
    const r = report();
    const call = {
      id: 1,
      ticket_id: 701,
      direction: 'inbound',
      from_line: '+447700900123',
      to_line: '+442079460000',
      agent_id: 1,
      call_started_at: '2026-01-05T09:00:04Z',
      call_ended_at: '2026-01-05T09:01:34Z',
      duration: 90,
      recording_url: null,
      disposition: 'Resolved',
      call_disposition: 'Resolved',
      end_user_id: 20,
      created_at: '2026-01-05T09:00:04Z',
      updated_at: '2026-01-05T09:01:35Z',
    };
    r.calls.push(call, { ...call, id: 2, ticket_id: null, direction: 'outbound', agent_id: 1, duration: 0, disposition: null, call_disposition: null });
    expect(
      check(
        {
          calls: [{ ticket_id: 'new:1', agent_id: 1, end_user_id: 20, duration: { min: 85, max: 95 }, disposition: 'Resolved' }, { direction: 'outbound' }],
          calls_count: 2,
          calls_none: [{ direction: 'inbound', ticket_id: null }],
          calls_exact: [{ id: 1 }, { id: 2, ticket_id: null }],
        },
        r,
      ),
    ).toEqual([]);
    const failed = check({ calls: [{ ticket_id: 700 }], calls_count: 1 }, r);
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(/^calls\[0\]: no call matches \{"ticket_id":700\}; closest is call #0 \{"id":1,.*\(ticket_id: expected 700, found 701\)$/);
    expect(failed[1]).toBe('calls_count: expected 1, found 2');
    expect(check({ calls_count: 0 })).toEqual([]);
    expect(ScenarioExpectSchema.safeParse({ calls: [{ dispositon: 'x' }] }).success).toBe(false);
  });

  it('finds contacts by id and agent', () => {
    expect(check({ contacts: [{ id: 'c1', agent: 'bob' }] })).toEqual([
      'contacts[0]: expected contact c1, agent bob, found no such contact in the report (contacts: c1 (priya))',
    ]);
    expect(check({ contacts: [{ id: 'c1', mode: 'agent' }] })).toEqual([
      'contacts[0] (contact c1, agent priya): mode: expected "agent", found "auto"',
    ]);
  });

  it('finds records without a selector anywhere, and shows the closest', () => {
    expect(check({ users: [{ phone: '+447700900999' }] })).toEqual([
      'users[0]: no user matches {"phone":"+447700900999"}; closest is user 1 (phone: expected "+447700900999", found null)',
    ]);
  });

  it('is strict about the form', () => {
    expect(ScenarioExpectSchema.safeParse({ tickets: [{ new: 1, stauts: 'open' }] }).success).toBe(false);
    expect(ScenarioExpectSchema.safeParse({ tickets: [{ id: 700, new: 1 }] }).success).toBe(false);
    expect(ScenarioExpectSchema.safeParse({ pops_count: { min: 'a' } }).success).toBe(false);
    expect(ScenarioExpectSchema.safeParse(passing).success).toBe(true);
  });

  it('can be part of a scenario file', () => {
    const r = parseScenario('x.json', {
      name: 'x',
      zendesk: { start: '2026-01-05T09:00:00Z', users: [{ id: 1, name: 'P', role: 'agent' }] },
      agents: [{ name: 'priya', zendesk_user_id: 1, routing_profile: { name: 'F', queues: ['General'] } }],
      steps: [{ contact: 'c1', event: 'incoming', channel: 'voice' }],
      expect: { contacts: [{ id: 'c1', mode: 'auto' }], pops: [{ agent: 'priya', step: 0 }] },
    });
    expect(r.ok).toBe(true);
    const bad = parseScenario('x.json', {
      name: 'x',
      zendesk: { start: '2026-01-05T09:00:00Z', users: [{ id: 1, name: 'P', role: 'agent' }] },
      agents: [{ name: 'priya', zendesk_user_id: 1, routing_profile: { name: 'F', queues: ['General'] } }],
      steps: [{ contact: 'c1', event: 'incoming', channel: 'voice' }],
      expect: { pops: [{ agent: 'bob', step: 3 }] },
    });
    expect(bad).toEqual({ ok: false, error: 'x.json: expect.pops[0].agent: no agent named "bob" (agents: "priya")' });
  });
});
