import { describe, expect, it } from 'vitest';
import { parseContactConfig, looksLikeEmail } from '../../src/domain/attributes';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { AppSettings, ContactConfig } from '../../src/domain/config';
import { config } from './rules/fixtures';

const settings: AppSettings = { ...DEFAULT_SETTINGS, ccpUrl: 'https://acme.my.connect.aws/ccp-v2', queueToBrand: [], brandToQueue: {} };
const parse = (attrs: Record<string, string>, s: Partial<AppSettings> = {}) => parseContactConfig(attrs, { ...settings, ...s });

/** The administrator guide's defaults. */
const DEFAULTS: ContactConfig = config();

describe('parseContactConfig: defaults (administrator guide)', () => {
  it('no attributes', () => {
    expect(parse({})).toEqual(DEFAULTS);
  });

  it('force_ticket_creation defaults to true (the administrator guide wins)', () => {
    expect(parse({}).forceTicketCreation).toBe(true);
  });

  it('empty and blank attributes are unset', () => {
    const blank: Record<string, string> = {};
    for (const k of [
      'ticket_assignment', 'recent_ticket_timeout', 'pop_incoming', 'voice_comment', 'download_recording',
      'call_recording_consent', 'dialed_number', 'outbound_cli', 'zendesk_ticket', 'conversation_title',
      'zendesk_user', 'customer_number', 'customer_name', 'customer_email', 'customer_language',
      'force_ticket_creation', 'all_outbound', 'chat_transcript', 'voiceid_enabled', 'voiceid_field',
      'voiceid_status_field', 'ticket_brand', 'ticket_outbound_queue',
    ]) blank[k] = k.length % 2 ? '' : '   ';
    expect(parse(blank)).toEqual(DEFAULTS);
  });

  it('recent_ticket_timeout defaults to the setting', () => {
    expect(parse({}, { createTicketAfterMinutes: 15 }).recentTicketMinutes).toBe(15);
  });
});

describe('parseContactConfig: values', () => {
  it.each<[string, Record<string, string>, Partial<ContactConfig>]>([
    ['ticket_assignment agent', { ticket_assignment: 'agent' }, { mode: 'agent' }],
    ['ticket_assignment FORCE trimmed', { ticket_assignment: ' FORCE ' }, { mode: 'force' }],
    ['ticket_assignment Auto', { ticket_assignment: 'Auto' }, { mode: 'auto' }],
    ['recent_ticket_timeout overrides the setting', { recent_ticket_timeout: '5' }, { recentTicketMinutes: 5 }],
    ['recent_ticket_timeout 0 turns it off', { recent_ticket_timeout: '0' }, { recentTicketMinutes: 0 }],
    ['booleans: false', { pop_incoming: 'false', voice_comment: 'FALSE', download_recording: ' False ' }, { popIncoming: false, voiceComment: false, downloadRecording: false }],
    ['booleans: true', { all_outbound: 'true', voiceid_enabled: 'TRUE' }, { allOutbound: true, voiceIdEnabled: true }],
    ['force_ticket_creation false', { force_ticket_creation: 'false' }, { forceTicketCreation: false }],
    ['chat_transcript false', { chat_transcript: 'false' }, { chatTranscript: false }],
    ['consent false', { call_recording_consent: 'false' }, { recordingOptOut: true }],
    ['consent optout', { call_recording_consent: 'OptOut' }, { recordingOptOut: true }],
    ['consent true', { call_recording_consent: 'true' }, { recordingOptOut: false }],
    ['consent anything else', { call_recording_consent: 'granted' }, { recordingOptOut: false }],
    ['dialed_number', { dialed_number: '+442079460000' }, { dialedNumber: '+442079460000' }],
    ['outbound_cli formatted', { outbound_cli: '+44 20 7946 0000' }, { outboundCli: '+442079460000' }],
    ['ticket number', { zendesk_ticket: '500' }, { ticketNumber: '500' }],
    ['ticket number with #', { zendesk_ticket: ' #500 ' }, { ticketNumber: '500' }],
    ['ticket number garbage kept raw', { zendesk_ticket: ' 12a ' }, { ticketNumber: '12a' }],
    ['ticket number negative kept raw', { zendesk_ticket: '-5' }, { ticketNumber: '-5' }],
    ['conversation_title', { conversation_title: '  Billing enquiry ' }, { conversationTitle: 'Billing enquiry' }],
    ['zendesk_user', { zendesk_user: ' 10 ' }, { zendeskUserId: 10 }],
    ['customer_number raw', { customer_number: ' 07700 900123 ' }, { customerNumber: '07700 900123' }],
    ['customer_name', { customer_name: 'Jane Doe' }, { customerName: 'Jane Doe' }],
    ['customer_email', { customer_email: ' jane@example.com ' }, { customerEmail: 'jane@example.com' }],
    ['customer_language', { customer_language: 'FR' }, { customerLanguage: 'fr' }],
    ['customer_language zh-tw', { customer_language: 'zh-tw' }, { customerLanguage: 'zh-TW' }],
    ['voiceid fields', { voiceid_field: 'vid', voiceid_status_field: 'vid_status' }, { voiceIdField: 'vid', voiceIdStatusField: 'vid_status' }],
    ['ticket_brand', { ticket_brand: ' Acme ' }, { ticketBrand: 'Acme' }],
    ['ticket_outbound_queue', { ticket_outbound_queue: 'Sales' }, { ticketOutboundQueue: 'Sales' }],
    ['attribute names case-insensitively as a fallback', { Ticket_Assignment: 'agent' }, { mode: 'agent' }],
  ])('%s', (_label, attrs, expected) => {
    const config = parse(attrs);
    expect(config).toMatchObject(expected);
    expect(config.warnings).toEqual([]);
  });

  it('the exact attribute name wins over another casing', () => {
    expect(parse({ TICKET_ASSIGNMENT: 'force', ticket_assignment: 'agent' }).mode).toBe('agent');
  });

  it('the ticket-number attribute is the one the settings name', () => {
    expect(parse({ ticket_no: '77', zendesk_ticket: '5' }, { ticketNumberAttribute: 'ticket_no' }).ticketNumber).toBe('77');
    expect(parse({ zendesk_ticket: '5' }, { ticketNumberAttribute: 'ticket_no' }).ticketNumber).toBeNull();
  });
});

