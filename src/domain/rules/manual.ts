// Manual assignment: what the agent's clicks mean (Create ticket, Attach to current), and the
// mandatory ticket creation when a manual call ends without a ticket. Pure.
import type { ContactConfig } from '../config';
import type { Assignment, CallerFact, Notice, Requester, TicketFact, UserFact } from '../types';
import { callerProblem, capitalise, info, refusal, warning } from './notices';

export interface CreateTicketInput {
  caller: CallerFact;
  /** The user the agent views or last viewed (initially the popped caller), with their phone. */
  selectedUser: UserFact | null;
}

export interface CreateTicketResolution {
  requester: Requester;
  /**
   * Existing user to receive the caller's number, when they have no phone yet. Only for a caller
   * whose number matched nobody: a recognised or shared number already belongs to someone.
   */
  addPhoneToUser: number | null;
  notices: Notice[];
}

/** Create ticket: the selected user wins; without one, a new user from the number, else the agent. */
export function resolveCreateTicket({ caller, selectedUser }: CreateTicketInput): CreateTicketResolution {
  if (selectedUser) {
    const addPhone = caller.kind === 'unrecognised' && !!caller.number && !selectedUser.phone;
    return {
      requester: { kind: 'user', userId: selectedUser.id },
      addPhoneToUser: addPhone ? selectedUser.id : null,
      notices: [],
    };
  }
  switch (caller.kind) {
    case 'recognised':
      return { requester: { kind: 'user', userId: caller.user.id }, addPhoneToUser: null, notices: [] };
    case 'unrecognised':
      if (caller.number || caller.name || caller.email) {
        return {
          requester: { kind: 'new_user', name: caller.name, phone: caller.number, email: caller.email },
          addPhoneToUser: null,
          notices: [],
        };
      }
      return agentRequester(info(`${capitalise(callerProblem(caller))}, so the ticket was created with you as the requester. Change the requester once you know who called.`));
    case 'anonymous':
      return agentRequester(
        info(`${capitalise(callerProblem(caller))}, so the ticket was created with you as the requester. Change the requester once you know who called.`),
      );
    case 'ambiguous':
      return agentRequester(
        warning(
          `${capitalise(callerProblem(caller))} and none of them was selected, so the ticket was created with you as the requester. ` +
            'Change the requester to the right one.',
        ),
      );
  }
}

function agentRequester(notice: Notice): CreateTicketResolution {
  return { requester: { kind: 'agent' }, addPhoneToUser: null, notices: [notice] };
}

export interface AttachInput {
  viewedTicket: TicketFact | null;
  caller: CallerFact;
}

export type AttachResolution =
  | {
      ok: true;
      ticketId: number;
      /** The ticket's requester gets the caller's number if they have no phone yet (the controller checks). */
      addPhoneToUser: number | null;
    }
  | { ok: false; notice: Notice };

/** Attach to current: the ticket on screen, unless there is none or it is closed. A solved ticket is fine. */
export function resolveAttachToCurrent({ viewedTicket, caller }: AttachInput): AttachResolution {
  if (!viewedTicket) {
    return { ok: false, notice: info('Open the ticket you want to attach this call to, then click Attach to current.') };
  }
  if (viewedTicket.status === 'closed') {
    return {
      ok: false,
      notice: refusal(
        `Ticket #${viewedTicket.id} is closed, so this call cannot be attached to it. Open another ticket, or click Create ticket.`,
      ),
    };
  }
  const addPhone = caller.kind === 'unrecognised' && !!caller.number;
  return { ok: true, ticketId: viewedTicket.id, addPhoneToUser: addPhone ? viewedTicket.requesterId : null };
}

export interface EndWithoutTicketInput {
  config: ContactConfig;
  selectedUserId: number | null;
}

/**
 * Mandatory ticket creation: a manual call that ends with no ticket gets one when
 * force_ticket_creation is true (the default), for the selected user or else the agent.
 */
export function decideAtEndWithoutTicket({ config, selectedUserId }: EndWithoutTicketInput): Assignment {
  if (!config.forceTicketCreation) return { kind: 'none' };
  return {
    kind: 'create_ticket',
    requester: selectedUserId === null ? { kind: 'agent' } : { kind: 'user', userId: selectedUserId },
  };
}

/** The notice recorded with a ticket made by mandatory ticket creation (null when none is made). */
export function endWithoutTicketNotice(assignment: Assignment, channel: 'voice' | 'chat' | 'task' = 'voice'): Notice | null {
  if (assignment.kind !== 'create_ticket') return null;
  const what = channel === 'chat' ? 'chat' : channel === 'task' ? 'task' : 'call';
  const lead = `The ${what} ended before a ticket was created or attached, so force_ticket_creation created this ticket`;
  return assignment.requester.kind === 'user'
    ? warning(`${lead} for user #${assignment.requester.userId}, the user selected at the end of the ${what}.`)
    : warning(`${lead} with you as the requester. Change the requester to the right customer.`);
}
