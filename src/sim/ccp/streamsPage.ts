// One Zendesk tab's page for the simulator: a jsdom window running the real Amazon Connect
// Streams bundle (with ChatJS and TaskJS on its `connect` global), on simulated time. The CCP
// iframe Streams creates gets a CcpFrame of the agent's simulated Connect, linked over
// postMessage as a browser links them (the message event's source is the iframe's window, which
// Streams checks in WindowIOStream.onMessage). jsdom's own postMessage fires on a real timer and
// leaves out `source`, so both directions are delivered here, in order, as structured clones.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { VirtualClock } from '../virtualClock';
import type { SimPage } from './page';
import { CcpFrame, type CcpFrameOptions, type FrameLink, type SdkMessage } from './ccpFrame';
import type { ConnectAgentSim } from './connectAgent';
import { participantServiceFetch } from './participantService';
import type { WireMessage } from './wire';

const require = createRequire(import.meta.url);

/** The libraries as the app's package resolves them: the bundle a patched node_modules holds is the one that runs. */
const BUNDLES = ['amazon-connect-streams', 'amazon-connect-chatjs', 'amazon-connect-taskjs/dist/amazon-connect-task.js'];

/** Names another Streams bundle file to run instead of the package's (e.g. a patched copy). */
export const STREAMS_BUNDLE_ENV = 'ACZ_STREAMS_BUNDLE';

const compiled = new Map<string, vm.Script>();
function scripts(streamsBundle?: string): vm.Script[] {
  const override = streamsBundle ?? process.env[STREAMS_BUNDLE_ENV];
  return BUNDLES.map((spec, i) => {
    const file = i === 0 && override ? override : require.resolve(spec);
    let script = compiled.get(file);
    if (!script) {
      script = new vm.Script(readFileSync(file, 'utf8'), { filename: file });
      compiled.set(file, script);
    }
    return script;
  });
}

/** The jsdom page: a SimPage with its window (tests patch and read it). */
export interface StreamsPage extends SimPage {
  readonly window: Window & typeof globalThis;
}

export interface StreamsPageOptions {
  clock: VirtualClock;
  agent: ConnectAgentSim;
  /** The Zendesk app iframe's address (its origin is the one Connect must allow). */
  url?: string;
  ccp?: CcpFrameOptions;
  /** The Streams bundle file to load (default: ACZ_STREAMS_BUNDLE, else amazon-connect-streams as installed). */
  streamsBundle?: string;
}

export function openStreamsPage(options: StreamsPageOptions): StreamsPage {
  const { clock, agent } = options;
  const pageErrors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (e: Error) => pageErrors.push(e.message));
  const dom = new JSDOM('<!doctype html><html><head></head><body><div id="ccp"></div></body></html>', {
    url: options.url ?? 'https://acme.zendesk.com/agent/',
    runScripts: 'outside-only',
    virtualConsole,
  });
  const win = dom.window as unknown as Window & typeof globalThis;
  const timers = new Set<number>();
  installVirtualTime(win, clock, timers);
  // Node's URL is the same WHATWG URL as jsdom's, natively fast: Streams' SDK proxy parses the
  // instance URL for every message the page receives.
  (win as unknown as { URL: typeof URL }).URL = URL;
  (win as unknown as { fetch: typeof fetch }).fetch = participantServiceFetch(agent, win);
  const frames: CcpFrame[] = [];
  installCcpFrames(win, (iframeWin, parentWin, origin) => {
    const link = windowLink(iframeWin, parentWin, origin);
    frames.push(new CcpFrame(agent, link, options.ccp));
  });
  const ctx = dom.getInternalVMContext();
  for (const s of scripts(options.streamsBundle)) s.runInContext(ctx);
  const c = (win as unknown as { connect: typeof connect }).connect;
  const container = win.document.getElementById('ccp') as HTMLElement;
  let closed = false;
  return {
    window: win,
    connect: c,
    container,
    pageErrors,
    close: () => {
      if (closed) return;
      closed = true;
      for (const f of frames) f.close();
      for (const id of timers) clock.clearTimer(id);
      timers.clear();
      win.close();
    },
  };
}

