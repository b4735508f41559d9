// Talk Partner Edition's standard call object: POST /api/v2/calls, PATCH and GET
// /api/v2/calls/{id}, and the TPE voice comment a `comment` section puts on a ticket.
// What Zendesk documents, and what this does where the docs are silent:
// docs/zendesk-calls-api.md.

import {
  asId,
  bodyObject,
  created,
  invalidAttribute,
  iso,
  isObject,
  ok,
  recordInvalid,
  recordNotFound,
  type FieldError,
  type ValidationDetails,
} from './http';
import type { CallState, UserState, ZendeskData } from './records';
import { callJson } from './render';
import type { RouteContext } from './routes';
import { createTicket, updateTicket, type CallCommentInput } from './tickets';
import type { ZendeskResponse } from './types';
import type { OpResult } from './users';

type Kind = 'id' | 'int' | 'string' | 'time' | 'bool' | readonly string[];

/**
 * The call fields and their types. The first group is the reference's table (up to where the
 * stored copy ends) and the guides' mandatory fields; the rest are names from Zendesk's
 * OpenAPI description (`tpe_voice_comment`), types as given there.
 */
const FIELDS: Readonly<Record<string, Kind>> = {
  agent_id: 'id',
  app_id: 'id',
  brand_id: 'id',
  call_disposition: 'string',
  call_ended_at: 'time',
  call_recording_consent: ['always', 'opt_in', 'opt_out', 'never'],
  call_recording_consent_action: 'string',
  call_started_at: 'time',
  call_type: 'string',
  callback_number: 'string',
  callback_source: ['queue', 'web widget'],
  completion_status: 'string',
  direction: ['inbound', 'outbound'],
  from_line: 'string',
  to_line: 'string',
  ticket_id: 'id',
  end_user_id: 'id',
  duration: 'int',
  recording_url: 'string',
  answering_machine_detection_status: 'string',
  call_connected_at: 'time',
  call_recording_consent_keypress: 'string',
  callback_requested_at: 'time',
  connection_attempts: 'int',
  consultation_time: 'int',
  disconnection_reason: 'string',
  dnis: 'string',
  end_user_location: 'string',
  exceeded_queue_time: 'bool',
  extension: 'string',
  external_id: 'string',
  from_line_nickname: 'string',
  hold_time: 'int',
  intent: 'string',
  ivr_destination_group_name: 'string',
  ivr_time_spent: 'int',
  language: 'string',
  line_type: 'string',
  longest_hold_time: 'int',
  number_of_holds: 'int',
  outside_business_hours: 'bool',
  overflowed_to: 'string',
  phone_name: 'string',
  quality_score: 'int',
  queue_name: 'string',
  queue_time: 'int',
  recording_time: 'int',
  recording_type: 'string',
  sentiment_agent: 'string',
  sentiment_call: 'string',
  sentiment_customer: 'string',
  sentiment_trend: 'string',
  short_summary: 'string',
  summary: 'string',
  transcript: 'string',
  talk_time: 'int',
  time_to_answer: 'int',
  to_line_nickname: 'string',
  video_recording_url: 'string',
  voicemail: 'bool',
  voicemail_requested_at: 'time',
  wait_time: 'int',
};

/** "The endpoint requires the following mandatory fields" (Creating a call record in Zendesk). */
export const MANDATORY_CALL_FIELDS = ['app_id', 'from_line', 'to_line', 'call_started_at', 'direction'] as const;
/** Set by Zendesk; ignored in a request. */
const READ_ONLY = new Set(['id', 'url', 'created_at', 'updated_at']);

/** "from_line" → "From line", "end_user_id" → "End user", as Zendesk names fields in its errors. */
function label(field: string): string {
  const words = field.replace(/_id$/, '').replace(/_/g, ' ');
  return words[0]!.toUpperCase() + words.slice(1);
}

const invalid = (field: string, why = 'is invalid'): FieldError[] => [{ description: `${label(field)}: ${why}`, error: 'InvalidValue' }];
const blank = (field: string, why = 'cannot be blank'): FieldError[] => [{ description: `${label(field)}: ${why}`, error: 'BlankValue' }];

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * An ISO 8601 date and time with its zone (Z or an offset: "+01", "+0100", "-04:00", as the
 * guides' examples write them), as epoch ms; a time without a zone is ambiguous and refused.
 */
export function parseIsoWithZone(text: string): number | undefined {
  const m = ISO_8601.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), frac ? Math.round(Number(frac) * 1000) : 0);
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) {
    return undefined;
  }
  if (zone === 'Z') return utc;
  const sign = zone![0] === '-' ? -1 : 1;
  const digits = zone!.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return utc - sign * offsetMin * 60_000;
}

