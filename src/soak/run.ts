// The soak runner: generates scenarios, runs each through the simulator (the app's real
// controller, rules and gateway), checks the invariants, and keeps only counts and violations
// (memory stays flat). `runSoak` splits the scenarios over worker threads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { nodeWorld } from '../sim/nodeWorld';
import { parseScenario } from '../sim/scenario/load';
import type { Scenario } from '../sim/scenario/schema';
import type { SimReport } from '../sim/scenario/report';
import { generateScenario, scenariosFor, type SoakScenario } from './generate';
import { checkInvariants, type Observed, type Violation } from './invariants';

export interface Counts {
  scenarios: number;
  contacts: number;
  byChannel: Record<string, number>;
  byDirection: Record<string, number>;
  byMode: Record<string, number>;
  byOutcome: Record<string, number>;
  mustTicket: number;
  mustNothing: number;
  ticketsCreated: number;
  usersCreated: number;
  requests: number;
  failedResponses: number;
  faultSteps: number;
  faultTimes: number;
  reloads: number;
  tabOpens: number;
  tabCloses: number;
  transfers: number;
  clicks: number;
  dials: number;
}

export function emptyCounts(): Counts {
  return {
    scenarios: 0,
    contacts: 0,
    byChannel: {},
    byDirection: {},
    byMode: {},
    byOutcome: {},
    mustTicket: 0,
    mustNothing: 0,
    ticketsCreated: 0,
    usersCreated: 0,
    requests: 0,
    failedResponses: 0,
    faultSteps: 0,
    faultTimes: 0,
    reloads: 0,
    tabOpens: 0,
    tabCloses: 0,
    transfers: 0,
    clicks: 0,
    dials: 0,
  };
}

const bump = (m: Record<string, number>, k: string, n = 1) => {
  m[k] = (m[k] ?? 0) + n;
};

export function mergeCounts(into: Counts, from: Counts): Counts {
  for (const [k, v] of Object.entries(from) as [keyof Counts, Counts[keyof Counts]][]) {
    if (typeof v === 'number') (into[k] as number) += v;
    else for (const [kk, n] of Object.entries(v)) bump(into[k] as Record<string, number>, kk, n);
  }
  return into;
}

export interface SoakViolation extends Violation {
  seed: number;
  index: number;
  /** The scenario file written for replay. */
  file: string | null;
}

export interface SliceResult {
  counts: Counts;
  violations: SoakViolation[];
  /** Violations beyond the kept ones (counted, not kept). */
  dropped: number;
}

export interface SliceOptions {
  /** Where failing scenarios are written; null: not written. */
  failDir: string | null;
  /** Violations kept in full (the rest are counted). */
  keep?: number;
}

export function failureFile(failDir: string, seed: number, index: number): string {
  return join(failDir, `seed-${seed}-${index}.json`);
}

/** Runs one scenario and returns its report plus what the report does not carry. */
export async function runSoakScenario(scenario: Scenario): Promise<{ report: SimReport; observed: Observed }> {
  const world = nodeWorld(scenario);
  const report = await world.run();
  // Faults never used stay armed: disarm before reading Zendesk directly.
  world.zendesk.clearFaults();
  const seeded = new Set(scenario.zendesk.users.map((u) => u.id));
  const asUserId = scenario.agents[0]!.zendesk_user_id;
  const userExternalIds: Record<number, string | null> = {};
  for (const u of report.users) {
    if (seeded.has(u.id)) continue;
    const res = world.zendesk.handle({ method: 'GET', url: `/api/v2/users/${u.id}.json`, body: undefined, asUserId });
    const body = res.body as { user?: { external_id?: string | null } } | null;
    userExternalIds[u.id] = body?.user?.external_id ?? null;
  }
  return { report, observed: { userExternalIds } };
}

