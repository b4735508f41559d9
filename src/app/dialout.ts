// Click-to-dial as Zendesk sends it, and as the background location hands it on.
//
// `voice.dialout` is a Talk Partner Edition event: "Agent clicked to call a phone number"
// (developer.zendesk.com, Apps Support API, "All locations" > Talk Partner Edition events). Its
// payload documents only `number`; public apps read `e.number` alone (zendesk apps on GitHub:
// `client.on('voice.dialout', (e) => ... e.number)`). So the ticket or user dialled from is what
// the sidebar last reported (`acz.viewing`), never a field of the event.
//
// Which location hears it: Zendesk lists the event under "All locations"; a vendor's ZAF guide
// (Vobiz, "Zendesk integration") says it reaches only the background instance, which relays it.
// So the app listens in both: the top bar directly, and the background hands it to the top bar
// as `acz.dialout`. When both arrive for one click, the second is dropped.

/** The event the background location relays `voice.dialout` under, to the top bar instances. */
export const RELAYED_DIALOUT_EVENT = 'acz.dialout';

/** Two reports of one click (direct and relayed) arrive within this time of each other. */
export const SAME_CLICK_MS = 5000;

export type DialoutSource = 'direct' | 'relayed';

/** The number of a `voice.dialout` (or relayed) payload, or null when it has none. */
export function dialoutNumber(payload: unknown): string | null {
  const n = (payload ?? {}) as { number?: unknown };
  if (typeof n.number === 'string' && n.number.trim() !== '') return n.number.trim();
  if (typeof n.number === 'number' && Number.isFinite(n.number)) return String(n.number);
  return null;
}

/**
 * One click, one dial: a report of a number that the other source already reported within
 * SAME_CLICK_MS is the same click. Repeats from one source are separate clicks.
 */
export class DialoutOnce {
  private recent: { number: string; source: DialoutSource; atMs: number }[] = [];

  /** True when this report should dial. */
  accept(number: string, source: DialoutSource, nowMs: number): boolean {
    this.recent = this.recent.filter((r) => nowMs - r.atMs <= SAME_CLICK_MS);
    const twin = this.recent.findIndex((r) => r.number === number && r.source !== source);
    if (twin >= 0) {
      // Each report pairs with one of the other source: a third click is dialled again.
      this.recent.splice(twin, 1);
      return false;
    }
    this.recent.push({ number, source, atMs: nowMs });
    return true;
  }
}
