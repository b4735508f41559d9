// Subject and tags of the tickets the app creates.
import type { Channel, Initiation } from '../types';
import { displayParty, oneLine, type Direction } from './format';

/**
 * The subject of a new ticket. conversation_title wins; otherwise:
 *   voice, inbound:  "Inbound call from +44 7700 900123" ("… from a withheld number" when anonymous)
 *   voice, outbound: "Outbound call to +44 7700 900123"
 *   chat:            "Chat with Jane Doe" ("Chat with a customer" when nobody is known)
 *   task:            "Task: <task name>"
 * `party` is the customer's number (E.164 is shown in international format), name or email,
 * or for tasks the task's name; null when unknown or withheld.
 */
export function ticketSubject(direction: Direction, channel: Channel, party: string | null, conversationTitle: string | null): string {
  const title = conversationTitle == null ? '' : oneLine(conversationTitle);
  if (title !== '') return title;
  const who = party == null || oneLine(party) === '' ? null : displayParty(oneLine(party));
  switch (channel) {
    case 'voice':
      return direction === 'outbound'
        ? `Outbound call to ${who ?? 'an unknown number'}`
        : `Inbound call from ${who ?? 'a withheld number'}`;
    case 'chat':
      return `Chat with ${who ?? 'a customer'}`;
    case 'task':
      return `Task: ${who ?? 'untitled'}`;
    case 'email':
      return `Email from ${who ?? 'a customer'}`;
  }
}

/** Every ticket the app creates or updates for a contact carries this tag. */
export const TAG_APP = 'amazon_connect';

/**
 * Tags for views, triggers and reports. Stable names (never renamed):
 *   amazon_connect                                  every contact the app handled
 *   connect_voice | connect_chat | connect_task     the channel
 *   connect_inbound | connect_outbound              voice and chat direction (tasks have none)
 *   connect_transfer                                a transferred contact (agent or queue transfer)
 *   connect_callback                                a queued callback
 * `initiation` may also be just 'inbound' or 'outbound'.
 */
export function ticketTags(channel: Channel, initiation: Initiation): string[] {
  const tags = [TAG_APP, `connect_${channel}`];
  if (channel !== 'task') {
    const outbound = channel === 'voice' && (initiation === 'outbound' || initiation === 'callback' || initiation === 'api');
    tags.push(outbound ? 'connect_outbound' : 'connect_inbound');
  }
  if (initiation === 'transfer' || initiation === 'queue_transfer') tags.push('connect_transfer');
  if (initiation === 'callback') tags.push('connect_callback');
  return tags;
}
