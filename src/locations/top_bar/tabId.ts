// This tab's id for the controller: kept in sessionStorage so that a reload of the tab keeps it
// (and carries on the contacts this tab owns), different in every other tab. A duplicated tab
// starts with a copy of the original's sessionStorage, so before reusing a stored id we ask the
// other tabs (BroadcastChannel, same app origin) whether a live one holds it; if so, new id.
const KEY = 'acz.tabId';
const CHANNEL = 'acz.tabs';

function randomId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function read(storage: Storage | null): string | null {
  try {
    return storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, id: string): void {
  try {
    storage?.setItem(KEY, id);
  } catch {
    // Storage blocked: the id lives as long as this page.
  }
}

type Msg = { type: 'who'; id: string; asker: string } | { type: 'mine'; id: string; asker: string };

export async function claimTabId(storage: Storage | null = safeSessionStorage(), waitMs = 200): Promise<string> {
  const stored = read(storage);
  let id = stored ?? randomId();
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(CHANNEL);
    if (stored) {
      const asker = randomId();
      const taken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), waitMs);
        channel.onmessage = (e: MessageEvent<Msg>) => {
          if (e.data?.type === 'mine' && e.data.id === stored && e.data.asker === asker) {
            clearTimeout(timer);
            resolve(true);
          }
        };
        channel.postMessage({ type: 'who', id: stored, asker } satisfies Msg);
      });
      if (taken) id = randomId();
    }
    // From now on, answer for our id.
    channel.onmessage = (e: MessageEvent<Msg>) => {
      if (e.data?.type === 'who' && e.data.id === id) channel.postMessage({ type: 'mine', id, asker: e.data.asker } satisfies Msg);
    };
  }
  write(storage, id);
  return id;
}

function safeSessionStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
