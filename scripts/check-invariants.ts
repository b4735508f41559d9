// npx tsx scripts/check-invariants.ts file.json ...: runs each scenario as the soak does and
// prints the soak's invariant violations (none: "ok"). For replaying soak failures.
import { loadScenarioFile } from '../src/sim/scenario/loadFile';
import { runSoakScenario } from '../src/soak/run';
import { checkInvariants } from '../src/soak/invariants';

let failed = 0;
for (const file of process.argv.slice(2)) {
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) {
    console.log(loaded.error);
    failed++;
    continue;
  }
  const { report, observed } = await runSoakScenario(loaded.scenario);
  const { violations } = checkInvariants(loaded.scenario, report, observed);
  if (violations.length) failed++;
  console.log(violations.length ? `FAIL ${file}\n${violations.map((v) => `     ${v.kind}: ${v.message}`).join('\n')}` : `ok   ${file}`);
}
process.exitCode = failed ? 1 : 0;
