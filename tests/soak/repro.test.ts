// Scenarios the soak once found broken, kept as regression tests: each must now satisfy every
// invariant (no duplicate user or ticket, every contact's ticket and details exactly once).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/sim/scenario/loadFile';
import { runSoakScenario } from '../../src/soak/run';
import { checkInvariants } from '../../src/soak/invariants';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'repro');

describe('soak findings stay fixed', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    it(name, async () => {
      const loaded = await loadScenarioFile(join(dir, name));
      if (!loaded.ok) throw new Error(loaded.error);
      const { report, observed } = await runSoakScenario(loaded.scenario);
      const { violations } = checkInvariants(loaded.scenario, report, observed);
      expect(violations.map((v) => `${v.kind}: ${v.message}`)).toEqual([]);
      expect(report.errors).toEqual([]);
    });
  }
});
