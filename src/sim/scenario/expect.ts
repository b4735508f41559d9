// The `expect` block of a scenario file, checked by `npm run -s simulate -- --check`.
// Browser-safe. The form is described in docs/scenarios.md.
//
// Rules, everywhere:
//  - an expectation object matches a report entry when every key it gives matches (a subset);
//    nested objects (`data`, `user_fields`) match as subsets too;
//  - `X_contains`: X contains the text, case-insensitively (a list: all of them, in that order);
//  - `X_include` / `X_exclude`: the list X holds all / none of the given items;
//  - `X_count`: the length of the list X (a number, or {"min", "max"});
//  - a list of expectations `X` matches the list X as an in-order subsequence, `X_exact` the
//    whole list (same length, element by element), `X_none`: no entry matches any of them;
//  - numbers may be given as {"min", "max"} ranges;
//  - ids of records created during the run are written "new:N" (the N-th created ticket or
//    user, by id): `ticket_id` refers to tickets, `requester_id`/`user_id`/`author_id`/
//    `answered_by_id`/`agent_id`/`end_user_id` to users, a pop's `id` to whatever its `kind` is.
import { z } from 'zod';
import type { SimReport } from './report';
import { anyJson, isPlainObject, strict } from './strict';

// ---------------------------------------------------------------------------------------
// Schema

const Id = z.int().min(1);
const Range = strict({ min: z.number().optional(), max: z.number().optional() }).refine(
  (r) => r.min !== undefined || r.max !== undefined,
  { error: 'a range needs "min", "max" or both' },
);
/** An exact count, or a {min, max} range. */
const Count = z.union([z.int().min(0), Range], { error: 'expected a count: a number or {"min": …, "max": …}' });
const NumberMatch = z.union([z.number(), Range], { error: 'expected a number or {"min": …, "max": …}' });
const NEW_REF = /^new:([1-9]\d*)$/;
/** A record id, or "new:N": the N-th record of that kind created during the run. */
const REF_ERROR = 'expected an id or "new:N" (the N-th record created during the run)';
const Ref = z.union([Id, z.string().regex(NEW_REF, { error: REF_ERROR })], { error: REF_ERROR });
/** Text to find, case-insensitively; a list: all of them, in this order. */
const Contains = z.union([z.string(), z.array(z.string()).min(1)], { error: 'expected a text or a list of texts' });
const DataMatch = z.union([z.string(), z.number(), z.boolean(), z.null(), Range, z.array(z.string())], {
  error: 'expected a value, {"min": …, "max": …} or a list of texts',
});

const origin = {
  agent: z.string().optional(),
  tab: z.int().min(1).optional(),
  step: z.int().min(0).optional(),
};

export const CommentExpectSchema = strict({
  type: z.enum(['Comment', 'VoiceComment']).optional(),
  author_id: Ref.optional(),
  public: z.boolean().optional(),
  body: z.string().optional(),
  body_contains: Contains.optional(),
  html_body: z.string().nullable().optional(),
  html_body_contains: Contains.optional(),
  /** Voice fields (from, to, call_duration, recording_url, started_at, answered_by_id), as a subset. */
  data: z.record(z.string(), DataMatch).optional(),
});

const bothSelectors = (what: string) => (e: { id?: number | undefined; new?: number | undefined }, ctx: z.core.$RefinementCtx) => {
  if (e.id !== undefined && e.new !== undefined) {
    ctx.addIssue({ code: 'custom', message: `a ${what} expectation takes "id" or "new", not both` });
  }
};

export const TicketExpectSchema = strict({
  /** Selects an existing (or known) ticket by id. */
  id: Id.optional(),
  /** Selects the N-th ticket created during the run (1-based, by id). */
  new: z.int().min(1).optional(),
  requester_id: Ref.optional(),
  brand_id: Id.nullable().optional(),
  via_id: z.int().nullable().optional(),
  status: z.enum(['new', 'open', 'pending', 'hold', 'solved', 'closed']).optional(),
  subject: z.string().nullable().optional(),
  subject_contains: Contains.optional(),
  /** The same set of tags (order ignored). */
  tags: z.array(z.string()).optional(),
  tags_include: z.array(z.string()).optional(),
  tags_exclude: z.array(z.string()).optional(),
  custom_fields_include: z.array(strict({ id: Id, value: anyJson() })).optional(),
  comments: z.array(CommentExpectSchema).optional(),
  comments_exact: z.array(CommentExpectSchema).optional(),
  comments_count: Count.optional(),
  last_comment: CommentExpectSchema.optional(),
}).superRefine(bothSelectors('ticket'));