/** One field's value as stored, or an error; null stays null (it clears the field). */
function fieldValue(field: string, kind: Kind, v: unknown): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  if (v === null) return { ok: true, value: null };
  if (Array.isArray(kind)) {
    return typeof v === 'string' && kind.includes(v)
      ? { ok: true, value: v }
      : { ok: false, errors: invalid(field, `${JSON.stringify(v)} is not one of ${kind.join(', ')}`) };
  }
  switch (kind) {
    case 'id': {
      const id = asId(v);
      return id !== undefined && id > 0 ? { ok: true, value: id } : { ok: false, errors: invalid(field) };
    }
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? { ok: true, value: v } : { ok: false, errors: invalid(field, 'must be a whole number of 0 or more') };
    case 'bool':
      return typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, errors: invalid(field, 'must be true or false') };
    case 'string':
      return typeof v === 'string' ? { ok: true, value: v } : { ok: false, errors: invalid(field, 'must be a text') };
    default: {
      const ms = typeof v === 'string' ? parseIsoWithZone(v) : undefined;
      return ms !== undefined ? { ok: true, value: iso(ms) } : { ok: false, errors: invalid(field, 'must be an ISO 8601 date and time with its zone') };
    }
  }
}

/** The `comment` section: the TPE voice comment to show the call on a ticket. */
interface CallCommentSection {
  author_id?: number;
  title?: string | null;
  public?: boolean;
  /** The agent whose browser opens the ticket (name modelled on /channels/voice/tickets). */
  display_to_agent?: number;
}

interface ParsedCall {
  /** The fields given, as stored (null: cleared). */
  fields: Record<string, unknown>;
  comment?: CallCommentSection;
}

const isAgent = (u: UserState | undefined): boolean => u !== undefined && u.role !== 'end-user';

function parseComment(data: ZendeskData, raw: unknown, details: ValidationDetails): CallCommentSection | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) {
    details.comment = invalid('comment');
    return undefined;
  }
  const c: CallCommentSection = {};
  if (raw.author_id !== undefined && raw.author_id !== null) {
    const id = asId(raw.author_id);
    if (id === undefined || !data.users.has(id)) details.author_id = invalid('author_id');
    else c.author_id = id;
  }
  if (raw.title !== undefined) {
    if (raw.title !== null && typeof raw.title !== 'string') details.title = invalid('title', 'must be a text');
    else c.title = raw.title;
  }
  if (raw.public !== undefined) {
    if (typeof raw.public !== 'boolean') details.public = invalid('public', 'must be true or false');
    else c.public = raw.public;
  }
  if (raw.display_to_agent !== undefined && raw.display_to_agent !== null) {
    const id = asId(raw.display_to_agent);
    if (id === undefined || !isAgent(data.users.live(id))) details.display_to_agent = invalid('display_to_agent');
    else c.display_to_agent = id;
  }
  return c;
}

/**
 * Reads a request's `call` (and its `comment` section, inside `call` or beside it). `base` is
 * the stored call for an update, null for a create.
 */
function parseCall(data: ZendeskData, raw: Record<string, unknown>, outerComment: unknown, base: CallState | null): OpResult<ParsedCall> {
  const d: ValidationDetails = {};
  const fields: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (key === 'comment' || READ_ONLY.has(key) || v === undefined) continue;
    const kind = FIELDS[key];
    // Fields the table of the stored reference does not reach are kept as given.
    if (kind === undefined) {
      fields[key] = v;
      continue;
    }
    const r = fieldValue(key, kind, v);
    if (!r.ok) d[key] = r.errors;
    else if (r.value !== null || base !== null) fields[key] = r.value;
  }
  const after = { ...(base?.fields ?? {}), ...fields };
  for (const key of MANDATORY_CALL_FIELDS) {
    const v = after[key];
    if (d[key] === undefined && (v === undefined || v === null || (typeof v === 'string' && v.trim() === ''))) d[key] = blank(key);
  }
  if (d.app_id === undefined && fields.app_id !== undefined) {
    if (base !== null && fields.app_id !== base.fields.app_id) d.app_id = invalid('app_id', 'cannot be changed');
    else if (fields.app_id !== data.appId()) d.app_id = invalid('app_id', 'is not the id of an app installed in this account');
  }
  const ref = (key: string, exists: (id: number) => boolean) => {
    const id = fields[key];
    if (d[key] === undefined && typeof id === 'number' && !exists(id)) d[key] = invalid(key);
  };
  ref('ticket_id', (id) => data.tickets.has(id));
  ref('agent_id', (id) => isAgent(data.users.live(id)));
  ref('end_user_id', (id) => data.users.has(id));
  ref('brand_id', (id) => data.brands.length === 0 || data.brandExists(id));
  const comment = parseComment(data, raw.comment ?? outerComment, d);
  if (Object.keys(d).length > 0) return { ok: false, details: d };
  return { ok: true, value: comment ? { fields, comment } : { fields } };
}

