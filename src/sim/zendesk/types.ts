// Public types of the in-memory Zendesk: the `zendesk` block of a scenario file, the
// request/response face used by the fake ZAF client, faults, scenario changes and the
// report snapshot (see ../../../shared/scenarios/FORMAT.md).

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type UserRole = 'end-user' | 'agent' | 'admin';
export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

export interface ZendeskRequest {
  method: HttpMethod;
  /** Path and query, e.g. "/api/v2/users/search.json?query=..." (an absolute URL is accepted too). */
  url: string;
  /** Parsed JSON (a JSON string is parsed too), or undefined. */
  body: unknown;
  /** The Zendesk user (an agent) making the call. */
  asUserId: number;
}

export interface ZendeskResponse {
  /** 0 means a network error (body null). */
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** The answer never comes (a fault). */
  hang?: boolean;
  /** The answer comes this much later than usual (a fault). */
  delayMs?: number;
  /** A body that is not JSON (an HTML error page from a proxy): sent as this text. */
  rawText?: string;
}

/** A user of the scenario's `zendesk.users`. */
export interface ZendeskUserSeed {
  id: number;
  name: string;
  /** Default "end-user". */
  role?: UserRole;
  email?: string | null;
  phone?: string | null;
  user_fields?: Record<string, unknown>;
  organization_id?: number | null;
  external_id?: string | null;
  tags?: string[];
  /** ISO 8601; default `start`. */
  created_at?: string;
  updated_at?: string;
  /** Further identities; phone numbers are found by search and lookups like `phone`. */
  identities?: ZendeskIdentitySeed[];
  /** Agents: false means creating or updating end users is refused (403). Default true. */
  can_manage_end_users?: boolean;
  /** Agents: which tickets they see (default "all"); elsewhere 403, and lists leave the others out. */
  ticket_access?: TicketAccess;
  /** Agents: their groups (for `ticket_access: "groups"`). */
  group_ids?: number[];
  /** Agents: the brands they are members of; set, brands are listed only to their members. */
  brand_ids?: number[];
}

export type TicketAccess = 'all' | 'groups' | 'assigned';

export interface ZendeskIdentitySeed {
  type: 'phone_number';
  value: string;
}

/** Optional comments of a seeded ticket (same shape as the report). */
export interface ZendeskCommentSeed {
  type?: 'Comment' | 'VoiceComment';
  author_id: number;
  public?: boolean;
  body?: string;
  html_body?: string;
  data?: Record<string, unknown>;
  created_at?: string;
}

export interface CustomFieldValue {
  id: number;
  value: unknown;
}

/** A ticket of the scenario's `zendesk.tickets`. */
export interface ZendeskTicketSeed {
  id: number;
  requester_id: number;
  /** Default "open". */
  status?: TicketStatus;
  subject?: string | null;
  created_at?: string;
  updated_at?: string;
  /** Default: the default brand. */
  brand_id?: number | null;
  tags?: string[];
  custom_fields?: CustomFieldValue[];
  external_id?: string | null;
  type?: string | null;
  priority?: string | null;
  /** Default 0 (web form). */
  via_id?: number;
  assignee_id?: number | null;
  group_id?: number | null;
  submitter_id?: number;
  /** Text of the first comment (public, by the requester) when `comments` is not given. */
  description?: string;
  comments?: ZendeskCommentSeed[];
}

export interface ZendeskBrandSeed {
  id: number;
  name: string;
  default?: boolean;
  active?: boolean;
  subdomain?: string;
}

/** Zendesk's ticket fields have an id and a title, no `key` (user fields have one). */
export interface ZendeskTicketFieldSeed {
  id: number;
  title: string;
  type: string;
  /** Inactive fields are still listed, with `active: false`. Default true. */
  active?: boolean;
}

export interface ZendeskUserFieldSeed {
  key: string;
  type: string;
  title?: string;
  id?: number;
}

/** The `zendesk` object of a scenario file. */
export interface ZendeskInit {
  /** ISO 8601: the simulated clock at the first step (used as default record time). */
  start: string;
  /** Default 0. */
  search_index_delay_seconds?: number;
  /** Not used here: the caller adds latency. Exposed as `InMemoryZendesk.latencyMs`. */
  latency_ms?: number;
  users?: ZendeskUserSeed[];
  tickets?: ZendeskTicketSeed[];
  brands?: ZendeskBrandSeed[];
  ticket_fields?: ZendeskTicketFieldSeed[];
  user_fields?: ZendeskUserFieldSeed[];
  /** The account's API limit: every request of every agent and tab counts in one rolling minute. Unset: none. */
  rate_limit_per_minute?: number;
  /** Admin Center "validate user phone numbers": a user phone not in E.164 gets 422. Default false. */
  validate_phone_numbers?: boolean;
  /** Comment bodies longer than this (UTF-8 bytes) are cut there, silently. Default 65536. */
  comment_max_bytes?: number;
  /** false: the account has no Talk Partner Edition: /api/v2/channels/voice/* and /api/v2/calls answer 403. Default true. */
  talk_partner_edition?: boolean;
}