/** Generates, runs and checks scenario `index` of `seed`. */
export async function soakOne(seed: number, index: number, counts: Counts): Promise<{ violations: Violation[]; doc: SoakScenario }> {
  const doc = generateScenario(seed, index);
  const parsed = parseScenario(`seed-${seed}-${index}.json`, doc);
  counts.scenarios++;
  if (!parsed.ok) return { violations: [{ kind: 'generator', rule: '-', message: `invalid scenario: ${parsed.error}` }], doc };
  const scenario = parsed.scenario;
  let result: { report: SimReport; observed: Observed };
  try {
    result = await runSoakScenario(scenario);
  } catch (err) {
    return { violations: [{ kind: 'app-error', rule: 'a', message: `the run threw: ${err instanceof Error ? err.stack ?? err.message : String(err)}` }], doc };
  }
  const { report, observed } = result;
  const check = checkInvariants(scenario, report, observed);

  // Counts.
  for (const s of scenario.steps) {
    if ('fault' in s) {
      counts.faultSteps++;
      counts.faultTimes += s.fault.times ?? 1;
    } else if ('action' in s) {
      if (s.action === 'reload') counts.reloads++;
      else if (s.action === 'open_tab') counts.tabOpens++;
      else if (s.action === 'close_tab') counts.tabCloses++;
      else if (s.action === 'create_ticket' || s.action === 'attach_to_current' || s.action === 'no_ticket') counts.clicks++;
    }
  }
  const createdIds = new Set(check.createdTickets.map((t) => t.id));
  for (const f of check.facts.contacts) {
    counts.contacts++;
    bump(counts.byChannel, f.channel);
    const transfer = f.initialContactId !== f.id;
    if (transfer) counts.transfers++;
    bump(counts.byDirection, f.initiation === 'outbound' ? 'outbound' : transfer ? 'transfer' : 'inbound');
    const e = check.expectations.get(f.id);
    if (e?.mustTicket) counts.mustTicket++;
    if (e?.mustNothing) counts.mustNothing++;
    const o = report.contacts.find((c) => c.id === f.id && c.agent === f.agent);
    bump(counts.byMode, o?.mode ?? 'unseen');
    const outcome = f.missed
      ? 'missed'
      : f.rejected
        ? 'rejected'
        : !o || o.ticket_id === null
          ? 'no ticket'
          : createdIds.has(o.ticket_id)
            ? 'new ticket'
            : 'existing ticket';
    bump(counts.byOutcome, outcome);
  }
  counts.ticketsCreated += check.createdTickets.length;
  counts.usersCreated += check.createdUsers;
  counts.requests += report.requests.length;
  counts.failedResponses += report.requests.filter((r) => r.status === 0 || r.status >= 400).length;
  counts.dials += report.dials.length;
  return { violations: check.violations, doc };
}

/** Runs the given scenario indexes of `seed` one after another. */
export async function runSlice(seed: number, indices: number[], options: SliceOptions): Promise<SliceResult> {
  const counts = emptyCounts();
  const violations: SoakViolation[] = [];
  const keep = options.keep ?? 500;
  let dropped = 0;
  for (const index of indices) {
    const { violations: found, doc } = await soakOne(seed, index, counts);
    if (!found.length) continue;
    let file: string | null = null;
    if (options.failDir) {
      mkdirSync(options.failDir, { recursive: true });
      file = failureFile(options.failDir, seed, index);
      writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    }
    for (const v of found) {
      if (violations.length < keep) violations.push({ ...v, seed, index, file });
      else dropped++;
    }
  }
  return { counts, violations, dropped };
}

export interface SoakOptions {
  contacts: number;
  seed: number;
  jobs: number;
  failDir: string | null;
  /** Called as slices finish (for progress). */
  onProgress?: (done: number, total: number) => void;
}

export interface SoakResult extends SliceResult {
  scenarios: number;
  elapsedMs: number;
}

/** The whole soak: plans the scenarios, runs them over `jobs` worker threads (1: in this thread). */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const t0 = performance.now();
  const total = scenariosFor(options.seed, options.contacts);
  const jobs = Math.max(1, Math.min(options.jobs, total));
  const slices: number[][] = Array.from({ length: jobs }, () => []);
  for (let i = 0; i < total; i++) slices[i % jobs]!.push(i);
  const sliceOptions: SliceOptions = { failDir: options.failDir };
  let results: SliceResult[];
  if (jobs === 1) {
    results = [await runSlice(options.seed, slices[0]!, sliceOptions)];
  } else {
    results = await Promise.all(slices.map((indices) => runInWorker(options.seed, indices, sliceOptions)));
  }
  const counts = emptyCounts();
  const violations: SoakViolation[] = [];
  let dropped = 0;
  for (const r of results) {
    mergeCounts(counts, r.counts);
    violations.push(...r.violations);
    dropped += r.dropped;
  }
  violations.sort((a, b) => a.index - b.index);
  return { counts, violations, dropped, scenarios: total, elapsedMs: performance.now() - t0 };
}

function runInWorker(seed: number, indices: number[], options: SliceOptions): Promise<SliceResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { seed, indices, options, entry: new URL('./worker.ts', import.meta.url).href },
    });
    let result: SliceResult | null = null;
    worker.once('message', (m: SliceResult) => {
      result = m;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`soak worker exited with code ${code} before reporting`));
    });
  });
}
