import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { loadScenario, parseScenario } from '../../src/sim/scenario/load';
import { loadScenarioFile } from '../../src/sim/scenario/loadFile';
import type { ActionOf, ContactEvent, Scenario, ScenarioStep } from '../../src/sim/scenario/schema';
import { isContactStep } from '../../src/sim/scenario/schema';

const EXAMPLES = [resolve(__dirname, '../../../shared/scenarios/examples'), resolve(__dirname, '../../scenarios/examples')].find((d) => existsSync(d));

/** A small valid scenario; the malformed cases below each break one thing in it. */
function base(): Record<string, any> {
  return {
    name: 'base',
    settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', region: 'eu-west-2' },
    zendesk: {
      start: '2026-01-05T09:00:00Z',
      users: [
        { id: 1, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' },
        { id: 20, name: 'Tom Baker', role: 'end-user', phone: '+447700900123' },
      ],
      tickets: [{ id: 700, requester_id: 20, status: 'open', subject: 'Refund' }],
    },
    agents: [{ name: 'priya', zendesk_user_id: 1, routing_profile: { name: 'Front', queues: ['General'] } }],
    steps: [
      {
        at: 0,
        contact: 'c1',
        event: 'incoming',
        channel: 'voice',
        customer: '+447700900123',
        attributes: { ticket_assignment: 'auto' },
      },
      { at: 4, contact: 'c1', event: 'accepted' },
      { at: 5, contact: 'c1', event: 'connected' },
      { at: 95, contact: 'c1', event: 'ended' },
    ],
  };
}

const text = (doc: unknown) => JSON.stringify(doc, null, 2);
function mutate(fn: (d: Record<string, any>) => void): string {
  const d = base();
  fn(d);
  return text(d);
}

describe('example scenarios', () => {
  it('finds the examples', () => {
    expect(EXAMPLES, 'scenarios/examples directory').toBeDefined();
  });
  const files = EXAMPLES ? readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')) : [];
  it('has the five examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
  for (const file of files) {
    it(`loads ${file}`, () => {
      const r = loadScenario(file, readFileSync(join(EXAMPLES!, file), 'utf8'));
      if (!r.ok) throw new Error(r.error);
      for (const step of r.scenario.steps) {
        expect(typeof step.at).toBe('number');
        expect(step.agent).toBe(r.scenario.agents[0]!.name);
        expect(step.tab).toBe(1);
      }
    });
  }
  it('loadScenarioFile reads a file, and names a missing one', async () => {
    const file = join(EXAMPLES!, 'inbound-recognised-auto.json');
    const r = await loadScenarioFile(file);
    expect(r.ok).toBe(true);
    expect(await loadScenarioFile('/nonexistent/x.json')).toEqual({ ok: false, error: '/nonexistent/x.json: no such file' });
  });
});

describe('normalisation', () => {
  it('fills at, agent, tab, initiation and the zendesk defaults', () => {
    const d = base();
    d.agents.push({ name: 'bob', zendesk_user_id: 2, routing_profile: { name: 'B', queues: ['Sales'] } });
    d.zendesk.users.push({ id: 2, name: 'Bob Admin', role: 'admin' });
    d.steps = [
      { contact: 'c1', event: 'incoming', channel: 'voice' },
      { at: 3, contact: 'c1', event: 'accepted' },
      { contact: 'c1', event: 'connected', tab: 2 },
      { at: 7, agent: 'bob', contact: 'o1', event: 'dialing', channel: 'voice', customer: '+447700900123' },
      { action: 'dial', number: '+447700900123', agent: 'bob' },
      { fault: { method: 'POST', path: '/api/v2/tickets', status: 503 } },
    ];
    const r = parseScenario('n.json', d);
    if (!r.ok) throw new Error(r.error);
    const s = r.scenario;
    expect(s.steps.map((x) => [x.at, x.agent, x.tab])).toEqual([
      [0, 'priya', 1],
      [3, 'priya', 1],
      [3, 'priya', 2],
      [7, 'bob', 1],
      [7, 'bob', 1],
      [7, 'priya', 1],
    ]);
    expect(s.steps[0]).toMatchObject({ event: 'incoming', initiation: 'inbound' });
    expect(s.steps[3]).toMatchObject({ event: 'dialing', initiation: 'outbound' });
    expect(s.steps[1]).not.toHaveProperty('initiation');
    expect(s.steps[5]).toMatchObject({ fault: { times: 1, after_write: false } });
    expect(s.zendesk).toMatchObject({ search_index_delay_seconds: 0, latency_ms: 0, brands: [], ticket_fields: [], user_fields: [] });
  });

  it('keeps setting values as given, even malformed ones', () => {
    const d = base();
    d.settings = { createTicketAfterMinutes: 'soon', queueToBrand: '[not json', mediaLess: { odd: true } };
    const r = parseScenario('s.json', d);
    if (!r.ok) throw new Error(r.error);
    expect(r.scenario.settings).toEqual(d.settings);
  });

  it('has useful types', () => {
    expectTypeOf<ContactEvent<'message'>['text']>().toEqualTypeOf<string>();
    expectTypeOf<ActionOf<'dial'>['number']>().toEqualTypeOf<string>();
    expectTypeOf<ScenarioStep['at']>().toEqualTypeOf<number>();
    expectTypeOf<Scenario['zendesk']['users'][number]['role']>().toEqualTypeOf<'end-user' | 'agent' | 'admin'>();
    const step = {} as ScenarioStep;
    if (isContactStep(step) && step.event === 'voiceid') expectTypeOf(step.status).toEqualTypeOf<'ENROLLED' | 'OPTED_OUT' | ''>();
  });
});

describe('malformed scenarios: one clear line', () => {
  const cases: [string, string, string][] = [
    [
      'typo in an event name',
      mutate((d) => (d.steps[1].event = 'acept')),
      'bad.json: steps[1].event: "acept" is not one of incoming, dialing, accepted, connected, hold, resume, message, voiceid, missed, rejected, ended, destroyed',
    ],
    ['unknown top-level field', mutate((d) => (d.colour = 'red')), 'bad.json: colour: unknown field'],
    ['typo in a field name', mutate((d) => (d.agents[0].routing_profil = d.agents[0].routing_profile)), 'bad.json: agents[0].routing_profil: unknown field (did you mean "routing_profile"?)'],
    ['missing agents', mutate((d) => delete d.agents), 'bad.json: agents: required field missing'],
    ['no agents', mutate((d) => (d.agents = [])), 'bad.json: agents: needs at least 1 entry, got 0'],
    [
      'a step with both contact and action',
      mutate((d) => (d.steps[2].action = 'reload')),
      'bad.json: steps[2]: a step has exactly one of "contact", "action", "zendesk" or "fault", but this one has "contact" and "action"',
    ],
    [
      'a step with none',
      mutate((d) => (d.steps[2] = { at: 5 })),
      'bad.json: steps[2]: a step needs one of "contact" (with "event"), "action", "zendesk" or "fault"',
    ],
    ['a typo in "action"', mutate((d) => d.steps.push({ actoin: 'reload' })), 'bad.json: steps[4].actoin: unknown field (did you mean "action"?)'],
    [
      'decreasing at',
      mutate((d) => (d.steps[3].at = 3)),
      'bad.json: steps[3].at: 3 is earlier than the previous step\'s "at" (5); "at" never decreases',
    ],
    ['negative at', mutate((d) => (d.steps[0].at = -1)), 'bad.json: steps[0].at: must be at least 0, got -1'],
    ['at as text', mutate((d) => (d.steps[1].at = 'abc')), 'bad.json: steps[1].at: expected a number, got "abc"'],
    [
      'undeclared contact id',
      mutate((d) => (d.steps[2].contact = 'c9')),
      'bad.json: steps[2].contact: contact "c9" has no earlier "incoming" or "dialing" event',
    ],
    [
      'an action on an undeclared contact',
      mutate((d) => d.steps.push({ action: 'create_ticket', contact: 'c2' })),
      'bad.json: steps[4].contact: contact "c2" has no earlier "incoming" or "dialing" event',
    ],
    [
      'first event without a channel',
      mutate((d) => delete d.steps[0].channel),
      'bad.json: steps[0].channel: required field missing (the first event of a contact declares its channel: voice, chat or task)',
    ],
    ['bad role', mutate((d) => (d.zendesk.users[1].role = 'customer')), 'bad.json: zendesk.users[1].role: "customer" is not one of end-user, agent, admin'],
    [
      'non-string attribute value',
      mutate((d) => (d.steps[0].attributes.priority = 5)),
      'bad.json: steps[0].attributes.priority: expected a string, got 5',
    ],
    [
      'unknown setting name',
      mutate((d) => (d.settings.colour = 'red')),
      'bad.json: settings.colour: unknown setting; the settings are ccpUrl, loginUrl, region, createTicketAfterMinutes, ticketNumberAttribute, defaultEntryPointNumber, defaultCountry, mediaLess, queueToBrand, brandToQueue',
    ],
    ['misspelt setting name', mutate((d) => (d.settings.ccpURL = 'x')), 'bad.json: settings.ccpURL: unknown setting (did you mean "ccpUrl"?)'],
    ['talk_partner_edition as text', mutate((d) => (d.zendesk.talk_partner_edition = 'no')), 'bad.json: zendesk.talk_partner_edition: expected true or false, got "no"'],
    ['an agent locale that is not a locale', mutate((d) => (d.agents[0].locale = 'German')), 'bad.json: agents[0].locale: expected a locale such as "en-US" or "de", got "German"'],
    ['bad JSON syntax', '{\n  "name": "x",\n  "steps": [1, 2,]\n}', 'bad.json: line 3 column 18: expected a value, found "]" (a comma too many?)'],
    ['missing comma', '{\n  "name": "x"\n  "steps": []\n}', 'bad.json: line 3 column 3: expected "," or "}" after a property value, found a string'],
    ['empty file', '', 'bad.json: line 1 column 1: expected a value, found the end of the file'],
    ['not an object', '[]', 'bad.json: expected an object, got an empty list'],
    ['a field of another event', mutate((d) => (d.steps[1].text = 'hi')), 'bad.json: steps[1].text: only "message" events have this field'],
    [
      'a declaring field on a later event',
      mutate((d) => (d.steps[1].customer = '+1')),
      'bad.json: steps[1].customer: only "incoming" and "dialing" events have this field',
    ],
    [
      'message without text',
      mutate((d) => {
        d.steps[0].channel = 'chat';
        d.steps.push({ contact: 'c1', event: 'message', role: 'CUSTOMER' });
      }),
      'bad.json: steps[4].text: required field missing',
    ],
    [
      'message on a voice contact',
      mutate((d) => d.steps.push({ contact: 'c1', event: 'message', role: 'CUSTOMER', text: 'hi' })),
      'bad.json: steps[4].event: "message" events are for chat contacts; "c1" is a voice contact',
    ],
    [
      'view with both ticket and user',
      mutate((d) => d.steps.push({ action: 'view', ticket: 700, user: 20 })),
      'bad.json: steps[4]: a "view" action needs exactly one of "ticket" or "user"',
    ],
    ['a field of another action', mutate((d) => d.steps.push({ action: 'reload', ticket: 700 })), 'bad.json: steps[4].ticket: only "view" and "dial" actions have this field'],
    ['dial without number', mutate((d) => d.steps.push({ action: 'dial', ticket: 700 })), 'bad.json: steps[4].number: required field missing'],
    [
      'an event for an agent the contact was not offered to',
      mutate((d) => {
        d.zendesk.users.push({ id: 2, name: 'Bob', role: 'admin' });
        d.agents.push({ name: 'bob', zendesk_user_id: 2, routing_profile: { name: 'B', queues: ['General'] } });
        d.steps.push({ agent: 'bob', contact: 'c1', event: 'accepted' });
      }),
      'bad.json: steps[4]: contact "c1" was never offered to agent "bob" (no earlier "incoming" or "dialing" event of it for this agent)',
    ],
    ['unknown agent', mutate((d) => (d.steps[1].agent = 'bob')), 'bad.json: steps[1].agent: no agent named "bob" (agents: "priya")'],
    ['tab 0', mutate((d) => (d.steps[1].tab = 0)), 'bad.json: steps[1].tab: must be at least 1, got 0'],
    [
      'agent who is an end-user',
      mutate((d) => (d.agents[0].zendesk_user_id = 20)),
      "bad.json: agents[0].zendesk_user_id: user 20 (Tom Baker) is an end-user; an agent's Zendesk user has role agent or admin",
    ],
    ['agent who is nobody', mutate((d) => (d.agents[0].zendesk_user_id = 99)), 'bad.json: agents[0].zendesk_user_id: no user 99 in zendesk.users'],
    ['empty queue list', mutate((d) => (d.agents[0].routing_profile.queues = [])), 'bad.json: agents[0].routing_profile.queues: needs at least 1 entry, got 0'],
    [
      'start not ISO',
      mutate((d) => (d.zendesk.start = '2026-01-05 09:00')),
      'bad.json: zendesk.start: expected an ISO 8601 UTC time like "2026-01-05T09:00:00Z", got "2026-01-05 09:00"',
    ],
    ['ticket of nobody', mutate((d) => (d.zendesk.tickets[0].requester_id = 5)), 'bad.json: zendesk.tickets[0].requester_id: no user 5 in zendesk.users'],
    [
      'fault with a success status',
      mutate((d) => d.steps.push({ fault: { method: 'POST', path: '/api/v2/tickets', status: 200 } })),
      'bad.json: steps[4].fault.status: a success status (200) is a fault only with "body" or "delay_ms"',
    ],
    [
      'fault path outside the API',
      mutate((d) => d.steps.push({ fault: { method: 'GET', path: '/tickets', status: 500 } })),
      'bad.json: steps[4].fault.path: must start with "/api/v2/", got "/tickets"',
    ],
    [
      'zendesk step with two changes',
      mutate((d) => d.steps.push({ zendesk: { update_user: { id: 20, phone: '+1' }, update_ticket: { id: 700, status: 'closed' } } })),
      'bad.json: steps[4].zendesk: needs exactly one of create_user, update_user, update_ticket or create_ticket; found update_user and update_ticket',
    ],
    [
      'typo in an expect block',
      mutate((d) => (d.expect = { tikets_created: 1 })),
      'bad.json: expect.tikets_created: unknown field (did you mean "tickets_created"?)',
    ],
    [
      'bad new:N reference',
      mutate((d) => (d.expect = { contacts: [{ id: 'c1', ticket_id: 'new1' }] })),
      'bad.json: expect.contacts[0].ticket_id: expected an id or "new:N" (the N-th record created during the run), got "new1"',
    ],
    ['a count where a list goes', mutate((d) => (d.expect = { errors: 0 })), 'bad.json: expect.errors: expected a list, got 0 (to count them, write "errors_count")'],
    ['expect on an unknown contact', mutate((d) => (d.expect = { contacts: [{ id: 'c2' }] })), 'bad.json: expect.contacts[0].id: no contact "c2" in the steps'],
    [
      'first problem in document order',
      mutate((d) => {
        d.steps[3].event = 'endd';
        d.steps[1].colour = 'red';
      }),
      'bad.json: steps[1].colour: unknown field',
    ],
  ];
  it.each(cases)('%s', (_name, json, error) => {
    expect(loadScenario('bad.json', json)).toEqual({ ok: false, error });
  });

  it('the base document is valid', () => {
    const r = loadScenario('base.json', text(base()));
    if (!r.ok) throw new Error(r.error);
  });

  it("takes FORMAT.md's talk_partner_edition and agents[].locale", () => {
    const r = loadScenario(
      'tpe.json',
      mutate((d) => {
        d.zendesk.talk_partner_edition = false;
        d.agents[0].locale = 'de-DE';
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.scenario.zendesk.talk_partner_edition).toBe(false);
    expect(r.scenario.agents[0]!.locale).toBe('de-DE');
  });
});
