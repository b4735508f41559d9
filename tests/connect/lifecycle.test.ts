// One test per contact lifecycle, each through the whole app over the real Streams bundle (with
// ChatJS and TaskJS) and the simulated CCP: the contact events the app received from its
// StreamsAdapter, in order, and what Zendesk ends up holding and the agent saw.
import { describe, expect, it } from 'vitest';
import type { ScenarioWorld } from '../../src/sim/runner';
import type { MonitoringShape } from '../../src/sim/ccp/connectAgent';
import { BOB, PRIYA, TOM, TOMS_TICKET, play, scenario, shown, stored, seq, tomCalls, voiceComments, type Lifecycle } from './lifecycleWorld';

/** The writes (anything but GET) the app made, as "METHOD path". */
const writes = (l: Lifecycle, agentName?: string) =>
  l.report.requests.filter((r) => r.method !== 'GET' && (!agentName || r.agent === agentName)).map((r) => `${r.method} ${r.path}`);
const pops = (l: Lifecycle, agentName = 'priya') => l.report.pops.filter((p) => p.agent === agentName).map((p) => `${p.kind} ${p.id}`);
const comments = (l: Lifecycle) => l.report.tickets.flatMap((t) => t.comments.map((c) => ({ ticket: t.id, ...c })));
/** A chat that Tom starts (the bot collected his number). */
const tomChats = (contact: string, at: number) => ({
  at,
  contact,
  event: 'incoming',
  channel: 'chat',
  initiation: 'api',
  queue: 'General',
  attributes: { customer_number: TOM.phone },
});
const say = (role: string, text: string) => ({ event: 'message', role, text });

/** Nothing went wrong inside the app or inside any page. */
function clean(l: Lifecycle): void {
  expect(l.report.errors).toEqual([]);
  expect(l.report.notifications.filter((n) => n.level === 'error')).toEqual([]);
}

