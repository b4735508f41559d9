// Inbound calls: who gets the ticket, what pops, and when the app hands over to the agent.
// The rules are the end-user guide's "Inbound calls (auto assignment)", "Inbound calls (manual
// assignment)", ticket number and recent ticket sections, written as one table below.
import type { ContactConfig } from '../config';
import type {
  Assignment,
  AssignmentMode,
  CallerFact,
  Decision,
  Notice,
  PopTarget,
  RequestedTicketFact,
  TicketFact,
} from '../types';
import { msg, type AgentMessage, type MessageValue } from '../../i18n/messages';
import { CHOOSE, callerProblem, capitalised, describeUser, info, ticketProblem, warning } from './notices';
import {
  classifyRecentTicket,
  classifyRequestedTicket,
  parseTicketNumber,
  type RecentTicketState,
  type RequestedTicketState,
} from './tickets';

export interface InboundFacts {
  config: ContactConfig;
  caller: CallerFact;
  requestedTicket: RequestedTicketFact;
  /** Latest ticket of a recognised caller created/updated inside the window; looked up only when needed. */
  recentTicket: TicketFact | null;
  nowMs: number;
}

export type CallerKind = CallerFact['kind'];

/** What is put on screen (while ringing when pop_incoming, else on accept). */
export type InboundPop = 'caller' | 'requested ticket' | 'recent ticket' | 'nothing';

/** What happens to the call. */
export type InboundAssign =
  | 'create ticket for caller'
  | 'create ticket for new user' // phone = caller's number, name = customer_name when given
  | 'create ticket for agent' // the agent is the requester
  | 'create ticket for original requester' // requester of the closed ticket the caller asked for
  | 'attach to requested ticket'
  | 'attach to recent ticket'
  | 'await agent'; // manual: Create ticket / Attach to current

export type InboundNotice =
  | 'attached to recent ticket'
  | 'unusable ticket number'
  | 'ambiguous caller'
  | 'flip: unusable ticket number'
  | 'flip: anonymous caller'
  | 'flip: unverified caller'
  | 'flip: unverified caller, unusable ticket number'
  | 'flip: ambiguous caller'
  | 'force: new ticket for caller instead'
  | 'force: recent ticket instead'
  | 'force: attached without verifying caller'
  | 'force: new user'
  | 'force: ticket for agent'
  | 'force: ticket for original requester';

export interface InboundRule {
  caller: CallerKind;
  mode: AssignmentMode;
  ticket: RequestedTicketState;
  /** 'any': the recent ticket does not matter here (always so for callers that are not recognised). */
  recent: RecentTicketState | 'any';
  /** Effective mode: `agent` where auto flips. */
  becomes: AssignmentMode;
  pop: InboundPop;
  assign: InboundAssign;
  notice: InboundNotice | null;
}

type Row = [
  caller: CallerKind,
  mode: AssignmentMode,
  ticket: RequestedTicketState,
  recent: RecentTicketState | 'any',
  becomes: AssignmentMode,
  pop: InboundPop,
  assign: InboundAssign,
  notice: InboundNotice | null,
];

function rules(rows: Row[]): readonly InboundRule[] {
  return rows.map(([caller, mode, ticket, recent, becomes, pop, assign, notice]) =>
    Object.freeze({ caller, mode, ticket, recent, becomes, pop, assign, notice }),
  );
}

