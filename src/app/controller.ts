// The app controller of one app instance (one Zendesk tab's top bar): subscribes to contact
// events, gathers the facts a rule needs, applies the rules' decisions through the gateway,
// records progress as it goes and keeps the UI store up to date.
import type { StoreApi } from 'zustand/vanilla';
import type { Clock } from '../domain/clock';
import type { AppSettings } from '../domain/config';
import { parseSettings } from '../domain/settings';
import { classifyCallerNumber, loadPhoneNumbers } from '../domain/phone';
import type { ConnectPort, ContactEvent, RoutingProfile } from '../connect/types';
import { ZendeskGateway, type TicketDetails } from '../zendesk/gateway';
import { agentErrorMessage, agentMessage } from '../zendesk/errors';
import { catalogFor, loadCatalog } from '../i18n';
import { english, renderMessage, type AgentMessage } from '../i18n/messages';
import { Transport, DEFAULT_RETRY, type RetryPolicy } from '../zendesk/transport';
import type { ZafClient, ZafCurrentUser } from '../zendesk/zaf';
import { createAppStore, type AppState, type Viewing } from './store';
import { ProgressStore, type KeyValueStorage } from './progress';
import { ContactWork } from './contactWork';
import { defaultClaims, type ContactClaims } from './claims';
import { chooseDialQueue } from './dialQueue';
import { DialoutOnce, dialoutNumber, RELAYED_DIALOUT_EVENT, type DialoutSource } from './dialout';
import { voiceErrorText, watchTalkPartnerEdition, type TalkPartnerEdition } from './talkPartnerEdition';

export interface AppDeps {
  zaf: ZafClient;
  connect: ConnectPort;
  clock: Clock;
  storage: KeyValueStorage;
  /** Identifies this tab among the agent's tabs. */
  tabId: string;
  /** Which tab processes which contact (default: the browser's Web Locks, else this tab alone). */
  claims?: ContactClaims;
  /** Last-resort report of an exception that escaped the app's own handling (a bug). */
  onError?: (err: unknown) => void;
  retry?: RetryPolicy;
  /** Seeds this instance's rate-limit jitter (default: random); the simulator fixes it per tab so a replay repeats. */
  seed?: number;
}

export interface ContactOutcome {
  id: string;
  mode: 'auto' | 'agent' | 'force';
  ticketId: number | null;
  userId: number | null;
}

export interface PendingDial {
  number: string;
  ticketId: number | null;
  /** The ticket dialled from, read once for the queue choice and reused by the rules. */
  ticket: TicketDetails | null;
  userId: number | null;
  atMs: number;
}

export class AppController {
  readonly store: StoreApi<AppState> = createAppStore();
  settings: AppSettings | null = null;
  agent: ZafCurrentUser | null = null;
  /** This app's id (ZAF metadata), which Talk Partner Edition's call records carry; null when ZAF gave none. */
  appId: number | null = null;
  profile: RoutingProfile | null = null;
  readonly gateway: ZendeskGateway;
  readonly progress: ProgressStore;
  private work: ContactWork;
  readonly claims: ContactClaims;
  private started: Promise<void> | null = null;
  private stopped = false;
  private pendingDials: PendingDial[] = [];
  private readonly dialouts = new DialoutOnce();
  /** The language the agent reads the app's messages in (their Zendesk locale). */
  private agentLocale = 'en';

  constructor(readonly deps: AppDeps) {
    // Requests go through a client that notes what Talk Partner Edition endpoints answer.
    const zaf = watchTalkPartnerEdition(deps.zaf, (s) => this.noteTalkPartnerEdition(s));
    const transport = new Transport(zaf, deps.clock, deps.retry ?? DEFAULT_RETRY, {
      onTrouble: (err) => this.store.setState({ zendeskTrouble: agentMessage(err) }),
      onRecovered: () => this.store.setState({ zendeskTrouble: null }),
    }, deps.seed);
    this.gateway = new ZendeskGateway(transport);
    this.progress = new ProgressStore(deps.storage);
    this.claims = deps.claims ?? defaultClaims();
    this.work = new ContactWork(this);
  }

  /** Reads settings and the agent, then listens to Connect and Zendesk. */
  start(): Promise<void> {
    this.started ??= this.boot();
    return this.started;
  }