describe('voice', () => {
  it('inbound, answered: Tom is popped while it rings, his ticket when accepted, and the call is written on it', async () => {
    const l = await play(scenario('answered', [tomCalls('c1', 0), ...seq('c1', 4, 'accepted', 'connected'), ...seq('c1', 60, 'ended'), ...seq('c1', 90, 'destroyed')]));
    expect(l.events).toEqual({ 'priya#1': ['c1:incoming', 'c1:accepted', 'c1:connected', 'c1:ended', 'c1:destroyed'] });
    expect(l.received[0]!.contact).toMatchObject({ channel: 'voice', initiation: 'inbound', customerEndpoint: TOM.phone, queue: 'General', monitoring: false });
    expect(l.created).toHaveLength(1);
    const t = l.created[0]!;
    expect(t).toMatchObject({ requester_id: TOM.id, via_id: 45 });
    expect(voiceComments(t).map((c) => c.data)).toEqual([expect.objectContaining({ from: TOM.phone, answered_by_id: PRIYA, call_duration: 55 })]);
    expect(pops(l)).toEqual([`user ${TOM.id}`, `ticket ${t.id}`]);
    expect(l.report.contacts).toEqual([{ id: 'c1', agent: 'priya', mode: 'auto', ticket_id: t.id, user_id: TOM.id }]);
    expect(shown(l.world)).toEqual([]);
    expect(stored(l.world)).toEqual([]);
    clean(l);
  });

  // Streams fires onEnded before onMissed for a contact nobody answered; `error` is the state a
  // softphone failure leaves it in. Either way the call was never answered.
  it.each(['missed', 'error'] as const)('missed (contact in state %s): no ticket for the known caller, nothing says it was answered', async (state) => {
    const l = await play(scenario(`missed-${state}`, [tomCalls('c1', 0), ...seq('c1', 20, { event: 'missed', state }), ...seq('c1', 40, 'destroyed')]));
    expect(l.events).toEqual({ 'priya#1': ['c1:incoming', 'c1:missed', 'c1:destroyed'] });
    expect(l.created).toEqual([]);
    expect(comments(l)).toEqual([]);
    // Only the call record of a missed call: no ticket, no agent, no duration, no recording.
    expect(writes(l)).toEqual(['POST /api/v2/calls.json']);
    expect(l.report.calls).toEqual([
      expect.objectContaining({ ticket_id: null, agent_id: null, duration: null, call_ended_at: null, recording_url: null, end_user_id: TOM.id, external_id: 'c1' }),
    ]);
    expect(pops(l)).toEqual([`user ${TOM.id}`]); // while it rang
    expect(l.report.contacts).toEqual([{ id: 'c1', agent: 'priya', mode: 'auto', ticket_id: null, user_id: TOM.id }]);
    expect(shown(l.world)).toEqual([]);
    expect(stored(l.world)).toEqual([]);
    clean(l);
  });

  it('rejected: the agent declines; no ticket, and the contact leaves the top bar at once', async () => {
    const seen: string[][] = [];
    const l = await play(scenario('rejected', [tomCalls('c1', 0), ...seq('c1', 5, 'rejected')]), { after: (_i, w) => void seen.push(shown(w)) });
    expect(l.events).toEqual({ 'priya#1': ['c1:incoming', 'c1:rejected', 'c1:destroyed'] });
    expect(seen).toEqual([['c1'], []]);
    expect(l.created).toEqual([]);
    expect(writes(l)).toEqual([]);
    expect(stored(l.world)).toEqual([]);
    clean(l);
  });

  it('cleared without after contact work: force_ticket_creation makes its ticket, and the contact leaves the top bar and storage', async () => {
    const seen: string[][] = [];
    const l = await play(
      scenario('no-acw', [tomCalls('c1', 0, { attributes: { ticket_assignment: 'agent' } }), ...seq('c1', 4, 'accepted', 'connected'), ...seq('c1', 60, 'destroyed')]),
      { after: (_i, w) => void seen.push(shown(w)) },
    );
    // Streams reports ended (its snapshot of the contact that left) and destroyed.
    expect(l.events).toEqual({ 'priya#1': ['c1:incoming', 'c1:accepted', 'c1:connected', 'c1:ended', 'c1:destroyed'] });
    expect(seen.slice(0, 3)).toEqual([['c1'], ['c1'], ['c1']]);
    expect(shown(l.world)).toEqual([]);
    expect(l.created).toHaveLength(1);
    expect(l.created[0]).toMatchObject({ requester_id: TOM.id, via_id: 45 });
    expect(voiceComments(l.created[0]!).map((c) => c.data.answered_by_id)).toEqual([PRIYA]);
    expect(l.report.notifications.map((n) => n.text)).toEqual([expect.stringContaining('force_ticket_creation created this ticket')]);
    expect(l.report.contacts).toEqual([{ id: 'c1', agent: 'priya', mode: 'agent', ticket_id: l.created[0]!.id, user_id: TOM.id }]);
    expect(stored(l.world)).toEqual([]);
    clean(l);
  });

  it('outbound from the dial pad: dialing, then connected; an outbound ticket for the customer', async () => {
    const l = await play(
      scenario('outbound', [
        { at: 0, contact: 'o1', event: 'dialing', channel: 'voice', initiation: 'outbound', queue: 'General', system: '+442079460000', customer: TOM.phone },
        ...seq('o1', 5, 'connected'),
        ...seq('o1', 60, 'ended', 'destroyed'),
      ]),
    );
    expect(l.events).toEqual({ 'priya#1': ['o1:dialing', 'o1:accepted', 'o1:connected', 'o1:ended', 'o1:destroyed'] });
    expect(l.received[0]!.contact).toMatchObject({ initiation: 'outbound', customerEndpoint: TOM.phone });
    expect(l.created).toHaveLength(1);
    expect(l.created[0]).toMatchObject({ requester_id: TOM.id, via_id: 46 });
    expect(voiceComments(l.created[0]!).map((c) => c.data)).toEqual([expect.objectContaining({ from: '+442079460000', to: TOM.phone, answered_by_id: PRIYA })]);
    clean(l);
  });

  it("transfer leg (initial_contact_id): Bob's leg goes on the ticket of Priya's leg", async () => {
    const bob = (event: string) => ({ agent: 'bob', event });
    const l = await play(
      scenario('transfer', [
        tomCalls('c1', 0),
        ...seq('c1', 4, 'accepted', 'connected', 'ended'),
        tomCalls('c2', 31, { agent: 'bob', initiation: 'transfer', initial_contact_id: 'c1' }),
        ...seq('c2', 33, bob('accepted'), bob('connected')),
        ...seq('c1', 40, 'destroyed'),
        ...seq('c2', 90, bob('ended'), bob('destroyed')),
      ]),
    );
    expect(l.events).toEqual({
      'priya#1': ['c1:incoming', 'c1:accepted', 'c1:connected', 'c1:ended', 'c1:destroyed'],
      'bob#1': ['c2:incoming', 'c2:accepted', 'c2:connected', 'c2:ended', 'c2:destroyed'],
    });
    expect(l.received.find((e) => e.contact.id === 'c2')!.contact).toMatchObject({ initiation: 'transfer', initialContactId: 'c1' });
    expect(l.created).toHaveLength(1);
    const t = l.created[0]!;
    expect(voiceComments(t).map((c) => c.data.answered_by_id)).toEqual([PRIYA, BOB]);
    expect(pops(l, 'bob')).toEqual([`ticket ${t.id}`]);
    expect(l.report.contacts.map((c) => [c.id, c.ticket_id])).toEqual([['c1', t.id], ['c2', t.id]]);
    clean(l);
  });

  it('queue callback (Streams type queue_callback, ringing as incoming): read as a callback, its ticket made', async () => {
    const l = await play(scenario('callback', [tomCalls('q1', 0, { initiation: 'callback' }), ...seq('q1', 4, 'accepted', 'connected'), ...seq('q1', 60, 'ended', 'destroyed')]));
    expect(l.events).toEqual({ 'priya#1': ['q1:incoming', 'q1:accepted', 'q1:connected', 'q1:ended', 'q1:destroyed'] });
    expect(l.received[0]!.contact).toMatchObject({ initiation: 'callback', customerEndpoint: TOM.phone });
    expect(l.created).toHaveLength(1);
    expect(l.created[0]!.requester_id).toBe(TOM.id);
    expect(l.created[0]!.comments[0]!.body).toMatch(/^Callback to \+44 7700 900123/);
    expect(voiceComments(l.created[0]!)).toHaveLength(1);
    clean(l);
  });

  it("hold and resume (the customer's connection): reported once each; the call is written once, hold time included", async () => {
    const l = await play(scenario('hold', [tomCalls('c1', 0), ...seq('c1', 4, 'accepted', 'connected', 'hold'), ...seq('c1', 30, 'resume'), ...seq('c1', 60, 'ended', 'destroyed')]));
    expect(l.events).toEqual({ 'priya#1': ['c1:incoming', 'c1:accepted', 'c1:connected', 'c1:hold', 'c1:resume', 'c1:ended', 'c1:destroyed'] });
    expect(l.created).toHaveLength(1);
    expect(voiceComments(l.created[0]!).map((c) => c.data.call_duration)).toEqual([55]);
    clean(l);
  });

  it('two calls in a row: the second is a contact of its own, not one of "several contacts"', async () => {
    const seen: string[][] = [];
    const popover: string[] = [];
    const l = await play(
      scenario('two-calls', [
        tomCalls('c1', 0),
        ...seq('c1', 4, 'accepted', 'connected', 'ended', 'destroyed'),
        tomCalls('c2', 100, { customer: '+447700900456' }),
        ...seq('c2', 104, 'accepted', 'connected', 'ended', 'destroyed'),
      ]),
      {
        opened: (w) => watchPopover(w, popover),
        after: (i, w) => void (i === 5 && seen.push(shown(w))),
      },
    );
    expect(l.events['priya#1']).toEqual([
      ...['incoming', 'accepted', 'connected', 'ended', 'destroyed'].map((e) => `c1:${e}`),
      ...['incoming', 'accepted', 'connected', 'ended', 'destroyed'].map((e) => `c2:${e}`),
    ]);
    expect(seen).toEqual([['c2']]); // while c2 rings, c1 is gone from the top bar
    // Each call hides the CCP once it connects, which the app skips among several contacts.
    expect(popover).toEqual(['hide', 'hide']);
    const [first, second] = l.created;
    expect([first?.requester_id, second?.requester_id]).toEqual([TOM.id, 21]);
    expect(pops(l)).toEqual([`user ${TOM.id}`, `ticket ${first!.id}`, 'user 21', `ticket ${second!.id}`]);
    clean(l);
  });
});

