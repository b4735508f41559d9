// The in-memory Zendesk: answers Zendesk Support REST calls synchronously, with Zendesk's
// status codes and JSON shapes, a search index that lags behind writes, and injectable
// faults. Used by the fake ZAF client (which adds latency), tests and the simulator.

import { FaultQueue, faultResponse } from './faults';
import { isObject, json, parseIso, parseUrl, forbidden, invalidEndpoint, unauthorized, type ValidationDetails } from './http';
import { normaliseTags, ZendeskData, type CommentRecord, type TicketState } from './records';
import { snapshot } from './render';
import { findRoute } from './routes';
import { createTicket, parseTicketInput, updateTicket, type TicketInput } from './tickets';
import type {
  InMemoryZendeskOptions,
  SimClock,
  ZendeskChange,
  ZendeskChangeComment,
  ZendeskCommentSeed,
  ZendeskDisplay,
  ZendeskFault,
  ZendeskInit,
  ZendeskRequest,
  ZendeskResponse,
  ZendeskSnapshot,
  ZendeskTicketSeed,
  ZendeskUserSeed,
} from './types';
import { createUser, parseUserPatch, updateUser } from './users';
import { htmlToText, voiceCommentBody } from './html';

const RATE_WINDOW_MS = 60_000;

export interface AppliedChange {
  kind: 'user' | 'ticket';
  id: number;
}

const describe = (details: ValidationDetails): string =>
  Object.values(details)
    .flat()
    .map((d) => d.description)
    .join('; ');

export class InMemoryZendesk {
  /** `latency_ms` of the scenario: for the caller to add to every request. */
  readonly latencyMs: number;
  readonly searchIndexDelayMs: number;
  private readonly data: ZendeskData;
  private readonly faults = new FaultQueue();
  private readonly changeActorId: number | undefined;
  private requests = 0;
  private readonly rateLimit: number | null;
  /** Times (ms) of the requests counted in the rolling minute, oldest first. */
  private readonly window: number[] = [];
  private windowStart = 0;
  private refused = 0;

  constructor(init: ZendeskInit, clock: SimClock, options: InMemoryZendeskOptions = {}) {
    this.data = new ZendeskData(init, clock, options.installation);
    const limit = init.rate_limit_per_minute;
    this.rateLimit = limit !== undefined && Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : null;
    this.latencyMs = Math.max(0, init.latency_ms ?? 0);
    this.searchIndexDelayMs = this.data.delayMs;
    this.changeActorId = options.changeActorId;
    for (const u of init.users ?? []) this.seedUser(u);
    for (const t of init.tickets ?? []) this.seedTicket(t);
  }

  // ---- the REST face ----------------------------------------------------------------------

  handle(req: ZendeskRequest): ZendeskResponse {
    this.requests++;
    if (this.rateLimit === null) return this.answer(req);
    const limited = this.rateLimited();
    if (limited) return limited;
    const res = this.answer(req);
    const remaining = String(Math.max(0, this.rateLimit - (this.window.length - this.windowStart)));
    return { ...res, headers: { ...res.headers, 'X-Rate-Limit': String(this.rateLimit), 'X-Rate-Limit-Remaining': remaining } };
  }

  /**
   * The account's limit: one rolling minute over every agent and tab. A request past it is
   * refused with 429 and Retry-After, the whole seconds until the oldest counted request leaves
   * the minute; refused requests do not count. Zendesk sends X-Rate-Limit and
   * X-Rate-Limit-Remaining on its answers, and a 429 with a plain-text body ("best practices
   * for avoiding rate limiting", developer.zendesk.com; a 429 quoted on Zendesk's community:
   * text/plain, retry-after, x-rate-limit-remaining: 0).
   */
  private rateLimited(): ZendeskResponse | null {
    const limit = this.rateLimit!;
    const now = this.data.nowMs();
    while (this.windowStart < this.window.length && this.window[this.windowStart]! <= now - RATE_WINDOW_MS) this.windowStart++;
    if (this.windowStart > 1024) {
      this.window.splice(0, this.windowStart);
      this.windowStart = 0;
    }
    if (this.window.length - this.windowStart < limit) {
      this.window.push(now);
      return null;
    }
    this.refused++;
    const retryAfter = Math.max(1, Math.ceil((this.window[this.windowStart]! + RATE_WINDOW_MS - now) / 1000));
    return {
      status: 429,
      body: null,
      rawText: 'Number of allowed API requests per minute exceeded',
      headers: {
        'Content-Type': 'text/plain',
        'Retry-After': String(retryAfter),
        'X-Rate-Limit': String(limit),
        'X-Rate-Limit-Remaining': '0',
      },
    };
  }

  /** Requests refused by the account's rate limit so far. */
  rateLimitedCount(): number {
    return this.refused;
  }