  stop(): void {
    this.stopped = true;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** The CCP did not come up (bootStreams' failure): the agent is shown the origin to allow. */
  ccpUnreachable(origin: string): void {
    if (this.store.getState().ccp.kind !== 'ready') this.store.setState({ ccp: { kind: 'ccp_unreachable', origin } });
  }

  private async boot(): Promise<void> {
    const [meta, me] = await Promise.all([this.deps.zaf.metadata(), this.deps.zaf.get('currentUser'), loadPhoneNumbers()]);
    this.agent = me.currentUser;
    this.appId = typeof meta.appId === 'number' && Number.isInteger(meta.appId) && meta.appId > 0 ? meta.appId : null;
    this.agentLocale = await loadCatalog(me.currentUser.locale);
    const { settings, problems } = parseSettings(meta.settings);
    this.settings = settings;
    const fatal = problems.filter((p) => p.setting === 'ccpUrl').map((p) => p.message);
    this.store.setState({
      settingsWarnings: problems.filter((p) => p.setting !== 'ccpUrl').map((p) => p.message),
      ccp: fatal.length ? { kind: 'settings_error', problems: fatal } : { kind: 'starting' },
    });
    this.deps.connect.onAgentReady((profile, name) => {
      this.profile = profile;
      // Connect now says which contacts it holds: finish any this browser left half done.
      this.guard(() => this.work.sweep());
      this.store.setState({
        ccp: { kind: 'ready' },
        agentName: name,
        queues: profile.queues.map((q) => q.name),
        defaultOutboundQueue: profile.defaultOutboundQueue?.name ?? null,
      });
    });
    this.deps.connect.onContactEvent((e) => this.onContactEvent(e));
    this.deps.connect.onContactFocused((id) => this.guard(() => this.work.focus(id)));
    this.deps.zaf.on('voice.dialout', (payload) => this.guard(() => this.onDialout(payload, 'direct')));
    this.deps.zaf.on(RELAYED_DIALOUT_EVENT, (payload) => this.guard(() => this.onDialout(payload, 'relayed')));
    this.deps.zaf.on('voice.error', (payload) => this.onVoiceError(payload));
    this.deps.zaf.on('acz.viewing', (payload) => this.guard(() => this.onViewing(payload)));
  }

  // ---- events -------------------------------------------------------------------------

  private onContactEvent(e: ContactEvent): void {
    if (this.stopped) return;
    this.guard(() => this.work.handle(e));
  }

  /** Runs app work so that nothing escapes as an unhandled rejection. */
  guard(fn: () => Promise<void> | void): void {
    try {
      const p = fn();
      if (p) p.catch((err) => this.fail(err));
    } catch (err) {
      this.fail(err);
    }
  }

  fail(err: unknown): void {
    if (this.deps.onError) this.deps.onError(err);
    else console.error(err);
  }

  // ---- what the agent views (reported by the sidebars) -----------------------------------

  private async onViewing(payload: unknown): Promise<void> {
    const v = parseViewing(payload);
    this.store.setState({ viewing: v });
    if (v) await this.work.onViewing(v);
  }

  // ---- agent actions -------------------------------------------------------------------

  createTicket(contactId: string): Promise<void> {
    return this.work.createTicketClicked(contactId).catch((err) => this.fail(err));
  }

  attachToCurrent(contactId: string): Promise<void> {
    return this.work.attachClicked(contactId).catch((err) => this.fail(err));
  }

  noTicket(contactId: string): Promise<void> {
    return this.work.noTicketClicked(contactId).catch((err) => this.fail(err));
  }

  /** The top bar's contact tabs: the CCP switches, and reports it (which brings the ticket forward). */
  switchContact(contactId: string): void {
    this.deps.connect.focusContact(contactId);
  }

  selectOutboundQueue(queue: string | null): void {
    this.store.setState({ outboundQueuePick: queue });
  }

  resetOutboundQueue(): void {
    this.store.setState({ outboundQueuePick: null });
  }

  dismissNotice(id: number): void {
    this.store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  }

  /** Click-to-dial from Zendesk (voice.dialout) or the app's own dial box. */
  async dial(number: string, from: { ticketId?: number | null; userId?: number | null } = {}): Promise<void> {
    const trimmed = number.trim();
    if (!trimmed) return;
    // Connect dials E.164; numbers written nationally use the app's default country.
    const parsed = classifyCallerNumber(trimmed, this.settings?.defaultCountry ?? null);
    const clean = parsed.kind === 'number' ? parsed.e164 : trimmed;
    const ticketId = from.ticketId ?? null;
    const userId = from.userId ?? null;
    let ticket: TicketDetails | null = null;
    if (ticketId !== null) ticket = await this.gateway.getTicket(ticketId).catch(() => null);
    this.pendingDials.push({ number: clean, ticketId, ticket, userId, atMs: this.deps.clock.nowMs() });
    this.pendingDials = this.pendingDials.slice(-5);
    const queue = await chooseDialQueue(this, ticket);
    try {
      await this.deps.connect.dial(clean, queue?.arn ?? null);
    } catch (err) {
      this.say('error', agentErrorMessage(err));
    }
  }

  /** The pending click-to-dial an outbound contact belongs to (matched by number). */
  takePendingDial(number: string | null, digitsOf: (n: string) => string): PendingDial | null {
    const want = number ? digitsOf(number) : '';
    const idx = this.pendingDials.findIndex((d) => {
      const have = digitsOf(d.number);
      return want !== '' && have !== '' && (want.endsWith(have) || have.endsWith(want));
    });
    if (idx < 0) return null;
    const [hit] = this.pendingDials.splice(idx, 1);
    return hit ?? null;
  }

  /**
   * A click on a phone number in Zendesk (voice.dialout, heard here or relayed by the background
   * location). The event carries only the number: the ticket or user dialled from is the record
   * the sidebar reported as in view, read at the click.
   */
  private async onDialout(payload: unknown, source: DialoutSource): Promise<void> {
    const number = dialoutNumber(payload);
    if (number === null || !this.dialouts.accept(number, source, this.deps.clock.nowMs())) return;
    const v = this.store.getState().viewing;
    // The pane opens for the call, but the dial never waits for it: a popover that fails (or
    // that ZAF times out after 10 s, lib/client.ts PROMISE_TIMEOUT) must not cost the call.
    void this.deps.zaf.invoke('popover', 'show').catch(() => undefined);
    await this.dial(number, v?.kind === 'ticket' ? { ticketId: v.id } : v?.kind === 'user' ? { userId: v.id } : {});
  }

  /** Zendesk could not subscribe the app to its Talk Partner Edition events: click-to-dial will not fire. */
  private onVoiceError(payload: unknown): void {
    const text = voiceErrorText(payload) || 'voice.error';
    this.store.setState((s) => ({ voiceErrors: [...s.voiceErrors.filter((e) => e !== text), text].slice(-5) }));
  }

  /** A Talk Partner Edition endpoint answered: once one has worked, the account has it. */
  private noteTalkPartnerEdition(s: TalkPartnerEdition): void {
    const now = this.store.getState().talkPartnerEdition;
    if (now.kind === 'available' || (now.kind === 'missing' && s.kind === 'missing')) return;
    this.store.setState({ talkPartnerEdition: s });
  }

  // ---- output helpers used by ContactWork --------------------------------------------------

  private noticeSeq = 0;

  /**
   * Tells the agent, in their language when the words come as a message (`text` is the English,
   * for what is not a message yet), in a Zendesk notification and the top bar's notices.
   */
  notify(level: 'info' | 'warning' | 'error', english: string, message?: AgentMessage): void {
    const text = message ? renderMessage(message, catalogFor(this.agentLocale)) : english;
    const kind = level === 'info' ? 'notice' : level === 'warning' ? 'alert' : 'error';
    // No third argument for a notice: ZAF takes it as a duration or { sticky }, never as null.
    const sent = level === 'info' ? this.deps.zaf.invoke('notify', text, kind) : this.deps.zaf.invoke('notify', text, kind, { sticky: false });
    void sent.catch(() => undefined);
    const id = ++this.noticeSeq;
    this.store.setState((s) => ({ notices: [...s.notices, { id, level, text }].slice(-5) }));
  }

  say(level: 'info' | 'warning' | 'error', message: AgentMessage): void {
    this.notify(level, english(message), message);
  }

  async pop(kind: 'ticket' | 'user', id: number): Promise<void> {
    await this.deps.zaf.invoke('routeTo', kind, id).catch(() => undefined);
  }

  outcomes(): ContactOutcome[] {
    return this.work.outcomes();
  }
}

function parseViewing(payload: unknown): Viewing {
  const p = (payload ?? {}) as { kind?: unknown; id?: unknown; requesterId?: unknown };
  const id = Number(p.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  if (p.kind === 'ticket') {
    const r = Number(p.requesterId);
    return { kind: 'ticket', id, requesterId: Number.isInteger(r) && r > 0 ? r : null };
  }
  if (p.kind === 'user') return { kind: 'user', id };
  return null;
}
