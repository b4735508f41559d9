import { describe, expect, it } from 'vitest';
import {
  agentNotificationsText,
  contactSummaryLine,
  directionOf,
  renderAgentNotifications,
  renderChatTranscript,
  renderContactSummary,
  renderTaskNote,
  ticketSubject,
  ticketTags,
  voiceCommentData,
  voiceEndpoints,
  type ContactSummaryInput,
  type TranscriptItem,
  type VoiceCommentInput,
} from '../../src/domain/render';

const EVIL = `<img src=x onerror="alert('x')">&`;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

/** No tag or attribute opened by the evil string survived. */
function expectEscaped(html: string) {
  expect(html).not.toContain('<img');
  expect(html).not.toContain(`"alert`);
  expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;');
}

describe('renderAgentNotifications', () => {
  it('renders a heading and a list', () => {
    expect(renderAgentNotifications(['Switched to manual assignment.', 'Ticket 12 is closed.'])).toBe(
      '<p><strong>Agent notifications</strong></p><ul><li>Switched to manual assignment.</li><li>Ticket 12 is closed.</li></ul>',
    );
  });
  it('nothing to say: empty string', () => {
    expect(renderAgentNotifications([])).toBe('');
    expect(renderAgentNotifications(['  '])).toBe('');
  });
  it('escapes', () => {
    expectEscaped(renderAgentNotifications([EVIL]));
  });
  it('has a plain-text twin', () => {
    expect(agentNotificationsText(['a', 'b\nc'])).toBe('Agent notifications\n- a\n- b c');
    expect(agentNotificationsText([])).toBe('');
  });
});

describe('directionOf', () => {
  it.each([
    ['voice', 'inbound', 'inbound'],
    ['voice', 'transfer', 'inbound'],
    ['voice', 'queue_transfer', 'inbound'],
    ['voice', 'outbound', 'outbound'],
    ['voice', 'callback', 'outbound'],
    ['voice', 'api', 'outbound'],
    ['chat', 'api', 'inbound'],
    ['chat', 'inbound', 'inbound'],
    ['task', 'api', 'inbound'],
  ] as const)('%s %s → %s', (channel, initiation, direction) => {
    expect(directionOf(channel, initiation)).toBe(direction);
  });
});

describe('ticketSubject', () => {
  it.each<[Parameters<typeof ticketSubject>, string]>([
    [['inbound', 'voice', '+447700900123', null], 'Inbound call from +44 7700 900123'],
    [['inbound', 'voice', null, null], 'Inbound call from a withheld number'],
    [['outbound', 'voice', '+61400111222', null], 'Outbound call to +61 400 111 222'],
    [['outbound', 'voice', null, null], 'Outbound call to an unknown number'],
    [['inbound', 'voice', '07700 900123', null], 'Inbound call from 07700 900123'],
    [['inbound', 'chat', 'Jane Doe', null], 'Chat with Jane Doe'],
    [['inbound', 'chat', 'jane@example.com', null], 'Chat with jane@example.com'],
    [['inbound', 'chat', null, null], 'Chat with a customer'],
    [['inbound', 'task', 'Zendesk-500', null], 'Task: Zendesk-500'],
    [['inbound', 'task', null, null], 'Task: untitled'],
    [['inbound', 'voice', '+447700900123', 'Billing enquiry'], 'Billing enquiry'],
    [['inbound', 'chat', 'Jane', '  Order\n  #42  '], 'Order #42'],
    [['inbound', 'voice', '+447700900123', '   '], 'Inbound call from +44 7700 900123'],
  ])('%j → %j', (args, subject) => {
    expect(ticketSubject(...args)).toBe(subject);
  });

  it('a subject is plain text: not escaped here', () => {
    expect(ticketSubject('inbound', 'chat', 'A & B', null)).toBe('Chat with A & B');
  });
});

