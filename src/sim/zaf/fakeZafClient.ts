// A ZAF client for the simulator and playground: requests go to the in-memory Zendesk after
// the scenario's latency; pops, notifications and popover calls are recorded.
//
// It answers as the ZAF SDK does (zendesk/zendesk_app_framework_sdk, lib/client.ts):
// - Until the framework has registered the app instance (`app.registered`), every message the
//   iframe posts waits in a queue: `rawPostMessage` re-posts it on `app.registered`. So get,
//   invoke, request, trigger, metadata and context made during start-up settle only once the
//   instance is registered, in the order they were made. `register()` is that moment.
// - `invoke(name, ...)` resolves with the framework's result object, `{ errors: {} }` for the
//   actions this app uses (none returns a value), and rejects with an Error when the framework
//   puts an error under the action's name (`processResponse`: result.errors[name]): an action
//   unknown to ZAF, or not offered in this instance's location.
// - Events from Zendesk (`receive`) and from other instances (`trigger`) reach handlers as
//   messages: after the caller carries on, and only once the instance is registered.
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
import { SIM_APP_ID } from '../zendesk/records';

export interface ZendeskBackend {
  handle(req: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body: unknown; asUserId: number }): {
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
  /**
   * The app's id, as `metadata()` gives it (`appId`): what Talk Partner Edition's call object
   * takes as `app_id` ("the identifier assigned to your app when using ZAF"). Default SIM_APP_ID.
   */
  appId?: number;
  recorder: ZafRecorder;
  guid: string;
  location?: string;
  /**
   * false: the instance starts unregistered and its calls wait until `register()`, as with the
   * SDK before `app.registered`. Default true (registered from the start).
   */
  registered?: boolean;
  /** false: the account has no Talk Partner Edition: subscribing to its events gets `voice.error`. Default true. */
  talkPartnerEdition?: boolean;
}

const LEVEL: Record<string, 'info' | 'warning' | 'error'> = { notice: 'info', alert: 'warning', error: 'error' };

