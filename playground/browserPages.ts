// The scenario runner's pages in the browser (its PageFactory): every simulated Zendesk tab is
// a real frame of the playground (tab.html) running the real Streams, ChatJS and TaskJS. The
// runner boots Streams in it as the top bar does; Streams' own CCP iframe then loads the
// playground's CCP stand-in (ccp-v2/), which asks this window for the agent's simulated Connect.
//
// The frames live in one box outside React (moving an iframe in the page reloads it); the frame
// of the tab on show is laid over the top bar's CCP box (pinFrame), the others wait hidden.
import { CcpFrame, type CcpFrameOptions } from '../src/sim/ccp/ccpFrame';
import type { PageRequest, SimPage } from '../src/sim/ccp/page';
import { participantServiceFetch } from '../src/sim/ccp/participantService';
import type { VirtualClock } from '../src/sim/virtualClock';
import { HOST_KEY, type CcpBinding, type StandInHost } from './standInHost';

/** A tab's page: its frame, to be shown where the top bar's CCP goes. */
export interface BrowserPage extends SimPage {
  readonly frame: HTMLIFrameElement;
  readonly label: string;
}

interface Tab {
  request: PageRequest;
  frame: HTMLIFrameElement;
  win: Window | null;
  loaded: (page: BrowserPage | Error) => void;
  pageErrors: string[];
  /** The CCP stand-ins Streams framed in this tab (a new one after each iframe reload). */
  ccps: CcpFrame[];
  /** When Streams' CCP iframe was first seen without a stand-in talking in it. */
  ccpAwaitedSince: number | null;
  closed: boolean;
}

const TAB_LOAD_MS = 30_000;
/** How long a settling world waits for a booted tab's stand-in to come up before going on without. */
const CCP_ATTACH_MS = 15_000;
const QUIET_LIMIT_MS = 20_000;
/** Task turns without a message before the wires count as quiet (then one timer turn more). */
const CALM_TURNS = 3;

/** One task turn: a message to ourselves (a zero-delay timer would be held back 4 ms once nested). */
const nextTask: () => Promise<void> = (() => {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
})();
const nextTimerTurn = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));

export class BrowserPages implements StandInHost {
  /** How every stand-in framed from now on answers (signed out, silent...). */
  ccpOptions: CcpFrameOptions = {};
  private tabs: Tab[] = [];
  private traffic = 0;
  private readonly box: HTMLElement;

  constructor(doc: Document = document) {
    this.box = doc.createElement('div');
    this.box.className = 'tab-frames';
    doc.body.append(this.box);
    (doc.defaultView as unknown as Record<string, unknown>)[HOST_KEY] = this;
  }

  /** The PageFactory: resolves once the tab's libraries are loaded. */
  readonly open = (request: PageRequest): Promise<BrowserPage> =>
    new Promise<BrowserPage>((resolve, reject) => {
      const frame = this.box.ownerDocument.createElement('iframe');
      frame.className = 'tab-frame';
      frame.title = `Zendesk tab ${request.label}: the top bar's Contact Control Panel`;
      // Every frame above the CCP must allow what the CCP needs.
      frame.allow = 'microphone; autoplay; clipboard-write';
      frame.dataset.tab = request.label;
      hide(frame);
      const timer = setTimeout(() => tab.loaded(new Error(`the page of Zendesk tab ${request.label} did not load`)), TAB_LOAD_MS);
      const tab: Tab = {
        request,
        frame,
        win: null,
        pageErrors: [],
        ccps: [],
        ccpAwaitedSince: null,
        closed: false,
        loaded: (page) => {
          clearTimeout(timer);
          tab.loaded = () => undefined;
          if (page instanceof Error) {
            this.close(tab);
            reject(page);
          } else resolve(page);
        },
      };
      this.tabs.push(tab);
      frame.src = new URL('tab.html', this.box.ownerDocument.baseURI).href;
      this.box.append(frame);
    });

  prepareTab(win: Window): void {
    const tab = this.tabs.find((t) => !t.closed && t.frame.contentWindow === win);
    if (!tab) return;
    tab.win = win;
    const w = win as Window & typeof globalThis;
    useWorldTime(w, tab.request.clock);
    w.fetch = participantServiceFetch(tab.request.agent, w);
    w.addEventListener('error', (e) => tab.pageErrors.push(e.message));
    w.addEventListener('unhandledrejection', (e) => tab.pageErrors.push(String((e.reason as Error | undefined)?.message ?? e.reason)));
    // What the stand-in posts up to Streams.
    w.addEventListener('message', () => this.traffic++, true);
  }

