// Runs a scenario through the app's real controller, gateway and rules and the real Amazon
// Connect Streams bundle (one jsdom page per Zendesk tab), with the outer boundaries simulated:
// the CCP iframe at its postMessage protocol, the ZAF client, and Zendesk's REST API.
import { AppController } from '../app/controller';
import { MemoryStorage } from '../app/progress';
import type { ContactClaims } from '../app/claims';
import { StreamsAdapter } from '../connect/adapter';
import { LateConnectPort } from '../connect/lateConnectPort';
import { bootStreams } from '../connect/streamsBoot';
import type { StreamsLike } from '../connect/streamsLike';
import type { ConnectPort, ContactEvent } from '../connect/types';
import type { ZendeskInit } from './zendesk/types';
import { InMemoryZendesk, SIM_APP_ID } from './zendesk';
import { VirtualClock } from './virtualClock';
import { ConnectAgentSim, type ConnectAgentOptions, type SimContactSpec } from './ccp/connectAgent';
import type { PageFactory, SimPage } from './ccp/page';
import { FakeZafClient, type FakeZafOptions } from './zaf/fakeZafClient';
import { announceTopBar, startBackground, type Background } from '../locations/background/background';
import type { ContactStep, Scenario, ScenarioStep, ScenarioAgent } from './scenario/schema';
import type { ReportContact, ReportOrigin, SimReport } from './scenario/report';

/** Which step caused what: async work carries the step it started in. */
export interface StepContext {
  run<T>(step: number, fn: () => T): T;
  current(): number;
}

/** Without async context tracking (browsers): the step most recently applied. */
export function lastStepContext(): StepContext {
  let step = 0;
  return {
    run: (s, fn) => {
      step = s;
      return fn();
    },
    current: () => step,
  };
}

export interface RunOptions {
  /** Opens a Zendesk tab's page with the real Streams bundle (jsdom in Node: see nodeWorld.ts). */
  pages: PageFactory;
  stepContext?: StepContext;
  /** How long the clock may run on after the last step (default 10 simulated minutes). */
  drainMs?: number;
  /** Options of every agent's simulated Connect (how a monitoring contact looks). */
  connect?: ConnectAgentOptions;
  /** Sees each contact event a tab's app receives from its StreamsAdapter, as it receives it (tests). */
  onContactEvent?: (tab: { agent: string; tab: number }, event: ContactEvent) => void;
}

interface Tab {
  n: number;
  page: SimPage;
  /** The top bar instance's ZAF client (the app's). */
  zaf: FakeZafClient;
  app: AppController;
  /** The background instance of the same Zendesk page: preloads the top bar, relays click-to-dial. */
  background: FakeZafClient;
  backgroundRun: Background;
}

/** The simulated agent browser's Web Locks: a claim lives as long as its tab. */
class SimClaims {
  private owners = new Map<string, number>();
  private waiters = new Map<string, { tab: number; cb: () => void }[]>();
  constructor(private readonly openTabs: () => number[]) {}

  forTab(tab: number): ContactClaims {
    return {
      claim: async (contactId, onTakeover) => {
        const owner = this.owners.get(contactId);
        let ok: boolean;
        if (owner !== undefined) ok = owner === tab;
        else {
          const mine = [...this.owners.values()].includes(tab);
          // Another tab processing a contact takes the new ones too.
          ok = mine || this.owners.size === 0;
          if (ok) this.owners.set(contactId, tab);
        }
        if (!ok && onTakeover) {
          const list = this.waiters.get(contactId) ?? [];
          if (!list.some((w) => w.tab === tab)) list.push({ tab, cb: onTakeover });
          this.waiters.set(contactId, list);
        }
        return ok;
      },
      release: (contactId) => {
        if (this.owners.get(contactId) === tab) this.handOver(contactId);
      },
    };
  }

  /** A tab went away: like the browser with Web Locks, its claims pass to the tabs waiting for them. */
  tabClosed(tab: number): void {
    for (const [c, t] of [...this.owners]) if (t === tab) this.handOver(c);
    for (const [c, list] of [...this.waiters]) {
      const rest = list.filter((w) => w.tab !== tab);
      if (rest.length) this.waiters.set(c, rest);
      else this.waiters.delete(c);
    }
  }

