import { describe, expect, it } from 'vitest';
import { InMemoryZendesk, htmlToText } from '../../src/sim/zendesk';
import type { HttpMethod, ZendeskInit, ZendeskResponse } from '../../src/sim/zendesk';
import { START, TestClock } from './testClock';


function baseInit(over: Partial<ZendeskInit> = {}): ZendeskInit {
  return {
    start: '2026-01-05T09:00:00Z',
    search_index_delay_seconds: 0,
    latency_ms: 25,
    users: [
      { id: 1, name: 'Ann Agent', role: 'agent', email: 'ann@example.com' },
      { id: 2, name: 'Alice Admin', role: 'admin', email: 'alice@example.com' },
      { id: 10, name: 'Jane Doe', role: 'end-user', phone: '+44 7700 900123', email: 'jane@example.com', user_fields: {} },
      { id: 11, name: 'Bob Stone', role: 'end-user', phone: '07700900123', email: 'bob@example.com' },
    ],
    tickets: [
      {
        id: 500,
        requester_id: 10,
        status: 'open',
        subject: 'Router',
        created_at: '2026-01-05T08:50:00Z',
        updated_at: '2026-01-05T08:55:00Z',
        brand_id: 1,
        tags: [],
        custom_fields: [],
      },
      { id: 501, requester_id: 10, status: 'closed', subject: 'Old', created_at: '2025-12-01T08:00:00Z', updated_at: '2025-12-02T08:00:00Z' },
    ],
    brands: [
      { id: 1, name: 'Acme', default: true, active: true },
      { id: 2, name: 'Other', active: true },
    ],
    ticket_fields: [{ id: 9001, title: 'connect_outbound_queue', type: 'text' }],
    user_fields: [{ key: 'voice_authentication_id', type: 'text' }],
    ...over,
  };
}