/**
 * Puts the TPE voice comment of `call` on its ticket, first making the ticket when the call has
 * none (Creating a call record in Zendesk: "omit ticket_id and include a comment section").
 */
function attachComment(data: ZendeskData, call: CallState, c: CallCommentSection, actor: UserState): OpResult<CallState> {
  const f = call.fields;
  const callComment: CallCommentInput = { call_id: call.id };
  if (c.author_id !== undefined) callComment.author_id = c.author_id;
  if (c.public !== undefined) callComment.public = c.public;
  if (c.title !== undefined) callComment.title = c.title;
  let stored = call;
  let ticketId = typeof f.ticket_id === 'number' ? f.ticket_id : undefined;
  if (ticketId === undefined) {
    const requester = typeof f.end_user_id === 'number' ? f.end_user_id : undefined;
    if (requester === undefined) return { ok: false, details: { end_user_id: blank('end_user_id', 'is needed to create a ticket for the call') } };
    const inbound = f.direction === 'inbound';
    const made = createTicket(
      data,
      {
        requester_id: requester,
        subject: inbound ? `Call from ${String(f.from_line)}` : `Call to ${String(f.to_line)}`,
        via_id: inbound ? 45 : 46,
        ...(typeof f.brand_id === 'number' ? { brand_id: f.brand_id } : {}),
        ...(typeof f.agent_id === 'number' ? { assignee_id: f.agent_id } : {}),
        call_comment: callComment,
      },
      { actorId: actor.id, strictFields: true },
    );
    if (!made.ok) return made;
    ticketId = made.value.ticket.id;
    stored = { ...call, fields: { ...f, ticket_id: ticketId } };
    data.calls.set(call.id, stored);
  } else {
    const base = data.tickets.live(ticketId);
    if (!base) return { ok: false, details: { ticket_id: invalid('ticket_id') } };
    const done = updateTicket(data, base, { call_comment: callComment }, { actorId: actor.id, strictFields: true });
    if (!done.ok) return done;
  }
  if (c.display_to_agent !== undefined) {
    data.displays.push({ at_ms: data.nowMs(), agent_id: c.display_to_agent, kind: 'ticket', id: ticketId, by_user_id: actor.id });
  }
  return { ok: true, value: stored };
}

type CallHandler = (ctx: RouteContext, params: readonly string[]) => ZendeskResponse;

const outerComment = (body: unknown): unknown => {
  const b = bodyObject(body);
  return b.ok ? b.value.comment : undefined;
};

const callBody = (body: unknown): Record<string, unknown> | undefined => {
  const b = bodyObject(body);
  return b.ok && isObject(b.value.call) ? b.value.call : undefined;
};

/** POST /api/v2/calls: 201 with the record; with a `comment` section, its voice comment too. */
export const createCall: CallHandler = ({ data, body, actor }) => {
  const raw = callBody(body);
  if (!raw) return invalidAttribute('call');
  const parsed = parseCall(data, raw, outerComment(body), null);
  if (!parsed.ok) return recordInvalid(parsed.details);
  const now = data.nowMs();
  const call: CallState = { id: data.allocateCallId(), fields: parsed.value.fields, createdMs: now, updatedMs: now };
  data.calls.set(call.id, call);
  let stored = call;
  if (parsed.value.comment) {
    const done = attachComment(data, call, parsed.value.comment, actor);
    if (!done.ok) {
      data.calls.delete(call.id);
      return recordInvalid(done.details);
    }
    stored = done.value;
  }
  return created({ call: callJson(stored) }, `/api/v2/calls/${call.id}.json`);
};

/** PATCH /api/v2/calls/{id}: only the fields given change; the voice comment shows them at once. */
export const updateCall: CallHandler = ({ data, body, actor }, [id]) => {
  const base = data.calls.get(Number(id));
  if (!base) return recordNotFound();
  const raw = callBody(body);
  if (!raw) return invalidAttribute('call');
  const parsed = parseCall(data, raw, outerComment(body), base);
  if (!parsed.ok) return recordInvalid(parsed.details);
  let stored: CallState = { ...base, fields: { ...base.fields, ...parsed.value.fields }, updatedMs: data.nowMs() };
  data.calls.set(base.id, stored);
  if (parsed.value.comment) {
    const done = attachComment(data, stored, parsed.value.comment, actor);
    if (!done.ok) {
      data.calls.set(base.id, base);
      return recordInvalid(done.details);
    }
    stored = done.value;
  }
  return ok({ call: callJson(stored) });
};

/** GET /api/v2/calls/{id}. */
export const showCall: CallHandler = ({ data }, [id]) => {
  const call = data.calls.get(Number(id));
  return call ? ok({ call: callJson(call) }) : recordNotFound();
};
