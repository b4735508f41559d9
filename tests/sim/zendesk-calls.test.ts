// Talk Partner Edition's standard call object in the in-memory Zendesk (docs/zendesk-calls-api.md):
// POST /api/v2/calls with its mandatory fields, PATCH and GET /api/v2/calls/{id}, the TPE voice
// comment rendered from the record, create-with-comment making the ticket, 403 without TPE.
import { describe, expect, it } from 'vitest';
import { InMemoryZendesk, SIM_APP_ID } from '../../src/sim/zendesk';
import type { HttpMethod, ZendeskInit, ZendeskResponse } from '../../src/sim/zendesk';
import { TestClock } from './testClock';

function setup(over: Partial<ZendeskInit> = {}) {
  const init: ZendeskInit = {
    start: '2026-01-05T09:00:00Z',
    users: [
      { id: 1, name: 'Ann Agent', role: 'agent', email: 'ann@example.com' },
      { id: 2, name: 'Bob Agent', role: 'agent', email: 'bob@example.com' },
      { id: 10, name: 'Jane Doe', role: 'end-user', phone: '+447700900123' },
    ],
    tickets: [{ id: 500, requester_id: 10, status: 'open', subject: 'Router' }],
    brands: [
      { id: 1, name: 'Acme', default: true },
      { id: 2, name: 'Beta' },
    ],
    ...over,
  };
  const zd = new InMemoryZendesk(init, new TestClock(), { installation: { id: 7, app_id: SIM_APP_ID, settings: {} } });
  const call = (method: HttpMethod, url: string, body?: unknown): ZendeskResponse => zd.handle({ method, url, body, asUserId: 1 });
  const comments = (ticketId: number) => (call('GET', `/api/v2/tickets/${ticketId}/comments.json`).body as { comments: Record<string, unknown>[] }).comments;
  return { zd, call, comments };
}

const MANDATORY = {
  app_id: SIM_APP_ID,
  from_line: '+447700900123',
  to_line: '+442079460000',
  call_started_at: '2026-01-05T09:00:04Z',
  direction: 'inbound',
};

const body = (r: ZendeskResponse) => r.body as { call: Record<string, unknown> };

