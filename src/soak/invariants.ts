// Invariants of a soak run, checked on a scenario and its report, in terms of what Zendesk
// stores at the end. Expectations come from the scenario's inputs (./facts.ts), never from the
// report; the report is only what is checked.
//
//   a  report.errors is empty
//   b  no two users with the same phone number (one of them created by the app), and no two
//      created users with the same external id
//   c  a contact creates at most one ticket; a single-leg chain has no two created tickets with
//      the same external id and requester; no contact's leg is on two tickets
//   d  per ticket, at most one VoiceComment per contact leg (and distinct started_at), at most
//      one chat transcript, task note and agent-notifications note per contact
//   e  a contact that must get a ticket has one (the right one, when the rules name it), with its
//      call details / transcript / task note on it exactly once; a forced transfer leg gets a new
//      ticket; the report's ticket_id agrees with where the contact's details are
//   f  a missed or rejected contact (and a softphone call to an unknown number without
//      all_outbound) creates nothing
//   g  every created ticket names its contact, has via_id 45/46 for voice (inbound/outbound) and
//      the amazon_connect tag
import type { Scenario } from '../sim/scenario/schema';
import type { ReportTicket, SimReport } from '../sim/scenario/report';
import { expectationFor, phoneKey, scenarioFacts, type ContactFacts, type Expectation, type ScenarioFacts } from './facts';

export type ViolationKind =
  | 'generator'
  | 'app-error'
  | 'duplicate-user'
  | 'duplicate-ticket'
  | 'leg-on-two-tickets'
  | 'duplicate-comment'
  | 'missing-ticket'
  | 'wrong-ticket'
  | 'missing-details'
  | 'outcome-mismatch'
  | 'forced-transfer-reused-ticket'
  | 'dropped-contact-created'
  | 'ticket-shape';

export interface Violation {
  kind: ViolationKind;
  /** The invariant (a..g). */
  rule: string;
  message: string;
  contact?: string;
}

export interface Observed {
  /** External ids of users, by id (the report's users do not carry them). */
  userExternalIds?: Record<number, string | null>;
}

const APP_PREFIX = 'amazon-connect:';

/** Where a contact's leg shows on a ticket. */
interface Artefacts {
  voice: Map<string, number[]>; // contact -> ticket ids (one entry per comment)
  chat: Map<string, number[]>;
  task: Map<string, number[]>;
  notes: Map<string, number[]>;
}

function add(map: Map<string, number[]>, key: string, ticket: number): void {
  map.set(key, [...(map.get(key) ?? []), ticket]);
}

function legOfVoiceComment(data: Record<string, unknown> | undefined): string | null {
  const url = typeof data?.recording_url === 'string' ? data.recording_url : '';
  const m = /[?&]callLegId=([^&]+)/.exec(url);
  return m ? decodeURIComponent(m[1]!) : null;
}

const ID = '([A-Za-z0-9_.:-]+)';
const CHAT_MARK = new RegExp(`Chat transcript, contact ${ID}`);
const NOTES_MARK = new RegExp(`Agent notifications for contact ${ID}`);
const CONTACT_ID = new RegExp(`Contact ID: ${ID}`);

function artefactsOf(tickets: ReportTicket[]): Artefacts {
  const out: Artefacts = { voice: new Map(), chat: new Map(), task: new Map(), notes: new Map() };
  for (const t of tickets) {
    for (const c of t.comments) {
      if (c.type === 'VoiceComment') {
        const leg = legOfVoiceComment(c.data);
        if (leg) add(out.voice, leg, t.id);
        continue;
      }
      const body = c.body ?? '';
      const chat = CHAT_MARK.exec(body);
      if (chat) add(out.chat, chat[1]!, t.id);
      const notes = NOTES_MARK.exec(body);
      if (notes) add(out.notes, notes[1]!, t.id);
      if (/^\s*Amazon Connect task/.test(body)) {
        const id = CONTACT_ID.exec(body);
        if (id) add(out.task, id[1]!, t.id);
      }
    }
  }
  return out;
}

function externalIdOf(t: ReportTicket): string | null {
  const x = (t as ReportTicket & { external_id?: unknown }).external_id;
  return typeof x === 'string' ? x : null;
}