// "not_callers" only arises for a recognised caller (or several users sharing the number): an
// unrecognised or anonymous caller cannot be checked against the ticket's requester.
// prettier-ignore
export const INBOUND_VOICE_RULES: readonly InboundRule[] = rules([
  // caller          mode     ticket number   recent      → mode    pop                 assignment                              notice
  // ── Inbound calls (auto assignment) ───────────────────────────────────────────────────────────────────────────────────────
  ['recognised',   'auto',  'absent',       'none',     'auto',   'caller',           'create ticket for caller',             null],
  ['recognised',   'auto',  'absent',       'inside',   'auto',   'recent ticket',    'attach to recent ticket',              'attached to recent ticket'],
  ['recognised',   'auto',  'valid',        'any',      'auto',   'requested ticket', 'attach to requested ticket',           null],
  ['recognised',   'auto',  'invalid',      'any',      'agent',  'caller',           'await agent',                          'flip: unusable ticket number'],
  ['recognised',   'auto',  'closed',       'any',      'agent',  'caller',           'await agent',                          'flip: unusable ticket number'],
  ['recognised',   'auto',  'not_callers',  'any',      'agent',  'caller',           'await agent',                          'flip: unusable ticket number'],
  ['unrecognised', 'auto',  'absent',       'any',      'auto',   'nothing',          'create ticket for new user',           null],
  ['unrecognised', 'auto',  'valid',        'any',      'agent',  'requested ticket', 'await agent',                          'flip: unverified caller'],
  ['unrecognised', 'auto',  'invalid',      'any',      'agent',  'nothing',          'await agent',                          'flip: unverified caller, unusable ticket number'],
  ['unrecognised', 'auto',  'closed',       'any',      'agent',  'nothing',          'await agent',                          'flip: unverified caller, unusable ticket number'],
  ['anonymous',    'auto',  'absent',       'any',      'agent',  'nothing',          'await agent',                          'flip: anonymous caller'],
  ['anonymous',    'auto',  'valid',        'any',      'agent',  'requested ticket', 'await agent',                          'flip: unverified caller'],
  ['anonymous',    'auto',  'invalid',      'any',      'agent',  'nothing',          'await agent',                          'flip: unverified caller, unusable ticket number'],
  ['anonymous',    'auto',  'closed',       'any',      'agent',  'nothing',          'await agent',                          'flip: unverified caller, unusable ticket number'],
  ['ambiguous',    'auto',  'absent',       'any',      'agent',  'nothing',          'await agent',                          'flip: ambiguous caller'],
  ['ambiguous',    'auto',  'valid',        'any',      'agent',  'requested ticket', 'await agent',                          'flip: ambiguous caller'],
  ['ambiguous',    'auto',  'invalid',      'any',      'agent',  'nothing',          'await agent',                          'flip: ambiguous caller'],
  ['ambiguous',    'auto',  'closed',       'any',      'agent',  'nothing',          'await agent',                          'flip: ambiguous caller'],
  ['ambiguous',    'auto',  'not_callers',  'any',      'agent',  'nothing',          'await agent',                          'flip: ambiguous caller'],

  // ── force: as auto, but a fallback action instead of every flip ───────────────────────────────────────────────────────────
  ['recognised',   'force', 'absent',       'none',     'force',  'caller',           'create ticket for caller',             null],
  ['recognised',   'force', 'absent',       'inside',   'force',  'recent ticket',    'attach to recent ticket',              'attached to recent ticket'],
  ['recognised',   'force', 'valid',        'any',      'force',  'requested ticket', 'attach to requested ticket',           null],
  ['recognised',   'force', 'invalid',      'none',     'force',  'caller',           'create ticket for caller',             'force: new ticket for caller instead'],
  ['recognised',   'force', 'invalid',      'inside',   'force',  'recent ticket',    'attach to recent ticket',              'force: recent ticket instead'],
  ['recognised',   'force', 'closed',       'none',     'force',  'caller',           'create ticket for caller',             'force: new ticket for caller instead'],
  ['recognised',   'force', 'closed',       'inside',   'force',  'recent ticket',    'attach to recent ticket',              'force: recent ticket instead'],
  ['recognised',   'force', 'not_callers',  'none',     'force',  'caller',           'create ticket for caller',             'force: new ticket for caller instead'],
  ['recognised',   'force', 'not_callers',  'inside',   'force',  'recent ticket',    'attach to recent ticket',              'force: recent ticket instead'],
  ['unrecognised', 'force', 'absent',       'any',      'force',  'nothing',          'create ticket for new user',           null],
  ['unrecognised', 'force', 'valid',        'any',      'force',  'requested ticket', 'attach to requested ticket',           'force: attached without verifying caller'],
  ['unrecognised', 'force', 'invalid',      'any',      'force',  'nothing',          'create ticket for new user',           'force: new user'],
  ['unrecognised', 'force', 'closed',       'any',      'force',  'nothing',          'create ticket for original requester', 'force: ticket for original requester'],
  ['anonymous',    'force', 'absent',       'any',      'force',  'nothing',          'create ticket for agent',              'force: ticket for agent'],
  ['anonymous',    'force', 'valid',        'any',      'force',  'requested ticket', 'attach to requested ticket',           'force: attached without verifying caller'],
  ['anonymous',    'force', 'invalid',      'any',      'force',  'nothing',          'create ticket for agent',              'force: ticket for agent'],
  ['anonymous',    'force', 'closed',       'any',      'force',  'nothing',          'create ticket for original requester', 'force: ticket for original requester'],
  ['ambiguous',    'force', 'absent',       'any',      'force',  'nothing',          'create ticket for agent',              'force: ticket for agent'],
  ['ambiguous',    'force', 'valid',        'any',      'force',  'requested ticket', 'attach to requested ticket',           'force: attached without verifying caller'],
  ['ambiguous',    'force', 'invalid',      'any',      'force',  'nothing',          'create ticket for agent',              'force: ticket for agent'],
  ['ambiguous',    'force', 'closed',       'any',      'force',  'nothing',          'create ticket for original requester', 'force: ticket for original requester'],
  ['ambiguous',    'force', 'not_callers',  'any',      'force',  'nothing',          'create ticket for agent',              'force: ticket for agent'],

  // ── Inbound calls (manual assignment): nothing is created by the app, only popped ─────────────────────────────────────────
  ['recognised',   'agent', 'absent',       'none',     'agent',  'caller',           'await agent',                          null],
  ['recognised',   'agent', 'absent',       'inside',   'agent',  'recent ticket',    'await agent',                          null],
  ['recognised',   'agent', 'valid',        'any',      'agent',  'requested ticket', 'await agent',                          null],
  ['recognised',   'agent', 'invalid',      'any',      'agent',  'caller',           'await agent',                          'unusable ticket number'],
  ['recognised',   'agent', 'closed',       'any',      'agent',  'caller',           'await agent',                          'unusable ticket number'],
  ['recognised',   'agent', 'not_callers',  'any',      'agent',  'caller',           'await agent',                          'unusable ticket number'],
  ['unrecognised', 'agent', 'absent',       'any',      'agent',  'nothing',          'await agent',                          null],
  ['unrecognised', 'agent', 'valid',        'any',      'agent',  'requested ticket', 'await agent',                          null],
  ['unrecognised', 'agent', 'invalid',      'any',      'agent',  'nothing',          'await agent',                          'unusable ticket number'],
  ['unrecognised', 'agent', 'closed',       'any',      'agent',  'nothing',          'await agent',                          'unusable ticket number'],
  ['anonymous',    'agent', 'absent',       'any',      'agent',  'nothing',          'await agent',                          null],
  ['anonymous',    'agent', 'valid',        'any',      'agent',  'requested ticket', 'await agent',                          null],
  ['anonymous',    'agent', 'invalid',      'any',      'agent',  'nothing',          'await agent',                          'unusable ticket number'],
  ['anonymous',    'agent', 'closed',       'any',      'agent',  'nothing',          'await agent',                          'unusable ticket number'],
  ['ambiguous',    'agent', 'absent',       'any',      'agent',  'nothing',          'await agent',                          'ambiguous caller'],
  ['ambiguous',    'agent', 'valid',        'any',      'agent',  'requested ticket', 'await agent',                          'ambiguous caller'],
  ['ambiguous',    'agent', 'invalid',      'any',      'agent',  'nothing',          'await agent',                          'ambiguous caller'],
  ['ambiguous',    'agent', 'closed',       'any',      'agent',  'nothing',          'await agent',                          'ambiguous caller'],
  ['ambiguous',    'agent', 'not_callers',  'any',      'agent',  'nothing',          'await agent',                          'ambiguous caller'],
]);