export const UserExpectSchema = strict({
  id: Id.optional(),
  new: z.int().min(1).optional(),
  name: z.string().optional(),
  name_contains: Contains.optional(),
  role: z.enum(['end-user', 'agent', 'admin']).optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  user_fields: z.record(z.string(), anyJson()).optional(),
}).superRefine(bothSelectors('user'));

export const ContactExpectSchema = strict({
  /** Selects the contact (and, if given, the agent whose app saw it). */
  id: z.string().min(1),
  agent: z.string().optional(),
  mode: z.enum(['auto', 'agent', 'force']).optional(),
  ticket_id: Ref.nullable().optional(),
  user_id: Ref.nullable().optional(),
});

export const PopExpectSchema = strict({ ...origin, kind: z.enum(['ticket', 'user']).optional(), id: Ref.optional() });
export const NotificationExpectSchema = strict({
  ...origin,
  level: z.enum(['info', 'warning', 'error']).optional(),
  text: z.string().optional(),
  text_contains: Contains.optional(),
});
export const DialExpectSchema = strict({
  ...origin,
  number: z.string().optional(),
  queue: z.string().nullable().optional(),
});
export const RequestExpectSchema = strict({
  ...origin,
  method: z.string().optional(),
  path: z.string().optional(),
  path_contains: Contains.optional(),
  status: NumberMatch.optional(),
  at_ms: NumberMatch.optional(),
});
export const ErrorExpectSchema = strict({
  ...origin,
  message: z.string().optional(),
  message_contains: Contains.optional(),
});

const NullableText = z.string().nullable().optional();
const NullableNumber = NumberMatch.nullable().optional();

/** A Talk Partner Edition call record of the report (`calls`), by Zendesk's field names. */
export const CallExpectSchema = strict({
  id: Id.optional(),
  ticket_id: Ref.nullable().optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  from_line: NullableText,
  to_line: NullableText,
  agent_id: Ref.nullable().optional(),
  end_user_id: Ref.nullable().optional(),
  brand_id: Id.nullable().optional(),
  app_id: Id.optional(),
  call_started_at: NullableText,
  call_ended_at: NullableText,
  duration: NullableNumber,
  recording_url: NullableText,
  recording_url_contains: Contains.optional(),
  /** FORMAT.md's name for Zendesk's `call_disposition` (the report gives both). */
  disposition: NullableText,
  call_disposition: NullableText,
  completion_status: NullableText,
  call_recording_consent: NullableText,
  call_recording_consent_action: NullableText,
  call_type: NullableText,
  line_type: NullableText,
  queue_name: NullableText,
  external_id: NullableText,
  voicemail: z.boolean().nullable().optional(),
  hold_time: NullableNumber,
  talk_time: NullableNumber,
  wait_time: NullableNumber,
  queue_time: NullableNumber,
});

function listFields<N extends string, S extends z.ZodType>(name: N, item: S) {
  return {
    [name]: z.array(item).optional(),
    [`${name}_exact`]: z.array(item).optional(),
    [`${name}_none`]: z.array(item).optional(),
    [`${name}_count`]: Count.optional(),
  } as { [K in N | `${N}_exact` | `${N}_none`]: z.ZodOptional<z.ZodArray<S>> } & {
    [K in `${N}_count`]: z.ZodOptional<typeof Count>;
  };
}