  private answer(req: ZendeskRequest): ZendeskResponse {
    let path: string;
    let query: URLSearchParams;
    try {
      ({ path, query } = parseUrl(req.url));
    } catch {
      return invalidEndpoint();
    }
    const fault = this.faults.take(req.method, path);
    // A fault with a success status (a slow or oddly-bodied answer) lets the request land.
    const lands = !fault || fault.after_write || (fault.status !== 'hang' && fault.status > 0 && fault.status < 400);
    if (!lands) return faultResponse(fault);
    const res = this.dispatch(req, path, query);
    return fault ? faultResponse(fault, res) : res;
  }

  private dispatch(req: ZendeskRequest, path: string, query: URLSearchParams): ZendeskResponse {
    const route = findRoute(req.method, path);
    if (!route) return invalidEndpoint();
    const actor = this.data.users.live(req.asUserId);
    if (!actor) return unauthorized();
    if (actor.role === 'end-user' && !/^\/api\/v2\/users\/me(\.json)?$/.test(path)) return forbidden();
    try {
      return route.handler({ data: this.data, query, body: req.body, actor }, route.params);
    } catch (e) {
      return json(500, { error: 'InternalServerError', description: `in-memory Zendesk: ${String(e)}` });
    }
  }

  /** Arms a fault: the next `times` requests matching method and path prefix fail. */
  injectFault(fault: ZendeskFault): void {
    this.faults.inject(fault);
  }

