// The playground's model, outside React: one ScenarioWorld (the app's real controller and the
// real Streams in a browser frame per simulated Zendesk tab, against a simulated Connect behind
// the CCP stand-in page, a fake ZAF client and an in-memory Zendesk), the virtual clock driven
// in real time, the scenario's step pointer, the simulated Connect's contacts and what each
// simulated Zendesk browser tab has open. Everything that touches the world runs one at a time
// through `run`, so the clock is never advanced by two callers at once.
import { checkCcpUrl } from '../src/domain/settings';
import type { CcpFrameOptions } from '../src/sim/ccp/ccpFrame';
import { ScenarioWorld } from '../src/sim/runner';
import type { Channel } from '../src/domain/types';
import type { SimContactSpec, SimContactSummary } from '../src/sim/ccp/connectAgent';
import type { Scenario, ScenarioStep } from '../src/sim/scenario/schema';
import type { VirtualClock } from '../src/sim/virtualClock';
import { BrowserPages } from './browserPages';

export type Speed = 0 | 1 | 10;
export type RecordRef = { kind: 'ticket' | 'user'; id: number };

/** One simulated Zendesk browser tab (= one app instance of one agent): its record tabs. */
export interface ZendeskTabs {
  open: RecordRef[];
  /** null: the home page (views of users and tickets). */
  active: RecordRef | null;
}

export interface RingForm {
  channel: Channel;
  direction: 'inbound' | 'outbound';
  customer: string;
  system: string;
  queue: string;
  attributes: Record<string, string>;
}

export type MessageRole = 'CUSTOMER' | 'AGENT' | 'SYSTEM';

/** How the CCP page answers Streams: as for a signed-in agent, as for a signed-out one, or not at all. */
export type CcpMode = 'answers' | 'signed_out' | 'silent';

const CCP_MODES: Record<CcpMode, CcpFrameOptions> = { answers: {}, signed_out: { signedOut: true }, silent: { silent: true } };

/** A contact as the simulated CCP shows it. */
export type LiveContact = SimContactSummary;

/**
 * Where the playground serves its stand-in for the CCP page (ccp-v2/index.html): the address the
 * app gets as its ccpUrl, which the playground's build of the settings check accepts.
 */
export const STAND_IN_CCP_URL = new URL('/ccp-v2/', location.href).href;

/**
 * The scenario as the playground runs it: a usable Amazon Connect CCP address becomes the
 * stand-in's, so Streams' real initCCP frames a page that answers; a missing or broken one stays,
 * and the app reports it as it would in Zendesk.
 */
export function withStandInCcp(scenario: Scenario): Scenario {
  const ccpUrl = scenario.settings.ccpUrl;
  if (typeof ccpUrl !== 'string' || !('url' in checkCcpUrl(ccpUrl))) return scenario;
  return { ...scenario, settings: { ...scenario.settings, ccpUrl: STAND_IN_CCP_URL } };
}

/**
 * The world's clock lets runnable work finish before it moves on (settle: a few task turns).
 * Here part of that work crosses frames: Streams and the CCP stand-in talk over postMessage, in
 * real browser tasks the clock cannot see. So the playground settles with BrowserPages.quiet:
 * task turns as well, repeated until those wires are quiet too. Without it, "Run to end" would
 * move the clock past a step before Streams had told the app about it.
 */
function settleAcrossFrames(clock: VirtualClock, pages: BrowserPages): void {
  clock.settle = () => pages.quiet();
}

const TICK_MS = 200;
/** After a pause (a slow step, a background tab), time does not jump by more than this. */
const MAX_TICK_REAL_MS = 2000;

export const sameRef = (a: RecordRef | null, b: RecordRef | null): boolean =>
  a !== null && b !== null && a.kind === b.kind && a.id === b.id;

export const refKey = (r: RecordRef): string => `${r.kind}-${r.id}`;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A world that goes away: its apps stop, their Zendesk clients close, their pages go. */
function stopApps(world: ScenarioWorld): void {
  for (const a of world.scenario.agents) {
    for (const tab of world.agentWorld(a.name).tabs.values()) {
      tab.app.stop();
      tab.zaf.closed = true;
      tab.background.closed = true;
      tab.backgroundRun.stop();
      tab.page.close();
    }
  }
}

