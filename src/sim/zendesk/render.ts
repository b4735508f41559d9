// Zendesk's JSON shapes for records, and the report snapshot.

import { BASE_URL, iso } from './http';
import { textToHtml } from './html';
import { viaChannel, type CallState, type CommentRecord, type TicketState, type UserState, type ZendeskData } from './records';
import type { SnapshotCall, SnapshotComment, SnapshotTicket, SnapshotUser, ZendeskSnapshot } from './types';

export function userJson(data: ZendeskData, u: UserState): Record<string, unknown> {
  const userFields: Record<string, unknown> = {};
  for (const f of data.userFields) userFields[f.key] = null;
  Object.assign(userFields, u.user_fields);
  return {
    id: u.id,
    url: `${BASE_URL}/api/v2/users/${u.id}.json`,
    name: u.name,
    email: u.email,
    created_at: iso(u.createdMs),
    updated_at: iso(u.updatedMs),
    time_zone: 'UTC',
    iana_time_zone: 'Etc/UTC',
    phone: u.phone,
    shared_phone_number: u.phone === null ? null : false,
    photo: null,
    locale_id: 1,
    locale: 'en-US',
    organization_id: u.organization_id,
    role: u.role,
    verified: u.email !== null,
    external_id: u.external_id,
    tags: [...u.tags],
    alias: '',
    active: true,
    shared: false,
    shared_agent: false,
    last_login_at: null,
    two_factor_auth_enabled: null,
    signature: null,
    details: '',
    notes: '',
    role_type: null,
    custom_role_id: null,
    moderator: u.role !== 'end-user',
    ticket_restriction: u.role === 'end-user' ? 'requested' : u.role === 'agent' && u.access.tickets !== 'all' ? u.access.tickets : null,
    only_private_comments: false,
    restricted_agent: u.role === 'agent' && u.access.tickets !== 'all',
    suspended: false,
    default_group_id: null,
    report_csv: u.role === 'admin',
    user_fields: userFields,
  };
}

export function ticketCustomFields(data: ZendeskData, t: TicketState): { id: number; value: unknown }[] {
  const values = new Map(t.custom_fields.map((f) => [f.id, f.value] as const));
  const out: { id: number; value: unknown }[] = [];
  for (const id of data.customTicketFieldIds) out.push({ id, value: cloneValue(values.get(id) ?? null) });
  for (const f of t.custom_fields) {
    if (!data.customTicketFieldIds.has(f.id)) out.push({ id: f.id, value: cloneValue(f.value) });
  }
  return out;
}

function cloneValue(v: unknown): unknown {
  return Array.isArray(v) ? [...(v as unknown[])] : v;
}

