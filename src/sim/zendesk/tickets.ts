// Creating and updating tickets (and their comments) with Zendesk's validation.

import { asId, iso, isObject, type ValidationDetails } from './http';
import { htmlToText, voiceCommentBody } from './html';
import { callCommentBody, callCommentData } from './render';
import {
  normaliseTags,
  viaChannel,
  viaRel,
  VOICE_VIA_IDS,
  MAX_COMMENTS_PER_TICKET,
  type CommentRecord,
  type TicketState,
  type ViaSource,
  type ZendeskData,
} from './records';
import type { CustomFieldValue, TicketStatus } from './types';
import { createUser, type OpResult } from './users';

export interface CommentInput {
  body?: string;
  html_body?: string;
  public?: boolean;
  author_id?: number;
}

export interface RequesterInput {
  name?: string;
  email?: string;
  phone?: string;
}

/** A Talk Partner Edition voice comment showing call `call_id` (only from calls.ts, not the Tickets API). */
export interface CallCommentInput {
  call_id: number;
  author_id?: number;
  public?: boolean;
  title?: string | null;
}

export interface TicketInput {
  requester_id?: number;
  requester?: RequesterInput;
  subject?: string | null;
  comment?: CommentInput;
  voice_comment?: Record<string, unknown>;
  call_comment?: CallCommentInput;
  via_id?: number;
  brand_id?: number | null;
  tags?: string[];
  additional_tags?: string[];
  remove_tags?: string[];
  custom_fields?: CustomFieldValue[];
  external_id?: string | null;
  status?: TicketStatus;
  assignee_id?: number | null;
  type?: string | null;
  priority?: string | null;
}

export const STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const TYPES = ['question', 'incident', 'problem', 'task'];
const PRIORITIES = ['urgent', 'high', 'normal', 'low'];

const invalid = (label: string, error = 'InvalidValue'): { description: string; error: string } => ({
  description: `${label}: is invalid`,
  error,
});

function optText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function tagList(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return normaliseTags(v as unknown[]);
  if (typeof v === 'string') return normaliseTags([v]);
  return undefined;
}

