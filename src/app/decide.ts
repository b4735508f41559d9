// Gathering the facts a contact's rules need (only those lookups), and asking the rules.
import { decideInboundVoice, needsRecentTicketLookup, requestedTicketWithoutLookup } from '../domain/rules/inboundVoice';
import { decideOutboundVoice, type OutboundOrigin } from '../domain/rules/outboundVoice';
import { decideTransfer, firstLegMayBeHidden, transferUsesFirstLeg } from '../domain/rules/transfer';
import { parseTicketNumber } from '../domain/rules/tickets';
import { info, warning } from '../domain/rules/notices';
import { msg } from '../i18n/messages';
import type { CallerFact, Decision, RequestedTicketFact, TicketFact } from '../domain/types';
import type { TicketDetails } from '../zendesk/gateway';
import type { ContactRecord } from './progress';
import { identifyByPhone } from './identify';
import { WorkKit, digits, isLaterLeg } from './workKit';

const TASK_TICKET_NAME = /^zendesk-(\d+)$/i;

export class ContactDecisions extends WorkKit {
  async decide(rec: ContactRecord): Promise<Decision> {
    const c = rec.snapshot;
    const gw = this.app.gateway;
    const settings = this.settings();
    if (c.monitoring) return this.monitoringDecision(rec);
    if (c.channel === 'email') return emailDecision(rec);
    if (c.channel === 'task') return this.taskDecision(rec);
    if (rec.direction === 'outbound') {
      const pending = this.app.takePendingDial(c.customerEndpoint, digits);
      const origin: OutboundOrigin = pending?.ticketId
        ? { kind: 'ticket', ticket: pending.ticket }
        : pending?.userId
          ? { kind: 'user', userId: pending.userId }
          : { kind: 'softphone' };
      // Only a softphone dial needs to know who the number belongs to.
      const callee: CallerFact =
        origin.kind === 'softphone'
          ? await identifyByPhone(gw, rec.config, c.customerEndpoint, settings)
          : { kind: 'unrecognised', number: c.customerEndpoint, email: null, name: null };
      rec.caller = callee;
      if (origin.kind === 'ticket' && origin.ticket) {
        rec.userId = origin.ticket.requesterId;
        // Read at the click already: attaching needs no second read.
        rec.attachTicket = pending?.ticket ?? null;
      }
      if (origin.kind === 'user') rec.userId = origin.userId;
      return decideOutboundVoice({ config: rec.config, origin, callee });
    }
    if (c.channel === 'chat' && c.previousContactId && !isLaterLeg(c)) {
      // A continued chat goes on the ticket of the conversation it continues.
      const previous = await this.ticketOfContact(c.previousContactId);
      if (previous && previous.status !== 'closed') {
        rec.userId = previous.requesterId;
        rec.attachTicket = previous;
        rec.caller = { kind: 'anonymous', noData: true };
        return { mode: rec.config.mode, pop: { kind: 'ticket', id: previous.id }, assignment: { kind: 'attach', ticketId: previous.id }, notices: [], selectedUserId: previous.requesterId };
      }
    }
    if (isLaterLeg(c) && transferUsesFirstLeg(rec.config)) {
      const first = await this.ticketOfContact(c.initialContactId);
      if (first) rec.userId = first.requesterId;
      rec.attachTicket = first;
      // A restricted agent's lists leave out tickets it may not see: not found is not "none".
      const hidden = first === null && (await gw.seesOnlySomeTickets());
      const facts = {
        config: rec.config,
        channel: c.channel === 'chat' ? 'chat' : 'voice',
        firstLegTicket: first,
        ...(hidden ? { hiddenFrom: { initialContactId: c.initialContactId } } : {}),
      } as const;
      if (firstLegMayBeHidden(facts)) {
        rec.noTicketAtEnd = true;
        rec.caller = { kind: 'anonymous' };
      }
      const decision = decideTransfer(facts);
      // Who the customer is matters only if the agent may create a ticket for them: the first
      // leg's requester when there is one (a live read), else a lookup.
      const requester = decision.assignment.kind === 'await_agent' && first ? await gw.getUser(first.requesterId) : null;
      rec.caller =
        decision.assignment.kind !== 'await_agent'
          ? { kind: 'anonymous' }
          : requester && requester.role === 'end-user'
            ? { kind: 'recognised', user: requester }
            : await this.identify(rec);
      if (decision.selectedUserId === null && rec.caller.kind === 'recognised') decision.selectedUserId = rec.caller.user.id;
      return decision;
    }
    const requestedP: Promise<RequestedTicketFact> = (async () => {
      const known = requestedTicketWithoutLookup(rec.config);
      if (known) return known;
      const t = await gw.readTicket(parseTicketNumber(rec.config.ticketNumber) ?? 0);
      const raw = rec.config.ticketNumber ?? '';
      if (t.kind === 'found') return { kind: 'found', ticket: t.ticket };
      return t.kind === 'hidden' ? { kind: 'invalid', raw, hidden: true } : { kind: 'invalid', raw };
    })();
    const [caller, requestedTicket] = await Promise.all([this.identify(rec), requestedP]);
    rec.caller = caller;
    let recentTicket: TicketFact | null = null;
    if (needsRecentTicketLookup(rec.config, caller, requestedTicket) && caller.kind === 'recognised') {
      const tickets = await gw.recentRequestedTickets(caller.user.id);
      recentTicket = tickets.find((t) => t.status !== 'closed') ?? null;
    }
    const decision = decideInboundVoice({ config: rec.config, caller, requestedTicket, recentTicket, nowMs: this.now() });
    const attachTo = decision.assignment.kind === 'attach' ? decision.assignment.ticketId : null;
    rec.attachTicket = [requestedTicket.kind === 'found' ? requestedTicket.ticket : null, recentTicket].find((t) => t && t.id === attachTo) as TicketDetails | null ?? null;
    if (requestedTicket.kind === 'found' && decision.assignment.kind === 'attach') rec.userId = requestedTicket.ticket.requesterId;
    if (recentTicket && decision.assignment.kind === 'attach' && decision.assignment.ticketId === recentTicket.id) rec.userId = recentTicket.requesterId;
    return decision;
  }

