// The words the voice rules say to the agent. Plain text (rendering escapes it).
import type { CallerFact, Notice, RequestedTicketFact, UserFact } from '../types';
import type { RequestedTicketState } from './tickets';

/** Flips from auto to agent and fallbacks: shown and recorded under "Agent notifications". */
export function warning(text: string): Notice {
  return { level: 'warning', text, record: true };
}

/** Plain information: shown, not recorded. */
export function info(text: string): Notice {
  return { level: 'info', text, record: false };
}

/** Shown, not recorded: a click that could not be carried out. */
export function refusal(text: string): Notice {
  return { level: 'warning', text, record: false };
}

export const SWITCHED = 'Switched to manual assignment: ';
export const CHOOSE = 'then click Create ticket, or open the right ticket and click Attach to current.';

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Ann Smith (user #12)" */
export function describeUser(user: UserFact): string {
  return `${user.name} (user #${user.id})`;
}

/** "Ann Smith, user #12; Bob Jones, user #13" — every candidate, for the agent to choose from. */
export function listUsers(users: readonly UserFact[]): string {
  return users.map((user) => `${user.name}, user #${user.id}`).join('; ');
}

/** Why the other party could not be trusted as a requester, or '' for a recognised one. */
export function callerProblem(caller: CallerFact, party: 'caller' | 'dialled' = 'caller'): string {
  const whose = party === 'caller' ? "the caller's number" : 'the dialled number';
  switch (caller.kind) {
    case 'recognised':
      return '';
    case 'unrecognised':
      return caller.number
        ? `${whose} ${caller.number} does not match any Zendesk user`
        : `the ${party === 'caller' ? 'caller' : 'callee'} could not be identified`;
    case 'anonymous':
      return caller.noData ? 'the customer gave no name, email address or phone number' : `${whose} is withheld (anonymous)`;
    case 'ambiguous':
      // Fewer than two: Zendesk had more matches than were read, so the match is not sure.
      if (caller.users.length < 2) {
        const some = caller.users.length ? `${listUsers(caller.users)} and possibly others` : 'possibly several users';
        return `too many Zendesk users have numbers like ${whose} to be sure who it is (${some}); search Zendesk to find the right one`;
      }
      if (caller.by === 'name' || caller.by === 'email') {
        const what = caller.by === 'name' ? "the customer's name" : "the customer's email address";
        return `${caller.users.length} users match ${what} (${listUsers(caller.users)}); search Zendesk to find the right one`;
      }
      return `${caller.users.length} users share ${whose} (${listUsers(caller.users)})`;
  }
}

/** What was wrong with (or said about) the ticket number the caller gave. */
export function ticketProblem(
  requested: RequestedTicketFact,
  state: RequestedTicketState,
  caller: CallerFact,
): string {
  if (requested.kind === 'absent') return '';
  if (requested.kind === 'invalid') {
    if (requested.hidden) return `the caller entered ticket number "${requested.raw}", which is not visible to you in Zendesk`;
    return `the caller entered ticket number "${requested.raw}", which does not exist`;
  }
  const id = requested.ticket.id;
  switch (state) {
    case 'closed':
      return `the caller asked for ticket #${id}, which is closed`;
    case 'not_callers':
      return caller.kind === 'recognised'
        ? `the caller asked for ticket #${id}, which belongs to another customer, not to ${describeUser(caller.user)}`
        : `the caller asked for ticket #${id}, which belongs to none of the users with this number`;
    default:
      return `the caller asked for ticket #${id}`;
  }
}