/** Records the app's popover calls (show / hide) in tab 1. */
function watchPopover(w: ScenarioWorld, into: string[]): void {
  const zaf = w.tab('priya', 1)!.zaf;
  const invoke = zaf.invoke.bind(zaf);
  zaf.invoke = async (name: string, ...args: unknown[]) => {
    if (name === 'popover') into.push(String(args[0]));
    return invoke(name, ...args);
  };
}

describe('chat', () => {
  const messages = [say('CUSTOMER', 'Where is my parcel?'), say('AGENT', 'It ships tomorrow.')];
  const transcriptOf = (l: Lifecycle) => comments(l).find((c) => c.body.startsWith('Chat transcript'))?.body ?? '';

  it('with after contact work: messages reach the app through ChatJS, and the transcript goes on the ticket', async () => {
    const l = await play(scenario('chat', [tomChats('k1', 0), ...seq('k1', 2, 'accepted', 'connected', ...messages, 'ended'), ...seq('k1', 60, 'destroyed')]));
    expect(l.events).toEqual({ 'priya#1': ['k1:incoming', 'k1:accepted', 'k1:connected', 'k1:message', 'k1:message', 'k1:ended', 'k1:destroyed'] });
    expect(l.created).toHaveLength(1);
    expect(l.created[0]).toMatchObject({ requester_id: TOM.id });
    expect(transcriptOf(l)).toMatch(/Where is my parcel\?[\s\S]*It ships tomorrow\./);
    clean(l);
  });

  it('without after contact work: the chat leaves at once, and its transcript is still written', async () => {
    const l = await play(scenario('chat-no-acw', [tomChats('k1', 0), ...seq('k1', 2, 'accepted', 'connected', ...messages), ...seq('k1', 60, 'destroyed')]));
    expect(l.events).toEqual({ 'priya#1': ['k1:incoming', 'k1:accepted', 'k1:connected', 'k1:message', 'k1:message', 'k1:ended', 'k1:destroyed'] });
    expect(l.created).toHaveLength(1);
    expect(transcriptOf(l)).toMatch(/Where is my parcel\?[\s\S]*It ships tomorrow\./);
    expect(stored(l.world)).toEqual([]);
    clean(l);
  });
});

