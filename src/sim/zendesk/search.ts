// Zendesk search syntax over the records as they were indexed (now − delay).
//
// Terms are space separated and ANDed: `key:value`, `key<value`, `key>value`, `key<=value`,
// `key>=value`, quoted values (`name:"Jane Doe"`), bare words or "quoted phrases", and a
// leading `-` to exclude. `*` is a wildcard (`phone:*123456` = the stored phone's digits end
// with 123456, whatever its format). `type:`, `order_by:` and `sort:` steer the search.

import { digitsOf } from './http';
import { PHONE_KEY_DIGITS, phoneKey, viaChannel, type TicketState, type UserState, type ZendeskData } from './records';
import { STATUSES } from './tickets';

export type SearchKind = 'user' | 'ticket';
type Op = ':' | '<' | '>' | '<=' | '>=';

export interface SearchTerm {
  negate: boolean;
  /** null for a bare word or phrase. */
  key: string | null;
  op: Op;
  value: string;
  quoted: boolean;
}

export interface ParsedQuery {
  terms: SearchTerm[];
  /** null = no `type:` term; an empty set = a type that matches nothing. */
  kinds: Set<SearchKind> | null;
  orderBy: string | null;
  sort: 'asc' | 'desc' | null;
}

function tokenize(q: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (const ch of q) {
    if (ch === '"') inQuote = !inQuote;
    if (!inQuote && /\s/.test(ch)) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur !== '') out.push(cur);
  return out;
}

function unquote(v: string): { value: string; quoted: boolean } {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return { value: v.slice(1, -1), quoted: true };
  return { value: v.replace(/"/g, ''), quoted: false };
}

const TERM_RE = /^([A-Za-z_][A-Za-z0-9_.]*?)(<=|>=|:|<|>)(.*)$/s;

export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], kinds: null, orderBy: null, sort: null };
  for (let tok of tokenize(q)) {
    let negate = false;
    if (tok.startsWith('-') && tok.length > 1) {
      negate = true;
      tok = tok.slice(1);
    }
    const m = TERM_RE.exec(tok);
    if (!m || m[3] === '') {
      const { value, quoted } = unquote(tok);
      if (value !== '') parsed.terms.push({ negate, key: null, op: ':', value, quoted });
      continue;
    }
    const key = m[1]!.toLowerCase();
    const op = m[2] as Op;
    const { value, quoted } = unquote(m[3]!);
    if (key === 'type' && !negate) {
      const kind = value.toLowerCase();
      const these = new Set<SearchKind>(kind === 'user' || kind === 'ticket' ? [kind] : []);
      parsed.kinds = parsed.kinds === null ? these : new Set([...parsed.kinds].filter((k) => these.has(k)));
      continue;
    }
    if (key === 'order_by') {
      parsed.orderBy = value.toLowerCase();
      continue;
    }
    if (key === 'sort') {
      parsed.sort = value.toLowerCase() === 'asc' ? 'asc' : 'desc';
      continue;
    }
    parsed.terms.push({ negate, key, op, value, quoted });
  }
  return parsed;
}

// ---- value comparison -------------------------------------------------------------------

/** Compiles `*` patterns once per search (no state outlives a search). */
class Globs {
  private readonly cache = new Map<string, RegExp>();

  get(pattern: string, whole: boolean): RegExp {
    const cacheKey = `${whole ? 'w' : 'c'}${pattern}`;
    let re = this.cache.get(cacheKey);
    if (!re) {
      const body = pattern
        .toLowerCase()
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      re = new RegExp(whole ? `^${body}$` : body, 's');
      this.cache.set(cacheKey, re);
    }
    return re;
  }
}

/** Case-insensitive equality, with `*` wildcards. */
function textEq(stored: unknown, value: string, g: Globs): boolean {
  if (stored === null || stored === undefined) return false;
  if (Array.isArray(stored)) return stored.some((s) => textEq(s, value, g));
  const s = String(stored).toLowerCase();
  if (value.includes('*')) return g.get(value, true).test(s);
  return s === value.toLowerCase();
}

