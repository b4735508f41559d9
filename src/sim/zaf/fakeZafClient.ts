// A ZAF client for the simulator and playground: requests go to the in-memory Zendesk after
// the scenario's latency; pops, notifications and popover calls are recorded.
import type { Clock } from '../../domain/clock';
import type {
  ZafClient,
  ZafContext,
  ZafCurrentUser,
  ZafHandler,
  ZafInstance,
  ZafMetadata,
  ZafRequestOptions,
  ZafResponse,
} from '../../zendesk/zaf';

export interface ZendeskBackend {
  handle(req: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; body: unknown; asUserId: number }): {
    status: number;
    body: unknown;
    headers: Record<string, string>;
    hang?: boolean;
    delayMs?: number;
    rawText?: string;
  };
}

export interface ZafRecorder {
  request(r: { method: string; path: string; status: number; atMs: number }): void;
  pop(kind: 'ticket' | 'user', id: number): void;
  notify(level: 'info' | 'warning' | 'error', text: string): void;
  popover(action: string): void;
}

export interface FakeZafOptions {
  backend: ZendeskBackend;
  clock: Clock;
  latencyMs: number;
  currentUser: ZafCurrentUser;
  settings: Record<string, unknown>;
  installationId: number;
  recorder: ZafRecorder;
  guid: string;
  location?: string;
}

const LEVEL: Record<string, 'info' | 'warning' | 'error'> = { notice: 'info', alert: 'warning', error: 'error' };

export class FakeZafClient implements ZafClient {
  private handlers = new Map<string, ZafHandler[]>();
  /** Other app instances (sidebars, other locations) reachable through instance(guid). */
  private peers = new Map<string, FakeZafClient>();
  closed = false;

  constructor(private readonly o: FakeZafOptions) {}

  link(peer: FakeZafClient): void {
    this.peers.set(peer.o.guid, peer);
    peer.peers.set(this.o.guid, this);
  }

  /**
   * client.request as ZAF does it: `timeout` (ms) rejects a request not answered in time with
   * status 0; `autoRetry` (on unless false) makes ZAF itself repeat a 429 after its Retry-After.
   */
  async request(options: ZafRequestOptions): Promise<ZafResponse> {
    const { clock } = this.o;
    const attempt = async (): Promise<ZafResponse> => {
      for (let n = 0; ; n++) {
        try {
          return await this.once(options);
        } catch (err) {
          const res = err as ZafResponse;
          if ((options as { autoRetry?: boolean }).autoRetry === false || res.status !== 429 || n >= 3) throw err;
          const after = Number(res.headers['retry-after']);
          await clock.sleep(Number.isFinite(after) && after >= 0 ? after * 1000 : 1000);
        }
      }
    };
    const timeout = (options as { timeout?: number }).timeout;
    if (!timeout || !Number.isFinite(timeout)) return attempt();
    return Promise.race([
      attempt(),
      clock.sleep(timeout).then((): Promise<never> => {
        // A closed page runs no timers: its requests just end with it.
        if (this.closed) return new Promise<never>(() => undefined);
        throw { status: 0, responseJSON: null, responseText: 'timeout', headers: {} } satisfies ZafResponse;
      }),
    ]);
  }

  private async once(options: ZafRequestOptions): Promise<ZafResponse> {
    const { clock, latencyMs } = this.o;
    // A closed or reloaded page never sees an answer; a request it sent on the way out may
    // still have reached Zendesk (half the latency there, half back).
    const gone = () => new Promise<never>(() => undefined);
    if (this.closed) return gone();
    await clock.sleep(latencyMs / 2);
    if (this.closed) return gone();
    let body: unknown;
    if (options.data !== undefined) {
      try {
        body = JSON.parse(options.data);
      } catch {
        body = options.data;
      }
    }
    const res = this.o.backend.handle({ method: options.type, url: options.url, body, asUserId: this.o.currentUser.id });
    const path = options.url.split('?')[0] ?? options.url;
    if (res.hang) return gone();
    await clock.sleep(latencyMs / 2 + (res.delayMs ?? 0));
    if (this.closed) return gone();
    this.o.recorder.request({ method: options.type, path, status: res.status, atMs: clock.nowMs() });
    const out: ZafResponse = {
      status: res.status,
      responseJSON: res.rawText !== undefined ? null : res.body,
      responseText: res.rawText ?? (res.body === undefined || res.body === null ? '' : JSON.stringify(res.body)),
      headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), v])),
    };
    if (res.status === 0 || res.status >= 400) throw out;
    return out;
  }

  /** ZAF's get: a path this location does not have rejects, as the framework does. */
  async get(path: string): Promise<never> {
    if (path === 'currentUser') return { currentUser: this.o.currentUser } as never;
    if (path === 'instances') {
      // Every instance of the app, this one included.
      const all: [string, FakeZafClient][] = [[this.o.guid, this], ...this.peers.entries()];
      const instances = Object.fromEntries(all.map(([g, p]) => [g, { location: p.o.location ?? 'top_bar', instanceGuid: g }]));
      return { instances } as never;
    }
    throw new Error(`Could not find handler for: "${path}"`);
  }

  async metadata(): Promise<ZafMetadata> {
    return { appId: 1, installationId: this.o.installationId, settings: this.o.settings };
  }

  async context(): Promise<ZafContext> {
    return { location: this.o.location ?? 'top_bar', instanceGuid: this.o.guid };
  }

  async invoke(name: string, ...args: unknown[]): Promise<unknown> {
    if (this.closed) return undefined;
    if (name === 'routeTo') {
      const kind = args[0] === 'user' ? 'user' : 'ticket';
      this.o.recorder.pop(kind, Number(args[1]));
    } else if (name === 'notify') {
      this.o.recorder.notify(LEVEL[String(args[1] ?? 'notice')] ?? 'info', String(args[0]));
    } else if (name === 'popover') {
      this.o.recorder.popover(typeof args[0] === 'string' ? args[0] : 'resize');
    }
    return undefined;
  }

  on(event: string, handler: ZafHandler): void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
  }

  off(event: string, handler: ZafHandler): void {
    this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== handler));
  }

  /** Events travel between app frames as messages: handlers run after the caller carries on. */
  trigger(event: string, payload?: unknown): void {
    if (this.closed) return;
    const handlers = [...(this.handlers.get(event) ?? [])];
    queueMicrotask(() => {
      if (this.closed) return;
      for (const h of handlers) h(payload);
    });
  }

  instance(guid: string): ZafInstance {
    const peer = this.peers.get(guid);
    return {
      invoke: async (name, ...args) => peer?.invoke(name, ...args),
      trigger: (event, payload) => peer?.trigger(event, payload),
    };
  }
}
