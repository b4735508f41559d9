// The long shift: N contacts (default 2,000) through ONE app instance in the simulator: one
// ScenarioWorld, one agent, one tab, contacts one after another, each cleared before the next.
// The contacts replay the canonical class scenarios (bench/scenarios/*.json) in rotation, so
// the mix holds every channel, direction and mode. Heap is measured after forced GC.
//
// Run on its own (prints one JSON line):  node --expose-gc --import tsx bench/longShift.ts [--contacts N]
//
// What the heap figure leaves out, because it is the harness's and not the app's: the
// in-memory Zendesk (every ticket, comment and user the shift creates lives there; in real life
// that is Zendesk's server) is replaced at each checkpoint by a fresh one seeded with the same
// cast (ids carry on, times follow the clock), and the report's logs (requests, pops...) are
// counted and emptied after each contact. Nothing of the app is touched: its controller,
// gateway, store, progress storage and claims live on from the first contact to the last.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { settingsAsZendeskGivesThem, type ScenarioWorld } from '../src/sim/runner';
import { nodeWorld } from '../src/sim/nodeWorld';
import { loadScenario } from '../src/sim/scenario/load';
import type { Scenario, ScenarioStep } from '../src/sim/scenario/schema';
import { InMemoryZendesk } from '../src/sim/zendesk';
import type { ZendeskInit, ZendeskTicketSeed, ZendeskUserSeed } from '../src/sim/zendesk/types';
import { CLASSES } from './classes';

export interface LongShiftResult {
  contacts: number;
  templates: number;
  /** Heap used after GC: at start (app opened), after the warm-up rotation, at each checkpoint. */
  heapStartMb: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  growthMb: number;
  warmupContacts: number;
  checkpoints: { contacts: number; heapMb: number }[];
  requests: number;
  errors: string[];
  /** What the app still holds once every contact is cleared. */
  kept: {
    progressRecords: number;
    storageKeys: number;
    storeContacts: number;
    focusedContact: string | null;
    outcomeHistory: number;
    contactChains: number;
    pendingDials: number;
    notices: number;
    clockTimers: number;
    simConnectContacts: number;
    /**
     * Log entries Streams' own logger holds in the page. In a page that embeds the CCP, every
     * entry Streams marks for its server (sendInternalLogToServer) is kept for good: only the
     * CCP's own page flushes that list (log.js pushClientSideLogsDownstream).
     */
    streamsLogEntries: { serverBound: number; recent: number };
  };
  elapsedMs: number;
}

const AGENT = 'priya';
const GAP_S = 10;
const CHECKPOINT_EVERY = 250;

type Gc = () => void;

function heapMb(): number {
  return getHeapStatistics().used_heap_size / (1024 * 1024);
}

async function collect(): Promise<number> {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise<void>((r) => setImmediate(r));
  }
  return heapMb();
}

interface Template {
  name: string;
  steps: ScenarioStep[];
  contacts: number;
}

function loadTemplates(root: string): { base: Scenario; templates: Template[] } {
  let base: Scenario | null = null;
  const templates: Template[] = [];
  for (const c of CLASSES) {
    const file = join(root, 'bench', 'scenarios', `${c.file}.json`);
    const r = loadScenario(relative(root, file), readFileSync(file, 'utf8'));
    if (!r.ok) throw new Error(r.error);
    const s = r.scenario;
    base ??= s;
    // One app instance has one set of settings and one Zendesk: every class must share them.
    if (JSON.stringify(s.settings) !== JSON.stringify(base.settings) || JSON.stringify(s.zendesk) !== JSON.stringify(base.zendesk)) {
      throw new Error(`${c.file}: settings or zendesk differ from ${CLASSES[0]!.file}; the long shift needs one cast`);
    }
    const steps = s.steps.map((st) => ({ ...st, agent: AGENT, tab: 1 }) as ScenarioStep);
    templates.push({ name: c.file, steps, contacts: new Set(steps.filter((st) => 'event' in st).map((st) => (st as { contact: string }).contact)).size });
  }
  if (!base) throw new Error('no scenarios');
  return { base: { ...base, agents: base.agents.filter((a) => a.name === AGENT), steps: [] }, templates };
}

/** Template steps for the k-th replay, starting at `atS` seconds. */
function instantiate(t: Template, k: number, atS: number): ScenarioStep[] {
  const rename = (id: unknown) => (typeof id === 'string' ? `${id}-${k}` : id);
  return t.steps.map((st) => {
    const s = { ...st, at: atS + st.at } as Record<string, unknown>;
    if ('contact' in s) s.contact = rename(s.contact);
    if ('initial_contact_id' in s) s.initial_contact_id = rename(s.initial_contact_id);
    if ('previous_contact_id' in s) s.previous_contact_id = rename(s.previous_contact_id);
    return s as unknown as ScenarioStep;
  });
}

