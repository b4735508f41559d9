// The queue name shown above Accept/Reject (end-user guide, "Queue notification on connecting"):
// clipped at 35 characters, an ellipsis replacing the overflow but the last 8 characters kept
// visible; the whole name goes into a tooltip. Characters are counted as Unicode code points,
// so an emoji or an accented letter never gets cut in half.

export const QUEUE_NAME_MAX = 35;
export const QUEUE_NAME_TAIL = 8;
const ELLIPSIS = '…';

export function clipQueueName(name: string): { text: string; clipped: boolean } {
  const chars = Array.from(String(name));
  if (chars.length <= QUEUE_NAME_MAX) return { text: chars.join(''), clipped: false };
  const head = chars.slice(0, QUEUE_NAME_MAX - QUEUE_NAME_TAIL - 1).join('');
  const tail = chars.slice(chars.length - QUEUE_NAME_TAIL).join('');
  return { text: head + ELLIPSIS + tail, clipped: true };
}