  tabReady(win: Window): void {
    const tab = this.tabs.find((t) => !t.closed && t.win === win);
    if (!tab) return;
    const c = (win as unknown as { connect?: typeof connect }).connect;
    const container = win.document.getElementById('ccp');
    if (!c?.core || !container) {
      tab.loaded(new Error(`amazon-connect-streams did not load in Zendesk tab ${tab.request.label}`));
      return;
    }
    tab.loaded({
      frame: tab.frame,
      label: tab.request.label,
      connect: c,
      container,
      pageErrors: tab.pageErrors,
      close: () => this.close(tab),
    });
  }

  ccpFor(win: Window): CcpBinding | null {
    const tab = this.tabs.find((t) => !t.closed && t.win === win);
    if (!tab) return null;
    const options = { ...this.ccpOptions };
    return {
      agent: tab.request.agent,
      label: tab.request.label,
      options,
      open: (link) => {
        const frame = new CcpFrame(tab.request.agent, link, options);
        if (tab.closed) frame.close();
        else tab.ccps.push(frame);
        return frame;
      },
      heard: () => this.traffic++,
    };
  }

  /**
   * Resolves once the pages are quiet: every tab whose Streams has made its CCP iframe has a
   * stand-in in it, and no message has moved for a few task turns and a timer turn (the
   * libraries' zero-delay timers). Messages between frames travel in real browser tasks, which
   * the world's virtual clock cannot see; each turn also lets the promise chains run.
   */
  async quiet(): Promise<void> {
    const until = performance.now() + QUIET_LIMIT_MS;
    let seen = this.traffic;
    let calm = 0;
    while (performance.now() < until) {
      if (this.tabs.some((t) => this.awaitsCcp(t))) {
        calm = 0;
        await nextTimerTurn(10);
        continue;
      }
      await (calm === CALM_TURNS ? nextTimerTurn() : nextTask());
      if (this.traffic !== seen) {
        seen = this.traffic;
        calm = 0;
      } else if (calm === CALM_TURNS) return;
      else calm++;
    }
  }

  private awaitsCcp(tab: Tab): boolean {
    if (tab.closed || tab.ccps.length > 0 || !tab.win) return false;
    if (!tab.win.document.querySelector('#ccp iframe')) return false;
    const now = performance.now();
    tab.ccpAwaitedSince ??= now;
    return now - tab.ccpAwaitedSince < CCP_ATTACH_MS;
  }

  private close(tab: Tab): void {
    if (tab.closed) return;
    tab.closed = true;
    for (const f of tab.ccps) f.close();
    tab.frame.remove();
    this.tabs = this.tabs.filter((t) => t !== tab);
  }
}

/**
 * The page's `Date` is the world's clock: Streams and ChatJS compare the times Connect sends
 * (state timestamps, token expiries) with their own now. Its timers stay real.
 */
function useWorldTime(win: Window & typeof globalThis, clock: VirtualClock): void {
  const PageDate = win.Date;
  class WorldDate extends PageDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.nowMs());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return clock.nowMs();
    }
  }
  win.Date = WorldDate as DateConstructor;
}

function hide(frame: HTMLIFrameElement): void {
  Object.assign(frame.style, { visibility: 'hidden', left: '-10000px', top: '0px', width: '320px', height: '465px' });
}

/** Lays the frame of `page` over `slot` (it follows the slot as the page moves) until the returned call. */
export function pinFrame(page: SimPage, slot: HTMLElement): () => void {
  const frame = (page as Partial<BrowserPage>).frame;
  if (!frame) return () => undefined;
  let raf = 0;
  let placed = '';
  const place = () => {
    const r = slot.getBoundingClientRect();
    const at = r.width > 0 && r.height > 0 ? { left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height } : null;
    const key = JSON.stringify(at);
    if (key !== placed) {
      placed = key;
      if (!at) hide(frame);
      else {
        Object.assign(frame.style, {
          visibility: 'visible',
          left: `${at.left}px`,
          top: `${at.top}px`,
          width: `${at.width}px`,
          height: `${at.height}px`,
        });
      }
    }
    raf = requestAnimationFrame(place);
  };
  place();
  return () => {
    cancelAnimationFrame(raf);
    hide(frame);
  };
}