/** A fresh in-memory Zendesk: the cast, its times moved to `nowMs`, ids carrying on from `old`. */
function freshZendesk(world: ScenarioWorld, base: Scenario, old: InMemoryZendesk): InMemoryZendesk {
  const init = base.zendesk as unknown as ZendeskInit;
  const startMs = Date.parse(init.start);
  const shift = world.clock.nowMs() - startMs;
  const move = (iso: string | undefined) => (iso ? new Date(Date.parse(iso) + shift).toISOString() : iso);
  const snap = old.snapshot();
  const maxTicket = Math.max(0, ...snap.tickets.map((t) => t.id));
  const maxUser = Math.max(0, ...snap.users.map((u) => u.id));
  const tickets: ZendeskTicketSeed[] = (init.tickets ?? []).map((t) => ({ ...t, created_at: move(t.created_at), updated_at: move(t.updated_at) }));
  const users: ZendeskUserSeed[] = [...(init.users ?? [])];
  // Placeholders that keep new ids climbing (an app cache by id would otherwise be masked).
  if (!users.some((u) => u.id === maxUser)) users.push({ id: maxUser, name: 'Id placeholder', role: 'end-user' });
  if (!tickets.some((t) => t.id === maxTicket)) tickets.push({ id: maxTicket, requester_id: 1, status: 'closed', subject: 'Id placeholder' });
  return new InMemoryZendesk({ ...init, start: new Date(world.clock.nowMs()).toISOString(), users, tickets }, world.clock, {
    installation: { id: 1, settings: settingsAsZendeskGivesThem(base.settings as Record<string, unknown>) },
  });
}

function swapZendesk(world: ScenarioWorld, base: Scenario): void {
  const fresh = freshZendesk(world, base, world.zendesk);
  (world as unknown as { zendesk: InMemoryZendesk }).zendesk = fresh;
  const tab = world.tab(AGENT, 1);
  if (!tab) throw new Error('the tab is gone');
  tab.zaf['o'].backend = fresh;
}

export async function runLongShift(root: string, total = 2000): Promise<LongShiftResult> {
  const t0 = performance.now();
  const { base, templates } = loadTemplates(root);
  const scenario: Scenario = base;
  const world = nodeWorld(scenario);
  await world.open();
  const tab = world.tab(AGENT, 1);
  if (!tab) throw new Error('no tab');
  const heapStart = await collect();

  let atS = 0;
  let k = 0;
  let contacts = 0;
  let requests = 0;
  const errors: string[] = [];
  const checkpoints: { contacts: number; heapMb: number }[] = [];
  let heapBefore = 0;
  let nextCheckpoint = CHECKPOINT_EVERY;

  const flushLogs = () => {
    const r = world.report;
    requests += r.requests.length;
    for (const e of r.errors) if (errors.length < 10) errors.push(`contact set ${k}, step ${e.step}: ${e.message}`);
    for (const list of [r.requests, r.pops, r.notifications, r.dials, r.errors, r.contacts, r.users, r.tickets] as unknown[][]) list.length = 0;
    world['declared'].clear();
    // The simulated Web Locks keep an (empty) waiting list per contact they handed over.
    const waiters = world.agentWorld(AGENT).claims['waiters'];
    for (const [id, list] of waiters) if (!list.length) waiters.delete(id);
  };
  const checkpoint = async () => {
    await world.drain();
    flushLogs();
    swapZendesk(world, base);
    return collect();
  };

  // Warm-up: one full rotation (JIT, lazily built tables), then the baseline.
  const warmup = templates.length;
  for (;;) {
    const t = templates[k % templates.length]!;
    const steps = instantiate(t, k, atS);
    scenario.steps.length = 0;
    scenario.steps.push(...steps);
    for (let i = 0; i < steps.length; i++) await world.step(i);
    atS = steps[steps.length - 1]!.at + GAP_S;
    k++;
    flushLogs();
    if (k <= warmup) {
      if (k === warmup) heapBefore = await checkpoint();
      continue;
    }
    contacts += t.contacts;
    if (contacts >= nextCheckpoint || contacts >= total) {
      checkpoints.push({ contacts, heapMb: await checkpoint() });
      nextCheckpoint += CHECKPOINT_EVERY;
    }
    if (contacts >= total) break;
  }
  const heapAfter = checkpoints[checkpoints.length - 1]!.heapMb;

  const a = world.agentWorld(AGENT);
  const app = tab.app;
  const state = app.store.getState();
  const result: LongShiftResult = {
    contacts,
    templates: templates.length,
    heapStartMb: heapStart,
    heapBeforeMb: heapBefore,
    heapAfterMb: heapAfter,
    growthMb: heapAfter - heapBefore,
    warmupContacts: templates.reduce((n, t) => n + t.contacts, 0),
    checkpoints,
    requests,
    errors,
    kept: {
      progressRecords: app.progress.all().length,
      storageKeys: a.storage.keys().length,
      storeContacts: state.contacts.length,
      focusedContact: state.focusedContactId,
      outcomeHistory: app.outcomes().length,
      contactChains: app['work']['chains'].size,
      pendingDials: app['pendingDials'].length,
      notices: state.notices.length,
      clockTimers: world.clock.pendingTimers(),
      simConnectContacts: a.hub.contactIds().length,
      streamsLogEntries: streamsLog(tab.page.connect),
    },
    elapsedMs: performance.now() - t0,
  };
  return result;
}

function streamsLog(c: typeof connect): { serverBound: number; recent: number } {
  const log = c.getLog() as unknown as { _serverBoundInternalLogs?: unknown[]; _logs?: unknown[]; _rolledLogs?: unknown[] };
  return { serverBound: log._serverBoundInternalLogs?.length ?? 0, recent: (log._logs?.length ?? 0) + (log._rolledLogs?.length ?? 0) };
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] && (process.argv[1] === self || process.argv[1] === self.replace(/\.ts$/, ''))) {
  const i = process.argv.indexOf('--contacts');
  const n = i > 0 ? Number(process.argv[i + 1]) : 2000;
  runLongShift(join(dirname(self), '..'), n).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (err: unknown) => {
      process.stderr.write(`long shift: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