describe('ticketTags', () => {
  it.each([
    ['voice', 'inbound', ['amazon_connect', 'connect_voice', 'connect_inbound']],
    ['voice', 'outbound', ['amazon_connect', 'connect_voice', 'connect_outbound']],
    ['voice', 'transfer', ['amazon_connect', 'connect_voice', 'connect_inbound', 'connect_transfer']],
    ['voice', 'queue_transfer', ['amazon_connect', 'connect_voice', 'connect_inbound', 'connect_transfer']],
    ['voice', 'callback', ['amazon_connect', 'connect_voice', 'connect_outbound', 'connect_callback']],
    ['voice', 'api', ['amazon_connect', 'connect_voice', 'connect_outbound']],
    ['chat', 'api', ['amazon_connect', 'connect_chat', 'connect_inbound']],
    ['chat', 'transfer', ['amazon_connect', 'connect_chat', 'connect_inbound', 'connect_transfer']],
    ['task', 'api', ['amazon_connect', 'connect_task']],
  ] as const)('%s %s', (channel, initiation, tags) => {
    expect(ticketTags(channel, initiation)).toEqual(tags);
  });

  it('tags are valid Zendesk tags (lower case, no spaces)', () => {
    for (const c of ['voice', 'chat', 'task'] as const)
      for (const i of ['inbound', 'outbound', 'transfer', 'queue_transfer', 'callback', 'api'] as const)
        for (const t of ticketTags(c, i)) expect(t).toMatch(/^[a-z_]+$/);
  });
});