export const ScenarioExpectSchema = strict({
  /** How many tickets exist at the end that were not in zendesk.tickets. */
  tickets_created: Count.optional(),
  /** How many users exist at the end that were not in zendesk.users. */
  users_created: Count.optional(),
  tickets: z.array(TicketExpectSchema).optional(),
  users: z.array(UserExpectSchema).optional(),
  contacts: z.array(ContactExpectSchema).optional(),
  /** No contact's outcome matches any of these (e.g. `{"ticket_id": null}`: every contact ended on a ticket). */
  contacts_none: z.array(ContactExpectSchema.partial()).optional(),
  contacts_count: Count.optional(),
  ...listFields('calls', CallExpectSchema),
  ...listFields('pops', PopExpectSchema),
  ...listFields('notifications', NotificationExpectSchema),
  ...listFields('dials', DialExpectSchema),
  ...listFields('requests', RequestExpectSchema),
  ...listFields('errors', ErrorExpectSchema),
});
export type ScenarioExpect = z.output<typeof ScenarioExpectSchema>;
export type TicketExpect = z.output<typeof TicketExpectSchema>;
export type UserExpect = z.output<typeof UserExpectSchema>;
export type CommentExpect = z.output<typeof CommentExpectSchema>;
export type ContactExpect = z.output<typeof ContactExpectSchema>;
export type CallExpect = z.output<typeof CallExpectSchema>;

// ---------------------------------------------------------------------------------------
// Checking

/** What the check needs from the scenario: which records existed before the run (pass the Scenario). */
export interface ExpectContext {
  zendesk: { users: ReadonlyArray<{ id: number }>; tickets: ReadonlyArray<{ id: number }> };
}

type Obj = Record<string, unknown>;
type Ns = 'ticket' | 'user';

interface Env {
  created: Record<Ns, number[]>;
}

const USER_REF_KEYS = new Set(['requester_id', 'user_id', 'author_id', 'answered_by_id', 'assignee_id', 'submitter_id', 'agent_id', 'end_user_id']);
const TICKET_REF_KEYS = new Set(['ticket_id']);
/** Lists of objects: an expected list is matched as a subsequence (other lists: as a set). */
const OBJECT_LISTS = new Set(['comments', 'custom_fields']);
/** `last_X` compares with the last entry of list Y. */
const LAST: Record<string, string> = { last_comment: 'comments' };
const NOUNS: Record<string, string> = {
  calls: 'call',
  pops: 'pop',
  notifications: 'notification',
  dials: 'dial',
  requests: 'request',
  errors: 'error',
  comments: 'comment',
  tickets: 'ticket',
  users: 'user',
  contacts: 'contact',
  tags: 'tag',
  custom_fields: 'custom field',
};
const noun = (list: string) => NOUNS[list] ?? 'entry';
const plural = (n: number, list: string) => `${n} ${n === 1 ? noun(list) : list}`;

function clip(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
/** Compact JSON with long strings shortened. */
function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' ? clip(x) : x));
}
function showList(items: unknown[], max = 4): string {
  const shown = items.slice(0, max).map(show).join(', ');
  return items.length > max ? `${shown}, … (${items.length - max} more)` : shown;
}

const isRange = (v: unknown): v is { min?: number; max?: number } =>
  isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k === 'min' || k === 'max');

