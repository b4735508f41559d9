// The only module that knows Zendesk's REST paths and payloads.
import type { TicketFact, TicketStatus, UserFact } from '../domain/types';
import { ZendeskError } from './errors';
import type { Priority, Transport } from './transport';

interface UserJson {
  id: number;
  name: string;
  role: string;
  phone?: string | null;
  email?: string | null;
  user_fields?: Record<string, unknown>;
}

interface TicketJson {
  id: number;
  requester_id: number;
  status: string;
  subject?: string | null;
  brand_id?: number | null;
  created_at: string;
  updated_at: string;
  external_id?: string | null;
  custom_fields?: { id: number; value: unknown }[];
}

export interface TicketDetails extends TicketFact {
  externalId: string | null;
  customFields: { id: number; value: unknown }[];
}

export interface BrandJson {
  id: number;
  name: string;
  active?: boolean;
  default?: boolean;
}

/** Zendesk's ticket fields have an id and a title, no key; inactive ones are listed too. */
export interface TicketFieldJson {
  id: number;
  title: string;
  type: string;
  active?: boolean;
}

export interface UserFieldJson {
  id?: number;
  key: string;
  type: string;
  title?: string;
}

export interface VoiceCommentJson {
  from: string;
  to: string;
  recording_url?: string;
  started_at: string;
  call_duration: number;
  answered_by_id?: number;
  title?: string;
  location?: string;
  transcription_text?: string;
}

export interface NewTicket {
  requesterId: number;
  subject: string;
  /** Private note the ticket is created with (HTML, already escaped). */
  noteHtml: string;
  brandId: number | null;
  tags: string[];
  customFields: { id: number; value: string }[];
  /** The Connect contact id, so the ticket can be found again without search (transfers, reloads). */
  externalId: string;
  /** Talk Partner Edition via: 45 inbound, 46 outbound; null for chats and tasks. */
  voiceVia: 45 | 46 | null;
  /** Text only this contact's creation note holds: tells this contact's ticket from other legs' tickets. */
  marker: string;
  /** Call details to add at creation (a call that has already ended). */
  voiceComment?: VoiceCommentJson | null;
}

/**
 * Talk Partner Edition's standard call object (POST /api/v2/calls; docs/zendesk-calls-api.md).
 * Mandatory: app_id, from_line, to_line, call_started_at, direction.
 */
export interface CallRecordJson {
  app_id: number;
  from_line: string;
  to_line: string;
  /** ISO 8601. */
  call_started_at: string;
  direction: 'inbound' | 'outbound';
  call_ended_at?: string;
  /** Whole seconds. */
  duration?: number;
  agent_id?: number;
  end_user_id?: number;
  brand_id?: number;
  ticket_id?: number;
  recording_url?: string;
  queue_name?: string;
  /** The Connect contact id of this leg. */
  external_id?: string;
  completion_status?: string;
  call_recording_consent_action?: string;
}

/** The Talk Partner Edition voice comment a call record shows on its ticket. */
export interface CallCommentJson {
  title: string;
}

export type TicketRead = { kind: 'found'; ticket: TicketDetails } | { kind: 'not_found' } | { kind: 'hidden' };

export interface NewUser {
  name: string;
  phone: string | null;
  email: string | null;
  /** Marks the user as made for this contact, so a retry or another tab can find it live. */
  externalId: string;
}

const ROLES = new Set(['end-user', 'agent', 'admin']);
const STATUSES = new Set(['new', 'open', 'pending', 'hold', 'solved', 'closed']);

export function toUserFact(u: UserJson): UserFact {
  return {
    id: u.id,
    name: u.name,
    role: (ROLES.has(u.role) ? u.role : 'end-user') as UserFact['role'],
    phone: u.phone ?? null,
    email: u.email ?? null,
  };
}

export function toTicketDetails(t: TicketJson): TicketDetails {
  return {
    id: t.id,
    requesterId: t.requester_id,
    status: (STATUSES.has(t.status) ? t.status : 'open') as TicketStatus,
    subject: t.subject ?? '',
    brandId: t.brand_id ?? null,
    createdAtMs: Date.parse(t.created_at),
    updatedAtMs: Date.parse(t.updated_at),
    externalId: t.external_id ?? null,
    customFields: t.custom_fields ?? [],
  };
}

const enc = encodeURIComponent;

/** Pages of 100 a user search reads at most (Zendesk's search serves 1,000 results at most). */
const SEARCH_PAGES = 5;