export function ticketJson(data: ZendeskData, t: TicketState): Record<string, unknown> {
  const fields = ticketCustomFields(data, t);
  return {
    url: `${BASE_URL}/api/v2/tickets/${t.id}.json`,
    id: t.id,
    external_id: t.external_id,
    via: {
      channel: viaChannel(t.via_id),
      source: { from: { ...t.via_source.from }, to: { ...t.via_source.to }, rel: t.via_source.rel },
    },
    created_at: iso(t.createdMs),
    updated_at: iso(t.updatedMs),
    generated_timestamp: Math.floor(t.updatedMs / 1000),
    type: t.type,
    subject: t.subject,
    raw_subject: t.subject,
    description: t.description,
    priority: t.priority,
    status: t.status,
    recipient: null,
    requester_id: t.requester_id,
    submitter_id: t.submitter_id,
    assignee_id: t.assignee_id,
    organization_id: t.organization_id,
    group_id: null,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: t.is_public,
    due_at: null,
    tags: [...t.tags],
    custom_fields: fields,
    fields: fields.map((f) => ({ ...f, value: cloneValue(f.value) })),
    satisfaction_rating: null,
    sharing_agreement_ids: [],
    followup_ids: [],
    brand_id: t.brand_id,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
}

// ---- Talk Partner Edition call records and their voice comment ---------------------------

export function callJson(c: CallState): Record<string, unknown> {
  return {
    url: `${BASE_URL}/api/v2/calls/${c.id}.json`,
    id: c.id,
    ...c.fields,
    created_at: iso(c.createdMs),
    updated_at: iso(c.updatedMs),
  };
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

/** Call fields the voice comment shows, in order, with the label an agent reads. */
const SHOWN: readonly (readonly [string, string])[] = [
  ['from_line', 'Call from'],
  ['to_line', 'Call to'],
  ['call_started_at', 'Time of call'],
  ['call_ended_at', 'Call ended'],
  ['queue_name', 'Queue'],
  ['completion_status', 'Status'],
  ['call_disposition', 'Disposition'],
  ['call_recording_consent_action', 'Recording consent'],
  ['recording_url', 'Recording'],
];

/**
 * The TPE voice comment as an agent reads it, from the call record as it is now ("Data is
 * directly retrieved from the call record", docs/zendesk-calls-api.md).
 */
export function callCommentBody(data: ZendeskData, call: CallState, title: string | null): string {
  const f = call.fields;
  const lines: string[] = [];
  if (title !== null && title.trim() !== '') lines.push(title);
  const direction = text(f.direction);
  if (direction !== undefined) lines.push(`${direction[0]!.toUpperCase()}${direction.slice(1)} call`);
  for (const [key, label] of SHOWN.slice(0, 4)) {
    const v = text(f[key]);
    if (v !== undefined) lines.push(`${label}: ${v}`);
  }
  const agent = text(f.agent_id);
  if (agent !== undefined) lines.push(`Agent: ${data.userName(Number(agent)) ?? `user ${agent}`}`);
  const duration = text(f.duration);
  if (duration !== undefined) lines.push(`Length of phone call: ${duration} seconds`);
  for (const [key, label] of SHOWN.slice(4)) {
    const v = text(f[key]);
    if (v !== undefined) lines.push(`${label}: ${v}`);
  }
  const transcript = text(f.transcript);
  if (transcript !== undefined) lines.push('', 'Transcript:', transcript);
  return lines.join('\n');
}

/**
 * The comment's `data`: the voice fields of FORMAT.md (from, to, call_duration, recording_url,
 * started_at, answered_by_id) where the record has them, then every field of the record, and
 * `call_id`, which marks a call-record (v2) comment (a Tickets-API voice comment has none).
 */
export function callCommentData(call: CallState, title: string | null): Record<string, unknown> {
  const f = call.fields;
  const out: Record<string, unknown> = {};
  const voice: [string, string][] = [
    ['from', 'from_line'],
    ['to', 'to_line'],
    ['call_duration', 'duration'],
    ['recording_url', 'recording_url'],
    ['started_at', 'call_started_at'],
    ['answered_by_id', 'agent_id'],
  ];
  for (const [name, field] of voice) if (f[field] !== undefined && f[field] !== null) out[name] = f[field];
  Object.assign(out, f);
  if (title !== null) out.title = title;
  out.call_id = call.id;
  return out;
}

/** A comment's body and data as read now: a TPE voice comment's come from its call record. */
export function commentView(data: ZendeskData, c: CommentRecord): { body: string; data: Record<string, unknown> | null } {
  const call = c.call ? data.calls.get(c.call.id) : undefined;
  if (!c.call || !call) return { body: c.body, data: c.data ? { ...c.data } : null };
  return { body: callCommentBody(data, call, c.call.title), data: callCommentData(call, c.call.title) };
}

export function snapshotCall(c: CallState): SnapshotCall {
  const f = c.fields;
  const pick = <T>(key: string, ok: (v: unknown) => v is T): T | null => (ok(f[key]) ? f[key] : null);
  const isNum = (v: unknown): v is number => typeof v === 'number';
  const isStr = (v: unknown): v is string => typeof v === 'string';
  const disposition = pick('call_disposition', isStr);
  return {
    id: c.id,
    ticket_id: pick('ticket_id', isNum),
    direction: pick('direction', isStr),
    from_line: pick('from_line', isStr),
    to_line: pick('to_line', isStr),
    agent_id: pick('agent_id', isNum),
    call_started_at: pick('call_started_at', isStr),
    call_ended_at: pick('call_ended_at', isStr),
    duration: pick('duration', isNum),
    recording_url: pick('recording_url', isStr),
    disposition,
    call_disposition: disposition,
    ...f,
    created_at: iso(c.createdMs),
    updated_at: iso(c.updatedMs),
  };
}

// ---- comments ----------------------------------------------------------------------------

export function commentJson(data: ZendeskData, c: CommentRecord): Record<string, unknown> {
  const view = commentView(data, c);
  const out: Record<string, unknown> = {
    id: c.id,
    type: c.type,
    author_id: c.author_id,
    body: view.body,
    html_body: c.html_body ?? textToHtml(view.body),
    plain_body: view.body,
    public: c.public,
    attachments: [],
    audit_id: c.audit_id,
    via: { channel: viaChannel(c.via_id), source: { from: {}, to: {}, rel: null } },
    created_at: iso(c.createdMs),
    metadata: { system: {}, custom: {} },
  };
  if (view.data) {
    out.data = view.data;
    out.formatted_from = view.data.from ?? null;
    out.formatted_to = view.data.to ?? null;
    out.transcription_visible = view.data.transcription_text !== undefined;
  }
  return out;
}

export function snapshotComment(data: ZendeskData, c: CommentRecord): SnapshotComment {
  const view = commentView(data, c);
  const out: SnapshotComment = { type: c.type, author_id: c.author_id, public: c.public, body: view.body };
  if (c.html_body !== null) out.html_body = c.html_body;
  if (view.data) out.data = view.data;
  return out;
}

export function snapshot(data: ZendeskData): ZendeskSnapshot {
  const users: SnapshotUser[] = [];
  for (const id of [...data.users.ids()].sort((a, b) => a - b)) {
    const u = data.users.live(id);
    if (!u) continue;
    users.push({
      id: u.id,
      name: u.name,
      role: u.role,
      phone: u.phone,
      email: u.email,
      user_fields: { ...u.user_fields },
    });
  }
  const tickets: SnapshotTicket[] = [];
  for (const id of [...data.tickets.ids()].sort((a, b) => a - b)) {
    const t = data.tickets.live(id);
    if (!t) continue;
    tickets.push({
      id: t.id,
      requester_id: t.requester_id,
      brand_id: t.brand_id,
      subject: t.subject,
      status: t.status,
      via_id: t.via_id,
      tags: [...t.tags],
      custom_fields: t.custom_fields.map((f) => ({ id: f.id, value: cloneValue(f.value) })),
      comments: data.commentsOf(id).map((c) => snapshotComment(data, c)),
      external_id: t.external_id,
      created_at: iso(t.createdMs),
      updated_at: iso(t.updatedMs),
    });
  }
  const calls = [...data.calls.values()].sort((a, b) => a.id - b.id).map(snapshotCall);
  return { users, tickets, calls };
}
