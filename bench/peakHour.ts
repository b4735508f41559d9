// Peak hour: every agent of one account shares its API limit. 300 agents on a 700-requests-a-
// minute account take contacts for 20 simulated minutes at about 1.5 times what the limit
// serves, then 10 minutes at normal load (a third of the agents keep working). One
// ScenarioWorld runs it all: the app's real controller and gateway in one jsdom page per agent
// with the real Streams bundle, the in-memory Zendesk counting every request of every agent in
// one rolling minute.
//
// Run on its own (prints one JSON line):  node --import tsx bench/peakHour.ts [--agents N] [--minutes M]
//
// Figures: offer → first pop (p50, p95) for the peak's contacts; 429s; requests per contact;
// time to drain the backlog (from the end of the peak to the last 429, and to the last write of
// a peak contact); writes lost (an answered contact whose ticket lacks its call details or its
// transcript, or that has no ticket at all).
import { Rng } from '../src/domain/prng';
import { nodeWorld } from '../src/sim/nodeWorld';
import { parseScenario } from '../src/sim/scenario/load';
import type { Scenario } from '../src/sim/scenario/schema';
import type { SimReport } from '../src/sim/scenario/report';

export interface PeakOptions {
  agents: number;
  peakMinutes: number;
  normalMinutes: number;
  limitPerMinute: number;
  seed: number;
}

export const PEAK_DEFAULTS: PeakOptions = { agents: 300, peakMinutes: 20, normalMinutes: 10, limitPerMinute: 700, seed: 7 };

type Kind = 'known' | 'new' | 'chat' | 'missed';

interface Planned {
  id: string;
  agent: string;
  kind: Kind;
  offerS: number;
  /** Offered during the peak (not the normal load after it). */
  peak: boolean;
  /** A word only this contact's chat holds, to find its transcript. */
  token: string | null;
}

export interface PeakResult {
  agents: number;
  limitPerMinute: number;
  peakMinutes: number;
  normalMinutes: number;
  contacts: number;
  peakContacts: number;
  /** Requests answered during the peak, per simulated minute (at most the limit). */
  peakServedPerMinute: number;
  /** What the peak's contacts ask of Zendesk: contacts offered a minute × answered requests per contact. */
  offeredPerMinute: number;
  /** offeredPerMinute / limitPerMinute. */
  loadFactor: number;
  /** Contacts offered per simulated minute during the peak. */
  peakContactsPerMinute: number;
  offerToPopMs: { p50: number; p95: number; max: number; popped: number; expected: number };
  /** Same, for the normal load after the peak. */
  normalOfferToPopMs: { p50: number; p95: number };
  requests: number;
  rateLimited: number;
  requestsPerContact: number;
  answeredPerContact: number;
  /** Seconds after the peak's end. */
  lastRateLimitedS: number | null;
  lastPeakWriteS: number | null;
  writesLost: number;
  lost: string[];
  errors: number;
  /** The first few app errors, as the report gives them. */
  errorSamples: string[];
  elapsedMs: number;
}

const CUSTOMERS = 3000;
const DRAIN_LIMIT_MS = 90 * 60_000;
const customerPhone = (i: number) => `+1202555${String(1000 + i).slice(-4)}`;
const customerEmail = (i: number) => `customer${i}@example.org`;
const START = '2026-03-02T14:00:00Z';

