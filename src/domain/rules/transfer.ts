// Transfers and multi-party legs (end-user guide "Agent to agent call transfers", admin guide
// "Enhanced Monitoring and Multi-party Calls", chat transfers): the leg goes on the ticket of
// the first leg, found by the contact chain's initial contact id.
//
//   mode   | first leg's ticket found              | not found
//   auto   | attach to it, pop it                  | switch to agent mode (warning)
//   agent  | pop it, the agent attaches or creates | the agent searches (info)
//   force  | ignore it: a new ticket for the customer (customer_number) — decided by the inbound rules
import type { ContactConfig } from '../config';
import type { Decision, TicketFact } from '../types';
import { msg } from '../../i18n/messages';
import { info, warning } from './notices';

export interface TransferFacts {
  config: ContactConfig;
  channel: 'voice' | 'chat';
  /** The first leg's ticket, or null when it cannot be found (not created yet, index lag, no permission). */
  firstLegTicket: TicketFact | null;
  /**
   * The agent sees only some tickets (groups, assigned): a first leg's ticket that is not found
   * may exist out of sight, and a new one would be a duplicate. With `initialContactId`.
   */
  hiddenFrom?: { initialContactId: string };
}

/** A leg whose first leg's ticket may exist but be hidden: no ticket is made for it, not even at the end. */
export function firstLegMayBeHidden(facts: TransferFacts): boolean {
  return facts.firstLegTicket === null && facts.hiddenFrom !== undefined;
}

/** Force mode does not look for the first leg's ticket at all: the inbound rules decide. */
export function transferUsesFirstLeg(config: ContactConfig): boolean {
  return config.mode !== 'force';
}

export function decideTransfer(facts: TransferFacts): Decision {
  const { config, channel, firstLegTicket, hiddenFrom } = facts;
  const what = channel === 'chat' ? 'chat' : 'call';
  if (firstLegTicket === null && hiddenFrom) {
    const text = msg(`agent.transfer.${what}.hidden`, { contact: hiddenFrom.initialContactId });
    return { mode: 'agent', pop: null, assignment: { kind: 'await_agent' }, notices: [warning(text)], selectedUserId: null };
  }
  const usable = firstLegTicket && firstLegTicket.status !== 'closed' ? firstLegTicket : null;
  if (usable) {
    const pop = { kind: 'ticket', id: usable.id } as const;
    if (config.mode === 'agent') {
      return { mode: 'agent', pop, assignment: { kind: 'await_agent' }, notices: [], selectedUserId: usable.requesterId };
    }
    return { mode: config.mode, pop, assignment: { kind: 'attach', ticketId: usable.id }, notices: [], selectedUserId: usable.requesterId };
  }
  const text = firstLegTicket
    ? msg(`agent.transfer.${what}.closed`, { id: firstLegTicket.id })
    : msg(`agent.transfer.${what}.notFound`);
  return {
    mode: 'agent',
    pop: null,
    assignment: { kind: 'await_agent' },
    notices: [config.mode === 'agent' ? info(text) : warning(text)],
    selectedUserId: null,
  };
}
