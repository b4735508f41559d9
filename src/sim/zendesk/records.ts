// The records of the in-memory Zendesk, kept as immutable versions so that search can
// answer from each record's state as of (now − index delay), while direct reads are live.

import { digitsOf, parseIso } from './http';
import type {
  TicketAccess,
  CustomFieldValue,
  SimClock,
  TicketStatus,
  UserRole,
  ZendeskBrandSeed,
  ZendeskInit,
  ZendeskInstallation,
  ZendeskTicketFieldSeed,
  ZendeskUserFieldSeed,
  ZendeskDisplay,
} from './types';

export interface UserState {
  readonly id: number;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  /** Digits of `phone` (no +, spaces, dashes...). */
  readonly phoneDigits: string;
  readonly role: UserRole;
  readonly user_fields: Readonly<Record<string, unknown>>;
  readonly external_id: string | null;
  readonly organization_id: number | null;
  readonly tags: readonly string[];
  /** Further phone numbers (identities of type phone_number), as given. */
  readonly phoneIdentities: readonly string[];
  /** Digits of every phone the user can be found by: `phone` first, then the identities. */
  readonly allPhoneDigits: readonly string[];
  /** An agent's permissions (seeded only; the app never changes them). */
  readonly access: AgentAccess;
  readonly createdMs: number;
  readonly updatedMs: number;
}

export interface AgentAccess {
  readonly canManageEndUsers: boolean;
  readonly tickets: TicketAccess;
  readonly groupIds: readonly number[];
  /** Brand memberships (Zendesk's brand agents, "department spaces"): null = every brand. */
  readonly brandIds: readonly number[] | null;
}

export const FULL_ACCESS: AgentAccess = { canManageEndUsers: true, tickets: 'all', groupIds: [], brandIds: null };

export interface ViaSource {
  readonly from: Readonly<Record<string, unknown>>;
  readonly to: Readonly<Record<string, unknown>>;
  readonly rel: string | null;
}

export interface TicketState {
  readonly id: number;
  readonly requester_id: number;
  readonly submitter_id: number;
  readonly assignee_id: number | null;
  readonly group_id: number | null;
  readonly organization_id: number | null;
  readonly brand_id: number | null;
  readonly subject: string | null;
  /** Body of the first comment. */
  readonly description: string | null;
  readonly status: TicketStatus;
  readonly via_id: number;
  readonly via_source: ViaSource;
  readonly tags: readonly string[];
  /** Set values, ordered by field id. */
  readonly custom_fields: readonly CustomFieldValue[];
  readonly external_id: string | null;
  readonly type: string | null;
  readonly priority: string | null;
  readonly is_public: boolean;
  readonly createdMs: number;
  readonly updatedMs: number;
}

export interface CommentRecord {
  readonly id: number;
  readonly type: 'Comment' | 'VoiceComment';
  readonly author_id: number;
  readonly public: boolean;
  readonly body: string;
  /** The HTML as sent, when html_body was given. */
  readonly html_body: string | null;
  readonly data: Readonly<Record<string, unknown>> | null;
  readonly audit_id: number;
  readonly via_id: number;
  readonly createdMs: number;
  /**
   * A Talk Partner Edition voice comment: it shows this call record as it is when read, so
   * `body` and `data` are rendered from the record (render.ts); the stored ones are as of
   * the comment's creation (the ticket's description and the audit).
   */
  readonly call?: CallCommentRef;
}

/** What a TPE voice comment keeps of its own: the call it shows and its title. */
export interface CallCommentRef {
  readonly id: number;
  readonly title: string | null;
}

/**
 * A Talk Partner Edition call record (the standard call object, POST /api/v2/calls): its
 * fields as stored, by Zendesk's names (docs/zendesk-calls-api.md).
 */
export interface CallState {
  readonly id: number;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly createdMs: number;
  readonly updatedMs: number;
}

/** The app id the simulated installation has (ZAF `metadata().appId`, a call's `app_id`). */
export const SIM_APP_ID = 360001;

interface Version<T> {
  readonly atMs: number;
  readonly state: T | null;
}

