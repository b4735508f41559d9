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

function sortedItems(items: TranscriptItem[]): TranscriptItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.atMs - b.item.atMs || a.index - b.index)
    .map((x) => x.item);
}

interface Line {
  date: string;
  html: string;
  text: string;
}

function lineOf(item: TranscriptItem, timeZone: string | undefined): Line {
  const { date, time } = dateAndTime(item.atMs, timeZone);
  const who = author(item);
  const body = String(item.text ?? '').replace(/\r\n?/g, '\n');
  return {
    date,
    html: `<p><strong>${time} ${escapeHtml(who)}:</strong> ${escapeHtml(body).replace(/\n/g, '<br>')}</p>`,
    text: `[${time}] ${who}: ${body.replace(/\n/g, '\n    ')}`,
  };
}

const dateHtml = (date: string): string => `<p><em>${escapeHtml(date)}</em></p>`;

function headerOf(sorted: TranscriptItem[], timeZone: string | undefined): { html: string; text: string } {
  const zone = dateAndTime(sorted[0]?.atMs ?? 0, timeZone).zone;
  return { html: `<p><strong>Chat transcript</strong> (times in ${escapeHtml(zone)})</p>`, text: `Chat transcript (times in ${zone})` };
}

/**
 * HTML and plain text of a transcript. Messages are ordered by time (messages with the same
 * time keep their given order); times are HH:MM:SS in UTC unless an IANA `timeZone` is given
 * (an unknown one falls back to UTC); a date line starts every day.
 */
export function renderChatTranscript(items: TranscriptItem[], timeZone?: string): { html: string; text: string } {
  const sorted = sortedItems(items);
  const header = headerOf(sorted, timeZone);
  const html: string[] = [header.html];
  const text: string[] = [header.text];
  if (sorted.length === 0) {
    html.push('<p>No messages.</p>');
    text.push('No messages.');
  }
  let day = '';
  for (const item of sorted) {
    const line = lineOf(item, timeZone);
    if (line.date !== day) {
      day = line.date;
      html.push(dateHtml(line.date));
      text.push(line.date);
    }
    html.push(line.html);
    text.push(line.text);
  }
  return { html: html.join(''), text: text.join('\n') };
}

const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

/**
 * The messages of a transcript in parts whose rendered HTML (`renderChatTranscript` of each
 * part) stays within `maxBytes` UTF-8 bytes: Zendesk cuts a longer comment silently, so a long
 * chat goes on the ticket as several comments. In time order, nothing left out; a message too
 * long for one part on its own is cut into pieces (same time, same author) over several parts.
 * Always at least one part (an empty one for a chat without messages).
 */
export function chatTranscriptParts(items: TranscriptItem[], maxBytes: number, timeZone?: string): TranscriptItem[][] {
  const sorted = sortedItems(items);
  const headerBytes = utf8Bytes(headerOf(sorted, timeZone).html);
  const parts: TranscriptItem[][] = [];
  let part: TranscriptItem[] = [];
  let bytes = headerBytes;
  let day = '';
  const close = () => {
    if (part.length) parts.push(part);
    part = [];
    bytes = headerBytes;
    day = '';
  };
  for (const whole of sorted) {
    for (const item of piecesOf(whole, maxBytes - headerBytes, timeZone)) {
      const line = lineOf(item, timeZone);
      const cost = (d: string) => utf8Bytes(line.html) + (line.date !== d ? utf8Bytes(dateHtml(line.date)) : 0);
      if (part.length && bytes + cost(day) > maxBytes) close();
      bytes += cost(day);
      day = line.date;
      part.push(item);
    }
  }
  close();
  return parts.length ? parts : [[]];
}

/** A message as pieces that each render (with a date line) within `budget` bytes. */
function piecesOf(item: TranscriptItem, budget: number, timeZone: string | undefined): TranscriptItem[] {
  const fits = (x: TranscriptItem) => {
    const line = lineOf(x, timeZone);
    return utf8Bytes(line.html) + utf8Bytes(dateHtml(line.date)) <= budget;
  };
  if (fits(item)) return [item];
  const chars = Array.from(String(item.text ?? ''));
  const out: TranscriptItem[] = [];
  let start = 0;
  while (start < chars.length) {
    // The longest run of characters from `start` that fits, found by halving.
    let lo = 1;
    let hi = chars.length - start;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits({ ...item, text: chars.slice(start, start + mid).join('') })) lo = mid;
      else hi = mid - 1;
    }
    out.push({ ...item, text: chars.slice(start, start + lo).join('') });
    start += lo;
  }
  return out;
}
