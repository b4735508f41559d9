// The chat transcript added as a private comment when a chat ends (administrator guide,
// "Attaching chat transcript"): every message in order, with its time and who wrote it,
// including system messages (joins, leaves, bot messages).
import { escapeHtml } from '../escape';
import { dateAndTime } from './format';

export interface TranscriptItem {
  role: 'CUSTOMER' | 'AGENT' | 'SYSTEM';
  displayName: string;
  text: string;
  atMs: number;
}

const ROLE_LABEL: Record<TranscriptItem['role'], string> = {
  CUSTOMER: 'Customer',
  AGENT: 'Agent',
  SYSTEM: 'System',
};

function author(item: TranscriptItem): string {
  const role = ROLE_LABEL[item.role] ?? 'System';
  const name = String(item.displayName ?? '').replace(/\s+/g, ' ').trim();
  if (name === '' || name.toLowerCase() === role.toLowerCase() || name === 'SYSTEM_MESSAGE') return role;
  return `${name} (${role})`;
}

/**
 * HTML and plain text of a transcript. Messages are ordered by time (messages with the same
 * time keep their given order); times are HH:MM:SS in UTC unless an IANA `timeZone` is given
 * (an unknown one falls back to UTC); a date line starts every day.
 */
export function renderChatTranscript(items: TranscriptItem[], timeZone?: string): { html: string; text: string } {
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.atMs - b.item.atMs || a.index - b.index)
    .map((x) => x.item);
  const zone = sorted.length > 0 ? dateAndTime(sorted[0]!.atMs, timeZone).zone : dateAndTime(0, timeZone).zone;

  const html: string[] = [`<p><strong>Chat transcript</strong> (times in ${escapeHtml(zone)})</p>`];
  const text: string[] = [`Chat transcript (times in ${zone})`];
  if (sorted.length === 0) {
    html.push('<p>No messages.</p>');
    text.push('No messages.');
  }
  let day = '';
  for (const item of sorted) {
    const { date, time } = dateAndTime(item.atMs, timeZone);
    if (date !== day) {
      day = date;
      html.push(`<p><em>${escapeHtml(date)}</em></p>`);
      text.push(date);
    }
    const who = author(item);
    const body = String(item.text ?? '').replace(/\r\n?/g, '\n');
    html.push(`<p><strong>${time} ${escapeHtml(who)}:</strong> ${escapeHtml(body).replace(/\n/g, '<br>')}</p>`);
    text.push(`[${time}] ${who}: ${body.replace(/\n/g, '\n    ')}`);
  }
  return { html: html.join(''), text: text.join('\n') };
}