export interface UserSearch {
  users: UserFact[];
  /** Every match was read (false: Zendesk had more pages than were read). */
  complete: boolean;
}

/**
 * Call details, transcripts, notes and Voice ID: they wait for a ringing contact's lookups and
 * for ticket writes when the account's limit is tight (rateGate.ts). Everything else keeps the
 * transport's default: reads decide what the agent sees, writes put a contact on its ticket.
 */
const DETAILS = { priority: 'details' } as const;

const EXTERNAL_ID_PREFIX = 'amazon-connect:';

/**
 * The external id the app gives a ticket (and a user it creates) for a Connect contact chain,
 * so transfers, other legs, reloads and retries find it with a live lookup instead of search.
 */
export function connectExternalId(contactId: string): string {
  return EXTERNAL_ID_PREFIX + contactId;
}

/** An external id the app may replace: none, or one it set itself for an earlier contact. */
export function externalIdIsOurs(externalId: string | null): boolean {
  return externalId === null || externalId === '' || externalId.startsWith(EXTERNAL_ID_PREFIX);
}

/**
 * An answer of a Talk Partner Edition endpoint that says the account has none: 403, or a 404
 * for the endpoint itself (a 404 RecordNotFound names a missing record, not the account's lack).
 */
export function refusesTalkPartnerEdition(status: number, code: unknown): boolean {
  return status === 403 || (status === 404 && code !== 'RecordNotFound');
}

function talkPartnerEditionMissing(e: unknown): boolean {
  return e instanceof ZendeskError && refusesTalkPartnerEdition(e.status, e.code);
}

export class ZendeskGateway {
  private brands: Promise<BrandJson[]> | null = null;
  private ticketFields: Promise<TicketFieldJson[]> | null = null;
  private userFields: Promise<UserFieldJson[]> | null = null;
  private restricted: Promise<boolean> | null = null;
  /** Zendesk refused Talk Partner Edition's call records (no Talk Partner Edition): createCall sends no more. */
  private callRecordsRefused = false;
  /** Zendesk refused Talk Partner Edition's voice channel: voice tickets go through the Tickets API. */
  private voiceChannelRefused = false;

  constructor(private readonly http: Transport) {}

  /**
   * Users matching a search query, page after page (100 a page) up to `maxPages`: a short
   * number can match more users than one page holds, and the one that matches exactly may be
   * on a later page. `complete` is false when Zendesk had more than was read.
   */
  async searchUsers(query: string, maxPages = SEARCH_PAGES): Promise<UserSearch> {
    const users: UserFact[] = [];
    for (let page = 1; ; page++) {
      const res = await this.http.get<{ users: UserJson[]; next_page?: string | null; count?: number }>(
        `/api/v2/users/search.json?query=${enc(query)}&per_page=100${page > 1 ? `&page=${page}` : ''}`,
      );
      users.push(...res.users.map(toUserFact));
      const more = res.users.length > 0 && (!!res.next_page || (typeof res.count === 'number' && res.count > users.length));
      if (!more) return { users, complete: true };
      if (page >= maxPages) return { users, complete: false };
    }
  }

  /**
   * A user's phone numbers: the primary one and further phone identities. The user record
   * carries only the primary `phone`; search finds users through any of them.
   */
  async userPhones(id: number): Promise<string[]> {
    const res = await this.http.get<{ identities: { type: string; value: string }[] }>(`/api/v2/users/${id}/identities.json`);
    return res.identities.filter((i) => i.type === 'phone_number').map((i) => i.value);
  }

  async getUser(id: number): Promise<UserFact | null> {
    try {
      const res = await this.http.get<{ user: UserJson }>(`/api/v2/users/${id}.json`);
      return toUserFact(res.user);
    } catch (e) {
      if (e instanceof ZendeskError && e.status === 404) return null;
      throw e;
    }
  }

  /** The ticket, or null when there is none or it is not visible to this agent. */
  async getTicket(id: number): Promise<TicketDetails | null> {
    const read = await this.readTicket(id);
    return read.kind === 'found' ? read.ticket : null;
  }

  /**
   * A ticket read that tells "no such ticket" (404) from "not visible to you" (403: a
   * restricted agent's role sees only some tickets, FORMAT.md "More fields of records").
   */
  async readTicket(id: number): Promise<TicketRead> {
    try {
      const res = await this.http.get<{ ticket: TicketJson }>(`/api/v2/tickets/${id}.json`);
      return { kind: 'found', ticket: toTicketDetails(res.ticket) };
    } catch (e) {
      if (e instanceof ZendeskError && e.status === 404) return { kind: 'not_found' };
      if (e instanceof ZendeskError && e.status === 403) return { kind: 'hidden' };
      throw e;
    }
  }