  private handOver(contactId: string): void {
    this.owners.delete(contactId);
    const open = new Set(this.openTabs());
    const list = (this.waiters.get(contactId) ?? []).filter((w) => open.has(w.tab));
    const next = list.shift();
    if (list.length) this.waiters.set(contactId, list);
    else this.waiters.delete(contactId);
    if (next) {
      this.owners.set(contactId, next.tab);
      next.cb();
    }
  }
}

interface AgentWorld {
  spec: ScenarioAgent;
  claims: SimClaims;
  hub: ConnectAgentSim;
  /** CCP ports of this agent's tabs, to name the tab a dial came from. */
  ports: Map<string, number>;
  storage: MemoryStorage;
  tabs: Map<number, Tab>;
  nextTab: number;
  /** Final outcomes of contacts whose tab has gone (reload, close). */
  outcomes: Map<string, ReportContact>;
}

const INSTALLATION_ID = 1;
const DRAIN_MS = 10 * 60 * 1000;

/** In Zendesk every setting arrives as text (checkboxes as booleans); mappings as JSON text. */
export function settingsAsZendeskGivesThem(settings: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(settings)) {
    if (typeof v === 'string' || typeof v === 'boolean') out[k] = v;
    else if (typeof v === 'number') out[k] = String(v);
    else if (v !== null && v !== undefined) out[k] = JSON.stringify(v);
  }
  return out;
}

export class ScenarioWorld {
  readonly clock: VirtualClock;
  readonly zendesk: InMemoryZendesk;
  readonly startMs: number;
  readonly report: SimReport = { users: [], tickets: [], calls: [], pops: [], notifications: [], contacts: [], dials: [], requests: [], errors: [] };
  private agents = new Map<string, AgentWorld>();
  private declared = new Map<string, SimContactSpec>();
  private readonly ctx: StepContext;
  private readonly settings: Record<string, unknown>;

  private readonly pages: PageFactory;
  private readonly onContactEvent: RunOptions['onContactEvent'];

  constructor(readonly scenario: Scenario, options: RunOptions) {
    this.pages = options.pages;
    this.onContactEvent = options.onContactEvent;
    this.ctx = options.stepContext ?? lastStepContext();
    this.startMs = Date.parse(scenario.zendesk.start);
    this.clock = new VirtualClock(this.startMs);
    this.settings = settingsAsZendeskGivesThem(scenario.settings as Record<string, unknown>);
    this.zendesk = new InMemoryZendesk(scenario.zendesk as ZendeskInit, this.clock, {
      installation: { id: INSTALLATION_ID, app_id: SIM_APP_ID, settings: this.settings },
    });
    for (const spec of scenario.agents) {
      const world: AgentWorld = {
        spec,
        hub: new ConnectAgentSim(spec.name, spec.routing_profile, () => this.clock.nowMs(), (portId, dial) => {
          this.report.dials.push({ ...this.origin(spec.name, world.ports.get(portId) ?? 1), number: dial.number, queue: dial.queue });
        }, options.connect),
        ports: new Map(),
        storage: new MemoryStorage(),
        claims: new SimClaims(() => [...world.tabs.keys()]),
        tabs: new Map(),
        nextTab: 1,
        outcomes: new Map(),
      };
      this.agents.set(spec.name, world);
    }
  }

  /** Opens every agent's first tab. */
  async open(): Promise<void> {
    for (const a of this.agents.values()) await this.openTab(a);
  }

  async run(): Promise<SimReport> {
    await this.open();
    const steps = this.scenario.steps;
    for (let i = 0; i < steps.length; i++) await this.step(i);
    await this.drain();
    return this.finish();
  }

  /** Runs step `i`: the clock moves to its time, then the step happens. */
  async step(i: number): Promise<void> {
    const s = this.scenario.steps[i];
    if (!s) return;
    await this.clock.advanceTo(this.startMs + s.at * 1000);
    await this.ctx.run(i, () => this.apply(s));
    // What the step set off at once, zero-delay timers included (ChatJS hands each message on
    // with one), happens before the next step, as in a browser.
    await this.clock.advanceTo(this.clock.nowMs());
  }

  async drain(limitMs = DRAIN_MS): Promise<void> {
    await this.clock.runUntilIdle(this.clock.nowMs() + limitMs);
  }