/** Reads the `ticket` object of a request (or a scenario change). */
export function parseTicketInput(raw: Record<string, unknown>): OpResult<TicketInput> {
  const d: ValidationDetails = {};
  const t: TicketInput = {};
  if (raw.requester_id !== undefined && raw.requester_id !== null) {
    const id = asId(raw.requester_id);
    if (id === undefined) d.requester = [invalid('Requester')];
    else t.requester_id = id;
  }
  if (raw.requester !== undefined && raw.requester !== null) {
    if (!isObject(raw.requester)) d.requester = [invalid('Requester')];
    else {
      const r: RequesterInput = {};
      const name = optText(raw.requester.name);
      const email = optText(raw.requester.email);
      const phone = optText(raw.requester.phone);
      if (name?.trim()) r.name = name.trim();
      if (email?.trim()) r.email = email.trim();
      if (phone?.trim()) r.phone = phone.trim();
      t.requester = r;
    }
  }
  if ('subject' in raw) {
    if (raw.subject === null) t.subject = null;
    else {
      const s = optText(raw.subject);
      if (s === undefined) d.subject = [invalid('Subject')];
      else t.subject = s.trim() === '' ? null : s;
    }
  }
  if (raw.comment !== undefined && raw.comment !== null) {
    if (!isObject(raw.comment)) d.comment = [invalid('Comment')];
    else {
      const c: CommentInput = {};
      const body = optText(raw.comment.body);
      const html = optText(raw.comment.html_body);
      if (body !== undefined) c.body = body;
      if (html !== undefined) c.html_body = html;
      if (typeof raw.comment.public === 'boolean') c.public = raw.comment.public;
      const author = asId(raw.comment.author_id);
      if (author !== undefined) c.author_id = author;
      t.comment = c;
    }
  }
  if (raw.voice_comment !== undefined && raw.voice_comment !== null) {
    if (!isObject(raw.voice_comment)) d.voice_comment = [invalid('Voice comment')];
    else t.voice_comment = { ...raw.voice_comment };
  }
  if (raw.via_id !== undefined && raw.via_id !== null) {
    const via = asId(raw.via_id);
    if (via === undefined) d.via_id = [invalid('Via')];
    else t.via_id = via;
  }
  if ('brand_id' in raw) {
    const b = raw.brand_id === null ? null : asId(raw.brand_id);
    if (b === undefined) d.brand_id = [invalid('Brand')];
    else t.brand_id = b;
  }
  for (const key of ['tags', 'additional_tags', 'remove_tags'] as const) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const list = tagList(raw[key]);
    if (list === undefined) d[key] = [invalid('Tags')];
    else t[key] = list;
  }
  const fields = raw.custom_fields ?? raw.fields;
  if (fields !== undefined && fields !== null) {
    const list: CustomFieldValue[] = [];
    let bad = !Array.isArray(fields);
    if (Array.isArray(fields)) {
      for (const f of fields as unknown[]) {
        const id = isObject(f) ? asId(f.id) : undefined;
        if (!isObject(f) || id === undefined) bad = true;
        else list.push({ id, value: f.value ?? null });
      }
    }
    if (bad) d.custom_fields = [invalid('Custom fields')];
    else t.custom_fields = list;
  }
  if ('external_id' in raw) {
    if (raw.external_id === null) t.external_id = null;
    else {
      const e = optText(raw.external_id);
      if (e === undefined) d.external_id = [invalid('External')];
      else t.external_id = e.trim() === '' ? null : e;
    }
  }
  if (raw.status !== undefined && raw.status !== null) {
    if (typeof raw.status === 'string' && (STATUSES as readonly string[]).includes(raw.status)) {
      t.status = raw.status as TicketStatus;
    } else d.status = [{ description: `Status: ${String(raw.status)} is not valid`, error: 'InvalidValue' }];
  }
  if ('assignee_id' in raw) {
    const a = raw.assignee_id === null ? null : asId(raw.assignee_id);
    if (a === undefined) d.assignee = [invalid('Assignee')];
    else t.assignee_id = a;
  }
  if ('type' in raw) {
    if (raw.type === null || (typeof raw.type === 'string' && TYPES.includes(raw.type))) t.type = raw.type;
    else d.type = [invalid('Type')];
  }
  if ('priority' in raw) {
    if (raw.priority === null || (typeof raw.priority === 'string' && PRIORITIES.includes(raw.priority))) {
      t.priority = raw.priority;
    } else d.priority = [invalid('Priority')];
  }
  return Object.keys(d).length > 0 ? { ok: false, details: d } : { ok: true, value: t };
}

export interface TicketWriteOptions {
  actorId: number;
  /** API writes ignore undefined custom ticket fields, as Zendesk does. */
  strictFields: boolean;
  /** POST /api/v2/channels/voice/tickets: via_id must be 44, 45 or 46 (default 45). */
  voiceEndpoint?: boolean;
  /** via_id when none is given (ignored on the voice endpoint). */
  defaultViaId?: number;
  defaultStatus?: TicketStatus;
  wantedId?: number;
}

export interface TicketWriteResult {
  ticket: TicketState;
  audit: Record<string, unknown>;
}

function hasText(c: CommentInput | undefined): boolean {
  return !!c && ((c.body?.trim() ?? '') !== '' || (c.html_body?.trim() ?? '') !== '');
}