describe('task', () => {
  it('a Zendesk-<n> task (TaskJS loaded) pops its ticket while it rings, and is noted on it', async () => {
    const l = await play(
      scenario('task', [
        { at: 0, contact: 't1', event: 'incoming', channel: 'task', initiation: 'api', queue: 'General', name: `Zendesk-${TOMS_TICKET}`, description: 'Call Tom back about the router.' },
        ...seq('t1', 5, 'accepted', 'connected'),
        ...seq('t1', 60, 'ended', 'destroyed'),
      ]),
    );
    expect(l.events).toEqual({ 'priya#1': ['t1:incoming', 't1:accepted', 't1:connected', 't1:ended', 't1:destroyed'] });
    expect(l.received[0]!.contact).toMatchObject({ channel: 'task', name: `Zendesk-${TOMS_TICKET}` });
    expect(l.report.pops).toEqual([expect.objectContaining({ kind: 'ticket', id: TOMS_TICKET, step: 0 })]);
    expect(l.created).toEqual([]);
    expect(l.report.tickets.find((t) => t.id === TOMS_TICKET)!.comments.map((c) => c.body)).toEqual([expect.stringContaining('Call Tom back about the router.')]);
    clean(l);
  });
});

describe('monitoring', () => {
  it.each(['fixture', 'monitor_status'] as MonitoringShape[])(
    "a supervisor's monitoring contact (%s shape) is read as monitoring: the ticket pops, nothing is written",
    async (shape) => {
      const bob = (event: string) => ({ agent: 'bob', event });
      const l = await play(
        scenario('monitoring', [
          tomCalls('c1', 0, { agent: 'bob' }),
          ...seq('c1', 4, bob('accepted'), bob('connected')),
          tomCalls('m1', 20, { initial_contact_id: 'c1', monitoring: true }),
          ...seq('m1', 21, 'accepted', 'connected'),
          ...seq('m1', 60, 'ended', 'destroyed'),
          ...seq('c1', 95, bob('ended'), bob('destroyed')),
        ]),
        { connect: { monitoringShape: shape } },
      );
      expect(l.events['priya#1']).toEqual(['m1:incoming', 'm1:accepted', 'm1:connected', 'm1:ended', 'm1:destroyed']);
      const m1 = l.received.find((e) => e.contact.id === 'm1')!.contact;
      expect(m1).toMatchObject({ monitoring: true, initialContactId: 'c1', channel: 'voice', initiation: 'inbound' });
      expect(l.created).toHaveLength(1); // Bob's call
      expect(pops(l)).toEqual([`ticket ${l.created[0]!.id}`]);
      expect(writes(l, 'priya')).toEqual([]);
      expect(voiceComments(l.created[0]!).map((c) => c.data.answered_by_id)).toEqual([BOB]);
      clean(l);
    },
  );
});