describe('voiceEndpoints / voiceCommentData', () => {
  const config = { dialedNumber: null, outboundCli: null, conversationTitle: null, downloadRecording: true, recordingOptOut: false };
  const base: VoiceCommentInput = {
    direction: 'inbound',
    customerNumber: '+447700900123',
    systemNumber: '+442079460001',
    config,
    defaultEntryPointNumber: null,
    startedMs: T0,
    endedMs: T0 + 125_400,
    agentId: 7,
    recordingUrl: 'https://recordings.example.com/c1.wav',
  };

  it('a full inbound voice comment', () => {
    expect(voiceCommentData(base)).toEqual({
      from: '+447700900123',
      to: '+442079460001',
      recording_url: 'https://recordings.example.com/c1.wav',
      started_at: '2026-01-05T09:00:00.000Z',
      call_duration: 125,
      answered_by_id: 7,
      title: 'Inbound call from +44 7700 900123',
    });
  });

  it.each<[string, Partial<VoiceCommentInput>, { from: string; to: string }]>([
    ['inbound: the system number', {}, { from: '+447700900123', to: '+442079460001' }],
    ['inbound: default entry point over the system number', { defaultEntryPointNumber: '+442079460000' }, { from: '+447700900123', to: '+442079460000' }],
    ['inbound: dialed_number over everything', { defaultEntryPointNumber: '+442079460000', config: { ...config, dialedNumber: '+442079460009' } }, { from: '+447700900123', to: '+442079460009' }],
    ['inbound: nothing known', { systemNumber: null }, { from: '+447700900123', to: 'unknown' }],
    ['inbound: anonymous caller', { customerNumber: 'anonymous' }, { from: 'anonymous', to: '+442079460001' }],
    ['inbound: withheld as null', { customerNumber: null }, { from: 'anonymous', to: '+442079460001' }],
    ['inbound: national customer_number read with the default country', { customerNumber: '07700 900123', defaultCountry: 'GB' }, { from: '+447700900123', to: '+442079460001' }],
    ['inbound: national number without a default country shown as given', { customerNumber: '07700 900123' }, { from: '07700 900123', to: '+442079460001' }],
    ['inbound: tel: prefix stripped', { customerNumber: 'tel:+447700900123' }, { from: '+447700900123', to: '+442079460001' }],
    ['outbound: the system number', { direction: 'outbound' }, { from: '+442079460001', to: '+447700900123' }],
    ['outbound: default entry point over the system number', { direction: 'outbound', defaultEntryPointNumber: '+442079460000' }, { from: '+442079460000', to: '+447700900123' }],
    ['outbound: outbound_cli over everything', { direction: 'outbound', defaultEntryPointNumber: '+442079460000', config: { ...config, outboundCli: '+442079460008', dialedNumber: '+442079460009' } }, { from: '+442079460008', to: '+447700900123' }],
  ])('%s', (_label, over, endpoints) => {
    const input = { ...base, ...over };
    expect(voiceEndpoints(input)).toEqual(endpoints);
    expect(voiceCommentData(input)).toMatchObject(endpoints);
  });

  it.each<[string, Partial<VoiceCommentInput>, boolean]>([
    ['recording url present', {}, true],
    ['download_recording false', { config: { ...config, downloadRecording: false } }, false],
    ['consent opt-out', { config: { ...config, recordingOptOut: true } }, false],
    ['no url', { recordingUrl: null }, false],
    ['blank url', { recordingUrl: '  ' }, false],
    ['not a web address', { recordingUrl: 'javascript:alert(1)' }, false],
  ])('recording_url: %s', (_label, over, present) => {
    expect('recording_url' in voiceCommentData({ ...base, ...over })).toBe(present);
  });

  it.each<[string, Partial<VoiceCommentInput>, string]>([
    ['inbound', {}, 'Inbound call from +44 7700 900123'],
    ['outbound', { direction: 'outbound' }, 'Outbound call to +44 7700 900123'],
    ['anonymous', { customerNumber: 'private' }, 'Inbound call from a withheld number'],
    ['conversation_title wins', { config: { ...config, conversationTitle: 'Card blocked' } }, 'Card blocked'],
  ])('title: %s', (_label, over, title) => {
    expect(voiceCommentData({ ...base, ...over }).title).toBe(title);
  });

  it.each<[string, Partial<VoiceCommentInput>, number]>([
    ['rounded seconds', {}, 125],
    ['rounds half up', { endedMs: T0 + 1500 }, 2],
    ['never negative', { endedMs: T0 - 5000 }, 0],
    ["Streams' own duration preferred", { durationSeconds: 99.6 }, 100],
  ])('call_duration: %s', (_label, over, seconds) => {
    const d = voiceCommentData({ ...base, ...over }).call_duration;
    expect(d).toBe(seconds);
    expect(Number.isInteger(d)).toBe(true);
  });

  it('location only when given', () => {
    expect(voiceCommentData({ ...base, location: ' London, UK ' }).location).toBe('London, UK');
    expect('location' in voiceCommentData({ ...base, location: '' })).toBe(false);
  });
});

