// Which of the agent's Zendesk tabs processes a contact. Exactly one does: the first to claim
// it, or the tab already processing another contact. A claim lasts as long as its tab: when
// that tab closes, another tab may claim the contact and carry on its unfinished work.

export interface ContactClaims {
  /**
   * Becomes (or stays) the tab that processes this contact; false when another live tab has it.
   * `onTakeover` (given with a refused claim) is called if that tab goes away first: this tab
   * then holds the claim and should carry on the contact's unfinished work.
   */
  claim(contactId: string, onTakeover?: () => void): Promise<boolean>;
  /** The contact is finished: the claim is no longer needed. */
  release(contactId: string): void;
}

const PREFIX = 'acz-contact:';

interface LockInfo {
  name?: string;
}

interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean }, cb: (lock: unknown) => Promise<void> | void): Promise<unknown>;
  query(): Promise<{ held?: LockInfo[]; pending?: LockInfo[] }>;
}

/**
 * The browser's Web Locks: a held lock per claimed contact, released by the browser when the
 * tab goes away, so no timer has to guess whether a tab is still alive.
 */
export class WebLocksClaims implements ContactClaims {
  private held = new Map<string, () => void>();
  private waiting = new Set<string>();

  constructor(private readonly locks: LockManagerLike) {}

  async claim(contactId: string, onTakeover?: () => void): Promise<boolean> {
    if (this.held.has(contactId)) return true;
    if (this.held.size === 0) {
      const held = ((await this.locks.query()).held ?? []).filter((l) => l.name?.startsWith(PREFIX));
      // Another tab is processing a contact: new contacts go to that tab.
      if (held.some((l) => l.name !== PREFIX + contactId)) {
        if (onTakeover) this.waitFor(contactId, onTakeover);
        return false;
      }
    }
    const ok = await this.tryLock(contactId);
    if (!ok && onTakeover) this.waitFor(contactId, onTakeover);
    return ok;
  }

  /** Queues for the contact's lock: the browser grants it when the holding tab releases it or goes away. */
  private waitFor(contactId: string, onTakeover: () => void): void {
    if (this.waiting.has(contactId)) return;
    this.waiting.add(contactId);
    void this.locks.request(PREFIX + contactId, {}, () => {
      this.waiting.delete(contactId);
      return new Promise<void>((release) => {
        this.held.set(contactId, release);
        onTakeover();
      });
    });
  }

  private tryLock(contactId: string): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      void this.locks.request(PREFIX + contactId, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return;
        }
        // Held until released, or until the browser drops it with the tab.
        return new Promise<void>((release) => {
          this.held.set(contactId, release);
          resolve(true);
        });
      });
    });
  }

  release(contactId: string): void {
    this.held.get(contactId)?.();
    this.held.delete(contactId);
  }
}

/** One tab only (no Web Locks available): it processes everything. */
export class SoleTabClaims implements ContactClaims {
  async claim(): Promise<boolean> {
    return true;
  }
  release(): void {}
}

/** Web Locks where the browser has them (every current browser), else this tab alone. */
export function defaultClaims(): ContactClaims {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks ? new WebLocksClaims(locks) : new SoleTabClaims();
}
