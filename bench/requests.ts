// Zendesk requests per contact and round trips to the first pop, with the simulator's latency
// set to 150 ms. Counts are exact: the simulator is deterministic.
//
// - classFigures: the canonical classes (bench/classes.ts, bench/scenarios/*.json), each
//   against its floor, with every request attributed to the contact whose step caused it.
// - exampleFigures: the five shared examples (a compact cross-check of the same classes) and
//   one summary over tests/scenarios/** (regression tests: faults, reloads and odd attributes
//   make their per-file counts noise, so only the total and the chattiest files are shown).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { asyncStepContext } from '../src/sim/asyncStepContext';
import { runScenario } from '../src/sim/nodeWorld';
import { checkExpectations } from '../src/sim/scenario/expect';
import { loadScenario } from '../src/sim/scenario/load';
import type { SimReport } from '../src/sim/scenario/report';
import type { Scenario } from '../src/sim/scenario/schema';
import { CLASSES, type ClassDef } from './classes';

export const LATENCY_MS = 150;
export const RATE_LIMITS = [200, 400, 700, 2500] as const;

export interface FirstPop {
  kind: 'ticket' | 'user';
  id: number;
  /** Round trips between the step that caused the pop and the pop. */
  roundTrips: number;
  /** What that step was (incoming, accepted, dialing, create_ticket...). */
  cause: string;
}

export interface ClassFigure {
  def: ClassDef;
  requests: number;
  /** Every request of the scenario (several contacts: a transfer's first leg too). */
  scenarioRequests: number;
  /** "METHOD /path/{id}" → count, in first-seen order. */
  kinds: [string, number][];
  firstPop: FirstPop | null;
  /** The scenario's expect block, checked: a count of a wrong outcome means nothing. */
  problems: string[];
}

export interface ExampleFigure {
  file: string;
  contacts: number;
  requests: number;
  firstPop: FirstPop | null;
}

export interface SuiteSummary {
  files: number;
  contacts: number;
  requests: number;
  /** The files with the most requests per contact. */
  chattiest: { file: string; perContact: number }[];
}

/** `/api/v2/tickets/701.json` → `/tickets/{id}`. */
export function requestKind(method: string, path: string): string {
  const p = path
    .replace(/^\/api\/v2/, '')
    .replace(/\.json$/, '')
    .replace(/\/\d+(?=\/|$)/g, '/{id}');
  return `${method} ${p}`;
}

function withLatency(s: Scenario): Scenario {
  return { ...s, zendesk: { ...s.zendesk, latency_ms: LATENCY_MS } };
}

function load(root: string, file: string): Scenario {
  const r = loadScenario(relative(root, file), readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

/** The contact a step belongs to: its own, a click's, or (a click-to-dial) the call it places. */
function contactOfStep(steps: Scenario['steps'], i: number): string | null {
  const s = steps[i];
  if (!s) return null;
  if ('contact' in s && typeof s.contact === 'string') return `${s.agent}/${s.contact}`;
  if ('action' in s && s.action === 'dial') {
    for (let j = i + 1; j < steps.length; j++) {
      const t = steps[j]!;
      if ('event' in t && t.event === 'dialing' && t.agent === s.agent) return `${t.agent}/${t.contact}`;
    }
  }
  return null;
}

function stepLabel(s: Scenario['steps'][number] | undefined): string {
  if (!s) return '?';
  if ('event' in s) return s.event;
  if ('action' in s) return s.action;
  return 'zendesk' in s ? 'zendesk change' : 'fault';
}

function firstPopOf(s: Scenario, report: SimReport, belongs: (step: number, agent: string) => boolean): FirstPop | null {
  const pop = report.pops.find((p) => belongs(p.step, p.agent));
  if (!pop) return null;
  const cause = s.steps[pop.step];
  const causeMs = (cause?.at ?? 0) * 1000;
  return { kind: pop.kind, id: pop.id, roundTrips: Math.round((pop.at_ms - causeMs) / LATENCY_MS), cause: stepLabel(cause) };
}

export async function classFigures(root: string): Promise<ClassFigure[]> {
  const out: ClassFigure[] = [];
  for (const def of CLASSES) {
    const scenario = withLatency(load(root, join(root, 'bench', 'scenarios', `${def.file}.json`)));
    const report = await runScenario(scenario, { stepContext: asyncStepContext() });
    const agent = def.agent ?? scenario.agents[0]!.name;
    const key = `${agent}/${def.contact}`;
    const belongs = (step: number, a: string) => a === agent && contactOfStep(scenario.steps, step) === key;
    const mine = report.requests.filter((r) => belongs(r.step, r.agent));
    const kinds = new Map<string, number>();
    for (const r of mine) kinds.set(requestKind(r.method, r.path), (kinds.get(requestKind(r.method, r.path)) ?? 0) + 1);
    const problems = [
      ...checkExpectations(scenario.expect, report, scenario),
      ...report.errors.map((e) => `error at step ${e.step}: ${e.message}`),
      ...report.requests.filter((r) => r.status === 0 || r.status >= 400).map((r) => `failed request ${r.method} ${r.path} → ${r.status}`),
    ];
    out.push({ def, requests: mine.length, scenarioRequests: report.requests.length, kinds: [...kinds], firstPop: firstPopOf(scenario, report, belongs), problems });
  }
  return out;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

function contactsOf(s: Scenario): number {
  return new Set(s.steps.filter((st) => 'event' in st).map((st) => `${st.agent}/${(st as { contact: string }).contact}`)).size;
}

async function measureFile(root: string, file: string): Promise<ExampleFigure | null> {
  const loaded = loadScenario(relative(root, file), readFileSync(file, 'utf8'));
  if (!loaded.ok) return null;
  const s = withLatency(loaded.scenario);
  const report = await runScenario(s, { stepContext: asyncStepContext() });
  return { file: relative(root, file), contacts: contactsOf(s), requests: report.requests.length, firstPop: firstPopOf(s, report, () => true) };
}

export async function exampleFigures(root: string): Promise<{ examples: ExampleFigure[]; suite: SuiteSummary }> {
  const examples: ExampleFigure[] = [];
  for (const f of jsonFiles(join(root, '..', 'shared', 'scenarios', 'examples'))) {
    const m = await measureFile(root, f);
    if (m) examples.push(m);
  }
  const suite: SuiteSummary = { files: 0, contacts: 0, requests: 0, chattiest: [] };
  const per: { file: string; perContact: number }[] = [];
  for (const f of jsonFiles(join(root, 'tests', 'scenarios'))) {
    const m = await measureFile(root, f);
    if (!m) continue;
    suite.files++;
    suite.contacts += m.contacts;
    suite.requests += m.requests;
    per.push({ file: m.file, perContact: m.contacts ? m.requests / m.contacts : m.requests });
  }
  suite.chattiest = per.sort((a, b) => b.perContact - a.perContact || a.file.localeCompare(b.file)).slice(0, 3);
  return { examples, suite };
}

/** Contacts a minute the account's rate limit allows at this many requests per contact. */
export function capacity(limitPerMinute: number, requestsPerContact: number): number {
  return requestsPerContact > 0 ? Math.floor(limitPerMinute / requestsPerContact) : Infinity;
}