/** The row for one cell of the matrix, or undefined for a cell that cannot occur. */
export function findInboundRule(
  caller: CallerKind,
  mode: AssignmentMode,
  ticket: RequestedTicketState,
  recent: RecentTicketState,
): InboundRule | undefined {
  return INBOUND_VOICE_RULES.find(
    (rule) =>
      rule.caller === caller &&
      rule.mode === mode &&
      rule.ticket === ticket &&
      (rule.recent === 'any' || rule.recent === recent),
  );
}

// ── What the controller has to look up ─────────────────────────────────────────────────────────

/** Facts that depend only on the configuration: is there a ticket number worth fetching? */
export function inboundFactsNeeded(config: ContactConfig): { ticketLookup: boolean } {
  return { ticketLookup: parseTicketNumber(config.ticketNumber) !== null };
}

/**
 * The ticket-number fact when no lookup is needed: `absent` without a number, `invalid` for
 * text that is not a ticket number. Null when the ticket has to be fetched.
 */
export function requestedTicketWithoutLookup(config: ContactConfig): RequestedTicketFact | null {
  if (config.ticketNumber === null || config.ticketNumber.trim() === '') return { kind: 'absent' };
  if (parseTicketNumber(config.ticketNumber) === null) return { kind: 'invalid', raw: config.ticketNumber };
  return null;
}

/**
 * Whether the caller's recent ticket must be fetched: only for a recognised caller, with a
 * window, and no usable ticket number, and only where the table's answer depends on it.
 */