describe('renderContactSummary', () => {
  const base: ContactSummaryInput = {
    channel: 'voice',
    initiation: 'inbound',
    customerNumber: '+447700900123',
    systemNumber: '+442079460000',
    queue: 'General',
    notices: [],
  };

  it.each<[string, Partial<ContactSummaryInput>, string]>([
    ['inbound', {}, 'Inbound call from +44 7700 900123 to +44 20 7946 0000, queue General'],
    ['inbound, anonymous', { customerNumber: 'anonymous' }, 'Inbound call from a withheld number to +44 20 7946 0000, queue General'],
    ['inbound, no system number, no queue', { systemNumber: null, queue: null }, 'Inbound call from +44 7700 900123'],
    ['outbound', { initiation: 'outbound', queue: 'Sales' }, 'Outbound call to +44 7700 900123 from +44 20 7946 0000, queue Sales'],
    ['callback', { initiation: 'callback' }, 'Callback to +44 7700 900123 from +44 20 7946 0000, queue General'],
    ['transfer', { initiation: 'transfer' }, 'Transferred call from +44 7700 900123 to +44 20 7946 0000, queue General'],
    ['national number with the default country', { customerNumber: '07700 900123', defaultCountry: 'GB' }, 'Inbound call from +44 7700 900123 to +44 20 7946 0000, queue General'],
    ['unreadable number shown as given', { customerNumber: '12345' }, 'Inbound call from 12345 to +44 20 7946 0000, queue General'],
    ['chat', { channel: 'chat', initiation: 'api', customerName: 'Jane Doe', queue: 'Chat' }, 'Chat with Jane Doe, queue Chat'],
    ['chat, nobody known', { channel: 'chat', initiation: 'api', customerName: null, queue: null }, 'Chat with a customer'],
    ['task', { channel: 'task', initiation: 'api', taskName: 'Zendesk-500', queue: 'Tasks' }, 'Task Zendesk-500, queue Tasks'],
  ])('%s', (_label, over, line) => {
    const input = { ...base, ...over };
    expect(contactSummaryLine(input)).toBe(line);
    expect(renderContactSummary(input).text.split('\n')[0]).toBe(line);
  });

  it('html: the line, the contact id and the notifications', () => {
    expect(renderContactSummary({ ...base, contactId: 'c-1', notices: ['Switched to manual assignment.'] })).toEqual({
      html:
        '<p>Inbound call from +44 7700 900123 to +44 20 7946 0000, queue General</p><p>Contact ID: c-1</p>' +
        '<p><strong>Agent notifications</strong></p><ul><li>Switched to manual assignment.</li></ul>',
      text:
        'Inbound call from +44 7700 900123 to +44 20 7946 0000, queue General\nContact ID: c-1\n\n' +
        'Agent notifications\n- Switched to manual assignment.',
    });
  });

  it('no notifications: no section', () => {
    expect(renderContactSummary(base).html).not.toContain('Agent notifications');
  });

  it('escapes queue, names, numbers, contact id and notices', () => {
    for (const over of [
      { queue: EVIL },
      { channel: 'chat' as const, customerName: EVIL },
      { customerNumber: EVIL },
      { contactId: EVIL },
      { notices: [EVIL] },
    ]) {
      expectEscaped(renderContactSummary({ ...base, ...over }).html);
    }
  });
});

describe('renderChatTranscript', () => {
  const items: TranscriptItem[] = [
    { role: 'SYSTEM', displayName: 'SYSTEM_MESSAGE', text: 'Jane Doe has joined the chat', atMs: T0 },
    { role: 'CUSTOMER', displayName: 'Jane Doe', text: 'Hello', atMs: T0 + 5_000 },
    { role: 'AGENT', displayName: 'Ann Agent', text: 'Hi Jane,\nhow can I help?', atMs: T0 + 65_000 },
  ];

  it('html: every message with time and author, in order', () => {
    expect(renderChatTranscript(items).html).toBe(
      '<p><strong>Chat transcript</strong> (times in UTC)</p>' +
        '<p><em>2026-01-05</em></p>' +
        '<p><strong>09:00:00 System:</strong> Jane Doe has joined the chat</p>' +
        '<p><strong>09:00:05 Jane Doe (Customer):</strong> Hello</p>' +
        '<p><strong>09:01:05 Ann Agent (Agent):</strong> Hi Jane,<br>how can I help?</p>',
    );
  });

  it('plain text', () => {
    expect(renderChatTranscript(items).text).toBe(
      'Chat transcript (times in UTC)\n2026-01-05\n' +
        '[09:00:00] System: Jane Doe has joined the chat\n' +
        '[09:00:05] Jane Doe (Customer): Hello\n' +
        '[09:01:05] Ann Agent (Agent): Hi Jane,\n    how can I help?',
    );
  });

  it('orders by time, keeping the given order for equal times', () => {
    const out = renderChatTranscript([
      { role: 'AGENT', displayName: 'A', text: 'second', atMs: T0 + 1000 },
      { role: 'CUSTOMER', displayName: 'C', text: 'first', atMs: T0 },
      { role: 'CUSTOMER', displayName: 'C', text: 'third', atMs: T0 + 1000 },
    ]).text;
    expect(out.indexOf('first')).toBeLessThan(out.indexOf('second'));
    expect(out.indexOf('second')).toBeLessThan(out.indexOf('third'));
  });

  it('a new date line when the day changes', () => {
    const out = renderChatTranscript([
      { role: 'CUSTOMER', displayName: 'C', text: 'late', atMs: Date.UTC(2026, 0, 5, 23, 59, 59) },
      { role: 'AGENT', displayName: 'A', text: 'early', atMs: Date.UTC(2026, 0, 6, 0, 0, 1) },
    ]).text;
    expect(out).toBe('Chat transcript (times in UTC)\n2026-01-05\n[23:59:59] C (Customer): late\n2026-01-06\n[00:00:01] A (Agent): early');
  });

  it('in a time zone', () => {
    const out = renderChatTranscript(items, 'Australia/Sydney').text;
    expect(out).toContain('(times in Australia/Sydney)');
    expect(out).toContain('[20:00:05] Jane Doe (Customer): Hello');
  });

  it('an unknown time zone falls back to UTC', () => {
    expect(renderChatTranscript(items, 'Mars/Olympus').text).toContain('[09:00:05]');
  });

  it('no messages', () => {
    expect(renderChatTranscript([]).html).toContain('No messages.');
  });

  it('escapes names and texts', () => {
    const html = renderChatTranscript([
      { role: 'CUSTOMER', displayName: EVIL, text: 'x', atMs: T0 },
      { role: 'CUSTOMER', displayName: 'x', text: EVIL, atMs: T0 },
    ]).html;
    expect(html.split('&lt;img').length - 1).toBe(2);
    expect(html).not.toContain('<img');
  });
});