export class PlaygroundSession {
  world: ScenarioWorld;
  scenario: Scenario;
  /** Where the scenario came from (catalogue label or file name). */
  label: string;
  /** Index of the next step to apply. */
  nextStep = 0;
  /** Index of the step applied last, or null. */
  lastStep: number | null = null;
  /** The report of "Run to end", as JSON text. */
  reportJson: string | null = null;
  speed: Speed = 1;
  /** The agent and app instance (Zendesk browser tab) the page shows. */
  agent: string;
  tabNo = 1;
  /** How the CCP stand-in pages answer. */
  ccpMode: CcpMode = 'answers';
  /** The contact the CCP panel's buttons act on. */
  selectedContact: string | null = null;
  /** The last playground action that failed (not an app error: those are in the report). */
  error: string | null = null;
  busy = false;

  private zendeskTabs = new Map<string, ZendeskTabs>();
  private seenPops = 0;
  private listeners = new Set<() => void>();
  private version = 0;
  private signature = '';
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private lastReal = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private liveSeq = 0;

  constructor(
    scenario: Scenario,
    label: string,
    speed: Speed = 1,
    readonly pages: BrowserPages = new BrowserPages(),
  ) {
    this.scenario = scenario;
    this.label = label;
    this.speed = speed;
    this.world = this.newWorld(scenario);
    this.agent = scenario.agents[0]?.name ?? '';
  }

  private newWorld(scenario: Scenario): ScenarioWorld {
    const world = new ScenarioWorld(withStandInCcp(scenario), { pages: this.pages.open });
    settleAcrossFrames(world.clock, this.pages);
    return world;
  }