export function needsRecentTicketLookup(
  config: ContactConfig,
  caller: CallerFact,
  requestedTicket: RequestedTicketFact,
): boolean {
  if (caller.kind !== 'recognised' || !(config.recentTicketMinutes > 0)) return false;
  const ticket = classifyRequestedTicket(requestedTicket, caller);
  if (ticket === 'valid') return false;
  return (
    findInboundRule(caller.kind, config.mode, ticket, 'inside') !==
    findInboundRule(caller.kind, config.mode, ticket, 'none')
  );
}

// ── The decision ───────────────────────────────────────────────────────────────────────────────

interface InboundContext {
  config: ContactConfig;
  caller: CallerFact;
  requested: RequestedTicketFact;
  ticketState: RequestedTicketState;
  /** Only when inside the window. */
  recent: TicketFact | null;
}

export function decideInboundVoice(facts: InboundFacts): Decision {
  const { config, caller, requestedTicket } = facts;
  const ticketState = classifyRequestedTicket(requestedTicket, caller);
  const recentState = classifyRecentTicket(facts.recentTicket, config, caller, facts.nowMs);
  const ctx: InboundContext = {
    config,
    caller,
    requested: requestedTicket,
    ticketState,
    recent: recentState === 'inside' ? facts.recentTicket : null,
  };
  const rule = findInboundRule(caller.kind, config.mode, ticketState, recentState);
  const selectedUserId = selectedUserFor(ctx);
  const decided = rule && resolve(rule, ctx);
  if (!decided) {
    // Unreachable for facts the classifiers produce (the tests walk every cell); never guess.
    return {
      mode: 'agent',
      pop: caller.kind === 'recognised' ? { kind: 'user', id: caller.user.id } : null,
      assignment: { kind: 'await_agent' },
      notices: [warning(msg('agent.noRule', { choose: CHOOSE }))],
      selectedUserId,
    };
  }
  return { ...decided, selectedUserId };
}

/** The user Create ticket would use before the agent views anyone. */
function selectedUserFor(ctx: InboundContext): number | null {
  if (ctx.caller.kind === 'recognised') return ctx.caller.user.id;
  if (ctx.ticketState === 'valid' && ctx.requested.kind === 'found') return ctx.requested.ticket.requesterId;
  return null;
}

function resolve(rule: InboundRule, ctx: InboundContext): Omit<Decision, 'selectedUserId'> | null {
  const pop = resolvePop(rule.pop, ctx);
  const assignment = resolveAssignment(rule.assign, ctx);
  if (pop === undefined || assignment === null) return null;
  return {
    mode: rule.becomes,
    pop,
    assignment,
    notices: rule.notice ? [INBOUND_NOTICES[rule.notice](ctx)] : [],
  };
}

function foundTicket(ctx: InboundContext): TicketFact | null {
  return ctx.requested.kind === 'found' ? ctx.requested.ticket : null;
}

/** undefined: the row does not fit the facts. */
function resolvePop(pop: InboundPop, ctx: InboundContext): PopTarget | null | undefined {
  switch (pop) {
    case 'nothing':
      return null;
    case 'caller':
      return ctx.caller.kind === 'recognised' ? { kind: 'user', id: ctx.caller.user.id } : undefined;
    case 'requested ticket': {
      const ticket = foundTicket(ctx);
      return ticket ? { kind: 'ticket', id: ticket.id } : undefined;
    }
    case 'recent ticket':
      return ctx.recent ? { kind: 'ticket', id: ctx.recent.id } : undefined;
  }
}

function resolveAssignment(assign: InboundAssign, ctx: InboundContext): Assignment | null {
  const { caller, config } = ctx;
  switch (assign) {
    case 'await agent':
      return { kind: 'await_agent' };
    case 'create ticket for caller':
      return caller.kind === 'recognised'
        ? { kind: 'create_ticket', requester: { kind: 'user', userId: caller.user.id } }
        : null;
    case 'create ticket for new user':
      return caller.kind === 'unrecognised'
        ? {
            kind: 'create_ticket',
            requester: {
              kind: 'new_user',
              name: caller.name ?? config.customerName,
              phone: caller.number,
              email: caller.email ?? config.customerEmail,
            },
          }
        : null;
    case 'create ticket for agent':
      return { kind: 'create_ticket', requester: { kind: 'agent' } };
    case 'create ticket for original requester': {
      const ticket = foundTicket(ctx);
      return ticket ? { kind: 'create_ticket', requester: { kind: 'user', userId: ticket.requesterId } } : null;
    }
    case 'attach to requested ticket': {
      const ticket = foundTicket(ctx);
      return ticket ? { kind: 'attach', ticketId: ticket.id } : null;
    }
    case 'attach to recent ticket':
      return ctx.recent ? { kind: 'attach', ticketId: ctx.recent.id } : null;
  }
}