describe('renderTaskNote', () => {
  const input = {
    name: 'Zendesk-500',
    description: 'Call the customer back\nabout the refund',
    references: { Ticket: 'https://acme.zendesk.com/agent/tickets/500', Order: 'A-42' },
    createdMs: T0,
    acceptedMs: T0 + 90_000,
  };

  it('html', () => {
    expect(renderTaskNote(input).html).toBe(
      '<p><strong>Amazon Connect task</strong></p>' +
        '<p>Name: Zendesk-500<br>Description: Call the customer back<br>about the refund<br>' +
        'Created: 2026-01-05 09:00:00 UTC<br>Accepted: 2026-01-05 09:01:30 UTC</p>' +
        '<p><strong>References</strong></p><ul>' +
        '<li>Ticket: <a href="https://acme.zendesk.com/agent/tickets/500" target="_blank" rel="noopener noreferrer">https://acme.zendesk.com/agent/tickets/500</a></li>' +
        '<li>Order: A-42</li></ul>',
    );
  });

  it('text', () => {
    expect(renderTaskNote(input).text).toBe(
      'Amazon Connect task\nName: Zendesk-500\nDescription: Call the customer back\n    about the refund\n' +
        'Created: 2026-01-05 09:00:00 UTC\nAccepted: 2026-01-05 09:01:30 UTC\nReferences\n' +
        '- Ticket: https://acme.zendesk.com/agent/tickets/500\n- Order: A-42',
    );
  });

  it('leaves out what is missing', () => {
    const { html } = renderTaskNote({ name: null, description: '', references: {}, createdMs: null, acceptedMs: null });
    expect(html).toBe('<p><strong>Amazon Connect task</strong></p>');
  });

  it('escapes everything, links only http(s)', () => {
    const { html } = renderTaskNote({
      name: EVIL,
      description: EVIL,
      references: { [EVIL]: EVIL, js: 'javascript:alert(1)', q: 'https://x.example/?a="b"' },
      createdMs: null,
      acceptedMs: null,
      queue: EVIL,
      contactId: EVIL,
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('href="https://x.example/?a=&quot;b&quot;"');
  });
});
