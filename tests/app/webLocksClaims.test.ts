// The browser's side of "exactly one tab processes a contact": Web Locks. A small model of the
// LockManager (exclusive locks, ifAvailable, queued requests granted on release, a tab's locks
// dropped when it closes) stands in for the browser.
import { describe, expect, it } from 'vitest';
import { WebLocksClaims } from '../../src/app/claims';

type Cb = (lock: unknown) => Promise<void> | void;

class FakeLocks {
  private held = new Map<string, { tab: number; done: Promise<void> }>();
  private queue = new Map<string, { tab: number; cb: Cb }[]>();

  forTab(tab: number) {
    return {
      request: (name: string, options: { ifAvailable?: boolean }, cb: Cb): Promise<unknown> => {
        if (!this.held.has(name)) return this.grant(name, tab, cb);
        if (options.ifAvailable) return Promise.resolve(cb(null));
        const list = this.queue.get(name) ?? [];
        list.push({ tab, cb });
        this.queue.set(name, list);
        return new Promise(() => undefined);
      },
      query: async () => ({ held: [...this.held.keys()].map((name) => ({ name })) }),
    };
  }

  /** The browser drops a closed tab's locks and queued requests. */
  close(tab: number): void {
    for (const [name, list] of this.queue) this.queue.set(name, list.filter((q) => q.tab !== tab));
    for (const [name, h] of [...this.held]) if (h.tab === tab) this.release(name);
  }

  private grant(name: string, tab: number, cb: Cb): Promise<unknown> {
    const done = Promise.resolve(cb({ name })).then(() => undefined);
    this.held.set(name, { tab, done });
    void done.then(() => {
      if (this.held.get(name)?.done === done) this.release(name);
    });
    return done;
  }

  private release(name: string): void {
    this.held.delete(name);
    const next = this.queue.get(name)?.shift();
    if (next) void this.grant(name, next.tab, next.cb);
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('WebLocksClaims', () => {
  it('lets exactly one tab claim a contact', async () => {
    const locks = new FakeLocks();
    const a = new WebLocksClaims(locks.forTab(1));
    const b = new WebLocksClaims(locks.forTab(2));
    expect(await a.claim('c1')).toBe(true);
    expect(await b.claim('c1')).toBe(false);
    expect(await a.claim('c1')).toBe(true);
  });

  it('sends a new contact to the tab already processing one', async () => {
    const locks = new FakeLocks();
    const a = new WebLocksClaims(locks.forTab(1));
    const b = new WebLocksClaims(locks.forTab(2));
    expect(await a.claim('c1')).toBe(true);
    expect(await b.claim('c2')).toBe(false);
    expect(await a.claim('c2')).toBe(true);
  });

  it('hands a contact to a waiting tab when the processing tab closes, not before', async () => {
    const locks = new FakeLocks();
    const a = new WebLocksClaims(locks.forTab(1));
    const b = new WebLocksClaims(locks.forTab(2));
    const takeovers: string[] = [];
    expect(await a.claim('c1')).toBe(true);
    expect(await b.claim('c1', () => takeovers.push('c1'))).toBe(false);
    await tick();
    expect(takeovers).toEqual([]);
    locks.close(1);
    await tick();
    expect(takeovers).toEqual(['c1']);
    expect(await b.claim('c1')).toBe(true);
  });

  it('a released (finished) contact is free again; the waiting tab is told and may let go', async () => {
    const locks = new FakeLocks();
    const a = new WebLocksClaims(locks.forTab(1));
    const b = new WebLocksClaims(locks.forTab(2));
    const takeovers: string[] = [];
    await a.claim('c1');
    await b.claim('c1', () => takeovers.push('c1'));
    a.release('c1');
    await tick();
    expect(takeovers).toEqual(['c1']);
    b.release('c1');
    await tick();
    expect(await a.claim('c3')).toBe(true);
  });
});
