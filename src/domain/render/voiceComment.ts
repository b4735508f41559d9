// The Zendesk voice comment ("Call details" with the embedded recording player).
import type { ContactConfig } from '../config';
import { classifyCallerNumber } from '../phone';
import { ticketSubject } from './ticket';
import type { Direction } from './format';

/** Shown as the customer's side of a call whose CLI was withheld. */
export const ANONYMOUS_PARTY = 'anonymous';
/** Shown when no number at all is known for our side of the call. */
export const UNKNOWN_PARTY = 'unknown';

export interface VoiceEndpointsInput {
  direction: Direction;
  /** The customer's endpoint as Connect reports it (E.164, or "anonymous"/"private"/null). */
  customerNumber: string | null;
  /** The Connect number Connect reports: dialled by the customer (inbound) or used to dial out. */
  systemNumber: string | null;
  config: Pick<ContactConfig, 'dialedNumber' | 'outboundCli'>;
  /** AppSettings.defaultEntryPointNumber. */
  defaultEntryPointNumber: string | null;
  /** AppSettings.defaultCountry, to read a national customer number (e.g. from customer_number). */
  defaultCountry?: string | null;
}

/**
 * Who called whom, as reported in tickets:
 *   inbound:  from = the customer; to = dialed_number > default entry point number > the number Connect reports
 *   outbound: from = outbound_cli > default entry point number > the number Connect reports; to = the customer
 * The customer is shown in E.164 when readable, "anonymous" when withheld, as given otherwise.
 */
export function voiceEndpoints(input: VoiceEndpointsInput): { from: string; to: string } {
  const c = classifyCallerNumber(input.customerNumber, input.defaultCountry ?? null);
  const customer = c.kind === 'number' ? c.e164 : c.kind === 'anonymous' ? ANONYMOUS_PARTY : c.raw;
  const pick = (...candidates: (string | null | undefined)[]) => {
    for (const x of candidates) if (x != null && x.trim() !== '') return x.trim();
    return UNKNOWN_PARTY;
  };
  if (input.direction === 'outbound') {
    return { from: pick(input.config.outboundCli, input.defaultEntryPointNumber, input.systemNumber), to: customer };
  }
  return { from: customer, to: pick(input.config.dialedNumber, input.defaultEntryPointNumber, input.systemNumber) };
}

/** The voice_comment object of the Zendesk tickets API. */
export interface VoiceCommentData {
  from: string;
  to: string;
  recording_url?: string;
  /** ISO 8601, UTC. */
  started_at: string;
  /** Whole seconds. */
  call_duration: number;
  answered_by_id: number;
  title?: string;
  location?: string;
}

export interface VoiceCommentInput extends VoiceEndpointsInput {
  config: Pick<ContactConfig, 'dialedNumber' | 'outboundCli' | 'conversationTitle' | 'downloadRecording' | 'recordingOptOut'>;
  startedMs: number;
  endedMs: number;
  /** Streams' own count of the call's seconds, preferred over endedMs - startedMs when known. */
  durationSeconds?: number | null;
  /** The agent who handled the call. */
  agentId: number;
  /** Where the recording can be fetched; left out when download_recording is false or consent was withheld. */
  recordingUrl: string | null;
  location?: string | null;
}

/**
 * Builds the voice comment. Whether to add one at all (voice_comment attribute) is the caller's
 * decision; this only renders it. title = conversation_title, else "Inbound call from …" /
 * "Outbound call to …" (see ticketSubject).
 */
export function voiceCommentData(input: VoiceCommentInput): VoiceCommentData {
  const { from, to } = voiceEndpoints(input);
  const measured = input.durationSeconds != null && Number.isFinite(input.durationSeconds)
    ? input.durationSeconds
    : (input.endedMs - input.startedMs) / 1000;
  const callDuration = Math.max(0, Math.round(Number.isFinite(measured) ? measured : 0));

  const c = classifyCallerNumber(input.customerNumber, input.defaultCountry ?? null);
  const party = c.kind === 'number' ? c.e164 : c.kind === 'anonymous' ? null : c.raw;
  const data: VoiceCommentData = {
    from,
    to,
    started_at: new Date(input.startedMs).toISOString(),
    call_duration: callDuration,
    answered_by_id: input.agentId,
    title: ticketSubject(input.direction, 'voice', party, input.config.conversationTitle),
  };
  const url = input.recordingUrl?.trim() ?? '';
  if (url !== '' && /^https?:\/\//i.test(url) && input.config.downloadRecording && !input.config.recordingOptOut) {
    data.recording_url = url;
  }
  const location = input.location?.trim() ?? '';
  if (location !== '') data.location = location;
  return data;
}
