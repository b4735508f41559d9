// Simulator speed: the random soak (src/soak) at 10,000 contacts, seed 1, 2 worker threads,
// timed over several runs. The soak checks its invariants as it goes; violations are counted
// here too (a fast soak that finds bugs is not a result to be pleased with).
import { runSoak } from '../src/soak/run';

export interface SoakSpeed {
  contacts: number;
  seed: number;
  jobs: number;
  /** Seconds per run, in run order. */
  runs: number[];
  contactsRun: number;
  violations: number;
}

export async function soakSpeed(runs: number, contacts = 10_000, seed = 1, jobs = 2): Promise<SoakSpeed> {
  const out: SoakSpeed = { contacts, seed, jobs, runs: [], contactsRun: 0, violations: 0 };
  for (let i = 0; i < runs; i++) {
    const r = await runSoak({ contacts, seed, jobs, failDir: null });
    out.runs.push(r.elapsedMs / 1000);
    out.contactsRun = r.counts.contacts;
    out.violations = Math.max(out.violations, r.violations.length + r.dropped);
  }
  return out;
}