  /**
   * Whether this agent sees only some tickets: Zendesk's user record says so in
   * `ticket_restriction` ("groups", "assigned", …; null for full access) and `restricted_agent`
   * (Users API reference). Read once, and only when a missing ticket may be a hidden one.
   */
  seesOnlySomeTickets(): Promise<boolean> {
    this.restricted ??= this.http
      .get<{ user: { ticket_restriction?: string | null; restricted_agent?: boolean; role?: string } }>('/api/v2/users/me.json')
      .then((r) => r.user.role !== 'admin' && (r.user.restricted_agent === true || (r.user.ticket_restriction ?? null) !== null));
    this.restricted.catch(() => (this.restricted = null));
    return this.restricted;
  }

  /** Tickets carrying this external id; a live lookup, not subject to search indexing lag. */
  async ticketsByExternalId(externalId: string): Promise<TicketDetails[]> {
    const res = await this.http.get<{ tickets: TicketJson[] }>(`/api/v2/tickets.json?external_id=${enc(externalId)}`);
    return res.tickets.map(toTicketDetails);
  }

  /** The requester's most recently updated tickets, newest first (live, not search). */
  async recentRequestedTickets(userId: number, count = 5): Promise<TicketDetails[]> {
    const res = await this.http.get<{ tickets: TicketJson[] }>(
      `/api/v2/users/${userId}/tickets/requested.json?sort_by=updated_at&sort_order=desc&per_page=${count}`,
    );
    return res.tickets.map(toTicketDetails);
  }

  /** Creates an end user; a retry after an unknown outcome first looks for the user it may have made. */
  async createUser(user: NewUser): Promise<UserFact> {
    const body = {
      user: {
        name: user.name,
        role: 'end-user',
        external_id: user.externalId,
        ...(user.phone ? { phone: user.phone } : {}),
        ...(user.email ? { email: user.email } : {}),
      },
    };
    const res = await this.http.write<{ user: UserJson }>('POST', '/api/v2/users.json', body, {
      verify: async () => {
        const found = await this.userByExternalId(user.externalId);
        return found ? { user: { ...found } } : null;
      },
    });
    return toUserFact(res.user);
  }

  /** Exact, live lookup (not search, which lags behind new records). */
  async userByExternalId(externalId: string): Promise<UserFact | null> {
    const res = await this.http.get<{ users: UserJson[] }>(`/api/v2/users/search.json?external_id=${enc(externalId)}`);
    const u = res.users[0];
    return u ? toUserFact(u) : null;
  }

  /** A comment carrying `marker` is already on the ticket (a write whose answer was lost). */
  commentAlreadyAdded(ticketId: number, marker: string, priority: Priority = 'details'): Promise<boolean> {
    return this.commentExists(ticketId, marker, priority).then((x) => x === true);
  }

  async updateUser(id: number, changes: { phone?: string; user_fields?: Record<string, string> }): Promise<void> {
    await this.http.write('PUT', `/api/v2/users/${id}.json`, { user: changes }, DETAILS);
  }

  /** Creates the ticket of a contact; after an unknown outcome, finds it by its external id before repeating. */
  async createTicket(t: NewTicket): Promise<TicketDetails> {
    const ticket = {
      requester_id: t.requesterId,
      subject: t.subject,
      comment: { html_body: t.noteHtml, public: false },
      tags: t.tags,
      external_id: t.externalId,
      ...(t.brandId !== null ? { brand_id: t.brandId } : {}),
      ...(t.customFields.length ? { custom_fields: t.customFields } : {}),
      ...(t.voiceComment ? { voice_comment: t.voiceComment } : {}),
    };
    const verify = async () => {
      const found = await this.findCreatedTicket(t);
      return found ? { ticket: fromDetails(found) } : null;
    };
    if (t.voiceVia !== null && !this.voiceChannelRefused) {
      try {
        const voice = { ...ticket, via_id: t.voiceVia };
        const res = await this.http.write<{ ticket: TicketJson }>('POST', '/api/v2/channels/voice/tickets.json', { ticket: voice }, { verify });
        return toTicketDetails(res.ticket);
      } catch (e) {
        if (!talkPartnerEditionMissing(e)) throw e;
        // No Talk Partner Edition ("Use of this API requires Talk Partner Edition"): the
        // call still gets its ticket through the Tickets API, without the voice channel's via.
        this.voiceChannelRefused = true;
      }
    }
    const res = await this.http.write<{ ticket: TicketJson }>('POST', '/api/v2/tickets.json', { ticket }, { verify });
    return toTicketDetails(res.ticket);
  }