/**
 * Each record's history: the versions search may still need. A version is dropped once a
 * later one is itself older than the delay (time never goes back), so a record that is
 * never written keeps one version, whatever the traffic.
 */
export class Versioned<T> {
  private readonly history = new Map<number, Version<T>[]>();

  constructor(private readonly delayMs: number) {}

  live(id: number): T | undefined {
    const vs = this.history.get(id);
    return vs?.[vs.length - 1]?.state ?? undefined;
  }

  /** The state visible to search at time `t`, or undefined (absent or not indexed yet). */
  asOf(id: number, t: number): T | undefined {
    const vs = this.history.get(id);
    if (!vs) return undefined;
    for (let i = vs.length - 1; i >= 0; i--) {
      const v = vs[i]!;
      if (v.atMs <= t) return v.state ?? undefined;
    }
    return undefined;
  }

  /** Records `state` (null = deleted) as of `atMs`. */
  write(id: number, state: T | null, atMs: number): void {
    let vs = this.history.get(id);
    if (!vs) {
      vs = [];
      this.history.set(id, vs);
    }
    vs.push({ atMs, state });
    const horizon = atMs - this.delayMs;
    let drop = 0;
    while (drop < vs.length - 1 && vs[drop + 1]!.atMs <= horizon) drop++;
    if (drop > 0) vs.splice(0, drop);
  }

  has(id: number): boolean {
    return this.live(id) !== undefined;
  }

  ids(): IterableIterator<number> {
    return this.history.keys();
  }

  get size(): number {
    return this.history.size;
  }

  maxId(): number {
    let max = 0;
    for (const id of this.history.keys()) if (id > max) max = id;
    return max;
  }
}

/** key → ids of records that have (or had, in a version search may still see) that key. */
export class MultiIndex {
  private readonly map = new Map<string, Set<number>>();

  add(key: string | null | undefined, id: number): void {
    if (key === null || key === undefined || key === '') return;
    let set = this.map.get(key);
    if (!set) {
      set = new Set();
      this.map.set(key, set);
    }
    set.add(id);
  }

  get(key: string): ReadonlySet<number> {
    return this.map.get(key) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<number> = new Set();

/** Zendesk cuts comment bodies over 64 kB, silently (DESIGN.md, "Zendesk limits that bite"). */
export const DEFAULT_COMMENT_MAX_BYTES = 65_536;
/** "A ticket can contain up to 5000 comments … additional attempts … result in a 422 error" (Ticket Comments API reference). */
export const MAX_COMMENTS_PER_TICKET = 5000;

/** Number of trailing digits the phone index is keyed on. */
export const PHONE_KEY_DIGITS = 4;

export const phoneKey = (digits: string): string => digits.slice(-PHONE_KEY_DIGITS);

export function normaliseTags(tags: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    if (typeof t !== 'string' && typeof t !== 'number') continue;
    for (const part of String(t).toLowerCase().split(/[\s,]+/)) {
      if (part !== '' && !out.includes(part)) out.push(part);
    }
  }
  return out;
}

export const SYSTEM_TICKET_FIELD_TYPES = new Set([
  'subject',
  'description',
  'status',
  'custom_status',
  'tickettype',
  'priority',
  'group',
  'assignee',
  'brand',
]);

export const VOICE_VIA_IDS = new Set([44, 45, 46]);

export function viaChannel(viaId: number): string {
  switch (viaId) {
    case 0:
      return 'web';
    case 4:
      return 'email';
    case 29:
      return 'chat';
    case 33:
    case 34:
    case 35:
    case 44:
    case 45:
    case 46:
      return 'voice';
    default:
      return 'api';
  }
}

export function viaRel(viaId: number): string | null {
  if (viaId === 44) return 'voicemail';
  if (viaId === 45) return 'inbound';
  if (viaId === 46) return 'outbound';
  return null;
}

export interface InstallationState {
  id: number;
  appId: number;
  settings: Record<string, unknown>;
  createdMs: number;
  updatedMs: number;
}

/** All state of one in-memory Zendesk. */
export class ZendeskData {
  readonly delayMs: number;
  readonly startMs: number;
  readonly users: Versioned<UserState>;
  readonly tickets: Versioned<TicketState>;
  readonly comments = new Map<number, CommentRecord[]>();
  readonly usersByPhoneKey = new MultiIndex();
  readonly usersByEmail = new MultiIndex();
  readonly usersByExternalId = new MultiIndex();
  readonly ticketsByRequester = new MultiIndex();
  readonly ticketsByExternalId = new MultiIndex();
  readonly brands: readonly ZendeskBrandSeed[];
  readonly ticketFields: readonly ZendeskTicketFieldSeed[];
  readonly userFields: readonly ZendeskUserFieldSeed[];
  readonly customTicketFieldIds: ReadonlySet<number>;
  readonly userFieldKeys: ReadonlySet<string>;
  readonly displays: ZendeskDisplay[] = [];
  /** Talk Partner Edition call records, by id. */
  readonly calls = new Map<number, CallState>();
  /** Comment bodies are cut at this many UTF-8 bytes. */
  readonly commentMaxBytes: number;
  readonly validatePhoneNumbers: boolean;
  /** The account has Talk Partner Edition (its /api/v2/channels/voice endpoints answer). */
  readonly talkPartnerEdition: boolean;
  installation: InstallationState | null;
  private nextUser = 1;
  private nextTicket = 1;
  private nextComment = 1;
  private nextAudit = 1;
  private nextCall = 1;