/** The longest start of `text` that fits in `maxBytes` UTF-8 bytes (never half a character). */
export function cutUtf8(text: string, maxBytes: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  // Back off continuation bytes (10xxxxxx) so the cut falls between characters.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

/** How many comments a write would add. */
function commentsAdded(input: TicketInput): number {
  return (hasText(input.comment) ? 1 : 0) + (input.voice_comment ? 1 : 0) + (input.call_comment ? 1 : 0);
}

function tooManyComments(data: ZendeskData, ticketId: number | null, input: TicketInput): ValidationDetails | null {
  const adding = commentsAdded(input);
  if (adding === 0 || (ticketId === null ? 0 : data.commentCount(ticketId)) + adding <= MAX_COMMENTS_PER_TICKET) return null;
  return { comment: [{ description: `Comment: a ticket can have at most ${MAX_COMMENTS_PER_TICKET} comments`, error: 'TooManyComments' }] };
}

function buildComments(
  data: ZendeskData,
  input: TicketInput,
  actorId: number,
  viaId: number,
  auditId: number,
  now: number,
): CommentRecord[] {
  const out: CommentRecord[] = [];
  const c = input.comment;
  if (c && hasText(c)) {
    // Longer bodies are cut at the account's limit, silently: the write still succeeds.
    const max = data.commentMaxBytes;
    const html = c.html_body !== undefined && c.html_body.trim() !== '' ? cutUtf8(c.html_body, max) : null;
    const author = c.author_id !== undefined && data.users.has(c.author_id) ? c.author_id : actorId;
    out.push({
      id: data.allocateCommentId(),
      type: 'Comment',
      author_id: author,
      public: c.public !== false,
      body: cutUtf8(html !== null ? htmlToText(html) : (c.body ?? ''), max),
      html_body: html,
      data: null,
      audit_id: auditId,
      via_id: viaId,
      createdMs: now,
    });
  }
  if (input.voice_comment) {
    const vdata = { ...input.voice_comment };
    out.push({
      id: data.allocateCommentId(),
      type: 'VoiceComment',
      author_id: actorId,
      public: false,
      body: voiceCommentBody(vdata, (id) => data.userName(id)),
      html_body: null,
      data: vdata,
      audit_id: auditId,
      via_id: viaId,
      createdMs: now,
    });
  }
  const cc = input.call_comment;
  const call = cc ? data.calls.get(cc.call_id) : undefined;
  if (cc && call) {
    const title = cc.title ?? null;
    out.push({
      id: data.allocateCommentId(),
      type: 'VoiceComment',
      author_id: cc.author_id !== undefined && data.users.has(cc.author_id) ? cc.author_id : actorId,
      public: cc.public === true,
      body: callCommentBody(data, call, title),
      html_body: null,
      data: callCommentData(call, title),
      audit_id: auditId,
      via_id: viaId,
      createdMs: now,
      call: { id: call.id, title },
    });
  }
  return out;
}

function mergeCustomFields(
  data: ZendeskData,
  base: readonly CustomFieldValue[],
  updates: readonly CustomFieldValue[] | undefined,
  strict: boolean,
): CustomFieldValue[] {
  const map = new Map(base.map((f) => [f.id, f.value] as const));
  for (const f of updates ?? []) {
    if (strict && !data.customTicketFieldIds.has(f.id)) continue;
    map.set(f.id, f.value);
  }
  return [...map.entries()].sort((a, b) => a[0] - b[0]).map(([id, value]) => ({ id, value }));
}

function commentEvent(c: CommentRecord): Record<string, unknown> {
  return {
    id: c.id,
    type: c.type,
    author_id: c.author_id,
    body: c.body,
    html_body: c.html_body,
    public: c.public,
    ...(c.data ? { data: { ...c.data } } : {}),
  };
}

const AUDITED = ['subject', 'status', 'requester_id', 'assignee_id', 'brand_id', 'type', 'priority', 'external_id'] as const;

function auditOf(
  id: number,
  t: TicketState,
  before: TicketState | null,
  comments: readonly CommentRecord[],
  actorId: number,
  now: number,
): Record<string, unknown> {
  const events: Record<string, unknown>[] = comments.map(commentEvent);
  for (const key of AUDITED) {
    const value = t[key];
    if (before === null) {
      if (value !== null) events.push({ type: 'Create', field_name: key, value });
    } else if (before[key] !== value) {
      events.push({ type: 'Change', field_name: key, value, previous_value: before[key] });
    }
  }
  const tagsText = t.tags.join(' ');
  if (before === null) {
    if (tagsText !== '') events.push({ type: 'Create', field_name: 'tags', value: [...t.tags] });
  } else if (before.tags.join(' ') !== tagsText) {
    events.push({ type: 'Change', field_name: 'tags', value: [...t.tags], previous_value: [...before.tags] });
  }
  const prev = new Map((before?.custom_fields ?? []).map((f) => [f.id, JSON.stringify(f.value)] as const));
  for (const f of t.custom_fields) {
    if (prev.get(f.id) !== JSON.stringify(f.value)) {
      events.push({ type: before ? 'Change' : 'Create', field_name: String(f.id), value: f.value });
    }
  }
  return {
    id,
    ticket_id: t.id,
    created_at: iso(now),
    author_id: actorId,
    metadata: { system: {}, custom: {} },
    via: { channel: viaChannel(t.via_id), source: { from: {}, to: {}, rel: null } },
    events,
  };
}

function checkRefs(data: ZendeskData, input: TicketInput, details: ValidationDetails): void {
  if (input.requester_id !== undefined && !data.users.has(input.requester_id)) {
    details.requester = [{ description: 'Requester: is invalid', error: 'InvalidValue' }];
  }
  if (input.brand_id !== undefined && input.brand_id !== null && data.brands.length > 0 && !data.brandExists(input.brand_id)) {
    details.brand_id = [{ description: 'Brand: is invalid', error: 'InvalidValue' }];
  }
  if (input.assignee_id !== undefined && input.assignee_id !== null) {
    const a = data.users.live(input.assignee_id);
    if (!a || a.role === 'end-user') details.assignee = [{ description: 'Assignee: is invalid', error: 'InvalidValue' }];
  }
}

function voiceSource(data: ZendeskData, viaId: number, input: TicketInput): ViaSource {
  const rel = viaRel(viaId);
  const call = input.call_comment ? data.calls.get(input.call_comment.call_id)?.fields : undefined;
  const voice = input.voice_comment ?? (call ? { from: call.from_line, to: call.to_line } : undefined);
  if (!voice) return { from: {}, to: {}, rel };
  const from = optText(voice.from);
  const to = optText(voice.to);
  return {
    from: from !== undefined ? { phone: from, formatted_phone: from } : {},
    to: to !== undefined ? { phone: to, formatted_phone: to } : {},
    rel,
  };
}

export function createTicket(data: ZendeskData, input: TicketInput, opts: TicketWriteOptions): OpResult<TicketWriteResult> {
  const details: ValidationDetails = {};
  checkRefs(data, input, details);
  if (!hasText(input.comment) && !input.voice_comment && !input.call_comment) {
    details.description = [{ description: 'Description: cannot be blank', error: 'BlankValue' }];
  }
  let viaId = input.via_id ?? opts.defaultViaId ?? 5;
  if (opts.voiceEndpoint) {
    viaId = input.via_id ?? 45;
    if (!VOICE_VIA_IDS.has(viaId)) details.via_id = [{ description: 'Via: must be 44, 45 or 46', error: 'InvalidValue' }];
  }
  if (input.requester_id === undefined && input.requester) {
    const r = input.requester;
    if (!r.email && !r.name && !r.phone) details.requester = [{ description: 'Requester: Name: is too short (minimum one character)', error: 'InvalidValue' }];
  }
  if (Object.keys(details).length > 0) return { ok: false, details };

  // Resolve the requester (an inline requester is matched by email, else created).
  let requesterId = input.requester_id;
  if (requesterId === undefined && input.requester) {
    const r = input.requester;
    const existing = r.email ? data.liveUsersByEmail(r.email)[0] : undefined;
    if (existing) requesterId = existing.id;
    else {
      const made = createUser(
        data,
        { name: r.name ?? r.email ?? r.phone ?? 'Unknown', email: r.email ?? null, phone: r.phone ?? null, role: 'end-user' },
        { strictFields: true },
      );
      if (!made.ok) return { ok: false, details: { requester: Object.values(made.details).flat() } };
      requesterId = made.value.id;
    }
  }
  requesterId ??= opts.actorId;
  const requester = data.users.live(requesterId);
  const actor = data.users.live(opts.actorId);

  const now = data.nowMs();
  const id = data.allocateTicketId(opts.wantedId);
  const auditId = data.allocateAuditId();
  const comments = buildComments(data, input, opts.actorId, viaId, auditId, now);
  const firstAuthor = comments[0]?.author_id ?? opts.actorId;
  let status: TicketStatus =
    input.status ?? opts.defaultStatus ?? (actor && actor.role !== 'end-user' ? 'open' : 'new');
  const assignee = input.assignee_id ?? null;
  if (status === 'new' && assignee !== null) status = 'open';
  const tags = normaliseTags([...(input.tags ?? []), ...(input.additional_tags ?? [])]);
  const ticket: TicketState = {
    id,
    requester_id: requesterId,
    submitter_id: firstAuthor,
    assignee_id: assignee,
    group_id: null,
    organization_id: requester?.organization_id ?? null,
    brand_id: input.brand_id !== undefined && input.brand_id !== null ? input.brand_id : data.defaultBrandId(),
    subject: input.subject ?? null,
    description: comments[0]?.body ?? null,
    status,
    via_id: viaId,
    via_source: voiceSource(data, viaId, input),
    tags,
    custom_fields: mergeCustomFields(data, [], input.custom_fields, opts.strictFields),
    external_id: input.external_id ?? null,
    type: input.type ?? null,
    priority: input.priority ?? null,
    is_public: comments.some((c) => c.public),
    createdMs: now,
    updatedMs: now,
  };
  for (const c of comments) data.addComment(id, c);
  data.writeTicket(ticket, id, now);
  return { ok: true, value: { ticket, audit: auditOf(auditId, ticket, null, comments, opts.actorId, now) } };
}

export const closedTicketDetails = (): ValidationDetails => ({
  status: [{ description: 'Status: closed prevents ticket update', error: 'InvalidValue' }],
});

export function updateTicket(
  data: ZendeskData,
  base: TicketState,
  input: TicketInput,
  opts: TicketWriteOptions,
): OpResult<TicketWriteResult> {
  if (base.status === 'closed') return { ok: false, details: closedTicketDetails() };
  const full = tooManyComments(data, base.id, input);
  if (full) return { ok: false, details: full };
  const details: ValidationDetails = {};
  checkRefs(data, input, details);
  if (Object.keys(details).length > 0) return { ok: false, details };

  const now = data.nowMs();
  const auditId = data.allocateAuditId();
  let tags = input.tags ?? [...base.tags];
  if (input.additional_tags) tags = normaliseTags([...tags, ...input.additional_tags]);
  if (input.remove_tags) tags = tags.filter((t) => !input.remove_tags!.includes(t));
  const assignee = input.assignee_id !== undefined ? input.assignee_id : base.assignee_id;
  let status = input.status ?? base.status;
  if (status === 'new' && assignee !== null) status = 'open';
  const comments = buildComments(data, input, opts.actorId, base.via_id, auditId, now);
  const next: TicketState = {
    ...base,
    requester_id: input.requester_id ?? base.requester_id,
    assignee_id: assignee,
    brand_id: input.brand_id !== undefined ? input.brand_id : base.brand_id,
    subject: input.subject !== undefined ? input.subject : base.subject,
    description: base.description ?? comments[0]?.body ?? null,
    status,
    tags,
    custom_fields: mergeCustomFields(data, base.custom_fields, input.custom_fields, opts.strictFields),
    external_id: input.external_id !== undefined ? input.external_id : base.external_id,
    type: input.type !== undefined ? input.type : base.type,
    priority: input.priority !== undefined ? input.priority : base.priority,
    is_public: base.is_public || comments.some((c) => c.public),
  };
  const audit = auditOf(auditId, next, base, comments, opts.actorId, now);
  const changed = (audit.events as unknown[]).length > 0;
  if (!changed) return { ok: true, value: { ticket: base, audit } };
  const ticket: TicketState = { ...next, updatedMs: now };
  for (const c of comments) data.addComment(base.id, c);
  data.writeTicket(ticket, base.id, now);
  return { ok: true, value: { ticket, audit } };
}