describe('POST /api/v2/calls', () => {
  it('stores a call from the mandatory fields and answers 201 with it; no comment on any ticket', () => {
    const { zd, call } = setup();
    const r = call('POST', '/api/v2/calls.json', { call: MANDATORY });
    expect(r.status).toBe(201);
    expect(r.headers.Location).toMatch(/\/api\/v2\/calls\/1\.json$/);
    expect(body(r).call).toMatchObject({ id: 1, ...MANDATORY, created_at: '2026-01-05T09:00:00Z', updated_at: '2026-01-05T09:00:00Z' });
    expect(zd.snapshot().tickets.find((t) => t.id === 500)!.comments).toHaveLength(0);
    expect(zd.snapshot().calls).toEqual([
      expect.objectContaining({
        id: 1,
        ticket_id: null,
        direction: 'inbound',
        from_line: '+447700900123',
        to_line: '+442079460000',
        agent_id: null,
        call_started_at: '2026-01-05T09:00:04Z',
        call_ended_at: null,
        duration: null,
        recording_url: null,
        disposition: null,
        call_disposition: null,
        app_id: SIM_APP_ID,
      }),
    ]);
  });

  it('reads times with an offset as the guides write them ("+01", "-04:00") and stores them in UTC', () => {
    const { call } = setup();
    const r = call('POST', '/api/v2/calls', {
      call: { ...MANDATORY, call_started_at: '2022-01-27T15:31:40+01', call_ended_at: '2022-01-27T15:31:40-04:00' },
    });
    expect(body(r).call).toMatchObject({ call_started_at: '2022-01-27T14:31:40Z', call_ended_at: '2022-01-27T19:31:40Z' });
  });

  it('refuses a call without each mandatory field: 422 RecordInvalid naming the field', () => {
    const { zd, call } = setup();
    for (const field of Object.keys(MANDATORY)) {
      for (const value of [undefined, '', null]) {
        const r = call('POST', '/api/v2/calls', { call: { ...MANDATORY, [field]: value } });
        expect(r.status, `${field}=${String(value)}`).toBe(422);
        expect(r.body).toMatchObject({ error: 'RecordInvalid', details: { [field]: [expect.objectContaining({ description: expect.any(String) })] } });
      }
    }
    expect(zd.snapshot().calls).toEqual([]);
  });

  it('refuses values Zendesk does not take', () => {
    const { call } = setup();
    const refused: [string, unknown][] = [
      ['app_id', 999],
      ['direction', 'sideways'],
      ['call_started_at', '2026-01-05T09:00:04'],
      ['call_started_at', 'yesterday'],
      ['call_ended_at', '2026-02-30T09:00:00Z'],
      ['call_recording_consent', 'maybe'],
      ['callback_source', 'email'],
      ['duration', -1],
      ['duration', '90'],
      ['agent_id', 10],
      ['agent_id', 77],
      ['ticket_id', 999],
      ['end_user_id', 999],
      ['brand_id', 9],
      ['voicemail', 'no'],
      ['from_line', 447700900123],
    ];
    for (const [field, value] of refused) {
      const r = call('POST', '/api/v2/calls', { call: { ...MANDATORY, [field]: value } });
      expect(r.status, `${field}=${JSON.stringify(value)}`).toBe(422);
      expect(Object.keys((r.body as { details: object }).details), field).toEqual([field]);
    }
    expect(call('POST', '/api/v2/calls', MANDATORY).status).toBe(400);
    expect(call('POST', '/api/v2/calls', 'not json').status).toBe(400);
  });

  it('keeps the documented optional fields, and fields the stored reference does not reach', () => {
    const { call } = setup();
    const r = call('POST', '/api/v2/calls', {
      call: {
        ...MANDATORY,
        agent_id: 1,
        brand_id: 2,
        ticket_id: 500,
        end_user_id: 10,
        call_recording_consent: 'opt_out',
        call_recording_consent_action: 'caller_opted_out',
        callback_source: 'web widget',
        completion_status: 'completed',
        queue_name: 'BasicQueue',
        external_id: 'contact-1',
        connect_extra: { a: 1 },
        id: 99,
      },
    });
    expect(r.status).toBe(201);
    expect(body(r).call).toMatchObject({ id: 1, agent_id: 1, brand_id: 2, ticket_id: 500, end_user_id: 10, queue_name: 'BasicQueue', connect_extra: { a: 1 } });
  });
});

