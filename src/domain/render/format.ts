// Small shared helpers of the renderers. Pure: times are epoch ms given by the caller.
import type { Channel, Initiation } from '../types';
import { classifyCallerNumber, formatForDisplay } from '../phone';

export type Direction = 'inbound' | 'outbound';

/**
 * Whether a contact came to us or we went out. Voice: outbound, callback and API-started calls
 * (StartOutboundVoiceContact) are outbound; chats and tasks always come in (the chat widget
 * starts chats through the API).
 */
export function directionOf(channel: Channel, initiation: Initiation): Direction {
  if (channel !== 'voice') return 'inbound';
  return initiation === 'outbound' || initiation === 'callback' || initiation === 'api' ? 'outbound' : 'inbound';
}

/** "2026-01-05" and "09:00:01" of an instant, in UTC or in the given IANA time zone. */
export function dateAndTime(ms: number, timeZone?: string): { date: string; time: string; zone: string } {
  if (timeZone && timeZone.toUpperCase() !== 'UTC') {
    try {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(new Date(ms));
      const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
      return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}:${get('second')}`, zone: timeZone };
    } catch {
      // An unknown time zone: fall back to UTC.
    }
  }
  const iso = new Date(ms).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), zone: 'UTC' };
}

/** "2026-01-05 09:00:01 UTC". */
export function formatUtc(ms: number): string {
  const { date, time } = dateAndTime(ms);
  return `${date} ${time} UTC`;
}

/**
 * A phone number for people: international format when readable ("+44 7700 900123"), the
 * text as given otherwise (names, emails, unreadable numbers).
 */
export function displayParty(party: string): string {
  const t = party.trim();
  if (!/^\+?[\d\s().\-]+$/.test(t) || !t.startsWith('+')) return t;
  const c = classifyCallerNumber(t, null);
  return c.kind === 'number' ? formatForDisplay(c.e164) : t;
}

/** One line of text: runs of whitespace (newlines included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
