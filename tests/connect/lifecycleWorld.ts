// A small Zendesk account and two agents, and a runner that plays contact steps through the whole
// app over the real Streams bundle (nodeWorld), recording the contact events each tab's app got
// from its StreamsAdapter, in order.
import type { ContactEvent } from '../../src/connect/types';
import type { ConnectAgentOptions } from '../../src/sim/ccp/connectAgent';
import { nodeWorld } from '../../src/sim/nodeWorld';
import type { ScenarioWorld } from '../../src/sim/runner';
import { loadScenario } from '../../src/sim/scenario/load';
import type { SimReport } from '../../src/sim/scenario/report';
import type { Scenario } from '../../src/sim/scenario/schema';

export const TOM = { id: 20, phone: '+447700900123' };
export const PRIYA = 1;
export const BOB = 2;
/** Tom's open ticket. */
export const TOMS_TICKET = 701;

const user = (id: number, name: string, role: string, email: string, phone?: string) => ({
  id,
  name,
  role,
  email,
  ...(phone ? { phone } : {}),
  ...(role === 'end-user' ? { user_fields: {} } : {}),
});
const ticket = (id: number, requester: number, status: string, subject: string) => ({
  id,
  requester_id: requester,
  status,
  subject,
  created_at: '2026-01-02T10:00:00Z',
  updated_at: '2026-01-02T10:00:00Z',
  brand_id: 1,
  tags: [],
  custom_fields: [],
});
const agent = (name: string, id: number) => ({
  name,
  zendesk_user_id: id,
  routing_profile: { name: 'Front', queues: ['General', 'Billing'], default_outbound_queue: 'General' },
});

/** A scenario file's content: these steps on the account (steps without `agent` are Priya's). */
export function scenarioFile(name: string, steps: Record<string, unknown>[], settings: Record<string, unknown> = {}) {
  return {
    name,
    settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', region: 'eu-west-2', defaultCountry: 'GB', ...settings },
    zendesk: {
      start: '2026-01-05T09:00:00Z',
      search_index_delay_seconds: 0,
      latency_ms: 0,
      users: [
        user(PRIYA, 'Priya Agent', 'agent', 'priya@example.org'),
        user(BOB, 'Bob Agent', 'agent', 'bob@example.org'),
        user(TOM.id, 'Tom Baker', 'end-user', 'tom@example.org', TOM.phone),
        user(21, 'Ada Lane', 'end-user', 'ada@example.org', '+447700900456'),
      ],
      tickets: [ticket(700, 21, 'pending', 'Refund'), ticket(TOMS_TICKET, TOM.id, 'open', 'Router')],
      brands: [{ id: 1, name: 'Shop', default: true, active: true }],
      ticket_fields: [],
      user_fields: [],
    },
    agents: [agent('priya', PRIYA), agent('bob', BOB)],
    steps,
  };
}

/** The scenario of these steps on the account, loaded as the simulator loads a file. */
export function scenario(name: string, steps: Record<string, unknown>[], settings: Record<string, unknown> = {}): Scenario {
  const r = loadScenario(`${name}.json`, JSON.stringify(scenarioFile(name, steps, settings)));
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

/** Tom calls in on General (the declaring step of a voice contact; `over` changes or adds fields). */
export const tomCalls = (contact: string, at: number, over: Record<string, unknown> = {}) => ({
  at,
  contact,
  event: 'incoming',
  channel: 'voice',
  initiation: 'inbound',
  queue: 'General',
  system: '+442079460000',
  customer: TOM.phone,
  ...over,
});

/** Contact events of one contact, each a second after the one before, from `at`. */
export const seq = (contact: string, at: number, ...events: (string | Record<string, unknown>)[]) =>
  events.map((e, i) => ({ at: at + i, contact, ...(typeof e === 'string' ? { event: e } : e) }));

export interface Lifecycle {
  world: ScenarioWorld;
  report: SimReport;
  /** "contact:event" as each tab's app received them, by "agent#tab"; "reload" where that tab reloaded. */
  events: Record<string, string[]>;
  /** The events themselves, with the contact as the adapter read it. */
  received: ContactEvent[];
  /** Tickets the app created. */
  created: SimReport['tickets'];
}

export interface PlayOptions {
  connect?: ConnectAgentOptions;
  /** Once every first tab is open, before the first step. */
  opened?: (world: ScenarioWorld) => void;
  /** Runs after step i (before the next), e.g. to look at the top bar mid-way. */
  after?: (i: number, world: ScenarioWorld) => void | Promise<void>;
}

/** Runs the scenario to its end (the clock drained) and returns what happened. */
export async function play(s: Scenario, options: PlayOptions = {}): Promise<Lifecycle> {
  const events: Record<string, string[]> = {};
  const received: ContactEvent[] = [];
  const log = (agentName: string, tab: number, entry: string) => (events[`${agentName}#${tab}`] ??= []).push(entry);
  const world = nodeWorld(s, {
    ...(options.connect ? { connect: options.connect } : {}),
    onContactEvent: (tab, e) => {
      received.push(e);
      log(tab.agent, tab.tab, `${e.contact.id}:${e.type}`);
    },
  });
  await world.open();
  options.opened?.(world);
  for (let i = 0; i < s.steps.length; i++) {
    const step = s.steps[i]!;
    if ('action' in step && step.action === 'reload') {
      // Whatever is due before the reload happens first (ChatJS hands messages on a zero-delay timer).
      await world.clock.advanceTo(world.startMs + step.at * 1000);
      log(step.agent, step.tab, 'reload');
    }
    await world.step(i);
    await options.after?.(i, world);
  }
  await world.drain();
  const report = world.finish();
  const given = new Set(s.zendesk.tickets.map((t) => t.id));
  return { world, report, events, received, created: report.tickets.filter((t) => !given.has(t.id)) };
}

/** What the top bar of a tab shows: its contacts' ids. */
export const shown = (world: ScenarioWorld, agentName = 'priya', tab = 1) =>
  world.tab(agentName, tab)?.app.store.getState().contacts.map((c) => c.id) ?? [];

/** Contacts with progress in an agent's browser storage. */
export const stored = (world: ScenarioWorld, agentName = 'priya') => world.agentWorld(agentName).storage.keys();

export const voiceComments = (t: SimReport['tickets'][number]) => t.comments.filter((c) => c.type === 'VoiceComment');
