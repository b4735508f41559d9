// One app instance's share of the account's API limit. Every agent and tab of a Zendesk account
// draws on one limit (200 to 2,500 requests a minute); no instance knows the others, but each
// sees Zendesk's answers: a 429 with Retry-After, and X-Rate-Limit / X-Rate-Limit-Remaining on
// every answer (developer.zendesk.com, "Rate limits": "X-Rate-Limit-Remaining: the number of
// requests remaining in the current rate limit window"). From those the gate:
//
// - after a 429, holds every request of this instance until Retry-After has passed (Zendesk
//   refuses them all anyway), each then spread by a little jitter so that hundreds of instances
//   told the same second do not all come back on it;
// - keeps a reserve of the remaining budget for what a ringing contact needs: the lookups that
//   decide the pop go whenever Zendesk accepts requests, the writes that put a contact on its
//   ticket leave the last 10% of the minute's budget to them, and call details, transcripts and
//   Voice ID leave the last 25%;
// - under pressure (a 429, or the details' reserve reached), spaces this instance's ticket
//   writes (at most 8 s apart) and call details (at most a minute) out, doubling the gap each
//   time Zendesk is still full and halving it when it has room (dropping it once half the
//   budget is free), so the account's requests settle at what the limit serves instead of
//   hammering it.
//
// Nothing is dropped: a held request waits, and runs once there is room.
import type { Clock } from '../domain/clock';
import { Rng } from '../domain/prng';

/** What a request is for, most urgent first. */
export type Priority = 'pop' | 'ticket' | 'details';

const RANK: Record<Priority, number> = { pop: 0, ticket: 1, details: 2 };
const PRIORITIES = Object.keys(RANK) as Priority[];

/** Share of the account's per-minute budget a priority leaves to the more urgent ones. */
const RESERVE: Record<Priority, number> = { pop: 0, ticket: 0.1, details: 0.25 };

/** A Remaining figure older than this says nothing about now: the rolling minute has moved on. */
const FRESH_MS = 10_000;
/** Longest gap between two lower-priority requests of one instance under pressure. */
export const MAX_SPACING_MS = 60_000;
const MIN_SPACING_MS = 1_000;
/** Longest gap between two ticket writes of one instance under pressure. */
const MAX_TICKET_SPACING_MS = 8_000;
/** After a 429, the hold is lifted with up to this much jitter for a ringing contact's lookups. */
const POP_JITTER_MS = 500;

export interface RateAnswer {
  status: number;
  headers?: Record<string, string>;
}

export class RateGate {
  private heldUntil = 0;
  private limit: number | null = null;
  private remaining: number | null = null;
  private seenAt = -Infinity;
  /** Gap between this instance's lower-priority requests (0: no pressure). */
  private spacing = 0;
  private readonly lastSent: Record<Priority, number> = { pop: -Infinity, ticket: -Infinity, details: -Infinity };
  /** Requests of each priority waiting or in flight here. */
  private readonly active: Record<Priority, number> = { pop: 0, ticket: 0, details: 0 };
  /** Settles when the last lower-priority request that asked has been let through. */
  private readonly turn: Record<Priority, Promise<void>> = { pop: Promise.resolve(), ticket: Promise.resolve(), details: Promise.resolve() };
  private readonly rng: Rng;

  constructor(
    private readonly clock: Clock,
    seed = 1,
  ) {
    // Jitter that differs between instances and repeats in a replay.
    this.rng = new Rng(seed);
  }

  /**
   * Waits until a request of this priority may go; the caller then sends it and calls `done`.
   * Lower-priority requests of one instance are let through in the order they asked: only the
   * first of them watches the clock, the others wait their turn behind it.
   */
  async admit(priority: Priority): Promise<() => void> {
    const rank = RANK[priority];
    this.active[priority]++;
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      this.active[priority]--;
    };
    const before = this.turn[priority];
    let next = () => undefined as void;
    if (rank > 0) this.turn[priority] = new Promise<void>((r) => (next = r));
    try {
      await before;
      for (;;) {
        const wait = this.waitFor(priority);
        if (wait <= 0) break;
        await this.clock.sleep(wait);
      }
    } catch (err) {
      done();
      throw err;
    } finally {
      next();
    }
    this.lastSent[priority] = this.clock.nowMs();
    return done;
  }

  /** Learns from one answer of Zendesk's (any status). */
  observe(answer: RateAnswer, retryAfterMs: number | null): void {
    const now = this.clock.nowMs();
    const limit = header(answer.headers, 'x-rate-limit');
    const remaining = header(answer.headers, 'x-rate-limit-remaining');
    if (limit !== null && limit > 0) this.limit = limit;
    if (remaining !== null) {
      this.remaining = remaining;
      this.seenAt = now;
    }
    const refused = answer.status === 429;
    if (refused) {
      this.heldUntil = Math.max(this.heldUntil, now + (retryAfterMs ?? 0));
      this.remaining = 0;
      this.seenAt = now;
    }
    if (refused || this.tight('details')) {
      this.spacing = Math.min(MAX_SPACING_MS, Math.max(MIN_SPACING_MS, this.spacing * 2));
    } else if (this.spacing > 0) {
      // Half the minute's budget free: the account has room, no more spacing.
      const roomy = this.remaining !== null && this.limit !== null && this.remaining >= this.limit / 2;
      this.spacing = roomy || this.spacing / 2 < MIN_SPACING_MS ? 0 : this.spacing / 2;
    }
  }

  /** How long a request of this priority must still wait (0: it may go now). */
  private waitFor(priority: Priority): number {
    const now = this.clock.nowMs();
    const rank = RANK[priority];
    if (now < this.heldUntil) {
      const spread = rank === 0 ? POP_JITTER_MS : Math.max(MIN_SPACING_MS, this.spacing);
      return this.heldUntil - now + 1 + Math.floor(this.rng.next() * spread);
    }
    if (rank === 0) return 0;
    // A more urgent request of this instance goes first.
    for (const p of PRIORITIES) if (RANK[p] < rank && this.active[p] > 0) return 250;
    // A ticket write answers a contact in front of the agent: its gap stays short.
    const gap = priority === 'details' ? this.spacing : Math.min(this.spacing, MAX_TICKET_SPACING_MS);
    if (gap > 0) {
      const next = this.lastSent[priority] + gap;
      if (now < next) return next - now + Math.floor(this.rng.next() * (gap / 2));
    }
    // The budget's reserve belongs to the more urgent: wait for the rolling minute to free some.
    if (this.tight(priority)) return Math.max(MIN_SPACING_MS, this.spacing) + Math.floor(this.rng.next() * MIN_SPACING_MS);
    return 0;
  }

  /** Zendesk said, recently, that less than this priority's reserve is left. */
  private tight(priority: Priority): boolean {
    if (this.remaining === null || this.limit === null) return false;
    if (this.clock.nowMs() - this.seenAt > FRESH_MS) return false;
    return this.remaining < this.limit * RESERVE[priority];
  }
}

function header(headers: Record<string, string> | undefined, name: string): number | null {
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() !== name) continue;
    const n = Number(String(v).trim());
    return Number.isFinite(n) && n >= 0 ? n : null;
  }
  return null;
}