/** Timers and Date of the page run on the simulated clock; none of them keeps a run alive. */
function installVirtualTime(win: Window & typeof globalThis, clock: VirtualClock, timers: Set<number>): void {
  const w = win as unknown as Record<string, unknown>;
  const setT = (fn: unknown, ms?: number, ...args: unknown[]): number => {
    if (typeof fn !== 'function') return 0;
    const id: number = clock.setTimer(Number(ms) || 0, () => {
      timers.delete(id);
      (fn as (...a: unknown[]) => void)(...args);
    }, { background: true });
    timers.add(id);
    return id;
  };
  // Interval handles are negative, so they never name one of the clock's timers.
  const intervals = new Map<number, number>();
  let lastInterval = 0;
  const setI = (fn: unknown, ms?: number, ...args: unknown[]): number => {
    if (typeof fn !== 'function') return 0;
    const handle = --lastInterval;
    const every = Math.max(1, Number(ms) || 0);
    const tick = () => {
      const id = clock.setTimer(every, () => {
        timers.delete(id);
        if (!intervals.has(handle)) return;
        tick();
        (fn as (...a: unknown[]) => void)(...args);
      }, { background: true });
      timers.add(id);
      intervals.set(handle, id);
    };
    tick();
    return handle;
  };
  const clear = (id: unknown) => {
    const n = Number(id);
    const inner = intervals.get(n);
    if (inner !== undefined) {
      intervals.delete(n);
      clock.clearTimer(inner);
      timers.delete(inner);
      return;
    }
    clock.clearTimer(n);
    timers.delete(n);
  };
  w.setTimeout = setT;
  w.setInterval = setI;
  w.clearTimeout = clear;
  w.clearInterval = clear;
  const PageDate = win.Date;
  class SimDate extends PageDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.nowMs());
      else super(...(args as [number]));
    }
    static override now(): number {
      return clock.nowMs();
    }
  }
  w.Date = SimDate;
  const start = clock.nowMs();
  Object.defineProperty(win.performance, 'now', { value: () => clock.nowMs() - start, configurable: true });
}

/** Calls `attach` for every iframe Streams creates, before Streams can post to it. */
function installCcpFrames(win: Window & typeof globalThis, attach: (iframeWin: Window, parentWin: Window, origin: string) => void): void {
  const proto = win.HTMLIFrameElement.prototype;
  const desc = Object.getOwnPropertyDescriptor(proto, 'contentWindow');
  const get = desc?.get;
  if (!get) throw new Error('jsdom has no HTMLIFrameElement.contentWindow');
  const seen = new WeakSet<object>();
  Object.defineProperty(proto, 'contentWindow', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      const inner = get.call(this) as Window | null;
      if (inner && !seen.has(inner) && this.src) {
        seen.add(inner);
        attach(inner, win, originOf(this.src));
      }
      return inner;
    },
  });
}

/** postMessage between the CCP iframe and its parent, with the source and origin a browser sets. */
function windowLink(iframeWin: Window, parentWin: Window, origin: string): FrameLink {
  const handlers: ((m: WireMessage) => void)[] = [];
  // Streams -> CCP: the parent posts into the iframe's window.
  (iframeWin as unknown as { postMessage: (m: unknown, o: string) => void }).postMessage = (message: unknown) => {
    const data = structuredClone(message) as WireMessage;
    queueMicrotask(() => {
      for (const h of handlers) h(data);
    });
  };
  const toParent = (data: unknown, ports: unknown[] = []) =>
    queueMicrotask(() => dispatchMessage(parentWin, { data, origin, source: iframeWin, ports }));
  return {
    listen: (h) => handlers.push(h),
    post: (message) => toParent(structuredClone(message)),
    openSdkChannel: (onMessage) => {
      // The port the CCP hands the site: the site sets onmessage and posts on it.
      const port = {
        onmessage: null as ((ev: { data: unknown }) => void) | null,
        postMessage(message: unknown) {
          const data = structuredClone(message) as SdkMessage;
          queueMicrotask(() => onMessage(data));
        },
        start() {},
        close() {},
        addEventListener() {},
        removeEventListener() {},
      };
      toParent({ type: 'cross-domain-adapter-init' }, [port]);
      return (message) => {
        const data = structuredClone(message);
        queueMicrotask(() => port.onmessage?.({ data }));
      };
    },
  };
}

/** A message event as a browser delivers it: data, the sender's origin and window, transferred ports. */
function dispatchMessage(win: Window, init: { data: unknown; origin: string; source: Window; ports: unknown[] }): void {
  const ev = new (win as unknown as { Event: typeof Event }).Event('message');
  Object.defineProperties(ev, {
    data: { value: init.data },
    origin: { value: init.origin },
    source: { value: init.source },
    ports: { value: init.ports },
    lastEventId: { value: '' },
  });
  win.dispatchEvent(ev);
}

function originOf(src: string): string {
  try {
    return new URL(src).origin;
  } catch {
    return 'null';
  }
}
