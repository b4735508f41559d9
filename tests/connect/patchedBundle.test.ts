// `npm run simulate` runs the real Streams bundle: a copy of it patched so that every contact
// reports ticket_assignment "agent" changes the report of a scenario whose contact flow sets no
// attribute at all, from auto mode to agent mode.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { STREAMS_BUNDLE_ENV } from '../../src/sim/ccp/streamsPage';
import type { SimReport } from '../../src/sim/scenario/report';
import { TOM, scenarioFile, seq, tomCalls } from './lifecycleWorld';

const REPO = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'acz-patched-streams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GET_ATTRIBUTES = /Contact\.prototype\.getAttributes = function \(\) \{\s*return this\._getData\(\)\.attributes;\s*\};/g;

/** The installed Streams bundle, with Contact.getAttributes adding ticket_assignment: agent. */
function patchedBundle(): string {
  const original = readFileSync(createRequire(import.meta.url).resolve('amazon-connect-streams'), 'utf8');
  expect(original.match(GET_ATTRIBUTES)).toHaveLength(1);
  const file = join(dir, 'connect-streams.js');
  writeFileSync(
    file,
    original.replace(
      GET_ATTRIBUTES,
      "Contact.prototype.getAttributes = function () { return Object.assign({}, this._getData().attributes, { ticket_assignment: { name: 'ticket_assignment', value: 'agent' } }); };",
    ),
  );
  return file;
}

/** `npm run -s simulate -- file`, with the environment given; its report. */
async function simulate(file: string, env: Record<string, string> = {}): Promise<SimReport> {
  const base = { ...process.env };
  delete base[STREAMS_BUNDLE_ENV];
  const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'simulate', '--', file], { cwd: REPO, env: { ...base, ...env }, timeout: 60_000 });
  return JSON.parse(stdout) as SimReport;
}

describe('npm run simulate', () => {
  it('drives the real Streams bundle: a bundle patched to report ticket_assignment "agent" turns auto mode into agent mode', async () => {
    // Tom calls; the flow sets no attribute: auto mode makes and pops his ticket.
    const file = join(dir, 'inbound-recognised.json');
    writeFileSync(file, JSON.stringify(scenarioFile('inbound-recognised', [tomCalls('c1', 0), ...seq('c1', 4, 'accepted', 'connected'), ...seq('c1', 60, 'ended', 'destroyed')])));
    const [plain, patched] = await Promise.all([simulate(file), simulate(file, { [STREAMS_BUNDLE_ENV]: patchedBundle() })]);

    expect(plain.contacts).toEqual([expect.objectContaining({ id: 'c1', mode: 'auto', user_id: TOM.id })]);
    expect(plain.notifications).toEqual([]);

    expect(patched.contacts).toEqual([expect.objectContaining({ id: 'c1', mode: 'agent', user_id: TOM.id })]);
    // Agent mode: nobody made a ticket during the call, so force_ticket_creation made one at its end.
    expect(patched.notifications.map((n) => n.text)).toEqual([expect.stringContaining('force_ticket_creation created this ticket')]);
    expect(plain.errors).toEqual([]);
    expect(patched.errors).toEqual([]);
  }, 90_000);
});
