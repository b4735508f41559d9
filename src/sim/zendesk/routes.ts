// The REST endpoints of Zendesk Support that the in-memory Zendesk answers.

import {
  asId,
  badRequest,
  bodyObject,
  created,
  forbidden,
  idList,
  invalidAttribute,
  iso,
  isObject,
  ok,
  paginate,
  recordInvalid,
  recordNotFound,
  rootObject,
  json,
} from './http';
import { createCall, showCall, updateCall } from './calls';
import type { TicketState, UserState, ZendeskData } from './records';
import { commentJson, ticketJson, userJson } from './render';
import { runSearch, type SearchKind } from './search';
import { createTicket, parseTicketInput, updateTicket } from './tickets';
import type { HttpMethod, ZendeskResponse } from './types';
import { createUser, parseUserPatch, updateUser } from './users';

export interface RouteContext {
  data: ZendeskData;
  query: URLSearchParams;
  body: unknown;
  actor: UserState;
}

type Handler = (ctx: RouteContext, params: readonly string[]) => ZendeskResponse;

interface Route {
  method: HttpMethod;
  re: RegExp;
  handler: Handler;
}

const num = (s: string | undefined): number => Number(s);

// ---- search -----------------------------------------------------------------------------

function searchEndpoint(basePath: string, allowed: readonly SearchKind[], usersOnly: boolean): Handler {
  return ({ data, query, actor }) => {
    if (usersOnly && !query.get('query') && query.get('external_id')) {
      const users = data.liveUsersByExternalId(query.get('external_id')!).map((u) => userJson(data, u));
      return ok({ users, count: users.length, next_page: null, previous_page: null });
    }
    const q = query.get('query');
    if (q === null || q.trim() === '') return badRequest('The query parameter is required');
    // Search leaves out the tickets a restricted agent cannot see.
    const hits = runSearch(data, q, { allowed, sortBy: query.get('sort_by'), sortOrder: query.get('sort_order') }).filter(
      (h) => h.kind === 'user' || data.canSee(actor, h.state),
    );
    const page = paginate(hits, query, basePath);
    if (usersOnly) {
      return ok({
        users: page.items.map((h) => userJson(data, h.state as UserState)),
        count: page.count,
        next_page: page.next_page,
        previous_page: page.previous_page,
      });
    }
    return ok({
      results: page.items.map((h) =>
        h.kind === 'user'
          ? { ...userJson(data, h.state), result_type: 'user' }
          : { ...ticketJson(data, h.state), result_type: 'ticket' },
      ),
      facets: null,
      next_page: page.next_page,
      previous_page: page.previous_page,
      count: page.count,
    });
  };
}

// ---- users ------------------------------------------------------------------------------

const getUser: Handler = ({ data }, [id]) => {
  const u = data.users.live(num(id));
  return u ? ok({ user: userJson(data, u) }) : recordNotFound();
};

const showManyUsers: Handler = ({ data, query }) => {
  const users = idList(query.get('ids'))
    .map((id) => data.users.live(id))
    .filter((u): u is UserState => u !== undefined)
    .map((u) => userJson(data, u));
  return ok({ users, count: users.length, next_page: null, previous_page: null });
};

const listUsers: Handler = ({ data, query }) => {
  const roles = query.getAll('role[]').concat(query.getAll('role'));
  const all = [...data.users.ids()]
    .sort((a, b) => a - b)
    .map((id) => data.users.live(id))
    .filter((u): u is UserState => u !== undefined && (roles.length === 0 || roles.includes(u.role)));
  const page = paginate(all, query, '/api/v2/users.json');
  return ok({
    users: page.items.map((u) => userJson(data, u)),
    count: page.count,
    next_page: page.next_page,
    previous_page: page.previous_page,
  });
};

/**
 * Creating or updating end users needs the agent role's "can manage end users" permission
 * (FORMAT.md, "More fields of records"); without it Zendesk answers 403.
 */
function mayWriteUser(actor: UserState, role: string | undefined): boolean {
  return actor.role === 'admin' || actor.access.canManageEndUsers || (role !== undefined && role !== 'end-user');
}