  /** A supervisor listening in: show the ticket, change nothing. */
  private async monitoringDecision(rec: ContactRecord): Promise<Decision> {
    const ticket = await this.ticketOfContact(rec.snapshot.initialContactId);
    return {
      mode: rec.config.mode,
      pop: ticket ? { kind: 'ticket', id: ticket.id } : null,
      assignment: { kind: 'none' },
      notices: ticket ? [] : [info(msg('agent.monitoring.noTicket'))],
      selectedUserId: null,
    };
  }

  /** Tasks named Zendesk-<n> belong to that ticket; any other task is the agent's to place. */
  private async taskDecision(rec: ContactRecord): Promise<Decision> {
    const m = TASK_TICKET_NAME.exec((rec.snapshot.name ?? '').trim());
    const read = m ? await this.app.gateway.readTicket(Number(m[1])) : null;
    const ticket = read?.kind === 'found' ? read.ticket : null;
    if (ticket && ticket.status !== 'closed') {
      rec.userId = ticket.requesterId;
      rec.attachTicket = ticket;
      return { mode: rec.config.mode, pop: { kind: 'ticket', id: ticket.id }, assignment: { kind: 'attach', ticketId: ticket.id }, notices: [], selectedUserId: ticket.requesterId };
    }
    const why = !m ? 'unlinked' : ticket ? 'closed' : read?.kind === 'hidden' ? 'hidden' : 'missing';
    return {
      mode: 'agent',
      pop: null,
      assignment: { kind: 'await_agent' },
      notices: [warning(msg(`agent.task.${why}`, m ? { id: m[1]! } : undefined))],
      selectedUserId: null,
    };
  }
}

/** Email contacts reach Zendesk through its own email channel: the agent sees them, nothing is filed. */
function emailDecision(rec: ContactRecord): Decision {
  return {
    mode: rec.config.mode,
    pop: null,
    assignment: { kind: 'none' },
    notices: [info(msg('agent.email'))],
    selectedUserId: null,
  };
}
