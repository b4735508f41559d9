import type { Clock } from '../domain/clock';

interface Timer {
  atMs: number;
  seq: number;
  fire: () => void;
}

/**
 * Simulated time: nothing moves until the runner advances it. Pending promises are allowed
 * to settle (macrotask turns) before each timer fires, so async app code runs in the same
 * order it would with real time, only instantly.
 */
export class VirtualClock implements Clock {
  private now: number;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(startMs: number) {
    this.now = startMs;
  }

  nowMs(): number {
    return this.now;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.schedule(Math.max(0, ms), resolve));
  }

  schedule(delayMs: number, fire: () => void): void {
    this.timers.push({ atMs: this.now + delayMs, seq: this.seq++, fire });
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Let every already-runnable promise chain run to completion. */
  async settle(): Promise<void> {
    // A few macrotask turns: each flushes the microtask queue; chains that hop through
    // resolved promises need more than one.
    for (let i = 0; i < 3; i++) await new Promise<void>((r) => macrotask(r));
  }

  /** Runs timers in time order up to `targetMs` (inclusive), settling promises between them. */
  async advanceTo(targetMs: number): Promise<void> {
    await this.settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.atMs > targetMs) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.now = Math.max(this.now, next.atMs);
      next.fire();
      await this.settle();
    }
    this.now = Math.max(this.now, targetMs);
  }

  /** Runs until no timer is left or `limitMs` is reached. */
  async runUntilIdle(limitMs: number): Promise<void> {
    await this.settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.atMs > limitMs) return;
      await this.advanceTo(next.atMs);
    }
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) {
      if (!best || t.atMs < best.atMs || (t.atMs === best.atMs && t.seq < best.seq)) best = t;
    }
    return best;
  }
}

const macrotask: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);