  constructor(
    init: ZendeskInit,
    private readonly clock: SimClock,
    installation: ZendeskInstallation | undefined,
  ) {
    this.startMs = parseIso(init.start, clock.nowMs());
    this.delayMs = Math.max(0, (init.search_index_delay_seconds ?? 0) * 1000);
    this.users = new Versioned(this.delayMs);
    this.tickets = new Versioned(this.delayMs);
    this.brands = (init.brands ?? []).map((b) => ({ ...b }));
    this.ticketFields = (init.ticket_fields ?? []).map((f) => ({ ...f }));
    this.userFields = (init.user_fields ?? []).map((f) => ({ ...f }));
    this.customTicketFieldIds = new Set(
      this.ticketFields.filter((f) => !SYSTEM_TICKET_FIELD_TYPES.has(f.type)).map((f) => f.id),
    );
    this.userFieldKeys = new Set(this.userFields.map((f) => f.key));
    this.commentMaxBytes = Math.max(1, Math.floor(init.comment_max_bytes ?? DEFAULT_COMMENT_MAX_BYTES));
    this.validatePhoneNumbers = init.validate_phone_numbers === true;
    this.talkPartnerEdition = init.talk_partner_edition !== false;
    this.installation = installation
      ? {
          id: installation.id,
          appId: installation.app_id ?? SIM_APP_ID,
          settings: { ...installation.settings },
          createdMs: this.startMs,
          updatedMs: this.startMs,
        }
      : null;
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  /** The moment whose state search sees. */
  searchTimeMs(): number {
    return this.clock.nowMs() - this.delayMs;
  }

  defaultBrandId(): number | null {
    const b = this.brands.find((x) => x.default) ?? this.brands[0];
    return b ? b.id : null;
  }

  brandExists(id: number): boolean {
    return this.brands.some((b) => b.id === id);
  }

  allocateUserId(wanted?: number): number {
    const id = wanted !== undefined && !this.users.has(wanted) ? wanted : this.nextUser;
    this.nextUser = Math.max(this.nextUser, id + 1);
    return id;
  }

  allocateTicketId(wanted?: number): number {
    const id = wanted !== undefined && !this.tickets.has(wanted) ? wanted : this.nextTicket;
    this.nextTicket = Math.max(this.nextTicket, id + 1);
    return id;
  }

  allocateCommentId(): number {
    return this.nextComment++;
  }

  allocateAuditId(): number {
    return this.nextAudit++;
  }

  allocateCallId(): number {
    return this.nextCall++;
  }

  /** The installed app's id: what a call's `app_id` must be. */
  appId(): number {
    return this.installation?.appId ?? SIM_APP_ID;
  }

  /** Seeds are indexed since forever: `atMs` −∞. */
  writeUser(state: UserState, atMs: number): void {
    this.users.write(state.id, state, atMs);
    for (const d of state.allPhoneDigits) this.usersByPhoneKey.add(phoneKey(d), state.id);
    this.usersByEmail.add(state.email?.toLowerCase(), state.id);
    this.usersByExternalId.add(state.external_id?.toLowerCase(), state.id);
    this.nextUser = Math.max(this.nextUser, state.id + 1);
  }

  writeTicket(state: TicketState | null, id: number, atMs: number): void {
    this.tickets.write(id, state, atMs);
    if (state) {
      this.ticketsByRequester.add(String(state.requester_id), id);
      this.ticketsByExternalId.add(state.external_id?.toLowerCase(), id);
    }
    this.nextTicket = Math.max(this.nextTicket, id + 1);
  }

  addComment(ticketId: number, c: CommentRecord): void {
    let list = this.comments.get(ticketId);
    if (!list) {
      list = [];
      this.comments.set(ticketId, list);
    }
    list.push(c);
    this.nextComment = Math.max(this.nextComment, c.id + 1);
  }

  commentsOf(ticketId: number): readonly CommentRecord[] {
    return this.comments.get(ticketId) ?? [];
  }

  /** Live users with this email (case-insensitive). */
  liveUsersByEmail(email: string): UserState[] {
    const key = email.toLowerCase();
    const out: UserState[] = [];
    for (const id of this.usersByEmail.get(key)) {
      const u = this.users.live(id);
      if (u && u.email?.toLowerCase() === key) out.push(u);
    }
    return out;
  }

  liveUsersByExternalId(externalId: string): UserState[] {
    const key = externalId.toLowerCase();
    const out: UserState[] = [];
    for (const id of this.usersByExternalId.get(key)) {
      const u = this.users.live(id);
      if (u && u.external_id?.toLowerCase() === key) out.push(u);
    }
    return out;
  }

  liveTicketsByExternalId(externalId: string): TicketState[] {
    const key = externalId.toLowerCase();
    const out: TicketState[] = [];
    for (const id of this.ticketsByExternalId.get(key)) {
      const t = this.tickets.live(id);
      if (t && t.external_id?.toLowerCase() === key) out.push(t);
    }
    return out.sort((a, b) => a.id - b.id);
  }

  liveTicketsOfRequester(userId: number): TicketState[] {
    const out: TicketState[] = [];
    for (const id of this.ticketsByRequester.get(String(userId))) {
      const t = this.tickets.live(id);
      if (t && t.requester_id === userId) out.push(t);
    }
    return out.sort((a, b) => a.id - b.id);
  }

  userName(id: number): string | undefined {
    return this.users.live(id)?.name;
  }

  makeUserState(fields: Omit<UserState, 'phoneDigits' | 'allPhoneDigits'>): UserState {
    const phoneDigits = digitsOf(fields.phone);
    const allPhoneDigits = [phoneDigits, ...fields.phoneIdentities.map(digitsOf)].filter((d, i, all) => d !== '' && all.indexOf(d) === i);
    return { ...fields, phoneDigits, allPhoneDigits };
  }

  /** Whether this agent may see the ticket (Zendesk's "ticket access" of the agent's role). */
  canSee(actor: UserState, t: TicketState): boolean {
    if (actor.role === 'admin') return true;
    const a = actor.access;
    // Tickets assigned to the agent, or requested or submitted by them, stay visible under every
    // restriction (an assumption: a restricted agent can go on working the tickets it creates).
    if (a.tickets === 'all' || t.assignee_id === actor.id || t.requester_id === actor.id || t.submitter_id === actor.id) return true;
    return a.tickets === 'groups' && t.group_id !== null && a.groupIds.includes(t.group_id);
  }

  /** Comments already on the ticket count against Zendesk's 5,000 per ticket. */
  commentCount(ticketId: number): number {
    return this.comments.get(ticketId)?.length ?? 0;
  }
}
