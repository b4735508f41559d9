// Typed settings and per-contact configuration. Parsing lives in settings.ts / attributes.ts.
import type { AssignmentMode } from './types';

/** One queue→brand mapping row as the admin saved it. */
export interface QueueToBrandRule {
  queue: string;
  brand_id: number;
}

/** The app's installation settings, parsed and defaulted. */
export interface AppSettings {
  ccpUrl: string | null;
  loginUrl: string | null;
  region: string | null;
  /** Recent-ticket window in minutes; 0 = off. */
  createTicketAfterMinutes: number;
  ticketNumberAttribute: string;
  defaultEntryPointNumber: string | null;
  /** ISO 3166 alpha-2, upper case. */
  defaultCountry: string | null;
  mediaLess: boolean;
  queueToBrand: QueueToBrandRule[];
  /** Brand id (as text) → queue name. */
  brandToQueue: Record<string, string>;
}

export interface SettingsProblem {
  setting: keyof AppSettings;
  message: string;
}

/** Everything the rules need to know about one contact, attributes over settings. */
export interface ContactConfig {
  mode: AssignmentMode;
  /** Raw ticket number given by the flow (attribute named by ticketNumberAttribute), trimmed. */
  ticketNumber: string | null;
  /** Minutes; 0 = off. */
  recentTicketMinutes: number;
  popIncoming: boolean;
  voiceComment: boolean;
  downloadRecording: boolean;
  /** call_recording_consent is false/optout. */
  recordingOptOut: boolean;
  dialedNumber: string | null;
  outboundCli: string | null;
  conversationTitle: string | null;
  zendeskUserId: number | null;
  customerNumber: string | null;
  customerName: string | null;
  customerEmail: string | null;
  customerLanguage: string;
  forceTicketCreation: boolean;
  allOutbound: boolean;
  chatTranscript: boolean;
  voiceIdEnabled: boolean;
  voiceIdField: string;
  voiceIdStatusField: string;
  ticketBrand: string | null;
  ticketOutboundQueue: string | null;
  /** One per bad attribute value, for the agent (shown once per contact). */
  warnings: string[];
}