  finish(): SimReport {
    const snap = this.zendesk.snapshot();
    this.report.users = snap.users as SimReport['users'];
    this.report.tickets = snap.tickets as SimReport['tickets'];
    this.report.calls = snap.calls;
    this.report.contacts = this.contactOutcomes();
    return this.report;
  }

  agentWorld(name: string): AgentWorld {
    const a = this.agents.get(name);
    if (!a) throw new Error(`unknown agent ${name}`);
    return a;
  }

  tab(agent: string, n: number): Tab | undefined {
    return this.agentWorld(agent).tabs.get(n);
  }

  // ---- steps -------------------------------------------------------------------------------

  private async apply(s: ScenarioStep): Promise<void> {
    if ('event' in s) return this.contactStep(s);
    if ('zendesk' in s) {
      this.zendesk.applyChange(s.zendesk as Parameters<InMemoryZendesk['applyChange']>[0]);
      return;
    }
    if ('fault' in s) {
      this.zendesk.injectFault(s.fault);
      return;
    }
    return this.action(s);
  }

  private contactStep(s: ContactStep): void {
    const a = this.agentWorld(s.agent);
    let spec: SimContactSpec | undefined;
    if (s.event === 'incoming' || s.event === 'dialing') {
      const d = s as Extract<ContactStep, { event: 'incoming' | 'dialing' }>;
      spec = {
        id: d.contact,
        channel: d.channel ?? 'voice',
        initiation: d.initiation ?? (s.event === 'dialing' ? 'outbound' : 'inbound'),
        customer: d.customer ?? null,
        system: d.system ?? null,
        queue: d.queue ?? null,
        attributes: { ...(d.attributes ?? {}) },
        initialContactId: d.initial_contact_id ?? null,
        previousContactId: d.previous_contact_id ?? null,
        name: d.name ?? null,
        description: d.description ?? null,
        references: { ...(d.references ?? {}) },
        monitoring: d.monitoring ?? false,
      };
      const key = `${s.agent}/${d.contact}`;
      if (!this.declared.has(key)) this.declared.set(key, spec);
      if (a.hub.has(d.contact)) spec = undefined;
    }
    const extra: Parameters<ConnectAgentSim['apply']>[2] = {};
    if (spec) extra.spec = spec;
    if ('attributes' in s && s.attributes && !spec) extra.attributes = s.attributes;
    if (s.event === 'message') {
      const m = s as Extract<ContactStep, { event: 'message' }>;
      extra.message = { role: m.role, text: m.text, displayName: m.display_name ?? defaultName(m.role) };
    }
    if (s.event === 'voiceid') {
      const v = s as Extract<ContactStep, { event: 'voiceid' }>;
      extra.voiceId = { status: v.status, speakerId: v.speaker_id ?? null };
    }
    if (s.event === 'missed') {
      const m = s as Extract<ContactStep, { event: 'missed' }>;
      if (m.state) extra.state = m.state;
    }
    a.hub.apply(s.contact, s.event, extra);
  }

  private async action(s: Extract<ScenarioStep, { action: string }>): Promise<void> {
    const a = this.agentWorld(s.agent);
    if (s.action === 'open_tab') {
      await this.openTab(a);
      return;
    }
    const tab = a.tabs.get(s.tab);
    if (!tab) {
      this.report.errors.push({ ...this.origin(s.agent, s.tab), message: `step acts in tab ${s.tab}, which is not open` });
      return;
    }
    switch (s.action) {
      case 'view':
        if ('ticket' in s && s.ticket !== undefined) this.view(tab, 'ticket', s.ticket);
        else if ('user' in s && s.user !== undefined) this.view(tab, 'user', s.user);
        return;
      // Clicks start work that takes simulated time: the clock runs on while it happens.
      case 'create_ticket':
        void tab.app.createTicket(s.contact);
        return;
      case 'attach_to_current':
        void tab.app.attachToCurrent(s.contact);
        return;
      case 'no_ticket':
        void tab.app.noTicket(s.contact);
        return;
      case 'dial':
        if (s.ticket === undefined && s.user === undefined) {
          // The dial pad belongs to the CCP: Connect reports the call with a `dialing` step.
          return;
        }
        // The click happens on that record's page, whose sidebar reports it while it is in front.
        if (s.ticket !== undefined) this.viewIfNot(tab, 'ticket', s.ticket);
        else if (s.user !== undefined) this.viewIfNot(tab, 'user', s.user);
        // Zendesk sends voice.dialout with the number alone to the app's instances ("All
        // locations"): the top bar hears it and the background relays it. Without Talk Partner
        // Edition nothing fires (FakeZafClient.receive).
        tab.zaf.receive('voice.dialout', { number: s.number });
        tab.background.receive('voice.dialout', { number: s.number });
        return;
      case 'select_outbound_queue':
        tab.app.selectOutboundQueue(s.queue);
        return;
      case 'reset_outbound_queue':
        tab.app.resetOutboundQueue();
        return;
      case 'switch_contact':
        // The agent picks the contact's tab in the CCP: every frame of the agent hears of it.
        a.hub.viewContact(s.contact);
        return;
      case 'reload':
        this.closeTab(a, tab);
        await this.openTab(a, tab.n);
        return;
      case 'close_tab':
        this.closeTab(a, tab);
        return;
    }
  }