// ── What the agent is told ─────────────────────────────────────────────────────────────────────

function ticketWhy(ctx: InboundContext): MessageValue {
  return ticketProblem(ctx.requested, ctx.ticketState, ctx.caller);
}

function callerName(ctx: InboundContext): AgentMessage {
  return ctx.caller.kind === 'recognised' ? describeUser(ctx.caller.user) : msg('agent.theCaller');
}

function recentPhrase(ctx: InboundContext): AgentMessage {
  return msg('agent.recentTicket', { id: ctx.recent?.id ?? '?', minutes: ctx.config.recentTicketMinutes });
}

const INBOUND_NOTICES: Record<InboundNotice, (ctx: InboundContext) => Notice> = {
  'attached to recent ticket': (ctx) => info(msg('agent.in.attachedRecent', { recent: recentPhrase(ctx) })),

  'unusable ticket number': (ctx) => info(msg('agent.in.ticketNotOpened', { why: capitalised(ticketWhy(ctx)) })),

  'ambiguous caller': (ctx) => warning(msg('agent.openRightUser', { who: capitalised(ambiguity(ctx)), choose: CHOOSE })),

  'flip: unusable ticket number': (ctx) => warning(msg('agent.in.flipTicket', { why: ticketWhy(ctx), choose: CHOOSE })),

  'flip: anonymous caller': (ctx) => warning(msg('agent.in.flipCaller', { who: callerProblem(ctx.caller), choose: CHOOSE })),

  'flip: unverified caller': (ctx) =>
    warning(msg('agent.in.flipUnverified', { why: ticketWhy(ctx), who: callerProblem(ctx.caller), id: foundTicket(ctx)?.id ?? '?' })),

  'flip: unverified caller, unusable ticket number': (ctx) =>
    warning(msg('agent.in.flipBoth', { why: ticketWhy(ctx), who: callerProblem(ctx.caller), choose: CHOOSE })),

  'flip: ambiguous caller': (ctx) => warning(msg('agent.openRightUserSwitched', { who: ambiguity(ctx), choose: CHOOSE })),

  'force: new ticket for caller instead': (ctx) =>
    warning(msg('agent.in.forceNewTicket', { why: capitalised(ticketWhy(ctx)), caller: callerName(ctx) })),

  'force: recent ticket instead': (ctx) => warning(msg('agent.in.forceRecent', { why: capitalised(ticketWhy(ctx)), recent: recentPhrase(ctx) })),

  'force: attached without verifying caller': (ctx) => {
    const ticket = foundTicket(ctx);
    return warning(
      msg('agent.in.forceUnverified', { who: capitalised(callerProblem(ctx.caller)), id: ticket?.id ?? '?', requester: ticket?.requesterId ?? '?' }),
    );
  },

  'force: new user': (ctx) => warning(msg('agent.in.forceNewUser', { why: capitalised(ticketWhy(ctx)), who: callerProblem(ctx.caller) })),

  'force: ticket for agent': (ctx) =>
    warning(
      ctx.ticketState === 'absent'
        ? msg('agent.in.forceAgent', { who: capitalised(callerProblem(ctx.caller)) })
        : msg('agent.in.forceAgentBoth', { why: capitalised(ticketWhy(ctx)), who: callerProblem(ctx.caller) }),
    ),

  'force: ticket for original requester': (ctx) =>
    warning(
      msg('agent.in.forceOriginal', { why: capitalised(ticketWhy(ctx)), who: callerProblem(ctx.caller), requester: foundTicket(ctx)?.requesterId ?? '?' }),
    ),
};

/** "2 users share the caller's number (…)" plus what the ticket number said. */
function ambiguity(ctx: InboundContext): MessageValue {
  const who = callerProblem(ctx.caller);
  const ticket = foundTicket(ctx);
  switch (ctx.ticketState) {
    case 'absent':
      return who;
    case 'valid':
      return msg('agent.in.ambiguousAsked', { who, id: ticket?.id ?? '?', requester: ticket?.requesterId ?? '?' });
    default:
      return msg('agent.in.ambiguousTicket', { who, why: ticketWhy(ctx) });
  }
}