function describeCount(c: number | { min?: number | undefined; max?: number | undefined }): string {
  if (typeof c === 'number') return String(c);
  if (c.min !== undefined && c.max !== undefined) return `${c.min}..${c.max}`;
  return c.min !== undefined ? `at least ${c.min}` : `at most ${c.max}`;
}
function inRange(n: number, c: number | { min?: number | undefined; max?: number | undefined }): boolean {
  if (typeof c === 'number') return n === c;
  return (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Which kind of record a "new:N" in field `key` refers to. */
function refNs(key: string, exp: Obj, act: Obj): Ns | undefined {
  if (USER_REF_KEYS.has(key)) return 'user';
  if (TICKET_REF_KEYS.has(key)) return 'ticket';
  if (key === 'id') {
    const kind = exp.kind ?? act.kind;
    return kind === 'user' ? 'user' : kind === 'ticket' ? 'ticket' : undefined;
  }
  return undefined;
}

type Resolved = { ok: true; id: number; text: string } | { ok: false; why: string };
function resolveNew(env: Env, ns: Ns, n: number): Resolved {
  const id = env.created[ns][n - 1];
  const count = env.created[ns].length;
  if (id === undefined) {
    return { ok: false, why: `only ${count} ${ns}${count === 1 ? ' was' : 's were'} created` };
  }
  return { ok: true, id, text: `new:${n} (${ns} ${id})` };
}

/** Mismatches of one value: `label: expected …, found …` fragments (none = it matches). */
function compareValue(label: string, key: string, e: unknown, a: unknown, exp: Obj, act: Obj, env: Env): string[] {
  if (typeof e === 'string') {
    const m = NEW_REF.exec(e);
    const ns = m ? refNs(key, exp, act) : undefined;
    if (m && ns) {
      const r = resolveNew(env, ns, Number(m[1]));
      if (!r.ok) return [`${label}: expected ${e}, but ${r.why}`];
      return a === r.id ? [] : [`${label}: expected ${r.text}, found ${show(a)}`];
    }
  }
  if (isRange(e)) {
    if (typeof a === 'number' && inRange(a, e)) return [];
    return [`${label}: expected ${describeCount(e)}, found ${show(a)}`];
  }
  if (Array.isArray(e)) {
    if (!Array.isArray(a)) return [`${label}: expected a list, found ${show(a)}`];
    if (!OBJECT_LISTS.has(key) && e.every(isPrimitive)) {
      const same = e.length === a.length && e.every((x) => a.includes(x)) && a.every((x) => e.includes(x));
      return same ? [] : [`${label}: expected ${show(e)}, found ${show(a)}`];
    }
    return subsequence(label, key, e as Obj[], a as Obj[], env);
  }
  if (isPlainObject(e)) {
    if (!isPlainObject(a)) return [`${label}: expected an object, found ${show(a)}`];
    return compare(e, a, env, new Set(), `${label}.`);
  }
  return deepEqual(e, a) ? [] : [`${label}: expected ${show(e)}, found ${show(a)}`];
}

function containsInOrder(text: string, parts: string[]): boolean {
  const hay = text.toLowerCase();
  let from = 0;
  for (const p of parts) {
    const at = hay.indexOf(p.toLowerCase(), from);
    if (at < 0) return false;
    from = at + p.length;
  }
  return true;
}

function itemMatches(e: unknown, a: unknown, env: Env): boolean {
  return isPlainObject(e) ? isPlainObject(a) && compare(e, a, env).length === 0 : deepEqual(e, a);
}

/** All mismatches between an expectation object and a report entry, as fragments. */
function compare(exp: Obj, act: Obj, env: Env, skip: ReadonlySet<string> = new Set(), prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, e] of Object.entries(exp)) {
    if (e === undefined || skip.has(key)) continue;
    const label = prefix + key;
    const suffix = /_(contains|include|exclude|count|exact|none)$/.exec(key)?.[1];
    const base = suffix ? key.slice(0, -suffix.length - 1) : key;
    const a = act[base];
    if (suffix === 'contains') {
      const parts = Array.isArray(e) ? (e as string[]) : [String(e)];
      if (typeof a !== 'string' || !containsInOrder(a, parts)) {
        const what = parts.length > 1 ? `${show(parts)} in this order` : show(parts[0]);
        out.push(`${label}: expected ${base} containing ${what}, found ${show(a)}`);
      }
    } else if (suffix === 'include' || suffix === 'exclude') {
      const list = Array.isArray(a) ? a : [];
      const bad = (e as unknown[]).filter((x) => list.some((y) => itemMatches(x, y, env)) !== (suffix === 'include'));
      if (bad.length) {
        out.push(`${label}: ${suffix === 'include' ? 'missing' : 'present'} ${showList(bad)} (found ${show(a)})`);
      }
    } else if (suffix === 'count') {
      const n = Array.isArray(a) ? a.length : undefined;
      const c = e as number | { min?: number; max?: number };
      if (n === undefined || !inRange(n, c)) out.push(`${label}: expected ${describeCount(c)}, found ${n ?? show(a)}`);
    } else if (suffix === 'exact') {
      out.push(...exact(label, base, e as Obj[], Array.isArray(a) ? (a as Obj[]) : [], env));
    } else if (suffix === 'none') {
      out.push(...none(label, base, e as Obj[], Array.isArray(a) ? (a as Obj[]) : [], env));
    } else if (LAST[key]) {
      const list = act[LAST[key]];
      const last: unknown = Array.isArray(list) ? list[list.length - 1] : undefined;
      if (!isPlainObject(last)) out.push(`${label}: expected a ${noun(LAST[key])}, found none`);
      else out.push(...compare(e as Obj, last, env, new Set(), `${label}.`));
    } else {
      out.push(...compareValue(label, key, e, a, exp, act, env));
    }
  }
  return out;
}

