// Zendesk requests per contact and round trips to the first pop, per scenario, with the
// simulator's latency set to 150 ms. Counts are exact (the simulator is deterministic).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadScenario } from '../src/sim/scenario/load';
import { runScenario } from '../src/sim/runner';
import type { Scenario } from '../src/sim/scenario/schema';

export const LATENCY_MS = 150;
export const RATE_LIMITS = [200, 400, 700, 2500];

export interface RequestFigure {
  file: string;
  contacts: number;
  requests: number;
  perContact: number;
  /** Round trips (at 150 ms each) between the step that caused the first pop and the pop; null when nothing popped. */
  roundTripsToPop: number | null;
  target: { requests?: number; roundTrips?: number } | null;
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

/** Targets from the issues: a recognised inbound call in auto mode costs 3 requests and 1 round trip to the pop. */
function targetFor(file: string): RequestFigure['target'] {
  if (/inbound-recognised-auto(\.json)?$/.test(file)) return { requests: 3, roundTrips: 1 };
  return null;
}

async function measure(file: string, scenario: Scenario): Promise<RequestFigure> {
  const s: Scenario = { ...scenario, zendesk: { ...scenario.zendesk, latency_ms: LATENCY_MS } };
  const report = await runScenario(s);
  const firstPop = report.pops[0];
  // Measured from the step that caused the pop (the offer, an accept or a click).
  const causeMs = firstPop ? (s.steps[firstPop.step]?.at ?? 0) * 1000 : 0;
  const contacts = new Set(s.steps.filter((st) => 'event' in st).map((st) => (st as { contact: string }).contact)).size;
  return {
    file,
    contacts,
    requests: report.requests.length,
    perContact: contacts ? report.requests.length / contacts : report.requests.length,
    roundTripsToPop: firstPop ? Math.round((firstPop.at_ms - causeMs) / LATENCY_MS) : null,
    target: targetFor(file),
  };
}

export async function requestFigures(root: string): Promise<RequestFigure[]> {
  const files = [
    ...jsonFiles(join(root, '..', 'shared', 'scenarios', 'examples')),
    ...jsonFiles(join(root, 'tests', 'scenarios')),
  ];
  const out: RequestFigure[] = [];
  for (const f of files) {
    const loaded = loadScenario(relative(root, f), readFileSync(f, 'utf8'));
    if (!loaded.ok) continue;
    out.push(await measure(relative(root, f), loaded.scenario));
  }
  return out;
}
