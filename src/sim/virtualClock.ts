import TinyQueue from 'tinyqueue';
import type { Clock } from '../domain/clock';

interface Timer {
  id: number;
  atMs: number;
  seq: number;
  fire: () => void;
  /** Timers of a simulated library (Streams' keepalive, log pushes) do not keep the run alive. */
  background: boolean;
}

export interface TimerOptions {
  background?: boolean;
}

/**
 * Simulated time: nothing moves until the runner advances it. Pending promises are allowed
 * to settle (macrotask turns) before each timer fires, so async app code runs in the same
 * order it would with real time, only instantly.
 */
export class VirtualClock implements Clock {
  private now: number;
  private timers = new Map<number, Timer>();
  private seq = 0;
  // Time order for every timer and for the foreground ones: a run with hundreds of pages has
  // thousands of timers, and a scan per fire made the clock the simulator's bottleneck. A
  // cleared or fired timer stays in the queues until it comes to the top (it is no longer in
  // `timers`) and is dropped there.
  private readonly all = new TinyQueue<Timer>([], byTime);
  private readonly foreground = new TinyQueue<Timer>([], byTime);
  private foregroundCount = 0;

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
    this.setTimer(delayMs, fire);
  }

  /** A cancellable timer; its id goes to clearTimer. */
  setTimer(delayMs: number, fire: () => void, options: TimerOptions = {}): number {
    const id = ++this.seq;
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const timer: Timer = { id, atMs: this.now + delay, seq: id, fire, background: options.background ?? false };
    this.timers.set(id, timer);
    this.all.push(timer);
    if (!timer.background) {
      this.foreground.push(timer);
      this.foregroundCount++;
    }
    return id;
  }

  clearTimer(id: number): void {
    this.forget(id);
  }

  /** Timers the run waits for (background ones left out). */
  pendingTimers(): number {
    return this.foregroundCount;
  }

  private forget(id: number): void {
    const t = this.timers.get(id);
    if (!t) return;
    this.timers.delete(id);
    if (!t.background) this.foregroundCount--;
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
      const next = this.earliest(false);
      if (!next || next.atMs > targetMs) break;
      this.forget(next.id);
      this.now = Math.max(this.now, next.atMs);
      next.fire();
      await this.settle();
    }
    this.now = Math.max(this.now, targetMs);
  }

  /** Runs until no foreground timer is left or `limitMs` is reached. */
  async runUntilIdle(limitMs: number): Promise<void> {
    await this.settle();
    for (;;) {
      const next = this.earliest(true);
      if (!next || next.atMs > limitMs) return;
      await this.advanceTo(next.atMs);
    }
  }

  private earliest(foregroundOnly: boolean): Timer | undefined {
    const q = foregroundOnly ? this.foreground : this.all;
    for (;;) {
      const top = q.peek();
      if (!top || this.timers.get(top.id) === top) return top;
      q.pop();
    }
  }
}

function byTime(a: Timer, b: Timer): number {
  return a.atMs - b.atMs || a.seq - b.seq;
}

const macrotask: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);