function closestEntry(e: Obj, acts: Obj[], env: Env): { index: number; diffs: string[] } | undefined {
  let best: { index: number; diffs: string[] } | undefined;
  acts.forEach((a, index) => {
    const diffs = compare(e, a, env);
    if (!best || diffs.length < best.diffs.length) best = { index, diffs };
  });
  return best;
}

/** `label` expectations must appear in `acts` in this order (other entries may come between). */
function subsequence(label: string, list: string, exps: Obj[], acts: Obj[], env: Env): string[] {
  const out: string[] = [];
  let pos = 0;
  let lastJ = -1;
  exps.forEach((e, j) => {
    const matches = (a: Obj) => compare(e, a, env).length === 0;
    const at = acts.findIndex((a, i) => i >= pos && matches(a));
    if (at >= 0) {
      pos = at + 1;
      lastJ = j;
      return;
    }
    const earlier = acts.findIndex((a, i) => i < pos && matches(a));
    if (earlier >= 0) {
      out.push(
        `${label}[${j}]: ${show(e)} is out of order: only ${noun(list)} #${earlier} matches, and it comes before ${noun(list)} #${pos - 1} (matched by ${label}[${lastJ}])`,
      );
      return;
    }
    if (acts.length === 0) {
      out.push(`${label}[${j}]: no ${noun(list)} matches ${show(e)}; there are no ${list}`);
      return;
    }
    const best = closestEntry(e, acts, env)!;
    out.push(
      `${label}[${j}]: no ${noun(list)} matches ${show(e)}; closest is ${noun(list)} #${best.index} ${show(acts[best.index])} (${best.diffs.join('; ')})`,
    );
  });
  return out;
}

/** The whole list, element by element. */
function exact(label: string, list: string, exps: Obj[], acts: Obj[], env: Env): string[] {
  const out: string[] = [];
  if (exps.length !== acts.length) {
    out.push(`${label}: expected ${plural(exps.length, list)}, found ${plural(acts.length, list)}${acts.length ? `: ${showList(acts)}` : ''}`);
  }
  for (let j = 0; j < Math.min(exps.length, acts.length); j++) {
    const diffs = compare(exps[j]!, acts[j]!, env);
    if (diffs.length) out.push(`${label}[${j}]: ${noun(list)} #${j} ${show(acts[j])} (${diffs.join('; ')})`);
  }
  return out;
}

/** No entry may match any of the expectations. */
function none(label: string, list: string, exps: Obj[], acts: Obj[], env: Env): string[] {
  const out: string[] = [];
  exps.forEach((e, j) => {
    const found = acts.filter((a) => compare(e, a, env).length === 0);
    if (found.length) {
      out.push(`${label}[${j}]: expected no ${noun(list)} matching ${show(e)}, found ${found.length}: ${showList(found)}`);
    }
  });
  return out;
}

const SELECTORS = new Set(['id', 'new']);

function checkRecords(label: string, ns: Ns, exps: Obj[], acts: Obj[], env: Env): string[] {
  const out: string[] = [];
  exps.forEach((e, j) => {
    const at = `${label}[${j}]`;
    let target: Obj | undefined;
    let name = '';
    if (typeof e.new === 'number') {
      const r = resolveNew(env, ns, e.new);
      if (!r.ok) {
        out.push(`${at}: expected new ${ns} ${e.new} (new:${e.new}), but ${r.why}`);
        return;
      }
      target = acts.find((a) => a.id === r.id);
      name = `${ns} ${r.id} = new:${e.new}`;
    } else if (typeof e.id === 'number') {
      target = acts.find((a) => a.id === e.id);
      name = `${ns} ${e.id}`;
      if (!target) {
        out.push(`${at}: expected ${ns} ${e.id}, found no such ${ns} (${ns}s: ${acts.map((a) => a.id).join(', ') || 'none'})`);
        return;
      }
    } else {
      if (acts.some((a) => compare(e, a, env, SELECTORS).length === 0)) return;
      const best = closestEntry(e, acts, env);
      out.push(
        best
          ? `${at}: no ${ns} matches ${show(e)}; closest is ${ns} ${String(acts[best.index]!.id)} (${best.diffs.join('; ')})`
          : `${at}: no ${ns} matches ${show(e)}; there are no ${ns}s`,
      );
      return;
    }
    const diffs = target ? compare(e, target, env, SELECTORS) : [`not in the report`];
    if (diffs.length) out.push(`${at} (${name}): ${diffs.join('; ')}`);
  });
  return out;
}

