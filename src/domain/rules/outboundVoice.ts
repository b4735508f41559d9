// Outbound calls: the end-user guide's "Outbound calls (auto assignment)" and "Outbound calls
// (manual assignment)", written as one table below. For outbound, force has no effect of its
// own: it behaves exactly like auto (the mode is still reported as given).
import type { ContactConfig } from '../config';
import type { Assignment, AssignmentMode, CallerFact, Decision, Notice, PopTarget, TicketFact } from '../types';
import { msg } from '../../i18n/messages';
import { CHOOSE, callerProblem, capitalised, warning } from './notices';

export type OutboundOrigin =
  /** Click-to-dial from a ticket; null: the ticket could not be read. */
  | { kind: 'ticket'; ticket: TicketFact | null }
  /** Click-to-dial from a user profile. */
  | { kind: 'user'; userId: number }
  /** Dial pad or quick connect in the softphone. */
  | { kind: 'softphone' };

export interface OutboundFacts {
  config: ContactConfig;
  origin: OutboundOrigin;
  /** The dialled number, looked up. */
  callee: CallerFact;
}

/** Where the call was placed from, as the table distinguishes it. */
export type OriginState = 'ticket' | 'closed ticket' | 'unreadable ticket' | 'user profile' | 'softphone';

export type OutboundPop = 'origin ticket' | 'origin user' | 'callee' | 'nothing';

export type OutboundAssign =
  | 'attach to origin ticket'
  | 'create ticket for origin ticket requester'
  | 'create ticket for origin user'
  | 'create ticket for callee'
  | 'create ticket for new user' // with the dialled number
  | 'await agent'
  | 'nothing';

export type OutboundNotice = 'closed origin ticket' | 'unreadable origin ticket' | 'ambiguous callee';

type ModeColumn = 'auto or force' | 'agent' | 'any';
type CalleeColumn = CallerFact['kind'] | 'any';
type AllOutboundColumn = boolean | 'any';
/** 'as given': the contact's mode is kept; otherwise the effective mode. */
type BecomesColumn = 'as given' | AssignmentMode;

export interface OutboundRule {
  origin: OriginState;
  mode: ModeColumn;
  callee: CalleeColumn;
  allOutbound: AllOutboundColumn;
  becomes: BecomesColumn;
  pop: OutboundPop;
  assign: OutboundAssign;
  notice: OutboundNotice | null;
}

type Row = [
  origin: OriginState,
  mode: ModeColumn,
  callee: CalleeColumn,
  allOutbound: AllOutboundColumn,
  becomes: BecomesColumn,
  pop: OutboundPop,
  assign: OutboundAssign,
  notice: OutboundNotice | null,
];

function rules(rows: Row[]): readonly OutboundRule[] {
  return rows.map(([origin, mode, callee, allOutbound, becomes, pop, assign, notice]) =>
    Object.freeze({ origin, mode, callee, allOutbound, becomes, pop, assign, notice }),
  );
}

// The first matching row wins; the tests check that every cell has exactly one.
// 'callee' pops the dialled user when the number was recognised, nothing otherwise.
// prettier-ignore
export const OUTBOUND_VOICE_RULES: readonly OutboundRule[] = rules([
  // origin              mode             callee          all_outbound  → mode       pop              assignment                                   notice
  // ── Zendesk ticket: the call goes on that ticket, in every mode (manual behaves as auto) ──────────────────────────────────────
  ['ticket',            'auto or force', 'any',          'any',        'as given',  'origin ticket', 'attach to origin ticket',                   null],
  ['ticket',            'agent',         'any',          'any',        'auto',      'origin ticket', 'attach to origin ticket',                   null],
  ['closed ticket',     'auto or force', 'any',          'any',        'as given',  'nothing',       'create ticket for origin ticket requester', 'closed origin ticket'],
  ['closed ticket',     'agent',         'any',          'any',        'auto',      'nothing',       'create ticket for origin ticket requester', 'closed origin ticket'],
  ['unreadable ticket', 'any',           'any',          'any',        'agent',     'callee',        'await agent',                               'unreadable origin ticket'],
  // ── Zendesk user profile ─────────────────────────────────────────────────────────────────────────────────────────────────
  ['user profile',      'auto or force', 'any',          'any',        'as given',  'origin user',   'create ticket for origin user',             null],
  ['user profile',      'agent',         'any',          'any',        'agent',     'origin user',   'await agent',                               null],
  // ── Connect softphone ─────────────────────────────────────────────────────────────────────────────────────────────────────
  ['softphone',         'auto or force', 'recognised',   'any',        'as given',  'callee',        'create ticket for callee',                  null],
  ['softphone',         'auto or force', 'unrecognised', false,        'as given',  'nothing',       'nothing',                                   null],
  ['softphone',         'auto or force', 'unrecognised', true,         'as given',  'nothing',       'create ticket for new user',                null],
  ['softphone',         'auto or force', 'anonymous',    'any',        'as given',  'nothing',       'nothing',                                   null],
  ['softphone',         'auto or force', 'ambiguous',    'any',        'agent',     'nothing',       'await agent',                               'ambiguous callee'],
  ['softphone',         'agent',         'recognised',   'any',        'agent',     'callee',        'await agent',                               null],
  ['softphone',         'agent',         'unrecognised', 'any',        'agent',     'nothing',       'await agent',                               null],
  ['softphone',         'agent',         'anonymous',    'any',        'agent',     'nothing',       'await agent',                               null],
  ['softphone',         'agent',         'ambiguous',    'any',        'agent',     'nothing',       'await agent',                               'ambiguous callee'],
]);