export interface ZendeskInstallation {
  id: number;
  /** The installed app's id (ZAF `metadata().appId`); default SIM_APP_ID. */
  app_id?: number;
  settings: Record<string, unknown>;
}

export interface SimClock {
  nowMs(): number;
}

export interface InMemoryZendeskOptions {
  installation?: ZendeskInstallation;
  /** Author of `applyChange` writes; default: the first admin, else the first agent. */
  changeActorId?: number;
}

/** A fault armed with `injectFault`. */
export interface ZendeskFault {
  /** Default: any method. */
  method?: HttpMethod | '*';
  /** Prefix of the request path (query excluded), e.g. "/api/v2/channels/voice/tickets". */
  path: string;
  /** 0 = network error, 429 = rate limited, 5xx = server error, any other status, or "hang": never answers. */
  status: number | 'hang';
  /** Retry-After: seconds, or a text sent as it is; null: no header at all (default for 429: 60). */
  retry_after?: number | string | null;
  /** The answer comes this much later than usual. */
  delay_ms?: number;
  /** A body that is not Zendesk's JSON, with its content type. */
  body?: string;
  content_type?: string;
  /** Default 1. */
  times?: number;
  /** The request IS applied (record created/updated) but the response is the fault. */
  after_write?: boolean;
}

/** A comment as written by someone outside the app (scenario change). */
export interface ZendeskChangeComment {
  body?: string;
  html_body?: string;
  public?: boolean;
  author_id?: number;
}

export interface ZendeskCreateUserChange {
  id?: number;
  name: string;
  role?: UserRole;
  email?: string | null;
  phone?: string | null;
  user_fields?: Record<string, unknown>;
  organization_id?: number | null;
  external_id?: string | null;
  tags?: string[];
}

export interface ZendeskUpdateUserChange {
  id: number;
  name?: string;
  role?: UserRole;
  email?: string | null;
  phone?: string | null;
  user_fields?: Record<string, unknown>;
  organization_id?: number | null;
  external_id?: string | null;
  tags?: string[];
}

export interface ZendeskCreateTicketChange {
  id?: number;
  requester_id: number;
  subject?: string | null;
  status?: TicketStatus;
  brand_id?: number | null;
  tags?: string[];
  custom_fields?: CustomFieldValue[];
  external_id?: string | null;
  type?: string | null;
  priority?: string | null;
  via_id?: number;
  assignee_id?: number | null;
  /** The first comment's text (public, by the requester); default: the subject. */
  description?: string;
  /** The first comment, in full; wins over `description`. */
  comment?: string | ZendeskChangeComment;
}

export interface ZendeskUpdateTicketChange {
  id: number;
  subject?: string | null;
  status?: TicketStatus;
  requester_id?: number;
  brand_id?: number | null;
  tags?: string[];
  additional_tags?: string[];
  remove_tags?: string[];
  custom_fields?: CustomFieldValue[];
  external_id?: string | null;
  type?: string | null;
  priority?: string | null;
  assignee_id?: number | null;
  /** Ignored: a ticket's channel does not change. */
  via_id?: number;
  /** Adds a public comment with this text (by the change actor). */
  description?: string;
  /** Adds this comment; wins over `description`. */
  comment?: string | ZendeskChangeComment;
}

/** A scenario step's `zendesk` object: a change made in Zendesk outside the app. */
export type ZendeskChange =
  | { create_user: ZendeskCreateUserChange }
  | { update_user: ZendeskUpdateUserChange }
  | { create_ticket: ZendeskCreateTicketChange }
  | { update_ticket: ZendeskUpdateTicketChange };

/** A Talk Partner Edition screen pop recorded by the in-memory Zendesk. */
export interface ZendeskDisplay {
  at_ms: number;
  agent_id: number;
  kind: 'ticket' | 'user';
  id: number;
  /** The user whose request caused it. */
  by_user_id: number;
}

export interface SnapshotUser {
  id: number;
  name: string;
  role: UserRole;
  phone: string | null;
  email: string | null;
  user_fields: Record<string, unknown>;
}

export interface SnapshotComment {
  type: 'Comment' | 'VoiceComment';
  author_id: number;
  public: boolean;
  body: string;
  html_body?: string;
  data?: Record<string, unknown>;
}

export interface SnapshotTicket {
  id: number;
  requester_id: number;
  brand_id: number | null;
  subject: string | null;
  status: TicketStatus;
  via_id: number;
  tags: string[];
  custom_fields: CustomFieldValue[];
  comments: SnapshotComment[];
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * A Talk Partner Edition call record in the report (FORMAT.md `calls`): FORMAT's fields first
 * (`disposition` is Zendesk's `call_disposition`, given under both names), then every other
 * field the record holds.
 */
export interface SnapshotCall {
  id: number;
  ticket_id: number | null;
  direction: string | null;
  from_line: string | null;
  to_line: string | null;
  agent_id: number | null;
  call_started_at: string | null;
  call_ended_at: string | null;
  duration: number | null;
  recording_url: string | null;
  disposition: string | null;
  call_disposition: string | null;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

export interface ZendeskSnapshot {
  users: SnapshotUser[];
  tickets: SnapshotTicket[];
  calls: SnapshotCall[];
}
