// npm run soak -- --contacts 10000 --seed 1 --jobs 2
// Random scenarios through the simulator, checked against the invariants (src/soak/).
// Exit 0: no violation; 1: violations (each failing scenario is written to soak-failures/
// for `npm run -s simulate -- soak-failures/seed-S-i.json`); 2: bad arguments.
import { relative, resolve } from 'node:path';
import { runSoak, type Counts, type SoakResult } from '../src/soak/run';

const USAGE = 'usage: npm run soak -- [--contacts N] [--seed S] [--jobs J]';

function parseArgs(argv: string[]): { contacts: number; seed: number; jobs: number } | string {
  const out = { contacts: 1000, seed: 1, jobs: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--(contacts|seed|jobs)(?:=(.*))?$/.exec(a);
    if (!m) return `unknown argument ${a}`;
    const raw = m[2] ?? argv[++i];
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < (m[1] === 'seed' ? 0 : 1)) return `--${m[1]} needs a ${m[1] === 'seed' ? 'non-negative' : 'positive'} integer`;
    out[m[1] as 'contacts' | 'seed' | 'jobs'] = n;
  }
  return out;
}

const table = (m: Record<string, number>) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

function print(r: SoakResult, seed: number, jobs: number): void {
  const c: Counts = r.counts;
  const secs = r.elapsedMs / 1000;
  const lines = [
    `soak seed ${seed}: ${r.scenarios} scenarios, ${c.contacts} contacts, ${jobs} job(s)`,
    `  channels   ${table(c.byChannel)}`,
    `  direction  ${table(c.byDirection)}`,
    `  mode       ${table(c.byMode)}`,
    `  outcome    ${table(c.byOutcome)}`,
    `  expected   must have a ticket ${c.mustTicket}, must create nothing ${c.mustNothing}`,
    `  zendesk    tickets created ${c.ticketsCreated}, users created ${c.usersCreated}, requests ${c.requests} (${c.failedResponses} failed)`,
    `  chaos      faults ${c.faultSteps} (${c.faultTimes} failing requests armed), reloads ${c.reloads}, tabs opened ${c.tabOpens}, tabs closed ${c.tabCloses}, transfers ${c.transfers}, clicks ${c.clicks}, dials ${c.dials}`,
    `  time       ${secs.toFixed(1)} s, ${(c.contacts / secs).toFixed(0)} contacts/s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const total = r.violations.length + r.dropped;
  if (!total) {
    process.stdout.write('  violations 0\n');
    return;
  }
  const kinds = new Map<string, number>();
  for (const v of r.violations) kinds.set(v.kind, (kinds.get(v.kind) ?? 0) + 1);
  process.stdout.write(`  violations ${total} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}${r.dropped ? `, ${r.dropped} more not kept` : ''})\n`);
  for (const v of r.violations) {
    const file = v.file ? relative(process.cwd(), v.file) : null;
    process.stdout.write(
      `\nVIOLATION [${v.rule}] ${v.kind} seed ${v.seed} scenario ${v.index}${v.contact ? ` contact ${v.contact}` : ''}\n  ${v.message}\n` +
        (file ? `  replay: npm run -s simulate -- ${file}\n` : ''),
    );
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`soak: ${args}\n${USAGE}\n`);
    return 2;
  }
  const result = await runSoak({ ...args, failDir: resolve(process.cwd(), 'soak-failures') });
  print(result, args.seed, args.jobs);
  return result.violations.length + result.dropped > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`soak: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