/** The contact a created ticket was made for: the "Contact ID" of its first comment. */
function creatorOf(t: ReportTicket): string | null {
  const first = t.comments[0];
  if (!first) return null;
  const m = CONTACT_ID.exec(first.body ?? '');
  return m ? m[1]! : null;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

export interface CheckResult {
  violations: Violation[];
  facts: ScenarioFacts;
  expectations: Map<string, Expectation>;
  createdTickets: ReportTicket[];
  createdUsers: number;
}

export function checkInvariants(scenario: Scenario, report: SimReport, observed: Observed = {}): CheckResult {
  const v: Violation[] = [];
  const push = (kind: ViolationKind, rule: string, message: string, contact?: string) =>
    v.push(contact === undefined ? { kind, rule, message } : { kind, rule, message, contact });
  const facts = scenarioFacts(scenario);
  const seededTicketIds = new Set(scenario.zendesk.tickets.map((t) => t.id));
  const createdTickets = report.tickets.filter((t) => !seededTicketIds.has(t.id));
  const createdUsers = report.users.filter((u) => !facts.seededUsers.has(u.id));
  const ticketById = new Map(report.tickets.map((t) => [t.id, t]));
  const art = artefactsOf(report.tickets);

  // a: no exception escaped the app.
  for (const e of report.errors) {
    const generator = /which is not open/.test(e.message);
    push(generator ? 'generator' : 'app-error', 'a', `step ${e.step} (${e.agent} tab ${e.tab}): ${e.message}`);
  }

  // b: one user per phone number; one created user per external id.
  const seededByPhone = new Map<string, number[]>();
  for (const u of report.users) {
    if (!facts.seededUsers.has(u.id)) continue;
    const k = phoneKey(u.phone);
    if (k) seededByPhone.set(k, [...(seededByPhone.get(k) ?? []), u.id]);
  }
  const createdByPhone = new Map<string, number[]>();
  for (const u of createdUsers) {
    const k = phoneKey(u.phone);
    if (k) createdByPhone.set(k, [...(createdByPhone.get(k) ?? []), u.id]);
  }
  for (const [k, ids] of createdByPhone) {
    const existing = seededByPhone.get(k) ?? [];
    if (ids.length > 1 || existing.length > 0) {
      const phones = ids.map((id) => `#${id} ${report.users.find((u) => u.id === id)?.phone ?? ''}`).join(', ');
      push(
        'duplicate-user',
        'b',
        `users created with the same phone (…${k}): ${phones}${existing.length ? `; already the number of user(s) ${existing.map((i) => `#${i}`).join(', ')}` : ''}`,
      );
    }
  }
  const ext = observed.userExternalIds ?? {};
  const byExt = new Map<string, number[]>();
  for (const u of createdUsers) {
    const x = ext[u.id];
    if (x) byExt.set(x, [...(byExt.get(x) ?? []), u.id]);
  }
  for (const [x, ids] of byExt) {
    if (ids.length > 1) push('duplicate-user', 'b', `users ${ids.map((i) => `#${i}`).join(', ')} were created with the same external id ${x}`);
  }

  // c: one created ticket per contact; no duplicate (external id, requester) in a single-leg chain.
  const createdBy = new Map<string, number[]>();
  for (const t of createdTickets) {
    const c = creatorOf(t);
    if (c) add(createdBy, c, t.id);
  }
  for (const [c, ids] of createdBy) {
    if (ids.length > 1) push('duplicate-ticket', 'c', `contact ${c} created ${ids.length} tickets: ${ids.map((i) => `#${i}`).join(', ')}`, c);
  }
  const byChainRequester = new Map<string, number[]>();
  for (const t of createdTickets) {
    const x = externalIdOf(t);
    if (!x?.startsWith(APP_PREFIX)) continue;
    const chain = x.slice(APP_PREFIX.length);
    if ((facts.chains.get(chain)?.length ?? 0) > 1) continue;
    add(byChainRequester, `${x}\u0000${t.requester_id}`, t.id);
  }
  for (const [key, ids] of byChainRequester) {
    const [x, requester] = key.split('\u0000');
    if (ids.length > 1) {
      const c = x!.slice(APP_PREFIX.length);
      if ((createdBy.get(c)?.length ?? 0) > 1) continue; // already reported above
      push('duplicate-ticket', 'c', `tickets ${ids.map((i) => `#${i}`).join(', ')} share external id ${x} and requester #${requester}`, c);
    }
  }
  for (const [label, map] of [
    ['call details', art.voice],
    ['chat transcript', art.chat],
    ['task note', art.task],
  ] as const) {
    for (const [c, tickets] of map) {
      const distinct = uniq(tickets);
      if (distinct.length > 1) push('leg-on-two-tickets', 'c', `the ${label} of contact ${c} are on tickets ${distinct.map((i) => `#${i}`).join(', ')}`, c);
    }
  }

  // d: per ticket, each leg once.
  for (const t of report.tickets) {
    const seen = new Map<string, number>();
    const started = new Map<string, number>();
    for (const c of t.comments) {
      if (c.type !== 'VoiceComment') continue;
      const leg = legOfVoiceComment(c.data);
      if (leg) seen.set(leg, (seen.get(leg) ?? 0) + 1);
      const s = typeof c.data?.started_at === 'string' ? c.data.started_at : null;
      if (s) started.set(s, (started.get(s) ?? 0) + 1);
    }
    const dupLegs = [...seen].filter(([, n]) => n > 1);
    for (const [leg, n] of dupLegs) push('duplicate-comment', 'd', `ticket #${t.id} has ${n} VoiceComments for contact ${leg}`, leg);
    if (dupLegs.length === 0) {
      for (const [s, n] of started) if (n > 1) push('duplicate-comment', 'd', `ticket #${t.id} has ${n} VoiceComments started at ${s}`);
    }
  }
  for (const [label, map] of [
    ['chat transcripts', art.chat],
    ['task notes', art.task],
    ['agent-notification notes', art.notes],
  ] as const) {
    for (const [c, tickets] of map) {
      for (const id of uniq(tickets)) {
        const n = tickets.filter((x) => x === id).length;
        if (n > 1) push('duplicate-comment', 'd', `ticket #${id} has ${n} ${label} for contact ${c}`, c);
      }
    }
  }

  // e, f: each contact against what its inputs require.
  const expectations = new Map<string, Expectation>();
  const outcome = (f: ContactFacts) => report.contacts.find((c) => c.id === f.id && c.agent === f.agent);
  for (const f of facts.contacts) {
    const e = expectationFor(scenario, facts, f);
    expectations.set(f.id, e);
    const o = outcome(f);
    const ticketId = o?.ticket_id ?? null;
    const legTickets = uniq([...(art.voice.get(f.id) ?? []), ...(art.chat.get(f.id) ?? []), ...(art.task.get(f.id) ?? [])]);

    if (e.mustNothing) {
      const made: string[] = [];
      if (ticketId !== null) made.push(`report.contacts ticket_id ${ticketId}`);
      const tickets = createdBy.get(f.id) ?? [];
      if (tickets.length) made.push(`ticket(s) ${tickets.map((i) => `#${i}`).join(', ')}`);
      const users = createdUsers.filter((u) => ext[u.id] === APP_PREFIX + f.id).map((u) => `#${u.id}`);
      if (users.length) made.push(`user(s) ${users.join(', ')}`);
      if (legTickets.length) made.push(`its details on ${legTickets.map((i) => `#${i}`).join(', ')}`);
      if (made.length) push('dropped-contact-created', 'f', `${f.id} (${e.why}) created ${made.join('; ')}`, f.id);
      continue;
    }

    if (ticketId !== null && !ticketById.has(ticketId)) {
      push('outcome-mismatch', 'e', `report.contacts says ${f.id} is on ticket #${ticketId}, which does not exist`, f.id);
      continue;
    }
    if (e.mustTicket && ticketId === null) {
      push('missing-ticket', 'e', `${f.id} (${f.channel} ${f.initiation}, agent ${f.agent}) has no ticket, but must: ${e.why}`, f.id);
      continue;
    }
    if (e.exactTicket !== null && ticketId !== null && ticketId !== e.exactTicket) {
      push('wrong-ticket', 'e', `${f.id} is on ticket #${ticketId}, but must be on #${e.exactTicket}: ${e.why}`, f.id);
    }
    if (e.notTicketOf !== null && ticketId !== null) {
      const first = report.contacts.find((c) => c.id === e.notTicketOf);
      if (first?.ticket_id === ticketId) {
        push('forced-transfer-reused-ticket', 'e', `forced transfer leg ${f.id} is on #${ticketId}, the ticket of the first leg ${e.notTicketOf}; force mode makes a new ticket`, f.id);
      }
    }
    if (ticketId !== null && e.artefact !== null) {
      const on = (e.artefact === 'voice' ? art.voice : e.artefact === 'chat' ? art.chat : art.task).get(f.id) ?? [];
      const here = on.filter((x) => x === ticketId).length;
      if (here === 0) {
        const elsewhere = uniq(on);
        push(
          elsewhere.length ? 'outcome-mismatch' : 'missing-details',
          'e',
          `${f.id} is on ticket #${ticketId} but its ${e.artefact === 'voice' ? 'call details are' : e.artefact === 'chat' ? 'transcript is' : 'task note is'} ${
            elsewhere.length ? `on ${elsewhere.map((i) => `#${i}`).join(', ')}` : 'not there'
          }`,
          f.id,
        );
      }
    }
    if (ticketId === null && legTickets.length) {
      push('outcome-mismatch', 'e', `report.contacts says ${f.id} has no ticket, but its details are on ${legTickets.map((i) => `#${i}`).join(', ')}`, f.id);
    }
  }

  // g: the shape of every created ticket.
  for (const t of createdTickets) {
    const c = creatorOf(t);
    const f = c ? facts.byId.get(c) : undefined;
    if (!f) {
      push('ticket-shape', 'g', `created ticket #${t.id} does not name a contact of the scenario in its first comment`);
      continue;
    }
    const problems: string[] = [];
    if (f.channel === 'voice') {
      const want = f.initiation === 'outbound' ? 46 : 45;
      if (t.via_id !== want) problems.push(`via_id ${String(t.via_id)}, expected ${want}`);
    } else if (t.via_id === 45 || t.via_id === 46) {
      problems.push(`via_id ${t.via_id} on a ${f.channel} ticket`);
    }
    if (!t.tags.includes('amazon_connect')) problems.push(`tags [${t.tags.join(', ')}] lack amazon_connect`);
    // (external_id is not checked: attaching a later contact to a ticket re-marks it for that chain.)
    if (problems.length) push('ticket-shape', 'g', `ticket #${t.id} (${f.channel} ${f.initiation} contact ${f.id}): ${problems.join('; ')}`, f.id);
  }

  return { violations: v, facts, expectations, createdTickets, createdUsers: createdUsers.length };
}