function checkContacts(exps: Obj[], acts: Obj[], env: Env): string[] {
  const out: string[] = [];
  exps.forEach((e, j) => {
    const at = `contacts[${j}]`;
    const who = `contact ${String(e.id)}${e.agent !== undefined ? `, agent ${String(e.agent)}` : ''}`;
    const candidates = acts.filter((a) => a.id === e.id && (e.agent === undefined || a.agent === e.agent));
    if (!candidates.length) {
      const ids = acts.map((a) => `${String(a.id)} (${String(a.agent)})`).join(', ') || 'none';
      out.push(`${at}: expected ${who}, found no such contact in the report (contacts: ${ids})`);
      return;
    }
    const diffs = candidates.map((c) => compare(e, c, env, new Set(['id', 'agent'])));
    if (diffs.some((d) => d.length === 0)) return;
    const first = candidates[0]!;
    out.push(`${at} (contact ${String(first.id)}, agent ${String(first.agent)}): ${diffs[0]!.join('; ')}`);
  });
  return out;
}

function checkCount(label: string, c: number | { min?: number; max?: number } | undefined, n: number, detail = ''): string[] {
  if (c === undefined || inRange(n, c)) return [];
  return [`${label}: expected ${describeCount(c)}, found ${n}${detail}`];
}

const LISTS = ['calls', 'pops', 'notifications', 'dials', 'requests', 'errors'] as const;

/**
 * Checks a run's report against a scenario's `expect` block. Returns one line per failed
 * expectation (empty: all passed). `scenario` tells which records existed before the run,
 * so that "new:N" and `*_created` can be worked out; records created by `zendesk` steps count
 * as created too.
 */
export function checkExpectations(expect: ScenarioExpect | undefined, report: SimReport, scenario: ExpectContext): string[] {
  if (!expect) return [];
  const givenTickets = new Set(scenario.zendesk.tickets.map((t) => t.id));
  const givenUsers = new Set(scenario.zendesk.users.map((u) => u.id));
  const env: Env = {
    created: {
      ticket: report.tickets.map((t) => t.id).filter((id) => !givenTickets.has(id)).sort((a, b) => a - b),
      user: report.users.map((u) => u.id).filter((id) => !givenUsers.has(id)).sort((a, b) => a - b),
    },
  };
  const ids = (list: number[]) => (list.length ? ` (${list.join(', ')})` : '');
  const out: string[] = [];
  out.push(...checkCount('tickets_created', expect.tickets_created, env.created.ticket.length, ids(env.created.ticket)));
  out.push(...checkCount('users_created', expect.users_created, env.created.user.length, ids(env.created.user)));
  const asObjs = (v: unknown[]) => v as unknown as Obj[];
  if (expect.tickets) out.push(...checkRecords('tickets', 'ticket', asObjs(expect.tickets), asObjs(report.tickets), env));
  if (expect.users) out.push(...checkRecords('users', 'user', asObjs(expect.users), asObjs(report.users), env));
  if (expect.contacts) out.push(...checkContacts(asObjs(expect.contacts), asObjs(report.contacts), env));
  if (expect.contacts_none) out.push(...none('contacts_none', 'contacts', asObjs(expect.contacts_none), asObjs(report.contacts), env));
  out.push(...checkCount('contacts_count', expect.contacts_count, report.contacts.length));
  for (const list of LISTS) {
    const acts = asObjs(report[list]);
    const ex = expect as Record<string, unknown>;
    const seq = ex[list];
    if (Array.isArray(seq)) out.push(...subsequence(list, list, seq as Obj[], acts, env));
    const ext = ex[`${list}_exact`];
    if (Array.isArray(ext)) out.push(...exact(`${list}_exact`, list, ext as Obj[], acts, env));
    const no = ex[`${list}_none`];
    if (Array.isArray(no)) out.push(...none(`${list}_none`, list, no as Obj[], acts, env));
    out.push(...checkCount(`${list}_count`, ex[`${list}_count`] as number | undefined, acts.length));
  }
  return out;
}
