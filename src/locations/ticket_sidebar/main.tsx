// An invisible helper: tells the top bar which ticket (and requester) the agent is looking at,
// so Attach to current / Create ticket use it. No React, no Streams.
import { reportViewing, startHelper } from '../viewingReporter';

startHelper(async (zaf) => {
  const [ticket, requester] = await Promise.all([
    zaf.get('ticket.id').catch(() => ({}) as Record<string, unknown>),
    zaf.get('ticket.requester.id').catch(() => ({}) as Record<string, unknown>),
  ]);
  await reportViewing(zaf, { kind: 'ticket', id: ticket['ticket.id'] ?? null, requesterId: requester['ticket.requester.id'] ?? null });
}, ['ticket.requester.id.changed', 'ticket.saved']);