function textContains(stored: string | null | undefined, value: string, g: Globs): boolean {
  if (!stored) return false;
  if (value.includes('*')) return g.get(value, false).test(stored.toLowerCase());
  return stored.toLowerCase().includes(value.toLowerCase());
}

function phoneMatches(storedDigits: string, value: string): boolean {
  const digits = digitsOf(value);
  if (digits === '' || storedDigits === '') return false;
  const lead = value.trimStart().startsWith('*');
  const trail = value.trimEnd().endsWith('*');
  if (lead && trail) return storedDigits.includes(digits);
  if (lead) return storedDigits.endsWith(digits);
  if (trail) return storedDigits.startsWith(digits);
  return storedDigits === digits;
}

function nameMatches(name: string, value: string, quoted: boolean, g: Globs): boolean {
  if (quoted) return name.toLowerCase() === value.toLowerCase();
  if (textEq(name, value, g)) return true;
  return name.split(/\s+/).some((w) => textEq(w, value, g));
}

function numEq(stored: number | null, value: string): boolean {
  if (value.toLowerCase() === 'none') return stored === null;
  return stored !== null && String(stored) === value.trim();
}

function compare(stored: number, op: Op, target: number): boolean {
  switch (op) {
    case '<':
      return stored < target;
    case '>':
      return stored > target;
    case '<=':
      return stored <= target;
    case '>=':
      return stored >= target;
    default:
      return stored === target;
  }
}

const DAY_MS = 86_400_000;
const UNIT_MS: Record<string, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30 * DAY_MS,
  year: 365 * DAY_MS,
};

function dateMatches(storedMs: number, op: Op, value: string, nowMs: number): boolean {
  const rel = /^(\d+)\s*(minute|hour|day|week|month|year)s?$/i.exec(value.trim());
  if (rel) return compare(storedMs, op, nowMs - Number(rel[1]) * UNIT_MS[rel[2]!.toLowerCase()]!);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    const start = Date.parse(`${value.trim()}T00:00:00Z`);
    if (Number.isNaN(start)) return false;
    const end = start + DAY_MS;
    switch (op) {
      case '<':
        return storedMs < start;
      case '<=':
        return storedMs < end;
      case '>':
        return storedMs >= end;
      case '>=':
        return storedMs >= start;
      default:
        return storedMs >= start && storedMs < end;
    }
  }
  const t = Date.parse(value.trim());
  if (Number.isNaN(t)) return false;
  if (op === ':') return Math.floor(storedMs / 1000) === Math.floor(t / 1000);
  return compare(storedMs, op, t);
}

function statusMatches(status: string, op: Op, value: string): boolean {
  const target = STATUSES.indexOf(value.toLowerCase() as (typeof STATUSES)[number]);
  if (target < 0) return false;
  return compare(STATUSES.indexOf(status as (typeof STATUSES)[number]), op, target);
}

// ---- matching one record ----------------------------------------------------------------

interface MatchContext {
  nowMs: number;
  globs: Globs;
  userEmail(id: number): string | null | undefined;
}

function matchUserTerm(u: UserState, t: SearchTerm, ctx: MatchContext): boolean {
  const v = t.value;
  switch (t.key) {
    case null: {
      if (textContains(u.name, v, ctx.globs) || textContains(u.email, v, ctx.globs)) return true;
      const digits = digitsOf(v);
      return digits.length >= 3 && /^[\d\s+().-]+$/.test(v) && u.allPhoneDigits.some((p) => p.includes(digits));
    }
    case 'name':
      return nameMatches(u.name, v, t.quoted, ctx.globs);
    case 'email':
      return textEq(u.email, v, ctx.globs);
    case 'phone':
      // Every phone identity is searchable, not only the primary `phone`.
      return u.allPhoneDigits.some((p) => phoneMatches(p, v));
    case 'role':
      return textEq(u.role, v, ctx.globs);
    case 'external_id':
      return textEq(u.external_id, v, ctx.globs);
    case 'tags':
    case 'tag':
      return u.tags.some((tag) => textEq(tag, v, ctx.globs));
    case 'organization':
    case 'organization_id':
      return numEq(u.organization_id, v);
    case 'created':
    case 'created_at':
      return dateMatches(u.createdMs, t.op, v, ctx.nowMs);
    case 'updated':
    case 'updated_at':
      return dateMatches(u.updatedMs, t.op, v, ctx.nowMs);
    default:
      // A custom user field, searched by its key.
      return Object.prototype.hasOwnProperty.call(u.user_fields, t.key) && textEq(u.user_fields[t.key], v, ctx.globs);
  }
}

