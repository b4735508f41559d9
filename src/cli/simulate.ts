// npm run -s simulate -- scenario.json            → the report as JSON on stdout
// npm run -s simulate -- --check a.json b.json    → checks each file's "expect" block
// Exit 0: ran (and, with --check, every expectation held); 1: an expectation failed;
// 2: a file is not a valid scenario (one line on stderr naming the file and the JSON path).
import { loadScenarioFile } from '../sim/scenario/loadFile';
import { checkExpectations } from '../sim/scenario/expect';
import { runScenario } from '../sim/nodeWorld';
import { asyncStepContext } from '../sim/asyncStepContext';

const USAGE = 'usage: simulate [--check] scenario.json [more.json ...]';

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const files = argv.filter((a) => a !== '--check');
  if (files.length === 0 || files.some((f) => f.startsWith('--'))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!check && files.length > 1) {
    process.stderr.write(`simulate: one scenario at a time without --check\n${USAGE}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const loaded = await loadScenarioFile(file);
    if (!loaded.ok) {
      process.stderr.write(`${loaded.error}\n`);
      return 2;
    }
    const report = await runScenario(loaded.scenario, { stepContext: asyncStepContext() });
    if (!check) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      continue;
    }
    const problems = checkExpectations(loaded.scenario.expect, report, loaded.scenario);
    if (!loaded.scenario.expect) problems.unshift('no "expect" block to check');
    if (problems.length === 0) process.stdout.write(`ok   ${file}\n`);
    else {
      failed++;
      process.stdout.write(`FAIL ${file}\n${problems.map((p) => `     ${p}`).join('\n')}\n`);
    }
  }
  if (check) process.stdout.write(`${files.length - failed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}

process.on('unhandledRejection', (err) => {
  process.stderr.write(`simulate: unexpected error: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`simulate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
