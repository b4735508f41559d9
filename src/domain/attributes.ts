// Per-contact configuration from the contact flow's attributes (administrator guide, "Contact
// flow attributes"). An attribute overrides the corresponding app setting.
//
// - Attribute values are trimmed; an empty value means "not set".
// - Keyword values (true/false, auto/agent/force, optout …) are matched case-insensitively.
// - An attribute is looked up by its exact name first, then case-insensitively.
// - An invalid value gives the default AND one warning sentence for the agent.
//
// dialed_number / outbound_cli stay null when not set here: the fallback to the app's "Default
// entry point phone number" and then to the number Connect reports is made when the call
// details are rendered (render/voiceComment.ts), where both are known.
import type { AppSettings, ContactConfig } from './config';
import type { AssignmentMode } from './types';
import { normalizeE164 } from './phone';
import { parseMinutes } from './settings';

/** Attribute names the app reads (the ticket-number attribute's name comes from the settings). */
export const ATTRIBUTE = {
  ticketAssignment: 'ticket_assignment',
  recentTicketTimeout: 'recent_ticket_timeout',
  popIncoming: 'pop_incoming',
  voiceComment: 'voice_comment',
  downloadRecording: 'download_recording',
  callRecordingConsent: 'call_recording_consent',
  dialedNumber: 'dialed_number',
  outboundCli: 'outbound_cli',
  conversationTitle: 'conversation_title',
  zendeskUser: 'zendesk_user',
  customerNumber: 'customer_number',
  customerName: 'customer_name',
  customerEmail: 'customer_email',
  customerLanguage: 'customer_language',
  forceTicketCreation: 'force_ticket_creation',
  allOutbound: 'all_outbound',
  chatTranscript: 'chat_transcript',
  voiceIdEnabled: 'voiceid_enabled',
  voiceIdField: 'voiceid_field',
  voiceIdStatusField: 'voiceid_status_field',
  ticketBrand: 'ticket_brand',
  ticketOutboundQueue: 'ticket_outbound_queue',
} as const;

export const DEFAULT_VOICEID_FIELD = 'voice_authentication_id';
export const DEFAULT_VOICEID_STATUS_FIELD = 'voice_authentication_status';
export const DEFAULT_CUSTOMER_LANGUAGE = 'en';
/** customer_language values the administrator guide lists (speech analysis). */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'hi', 'ja', 'ko', 'zh', 'zh-TW'] as const;

const ASSIGNMENT_MODES: readonly AssignmentMode[] = ['auto', 'agent', 'force'];
const OPT_OUT_VALUES = new Set(['false', 'optout', 'opt-out', 'opt_out']);

function clip(text: string, max = 80): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** Strict-looking email: something@something.tld, no spaces, one @. */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/.test(text) && !text.includes('..');
}