function setup(over: Partial<ZendeskInit> = {}) {
  const clock = new TestClock();
  const zd = new InMemoryZendesk(baseInit(over), clock, { installation: { id: 77, settings: { ccpUrl: 'https://x' } } });
  const call = (method: HttpMethod, url: string, body?: unknown, asUserId = 1): ZendeskResponse =>
    zd.handle({ method, url, body, asUserId });
  return { clock, zd, call };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
const b = (r: ZendeskResponse): J => r.body as J;

describe('users', () => {
  it('gets a user by id, with .json optional, and 404 when absent', () => {
    const { call } = setup();
    const r = call('GET', '/api/v2/users/10.json');
    expect(r.status).toBe(200);
    expect(b(r).user).toMatchObject({
      id: 10,
      name: 'Jane Doe',
      email: 'jane@example.com',
      phone: '+44 7700 900123',
      role: 'end-user',
      external_id: null,
      created_at: '2026-01-05T09:00:00Z',
      user_fields: { voice_authentication_id: null },
    });
    expect(call('GET', '/api/v2/users/10').status).toBe(200);
    const missing = call('GET', '/api/v2/users/999.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'RecordNotFound', description: 'Not found' });
  });

  it('show_many and me', () => {
    const { call } = setup();
    const r = call('GET', '/api/v2/users/show_many.json?ids=11,999,10');
    expect(b(r).users.map((u: J) => u.id)).toEqual([11, 10]);
    expect(b(call('GET', '/api/v2/users/me.json', undefined, 2)).user.id).toBe(2);
  });

  it('creates a user (201) with a higher id, defaults role end-user', () => {
    const { call, zd } = setup();
    const r = call('POST', '/api/v2/users.json', { user: { name: 'Caller: 12345678', phone: '12345678' } });
    expect(r.status).toBe(201);
    expect(b(r).user).toMatchObject({ id: 12, name: 'Caller: 12345678', phone: '12345678', role: 'end-user', email: null });
    expect(r.headers.Location).toContain('/api/v2/users/12.json');
    expect(zd.snapshot().users.at(-1)).toEqual({
      id: 12,
      name: 'Caller: 12345678',
      role: 'end-user',
      phone: '12345678',
      email: null,
      user_fields: {},
    });
  });

  it('422 when name is missing or the email is taken (case-insensitive)', () => {
    const { call } = setup();
    const noName = call('POST', '/api/v2/users.json', { user: { phone: '1' } });
    expect(noName.status).toBe(422);
    expect(b(noName).error).toBe('RecordInvalid');
    expect(b(noName).details.name).toBeDefined();
    const dup = call('POST', '/api/v2/users.json', { user: { name: 'X', email: 'JANE@example.com' } });
    expect(dup.status).toBe(422);
    expect(dup.body).toEqual({
      error: 'RecordInvalid',
      description: 'Record validation errors',
      details: {
        email: [{ description: 'Email: JANE@example.com is already being used by another user', error: 'DuplicateValue' }],
      },
    });
  });

  it('400 on a malformed body or a missing root key', () => {
    const { call } = setup();
    expect(call('POST', '/api/v2/users.json', { name: 'x' }).status).toBe(400);
    expect(call('POST', '/api/v2/users.json', '{not json').status).toBe(400);
    expect(call('POST', '/api/v2/users.json', undefined).status).toBe(400);
    expect(call('POST', '/api/v2/users.json', '{"user":{"name":"From text"}}').status).toBe(201);
  });

  it('updates a user: merges user_fields, ignores unknown field keys, bumps updated_at', () => {
    const { call, clock, zd } = setup();
    clock.advance(30);
    const r = call('PUT', '/api/v2/users/10.json', {
      user: { phone: '+61400111222', user_fields: { voice_authentication_id: 'spk-1', not_a_field: 'x' } },
    });
    expect(r.status).toBe(200);
    expect(b(r).user).toMatchObject({
      phone: '+61400111222',
      name: 'Jane Doe',
      updated_at: '2026-01-05T09:00:30Z',
      user_fields: { voice_authentication_id: 'spk-1' },
    });
    expect(b(r).user.user_fields).not.toHaveProperty('not_a_field');
    call('PUT', '/api/v2/users/10.json', { user: { name: 'Jane D' } });
    expect(zd.snapshot().users.find((u) => u.id === 10)).toMatchObject({
      name: 'Jane D',
      user_fields: { voice_authentication_id: 'spk-1' },
    });
    expect(call('PUT', '/api/v2/users/999.json', { user: { name: 'x' } }).status).toBe(404);
    expect(call('PUT', '/api/v2/users/10.json', { user: { email: 'bob@example.com' } }).status).toBe(422);
  });

  it('create_or_update matches by external_id, then email, else creates', () => {
    const { call } = setup();
    const byEmail = call('POST', '/api/v2/users/create_or_update.json', { user: { email: 'bob@example.com', external_id: 'crm-1', name: 'Bob S' } });
    expect(byEmail.status).toBe(200);
    expect(b(byEmail).user).toMatchObject({ id: 11, name: 'Bob S', external_id: 'crm-1' });
    const byExt = call('POST', '/api/v2/users/create_or_update.json', { user: { external_id: 'crm-1', phone: '+1555' } });
    expect(b(byExt).user).toMatchObject({ id: 11, phone: '+1555' });
    const fresh = call('POST', '/api/v2/users/create_or_update.json', { user: { name: 'New', email: 'new@example.com' } });
    expect(fresh.status).toBe(201);
    expect(b(fresh).user.id).toBe(12);
  });

  it('401 for an unknown caller, 403 for an end-user caller', () => {
    const { call } = setup();
    expect(call('GET', '/api/v2/users/10.json', undefined, 4242).status).toBe(401);
    expect(call('GET', '/api/v2/users/10.json', undefined, 10).status).toBe(403);
  });
});

describe('tickets', () => {
  it('gets a ticket in Zendesk shape; 404 when absent', () => {
    const { call } = setup();
    const r = call('GET', '/api/v2/tickets/500.json');
    expect(b(r).ticket).toMatchObject({
      id: 500,
      requester_id: 10,
      status: 'open',
      subject: 'Router',
      brand_id: 1,
      via: { channel: 'web' },
      tags: [],
      custom_fields: [{ id: 9001, value: null }],
      external_id: null,
      created_at: '2026-01-05T08:50:00Z',
      updated_at: '2026-01-05T08:55:00Z',
    });
    const missing = call('GET', '/api/v2/tickets/9.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'RecordNotFound', description: 'Not found' });
  });

  it('show_many', () => {
    const { call } = setup();
    expect(b(call('GET', '/api/v2/tickets/show_many.json?ids=501,500,3')).tickets.map((t: J) => t.id)).toEqual([501, 500]);
  });

  it('creates a ticket: 201, open when an agent creates it, default brand, comment stored', () => {
    const { call, zd, clock } = setup();
    clock.advance(5);
    const r = call('POST', '/api/v2/tickets.json', {
      ticket: {
        requester_id: 11,
        subject: 'Call',
        comment: { body: 'Hello', public: false },
        tags: ['Voice', 'voice', 'inbound'],
        custom_fields: [{ id: 9001, value: 'Sales' }, { id: 1234, value: 'ignored' }],
        external_id: 'c1',
      },
    });
    expect(r.status).toBe(201);
    const t = b(r).ticket;
    expect(t).toMatchObject({
      id: 502,
      requester_id: 11,
      submitter_id: 1,
      status: 'open',
      brand_id: 1,
      tags: ['voice', 'inbound'],
      external_id: 'c1',
      via: { channel: 'api' },
      created_at: '2026-01-05T09:00:05Z',
      updated_at: '2026-01-05T09:00:05Z',
      description: 'Hello',
    });
    expect(t.custom_fields).toEqual([{ id: 9001, value: 'Sales' }]);
    expect(b(r).audit.events[0]).toMatchObject({ type: 'Comment', body: 'Hello', public: false });
    const snap = zd.snapshot().tickets.find((x) => x.id === 502)!;
    expect(snap).toMatchObject({
      requester_id: 11,
      brand_id: 1,
      subject: 'Call',
      status: 'open',
      via_id: 5,
      tags: ['voice', 'inbound'],
      custom_fields: [{ id: 9001, value: 'Sales' }],
      comments: [{ type: 'Comment', author_id: 1, public: false, body: 'Hello' }],
    });
    expect(snap.comments[0]).not.toHaveProperty('html_body');
  });

  it('422 without a comment, with an unknown requester or brand', () => {
    const { call } = setup();
    const noComment = call('POST', '/api/v2/tickets.json', { ticket: { requester_id: 10, subject: 'x' } });
    expect(noComment.status).toBe(422);
    expect(b(noComment).error).toBe('RecordInvalid');
    expect(call('POST', '/api/v2/tickets.json', { ticket: { requester_id: 999, comment: { body: 'x' } } }).status).toBe(422);
    expect(call('POST', '/api/v2/tickets.json', { ticket: { requester_id: 10, brand_id: 99, comment: { body: 'x' } } }).status).toBe(422);
  });

  it('creates the requester from an inline requester, reusing a user with that email', () => {
    const { call, zd } = setup();
    const r = call('POST', '/api/v2/tickets.json', { ticket: { requester: { name: 'New Caller', phone: '+15550001' }, comment: { body: 'x' } } });
    expect(b(r).ticket.requester_id).toBe(12);
    expect(zd.snapshot().users.at(-1)).toMatchObject({ id: 12, name: 'New Caller', phone: '+15550001', role: 'end-user' });
    const again = call('POST', '/api/v2/tickets.json', { ticket: { requester: { name: 'J', email: 'JANE@example.com' }, comment: { body: 'x' } } });
    expect(b(again).ticket.requester_id).toBe(10);
  });

  it('voice endpoint: via 45 by default, voice comment with readable body and data, display_to_agent', () => {
    const { call, zd } = setup();
    const voice = {
      from: '+447700900123',
      to: '+442079460000',
      recording_url: 'https://rec/1.mp3',
      started_at: '2026-01-05T09:00:04Z',
      call_duration: 90,
      answered_by_id: 1,
    };
    const r = call('POST', '/api/v2/channels/voice/tickets.json', {
      display_to_agent: 1,
      ticket: { requester_id: 10, brand_id: 2, voice_comment: voice },
    });
    expect(r.status).toBe(201);
    expect(b(r).ticket).toMatchObject({ via: { channel: 'voice', source: { rel: 'inbound', from: { phone: '+447700900123' } } }, brand_id: 2 });
    const t = zd.snapshot().tickets.at(-1)!;
    expect(t.via_id).toBe(45);
    expect(t.comments).toEqual([
      {
        type: 'VoiceComment',
        author_id: 1,
        public: false,
        body: [
          'Call from: +447700900123',
          'Call to: +442079460000',
          'Time of call: 2026-01-05T09:00:04Z',
          'Answered by: Ann Agent',
          'Length of phone call: 90 seconds',
          'Recording: https://rec/1.mp3',
        ].join('\n'),
        data: voice,
      },
    ]);
    expect(zd.displays()).toEqual([{ at_ms: START, agent_id: 1, kind: 'ticket', id: t.id, by_user_id: 1 }]);
    const outbound = call('POST', '/api/v2/channels/voice/tickets', { ticket: { requester_id: 10, via_id: 46, voice_comment: { from: 'a', to: 'b', title: 'Outbound call' } } });
    expect(zd.snapshot().tickets.at(-1)).toMatchObject({ via_id: 46 });
    expect(zd.snapshot().tickets.at(-1)!.comments[0]!.body).toBe('Outbound call\nCall from: a\nCall to: b');
    expect(b(outbound).ticket.via.source.rel).toBe('outbound');
    expect(call('POST', '/api/v2/channels/voice/tickets', { ticket: { requester_id: 10, via_id: 4, voice_comment: voice } }).status).toBe(422);
  });

  it('keeps a status given at creation', () => {
    const { call } = setup();
    expect(b(call('POST', '/api/v2/tickets.json', { ticket: { requester_id: 10, status: 'pending', comment: { body: 'x' } } })).ticket.status).toBe('pending');
  });

  it('updates a ticket: 200 {ticket, audit}, comment first then voice comment, tags, fields', () => {
    const { call, zd, clock } = setup();
    clock.advance(60);
    const r = call('PUT', '/api/v2/tickets/500.json', {
      ticket: {
        comment: { html_body: '<p>Call <b>summary</b></p><ul><li>a &amp; b</li><li>x&lt;y&#39;s &#x263A;</li></ul>Line<br>two' },
        voice_comment: { from: '+1', to: '+2', call_duration: 3, answered_by_id: 1 },
        status: 'pending',
        additional_tags: ['Connect'],
        custom_fields: [{ id: 9001, value: 'Sales' }],
      },
    });
    expect(r.status).toBe(200);
    expect(b(r).ticket).toMatchObject({ status: 'pending', tags: ['connect'], updated_at: '2026-01-05T09:01:00Z' });
    expect(b(r).audit.events.map((e: J) => e.type)).toEqual(['Comment', 'VoiceComment', 'Change', 'Change', 'Change']);
    const t = zd.snapshot().tickets.find((x) => x.id === 500)!;
    expect(t.comments.map((c) => c.type)).toEqual(['Comment', 'VoiceComment']);
    expect(t.comments[0]).toEqual({
      type: 'Comment',
      author_id: 1,
      public: true,
      body: 'Call summary\na & b\nx<y\'s ☺\nLine\ntwo',
      html_body: '<p>Call <b>summary</b></p><ul><li>a &amp; b</li><li>x&lt;y&#39;s &#x263A;</li></ul>Line<br>two',
    });
    expect(t.custom_fields).toEqual([{ id: 9001, value: 'Sales' }]);
    const tags = call('PUT', '/api/v2/tickets/500.json', { ticket: { tags: ['only'] } });
    expect(b(tags).ticket.tags).toEqual(['only']);
  });

  it('422 when updating a closed ticket', () => {
    const { call, zd } = setup();
    const r = call('PUT', '/api/v2/tickets/501.json', { ticket: { comment: { body: 'late' } } });
    expect(r.status).toBe(422);
    expect(r.body).toEqual({
      error: 'RecordInvalid',
      description: 'Record validation errors',
      details: { status: [{ description: 'Status: closed prevents ticket update', error: 'InvalidValue' }] },
    });
    expect(zd.snapshot().tickets.find((t) => t.id === 501)!.comments).toEqual([]);
  });

  it('404 updating a missing ticket; 422 for an unknown requester', () => {
    const { call } = setup();
    expect(call('PUT', '/api/v2/tickets/9.json', { ticket: { status: 'open' } }).status).toBe(404);
    expect(call('PUT', '/api/v2/tickets/500.json', { ticket: { requester_id: 9999 } }).status).toBe(422);
    expect(call('PUT', '/api/v2/tickets/500.json', { ticket: { status: 'bogus' } }).status).toBe(422);
  });

  it('comments endpoint', () => {
    const { call } = setup();
    call('PUT', '/api/v2/tickets/500.json', { ticket: { comment: { body: 'one' } } });
    call('PUT', '/api/v2/tickets/500.json', { ticket: { comment: { body: 'two', public: false } } });
    const r = call('GET', '/api/v2/tickets/500/comments.json');
    expect(b(r).count).toBe(2);
    expect(b(r).comments.map((c: J) => [c.type, c.body, c.public, c.author_id])).toEqual([
      ['Comment', 'one', true, 1],
      ['Comment', 'two', false, 1],
    ]);
    expect(b(r).comments[1].id).toBeGreaterThan(b(r).comments[0].id);
    expect(call('GET', '/api/v2/tickets/9/comments.json').status).toBe(404);
  });

  it('tickets.json?external_id= is live (not index-delayed)', () => {
    const { call } = setup({ search_index_delay_seconds: 60 });
    call('POST', '/api/v2/tickets.json', { ticket: { requester_id: 10, external_id: 'contact-1', comment: { body: 'x' } } });
    const r = call('GET', '/api/v2/tickets.json?external_id=contact-1');
    expect(b(r).tickets.map((t: J) => t.id)).toEqual([502]);
    expect(b(r).count).toBe(1);
    expect(b(call('GET', '/api/v2/search.json?query=external_id:contact-1')).count).toBe(0);
  });

  it('requested tickets: live, sortable, paginated', () => {
    const { call, clock } = setup({ search_index_delay_seconds: 60 });
    clock.advance(1);
    call('POST', '/api/v2/tickets.json', { ticket: { requester_id: 10, comment: { body: 'x' } } });
    const r = call('GET', '/api/v2/users/10/tickets/requested.json?sort_by=updated_at&sort_order=desc');
    expect(b(r).tickets.map((t: J) => t.id)).toEqual([502, 500, 501]);
    const p1 = call('GET', '/api/v2/users/10/tickets/requested.json?sort_by=created_at&sort_order=asc&per_page=2');
    expect(b(p1).tickets.map((t: J) => t.id)).toEqual([501, 500]);
    expect(b(p1).next_page).toBe('/api/v2/users/10/tickets/requested.json?sort_by=created_at&sort_order=asc&per_page=2&page=2');
    const p2 = call('GET', b(p1).next_page);
    expect(b(p2).tickets.map((t: J) => t.id)).toEqual([502]);
    expect(b(p2).next_page).toBeNull();
    expect(call('GET', '/api/v2/users/999/tickets/requested.json').status).toBe(404);
  });

  it('ids of created records are above every existing id, each kind its own counter', () => {
    const { call } = setup({ users: [{ id: 1, name: 'A', role: 'agent' }, { id: 40, name: 'B' }] , tickets: [{ id: 7, requester_id: 40 }] });
    expect(b(call('POST', '/api/v2/users.json', { user: { name: 'C' } })).user.id).toBe(41);
    expect(b(call('POST', '/api/v2/tickets.json', { ticket: { requester_id: 40, comment: { body: 'x' } } })).ticket.id).toBe(8);
  });
});

describe('account configuration and apps', () => {
  it('brands, ticket fields, user fields', () => {
    const { call } = setup();
    const brands = b(call('GET', '/api/v2/brands.json'));
    expect(brands.brands.map((x: J) => [x.id, x.name, x.default, x.active])).toEqual([
      [1, 'Acme', true, true],
      [2, 'Other', false, true],
    ]);
    expect(brands).toMatchObject({ count: 2, next_page: null });
    expect(b(call('GET', '/api/v2/ticket_fields.json'))).toMatchObject({
      ticket_fields: [{ id: 9001, title: 'connect_outbound_queue', type: 'text' }],
      count: 1,
      next_page: null,
    });
    expect(b(call('GET', '/api/v2/user_fields.json'))).toMatchObject({
      user_fields: [{ key: 'voice_authentication_id', type: 'text' }],
      count: 1,
      next_page: null,
    });
  });

  it('installation: GET, admin-only PUT merging settings', () => {
    const { call, zd, clock } = setup();
    expect(b(call('GET', '/api/v2/apps/installations/77.json'))).toMatchObject({ id: 77, settings: { ccpUrl: 'https://x' } });
    expect(call('GET', '/api/v2/apps/installations/78.json').status).toBe(404);
    const denied = call('PUT', '/api/v2/apps/installations/77.json', { settings: { a: 1 } }, 1);
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({
      error: 'Forbidden',
      description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.',
    });
    clock.advance(10);
    const okPut = call('PUT', '/api/v2/apps/installations/77.json', { settings: { queueToBrand: '[]' } }, 2);
    expect(okPut.status).toBe(200);
    expect(b(okPut)).toMatchObject({ settings: { ccpUrl: 'https://x', queueToBrand: '[]' }, updated_at: '2026-01-05T09:00:10Z' });
    expect(zd.installationSettings()).toEqual({ ccpUrl: 'https://x', queueToBrand: '[]' });
    expect(call('PUT', '/api/v2/apps/installations/77.json', { nope: 1 }, 2).status).toBe(400);
  });

  it('Talk Partner Edition display calls: 200 {} and recorded; 404 for a missing record', () => {
    const { call, zd } = setup();
    const r = call('POST', '/api/v2/channels/voice/agents/1/tickets/500/display.json');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({});
    expect(call('POST', '/api/v2/channels/voice/agents/1/users/10/display.json').status).toBe(200);
    expect(call('POST', '/api/v2/channels/voice/agents/1/tickets/9/display.json').status).toBe(404);
    expect(call('POST', '/api/v2/channels/voice/agents/999/users/10/display.json').status).toBe(404);
    expect(zd.displays().map((d) => [d.kind, d.id, d.agent_id])).toEqual([
      ['ticket', 500, 1],
      ['user', 10, 1],
    ]);
  });

  it('unknown endpoints and methods: 404 InvalidEndpoint', () => {
    const { call } = setup();
    for (const [m, u] of [
      ['GET', '/api/v2/organizations.json'],
      ['DELETE', '/api/v2/users/10.json'],
      ['POST', '/api/v2/tickets/500.json'],
      ['GET', '/elsewhere'],
    ] as const) {
      const r = call(m, u);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ error: 'InvalidEndpoint', description: 'Not found' });
    }
  });

  it('exposes latency and counts requests', () => {
    const { call, zd } = setup();
    expect(zd.latencyMs).toBe(25);
    call('GET', '/api/v2/users/10.json');
    call('GET', '/nope');
    expect(zd.requestCount()).toBe(2);
  });
});

describe('htmlToText', () => {
  it('turns block ends and <br> into newlines and decodes entities', () => {
    expect(htmlToText('<div>Hi&nbsp;there</div>\n<div>&quot;x&quot; &amp;amp;</div>')).toBe('Hi there\n"x" &amp;');
    expect(htmlToText('<p>A</p><p>B</p>')).toBe('A\nB');
    expect(htmlToText('a<br/>b<br />c')).toBe('a\nb\nc');
    expect(htmlToText('<script>alert(1)</script>ok &#65;&#x42;')).toBe('ok AB');
  });
});

describe('snapshot', () => {
  it('reports users, tickets and call records by id in the FORMAT.md shape', () => {
    const { zd } = setup({ users: [{ id: 5, name: 'Z', role: 'agent' }, { id: 3, name: 'Y', phone: '1', user_fields: { k: 'v' } }], tickets: [] });
    expect(zd.snapshot()).toEqual({
      users: [
        { id: 3, name: 'Y', role: 'end-user', phone: '1', email: null, user_fields: { k: 'v' } },
        { id: 5, name: 'Z', role: 'agent', phone: null, email: null, user_fields: {} },
      ],
      tickets: [],
      calls: [],
    });
  });
});
