// The gateway against the in-memory Zendesk: what Zendesk's answers mean to the app.
import { describe, expect, it } from 'vitest';
import { Transport, DEFAULT_RETRY } from '../../src/zendesk/transport';
import { ZendeskGateway } from '../../src/zendesk/gateway';
import { VirtualClock } from '../../src/sim/virtualClock';
import { InMemoryZendesk, type ZendeskInit } from '../../src/sim/zendesk';
import { FakeZafClient } from '../../src/sim/zaf/fakeZafClient';

function setup(over: Partial<ZendeskInit> = {}, asUser = 1, seen: string[] = []) {
  const clock = new VirtualClock(Date.parse('2026-01-05T09:00:00Z'));
  const zendesk = new InMemoryZendesk(
    {
      start: '2026-01-05T09:00:00Z',
      users: [
        { id: 1, name: 'Priya Agent', role: 'agent' },
        { id: 2, name: 'Rita Restricted', role: 'agent', ticket_access: 'groups', group_ids: [7] },
        { id: 20, name: 'Tom Baker', role: 'end-user', phone: '+447700900123', identities: [{ type: 'phone_number', value: '+61400555666' }] },
      ],
      tickets: [{ id: 500, requester_id: 20, status: 'open', group_id: 8 }],
      ...over,
    },
    clock,
  );
  const zaf = new FakeZafClient({
    backend: zendesk,
    clock,
    latencyMs: 0,
    currentUser: { id: asUser, name: 'x', email: 'x@example.org', role: 'agent', locale: 'en-US' },
    settings: {},
    installationId: 1,
    guid: 'g',
    recorder: { request: (r) => seen.push(`${r.method} ${r.path} ${r.status}`), pop: () => {}, notify: () => {}, popover: () => {} },
  });
  const gw = new ZendeskGateway(new Transport(zaf, clock, DEFAULT_RETRY));
  // Every call runs on the simulated clock until it settles.
  return new Proxy(gw, {
    get(target, key) {
      const v = Reflect.get(target, key) as unknown;
      if (typeof v !== 'function') return v;
      return async (...args: unknown[]) => {
        const p = (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        await clock.runUntilIdle(clock.nowMs() + 600_000);
        return p;
      };
    },
  });
}

describe('ZendeskGateway', () => {
  it('without Talk Partner Edition a call\'s ticket is made through the Tickets API; the voice channel is asked once', async () => {
    const seen: string[] = [];
    const gw = setup({ talk_partner_edition: false }, 1, seen);
    const call = (n: number) => ({
      requesterId: 20,
      subject: 'Call',
      noteHtml: `<p>Contact ID: c${n}</p>`,
      brandId: null,
      tags: [],
      customFields: [],
      externalId: `amazon-connect:c${n}`,
      voiceVia: 45 as const,
      marker: `Contact ID: c${n}`,
    });
    const first = await gw.createTicket(call(1));
    const second = await gw.createTicket(call(2));
    expect([first.requesterId, second.requesterId]).toEqual([20, 20]);
    expect(first.id).not.toBe(second.id);
    expect(seen).toEqual(['POST /api/v2/channels/voice/tickets.json 403', 'POST /api/v2/tickets.json 201', 'POST /api/v2/tickets.json 201']);
  });

  it('reads a 403 on a ticket as "not visible", a 404 as "not found"', async () => {
    const gw = setup({}, 2);
    expect(await gw.readTicket(500)).toEqual({ kind: 'hidden' });
    expect(await gw.readTicket(999)).toEqual({ kind: 'not_found' });
    expect(await gw.getTicket(500)).toBeNull();
    expect(await gw.seesOnlySomeTickets()).toBe(true);
    expect(await setup({}, 1).seesOnlySomeTickets()).toBe(false);
  });

  it('finds the active ticket field by title; an inactive one is read, never written', async () => {
    const gw = setup({
      ticket_fields: [
        { id: 9001, title: 'connect_outbound_queue', type: 'text', active: false },
        { id: 9002, title: 'other', type: 'text' },
      ],
    });
    expect(await gw.ticketFieldTitled('connect_outbound_queue', true)).toBeNull();
    expect((await gw.ticketFieldTitled('connect_outbound_queue', false))?.id).toBe(9001);
  });

  it('finds a note by its marker as a whole: "part 1 of 3" is not "part 1 of 30", contact k1 is not k10', async () => {
    const gw = setup({
      tickets: [{ id: 600, requester_id: 20, status: 'open', description: 'Chat transcript, contact k10, part 1 of 30 …' }],
    });
    expect(await gw.commentAlreadyAdded(600, 'Chat transcript, contact k1')).toBe(false);
    expect(await gw.commentAlreadyAdded(600, 'Chat transcript, contact k10, part 1 of 3')).toBe(false);
    expect(await gw.commentAlreadyAdded(600, 'Chat transcript, contact k10, part 1 of 30')).toBe(true);
    expect(await gw.lastTranscriptTime(600)).toBeNull();
  });

  it("reads the continuation marker without the contact's own transcript parts", async () => {
    const gw = setup({
      tickets: [
        {
          id: 600,
          requester_id: 20,
          status: 'open',
          comments: [
            { author_id: 1, public: false, body: 'Chat transcript, contact k1 … Messages up to 2026-01-05T09:10:00.000Z' },
            { author_id: 1, public: false, body: 'Chat transcript, contact k2, part 1 of 2 … Messages up to 2026-01-05T09:20:00.000Z' },
          ],
        },
      ],
    });
    expect(await gw.lastTranscriptTime(600)).toBe(Date.parse('2026-01-05T09:20:00Z'));
    expect(await gw.lastTranscriptTime(600, 'Chat transcript, contact k2')).toBe(Date.parse('2026-01-05T09:10:00Z'));
  });

  it("lists a user's phone numbers, the further identities included", async () => {
    expect(await setup().userPhones(20)).toEqual(['+447700900123', '+61400555666']);
  });

  it('reads every page of a search, and says when it stopped early', async () => {
    const users = Array.from({ length: 250 }, (_, i) => ({ id: 100 + i, name: `U${i}`, role: 'end-user' as const, phone: `+4420794${String(i).padStart(3, '0')}12345` }));
    const gw = setup({ users: [{ id: 1, name: 'Priya Agent', role: 'agent' }, ...users], tickets: [] });
    const all = await gw.searchUsers('role:end-user phone:*12345');
    expect(all.users).toHaveLength(250);
    expect(all.complete).toBe(true);
    const two = await gw.searchUsers('role:end-user phone:*12345', 2);
    expect(two).toMatchObject({ complete: false });
    expect(two.users).toHaveLength(200);
  });
});
