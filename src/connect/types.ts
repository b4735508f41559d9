// The app's own narrow view of Amazon Connect. Only src/connect/streams.ts knows Streams itself.
import type { Channel, Initiation } from '../domain/types';

export interface ContactSnapshot {
  id: string;
  channel: Channel;
  initiation: Initiation;
  /** Raw customer endpoint (phone number or "anonymous"/"private"); null when none (tasks, chats). */
  customerEndpoint: string | null;
  /** The Connect number dialled (inbound) or dialled from (outbound). */
  systemEndpoint: string | null;
  queue: string | null;
  /** User-defined contact attributes (Streams gives {name,value}; flattened here). */
  attributes: Record<string, string>;
  /** Id of the first contact of a transfer or multi-party chain; equals id for a first leg. */
  initialContactId: string;
  /** Previous contact of a chat continuation. */
  previousContactId: string | null;
  /** Tasks. */
  name: string | null;
  description: string | null;
  references: Record<string, string>;
  /** A supervisor monitoring someone else's contact. */
  monitoring: boolean;
}

export type ChatRole = 'CUSTOMER' | 'AGENT' | 'SYSTEM';

export type ContactEvent =
  | { type: 'incoming'; contact: ContactSnapshot }
  | { type: 'dialing'; contact: ContactSnapshot }
  | { type: 'accepted'; contact: ContactSnapshot }
  | { type: 'connected'; contact: ContactSnapshot }
  | { type: 'hold'; contact: ContactSnapshot }
  | { type: 'resume'; contact: ContactSnapshot }
  | { type: 'message'; contact: ContactSnapshot; role: ChatRole; text: string }
  | { type: 'voiceid'; contact: ContactSnapshot; status: string; speakerId: string | null }
  | { type: 'missed'; contact: ContactSnapshot }
  | { type: 'rejected'; contact: ContactSnapshot }
  | { type: 'ended'; contact: ContactSnapshot }
  | { type: 'destroyed'; contact: ContactSnapshot };

export type ContactEventType = ContactEvent['type'];

export type ContactStage = 'offered' | 'accepted' | 'connected' | 'ended' | 'gone' | 'unknown';

export interface RoutingProfile {
  name: string;
  queues: { name: string; arn: string }[];
  defaultOutboundQueue: { name: string; arn: string } | null;
}

export interface ChatTranscriptItem {
  role: ChatRole;
  displayName: string;
  text: string;
  atMs: number;
}

/**
 * What the controller needs from Connect. `existing` contacts (after a reload) are reported
 * through the same handler, with the events that already happened replayed in order.
 */
export interface ConnectPort {
  onContactEvent(handler: (event: ContactEvent) => void): void;
  onAgentReady(handler: (profile: RoutingProfile, agentName: string) => void): void;
  /** Place an outbound call through the given queue (null: the profile's default). */
  dial(number: string, queueArn: string | null): Promise<void>;
  /** Bring a contact to the front in the CCP. */
  focusContact(contactId: string): void;
  /** The CCP shows another contact (the agent picked its tab there, or focusContact). */
  onContactFocused(handler: (contactId: string) => void): void;
  /** Whole chat transcript, paginated; empty when unavailable. */
  getTranscript(contactId: string): Promise<ChatTranscriptItem[]>;
  /** The caller's Voice ID enrolment (ENROLLED, OPTED_OUT or "") and speaker id; null when unavailable. */
  voiceIdState(contactId: string): Promise<{ status: string; speakerId: string | null } | null>;
  /**
   * How far a contact has got, as Connect holds it now: 'gone' once it is cleared (or was never
   * this agent's), 'unknown' while the CCP has not reported the agent yet.
   */
  contactStage(contactId: string): ContactStage;
}