  // ---- React subscription -----------------------------------------------------------------

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    this.signature = this.currentSignature();
    for (const fn of this.listeners) fn();
  }

  /** Cheap summary of what the page shows, so that clock ticks re-render only on change. */
  private currentSignature(): string {
    const r = this.world.report;
    const contacts = this.liveContacts()
      .map((c) => `${c.id}:${c.state}:${c.onHold ? 1 : 0}:${c.messages}`)
      .join(',');
    return [
      Math.floor(this.world.clock.nowMs() / 1000),
      r.pops.length,
      r.notifications.length,
      r.requests.length,
      r.errors.length,
      r.dials.length,
      this.world.zendesk.requestCount(),
      contacts,
    ].join('|');
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  /** Opens the world's tabs and starts the real-time clock. */
  async start(): Promise<void> {
    await this.run(() => this.world.open());
    this.lastReal = performance.now();
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
  }

  /** Replaces the world with a fresh one for `scenario`. */
  async load(scenario: Scenario, label: string, speed: Speed): Promise<void> {
    await this.run(async () => {
      const world = this.newWorld(scenario);
      try {
        await world.open();
      } catch (err) {
        stopApps(world);
        throw err;
      }
      stopApps(this.world);
      this.world = world;
      this.scenario = scenario;
      this.label = label;
      this.speed = speed;
      this.agent = scenario.agents[0]?.name ?? '';
      this.tabNo = 1;
      this.nextStep = 0;
      this.lastStep = null;
      this.reportJson = null;
      this.selectedContact = null;
      this.zendeskTabs.clear();
      this.seenPops = 0;
      this.error = null;
    });
    this.lastReal = performance.now();
  }

  /**
   * Runs `fn` after everything queued before it, then brings the page up to date.
   * Failures are shown on the page, never thrown at the caller.
   */
  run(fn: () => Promise<void> | void): Promise<void> {
    this.busy = true;
    return this.enqueue(fn, false);
  }

  /**
   * Queues `fn` behind the work before it. A quiet run (the clock's tick) redraws the page only
   * when something visible changed.
   */
  private enqueue(fn: () => Promise<void> | void, quiet: boolean): Promise<void> {
    this.pending++;
    const next = this.chain.then(async () => {
      try {
        await fn();
      } catch (err) {
        this.error = message(err);
      } finally {
        this.pending--;
        this.busy = this.pending > 0;
        this.syncPops();
        if (!quiet || this.currentSignature() !== this.signature) this.changed();
      }
    });
    this.chain = next;
    return next;
  }

  /** Every tab's CCP page answers so from now on: the scenario restarts, and Streams boots again. */
  setCcpMode(mode: CcpMode): Promise<void> {
    this.ccpMode = mode;
    this.pages.ccpOptions = CCP_MODES[mode];
    return this.load(this.scenario, this.label, this.speed);
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.lastReal = performance.now();
    this.changed();
  }

  dismissError(): void {
    this.error = null;
    this.changed();
  }

  /** Real time drives the virtual clock, so calls last and retries happen. */
  private tick(): void {
    const now = performance.now();
    if (this.speed === 0 || this.pending > 0) {
      this.lastReal = now;
      return;
    }
    const delta = Math.min(now - this.lastReal, MAX_TICK_REAL_MS) * this.speed;
    this.lastReal = now;
    const clock = this.world.clock;
    void this.enqueue(() => clock.advanceTo(clock.nowMs() + delta), true);
  }

  // ---- scenario steps -----------------------------------------------------------------------

  get steps(): ScenarioStep[] {
    return this.scenario.steps;
  }

  nextStepNow(): Promise<void> {
    return this.run(async () => {
      const i = this.nextStep;
      if (i >= this.steps.length) return;
      this.nextStep = i + 1;
      this.lastStep = i;
      await this.world.step(i);
    });
  }

  /** Applies every remaining step, lets the clock run until nothing is pending, reports. */
  runToEnd(): Promise<void> {
    return this.run(async () => {
      while (this.nextStep < this.steps.length) {
        const i = this.nextStep;
        this.nextStep = i + 1;
        this.lastStep = i;
        await this.world.step(i);
      }
      await this.world.drain();
      this.reportJson = JSON.stringify(this.world.finish(), null, 2);
    });
  }

  // ---- the simulated CCP --------------------------------------------------------------------

  private hub() {
    return this.world.agentWorld(this.agent).hub;
  }

  liveContacts(): LiveContact[] {
    if (!this.agent) return [];
    return this.hub().contactSummaries();
  }

  private freshContactId(): string {
    const taken = new Set(this.steps.flatMap((s) => ('contact' in s ? [s.contact] : [])));
    let id: string;
    do id = `live-${++this.liveSeq}`;
    while (taken.has(id) || this.hub().has(id));
    return id;
  }

  /** A new contact rings (inbound) or is dialled by the agent (outbound). */
  ring(form: RingForm): Promise<void> {
    return this.run(async () => {
      const id = this.freshContactId();
      const customer = form.customer.trim();
      const spec: SimContactSpec = {
        id,
        channel: form.channel,
        initiation: form.direction,
        customer: customer === '' ? null : customer,
        system: form.system.trim() === '' ? null : form.system.trim(),
        queue: form.queue === '' ? null : form.queue,
        attributes: { ...form.attributes },
        initialContactId: null,
        previousContactId: null,
        name: form.channel === 'task' ? 'Playground task' : null,
        description: form.channel === 'task' ? 'A task created in the playground' : null,
        references: {},
        monitoring: false,
      };
      this.selectedContact = id;
      this.hub().apply(id, form.direction === 'outbound' ? 'dialing' : 'incoming', { spec });
      await this.world.clock.settle();
    });
  }

  /** Accept, then connect (an outbound call connects when the customer answers). */
  accept(id: string): Promise<void> {
    return this.run(async () => {
      const contact = this.liveContacts().find((c) => c.id === id);
      if (!contact) throw new Error(`contact ${id} is gone`);
      if (contact.initiation !== 'outbound') {
        this.hub().apply(id, 'accepted', {});
        await this.world.clock.settle();
      }
      this.hub().apply(id, 'connected', {});
      await this.world.clock.settle();
    });
  }

  /** A plain contact event: hold, resume, missed, rejected, ended, destroyed. */
  event(id: string, event: 'hold' | 'resume' | 'missed' | 'rejected' | 'ended' | 'destroyed'): Promise<void> {
    return this.run(async () => {
      if (!this.hub().has(id)) throw new Error(`contact ${id} is gone`);
      this.hub().apply(id, event, {});
      if ((event === 'destroyed' || event === 'rejected') && this.selectedContact === id) {
        this.selectedContact = this.liveContacts().at(-1)?.id ?? null;
      }
      await this.world.clock.settle();
    });
  }

  sendMessage(id: string, role: MessageRole, text: string): Promise<void> {
    return this.run(async () => {
      if (!this.hub().has(id)) throw new Error(`contact ${id} is gone`);
      const displayName = role === 'CUSTOMER' ? 'Customer' : role === 'AGENT' ? 'Agent' : 'SYSTEM_MESSAGE';
      this.hub().apply(id, 'message', { message: { role, text, displayName } });
      await this.world.clock.settle();
    });
  }

  selectContact(id: string): void {
    this.selectedContact = id;
    this.changed();
  }

  // ---- the simulated Zendesk ----------------------------------------------------------------

  /** The app instances that are open, as `[agent, tab]`. */
  openTabs(): [string, number][] {
    const out: [string, number][] = [];
    for (const a of this.scenario.agents) {
      for (const n of [...this.world.agentWorld(a.name).tabs.keys()].sort((x, y) => x - y)) out.push([a.name, n]);
    }
    return out;
  }

  currentTab() {
    return this.agent ? this.world.tab(this.agent, this.tabNo) : undefined;
  }

  showAs(agent: string, tabNo: number): void {
    this.agent = agent;
    this.tabNo = tabNo;
    this.selectedContact = this.liveContacts().at(-1)?.id ?? null;
    this.changed();
  }

  zendesk(agent = this.agent, tabNo = this.tabNo): ZendeskTabs {
    const key = `${agent}#${tabNo}`;
    let z = this.zendeskTabs.get(key);
    if (!z) {
      z = { open: [], active: null };
      this.zendeskTabs.set(key, z);
    }
    return z;
  }

  /** Screen pops open (or bring to the front) a record tab; the runner tells the app. */
  private syncPops(): void {
    const pops = this.world.report.pops;
    for (const p of pops.slice(this.seenPops)) {
      const z = this.zendesk(p.agent, p.tab);
      const ref: RecordRef = { kind: p.kind, id: p.id };
      if (!z.open.some((r) => sameRef(r, ref))) z.open.push(ref);
      z.active = ref;
    }
    this.seenPops = pops.length;
  }

  /** The agent brings a ticket or user to the front: the sidebar tells the app, as in Zendesk. */
  view(ref: RecordRef): Promise<void> {
    return this.run(async () => {
      const z = this.zendesk();
      if (!z.open.some((r) => sameRef(r, ref))) z.open.push(ref);
      z.active = ref;
      this.tellViewing(ref);
      await this.world.clock.settle();
    });
  }

  goHome(): void {
    this.zendesk().active = null;
    this.changed();
  }

  closeRecord(ref: RecordRef): Promise<void> {
    return this.run(async () => {
      const z = this.zendesk();
      const i = z.open.findIndex((r) => sameRef(r, ref));
      if (i < 0) return;
      z.open.splice(i, 1);
      if (sameRef(z.active, ref)) {
        z.active = z.open[Math.min(i, z.open.length - 1)] ?? null;
        if (z.active) this.tellViewing(z.active);
      }
      await this.world.clock.settle();
    });
  }

  private tellViewing(ref: RecordRef): void {
    const tab = this.currentTab();
    if (!tab) return;
    const requesterId = ref.kind === 'ticket' ? (this.world.zendesk.snapshot().tickets.find((t) => t.id === ref.id)?.requester_id ?? null) : null;
    tab.zaf.trigger('acz.viewing', { kind: ref.kind, id: ref.id, requesterId });
  }
}
