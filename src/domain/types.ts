// Shared vocabulary of the pure domain. No I/O, no clock: times are passed in as epoch ms.
import type { AgentMessage } from '../i18n/messages';

/** Connect's channels; `email` is shown to the agent and filed by Zendesk's own email channel, never as a call. */
export type Channel = 'voice' | 'chat' | 'task' | 'email';
export type Initiation = 'inbound' | 'outbound' | 'transfer' | 'queue_transfer' | 'callback' | 'api';
export type AssignmentMode = 'auto' | 'agent' | 'force';
export type NoticeLevel = 'info' | 'warning' | 'error';

/** Something the agent is told; `record` ones also go into the ticket's "Agent notifications" note. */
export interface Notice {
  level: NoticeLevel;
  /** In English: what the ticket records. */
  text: string;
  record: boolean;
  /** The same as data, for the agent to read it in their language (absent: `text` is shown). */
  message?: AgentMessage;
}

/** A Zendesk user as far as the rules care. */
export interface UserFact {
  id: number;
  name: string;
  role: 'end-user' | 'agent' | 'admin';
  phone: string | null;
  email: string | null;
}

export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

/** A Zendesk ticket as far as the rules care. */
export interface TicketFact {
  id: number;
  requesterId: number;
  status: TicketStatus;
  subject: string;
  brandId: number | null;
  createdAtMs: number;
  updatedAtMs: number;
}

/** Who is on the other end, after looking them up. */
export type CallerFact =
  | { kind: 'recognised'; user: UserFact }
  | { kind: 'unrecognised'; number: string | null; email: string | null; name: string | null }
  /** Withheld number; for a chat (`noData`), a customer who gave nothing to identify them by. */
  | { kind: 'anonymous'; noData?: boolean }
  /** Several users match; `by` says what they share (default: the phone number). */
  | { kind: 'ambiguous'; users: UserFact[]; by?: 'phone' | 'email' | 'name' };

/** What the ticket-number attribute turned out to be. */
export type RequestedTicketFact =
  | { kind: 'absent' }
  /** `hidden`: the ticket exists but this agent may not see it (Zendesk answered 403). */
  | { kind: 'invalid'; raw: string; hidden?: boolean }
  | { kind: 'found'; ticket: TicketFact };

/** Who a ticket created by the app is for. */
export type Requester =
  | { kind: 'user'; userId: number }
  | { kind: 'new_user'; name: string | null; phone: string | null; email: string | null }
  | { kind: 'agent' };

/** What to put on screen. */
export type PopTarget = { kind: 'user'; id: number } | { kind: 'ticket'; id: number };

/** What happens to the contact once the rules have spoken. */
export type Assignment =
  | { kind: 'create_ticket'; requester: Requester }
  | { kind: 'attach'; ticketId: number }
  /** Manual mode: the agent chooses with Create ticket / Attach to current. */
  | { kind: 'await_agent' }
  /** Nothing to do (an unknown outbound number without all_outbound, a monitored call). */
  | { kind: 'none' };

export interface Decision {
  mode: AssignmentMode;
  /** Popped while ringing when pop_incoming is true, otherwise on accept. */
  pop: PopTarget | null;
  /** Applied on accept (auto/force), or awaited (agent). */
  assignment: Assignment;
  notices: Notice[];
  /** In manual mode, the user Create ticket starts from before the agent views anyone. */
  selectedUserId: number | null;
}
