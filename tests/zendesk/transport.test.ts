import { describe, expect, it } from 'vitest';
import { Transport, DEFAULT_RETRY } from '../../src/zendesk/transport';
import { ZendeskGateway } from '../../src/zendesk/gateway';
import { ZendeskError } from '../../src/zendesk/errors';
import { VirtualClock } from '../../src/sim/virtualClock';
import { InMemoryZendesk } from '../../src/sim/zendesk';
import { FakeZafClient } from '../../src/sim/zaf/fakeZafClient';

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
  const zaf = new FakeZafClient({
    backend: zendesk,
    clock,
    latencyMs: 0,
    currentUser: { id: 1, name: 'Priya Agent', email: 'priya@example.org', role: 'agent', locale: 'en-US' },
    settings: {},
    installationId: 1,
    guid: 'g',
    recorder: { request: (r) => requests.push(r), pop: () => {}, notify: () => {}, popover: () => {} },
  });
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
    const users = await p;
    expect(users.map((u) => u.id)).toEqual([20]);
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
    expect(requests[1]!.atMs - requests[0]!.atMs).toBe(7000);
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
});
