// Shared facts for the voice rule tests: the people and tickets of the guide's scenarios.
import type { ContactConfig } from '../../../src/domain/config';
import type { CallerFact, Notice, TicketFact, TicketStatus, UserFact } from '../../../src/domain/types';
import { expect } from 'vitest';

/** A contact configuration with the documented defaults (administrator guide), overridden. */
export function config(overrides: Partial<ContactConfig> = {}): ContactConfig {
  return {
    mode: 'auto',
    ticketNumber: null,
    recentTicketMinutes: 0,
    popIncoming: true,
    voiceComment: true,
    downloadRecording: true,
    recordingOptOut: false,
    dialedNumber: null,
    outboundCli: null,
    conversationTitle: null,
    zendeskUserId: null,
    customerNumber: null,
    customerName: null,
    customerEmail: null,
    customerLanguage: 'en',
    forceTicketCreation: true,
    allOutbound: false,
    chatTranscript: true,
    voiceIdEnabled: false,
    voiceIdField: 'voice_authentication_id',
    voiceIdStatusField: 'voice_authentication_status',
    ticketBrand: null,
    ticketOutboundQueue: null,
    warnings: [],
    ...overrides,
  };
}

export const NOW = Date.UTC(2024, 4, 14, 10, 30);
export const MINUTE = 60_000;

export function user(id: number, name: string, phone: string | null = null): UserFact {
  return { id, name, role: 'end-user', phone, email: null };
}

export const ANN = user(1, 'Ann Smith', '+442071111111');
export const BOB = user(2, 'Bob Jones', '+442071111111');
export const CARL = user(9, 'Carl Diaz', '+15550009999');
export const NO_PHONE = user(12, 'Nora Nophone');
/** Requester of tickets that are not the caller's. */
export const OTHER_REQUESTER_ID = 55;

export function ticket(id: number, requesterId: number, status: TicketStatus = 'open', ageMinutes = 60): TicketFact {
  return {
    id,
    requesterId,
    status,
    subject: `Ticket ${id}`,
    brandId: null,
    createdAtMs: NOW - 24 * 60 * MINUTE,
    updatedAtMs: NOW - ageMinutes * MINUTE,
  };
}

export const CALLERS = {
  recognised: { kind: 'recognised', user: ANN },
  unrecognised: { kind: 'unrecognised', number: '+442079460000', email: null, name: 'Jane Caller' },
  anonymous: { kind: 'anonymous' },
  ambiguous: { kind: 'ambiguous', users: [ANN, BOB] },
} satisfies Record<string, CallerFact>;

export type CallerLabel = keyof typeof CALLERS;

/** level + record + the reason in the text, from "warning: regex" / "info: regex" / "no notice". */
export function expectNotices(notices: Notice[], expected: string): void {
  if (expected === 'no notice') {
    expect(notices).toEqual([]);
    return;
  }
  const [level, ...rest] = expected.split(': ');
  const pattern = new RegExp(rest.join(': '), 'i');
  expect(notices).toHaveLength(1);
  const notice = notices[0]!;
  expect(notice.level).toBe(level);
  // Flips and fallbacks are recorded in the ticket; plain information is not.
  expect(notice.record).toBe(level === 'warning');
  expect(notice.text).toMatch(pattern);
  expect(notice.text).toMatch(/^[A-Z0-9].*[.]$/s);
}