const postUser: Handler = ({ data, body, actor }) => {
  const raw = rootObject(body, 'user');
  if (!raw) return invalidAttribute('user');
  const patch = parseUserPatch(raw, true);
  if (!patch.ok) return recordInvalid(patch.details);
  if (!mayWriteUser(actor, patch.value.role ?? 'end-user')) return forbidden();
  const made = createUser(data, patch.value, { strictFields: true });
  if (!made.ok) return recordInvalid(made.details);
  return created({ user: userJson(data, made.value) }, `/api/v2/users/${made.value.id}.json`);
};

const putUser: Handler = ({ data, body, actor }, [id]) => {
  const base = data.users.live(num(id));
  if (!base) return recordNotFound();
  if (!mayWriteUser(actor, base.role)) return forbidden();
  const raw = rootObject(body, 'user');
  if (!raw) return invalidAttribute('user');
  const patch = parseUserPatch(raw, false);
  if (!patch.ok) return recordInvalid(patch.details);
  const done = updateUser(data, base, patch.value, { strictFields: true });
  return done.ok ? ok({ user: userJson(data, done.value) }) : recordInvalid(done.details);
};

const createOrUpdateUser: Handler = ({ data, body, actor }) => {
  const raw = rootObject(body, 'user');
  if (!raw) return invalidAttribute('user');
  const ext = typeof raw.external_id === 'string' || typeof raw.external_id === 'number' ? String(raw.external_id) : null;
  const email = typeof raw.email === 'string' && raw.email.trim() !== '' ? raw.email.trim() : null;
  const match = (ext !== null ? data.liveUsersByExternalId(ext)[0] : undefined) ?? (email !== null ? data.liveUsersByEmail(email)[0] : undefined);
  const patch = parseUserPatch(raw, match === undefined);
  if (!patch.ok) return recordInvalid(patch.details);
  if (!mayWriteUser(actor, match?.role ?? patch.value.role ?? 'end-user')) return forbidden();
  if (match) {
    const done = updateUser(data, match, patch.value, { strictFields: true });
    return done.ok ? ok({ user: userJson(data, done.value) }) : recordInvalid(done.details);
  }
  const made = createUser(data, patch.value, { strictFields: true });
  if (!made.ok) return recordInvalid(made.details);
  return created({ user: userJson(data, made.value) }, `/api/v2/users/${made.value.id}.json`);
};

/** GET /api/v2/users/{id}/identities: the email, the primary phone and further phone numbers. */
const userIdentities: Handler = ({ data }, [id]) => {
  const u = data.users.live(num(id));
  if (!u) return recordNotFound();
  const list: Record<string, unknown>[] = [];
  const add = (type: string, value: string, primary: boolean) =>
    list.push({
      url: `https://sim.zendesk.com/api/v2/users/${u.id}/identities/${u.id * 100 + list.length + 1}.json`,
      id: u.id * 100 + list.length + 1,
      user_id: u.id,
      type,
      value,
      verified: type === 'email' ? u.email !== null : true,
      primary,
      created_at: iso(u.createdMs),
      updated_at: iso(u.updatedMs),
    });
  if (u.email) add('email', u.email, true);
  if (u.phone) add('phone_number', u.phone, true);
  for (const p of u.phoneIdentities) if (p !== u.phone) add('phone_number', p, !u.phone && list.every((i) => i.type !== 'phone_number'));
  return ok({ identities: list, count: list.length, next_page: null, previous_page: null });
};

// ---- tickets ----------------------------------------------------------------------------

function ticketList(data: ZendeskData, tickets: readonly TicketState[], query: URLSearchParams, basePath: string): ZendeskResponse {
  const page = paginate(tickets, query, basePath);
  return ok({
    tickets: page.items.map((t) => ticketJson(data, t)),
    count: page.count,
    next_page: page.next_page,
    previous_page: page.previous_page,
  });
}

function sortTickets(tickets: TicketState[], query: URLSearchParams): TicketState[] {
  const by = query.get('sort_by');
  const dir = query.get('sort_order') === 'desc' ? -1 : 1;
  const key = (t: TicketState): number => (by === 'updated_at' ? t.updatedMs : by === 'created_at' ? t.createdMs : t.id);
  return tickets.sort((a, b) => (key(a) - key(b) || a.id - b.id) * dir);
}