describe('the TPE voice comment', () => {
  it('a comment section puts a VoiceComment rendered from the record on the given ticket', () => {
    const { call, comments } = setup();
    const r = call('POST', '/api/v2/calls', {
      call: { ...MANDATORY, ticket_id: 500, agent_id: 1, comment: { title: 'Inbound call', author_id: 1 } },
    });
    expect(r.status).toBe(201);
    const [c] = comments(500);
    expect(c).toMatchObject({
      type: 'VoiceComment',
      author_id: 1,
      public: false,
      data: {
        call_id: 1,
        from: '+447700900123',
        to: '+442079460000',
        started_at: '2026-01-05T09:00:04Z',
        answered_by_id: 1,
        from_line: '+447700900123',
        title: 'Inbound call',
        app_id: SIM_APP_ID,
      },
    });
    expect(c!.body).toBe(
      ['Inbound call', 'Inbound call', 'Call from: +447700900123', 'Call to: +442079460000', 'Time of call: 2026-01-05T09:00:04Z', 'Agent: Ann Agent'].join('\n'),
    );
  });

  it('a PATCH of the call changes what the comment shows, in the API and the report', () => {
    const { zd, call, comments } = setup();
    call('POST', '/api/v2/calls', { call: { ...MANDATORY, ticket_id: 500, agent_id: 1, comment: {} } });
    const r = call('PATCH', '/api/v2/calls/1.json', {
      call: { call_ended_at: '2026-01-05T09:01:34Z', duration: 90, recording_url: 'https://rec.example/1.wav', call_disposition: 'Resolved' },
    });
    expect(r.status).toBe(200);
    expect(body(r).call).toMatchObject({ ...MANDATORY, duration: 90, call_disposition: 'Resolved', ticket_id: 500 });
    const [c] = comments(500);
    expect(c!.data).toMatchObject({ call_id: 1, call_duration: 90, recording_url: 'https://rec.example/1.wav', call_disposition: 'Resolved' });
    expect(c!.body).toContain('Length of phone call: 90 seconds');
    expect(c!.body).toContain('Disposition: Resolved');
    expect(c!.body).toContain('Recording: https://rec.example/1.wav');
    const snap = zd.snapshot();
    expect(snap.tickets.find((t) => t.id === 500)!.comments[0]).toMatchObject({ type: 'VoiceComment', data: { call_duration: 90 } });
    expect(snap.calls[0]).toMatchObject({ id: 1, duration: 90, disposition: 'Resolved', call_disposition: 'Resolved', call_ended_at: '2026-01-05T09:01:34Z' });
    // Clearing a field clears it on the comment too.
    call('PATCH', '/api/v2/calls/1', { call: { recording_url: null } });
    expect(comments(500)[0]!.data).not.toHaveProperty('recording_url', 'https://rec.example/1.wav');
    expect(comments(500)[0]!.body).not.toContain('Recording:');
  });

  it('is told from a Tickets-API voice comment by data.call_id', () => {
    const { call, comments } = setup();
    call('PUT', '/api/v2/tickets/500.json', { ticket: { voice_comment: { from: '+447700900123', to: '+442079460000', call_duration: 5 } } });
    call('POST', '/api/v2/calls', { call: { ...MANDATORY, ticket_id: 500, comment: {} } });
    const [tickets, v2] = comments(500);
    expect(tickets!.type).toBe('VoiceComment');
    expect(tickets!.data).not.toHaveProperty('call_id');
    expect(v2!.data).toHaveProperty('call_id', 1);
  });

  it('without ticket_id, makes the ticket: requester end_user_id, the call brand, via 45 / 46, and gives its id back', () => {
    const { zd, call, comments } = setup();
    const r = call('POST', '/api/v2/calls', {
      call: { ...MANDATORY, end_user_id: 10, agent_id: 1, brand_id: 2 },
      comment: { title: 'Call', display_to_agent: 1 },
    });
    expect(r.status).toBe(201);
    const ticketId = body(r).call.ticket_id as number;
    expect(ticketId).toBeGreaterThan(500);
    const t = zd.snapshot().tickets.find((x) => x.id === ticketId)!;
    expect(t).toMatchObject({ requester_id: 10, brand_id: 2, via_id: 45, subject: 'Call from +447700900123', status: 'open' });
    expect(comments(ticketId)).toHaveLength(1);
    expect(comments(ticketId)[0]).toMatchObject({ type: 'VoiceComment', data: { call_id: 1, title: 'Call' } });
    expect(zd.snapshot().calls[0]).toMatchObject({ id: 1, ticket_id: ticketId });
    expect(zd.displays()).toEqual([expect.objectContaining({ agent_id: 1, kind: 'ticket', id: ticketId })]);

    const out = call('POST', '/api/v2/calls', { call: { ...MANDATORY, direction: 'outbound', end_user_id: 10, comment: {} } });
    const outTicket = zd.snapshot().tickets.find((x) => x.id === body(out).call.ticket_id)!;
    expect(outTicket).toMatchObject({ via_id: 46, subject: 'Call to +442079460000', brand_id: 1 });
  });

  it('without ticket_id or end_user_id, a comment section is refused and nothing is stored', () => {
    const { zd, call } = setup();
    const before = zd.snapshot().tickets.length;
    const r = call('POST', '/api/v2/calls', { call: { ...MANDATORY, comment: {} } });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ details: { end_user_id: [expect.anything()] } });
    expect(zd.snapshot().calls).toEqual([]);
    expect(zd.snapshot().tickets).toHaveLength(before);
  });

  it('refuses a bad comment section, and a comment on a closed ticket', () => {
    const { zd, call } = setup({ tickets: [{ id: 500, requester_id: 10, status: 'closed', subject: 'Old' }] });
    for (const comment of [{ author_id: 999 }, { display_to_agent: 10 }, { public: 'yes' }, 'text']) {
      expect(call('POST', '/api/v2/calls', { call: { ...MANDATORY, end_user_id: 10, comment } }).status, JSON.stringify(comment)).toBe(422);
    }
    expect(call('POST', '/api/v2/calls', { call: { ...MANDATORY, ticket_id: 500, comment: {} } }).status).toBe(422);
    expect(zd.snapshot().calls).toEqual([]);
  });

  it('a PATCH with a comment section adds the comment: on the ticket it names, or a new one', () => {
    const { zd, call, comments } = setup();
    call('POST', '/api/v2/calls', { call: { ...MANDATORY, end_user_id: 10 } });
    const r = call('PATCH', '/api/v2/calls/1', { call: { agent_id: 2, comment: { title: 'Missed' } } });
    expect(r.status).toBe(200);
    const ticketId = body(r).call.ticket_id as number;
    expect(zd.snapshot().tickets.find((t) => t.id === ticketId)).toMatchObject({ requester_id: 10, via_id: 45 });
    expect(comments(ticketId)[0]!.data).toMatchObject({ call_id: 1, answered_by_id: 2, title: 'Missed' });

    call('POST', '/api/v2/calls', { call: MANDATORY });
    expect(call('PATCH', '/api/v2/calls/2', { call: { ticket_id: 500, comment: {} } }).status).toBe(200);
    expect(comments(500).map((c) => (c.data as { call_id: number }).call_id)).toEqual([2]);
  });
});