  /**
   * The ticket a createTicket for this contact made, if an earlier attempt landed: same chain,
   * same requester, and its note names this very contact (another leg's ticket would not).
   */
  async findCreatedTicket(t: Pick<NewTicket, 'externalId' | 'requesterId' | 'marker'>): Promise<TicketDetails | null> {
    const candidates = (await this.ticketsByExternalId(t.externalId))
      .filter((x) => x.requesterId === t.requesterId)
      .sort((a, b) => b.createdAtMs - a.createdAtMs);
    for (const c of candidates) if (await this.commentAlreadyAdded(c.id, t.marker, 'ticket')) return c;
    return null;
  }

  /** Adds a private note. `marker` lets a retry after an unknown outcome see that it already landed. */
  async addPrivateNote(ticketId: number, html: string, marker: string): Promise<void> {
    await this.http.write('PUT', `/api/v2/tickets/${ticketId}.json`, { ticket: { comment: { html_body: html, public: false } } }, {
      ...DETAILS,
      verify: () => this.commentExists(ticketId, marker),
    });
  }

  async addVoiceComment(ticketId: number, voice: VoiceCommentJson, marker: string): Promise<void> {
    await this.http.write('PUT', `/api/v2/tickets/${ticketId}.json`, { ticket: { voice_comment: voice } }, {
      ...DETAILS,
      verify: () => this.commentExists(ticketId, marker),
    });
  }

  /**
   * Records a call (Talk Partner Edition's call object), with its voice comment on `ticket_id`
   * when `comment` is given: the comment shows the record's data. Null where the account has
   * no Talk Partner Edition (403/404), at once for every later call. After an unknown outcome
   * the comment is looked for by `marker` before the record is sent again; a record without a
   * comment cannot be looked up (the API has no list), so its repeat is left to chance.
   */
  async createCall(call: CallRecordJson, comment: CallCommentJson | null, marker: string): Promise<{ id: number; ticketId: number | null } | null> {
    if (this.callRecordsRefused) return null;
    const ticketId = call.ticket_id;
    let res: { call: { id: number; ticket_id?: number | null } };
    try {
      res = await this.http.write<{ call: { id: number; ticket_id?: number | null } }>(
        'POST',
        '/api/v2/calls.json',
        { call: { ...call, ...(comment ? { comment } : {}) } },
        {
          ...DETAILS,
          verify:
            comment && ticketId !== undefined
              ? async () => ((await this.commentExists(ticketId, marker)) ? { call: { id: 0, ticket_id: ticketId } } : null)
              : undefined,
        },
      );
    } catch (e) {
      if (!talkPartnerEditionMissing(e)) throw e;
      this.callRecordsRefused = true;
      return null;
    }
    return { id: res.call.id, ticketId: res.call.ticket_id ?? null };
  }

  /**
   * Marks a ticket as the one of a contact chain, with the agent notifications in the same request.
   * Setting the external id again is harmless; the note is checked by its marker before a repeat.
   */
  async markTicketForContact(ticketId: number, externalId: string, note: { html: string; marker: string } | null): Promise<void> {
    const ticket = { external_id: externalId, ...(note ? { comment: { html_body: note.html, public: false } } : {}) };
    await this.http.write('PUT', `/api/v2/tickets/${ticketId}.json`, { ticket }, {
      verify: note ? () => this.commentExists(ticketId, note.marker) : undefined,
    });
  }

  /**
   * The time of the last chat message already on the ticket ("Messages up to <ISO>"), or null.
   * Comments holding `ignoring` (a contact's own transcript heading) do not count.
   */
  async lastTranscriptTime(ticketId: number, ignoring?: string): Promise<number | null> {
    const res = await this.http.get<{ comments: { body?: string; html_body?: string }[] }>(`/api/v2/tickets/${ticketId}/comments.json?sort_order=desc`, DETAILS);
    let latest: number | null = null;
    for (const c of res.comments) {
      if (ignoring !== undefined && holdsMarker(c, ignoring)) continue;
      for (const m of `${c.html_body ?? ''} ${c.body ?? ''}`.matchAll(/Messages up to (\d{4}-\d{2}-\d{2}T[\d:.]+Z)/g)) {
        const t = Date.parse(m[1] ?? '');
        if (Number.isFinite(t) && (latest === null || t > latest)) latest = t;
      }
    }
    return latest;
  }

