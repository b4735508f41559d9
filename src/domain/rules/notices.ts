// The words the voice rules say to the agent, as messages (src/i18n/messages.ts): each agent
// reads them in their language, the ticket records the English. Plain text (rendering escapes it).
import { cap, english, msg, type AgentMessage, type MessageValue } from '../../i18n/messages';
import type { CallerFact, Notice, NoticeLevel, RequestedTicketFact, UserFact } from '../types';
import type { RequestedTicketState } from './tickets';

function notice(level: NoticeLevel, record: boolean, text: string | AgentMessage): Notice {
  return typeof text === 'string' ? { level, text, record } : { level, text: english(text), record, message: text };
}

/** Flips from auto to agent and fallbacks: shown and recorded under "Agent notifications". */
export function warning(text: string | AgentMessage): Notice {
  return notice('warning', true, text);
}

/** Plain information: shown, not recorded. */
export function info(text: string | AgentMessage): Notice {
  return notice('info', false, text);
}

/** Something the app could not do: shown as an error and recorded. */
export function failure(text: string | AgentMessage): Notice {
  return notice('error', true, text);
}

/** Shown, not recorded: a click that could not be carried out. */
export function refusal(text: string | AgentMessage): Notice {
  return notice('warning', false, text);
}

/** "then click Create ticket, or open the right ticket and click Attach to current." */
export const CHOOSE = msg('agent.choose');

/** A phrase that starts the sentence. */
export function capitalised(v: MessageValue): MessageValue {
  if (typeof v === 'string') return v.charAt(0).toUpperCase() + v.slice(1);
  return Array.isArray(v) || typeof v === 'number' ? v : cap(v as AgentMessage);
}

/** "Ann Smith (user #12)" */
export function describeUser(user: UserFact): AgentMessage {
  return msg('agent.user', { name: user.name, id: user.id });
}

/** "Ann Smith, user #12; Bob Jones, user #13" — every candidate, for the agent to choose from. */
export function listUsers(users: readonly UserFact[]): AgentMessage[] {
  return users.map((user) => msg('agent.userItem', { name: user.name, id: user.id }));
}

/** Why the other party could not be trusted as a requester, or '' for a recognised one. */
export function callerProblem(caller: CallerFact, party: 'caller' | 'dialled' = 'caller'): MessageValue {
  const dialled = party === 'dialled';
  switch (caller.kind) {
    case 'recognised':
      return '';
    case 'unrecognised':
      if (caller.number) return msg(dialled ? 'agent.callee.unmatched' : 'agent.caller.unmatched', { number: caller.number });
      return msg(dialled ? 'agent.callee.unidentified' : 'agent.caller.unidentified');
    case 'anonymous':
      if (caller.noData) return msg('agent.caller.noData');
      return msg(dialled ? 'agent.callee.withheld' : 'agent.caller.withheld');
    case 'ambiguous':
      // Fewer than two: Zendesk had more matches than were read, so the match is not sure.
      if (caller.users.length < 2) {
        const some = caller.users.length ? msg('agent.someAndOthers', { users: listUsers(caller.users) }) : msg('agent.possiblySeveral');
        return msg(dialled ? 'agent.callee.tooMany' : 'agent.caller.tooMany', { some });
      }
      if (caller.by === 'name' || caller.by === 'email') {
        return msg(caller.by === 'name' ? 'agent.caller.sameName' : 'agent.caller.sameEmail', { count: caller.users.length, users: listUsers(caller.users) });
      }
      return msg(dialled ? 'agent.callee.shared' : 'agent.caller.shared', { count: caller.users.length, users: listUsers(caller.users) });
  }
}

/** What was wrong with (or said about) the ticket number the caller gave. */
export function ticketProblem(
  requested: RequestedTicketFact,
  state: RequestedTicketState,
  caller: CallerFact,
): MessageValue {
  if (requested.kind === 'absent') return '';
  if (requested.kind === 'invalid') return msg(requested.hidden ? 'agent.ticket.hidden' : 'agent.ticket.missing', { raw: requested.raw });
  const id = requested.ticket.id;
  switch (state) {
    case 'closed':
      return msg('agent.ticket.closed', { id });
    case 'not_callers':
      return caller.kind === 'recognised'
        ? msg('agent.ticket.othersRecognised', { id, user: describeUser(caller.user) })
        : msg('agent.ticket.othersShared', { id });
    default:
      return msg('agent.ticket.asked', { id });
  }
}