describe('PATCH and GET /api/v2/calls/{id}', () => {
  it('PATCH changes only the fields given; app_id is read-only; mandatory fields cannot be cleared', () => {
    const { call } = setup();
    call('POST', '/api/v2/calls', { call: { ...MANDATORY, queue_name: 'Sales' } });
    expect(body(call('PATCH', '/api/v2/calls/1', { call: { duration: 12 } })).call).toMatchObject({ ...MANDATORY, queue_name: 'Sales', duration: 12 });
    expect(call('PATCH', '/api/v2/calls/1', { call: { app_id: SIM_APP_ID } }).status).toBe(200);
    const changed = call('PATCH', '/api/v2/calls/1', { call: { app_id: 5 } });
    expect(changed.status).toBe(422);
    expect(changed.body).toMatchObject({ details: { app_id: [{ description: expect.stringContaining('cannot be changed') }] } });
    for (const field of ['from_line', 'direction', 'call_started_at']) {
      expect(call('PATCH', '/api/v2/calls/1', { call: { [field]: null } }).status, field).toBe(422);
    }
    expect(body(call('GET', '/api/v2/calls/1.json')).call).toMatchObject({ ...MANDATORY, duration: 12 });
  });

  it('answers 404 for an unknown call; there is no list, and no PUT', () => {
    const { call } = setup();
    expect(call('GET', '/api/v2/calls/9').body).toEqual({ error: 'RecordNotFound', description: 'Not found' });
    expect(call('PATCH', '/api/v2/calls/9', { call: { duration: 1 } }).status).toBe(404);
    call('POST', '/api/v2/calls', { call: MANDATORY });
    expect(call('GET', '/api/v2/calls').body).toMatchObject({ error: 'InvalidEndpoint' });
    expect(call('PUT', '/api/v2/calls/1', { call: { duration: 1 } }).body).toMatchObject({ error: 'InvalidEndpoint' });
  });
});

describe('without Talk Partner Edition', () => {
  it('every call endpoint answers 403 Forbidden', () => {
    const { zd, call } = setup({ talk_partner_edition: false });
    for (const [method, url, b] of [
      ['POST', '/api/v2/calls', { call: MANDATORY }],
      ['PATCH', '/api/v2/calls/1', { call: { duration: 1 } }],
      ['GET', '/api/v2/calls/1', undefined],
    ] as const) {
      const r = call(method, url, b);
      expect(r.status, `${method} ${url}`).toBe(403);
      expect(r.body).toMatchObject({ error: 'Forbidden' });
    }
    expect(zd.snapshot().calls).toEqual([]);
  });
});
