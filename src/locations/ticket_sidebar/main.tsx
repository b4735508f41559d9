// An invisible helper: tells the top bar which ticket (and requester) the agent is looking at,
// so Attach to current / Create ticket use it. No React, no Streams.
import { reportViewing, startHelper } from '../viewingReporter';

/**
 * Besides app.activated (this ticket's tab comes to the front), the ticket sidebar's events
 * that can change what it reports (developer.zendesk.com, Apps Support API, "Ticket sidebar";
 * the same names in Zendesk's own sample apps): the requester changed in the form, the agent's
 * save went through (ticket.submit.done), or someone else updated the ticket while it is open
 * (ticket.updated). There is no `ticket.saved` event.
 */
export const TICKET_SIDEBAR_EVENTS = ['ticket.requester.id.changed', 'ticket.submit.done', 'ticket.updated'];

startHelper(async (zaf) => {
  const [ticket, requester] = await Promise.all([
    zaf.get('ticket.id').catch(() => ({}) as Record<string, unknown>),
    zaf.get('ticket.requester.id').catch(() => ({}) as Record<string, unknown>),
  ]);
  await reportViewing(zaf, { kind: 'ticket', id: ticket['ticket.id'] ?? null, requesterId: requester['ticket.requester.id'] ?? null });
}, TICKET_SIDEBAR_EVENTS);
