// Runs every scenario file under tests/scenarios/** (recursively) and the five shared
// examples through the app's real code, and checks each one:
//   - files with an `expect` block: checkExpectations(...) must return no problems;
//   - the shared examples (no expect block): the outcomes their README describes, in code;
//   - every run: report.errors is empty.
// Plus a few checks the expect form cannot state (a key that must be absent, external_id),
// and one run of the CLI (`simulate`) for its output and its exit status on a bad file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asyncStepContext } from '../../src/sim/asyncStepContext';
import { runScenario } from '../../src/sim/nodeWorld';
import { checkExpectations, ScenarioExpectSchema, type ScenarioExpect } from '../../src/sim/scenario/expect';
import { loadScenario } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import type { SimReport } from '../../src/sim/scenario/report';
import { connectExternalId } from '../../src/zendesk/gateway';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const EXAMPLES = resolve(REPO, '../shared/scenarios/examples');
const EXAMPLE_FILES = [
  'inbound-recognised-auto.json',
  'inbound-unrecognised-auto.json',
  'inbound-anonymous-manual-create.json',
  'inbound-recent-ticket.json',
  'chat-customer-number.json',
];

function scenarioFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f))
    .sort();
}

function load(file: string): Scenario {
  const r = loadScenario(relative(REPO, file), readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

async function run(scenario: Scenario): Promise<SimReport> {
  return runScenario(scenario, { stepContext: asyncStepContext() });
}

function errorsOf(report: SimReport): string {
  return report.errors.map((e) => `step ${e.step} (${e.agent}#${e.tab}): ${e.message}`).join('\n');
}

function createdTickets(report: SimReport, scenario: Scenario) {
  const given = new Set(scenario.zendesk.tickets.map((t) => t.id));
  return report.tickets.filter((t) => !given.has(t.id));
}

function voiceComments(report: SimReport) {
  return report.tickets.flatMap((t) => t.comments.filter((c) => c.type === 'VoiceComment').map((c) => ({ ticket: t.id, data: c.data })));
}

// ---------------------------------------------------------------------------------------
// What the expect form cannot say: a data key that must be absent, a ticket's external_id.

type Extra = (report: SimReport, scenario: Scenario) => string[];

const noRecordingUrl: Extra = (report) => {
  const vcs = voiceComments(report);
  if (vcs.length === 0) return ['expected a VoiceComment (without recording_url), found none'];
  return vcs.filter((v) => 'recording_url' in v.data).map((v) => `ticket ${v.ticket}: VoiceComment has recording_url ${String(v.data.recording_url)}; expected none`);
};
const noVoiceComment: Extra = (report) =>
  voiceComments(report).map((v) => `ticket ${v.ticket}: has a VoiceComment although voice_comment is "false"`);
const hasRecordingUrl: Extra = (report) => {
  const vcs = voiceComments(report);
  if (vcs.length === 0) return ['expected a VoiceComment with a recording_url, found none'];
  return vcs
    .filter((v) => typeof v.data.recording_url !== 'string' || !/^https:\/\//.test(v.data.recording_url))
    .map((v) => `ticket ${v.ticket}: VoiceComment recording_url is ${JSON.stringify(v.data.recording_url)}; expected an https link (download_recording defaults to true)`);
};

/** A shared number: the warning, and the ticket's "Agent notifications", name every user sharing it (any order). */
const bothNamesWarned: Extra = (report) => {
  const names = ['Sam Reed', 'Sara Reed'];
  const hasBoth = (text: string) => names.every((n) => text.includes(n));
  const out: string[] = [];
  if (!report.notifications.some((n) => n.level === 'warning' && hasBoth(n.text))) {
    out.push(`no warning names both ${names.join(' and ')}; warnings: ${JSON.stringify(report.notifications.filter((n) => n.level === 'warning').map((n) => n.text))}`);
  }
  const ticketIds = new Set(report.contacts.map((c) => c.ticket_id).filter((id): id is number => id !== null));
  for (const t of report.tickets.filter((x) => ticketIds.has(x.id))) {
    if (!t.comments.some((c) => c.body.includes('Agent notifications') && hasBoth(c.body))) {
      out.push(`ticket ${t.id}: no "Agent notifications" comment names both ${names.join(' and ')}`);
    }
  }
  return out;
};

// chat/, task/, concurrent/, voiceid/ (issue 5)

type ScenarioMessage = { role: string; text: string };
function messagesOf(scenario: Scenario): ScenarioMessage[] {
  return scenario.steps.flatMap((s) => ('event' in s && s.event === 'message' ? [{ role: s.role, text: s.text }] : []));
}

/** Every comment's html_body is escaped: none of these raw fragments appears in it. */
const noRawMarkup =
  (...fragments: string[]): Extra =>
  (report) =>
    report.tickets.flatMap((t) =>
      t.comments.flatMap((c, i) =>
        fragments
          .filter((f) => typeof c.html_body === 'string' && c.html_body.toLowerCase().includes(f.toLowerCase()))
          .map((f) => `ticket ${t.id} comment #${i}: html_body contains raw ${JSON.stringify(f)}; it must be escaped`),
      ),
    );

/** chat_transcript "false": no comment holds any message of the chat. */
const noTranscript: Extra = (report, scenario) => {
  const texts = messagesOf(scenario).filter((m) => m.role !== 'SYSTEM').map((m) => m.text);
  return report.tickets.flatMap((t) =>
    t.comments.filter((c) => texts.some((x) => c.body.includes(x))).map(() => `ticket ${t.id}: has a transcript although chat_transcript is "false"`),
  );
};

/** One comment holds every message of the scenario, in order (long chats: every page). */
const wholeTranscriptInOneComment: Extra = (report, scenario) => {
  const texts = messagesOf(scenario).map((m) => m.text);
  let best = 0;
  for (const c of report.tickets.flatMap((t) => t.comments)) {
    let at = 0;
    let n = 0;
    for (const x of texts) {
      const p = c.body.indexOf(x, at);
      if (p < 0) break;
      at = p + x.length;
      n++;
    }
    best = Math.max(best, n);
  }
  return best === texts.length ? [] : [`no comment holds the whole transcript in order: the best one has the first ${best} of ${texts.length} messages`];
};

/** A transcript is written once: no customer or agent message is in two comments of one ticket. */
const transcriptNotRepeated: Extra = (report, scenario) => {
  const texts = [...new Set(messagesOf(scenario).filter((m) => m.role !== 'SYSTEM').map((m) => m.text))];
  const out: string[] = [];
  for (const t of report.tickets) {
    for (const x of texts) {
      const n = t.comments.filter((c) => c.body.includes(x)).length;
      if (n > 1) out.push(`ticket ${t.id}: message ${JSON.stringify(x)} is in ${n} comments (a transcript written twice, or repeated by a continuation)`);
    }
  }
  return out;
};

/** Voice ID with a blank status: the status field is blank ("" or null), not left out or filled. */
const voiceIdStatusBlank: Extra = (report) => {
  const v = report.users.find((u) => u.id === 20)?.user_fields.voice_authentication_status;
  return v === '' || v === null ? [] : [`user 20: voice_authentication_status is ${JSON.stringify(v)}; expected blank ("" or null)`];
};

/** Extra checks by file (path relative to tests/scenarios). */
const EXTRA: Record<string, Extra> = {
  'voice/attr-download-recording-false.json': noRecordingUrl,
  'voice/attr-call-recording-consent-optout.json': noRecordingUrl,
  'voice/attr-call-recording-consent-false.json': noRecordingUrl,
  'voice/attr-voice-comment-false.json': noVoiceComment,
  'voice/attr-voice-comment-false-attach.json': noVoiceComment,
  'voice/inbound-recognised-auto-request-budget.json': hasRecordingUrl,
  'chat/chat-transcript-html-in-messages.json': noRawMarkup('<script', '<img'),
  'chat/chat-transcript-html-in-display-names.json': noRawMarkup('<script', '<img'),
  'chat/chat-customer-name-html-new-user.json': noRawMarkup('<script', '<b>Zo'),
  'task/task-linked-note-escaped.json': noRawMarkup('<script', '<img', '<b>urgent'),
  'chat/chat-transcript-false.json': noTranscript,
  'chat/chat-transcript-500-messages.json': wholeTranscriptInOneComment,
  'chat/chat-transcript-order-roles-times.json': wholeTranscriptInOneComment,
  'voiceid/voiceid-blank.json': voiceIdStatusBlank,
};

/** Every ticket the app creates for a contact carries the contact chain's external id (the Connect contact id). */
const externalIdIsContactId: Extra = (report, scenario) => {
  const contactIds = new Set(
    scenario.steps.flatMap((s) => ('contact' in s && typeof s.contact === 'string' ? [connectExternalId(s.contact)] : [])),
  );
  return createdTickets(report, scenario)
    .filter((t) => !contactIds.has(String((t as { external_id?: unknown }).external_id)))
    .map((t) => `ticket ${t.id}: external_id is ${JSON.stringify((t as { external_id?: unknown }).external_id)}; expected the Connect contact id (${[...contactIds].join(', ')})`);
};

// ---------------------------------------------------------------------------------------
// Scenario files with expect blocks

const files = scenarioFiles(HERE);
/** external_id problems per voice file, gathered while the files run (checked in one test below). */
const externalIdProblems = new Map<string, string[]>();

describe('scenario files (tests/scenarios/**)', () => {
  it('finds scenario files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const label = relative(HERE, file).split(sep).join('/');
    it(label, async () => {
      const scenario = load(file);
      const report = await run(scenario);
      const problems = checkExpectations(scenario.expect, report, scenario);
      const extra = EXTRA[label];
      if (extra) problems.push(...extra(report, scenario));
      if (label.startsWith('voice/inbound-ambiguous-')) problems.push(...bothNamesWarned(report, scenario));
      if (label.startsWith('voice/')) externalIdProblems.set(label, externalIdIsContactId(report, scenario));
      if (/^(chat|task|concurrent)\//.test(label)) problems.push(...externalIdIsContactId(report, scenario), ...transcriptNotRepeated(report, scenario));
      expect(problems, `${label}:\n  ${problems.join('\n  ')}`).toEqual([]);
      expect(report.errors, `${label}: app errors:\n${errorsOf(report)}`).toEqual([]);
    });
  }

  // One rule for all of voice/, reported once rather than in every file's test.
  it('voice/*: every ticket created for a contact has the external id of its Connect contact', async () => {
    const voice = files.filter((f) => relative(HERE, f).split(sep).join('/').startsWith('voice/'));
    for (const file of voice) {
      const label = relative(HERE, file).split(sep).join('/');
      if (externalIdProblems.has(label)) continue; // already run above
      const scenario = load(file);
      externalIdProblems.set(label, externalIdIsContactId(await run(scenario), scenario));
    }
    const bad = [...externalIdProblems].filter(([, p]) => p.length > 0);
    const summary = bad.slice(0, 5).map(([f, p]) => `${f}: ${p[0]}`);
    expect(bad.length, `${bad.length} of ${externalIdProblems.size} files:\n  ${summary.join('\n  ')}`).toBe(0);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------
// The shared examples: the outcomes of examples/README.md, written as expectations.

const VOICE_IN = { via_id: 45, tags_include: ['amazon_connect', 'connect_voice', 'connect_inbound'] };

const EXAMPLE_EXPECT: Record<string, unknown> = {
  // Tom's profile pops while ringing; on accept one new ticket for Tom (via 45) pops; at the
  // end one voice comment: from Tom, to the dialled number, answered by Priya, ~90 s. auto.
  'inbound-recognised-auto.json': {
    tickets_created: 1,
    users_created: 0,
    pops: [
      { kind: 'user', id: 20, step: 0 },
      { kind: 'ticket', id: 'new:1', step: 1 },
    ],
    tickets: [
      {
        new: 1,
        requester_id: 20,
        ...VOICE_IN,
        comments_count: { min: 1 },
        comments: [
          { type: 'VoiceComment', data: { from: '+447700900123', to: '+442079460000', answered_by_id: 1, call_duration: { min: 85, max: 95 } } },
        ],
      },
    ],
    contacts: [{ id: 'c1', mode: 'auto', ticket_id: 'new:1', user_id: 20 }],
    errors_count: 0,
  },
  // A new end user whose phone is the caller's number, one new ticket for them; auto.
  'inbound-unrecognised-auto.json': {
    tickets_created: 1,
    users_created: 1,
    users: [{ new: 1, role: 'end-user', phone: '+447700900999' }],
    tickets: [{ new: 1, requester_id: 'new:1', ...VOICE_IN }],
    contacts: [{ id: 'c1', mode: 'auto', ticket_id: 'new:1', user_id: 'new:1' }],
    errors_count: 0,
  },
  // Nothing automatic; Create ticket (step 3) makes one ticket with Priya as requester; no user; agent.
  'inbound-anonymous-manual-create.json': {
    tickets_created: 1,
    users_created: 0,
    tickets: [{ new: 1, requester_id: 1, ...VOICE_IN }],
    requests: [{ method: 'POST', path_contains: 'tickets', step: 3 }],
    requests_none: [0, 1, 2].flatMap((step) => [
      { method: 'POST', step },
      { method: 'PUT', step },
    ]),
    contacts: [{ id: 'c1', mode: 'agent', ticket_id: 'new:1' }],
    errors_count: 0,
  },
  // Ada's ticket 700 (updated 20 min ago, window 30): no new ticket; 700 pops and gets the voice comment.
  'inbound-recent-ticket.json': {
    tickets_created: 0,
    users_created: 0,
    pops: [{ kind: 'ticket', id: 700 }],
    tickets: [{ id: 700, comments: [{ type: 'VoiceComment', data: { from: '+447700900456', answered_by_id: 1 } }] }],
    contacts: [{ id: 'c1', ticket_id: 700, user_id: 21 }],
    errors_count: 0,
  },
  // Matched to Tom by customer_number; one ticket for Tom; the transcript in one private comment.
  'chat-customer-number.json': {
    tickets_created: 1,
    users_created: 0,
    tickets: [
      {
        new: 1,
        requester_id: 20,
        comments: [
          { public: false, body_contains: ['Tom has joined the chat', 'Where is my parcel?', 'It ships tomorrow.'] },
        ],
      },
    ],
    contacts: [{ id: 'k1', ticket_id: 'new:1', user_id: 20 }],
    errors_count: 0,
  },
};

/** "No record is created twice": no two created users share a phone, no two created tickets an external id. */
function duplicates(report: SimReport, scenario: Scenario): string[] {
  const out: string[] = [];
  const givenUsers = new Set(scenario.zendesk.users.map((u) => u.id));
  const phones = report.users.filter((u) => !givenUsers.has(u.id) && u.phone).map((u) => u.phone);
  if (new Set(phones).size !== phones.length) out.push(`users created twice: ${phones.join(', ')}`);
  const ext = createdTickets(report, scenario).map((t) => String((t as { external_id?: unknown }).external_id));
  if (new Set(ext).size !== ext.length) out.push(`tickets created twice for one contact: ${ext.join(', ')}`);
  return out;
}

/** The chat transcript: exactly one comment holds all of it, in order. */
function oneTranscript(report: SimReport, scenario: Scenario): string[] {
  const lines = ['Tom has joined the chat', 'Where is my parcel?', 'It ships tomorrow.'];
  const holders = createdTickets(report, scenario).flatMap((t) => t.comments.filter((c) => lines.some((l) => c.body.includes(l))));
  if (holders.length !== 1) return [`expected one comment with the transcript, found ${holders.length}`];
  const body = holders[0]!.body;
  const at = lines.map((l) => body.indexOf(l));
  return at.every((p, i) => p >= 0 && (i === 0 || p > at[i - 1]!)) ? [] : ['the transcript is incomplete or out of order'];
}

describe.skipIf(!existsSync(EXAMPLES))('shared examples (../shared/scenarios/examples)', () => {
  for (const name of EXAMPLE_FILES) {
    it(name, async () => {
      const scenario = load(join(EXAMPLES, name));
      const report = await run(scenario);
      const exp: ScenarioExpect = ScenarioExpectSchema.parse(EXAMPLE_EXPECT[name]);
      const problems = checkExpectations(exp, report, scenario);
      problems.push(...duplicates(report, scenario));
      if (name === 'chat-customer-number.json') problems.push(...oneTranscript(report, scenario));
      expect(problems, `${name}:\n  ${problems.join('\n  ')}`).toEqual([]);
      expect(report.errors, `${name}: app errors:\n${errorsOf(report)}`).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------
// The CLI

function simulate(args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/simulate.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
}

const REPORT_FIELDS: Record<string, string[]> = {
  users: ['id', 'name', 'role', 'phone', 'email', 'user_fields'],
  tickets: ['id', 'requester_id', 'brand_id', 'subject', 'status', 'via_id', 'tags', 'custom_fields', 'comments'],
  calls: ['id', 'ticket_id', 'direction', 'from_line', 'to_line', 'agent_id', 'call_started_at', 'call_ended_at', 'duration', 'recording_url', 'disposition'],
  pops: ['agent', 'tab', 'step', 'kind', 'id'],
  notifications: ['agent', 'tab', 'step', 'level', 'text'],
  contacts: ['id', 'agent', 'mode', 'ticket_id', 'user_id'],
  dials: ['agent', 'tab', 'step', 'number', 'queue'],
  requests: ['agent', 'tab', 'step', 'method', 'path', 'status', 'at_ms'],
  errors: ['agent', 'tab', 'step', 'message'],
};
const COMMENT_FIELDS = ['type', 'author_id', 'public', 'body', 'data'];

describe.skipIf(!existsSync(EXAMPLES))('simulate CLI', () => {
  it('prints a report with every field of FORMAT.md', () => {
    const r = simulate([join(EXAMPLES, 'inbound-recent-ticket.json')]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    const missing: string[] = [];
    for (const [list, fields] of Object.entries(REPORT_FIELDS)) {
      const items = report[list];
      if (!Array.isArray(items)) {
        missing.push(`${list} (not a list)`);
        continue;
      }
      items.forEach((item: Record<string, unknown>, i) => {
        for (const f of fields) if (!(f in item)) missing.push(`${list}[${i}].${f}`);
      });
    }
    for (const t of report.tickets as { comments: Record<string, unknown>[] }[]) {
      t.comments.forEach((c, i) => {
        for (const f of COMMENT_FIELDS) if (!(f in c)) missing.push(`ticket comments[${i}].${f}`);
      });
    }
    expect(missing).toEqual([]);
    // This example fills most lists: a pop, a notification, a contact, requests.
    for (const list of ['users', 'tickets', 'pops', 'contacts', 'requests']) expect((report[list] as unknown[]).length, list).toBeGreaterThan(0);
  }, 60_000);

  it('exits 2 with one line naming the file and the JSON path for a malformed scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acz-scenario-'));
    const file = join(dir, 'bad.json');
    const doc = JSON.parse(readFileSync(join(EXAMPLES, 'inbound-recognised-auto.json'), 'utf8')) as { steps: Record<string, unknown>[] };
    doc.steps[1]!.event = 'acept';
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const r = simulate([file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    // npx itself may warn (e.g. about the npm configuration); those lines are not the CLI's.
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !/^npm (warn|WARN|notice)/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain('steps[1].event');
    expect(lines[0]).toContain('acept');
  }, 60_000);
});
