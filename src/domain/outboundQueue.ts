// Which outbound queue a click-to-dial uses (administrator guide, "Outbound Queue Determination
// Process"), in order of priority:
//   1. the queue the agent picked in the Outbound Queue dropdown (other rules are ignored);
//   2. the ticket's connect_outbound_queue field, when that queue is in the routing profile;
//   3. the queue mapped to the ticket's brand, when that queue is in the routing profile;
//   4. the routing profile's default outbound queue.
// Queue names are compared case-insensitively after trimming, and the result is spelled as in
// the routing profile (so the caller can find the queue's ARN by name).

/** Title of the ticket field that names a ticket's outbound queue (ticket fields have no key). */
export const OUTBOUND_QUEUE_FIELD = 'connect_outbound_queue';

export interface OutboundQueueInput {
  /** The dropdown selection; null or empty when the agent has not picked one (or pressed Reset). */
  manualPick: string | null;
  /** The ticket's connect_outbound_queue field value, if dialling from a ticket. */
  ticketQueueField: string | null;
  /** The ticket's brand, if dialling from a ticket. */
  ticketBrandId: number | null;
  /** AppSettings.brandToQueue: brand id (as text) → queue name. */
  brandToQueue: Record<string, string>;
  profile: { queues: string[]; defaultOutboundQueue: string | null };
}

export interface OutboundQueueChoice {
  /** null only when nothing applies and the profile has no default outbound queue. */
  queue: string | null;
  source: 'manual' | 'ticket_field' | 'brand' | 'default';
}

function fold(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

export function chooseOutboundQueue(input: OutboundQueueInput): OutboundQueueChoice {
  const inProfile = (name: string | null | undefined): string | null => {
    if (name == null || name.trim() === '') return null;
    const key = fold(name);
    return input.profile.queues.find((q) => fold(q) === key) ?? null;
  };

  const manual = input.manualPick?.trim() ?? '';
  if (manual !== '') return { queue: inProfile(manual) ?? manual, source: 'manual' };

  const fromField = inProfile(input.ticketQueueField);
  if (fromField) return { queue: fromField, source: 'ticket_field' };

  if (input.ticketBrandId != null) {
    const fromBrand = inProfile(input.brandToQueue[String(input.ticketBrandId)]);
    if (fromBrand) return { queue: fromBrand, source: 'brand' };
  }

  const fallback = input.profile.defaultOutboundQueue;
  return { queue: fallback == null || fallback.trim() === '' ? null : fallback, source: 'default' };
}