export function planPeakHour(o: PeakOptions): { doc: unknown; planned: Planned[]; peakEndS: number } {
  const rng = new Rng(o.seed);
  const between = (lo: number, hi: number) => rng.int(lo, hi);
  const users: unknown[] = [];
  const agents: unknown[] = [];
  for (let a = 1; a <= o.agents; a++) {
    users.push({ id: a, name: `Agent ${a}`, role: 'agent', email: `agent${a}@example.org` });
    agents.push({
      name: `a${a}`,
      zendesk_user_id: a,
      routing_profile: { name: 'Front', queues: ['General'], default_outbound_queue: 'General' },
    });
  }
  for (let i = 0; i < CUSTOMERS; i++) {
    users.push({ id: 10_000 + i, name: `Customer ${i}`, role: 'end-user', phone: customerPhone(i), email: customerEmail(i), user_fields: {} });
  }
  const peakEndS = o.peakMinutes * 60;
  const endS = peakEndS + o.normalMinutes * 60;
  const steps: { at: number; order: number; step: Record<string, unknown> }[] = [];
  const planned: Planned[] = [];
  let order = 0;
  let n = 0;
  let unknown = 0;
  const push = (at: number, step: Record<string, unknown>) => steps.push({ at, order: order++, step: { at, ...step } });
  for (let a = 1; a <= o.agents; a++) {
    const agent = `a${a}`;
    // Agents start spread over the first minute, as a shift does not begin on one second.
    let t = between(0, 60);
    for (;;) {
      const peak = t < peakEndS;
      // After the peak a third of the agents keep taking contacts: normal load.
      if (!peak && a % 3 !== 0) break;
      if (t >= endS) break;
      const id = `p${++n}`;
      const roll = rng.next();
      const kind: Kind = roll < 0.62 ? 'known' : roll < 0.77 ? 'new' : roll < 0.93 ? 'chat' : 'missed';
      const token = kind === 'chat' ? `order-${id}` : null;
      planned.push({ id, agent, kind, offerS: t, peak, token });
      const base = { agent, contact: id };
      const cust = between(0, CUSTOMERS - 1);
      if (kind === 'chat') {
        push(t, { ...base, event: 'incoming', channel: 'chat', initiation: 'api', queue: 'General', attributes: { customer_email: customerEmail(cust) } });
        push(t + 3, { ...base, event: 'accepted' });
        push(t + 4, { ...base, event: 'connected' });
        push(t + 8, { ...base, event: 'message', role: 'CUSTOMER', text: `Where is ${token}?` });
        push(t + 20, { ...base, event: 'message', role: 'AGENT', text: 'It ships tomorrow.' });
        const end = t + between(25, 50);
        push(end, { ...base, event: 'ended' });
        t = end + between(5, 10);
        push(t, { ...base, event: 'destroyed' });
      } else {
        const customer = kind === 'new' ? `+1303555${String(1000 + (unknown++ % 9000)).slice(-4)}` : customerPhone(cust);
        push(t, { ...base, event: 'incoming', channel: 'voice', initiation: 'inbound', queue: 'General', system: '+12025550100', customer });
        if (kind === 'missed') {
          push(t + 20, { ...base, event: 'missed' });
          t += 25;
          push(t, { ...base, event: 'destroyed' });
        } else {
          push(t + 4, { ...base, event: 'accepted' });
          push(t + 5, { ...base, event: 'connected' });
          const end = t + 5 + between(20, 45);
          push(end, { ...base, event: 'ended' });
          t = end + between(5, 10);
          push(t, { ...base, event: 'destroyed' });
        }
      }
      t += between(0, 4);
    }
  }
  steps.sort((x, y) => x.at - y.at || x.order - y.order);
  const doc = {
    name: `peak hour: ${o.agents} agents on a ${o.limitPerMinute}-a-minute account`,
    settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', region: 'us-east-1', defaultCountry: 'US' },
    zendesk: {
      start: START,
      search_index_delay_seconds: 60,
      latency_ms: 150,
      rate_limit_per_minute: o.limitPerMinute,
      users,
      tickets: [],
      brands: [{ id: 1, name: 'Shop', default: true, active: true }],
      ticket_fields: [],
      user_fields: [],
    },
    agents,
    steps: steps.map((s) => s.step),
  };
  return { doc, planned, peakEndS };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function runPeakHour(o: PeakOptions = PEAK_DEFAULTS): Promise<PeakResult> {
  const t0 = performance.now();
  const { doc, planned, peakEndS } = planPeakHour(o);
  const parsed = parseScenario('peak-hour.json', doc);
  if (!parsed.ok) throw new Error(parsed.error);
  const scenario: Scenario = parsed.scenario;
  const world = nodeWorld(scenario);
  await world.open();
  const progress = process.env.PEAK_PROGRESS === '1';
  for (let i = 0; i < scenario.steps.length; i++) {
    await world.step(i);
    if (progress && i % 1000 === 0) {
      const simS = (world.clock.nowMs() - world.startMs) / 1000;
      process.stderr.write(`step ${i}/${scenario.steps.length} sim ${simS.toFixed(0)} s wall ${((performance.now() - t0) / 1000).toFixed(0)} s requests ${world.report.requests.length} 429s ${world.zendesk.rateLimitedCount()}\n`);
    }
  }
  // The backlog a peak leaves can take longer than the simulator's usual 10 minutes to clear.
  const lastStepMs = world.clock.nowMs();
  // A simulated minute at a time, so a long drain shows its progress.
  while (world.clock.pendingTimers() > 0 && world.clock.nowMs() - lastStepMs < DRAIN_LIMIT_MS) {
    await world.clock.advanceTo(world.clock.nowMs() + 60_000);
    if (progress) process.stderr.write(`drain sim ${((world.clock.nowMs() - world.startMs) / 1000).toFixed(0)} s wall ${((performance.now() - t0) / 1000).toFixed(0)} s requests ${world.report.requests.length} 429s ${world.zendesk.rateLimitedCount()} timers ${world.clock.pendingTimers()}\n`);
  }
  if (progress) process.stderr.write(`drained ${((world.clock.nowMs() - lastStepMs) / 1000).toFixed(0)} s after the last step; timers left ${world.clock.pendingTimers()}\n`);
  const report = world.finish();
  return { ...measure(scenario, report, planned, peakEndS, o, world.zendesk.rateLimitedCount()), elapsedMs: performance.now() - t0 };
}

function measure(s: Scenario, r: SimReport, planned: Planned[], peakEndS: number, o: PeakOptions, rateLimited: number): Omit<PeakResult, 'elapsedMs'> {
  // A step's async work can run while another agent's step is being applied (Streams hands
  // snapshots on from page timers), so pops and requests are given to contacts by agent and
  // time: each agent takes one contact at a time, and what its tabs do from one offer to the
  // next belongs to the contact offered first.
  const byAgent = new Map<string, Planned[]>();
  for (const c of planned) byAgent.set(c.agent, [...(byAgent.get(c.agent) ?? []), c]);
  const contactAt = (agent: string, ms: number): Planned | null => {
    const list = byAgent.get(agent) ?? [];
    let hit: Planned | null = null;
    for (const c of list) if (c.offerS * 1000 <= ms) hit = c;
    return hit;
  };
  const firstPop = new Map<Planned, number>();
  for (const p of r.pops) {
    const at = (p as { at_ms?: number }).at_ms ?? NaN;
    const c = contactAt(p.agent, at);
    if (c && !firstPop.has(c)) firstPop.set(c, at);
  }
  const peakWaits: number[] = [];
  const normalWaits: number[] = [];
  let expected = 0;
  for (const c of planned) {
    if (c.kind === 'new') continue; // an unknown caller has nobody to pop while ringing
    if (c.peak) expected++;
    const at = firstPop.get(c);
    if (at === undefined || !Number.isFinite(at)) continue;
    (c.peak ? peakWaits : normalWaits).push(at - c.offerS * 1000);
  }
  peakWaits.sort((a, b) => a - b);
  normalWaits.sort((a, b) => a - b);

  // Writes: every answered contact on a ticket that holds its call details or its transcript.
  const tickets = new Map(r.tickets.map((t) => [t.id, t]));
  const outcome = new Map(r.contacts.map((c) => [`${c.agent}/${c.id}`, c]));
  const lost: string[] = [];
  for (const c of planned) {
    if (c.kind === 'missed') continue;
    const o2 = outcome.get(`${c.agent}/${c.id}`);
    const t = o2?.ticket_id ? tickets.get(o2.ticket_id) : undefined;
    const ok = t
      ? c.kind === 'chat'
        ? t.comments.some((cm) => cm.body.includes(c.token!))
        : t.comments.some((cm) => cm.type === 'VoiceComment')
      : false;
    if (!ok) lost.push(`${c.id} (${c.kind}${t ? `, ticket ${t.id}` : ', no ticket'})`);
  }

  const peakEndMs = peakEndS * 1000;
  const answered = r.requests.filter((q) => q.status !== 429 && q.status !== 0);
  const peakAnswered = answered.filter((q) => q.at_ms < peakEndMs).length;
  const limited = r.requests.filter((q) => q.status === 429);
  const lastLimited = limited.length ? Math.max(...limited.map((q) => q.at_ms)) : null;
  let lastPeakWrite: number | null = null;
  for (const q of r.requests) {
    if (q.method === 'GET' || q.status === 429 || q.status === 0 || q.status >= 500) continue;
    if (contactAt(q.agent, q.at_ms)?.peak) lastPeakWrite = Math.max(lastPeakWrite ?? 0, q.at_ms);
  }
  const demand = peakAnswered / o.peakMinutes;
  const offered = (planned.filter((c) => c.peak).length / o.peakMinutes) * (answered.length / planned.length);
  return {
    agents: o.agents,
    limitPerMinute: o.limitPerMinute,
    peakMinutes: o.peakMinutes,
    normalMinutes: o.normalMinutes,
    contacts: planned.length,
    peakContacts: planned.filter((c) => c.peak).length,
    peakServedPerMinute: Math.round(demand),
    offeredPerMinute: Math.round(offered),
    loadFactor: Math.round((offered / o.limitPerMinute) * 100) / 100,
    peakContactsPerMinute: Math.round((planned.filter((c) => c.peak).length / o.peakMinutes) * 100) / 100,
    offerToPopMs: {
      p50: percentile(peakWaits, 50),
      p95: percentile(peakWaits, 95),
      max: peakWaits.length ? peakWaits[peakWaits.length - 1]! : NaN,
      popped: peakWaits.length,
      expected,
    },
    normalOfferToPopMs: { p50: percentile(normalWaits, 50), p95: percentile(normalWaits, 95) },
    requests: r.requests.length,
    rateLimited: Math.max(rateLimited, limited.length),
    requestsPerContact: Math.round((r.requests.length / planned.length) * 100) / 100,
    answeredPerContact: Math.round((answered.length / planned.length) * 100) / 100,
    lastRateLimitedS: lastLimited === null ? null : Math.round((lastLimited - peakEndMs) / 100) / 10,
    lastPeakWriteS: lastPeakWrite === null ? null : Math.round((lastPeakWrite - peakEndMs) / 100) / 10,
    writesLost: lost.length,
    lost: lost.slice(0, 20),
    errors: r.errors.length,
    errorSamples: r.errors.slice(0, 5).map((e) => `${e.agent}#${e.tab} step ${e.step}: ${e.message}`),
  };
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o: PeakOptions = {
    ...PEAK_DEFAULTS,
    agents: arg('--agents') ?? PEAK_DEFAULTS.agents,
    peakMinutes: arg('--minutes') ?? PEAK_DEFAULTS.peakMinutes,
    normalMinutes: arg('--normal') ?? PEAK_DEFAULTS.normalMinutes,
    limitPerMinute: arg('--limit') ?? PEAK_DEFAULTS.limitPerMinute,
  };
  const r = await runPeakHour(o);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