/** A ticket the actor may see: 404 when there is none, 403 when it is outside the agent's access. */
function visibleTicket(ctx: RouteContext, id: string | undefined): TicketState | ZendeskResponse {
  const t = ctx.data.tickets.live(num(id));
  if (!t) return recordNotFound();
  return ctx.data.canSee(ctx.actor, t) ? t : forbidden();
}

const isResponse = (x: TicketState | ZendeskResponse): x is ZendeskResponse => 'status' in x && 'headers' in x;

const getTicket: Handler = (ctx, [id]) => {
  const t = visibleTicket(ctx, id);
  return isResponse(t) ? t : ok({ ticket: ticketJson(ctx.data, t) });
};

const showManyTickets: Handler = ({ data, query, actor }) => {
  const tickets = idList(query.get('ids'))
    .map((id) => data.tickets.live(id))
    .filter((t): t is TicketState => t !== undefined && data.canSee(actor, t))
    .map((t) => ticketJson(data, t));
  return ok({ tickets, count: tickets.length, next_page: null, previous_page: null });
};

/** GET /api/v2/tickets.json, and ?external_id=X: live, not index-delayed. */
const listTickets: Handler = ({ data, query, actor }) => {
  const ext = query.get('external_id');
  let tickets: TicketState[];
  if (ext !== null) tickets = data.liveTicketsByExternalId(ext);
  else {
    tickets = [...data.tickets.ids()]
      .map((id) => data.tickets.live(id))
      .filter((t): t is TicketState => t !== undefined);
  }
  // Lists leave out what a restricted agent cannot see (no 403: the list just lacks them).
  tickets = tickets.filter((t) => data.canSee(actor, t));
  return ticketList(data, sortTickets(tickets, query), query, '/api/v2/tickets.json');
};

const requestedTickets: Handler = ({ data, query, actor }, [id]) => {
  const userId = num(id);
  if (!data.users.has(userId)) return recordNotFound();
  return ticketList(
    data,
    sortTickets(data.liveTicketsOfRequester(userId).filter((t) => data.canSee(actor, t)), query),
    query,
    `/api/v2/users/${userId}/tickets/requested.json`,
  );
};

function postTicketHandler(voice: boolean): Handler {
  return ({ data, body, actor }) => {
    const raw = rootObject(body, 'ticket');
    if (!raw) return invalidAttribute('ticket');
    const input = parseTicketInput(raw);
    if (!input.ok) return recordInvalid(input.details);
    const made = createTicket(data, input.value, { actorId: actor.id, strictFields: true, voiceEndpoint: voice });
    if (!made.ok) return recordInvalid(made.details);
    const t = made.value.ticket;
    if (voice) {
      const b = bodyObject(body);
      const agent = b.ok ? asId(b.value.display_to_agent) : undefined;
      const agentUser = agent !== undefined ? data.users.live(agent) : undefined;
      if (agentUser && agentUser.role !== 'end-user') {
        data.displays.push({ at_ms: data.nowMs(), agent_id: agentUser.id, kind: 'ticket', id: t.id, by_user_id: actor.id });
      }
    }
    return created({ ticket: ticketJson(data, t), audit: made.value.audit }, `/api/v2/tickets/${t.id}.json`);
  };
}

const putTicket: Handler = (ctx, [id]) => {
  const { data, body, actor } = ctx;
  const base = visibleTicket(ctx, id);
  if (isResponse(base)) return base;
  const raw = rootObject(body, 'ticket');
  if (!raw) return invalidAttribute('ticket');
  const input = parseTicketInput(raw);
  if (!input.ok) return recordInvalid(input.details);
  const done = updateTicket(data, base, input.value, { actorId: actor.id, strictFields: true });
  if (!done.ok) return recordInvalid(done.details);
  return ok({ ticket: ticketJson(data, done.value.ticket), audit: done.value.audit });
};

const deleteTicket: Handler = ({ data }, [id]) => {
  const t = data.tickets.live(num(id));
  if (!t) return recordNotFound();
  data.writeTicket(null, t.id, data.nowMs());
  return { status: 204, body: null, headers: {} };
};