describe('email', () => {
  it("Connect's email channel: shown to the agent, no ticket, no call", async () => {
    const seen: { id: string; channel: string }[][] = [];
    const l = await play(
      scenario('email', [
        { at: 0, contact: 'e1', event: 'incoming', channel: 'email', initiation: 'inbound', queue: 'General' },
        ...seq('e1', 2, 'accepted', 'connected', 'ended'),
        ...seq('e1', 60, 'destroyed'),
      ]),
      { after: (i, w) => void (i === 2 && seen.push(w.tab('priya', 1)!.app.store.getState().contacts.map((c) => ({ id: c.id, channel: c.channel })))) },
    );
    expect(l.events).toEqual({ 'priya#1': ['e1:incoming', 'e1:accepted', 'e1:connected', 'e1:ended', 'e1:destroyed'] });
    expect(l.received[0]!.contact.channel).toBe('email');
    expect(seen).toEqual([[{ id: 'e1', channel: 'email' }]]);
    expect(l.report.notifications.map((n) => n.text)).toEqual([expect.stringMatching(/email contact/)]);
    expect(l.created).toEqual([]);
    expect(writes(l)).toEqual([]);
    expect(l.report.pops).toEqual([]);
    clean(l);
  });
});

// A tab reload in each state: the new page's first snapshot holds the contact as it is, the app
// replays what it had done from its stored progress, and Zendesk ends up exactly as without the
// reload (the same tickets, comments and pops).
describe('reload', () => {
  const reload = (at: number) => ({ at, action: 'reload' });
  const cases: { state: string; steps: Record<string, unknown>[]; before: string[]; after: string[] }[] = [
    {
      state: 'offered',
      steps: [tomCalls('c1', 0), reload(2), ...seq('c1', 4, 'accepted', 'connected', 'ended', 'destroyed')],
      before: ['incoming'],
      after: ['incoming', 'accepted', 'connected', 'ended', 'destroyed'],
    },
    {
      state: 'connected',
      steps: [tomCalls('c1', 0), ...seq('c1', 4, 'accepted', 'connected'), reload(20), ...seq('c1', 30, 'ended', 'destroyed')],
      before: ['incoming', 'accepted', 'connected'],
      after: ['incoming', 'accepted', 'connected', 'ended', 'destroyed'],
    },
    {
      state: 'after contact work',
      steps: [tomCalls('c1', 0), ...seq('c1', 4, 'accepted', 'connected', 'ended'), reload(20), ...seq('c1', 30, 'destroyed')],
      before: ['incoming', 'accepted', 'connected', 'ended'],
      after: ['incoming', 'accepted', 'connected', 'ended', 'destroyed'],
    },
    {
      state: 'missed',
      steps: [tomCalls('c1', 0), ...seq('c1', 4, 'missed'), reload(20), ...seq('c1', 30, 'destroyed')],
      before: ['incoming', 'missed'],
      after: ['missed', 'destroyed'],
    },
    {
      state: 'error',
      steps: [tomCalls('c1', 0), ...seq('c1', 4, { event: 'missed', state: 'error' }), reload(20), ...seq('c1', 30, 'destroyed')],
      before: ['incoming', 'missed'],
      after: ['missed', 'destroyed'],
    },
    {
      state: 'rejected, then gone',
      steps: [tomCalls('c1', 0), ...seq('c1', 4, 'rejected'), reload(20)],
      before: ['incoming', 'rejected', 'destroyed'],
      after: [],
    },
  ];

  it.each(cases)('while $state: the contact is replayed from the first snapshot, nothing is duplicated', async ({ steps, before, after }) => {
    const withReload = await play(scenario('reload', steps));
    const without = await play(scenario('no-reload', steps.filter((s) => s.action !== 'reload')));
    expect(withReload.events).toEqual({ 'priya#1': [...before.map((e) => `c1:${e}`), 'reload', ...after.map((e) => `c1:${e}`)] });
    expect(withReload.report.tickets).toEqual(without.report.tickets);
    expect(withReload.report.users).toEqual(without.report.users);
    expect(pops(withReload)).toEqual(pops(without));
    expect(writes(withReload)).toEqual(writes(without));
    expect(withReload.report.contacts).toEqual(without.report.contacts);
    expect(stored(withReload.world)).toEqual([]);
    clean(withReload);
  });

  it('a chat reloaded mid-conversation: the transcript on the ticket has the messages from before and after the reload, once', async () => {
    const l = await play(
      scenario('reload-chat', [
        tomChats('k1', 0),
        ...seq('k1', 2, 'accepted', 'connected', say('CUSTOMER', 'Where is my parcel?')),
        reload(10),
        ...seq('k1', 20, say('AGENT', 'It ships tomorrow.'), 'ended', 'destroyed'),
      ]),
    );
    expect(l.events['priya#1']).toEqual([
      'k1:incoming', 'k1:accepted', 'k1:connected', 'k1:message',
      'reload',
      'k1:incoming', 'k1:accepted', 'k1:connected', 'k1:message', 'k1:ended', 'k1:destroyed',
    ]);
    expect(l.created).toHaveLength(1);
    const transcripts = comments(l).filter((c) => c.body.startsWith('Chat transcript'));
    expect(transcripts).toHaveLength(1);
    expect(transcripts[0]!.body).toMatch(/Where is my parcel\?[\s\S]*It ships tomorrow\./);
    clean(l);
  });
});
