// Manual assignment: what the agent's clicks mean (Create ticket, Attach to current), and the
// mandatory ticket creation when a manual call ends without a ticket. Pure.
import type { ContactConfig } from '../config';
import type { Assignment, CallerFact, Notice, Requester, TicketFact, UserFact } from '../types';
import { msg } from '../../i18n/messages';
import { callerProblem, capitalised, info, refusal, warning } from './notices';

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
      return agentRequester(info(msg('agent.manual.agentRequester', { who: capitalised(callerProblem(caller)) })));
    case 'anonymous':
      return agentRequester(info(msg('agent.manual.agentRequester', { who: capitalised(callerProblem(caller)) })));
    case 'ambiguous':
      return agentRequester(warning(msg('agent.manual.noneSelected', { who: capitalised(callerProblem(caller)) })));
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
    return { ok: false, notice: info(msg('agent.manual.openTicket')) };
  }
  if (viewedTicket.status === 'closed') {
    return {
      ok: false,
      notice: refusal(msg('agent.manual.closed', { id: viewedTicket.id })),
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
  return assignment.requester.kind === 'user'
    ? warning(msg(`agent.end.${what}.user`, { id: assignment.requester.userId }))
    : warning(msg(`agent.end.${what}.agent`));
}