function matchTicketTerm(tk: TicketState, t: SearchTerm, ctx: MatchContext): boolean {
  const v = t.value;
  switch (t.key) {
    case null:
      return textContains(tk.subject, v, ctx.globs) || textContains(tk.description, v, ctx.globs) || String(tk.id) === v;
    case 'requester':
    case 'requester_id':
      return /^\d+$/.test(v) ? tk.requester_id === Number(v) : textEq(ctx.userEmail(tk.requester_id), v, ctx.globs);
    case 'submitter':
    case 'submitter_id':
      return numEq(tk.submitter_id, v);
    case 'assignee':
    case 'assignee_id':
      return numEq(tk.assignee_id, v);
    case 'brand':
    case 'brand_id':
      return numEq(tk.brand_id, v);
    case 'organization':
    case 'organization_id':
      return numEq(tk.organization_id, v);
    case 'status':
      return statusMatches(tk.status, t.op, v);
    case 'subject':
      return textContains(tk.subject, v, ctx.globs);
    case 'description':
    case 'comment':
      return textContains(tk.description, v, ctx.globs);
    case 'external_id':
      return textEq(tk.external_id, v, ctx.globs);
    case 'tags':
    case 'tag':
      return tk.tags.some((tag) => textEq(tag, v, ctx.globs));
    case 'ticket_type':
      return textEq(tk.type, v, ctx.globs);
    case 'priority':
      return textEq(tk.priority, v, ctx.globs);
    case 'via':
      return textEq(viaChannel(tk.via_id), v, ctx.globs);
    case 'created':
    case 'created_at':
      return dateMatches(tk.createdMs, t.op, v, ctx.nowMs);
    case 'updated':
    case 'updated_at':
      return dateMatches(tk.updatedMs, t.op, v, ctx.nowMs);
    default: {
      const m = /^custom_field_(\d+)$/.exec(t.key);
      if (!m) return false;
      const f = tk.custom_fields.find((x) => x.id === Number(m[1]));
      return !!f && textEq(f.value, v, ctx.globs);
    }
  }
}

// ---- running a search -------------------------------------------------------------------

export type SearchHit = { kind: 'user'; state: UserState } | { kind: 'ticket'; state: TicketState };

/** The smallest candidate set an index can give for these terms, or null (scan all). */
function userCandidates(data: ZendeskData, terms: readonly SearchTerm[]): Iterable<number> | null {
  let best: ReadonlySet<number> | null = null;
  const consider = (s: ReadonlySet<number>): void => {
    if (best === null || s.size < best.size) best = s;
  };
  for (const t of terms) {
    if (t.negate) continue;
    if (t.key === 'phone' && !t.value.trimEnd().endsWith('*')) {
      const d = digitsOf(t.value);
      if (d.length >= PHONE_KEY_DIGITS) consider(data.usersByPhoneKey.get(phoneKey(d)));
    } else if (t.key === 'email' && !t.value.includes('*')) consider(data.usersByEmail.get(t.value.toLowerCase()));
    else if (t.key === 'external_id' && !t.value.includes('*')) {
      consider(data.usersByExternalId.get(t.value.toLowerCase()));
    }
  }
  return best;
}

