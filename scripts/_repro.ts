import { loadScenarioFile } from '../src/sim/scenario/loadFile';
import { runSoakScenario } from '../src/soak/run';
import { checkInvariants } from '../src/soak/invariants';
for (const f of process.argv.slice(2)) {
  const l = await loadScenarioFile(f);
  if (!l.ok) { console.log(f, l.error); continue; }
  const { report, observed } = await runSoakScenario(l.scenario);
  const r = checkInvariants(l.scenario, report, observed);
  console.log(f.split('/').pop(), JSON.stringify((r as any).violations?.map((v: any) => v.kind + ': ' + v.message) ?? r));
}
