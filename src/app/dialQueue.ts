// Which queue a click-to-dial goes out through: the Outbound Queue Determination Process.
import { OUTBOUND_QUEUE_FIELD, chooseOutboundQueue } from '../domain/outboundQueue';
import type { TicketDetails } from '../zendesk/gateway';
import type { AppController } from './controller';

export async function chooseDialQueue(app: AppController, ticket: TicketDetails | null): Promise<{ name: string; arn: string } | null> {
  const profile = app.profile;
  if (!profile) return null;
  const pick = app.store.getState().outboundQueuePick;
  let ticketQueueField: string | null = null;
  let ticketBrandId: number | null = null;
  // Ticket fields are listed only when the ticket has a custom value that could be the queue.
  if (!pick && ticket) {
    try {
      const set = ticket.customFields.filter((c) => typeof c.value === 'string' && c.value.trim() !== '');
      if (set.length) {
        const field = await app.gateway.ticketFieldTitled(OUTBOUND_QUEUE_FIELD, false);
        const value = field ? set.find((c) => c.id === field.id)?.value : null;
        ticketQueueField = typeof value === 'string' ? value : null;
      }
      ticketBrandId = ticket.brandId;
    } catch {
      // The default queue still works; the agent can pick one in the dropdown.
    }
  }
  const choice = chooseOutboundQueue({
    manualPick: pick,
    ticketQueueField,
    ticketBrandId,
    brandToQueue: app.settings?.brandToQueue ?? {},
    profile: { queues: profile.queues.map((q) => q.name), defaultOutboundQueue: profile.defaultOutboundQueue?.name ?? null },
  });
  if (!choice.queue) return null;
  return profile.queues.find((q) => q.name === choice.queue) ?? null;
}