function ticketCandidates(data: ZendeskData, terms: readonly SearchTerm[]): Iterable<number> | null {
  let best: ReadonlySet<number> | null = null;
  const consider = (s: ReadonlySet<number>): void => {
    if (best === null || s.size < best.size) best = s;
  };
  for (const t of terms) {
    if (t.negate) continue;
    if ((t.key === 'requester' || t.key === 'requester_id') && /^\d+$/.test(t.value)) {
      consider(data.ticketsByRequester.get(String(Number(t.value))));
    } else if (t.key === 'external_id' && !t.value.includes('*')) {
      consider(data.ticketsByExternalId.get(t.value.toLowerCase()));
    }
  }
  return best;
}

const TICKET_KEYS = new Set([
  'requester', 'requester_id', 'submitter', 'submitter_id', 'assignee', 'assignee_id', 'brand', 'brand_id',
  'organization', 'organization_id', 'status', 'subject', 'description', 'comment', 'external_id', 'tags', 'tag',
  'ticket_type', 'priority', 'via', 'created', 'created_at', 'updated', 'updated_at',
]);
const USER_KEYS = new Set([
  'name', 'email', 'phone', 'role', 'external_id', 'tags', 'tag', 'organization', 'organization_id',
  'created', 'created_at', 'updated', 'updated_at',
]);

/** Kinds that a positive term on a key the kind does not have rules out (keeps search linear). */
function possibleKinds(data: ZendeskData, terms: readonly SearchTerm[], kinds: SearchKind[]): SearchKind[] {
  return kinds.filter((kind) =>
    terms.every((t) => {
      if (t.negate || t.key === null) return true;
      if (kind === 'ticket') return TICKET_KEYS.has(t.key) || /^custom_field_\d+$/.test(t.key);
      return USER_KEYS.has(t.key) || !TICKET_KEYS.has(t.key) || data.userFieldKeys.has(t.key);
    }),
  );
}

export interface SearchOptions {
  /** Kinds this endpoint can return. */
  allowed: readonly SearchKind[];
  sortBy: string | null;
  sortOrder: string | null;
}

export function runSearch(data: ZendeskData, query: string, opts: SearchOptions): SearchHit[] {
  const parsed = parseQuery(query);
  const kinds = possibleKinds(
    data,
    parsed.terms,
    opts.allowed.filter((k) => parsed.kinds === null || parsed.kinds.has(k)),
  );
  const at = data.searchTimeMs();
  const ctx: MatchContext = { nowMs: data.nowMs(), globs: new Globs(), userEmail: (id) => data.users.live(id)?.email };
  const hits: SearchHit[] = [];
  if (kinds.includes('user')) {
    const ids = userCandidates(data, parsed.terms) ?? data.users.ids();
    for (const id of ids) {
      const u = data.users.asOf(id, at);
      if (u && parsed.terms.every((t) => matchUserTerm(u, t, ctx) !== t.negate)) hits.push({ kind: 'user', state: u });
    }
  }
  if (kinds.includes('ticket')) {
    const ids = ticketCandidates(data, parsed.terms) ?? data.tickets.ids();
    for (const id of ids) {
      const tk = data.tickets.asOf(id, at);
      if (tk && parsed.terms.every((t) => matchTicketTerm(tk, t, ctx) !== t.negate)) {
        hits.push({ kind: 'ticket', state: tk });
      }
    }
  }
  const sortBy = (opts.sortBy ?? parsed.orderBy ?? 'updated_at').toLowerCase();
  const dir = (opts.sortOrder ?? parsed.sort ?? 'desc').toLowerCase() === 'asc' ? 1 : -1;
  const key = (h: SearchHit): number => {
    if (sortBy === 'created_at' || sortBy === 'created') return h.state.createdMs;
    if (sortBy === 'status' && h.kind === 'ticket') return STATUSES.indexOf(h.state.status);
    return h.state.updatedMs;
  };
  hits.sort((a, b) => {
    const d = key(a) - key(b) || (a.kind === b.kind ? 0 : a.kind === 'user' ? -1 : 1) || a.state.id - b.state.id;
    return d * dir;
  });
  return hits;
}
