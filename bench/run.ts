// npm run bench: the figures we steer by, each beside its target.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { requestFigures, RATE_LIMITS, LATENCY_MS } from './requests';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

async function main(): Promise<void> {
  const figures = await requestFigures(root);
  let misses = 0;
  console.log(`Zendesk requests per scenario (latency ${LATENCY_MS} ms), and contacts a minute the account's rate limit allows`);
  console.log(
    `${pad('scenario', 70)} ${pad('contacts', 8)} ${pad('requests', 8)} ${pad('per contact', 11)} ${pad('RT to pop', 9)} ${RATE_LIMITS.map((r) => pad(`@${r}/min`, 9)).join(' ')} target`,
  );
  for (const f of figures) {
    const capacity = RATE_LIMITS.map((r) => pad(f.perContact ? String(Math.floor(r / f.perContact)) : '∞', 9)).join(' ');
    let target = '';
    if (f.target) {
      const okReq = f.target.requests === undefined || f.requests <= f.target.requests;
      const okRt = f.target.roundTrips === undefined || (f.roundTripsToPop ?? Infinity) <= f.target.roundTrips;
      target = `${f.target.requests ?? '-'} req, ${f.target.roundTrips ?? '-'} RT: ${okReq && okRt ? 'met' : 'MISSED'}`;
      if (!(okReq && okRt)) misses++;
    }
    console.log(
      `${pad(f.file, 70)} ${pad(String(f.contacts), 8)} ${pad(String(f.requests), 8)} ${pad(f.perContact.toFixed(2), 11)} ${pad(f.roundTripsToPop === null ? '-' : String(f.roundTripsToPop), 9)} ${capacity} ${target}`,
    );
  }
  console.log(misses ? `\n${misses} target(s) missed` : '\nall targets met');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