  /** The sidebar reports the record unless the top bar already has it as in view. */
  private viewIfNot(tab: Tab, kind: 'ticket' | 'user', id: number): void {
    const v = tab.app.store.getState().viewing;
    if (v?.kind !== kind || v.id !== id) this.view(tab, kind, id);
  }

  /** What a sidebar reports when the agent brings a ticket or user to the front. */
  private view(tab: Tab, kind: 'ticket' | 'user', id: number): void {
    const requesterId = kind === 'ticket' ? this.zendesk.snapshot().tickets.find((t) => t.id === id)?.requester_id ?? null : null;
    tab.zaf.trigger('acz.viewing', { kind, id, requesterId });
  }

  // ---- tabs ---------------------------------------------------------------------------------

  private async openTab(a: AgentWorld, n?: number): Promise<Tab> {
    const tabNo = n ?? a.nextTab;
    a.nextTab = Math.max(a.nextTab, tabNo + 1);
    const agentUser = this.scenario.zendesk.users.find((u) => u.id === a.spec.zendesk_user_id);
    const page = await this.pages({ clock: this.clock, agent: a.hub, label: `${a.spec.name}#${tabNo}` });
    const name = a.spec.name;
    const currentUser = {
      id: a.spec.zendesk_user_id,
      name: agentUser?.name ?? a.spec.name,
      email: agentUser?.email ?? '',
      role: agentUser?.role ?? 'agent',
      locale: a.spec.locale ?? 'en-US',
    };
    const guid = `${name}-tab${tabNo}-${this.clock.nowMs()}`;
    const zaf = this.zafInstance(currentUser, {
      guid,
      recorder: {
        request: (r) => this.report.requests.push({ ...this.origin(name, tabNo), method: r.method, path: r.path, status: r.status, at_ms: r.atMs - this.startMs }),
        pop: (kind, id) => {
          this.report.pops.push({ ...this.origin(name, tabNo), kind, id, at_ms: this.clock.nowMs() - this.startMs });
          // A pop brings that record to the front: its sidebar reports it as viewed.
          const t = a.tabs.get(tabNo);
          if (t) this.view(t, kind, id);
        },
        notify: (level, text) => this.report.notifications.push({ ...this.origin(name, tabNo), level, text }),
        popover: () => undefined,
      },
    });
    const port = new LateConnectPort();
    const app = new AppController({
      zaf,
      connect: port,
      clock: this.clock,
      storage: a.storage,
      tabId: String(tabNo),
      seed: seedOf(`${name}#${tabNo}#${this.clock.nowMs()}`),
      claims: a.claims.forTab(tabNo),
      onError: (err) =>
        this.report.errors.push({ ...this.origin(name, tabNo), message: err instanceof Error ? `${err.message}` : String(err) }),
    });
    // The page's background instance: it makes no request and shows nothing.
    const background = this.zafInstance(currentUser, {
      guid: `${guid}-background`,
      location: 'background',
      recorder: { request: () => undefined, pop: () => undefined, notify: () => undefined, popover: () => undefined },
    });
    background.link(zaf);
    const backgroundRun = startBackground(background, { sleep: (ms) => this.clock.sleep(ms), log: () => undefined });
    const tab: Tab = { n: tabNo, page, zaf, app, background, backgroundRun };
    a.tabs.set(tabNo, tab);
    // As in Zendesk: both instances make their first calls at once; the framework answers them
    // when it registers each instance (the background first: it loads with Zendesk).
    const started = app.start();
    background.register();
    zaf.register();
    await started;
    void announceTopBar(zaf);
    // The top bar's boot: Streams starts with the settings the controller checked, and only
    // with a usable CCP address.
    const settings = app.settings;
    if (settings?.ccpUrl && app.store.getState().ccp.kind !== 'settings_error') {
      const before = new Set(a.hub.portIds());
      const { streams, failed } = bootStreams(page.connect, page.container, settings);
      // As in the top bar: a CCP that never comes up is shown as unreachable, with the page's origin to allow.
      void failed.then(() => app.ccpUnreachable(page.container.ownerDocument.location.origin));
      const adapter = new StreamsAdapter(streams as StreamsLike, { clock: this.clock });
      const seen = this.onContactEvent;
      port.attach(seen ? observedPort(adapter, (e) => seen({ agent: name, tab: tabNo }, e)) : adapter);
      await this.clock.settle();
      for (const id of a.hub.portIds()) if (!before.has(id)) a.ports.set(id, tabNo);
    }
    return tab;
  }