const ALL = '*';
const WITH_UI = ['top_bar', 'nav_bar', 'ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'ticket_editor', 'modal'];

/**
 * Where each action the app invokes exists (developer.zendesk.com, Apps Support API: "All
 * locations" has routeTo and notify; the top bar and nav bar have popover and preloadPane; resize
 * is for locations with an iframe on screen, the background has none).
 */
const ACTIONS: Record<string, typeof ALL | readonly string[]> = {
  routeTo: ALL,
  notify: ALL,
  'instances.create': ALL,
  popover: ['top_bar', 'nav_bar'],
  preloadPane: ['top_bar', 'nav_bar'],
  resize: WITH_UI,
};

const POPOVER_ARGS = new Set(['show', 'hide', 'toggle']);

/**
 * The Talk Partner Edition events (Apps Support API, "All locations"). Without Talk Partner
 * Edition none fires; subscribing to them makes Zendesk send `voice.error` ("error occurred
 * while subscribing to another Talk Partner Edition event"). Zendesk does not document that
 * event's payload; this one carries a message.
 */
const VOICE_EVENTS = new Set(['voice.dialout']);
export const NO_TALK_PARTNER_EDITION_ERROR = 'Talk Partner Edition is not enabled on this account';

export class FakeZafClient implements ZafClient {
  private handlers = new Map<string, ZafHandler[]>();
  /** Other app instances (sidebars, other locations) reachable through instance(guid). */
  private peers = new Map<string, FakeZafClient>();
  closed = false;
  private registeredNow: boolean;
  private readonly whenRegistered: Promise<void>;
  private markRegistered: () => void = () => undefined;
  private voiceErrorSent = false;

  constructor(private readonly o: FakeZafOptions) {
    this.registeredNow = o.registered !== false;
    this.whenRegistered = this.registeredNow ? Promise.resolve() : new Promise<void>((resolve) => (this.markRegistered = resolve));
  }

  get location(): string {
    return this.o.location ?? 'top_bar';
  }

  get guid(): string {
    return this.o.guid;
  }

  get registered(): boolean {
    return this.registeredNow;
  }

  link(peer: FakeZafClient): void {
    this.peers.set(peer.o.guid, peer);
    peer.peers.set(this.o.guid, this);
  }

  /**
   * The framework registers the instance: queued calls go out in order, `app.registered`
   * handlers run, and subscriptions the account cannot serve are answered with `voice.error`.
   */
  register(): void {
    if (this.registeredNow || this.closed) return;
    this.registeredNow = true;
    this.markRegistered();
    this.deliver('app.registered', { metadata: this.metadataNow(), context: this.contextNow() });
    if ([...this.handlers.keys()].some((e) => VOICE_EVENTS.has(e))) this.refuseVoiceEvents();
  }

  /**
   * A posted message: at once when registered, else once registration comes (in the order the
   * calls were made); never settles once the page is gone.
   */
  private posted<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.closed) return gone();
    if (!this.registeredNow) return this.whenRegistered.then(() => (this.closed ? gone() : fn()));
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /**
   * client.request as ZAF does it: `timeout` (ms) rejects a request not answered in time with
   * status 0; `autoRetry` (on unless false) makes ZAF itself repeat a 429 after its Retry-After.
   */
  request(options: ZafRequestOptions): Promise<ZafResponse> {
    return this.posted(() => this.requestNow(options));
  }

  private async requestNow(options: ZafRequestOptions): Promise<ZafResponse> {
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
        if (this.closed) return gone();
        throw { status: 0, responseJSON: null, responseText: 'timeout', headers: {} } satisfies ZafResponse;
      }),
    ]);
  }

  private async once(options: ZafRequestOptions): Promise<ZafResponse> {
    const { clock, latencyMs } = this.o;
    // A closed or reloaded page never sees an answer; a request it sent on the way out may
    // still have reached Zendesk (half the latency there, half back).
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
  get(path: string): Promise<never> {
    return this.posted(() => this.getNow(path)) as Promise<never>;
  }

  private getNow(path: string): unknown {
    if (path === 'currentUser') return { currentUser: this.o.currentUser };
    if (path === 'instances') {
      // Every instance of the app, this one included.
      const all = ([[this.o.guid, this], ...this.peers.entries()] as [string, FakeZafClient][]).filter(([, p]) => !p.closed);
      const instances = Object.fromEntries(all.map(([g, p]) => [g, { location: p.location, instanceGuid: g }]));
      return { instances };
    }
    throw new Error(`Could not find handler for: "${path}"`);
  }

  metadata(): Promise<ZafMetadata> {
    return this.posted(() => this.metadataNow());
  }

  context(): Promise<ZafContext> {
    return this.posted(() => this.contextNow());
  }

  /** ZAF's metadata: the app's id, this installation's id and its settings. */
  private metadataNow(): ZafMetadata {
    return { appId: this.o.appId ?? SIM_APP_ID, installationId: this.o.installationId, settings: this.o.settings };
  }

  private contextNow(): ZafContext {
    return { location: this.location, instanceGuid: this.o.guid };
  }

  invoke(name: string, ...args: unknown[]): Promise<unknown> {
    return this.posted(() => this.invokeNow(name, args));
  }

  private invokeNow(name: string, args: unknown[]): unknown {
    const where = ACTIONS[name];
    if (where === undefined) throw new Error(`"${name}" is not an action of the Zendesk Apps framework`);
    if (where !== ALL && !where.includes(this.location)) throw new Error(`"${name}" is not available in the ${this.location} location`);
    if (name === 'routeTo') {
      const kind = args[0] === 'user' ? 'user' : 'ticket';
      this.o.recorder.pop(kind, Number(args[1]));
    } else if (name === 'notify') {
      this.o.recorder.notify(LEVEL[String(args[1] ?? 'notice')] ?? 'info', String(args[0]));
    } else if (name === 'popover') {
      const a = args[0];
      const sized = typeof a === 'object' && a !== null && 'width' in a && 'height' in a;
      if (!sized && !(typeof a === 'string' && POPOVER_ARGS.has(a))) throw new Error(`"popover" does not take ${JSON.stringify(a)}`);
      this.o.recorder.popover(typeof a === 'string' ? a : 'resize');
    }
    return { errors: {} };
  }

  on(event: string, handler: ZafHandler): void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
    if (VOICE_EVENTS.has(event) && this.registeredNow) this.refuseVoiceEvents();
  }

  off(event: string, handler: ZafHandler): void {
    this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== handler));
  }

  /** Events travel between app frames as messages: handlers run after the caller carries on. */
  trigger(event: string, payload?: unknown): void {
    void this.posted(() => this.deliver(event, payload));
  }

  /**
   * Zendesk sends this instance a framework event (`voice.dialout` when the agent clicks a phone
   * number): nothing without Talk Partner Edition for its events, and nothing before registration.
   */
  receive(event: string, payload?: unknown): void {
    if (!this.registeredNow || (VOICE_EVENTS.has(event) && this.o.talkPartnerEdition === false)) return;
    this.deliver(event, payload);
  }

  /** Runs the event's handlers after the caller carries on: those subscribed when the message arrives. */
  private deliver(event: string, payload: unknown): void {
    if (this.closed) return;
    queueMicrotask(() => {
      if (this.closed) return;
      for (const h of [...(this.handlers.get(event) ?? [])]) h(payload);
    });
  }

  private refuseVoiceEvents(): void {
    if (this.o.talkPartnerEdition !== false || this.voiceErrorSent) return;
    this.voiceErrorSent = true;
    this.deliver('voice.error', { message: NO_TALK_PARTNER_EDITION_ERROR });
  }

  instance(guid: string): ZafInstance {
    if (guid === this.o.guid) return this;
    const peer = this.peers.get(guid);
    return {
      invoke: (name, ...args) =>
        this.posted(() => {
          if (!peer || peer.closed) throw new Error(`[ZAF SDK] Could not find client for instance ${guid}`);
          return peer.invoke(name, ...args);
        }),
      trigger: (event, payload) => void this.posted(() => peer?.trigger(event, payload)),
    };
  }
}

/** An answer that never comes (a page that has gone). */
function gone(): Promise<never> {
  return new Promise<never>(() => undefined);
}