const ticketComments: Handler = (ctx, [id]) => {
  const { data, query } = ctx;
  const ticketId = num(id);
  const t = visibleTicket(ctx, id);
  if (isResponse(t)) return t;
  const all = [...data.commentsOf(ticketId)];
  if (query.get('sort_order') === 'desc') all.reverse();
  const page = paginate(all, query, `/api/v2/tickets/${ticketId}/comments.json`);
  return ok({
    comments: page.items.map((c) => commentJson(data, c)),
    count: page.count,
    next_page: page.next_page,
    previous_page: page.previous_page,
  });
};

// ---- account configuration --------------------------------------------------------------

// An agent with brand memberships (brand agents, "Restricting agent ticket access by brand")
// is shown only those brands; admins see all.
const brands: Handler = ({ data, actor }) => {
  const member = actor.role === 'admin' ? null : actor.access.brandIds;
  const list = data.brands.filter((b) => member === null || member.includes(b.id)).map((b) => ({
    url: `https://sim.zendesk.com/api/v2/brands/${b.id}.json`,
    id: b.id,
    name: b.name,
    brand_url: `https://${b.subdomain ?? `brand${b.id}`}.zendesk.com`,
    subdomain: b.subdomain ?? `brand${b.id}`,
    host_mapping: null,
    has_help_center: false,
    help_center_state: 'disabled',
    active: b.active ?? true,
    default: b.default ?? false,
    is_deleted: false,
    logo: null,
    ticket_form_ids: [],
    signature_template: '{{agent.signature}}',
    created_at: iso(data.startMs),
    updated_at: iso(data.startMs),
  }));
  return ok({ brands: list, count: list.length, next_page: null, previous_page: null });
};

const ticketFields: Handler = ({ data }) => {
  const list = data.ticketFields.map((f, i) => ({
    url: `https://sim.zendesk.com/api/v2/ticket_fields/${f.id}.json`,
    id: f.id,
    type: f.type,
    title: f.title,
    raw_title: f.title,
    description: '',
    raw_description: '',
    position: i,
    active: f.active ?? true,
    required: false,
    collapsed_for_agents: false,
    regexp_for_validation: null,
    title_in_portal: f.title,
    visible_in_portal: false,
    editable_in_portal: false,
    required_in_portal: false,
    tag: null,
    removable: true,
    agent_description: null,
    created_at: iso(data.startMs),
    updated_at: iso(data.startMs),
  }));
  return ok({ ticket_fields: list, count: list.length, next_page: null, previous_page: null });
};

const userFields: Handler = ({ data }) => {
  const list = data.userFields.map((f, i) => {
    const id = f.id ?? 100_000 + i;
    return {
      url: `https://sim.zendesk.com/api/v2/user_fields/${id}.json`,
      id,
      type: f.type,
      key: f.key,
      title: f.title ?? f.key,
      raw_title: f.title ?? f.key,
      description: '',
      raw_description: '',
      position: i,
      active: true,
      system: false,
      regexp_for_validation: null,
      created_at: iso(data.startMs),
      updated_at: iso(data.startMs),
    };
  });
  return ok({ user_fields: list, count: list.length, next_page: null, previous_page: null });
};

function installationJson(data: ZendeskData): Record<string, unknown> {
  const inst = data.installation!;
  return {
    id: inst.id,
    app_id: inst.appId,
    product: 'support',
    settings: { ...inst.settings },
    settings_objects: Object.entries(inst.settings).map(([name, value]) => ({ name, value })),
    enabled: true,
    paid: false,
    collapsible: true,
    created_at: iso(inst.createdMs),
    updated_at: iso(inst.updatedMs),
  };
}

const getInstallation: Handler = ({ data }, [id]) =>
  data.installation && data.installation.id === num(id) ? ok(installationJson(data)) : recordNotFound();

const listInstallations: Handler = ({ data }) =>
  ok({ installations: data.installation ? [installationJson(data)] : [] });

const putInstallation: Handler = ({ data, body, actor }, [id]) => {
  if (actor.role !== 'admin') return forbidden();
  if (!data.installation || data.installation.id !== num(id)) return recordNotFound();
  const b = bodyObject(body);
  if (!b.ok) return invalidAttribute('settings');
  const settings = b.value.settings;
  if (settings !== undefined && !isObject(settings)) return invalidAttribute('settings');
  if (settings === undefined && !('enabled' in b.value)) return invalidAttribute('settings');
  if (settings) {
    data.installation.settings = { ...data.installation.settings, ...settings };
    data.installation.updatedMs = data.nowMs();
  }
  return ok(installationJson(data));
};