/** Reads a contact's attributes into its configuration. Never throws. */
export function parseContactConfig(attributes: Record<string, string>, settings: AppSettings): ContactConfig {
  const attrs = attributes ?? {};
  const warnings: string[] = [];
  const lowerIndex = new Map<string, string>();
  for (const key of Object.keys(attrs)) {
    const lower = key.toLowerCase();
    if (!lowerIndex.has(lower)) lowerIndex.set(lower, key);
  }

  /** Trimmed value, or null when absent or empty. */
  const get = (name: string): string | null => {
    let value: unknown = Object.prototype.hasOwnProperty.call(attrs, name) ? attrs[name] : undefined;
    if (value === undefined) {
      const key = lowerIndex.get(name.toLowerCase());
      value = key === undefined ? undefined : attrs[key];
    }
    if (value === undefined || value === null) return null;
    const text = String(value).trim();
    return text === '' ? null : text;
  };
  const warn = (name: string, value: string, what: string, using: string) =>
    warnings.push(`The contact attribute ${name} has the value "${clip(value)}", which is not ${what}; using ${using}.`);

  const bool = (name: string, fallback: boolean): boolean => {
    const v = get(name);
    if (v === null) return fallback;
    const lower = v.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    warn(name, v, 'true or false', String(fallback));
    return fallback;
  };
  const text = (name: string): string | null => get(name);

  // recent_ticket_timeout → overrides "Create ticket after minutes"
  let recentTicketMinutes = settings.createTicketAfterMinutes;
  const recentRaw = get(ATTRIBUTE.recentTicketTimeout);
  if (recentRaw !== null) {
    const minutes = parseMinutes(recentRaw);
    if (minutes === null) warn(ATTRIBUTE.recentTicketTimeout, recentRaw, 'a number of minutes', String(settings.createTicketAfterMinutes));
    else recentTicketMinutes = minutes;
  }

  // ticket_assignment
  let mode: AssignmentMode = 'auto';
  const modeRaw = get(ATTRIBUTE.ticketAssignment);
  if (modeRaw !== null) {
    const lower = modeRaw.toLowerCase() as AssignmentMode;
    if (ASSIGNMENT_MODES.includes(lower)) mode = lower;
    else warn(ATTRIBUTE.ticketAssignment, modeRaw, 'auto, agent or force', 'auto');
  }

  const popIncoming = bool(ATTRIBUTE.popIncoming, true);
  const voiceComment = bool(ATTRIBUTE.voiceComment, true);
  const downloadRecording = bool(ATTRIBUTE.downloadRecording, true);

  // call_recording_consent: false/optout mean "not recording"; anything else is consent.
  const consent = get(ATTRIBUTE.callRecordingConsent);
  const recordingOptOut = consent !== null && OPT_OUT_VALUES.has(consent.toLowerCase());

  const e164 = (name: string): string | null => {
    const v = get(name);
    if (v === null) return null;
    const n = normalizeE164(v);
    if (n === null) warn(name, v, 'a phone number in E.164 format (like +442079460000)', 'the default number');
    return n;
  };

  const dialedNumber = e164(ATTRIBUTE.dialedNumber);
  const outboundCli = e164(ATTRIBUTE.outboundCli);

  // Ticket number: "#123" / " 123 " → "123"; anything else is kept as the raw trimmed text so
  // the rules can call it invalid.
  const ticketRaw = get(settings.ticketNumberAttribute || 'zendesk_ticket');
  let ticketNumber: string | null = null;
  if (ticketRaw !== null) {
    const m = /^#?\s*(\d+)$/.exec(ticketRaw);
    ticketNumber = m ? m[1]! : ticketRaw;
  }

  // zendesk_user
  let zendeskUserId: number | null = null;
  const userRaw = get(ATTRIBUTE.zendeskUser);
  if (userRaw !== null) {
    const n = /^\d+$/.test(userRaw) ? Number(userRaw) : NaN;
    if (Number.isSafeInteger(n) && n > 0) zendeskUserId = n;
    else warn(ATTRIBUTE.zendeskUser, userRaw, 'a Zendesk user ID', 'no user ID');
  }

  // customer_email
  let customerEmail: string | null = null;
  const emailRaw = get(ATTRIBUTE.customerEmail);
  if (emailRaw !== null) {
    if (looksLikeEmail(emailRaw)) customerEmail = emailRaw;
    else warn(ATTRIBUTE.customerEmail, emailRaw, 'an email address', 'no email address');
  }

  // customer_language
  let customerLanguage: string = DEFAULT_CUSTOMER_LANGUAGE;
  const langRaw = get(ATTRIBUTE.customerLanguage);
  if (langRaw !== null) {
    const found = SUPPORTED_LANGUAGES.find((l) => l.toLowerCase() === langRaw.toLowerCase().replace('_', '-'));
    if (found) customerLanguage = found;
    else warn(ATTRIBUTE.customerLanguage, langRaw, `one of the supported language codes (${SUPPORTED_LANGUAGES.join(', ')})`, `"${DEFAULT_CUSTOMER_LANGUAGE}"`);
  }

  const fieldKey = (name: string, fallback: string): string => {
    const v = get(name);
    if (v === null) return fallback;
    if (/^[A-Za-z0-9_-]+$/.test(v)) return v;
    warn(name, v, 'a Zendesk user field key (letters, digits, "_" and "-")', `"${fallback}"`);
    return fallback;
  };

  const forceTicketCreation = bool(ATTRIBUTE.forceTicketCreation, true);
  const allOutbound = bool(ATTRIBUTE.allOutbound, false);
  const chatTranscript = bool(ATTRIBUTE.chatTranscript, true);
  const voiceIdEnabled = bool(ATTRIBUTE.voiceIdEnabled, false);
  const voiceIdField = fieldKey(ATTRIBUTE.voiceIdField, DEFAULT_VOICEID_FIELD);
  const voiceIdStatusField = fieldKey(ATTRIBUTE.voiceIdStatusField, DEFAULT_VOICEID_STATUS_FIELD);

  // Everything above is read in the administrator guide's table order, so the warnings come
  // out in that order.
  return {
    mode,
    ticketNumber,
    recentTicketMinutes,
    popIncoming,
    voiceComment,
    downloadRecording,
    recordingOptOut,
    dialedNumber,
    outboundCli,
    conversationTitle: text(ATTRIBUTE.conversationTitle),
    zendeskUserId,
    customerNumber: text(ATTRIBUTE.customerNumber),
    customerName: text(ATTRIBUTE.customerName),
    customerEmail,
    customerLanguage,
    forceTicketCreation,
    allOutbound,
    chatTranscript,
    voiceIdEnabled,
    voiceIdField,
    voiceIdStatusField,
    ticketBrand: text(ATTRIBUTE.ticketBrand),
    ticketOutboundQueue: text(ATTRIBUTE.ticketOutboundQueue),
    warnings,
  };
}