  /** Fault uses still armed. */
  pendingFaults(): number {
    return this.faults.pending();
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Requests received by `handle` (faulted ones included). */
  requestCount(): number {
    return this.requests;
  }

  /** Talk Partner Edition screen pops requested so far, in order. */
  displays(): ZendeskDisplay[] {
    return this.data.displays.map((d) => ({ ...d }));
  }

  /** Current app installation settings, or null when there is no installation. */
  installationSettings(): Record<string, unknown> | null {
    return this.data.installation ? { ...this.data.installation.settings } : null;
  }

  /** Users and tickets in the report shape of FORMAT.md, ordered by id. */
  snapshot(): ZendeskSnapshot {
    return snapshot(this.data);
  }

  // ---- changes made in Zendesk outside the app -----------------------------------------

  /**
   * Applies a scenario step's change as someone else working in Zendesk would: it bumps
   * `updated_at` and goes through the search index delay. Throws an Error with a readable
   * message when the change is impossible (unknown id, duplicate email, closed ticket...).
   */
  applyChange(change: ZendeskChange): AppliedChange {
    if ('create_user' in change) {
      const { id, ...rest } = change.create_user;
      const patch = parseUserPatch(rest as Record<string, unknown>, true);
      if (!patch.ok) throw new Error(`create_user: ${describe(patch.details)}`);
      const made = createUser(this.data, patch.value, { strictFields: false, ...(id !== undefined ? { wantedId: id } : {}) });
      if (!made.ok) throw new Error(`create_user: ${describe(made.details)}`);
      return { kind: 'user', id: made.value.id };
    }
    if ('update_user' in change) {
      const { id, ...rest } = change.update_user;
      const base = this.data.users.live(id);
      if (!base) throw new Error(`update_user: no user ${id}`);
      const patch = parseUserPatch(rest as Record<string, unknown>, false);
      if (!patch.ok) throw new Error(`update_user ${id}: ${describe(patch.details)}`);
      const done = updateUser(this.data, base, patch.value, { strictFields: false });
      if (!done.ok) throw new Error(`update_user ${id}: ${describe(done.details)}`);
      return { kind: 'user', id };
    }
    if ('create_ticket' in change) {
      const { id, comment, description, ...rest } = change.create_ticket;
      const first = comment ?? { body: description ?? rest.subject ?? 'Created in Zendesk' };
      const input = this.changeTicketInput(rest as Record<string, unknown>, first, 'create_ticket');
      const author = input.comment?.author_id ?? rest.requester_id;
      const made = createTicket(this.data, input, {
        actorId: author,
        strictFields: false,
        defaultStatus: 'new',
        defaultViaId: 0,
        ...(id !== undefined ? { wantedId: id } : {}),
      });
      if (!made.ok) throw new Error(`create_ticket: ${describe(made.details)}`);
      return { kind: 'ticket', id: made.value.ticket.id };
    }
    const { id, comment, description, via_id: _via, ...rest } = change.update_ticket;
    const base = this.data.tickets.live(id);
    if (!base) throw new Error(`update_ticket: no ticket ${id}`);
    const added = comment ?? (description !== undefined ? { body: description } : undefined);
    const input = this.changeTicketInput(rest as Record<string, unknown>, added, `update_ticket ${id}`);
    const actorId = input.comment?.author_id ?? this.defaultChangeActor(base);
    const done = updateTicket(this.data, base, input, { actorId, strictFields: false });
    if (!done.ok) throw new Error(`update_ticket ${id}: ${describe(done.details)}`);
    return { kind: 'ticket', id };
  }

  private changeTicketInput(
    raw: Record<string, unknown>,
    comment: string | ZendeskChangeComment | undefined,
    what: string,
  ): TicketInput {
    const withComment = comment === undefined ? raw : { ...raw, comment: typeof comment === 'string' ? { body: comment } : comment };
    const input = parseTicketInput(withComment);
    if (!input.ok) throw new Error(`${what}: ${describe(input.details)}`);
    return input.value;
  }

  private defaultChangeActor(ticket: TicketState): number {
    if (this.changeActorId !== undefined) return this.changeActorId;
    let agent: number | undefined;
    for (const id of [...this.data.users.ids()].sort((a, b) => a - b)) {
      const u = this.data.users.live(id);
      if (u?.role === 'admin') return id;
      if (u?.role === 'agent' && agent === undefined) agent = id;
    }
    return agent ?? ticket.requester_id;
  }

  // ---- seeding ----------------------------------------------------------------------------

  private seedUser(u: ZendeskUserSeed): void {
    if (!Number.isInteger(u.id)) throw new Error(`zendesk.users: invalid id ${String(u.id)}`);
    if (this.data.users.has(u.id)) throw new Error(`zendesk.users: duplicate id ${u.id}`);
    const updatedMs = u.updated_at !== undefined ? parseIso(u.updated_at, this.data.startMs) : undefined;
    const createdMs = parseIso(u.created_at, Math.min(updatedMs ?? this.data.startMs, this.data.startMs));
    const state = this.data.makeUserState({
      id: u.id,
      name: u.name,
      email: u.email ?? null,
      phone: u.phone ?? null,
      role: u.role ?? 'end-user',
      user_fields: isObject(u.user_fields) ? { ...u.user_fields } : {},
      external_id: u.external_id ?? null,
      organization_id: u.organization_id ?? null,
      tags: normaliseTags(u.tags ?? []),
      phoneIdentities: (u.identities ?? []).filter((i) => i.type === 'phone_number').map((i) => i.value),
      access: {
        canManageEndUsers: u.can_manage_end_users !== false,
        tickets: u.ticket_access ?? 'all',
        groupIds: [...(u.group_ids ?? [])],
        brandIds: u.brand_ids ? [...u.brand_ids] : null,
      },
      createdMs,
      updatedMs: updatedMs ?? createdMs,
    });
    this.data.writeUser(state, Number.NEGATIVE_INFINITY);
  }

  private seedTicket(t: ZendeskTicketSeed): void {
    if (!Number.isInteger(t.id)) throw new Error(`zendesk.tickets: invalid id ${String(t.id)}`);
    if (this.data.tickets.has(t.id)) throw new Error(`zendesk.tickets: duplicate id ${t.id}`);
    const requester = this.data.users.live(t.requester_id);
    if (!requester) throw new Error(`zendesk.tickets: ticket ${t.id} has unknown requester_id ${t.requester_id}`);
    const givenUpdatedMs = t.updated_at !== undefined ? parseIso(t.updated_at, this.data.startMs) : undefined;
    const createdMs = parseIso(t.created_at, Math.min(givenUpdatedMs ?? this.data.startMs, this.data.startMs));
    const updatedMs = givenUpdatedMs ?? createdMs;
    const seeded: ZendeskCommentSeed[] = t.comments ?? (t.description !== undefined ? [{ author_id: t.requester_id, body: t.description }] : []);
    const comments: CommentRecord[] = seeded.map((c) => {
      const isVoice = c.type === 'VoiceComment';
      const html = c.html_body ?? null;
      const data = c.data ? { ...c.data } : null;
      return {
        id: this.data.allocateCommentId(),
        type: isVoice ? 'VoiceComment' : 'Comment',
        author_id: c.author_id,
        public: c.public ?? !isVoice,
        body: c.body ?? (html !== null ? htmlToText(html) : isVoice && data ? voiceCommentBody(data, (id) => this.data.userName(id)) : ''),
        html_body: html,
        data,
        audit_id: this.data.allocateAuditId(),
        via_id: t.via_id ?? 0,
        createdMs: parseIso(c.created_at, createdMs),
      };
    });
    const fields = [...(t.custom_fields ?? [])].sort((a, b) => a.id - b.id).map((f) => ({ id: f.id, value: f.value }));
    const state: TicketState = {
      id: t.id,
      requester_id: t.requester_id,
      submitter_id: t.submitter_id ?? t.requester_id,
      assignee_id: t.assignee_id ?? null,
      group_id: t.group_id ?? null,
      organization_id: requester.organization_id,
      brand_id: t.brand_id !== undefined ? t.brand_id : this.data.defaultBrandId(),
      subject: t.subject ?? null,
      description: comments[0]?.body ?? null,
      status: t.status ?? 'open',
      via_id: t.via_id ?? 0,
      via_source: { from: {}, to: {}, rel: null },
      tags: normaliseTags(t.tags ?? []),
      custom_fields: fields,
      external_id: t.external_id ?? null,
      type: t.type ?? null,
      priority: t.priority ?? null,
      is_public: comments.length === 0 || comments.some((c) => c.public),
      createdMs,
      updatedMs,
    };
    for (const c of comments) this.data.addComment(t.id, c);
    this.data.writeTicket(state, t.id, Number.NEGATIVE_INFINITY);
  }
}
