// The private note a new ticket is created with: one line saying what the contact was, the
// Connect contact id (so later legs and transfers can be traced), and the agent notifications.
import type { Channel, Initiation } from '../types';
import { escapeHtml } from '../escape';
import { classifyCallerNumber, formatForDisplay } from '../phone';
import { directionOf, displayParty, oneLine } from './format';
import { agentNotificationsText, renderAgentNotifications } from './notifications';

export interface ContactSummaryInput {
  channel: Channel;
  initiation: Initiation;
  /** The customer's number as Connect reports it (E.164, or "anonymous"/"private"/null). */
  customerNumber: string | null;
  /** The customer's name or email, for chats (and calls, when known). */
  customerName?: string | null;
  /** Our side of a call, as chosen by voiceEndpoints (inbound: to; outbound: from). */
  systemNumber: string | null;
  queue: string | null;
  /** Tasks: the task's name. */
  taskName?: string | null;
  /** The Connect contact id (the initial one for transfers). */
  contactId?: string | null;
  /** AppSettings.defaultCountry, to read national numbers. */
  defaultCountry?: string | null;
  /** Texts of the notices recorded for this contact. */
  notices: string[];
}

function number(raw: string | null, defaultCountry: string | null): string | null {
  if (raw == null || raw.trim() === '') return null;
  const c = classifyCallerNumber(raw, defaultCountry);
  if (c.kind === 'number') return formatForDisplay(c.e164);
  if (c.kind === 'anonymous') return null;
  return oneLine(c.raw);
}

/** The one-line description: "Inbound call from +44 7700 900123 to +44 20 7946 0000, queue General". */
export function contactSummaryLine(input: ContactSummaryInput): string {
  const queue = input.queue == null || oneLine(input.queue) === '' ? '' : `, queue ${oneLine(input.queue)}`;
  const name = input.customerName == null || oneLine(input.customerName) === '' ? null : displayParty(oneLine(input.customerName));
  if (input.channel === 'chat') return `Chat with ${name ?? 'a customer'}${queue}`;
  if (input.channel === 'task') {
    const task = input.taskName == null || oneLine(input.taskName) === '' ? 'untitled' : oneLine(input.taskName);
    return `Task ${task}${queue}`;
  }
  const customer = number(input.customerNumber, input.defaultCountry ?? null);
  const system = number(input.systemNumber, input.defaultCountry ?? null);
  const ours = system ? ` ${directionOf('voice', input.initiation) === 'outbound' ? 'from' : 'to'} ${system}` : '';
  switch (input.initiation) {
    case 'outbound':
    case 'api':
      return `Outbound call to ${customer ?? 'an unknown number'}${ours}${queue}`;
    case 'callback':
      return `Callback to ${customer ?? 'an unknown number'}${ours}${queue}`;
    case 'transfer':
    case 'queue_transfer':
      return `Transferred call from ${customer ?? 'a withheld number'}${ours}${queue}`;
    case 'inbound':
      return `Inbound call from ${customer ?? 'a withheld number'}${ours}${queue}`;
  }
}

/** HTML and plain text of the note. */
export function renderContactSummary(input: ContactSummaryInput): { html: string; text: string } {
  const line = contactSummaryLine(input);
  const id = input.contactId?.trim() ?? '';
  const notices = renderAgentNotifications(input.notices);
  const html = `<p>${escapeHtml(line)}</p>` + (id ? `<p>Contact ID: ${escapeHtml(id)}</p>` : '') + notices;
  const textParts = [line];
  if (id) textParts.push(`Contact ID: ${id}`);
  const noticesText = agentNotificationsText(input.notices);
  if (noticesText) textParts.push('', noticesText);
  return { html, text: textParts.join('\n') };
}
