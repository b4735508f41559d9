// What a ticket fact means to the voice rules: the ticket number the caller gave, and the
// caller's recent ticket. Pure: the time is passed in.
import type { ContactConfig } from '../config';
import type { CallerFact, RequestedTicketFact, TicketFact } from '../types';

/**
 * The ticket number attribute, as the rules see it.
 * - absent: no number was given.
 * - valid: the ticket exists, is not closed, and may belong to this caller (an unrecognised or
 *   anonymous caller cannot be checked; a recognised caller must be its requester; for several
 *   users sharing the number, its requester must be one of them).
 * - invalid: no such ticket (or the text is not a ticket number at all).
 * - closed: the ticket exists but its status is `closed`.
 * - not_callers: the ticket exists and is open, but belongs to someone other than the caller.
 */
export type RequestedTicketState = 'absent' | 'valid' | 'invalid' | 'closed' | 'not_callers';

/** Whether a recognised caller has a ticket created or updated inside the recent-ticket window. */
export type RecentTicketState = 'inside' | 'none';

const TICKET_NUMBER = /^#?\s*(\d{1,15})$/;

/** The ticket id in a ticket-number attribute ("123" or "#123"), or null when it is not one. */
export function parseTicketNumber(raw: string | null): number | null {
  if (raw === null) return null;
  const match = TICKET_NUMBER.exec(raw.trim());
  if (!match?.[1]) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function classifyRequestedTicket(
  requested: RequestedTicketFact,
  caller: CallerFact,
): RequestedTicketState {
  switch (requested.kind) {
    case 'absent':
      return 'absent';
    case 'invalid':
      return 'invalid';
    case 'found': {
      const ticket = requested.ticket;
      // Only `closed` is final. A `solved` ticket still takes comments (a new comment reopens it),
      // so the guide's "closed ticket" means status `closed`, and a solved ticket is valid.
      if (ticket.status === 'closed') return 'closed';
      if (caller.kind === 'recognised' && ticket.requesterId !== caller.user.id) return 'not_callers';
      if (caller.kind === 'ambiguous' && !caller.users.some((user) => user.id === ticket.requesterId)) {
        return 'not_callers';
      }
      return 'valid';
    }
  }
}

/** The moment a ticket was last touched (created or updated). */
export function lastActivityMs(ticket: TicketFact): number {
  return Math.max(ticket.createdAtMs, ticket.updatedAtMs);
}

/**
 * A recent ticket counts only for a recognised caller, with a window (minutes > 0), when it is
 * the caller's own, not closed (nothing can be attached to it), and was created or updated
 * within the last `recentTicketMinutes` before `nowMs`.
 */
export function classifyRecentTicket(
  recent: TicketFact | null,
  config: ContactConfig,
  caller: CallerFact,
  nowMs: number,
): RecentTicketState {
  if (caller.kind !== 'recognised' || recent === null) return 'none';
  if (!(config.recentTicketMinutes > 0)) return 'none';
  if (recent.status === 'closed' || recent.requesterId !== caller.user.id) return 'none';
  const windowStartMs = nowMs - config.recentTicketMinutes * 60_000;
  return lastActivityMs(recent) >= windowStartMs ? 'inside' : 'none';
}