// ---- Talk Partner Edition ---------------------------------------------------------------

/**
 * "Use of this API requires Talk Partner Edition" (developer.zendesk.com, Talk Partner Edition
 * API). An account without it gets Zendesk's plain 403 Forbidden on every /channels/voice
 * endpoint and on the call object (/calls), whatever the agent's role.
 */
function requiresTalkPartnerEdition(handler: Handler): Handler {
  return (ctx, params) => (ctx.data.talkPartnerEdition ? handler(ctx, params) : forbidden());
}

function display(kind: 'ticket' | 'user'): Handler {
  return ({ data, actor }, [agentId, recordId]) => {
    const agent = data.users.live(num(agentId));
    if (!agent || agent.role === 'end-user') return recordNotFound();
    const exists = kind === 'ticket' ? data.tickets.has(num(recordId)) : data.users.has(num(recordId));
    if (!exists) return recordNotFound();
    data.displays.push({ at_ms: data.nowMs(), agent_id: agent.id, kind, id: num(recordId), by_user_id: actor.id });
    return json(200, {});
  };
}

// ---- table ------------------------------------------------------------------------------

const V2 = '/api/v2';
const r = (method: HttpMethod, pattern: string, handler: Handler): Route => ({
  method,
  re: new RegExp(`^${V2}${pattern}$`),
  handler,
});

export const ROUTES: readonly Route[] = [
  r('GET', '/users/search', searchEndpoint(`${V2}/users/search.json`, ['user'], true)),
  r('GET', '/search', searchEndpoint(`${V2}/search.json`, ['user', 'ticket'], false)),
  r('GET', '/users/me', ({ data, actor }) => ok({ user: userJson(data, actor) })),
  r('GET', '/users/show_many', showManyUsers),
  r('GET', '/users/(\\d+)', getUser),
  r('GET', '/users', listUsers),
  r('POST', '/users', postUser),
  r('POST', '/users/create_or_update', createOrUpdateUser),
  r('PUT', '/users/(\\d+)', putUser),
  r('GET', '/users/(\\d+)/tickets/requested', requestedTickets),
  r('GET', '/users/(\\d+)/identities', userIdentities),
  r('GET', '/tickets/show_many', showManyTickets),
  r('GET', '/tickets/(\\d+)', getTicket),
  r('GET', '/tickets', listTickets),
  r('POST', '/tickets', postTicketHandler(false)),
  r('POST', '/channels/voice/tickets', requiresTalkPartnerEdition(postTicketHandler(true))),
  r('PUT', '/tickets/(\\d+)', putTicket),
  r('DELETE', '/tickets/(\\d+)', deleteTicket),
  r('GET', '/tickets/(\\d+)/comments', ticketComments),
  r('GET', '/brands', brands),
  r('GET', '/ticket_fields', ticketFields),
  r('GET', '/user_fields', userFields),
  r('GET', '/apps/installations', listInstallations),
  r('GET', '/apps/installations/(\\d+)', getInstallation),
  r('PUT', '/apps/installations/(\\d+)', putInstallation),
  r('POST', '/channels/voice/agents/(\\d+)/tickets/(\\d+)/display', requiresTalkPartnerEdition(display('ticket'))),
  r('POST', '/channels/voice/agents/(\\d+)/users/(\\d+)/display', requiresTalkPartnerEdition(display('user'))),
  r('POST', '/calls', requiresTalkPartnerEdition(createCall)),
  r('PATCH', '/calls/(\\d+)', requiresTalkPartnerEdition(updateCall)),
  r('GET', '/calls/(\\d+)', requiresTalkPartnerEdition(showCall)),
];

/** Finds the route for a path (".json" suffix optional). */
export function findRoute(method: HttpMethod, path: string): { handler: Handler; params: string[] } | undefined {
  const p = path.endsWith('.json') ? path.slice(0, -5) : path;
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.re.exec(p);
    if (m) return { handler: route.handler, params: m.slice(1) };
  }
  return undefined;
}