  private async commentExists(ticketId: number, marker: string, priority: Priority = 'details'): Promise<true | null> {
    const res = await this.http.get<{ comments: { body?: string; html_body?: string; data?: Record<string, unknown> }[] }>(
      `/api/v2/tickets/${ticketId}/comments.json?sort_order=desc`,
      { priority },
    );
    const hit = res.comments.some((c) => holdsMarker(c, marker));
    return hit ? true : null;
  }

  listBrands(): Promise<BrandJson[]> {
    this.brands ??= this.http.get<{ brands: BrandJson[] }>('/api/v2/brands.json').then((r) => r.brands);
    this.brands.catch(() => (this.brands = null));
    return this.brands;
  }

  listTicketFields(): Promise<TicketFieldJson[]> {
    this.ticketFields ??= this.http.get<{ ticket_fields: TicketFieldJson[] }>('/api/v2/ticket_fields.json').then((r) => r.ticket_fields);
    this.ticketFields.catch(() => (this.ticketFields = null));
    return this.ticketFields;
  }

  /**
   * The ticket field with this title, found by title as ticket fields have no key. An inactive
   * field is still listed (`active: false`): it is read, never written (`forWriting`).
   */
  async ticketFieldTitled(title: string, forWriting: boolean): Promise<TicketFieldJson | null> {
    const same = (await this.listTicketFields()).filter((f) => f.title === title);
    return same.find((f) => f.active !== false) ?? (forWriting ? null : same[0] ?? null);
  }

  listUserFields(): Promise<UserFieldJson[]> {
    this.userFields ??= this.http.get<{ user_fields: UserFieldJson[] }>('/api/v2/user_fields.json').then((r) => r.user_fields);
    this.userFields.catch(() => (this.userFields = null));
    return this.userFields;
  }

  /** The app installation's settings as Zendesk stores them, with when they last changed. */
  async getInstallationSettings(installationId: number): Promise<InstallationSettings> {
    const res = await this.http.get<InstallationJson | { installation?: InstallationJson }>(`/api/v2/apps/installations/${installationId}.json`);
    return installationSettingsOf(res) ?? { settings: {}, updatedAt: null };
  }

  /**
   * Writes the given settings of the app installation (Zendesk keeps the others). Admins only:
   * anyone else gets a 403. Returns the installation as Zendesk answered it, or null when the
   * answer did not include it. A PUT of the same settings is idempotent, so the transport may
   * repeat it after a 5xx.
   */
  async updateInstallationSettings(installationId: number, settings: Record<string, unknown>): Promise<InstallationSettings | null> {
    const res = await this.http.write<InstallationJson | { installation?: InstallationJson } | null>(
      'PUT',
      `/api/v2/apps/installations/${installationId}.json`,
      { settings },
    );
    return installationSettingsOf(res);
  }
}

export interface InstallationSettings {
  settings: Record<string, unknown>;
  /** ISO 8601 time of the last change, or null when Zendesk did not say. */
  updatedAt: string | null;
}

interface InstallationJson {
  settings?: Record<string, unknown>;
  updated_at?: string;
}

/** Zendesk answers with the installation itself (some proxies wrap it in {installation}). */
function installationSettingsOf(res: unknown): InstallationSettings | null {
  if (typeof res !== 'object' || res === null) return null;
  const body = res as InstallationJson & { installation?: InstallationJson };
  const inst = body.settings === undefined && body.installation ? body.installation : body;
  if (typeof inst.settings !== 'object' || inst.settings === null) return null;
  return { settings: { ...inst.settings }, updatedAt: typeof inst.updated_at === 'string' ? inst.updated_at : null };
}

/**
 * The comment holds `marker` as a whole: not followed by more of an id or a number, so
 * "part 1 of 3" is not "part 1 of 30" and contact "k1" is not "k10".
 */
function holdsMarker(comment: unknown, marker: string): boolean {
  const text = JSON.stringify(comment);
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
    if (!/[\w-]/.test(text.charAt(at + marker.length))) return true;
  }
  return false;
}

function fromDetails(t: TicketDetails): TicketJson {
  return {
    id: t.id,
    requester_id: t.requesterId,
    status: t.status,
    subject: t.subject,
    brand_id: t.brandId,
    created_at: new Date(t.createdAtMs).toISOString(),
    updated_at: new Date(t.updatedAtMs).toISOString(),
    external_id: t.externalId,
    custom_fields: t.customFields,
  };
}