describe('parseContactConfig: invalid values give the default and one warning each', () => {
  it.each<[string, Record<string, string>, Partial<ContactConfig>, RegExp]>([
    ['ticket_assignment', { ticket_assignment: 'manual' }, { mode: 'auto' }, /ticket_assignment has the value "manual".*using auto\./],
    ['recent_ticket_timeout', { recent_ticket_timeout: 'abc' }, { recentTicketMinutes: 0 }, /^The contact attribute recent_ticket_timeout has the value "abc", which is not a number of minutes; using 0\.$/],
    ['recent_ticket_timeout negative', { recent_ticket_timeout: '-1' }, { recentTicketMinutes: 0 }, /recent_ticket_timeout/],
    ['pop_incoming yes', { pop_incoming: 'yes' }, { popIncoming: true }, /pop_incoming has the value "yes", which is not true or false; using true\./],
    ['voice_comment 1', { voice_comment: '1' }, { voiceComment: true }, /voice_comment/],
    ['download_recording no', { download_recording: 'no' }, { downloadRecording: true }, /download_recording/],
    ['force_ticket_creation maybe', { force_ticket_creation: 'maybe' }, { forceTicketCreation: true }, /force_ticket_creation.*using true/],
    ['all_outbound y', { all_outbound: 'y' }, { allOutbound: false }, /all_outbound.*using false/],
    ['chat_transcript', { chat_transcript: 'off' }, { chatTranscript: true }, /chat_transcript/],
    ['voiceid_enabled', { voiceid_enabled: 'on' }, { voiceIdEnabled: false }, /voiceid_enabled/],
    ['dialed_number national', { dialed_number: '02079460000' }, { dialedNumber: null }, /dialed_number.*E\.164/],
    ['outbound_cli garbage', { outbound_cli: 'main line' }, { outboundCli: null }, /outbound_cli/],
    ['zendesk_user', { zendesk_user: 'jane' }, { zendeskUserId: null }, /zendesk_user has the value "jane"/],
    ['zendesk_user zero', { zendesk_user: '0' }, { zendeskUserId: null }, /zendesk_user/],
    ['zendesk_user negative', { zendesk_user: '-3' }, { zendeskUserId: null }, /zendesk_user/],
    ['customer_email', { customer_email: 'jane at example' }, { customerEmail: null }, /customer_email/],
    ['customer_language', { customer_language: 'english' }, { customerLanguage: 'en' }, /customer_language.*using "en"/],
    ['voiceid_field', { voiceid_field: 'voice id' }, { voiceIdField: 'voice_authentication_id' }, /voiceid_field/],
  ])('%s', (_label, attrs, expected, message) => {
    const config = parse(attrs);
    expect(config).toMatchObject(expected);
    expect(config.warnings).toHaveLength(1);
    expect(config.warnings[0]).toMatch(message);
  });

  it('an invalid recent_ticket_timeout falls back to the setting', () => {
    const config = parse({ recent_ticket_timeout: 'soon' }, { createTicketAfterMinutes: 15 });
    expect(config.recentTicketMinutes).toBe(15);
    expect(config.warnings[0]).toMatch(/using 15\.$/);
  });

  it('several bad attributes: one warning each, in the guide order', () => {
    const config = parse({ voiceid_enabled: 'x', ticket_assignment: 'x', recent_ticket_timeout: 'x', zendesk_user: 'x' });
    expect(config.warnings.map((w) => /attribute (\w+)/.exec(w)![1])).toEqual([
      'recent_ticket_timeout', 'ticket_assignment', 'zendesk_user', 'voiceid_enabled',
    ]);
  });

  it('a very long value is shortened in the warning', () => {
    const config = parse({ ticket_assignment: 'x'.repeat(500) });
    expect(config.warnings[0]!.length).toBeLessThan(250);
  });
});

describe('looksLikeEmail', () => {
  it.each<[string, boolean]>([
    ['jane@example.com', true],
    ['jane.doe+tag@sub.example.co.uk', true],
    ['jane@example', false],
    ['jane@@example.com', false],
    ['jane doe@example.com', false],
    ['@example.com', false],
    ['jane@example..com', false],
    ['<jane@example.com>', false],
  ])('%j → %s', (text, ok) => {
    expect(looksLikeEmail(text)).toBe(ok);
  });
});
