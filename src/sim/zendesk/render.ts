// Zendesk's JSON shapes for records, and the report snapshot.

import { BASE_URL, iso } from './http';
import { textToHtml } from './html';
import { viaChannel, type CommentRecord, type TicketState, type UserState, type ZendeskData } from './records';
import type { SnapshotComment, SnapshotTicket, SnapshotUser, ZendeskSnapshot } from './types';

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

export function commentJson(c: CommentRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: c.id,
    type: c.type,
    author_id: c.author_id,
    body: c.body,
    html_body: c.html_body ?? textToHtml(c.body),
    plain_body: c.body,
    public: c.public,
    attachments: [],
    audit_id: c.audit_id,
    via: { channel: viaChannel(c.via_id), source: { from: {}, to: {}, rel: null } },
    created_at: iso(c.createdMs),
    metadata: { system: {}, custom: {} },
  };
  if (c.data) {
    out.data = { ...c.data };
    out.formatted_from = c.data.from ?? null;
    out.formatted_to = c.data.to ?? null;
    out.transcription_visible = c.data.transcription_text !== undefined;
  }
  return out;
}

export function snapshotComment(c: CommentRecord): SnapshotComment {
  const out: SnapshotComment = { type: c.type, author_id: c.author_id, public: c.public, body: c.body };
  if (c.html_body !== null) out.html_body = c.html_body;
  if (c.data) out.data = { ...c.data };
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
      comments: data.commentsOf(id).map(snapshotComment),
      external_id: t.external_id,
      created_at: iso(t.createdMs),
      updated_at: iso(t.updatedMs),
    });
  }
  return { users, tickets };
}