export function originState(origin: OutboundOrigin): OriginState {
  switch (origin.kind) {
    case 'ticket':
      if (origin.ticket === null) return 'unreadable ticket';
      return origin.ticket.status === 'closed' ? 'closed ticket' : 'ticket';
    case 'user':
      return 'user profile';
    case 'softphone':
      return 'softphone';
  }
}

/**
 * The callee as the table sees it: an unrecognised callee without a number (a quick connect to
 * a queue or an agent) is treated as anonymous, since no user can be made from it.
 */
export function calleeKind(callee: CallerFact): CallerFact['kind'] {
  return callee.kind === 'unrecognised' && !callee.number ? 'anonymous' : callee.kind;
}

export function findOutboundRule(
  origin: OriginState,
  mode: AssignmentMode,
  callee: CallerFact['kind'],
  allOutbound: boolean,
): OutboundRule | undefined {
  return OUTBOUND_VOICE_RULES.find(
    (rule) =>
      rule.origin === origin &&
      (rule.mode === 'any' || rule.mode === mode || (rule.mode === 'auto or force' && mode !== 'agent')) &&
      (rule.callee === 'any' || rule.callee === callee) &&
      (rule.allOutbound === 'any' || rule.allOutbound === allOutbound),
  );
}

interface OutboundContext {
  config: ContactConfig;
  origin: OutboundOrigin;
  callee: CallerFact;
}

export function decideOutboundVoice(facts: OutboundFacts): Decision {
  const { config, origin, callee } = facts;
  const rule = findOutboundRule(originState(origin), config.mode, calleeKind(callee), config.allOutbound);
  const ctx: OutboundContext = { config, origin, callee };
  const selectedUserId = selectedUserFor(ctx);
  const pop = rule ? resolvePop(rule.pop, ctx) : undefined;
  const assignment = rule ? resolveAssignment(rule.assign, ctx) : null;
  if (!rule || pop === undefined || assignment === null) {
    // Unreachable for real facts (the tests walk every cell); never guess.
    return {
      mode: 'agent',
      pop: null,
      assignment: { kind: 'await_agent' },
      notices: [warning(msg('agent.noRule', { choose: CHOOSE }))],
      selectedUserId,
    };
  }
  return {
    mode: rule.becomes === 'as given' ? config.mode : rule.becomes,
    pop,
    assignment,
    notices: rule.notice ? [OUTBOUND_NOTICES[rule.notice](ctx)] : [],
    selectedUserId,
  };
}

function selectedUserFor({ origin, callee }: OutboundContext): number | null {
  if (origin.kind === 'ticket' && origin.ticket) return origin.ticket.requesterId;
  if (origin.kind === 'user') return origin.userId;
  return callee.kind === 'recognised' ? callee.user.id : null;
}

/** undefined: the row does not fit the facts. */
function resolvePop(pop: OutboundPop, { origin, callee }: OutboundContext): PopTarget | null | undefined {
  switch (pop) {
    case 'nothing':
      return null;
    case 'callee':
      return callee.kind === 'recognised' ? { kind: 'user', id: callee.user.id } : null;
    case 'origin ticket':
      return origin.kind === 'ticket' && origin.ticket ? { kind: 'ticket', id: origin.ticket.id } : undefined;
    case 'origin user':
      return origin.kind === 'user' ? { kind: 'user', id: origin.userId } : undefined;
  }
}

function resolveAssignment(assign: OutboundAssign, { config, origin, callee }: OutboundContext): Assignment | null {
  switch (assign) {
    case 'nothing':
      return { kind: 'none' };
    case 'await agent':
      return { kind: 'await_agent' };
    case 'attach to origin ticket':
      return origin.kind === 'ticket' && origin.ticket ? { kind: 'attach', ticketId: origin.ticket.id } : null;
    case 'create ticket for origin ticket requester':
      return origin.kind === 'ticket' && origin.ticket
        ? { kind: 'create_ticket', requester: { kind: 'user', userId: origin.ticket.requesterId } }
        : null;
    case 'create ticket for origin user':
      return origin.kind === 'user' ? { kind: 'create_ticket', requester: { kind: 'user', userId: origin.userId } } : null;
    case 'create ticket for callee':
      return callee.kind === 'recognised'
        ? { kind: 'create_ticket', requester: { kind: 'user', userId: callee.user.id } }
        : null;
    case 'create ticket for new user':
      return callee.kind === 'unrecognised' && callee.number
        ? {
            kind: 'create_ticket',
            requester: {
              kind: 'new_user',
              name: callee.name ?? config.customerName,
              phone: callee.number,
              email: callee.email ?? config.customerEmail,
            },
          }
        : null;
  }
}

const OUTBOUND_NOTICES: Record<OutboundNotice, (ctx: OutboundContext) => Notice> = {
  'closed origin ticket': ({ origin }) => {
    const ticket = origin.kind === 'ticket' ? origin.ticket : null;
    return warning(msg('agent.out.closedOrigin', { id: ticket?.id ?? '?', requester: ticket?.requesterId ?? '?' }));
  },

  'unreadable origin ticket': ({ config }) =>
    warning(msg(config.mode === 'agent' ? 'agent.out.unreadableOrigin' : 'agent.out.unreadableOriginSwitched')),

  'ambiguous callee': ({ config, callee }) => {
    const who = callerProblem(callee, 'dialled');
    return config.mode === 'agent'
      ? warning(msg('agent.openRightUser', { who: capitalised(who), choose: CHOOSE }))
      : warning(msg('agent.openRightUserSwitched', { who, choose: CHOOSE }));
  },
};
