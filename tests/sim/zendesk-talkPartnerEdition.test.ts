// The in-memory Zendesk without Talk Partner Edition: "Use of this API requires Talk Partner
// Edition" (developer.zendesk.com, Talk Partner Edition API), so /api/v2/channels/voice/*
// answers Zendesk's plain 403 Forbidden, while the rest of the API works as usual.
import { describe, expect, it } from 'vitest';
import { InMemoryZendesk } from '../../src/sim/zendesk';
import type { HttpMethod, ZendeskInit, ZendeskResponse } from '../../src/sim/zendesk';
import { TestClock } from './testClock';

function setup(over: Partial<ZendeskInit> = {}) {
  const init: ZendeskInit = {
    start: '2026-01-05T09:00:00Z',
    users: [
      { id: 1, name: 'Ann Agent', role: 'admin', email: 'ann@example.com' },
      { id: 10, name: 'Jane Doe', role: 'end-user', phone: '+447700900123' },
    ],
    tickets: [{ id: 500, requester_id: 10, status: 'open', subject: 'Router' }],
    ...over,
  };
  const zd = new InMemoryZendesk(init, new TestClock());
  return (method: HttpMethod, url: string, body?: unknown): ZendeskResponse => zd.handle({ method, url, body, asUserId: 1 });
}

const voiceTicket = { ticket: { via_id: 45, requester_id: 10, subject: 'Call', comment: { body: 'Call', public: false } } };

describe('talk_partner_edition', () => {
  it('false: every Talk Partner Edition endpoint is 403 Forbidden, even for an admin', () => {
    const call = setup({ talk_partner_edition: false });
    const forbidden = { error: 'Forbidden', description: expect.stringContaining('You do not have access to this page') };
    for (const [method, url, body] of [
      ['POST', '/api/v2/channels/voice/tickets.json', voiceTicket],
      ['POST', '/api/v2/channels/voice/agents/1/tickets/500/display.json', undefined],
      ['POST', '/api/v2/channels/voice/agents/1/users/10/display.json', undefined],
    ] as const) {
      const r = call(method, url, body);
      expect(r.status, url).toBe(403);
      expect(r.body, url).toEqual(forbidden);
    }
    // The Support API is not Talk Partner Edition.
    expect(call('POST', '/api/v2/tickets.json', { ticket: { requester_id: 10, subject: 'Call', comment: { body: 'Call' } } }).status).toBe(201);
  });

  it('unset (the default) or true: the voice channel answers', () => {
    for (const over of [{}, { talk_partner_edition: true }]) {
      const call = setup(over);
      expect(call('POST', '/api/v2/channels/voice/tickets.json', voiceTicket).status).toBe(201);
      expect(call('POST', '/api/v2/channels/voice/agents/1/tickets/500/display.json').status).toBe(200);
      // A record that does not exist is still 404 RecordNotFound.
      expect(call('POST', '/api/v2/channels/voice/agents/1/tickets/999/display.json').body).toMatchObject({ error: 'RecordNotFound' });
    }
  });
});