  /**
   * One app instance's ZAF client, unregistered until the runner registers it. Its settings are
   * what the installation holds now: an admin may have saved mappings since the scenario began.
   */
  private zafInstance(currentUser: FakeZafOptions['currentUser'], o: Pick<FakeZafOptions, 'guid' | 'location' | 'recorder'>): FakeZafClient {
    return new FakeZafClient({
      backend: this.zendesk,
      clock: this.clock,
      latencyMs: this.zendesk.latencyMs,
      currentUser,
      settings: this.zendesk.installationSettings() ?? this.settings,
      installationId: INSTALLATION_ID,
      appId: SIM_APP_ID,
      registered: false,
      talkPartnerEdition: this.scenario.zendesk.talk_partner_edition !== false,
      ...o,
    });
  }

  private closeTab(a: AgentWorld, tab: Tab): void {
    for (const o of tab.app.outcomes()) a.outcomes.set(o.id, { id: o.id, agent: a.spec.name, mode: o.mode, ticket_id: o.ticketId, user_id: o.userId });
    tab.app.stop();
    tab.zaf.closed = true;
    tab.background.closed = true;
    tab.backgroundRun.stop();
    tab.page.close();
    a.tabs.delete(tab.n);
    a.claims.tabClosed(tab.n);
  }

  private contactOutcomes(): ReportContact[] {
    const out: ReportContact[] = [];
    for (const a of this.agents.values()) {
      const merged = new Map(a.outcomes);
      for (const tab of [...a.tabs.values()].sort((x, y) => x.n - y.n)) {
        for (const o of tab.app.outcomes()) {
          merged.set(o.id, { id: o.id, agent: a.spec.name, mode: o.mode, ticket_id: o.ticketId, user_id: o.userId });
        }
      }
      // Contacts in scenario order.
      const order = [...this.declared.keys()].filter((k) => k.startsWith(`${a.spec.name}/`)).map((k) => k.slice(a.spec.name.length + 1));
      for (const id of order) {
        const o = merged.get(id);
        if (o) out.push(o);
      }
    }
    return out;
  }

  private origin(agent: string, tab: number): ReportOrigin {
    return { agent, tab, step: this.ctx.current() };
  }
}

/** The port with every contact event shown to `see` just before the app's handler gets it. */
function observedPort(port: ConnectPort, see: (e: ContactEvent) => void): ConnectPort {
  return {
    onContactEvent: (handler) =>
      port.onContactEvent((e) => {
        see(e);
        handler(e);
      }),
    onAgentReady: (handler) => port.onAgentReady(handler),
    dial: (number, queueArn) => port.dial(number, queueArn),
    focusContact: (id) => port.focusContact(id),
    onContactFocused: (handler) => port.onContactFocused(handler),
    getTranscript: (id) => port.getTranscript(id),
    voiceIdState: (id) => port.voiceIdState(id),
    contactStage: (id) => port.contactStage(id),
  };
}

/** A replayable seed per tab (FNV-1a of its name). */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function defaultName(role: 'CUSTOMER' | 'AGENT' | 'SYSTEM'): string {
  return role === 'CUSTOMER' ? 'Customer' : role === 'AGENT' ? 'Agent' : 'SYSTEM_MESSAGE';
}
