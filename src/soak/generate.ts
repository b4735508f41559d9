// Random soak scenarios over the shared cast (./cast.ts). Pure and deterministic: scenario `i`
// of seed `s` is always the same document, so any one can be regenerated and replayed alone.
//
// A scenario is a few "stories" (an inbound call, an outbound dial, a chat, a task, a transfer
// between two agents), laid out on one timeline. Stories of one agent never overlap (an agent
// has one call at a time); stories of different agents may. Every contact ends with `ended` +
// `destroyed`, or is missed / rejected. Faults, reloads and tab churn are sprinkled in; the total
// of fault `times` per scenario stays at 5 or below, so every request succeeds within the app's
// six attempts.
import { AGENTS, CLOSED_TICKETS, CUSTOMERS, OPEN_TICKETS, QUEUES, RECOGNISED, SHARED_NUMBER, START, TICKETS, castZendesk } from './cast';
import { Rng, mixSeed } from '../domain/prng';

export type StepJson = Record<string, unknown>;

/** A scenario document as written to a file (FORMAT.md), before validation. */
export interface SoakScenario {
  name: string;
  settings: Record<string, unknown>;
  zendesk: Record<string, unknown>;
  agents: Record<string, unknown>[];
  steps: StepJson[];
}

/** Faults in one scenario, in `times`, at most. */
export const FAULT_BUDGET = 5;

const SYSTEM_NUMBERS = ['+61290000000', '+442079460000'];
const ANONYMOUS = ['anonymous', 'private', 'Restricted', 'Anonymous Caller'];

interface TabState {
  open: number[];
  next: number;
}

interface Timed {
  at: number;
  seq: number;
  step: StepJson;
}

class Builder {
  private steps: Timed[] = [];
  private seq = 0;
  private free = new Map<string, number>();
  private tabs = new Map<string, TabState>();
  private usedSeconds = new Set<number>();
  private contactNo = 0;
  private faultsLeft = FAULT_BUDGET;
  private freshNo = 0;
  /** Numbers of no cast user used so far, and when a new contact may use them again. */
  readonly unknownUsed: { number: string; reusableAt: number }[] = [];
  readonly agentsUsed = new Set<string>();
  contacts = 0;

  constructor(
    readonly rng: Rng,
    readonly index: number,
    /** zendesk.search_index_delay_seconds. */
    readonly indexDelay: number,
  ) {}

  push(at: number, step: StepJson): void {
    this.steps.push({ at, seq: this.seq++, step: { at, ...step } });
  }

  sorted(): StepJson[] {
    return [...this.steps].sort((a, b) => a.at - b.at || a.seq - b.seq).map((s) => s.step);
  }

  newContact(): string {
    this.contactNo++;
    this.contacts++;
    return `c${this.contactNo}`;
  }

  /** A second no other connect/accept of this scenario uses, at or after `t` (distinct started_at). */
  unique(t: number): number {
    let x = Math.ceil(t);
    while (this.usedSeconds.has(x)) x++;
    this.usedSeconds.add(x);
    return x;
  }

  freeAt(agent: string): number {
    return this.free.get(agent) ?? 0;
  }

  busyUntil(agent: string, t: number): void {
    this.free.set(agent, Math.max(this.freeAt(agent), t));
    this.agentsUsed.add(agent);
  }

  tabState(agent: string): TabState {
    let s = this.tabs.get(agent);
    if (!s) {
      s = { open: [1], next: 2 };
      this.tabs.set(agent, s);
    }
    return s;
  }

  /** The tab an agent acts in: the first open one (usually the processing tab). */
  tab(agent: string): number {
    return this.tabState(agent).open[0]!;
  }

  anyTab(agent: string): number {
    return this.rng.pick(this.tabState(agent).open);
  }

  action(at: number, agent: string, action: string, extra: StepJson = {}, tab?: number): void {
    this.push(at, { agent, tab: tab ?? this.tab(agent), action, ...extra });
  }

  reload(at: number, agent: string): void {
    this.action(at, agent, 'reload', {}, this.anyTab(agent));
  }

  openTab(at: number, agent: string): void {
    const s = this.tabState(agent);
    this.push(at, { agent, action: 'open_tab' });
    s.open.push(s.next++);
  }

  /** Closes one of the open tabs (often the one processing the contact) when another stays open. */
  closeTab(at: number, agent: string): boolean {
    const s = this.tabState(agent);
    if (s.open.length < 2) return false;
    const victim = this.rng.chance(0.7) ? s.open[0]! : this.rng.pick(s.open);
    this.push(at, { agent, tab: victim, action: 'close_tab' });
    s.open = s.open.filter((t) => t !== victim);
    return true;
  }

  fault(at: number): void {
    if (this.faultsLeft <= 0) return;
    const r = this.rng;
    const times = r.int(1, Math.min(2, this.faultsLeft));
    this.faultsLeft -= times;
    const target = r.weighted<[string, string, boolean]>([
      [3, ['GET', '/api/v2/users/search', false]],
      [2, ['POST', '/api/v2/users', true]],
      [3, ['POST', '/api/v2/channels/voice/tickets', true]],
      [1, ['POST', '/api/v2/tickets', true]],
      [3, ['PUT', '/api/v2/tickets/', true]],
      [2, ['GET', '/api/v2/tickets', false]],
    ]);
    const [method, path, isWrite] = target;
    const status = r.weighted([
      [4, 429],
      [3, 503],
      [2, 0],
      [1, 500],
    ]);
    const fault: StepJson = { method, path, status, times };
    if (status === 429) fault.retry_after = r.int(1, 20);
    // A rate-limited request is never applied; a 5xx or a lost connection may have been.
    if (isWrite && status !== 429 && r.chance(0.5)) fault.after_write = true;
    this.push(at, { fault });
  }

  maybeFault(at: number, p: number): void {
    if (this.rng.chance(p)) this.fault(at);
  }

  /** A number no cast user has, new in this scenario. */
  freshNumber(): string {
    this.freshNo++;
    const n = String(this.index % 1000).padStart(3, '0') + String(this.freshNo).padStart(2, '0');
    const num = this.rng.chance(0.7) ? `+614009${n}` : `+4477008${n}`;
    this.unknownUsed.push({ number: num, reusableAt: Infinity });
    return num;
  }

  /**
   * A story ended at `end`: its new numbers may call again once a user made for them is
   * searchable. (Within the search index delay a second contact cannot find that user: Zendesk
   * has no live lookup by phone, so a second user is unavoidable there and is not generated.)
   */
  storyEnded(end: number): void {
    for (const u of this.unknownUsed) if (u.reusableAt === Infinity) u.reusableAt = end + this.indexDelay + 60;
  }

  /** A number used before that may call again at `t`, if any. */
  repeatNumber(t: number): string | null {
    const ok = this.unknownUsed.filter((u) => u.reusableAt <= t);
    return ok.length ? this.rng.pick(ok).number : null;
  }
}

// ---------------------------------------------------------------------------------------
// Attribute choices

function modeAttr(r: Rng): string | undefined {
  return r.weighted<string | undefined>([
    [40, undefined],
    [18, 'auto'],
    [20, 'agent'],
    [16, 'force'],
    [3, 'AGENT '],
    [3, 'bogus'],
  ]);
}

function ftcAttr(r: Rng): string | undefined {
  return r.weighted<string | undefined>([
    [78, undefined],
    [12, 'false'],
    [7, 'true'],
    [3, 'maybe'],
  ]);
}

/** A ticket number attribute: the caller's own open ticket, someone else's, a closed one, nonsense. */
function ticketNumberAttr(r: Rng, callerUserId: number | null): string | undefined {
  const own = OPEN_TICKETS.filter((t) => t.requester === callerUserId);
  const others = OPEN_TICKETS.filter((t) => t.requester !== callerUserId);
  const choice = r.weighted([
    [68, 'none'],
    [10, 'own'],
    [6, 'other'],
    [6, 'closed'],
    [5, 'missing'],
    [3, 'text'],
    [2, 'solved'],
  ]);
  switch (choice) {
    case 'own':
      return own.length ? (r.chance(0.3) ? `#${r.pick(own).id}` : String(r.pick(own).id)) : String(r.pick(OPEN_TICKETS).id);
    case 'other':
      return String(r.pick(others).id);
    case 'closed':
      return String(r.pick(CLOSED_TICKETS).id);
    case 'missing':
      return String(r.int(90000, 99999));
    case 'text':
      return r.pick(['abc', 'my ticket', '12a']);
    case 'solved':
      return '501';
    default:
      return undefined;
  }
}

function commonAttrs(r: Rng, callerUserId: number | null, voice: boolean): Record<string, string> {
  const a: Record<string, string> = {};
  const mode = modeAttr(r);
  if (mode !== undefined) a.ticket_assignment = mode;
  const ftc = ftcAttr(r);
  if (ftc !== undefined) a.force_ticket_creation = ftc;
  const tn = ticketNumberAttr(r, callerUserId);
  if (tn !== undefined) a.zendesk_ticket = tn;
  const recent = r.weighted<string | undefined>([
    [86, undefined],
    [7, '15'],
    [4, '0'],
    [3, 'soon'],
  ]);
  if (recent !== undefined) a.recent_ticket_timeout = recent;
  if (r.chance(0.05)) a.pop_incoming = 'false';
  if (voice && r.chance(0.03)) a.voice_comment = 'false';
  if (r.chance(0.05)) a.ticket_brand = r.pick(['Beta', 'Gamma', 'Nope']);
  if (r.chance(0.04)) a.ticket_outbound_queue = 'Support';
  return a;
}

// ---------------------------------------------------------------------------------------
// Pieces of a contact's life

interface LegPlan {
  outcome: 'normal' | 'missed' | 'rejected';
  clicks: boolean;
  chat: boolean;
  task: boolean;
  /** Leave out `destroyed`: the caller emits it (transfers). */
  deferDestroy?: boolean;
}

interface LegTimes {
  id: string;
  start: number;
  connected: number;
  ended: number;
  destroyed: number;
}

/** An offered (incoming) contact from ringing to destroyed. */
function inboundLeg(b: Builder, agent: string, t0: number, decl: StepJson, plan: LegPlan): LegTimes {
  const r = b.rng;
  const id = b.newContact();
  const churn = plan.outcome === 'normal' && r.chance(0.08);
  let t = t0;
  if (churn) b.openTab(Math.max(0, t - 1), agent);
  b.maybeFault(t, 0.15);
  b.push(t, { agent, contact: id, event: 'incoming', ...decl });
  if (r.chance(0.08)) b.reload(t + 1, agent);
  if (plan.outcome === 'missed') {
    const tm = t + r.int(8, 20);
    b.push(tm, { agent, contact: id, event: 'missed' });
    let end = tm;
    if (r.chance(0.6)) {
      end = tm + r.int(1, 5);
      b.push(end, { agent, contact: id, event: 'destroyed' });
    }
    return { id, start: t0, connected: tm, ended: tm, destroyed: end };
  }
  if (plan.outcome === 'rejected') {
    const tr = t + r.int(2, 6);
    b.push(tr, { agent, contact: id, event: 'rejected' });
    return { id, start: t0, connected: tr, ended: tr, destroyed: tr };
  }
  b.maybeFault(t + 2, 0.1);
  const ta = b.unique(t + r.int(3, 8));
  b.push(ta, { agent, contact: id, event: 'accepted' });
  const tc = b.unique(ta + 1);
  b.push(tc, { agent, contact: id, event: 'connected' });
  t = tc;
  if (plan.chat) {
    const n = r.int(1, 4);
    for (let i = 0; i < n; i++) {
      t += r.int(1, 10);
      const role = i % 2 === 0 ? 'CUSTOMER' : 'AGENT';
      b.push(t, { agent, contact: id, event: 'message', role, text: r.pick(['Hi', 'My parcel is late', 'Let me check', 'Thanks <b>a lot</b> & bye']) });
    }
  }
  if (plan.clicks) t = clicks(b, agent, id, t + r.int(2, 15), plan.task);
  if (r.chance(0.08)) {
    t += r.int(2, 20);
    b.reload(t, agent);
  }
  if (churn) {
    t += r.int(2, 20);
    b.closeTab(t, agent);
  }
  b.maybeFault(t + 1, 0.1);
  const te = t + r.int(15, 200);
  b.push(te, { agent, contact: id, event: 'ended' });
  let td = te;
  if (r.chance(0.08)) b.reload(te + r.int(1, 2), agent);
  if (plan.clicks && r.chance(0.2)) td = clicks(b, agent, id, te + 3, plan.task);
  td = Math.max(td, te) + r.int(3, 30);
  if (!plan.deferDestroy) b.push(td, { agent, contact: id, event: 'destroyed' });
  return { id, start: t0, connected: tc, ended: te, destroyed: td };
}

/** The agent's clicks on a contact: view something, then Create ticket / Attach to current (or nothing). */
function clicks(b: Builder, agent: string, id: string, t: number, task: boolean): number {
  const r = b.rng;
  const kind = r.weighted([
    [35, 'none'],
    [25, 'create'],
    [15, 'view-user-create'],
    [20, 'view-ticket-attach'],
    [5, task ? 'no-ticket' : 'create'],
  ]);
  const tab = r.chance(0.85) ? b.tab(agent) : b.anyTab(agent);
  switch (kind) {
    case 'create':
      b.action(t, agent, 'create_ticket', { contact: id }, tab);
      return t;
    case 'view-user-create':
      b.action(t, agent, 'view', { user: r.pick(CUSTOMERS).id }, tab);
      b.action(t + 1, agent, 'create_ticket', { contact: id }, tab);
      return t + 1;
    case 'view-ticket-attach':
      b.action(t, agent, 'view', { ticket: r.pick(TICKETS).id }, tab);
      b.action(t + 1, agent, 'attach_to_current', { contact: id }, tab);
      return t + 1;
    case 'no-ticket':
      b.action(t, agent, 'no_ticket', { contact: id }, tab);
      return t;
    default:
      return t;
  }
}

function outcomeOf(r: Rng): LegPlan['outcome'] {
  return r.weighted<LegPlan['outcome']>([
    [90, 'normal'],
    [6, 'missed'],
    [4, 'rejected'],
  ]);
}

// ---------------------------------------------------------------------------------------
// Stories

interface Caller {
  customer: string;
  userId: number | null;
}

function pickCaller(b: Builder, t0: number): Caller {
  const r = b.rng;
  const kind = r.weighted([
    [45, 'recognised'],
    [10, 'shared'],
    [26, 'fresh'],
    [8, 'repeat'],
    [8, 'anonymous'],
    [3, 'unparseable'],
  ]);
  switch (kind) {
    case 'recognised': {
      const c = r.pick(RECOGNISED);
      return { customer: c.e164!, userId: c.id };
    }
    case 'shared':
      return { customer: SHARED_NUMBER, userId: null };
    case 'repeat':
      return { customer: b.repeatNumber(t0) ?? b.freshNumber(), userId: null };
    case 'anonymous':
      return { customer: r.pick(ANONYMOUS), userId: null };
    case 'unparseable':
      return { customer: '12345', userId: null };
    default:
      return { customer: b.freshNumber(), userId: null };
  }
}

function voiceDecl(b: Builder, caller: Caller, attrs: Record<string, string>): StepJson {
  const r = b.rng;
  const decl: StepJson = {
    channel: 'voice',
    initiation: 'inbound',
    customer: caller.customer,
    system: r.pick(SYSTEM_NUMBERS),
    queue: r.pick(QUEUES),
  };
  if (Object.keys(attrs).length) decl.attributes = attrs;
  return decl;
}

function chatDecl(b: Builder): { decl: StepJson; userId: number | null } {
  const r = b.rng;
  const a: Record<string, string> = {};
  let userId: number | null = null;
  const who = r.weighted([
    [25, 'email'],
    [15, 'number'],
    [10, 'name'],
    [25, 'new'],
    [10, 'shared'],
    [15, 'nothing'],
  ]);
  switch (who) {
    case 'email': {
      const c = r.pick(CUSTOMERS.filter((x) => x.email && x.id !== 14 && x.id !== 15));
      a.customer_email = c.email!;
      userId = c.id;
      break;
    }
    case 'number': {
      const c = r.pick(RECOGNISED);
      a.customer_number = c.e164!;
      userId = c.id;
      break;
    }
    case 'name':
      a.customer_name = 'Nina Name';
      break;
    case 'new':
      a.customer_name = `Chatter ${b.index}-${r.int(1, 999)}`;
      if (r.chance(0.6)) a.customer_email = `new${b.index}x${r.int(1, 9999)}@example.net`;
      if (r.chance(0.3)) a.customer_number = b.freshNumber();
      break;
    case 'shared':
      a.customer_number = SHARED_NUMBER;
      break;
    default:
      break;
  }
  Object.assign(a, commonAttrs(r, userId, false));
  if (r.chance(0.03)) a.chat_transcript = 'false';
  return { decl: { channel: 'chat', initiation: 'inbound', queue: r.pick(QUEUES), attributes: a }, userId };
}

function storyInboundVoice(b: Builder, agent: string, t0: number): number {
  const caller = pickCaller(b, t0);
  const attrs = commonAttrs(b.rng, caller.userId, true);
  const leg = inboundLeg(b, agent, t0, voiceDecl(b, caller, attrs), {
    outcome: outcomeOf(b.rng),
    clicks: b.rng.chance(0.6),
    chat: false,
    task: false,
  });
  return leg.destroyed;
}

function storyChat(b: Builder, agent: string, t0: number): number {
  const { decl } = chatDecl(b);
  const leg = inboundLeg(b, agent, t0, decl, { outcome: outcomeOf(b.rng), clicks: b.rng.chance(0.6), chat: true, task: false });
  return leg.destroyed;
}

function storyTask(b: Builder, agent: string, t0: number): number {
  const r = b.rng;
  const name = r.weighted<string>([
    [50, `Zendesk-${r.pick(OPEN_TICKETS).id}`],
    [12, `zendesk-${r.pick(CLOSED_TICKETS).id}`],
    [10, `Zendesk-${r.int(90000, 99999)}`],
    [28, r.pick(['Call back customer', 'Review refund', 'Zendesk-'])],
  ]);
  const decl: StepJson = {
    channel: 'task',
    initiation: 'api',
    name,
    description: r.pick(['Follow up', 'Check the <order> & reply', '']),
    queue: r.pick(QUEUES),
  };
  if (r.chance(0.3)) decl.references = { Link: 'https://example.com/x', Note: 'n/a' };
  const leg = inboundLeg(b, agent, t0, decl, {
    outcome: r.weighted<LegPlan['outcome']>([
      [94, 'normal'],
      [3, 'missed'],
      [3, 'rejected'],
    ]),
    clicks: r.chance(0.7),
    chat: false,
    task: true,
  });
  return leg.destroyed;
}

function storyOutbound(b: Builder, agent: string, t0: number): number {
  const r = b.rng;
  const id = b.newContact();
  const origin = r.weighted([
    [35, 'ticket'],
    [25, 'user'],
    [40, 'softphone'],
  ]);
  let number: string;
  const dial: StepJson = {};
  if (origin === 'ticket') {
    const t = r.pick(TICKETS);
    const requester = CUSTOMERS.find((c) => c.id === t.requester);
    number = requester?.e164 ?? b.freshNumber();
    dial.ticket = t.id;
    if (r.chance(0.5)) b.action(Math.max(0, t0 - 1), agent, 'view', { ticket: t.id });
  } else if (origin === 'user') {
    const c = r.pick(CUSTOMERS);
    number = c.e164 ?? b.freshNumber();
    dial.user = c.id;
  } else {
    number = r.weighted<string>([
      [45, r.pick(RECOGNISED).e164!],
      [10, SHARED_NUMBER],
      [45, b.freshNumber()],
    ]);
  }
  const attrs: Record<string, string> = {};
  const mode = modeAttr(r);
  if (mode !== undefined) attrs.ticket_assignment = mode;
  const ftc = ftcAttr(r);
  if (ftc !== undefined) attrs.force_ticket_creation = ftc;
  if (r.chance(0.35)) attrs.all_outbound = r.pick(['true', 'false', 'TRUE']);
  if (r.chance(0.1)) attrs.outbound_cli = '+61290000001';
  b.maybeFault(Math.max(0, t0 - 1), 0.12);
  b.action(t0, agent, 'dial', { number, ...dial });
  const tDial = t0 + r.int(1, 2);
  const decl: StepJson = { channel: 'voice', initiation: 'outbound', customer: number, system: r.pick(SYSTEM_NUMBERS), queue: 'General' };
  if (Object.keys(attrs).length) decl.attributes = attrs;
  b.push(tDial, { agent, contact: id, event: 'dialing', ...decl });
  const tc = b.unique(tDial + r.int(4, 15));
  b.push(tc, { agent, contact: id, event: 'connected' });
  let t = tc;
  if (r.chance(0.5)) t = clicks(b, agent, id, t + r.int(2, 10), false);
  if (r.chance(0.08)) {
    t += r.int(2, 10);
    b.reload(t, agent);
  }
  b.maybeFault(t + 1, 0.1);
  const te = t + r.int(10, 180);
  b.push(te, { agent, contact: id, event: 'ended' });
  if (r.chance(0.08)) b.reload(te + 1, agent);
  const td = te + r.int(3, 30);
  b.push(td, { agent, contact: id, event: 'destroyed' });
  return td;
}

function storyTransfer(b: Builder, agentA: string, agentB: string, t0: number): number {
  const r = b.rng;
  const chat = r.chance(0.2);
  let declA: StepJson;
  let caller: Caller | null = null;
  let chatUser: number | null = null;
  if (chat) ({ decl: declA, userId: chatUser } = chatDecl(b));
  else {
    caller = pickCaller(b, t0);
    if (caller.customer === '12345') caller = { customer: b.freshNumber(), userId: null };
    declA = voiceDecl(b, caller, commonAttrs(r, caller.userId, true));
  }
  const a = inboundLeg(b, agentA, t0, declA, { outcome: 'normal', clicks: r.chance(0.5), chat, task: false, deferDestroy: true });
  // A's leg is destroyed before the transfer is offered, or after B has the call.
  const early = r.chance(0.4);
  let tB = b.freeAt(agentB) + 1;
  tB = Math.max(tB, a.ended + r.int(1, 3));
  if (early) {
    const td = a.ended + 1;
    b.push(td, { agent: agentA, contact: a.id, event: 'destroyed' });
    tB = Math.max(tB, td + r.int(0, 40));
  }
  const attrsB: Record<string, string> = {};
  let mode = r.weighted<string | undefined>([
    [45, undefined],
    [15, 'auto'],
    [20, 'agent'],
    [20, 'force'],
  ]);
  // A forced transfer identifies the customer afresh. A customer first seen on this call has no
  // searchable user yet (index delay), so the guide's transfer flow sets customer_number; a chat
  // customer new to Zendesk is not forced.
  if (mode === 'force' && chat && chatUser === null) mode = 'agent';
  if (mode !== undefined) attrsB.ticket_assignment = mode;
  const ftc = ftcAttr(r);
  if (ftc !== undefined) attrsB.force_ticket_creation = ftc;
  if (mode === 'force' && !chat && (caller?.userId == null || r.chance(0.6))) {
    const other = r.pick(RECOGNISED);
    attrsB.customer_number = r.chance(0.5) && caller?.userId ? caller.customer : other.e164!;
  }
  const declB: StepJson = {
    channel: chat ? 'chat' : 'voice',
    initiation: r.chance(0.8) ? 'transfer' : 'queue_transfer',
    queue: r.pick(QUEUES),
    initial_contact_id: a.id,
  };
  if (!chat) {
    declB.customer = declA.customer;
    declB.system = declA.system;
  } else if (declA.attributes) {
    // The chat's own attributes travel with it; the transfer flow may change the mode.
    const base = { ...(declA.attributes as Record<string, string>) };
    delete base.ticket_assignment;
    delete base.force_ticket_creation;
    Object.assign(attrsB, { ...base, ...attrsB });
  }
  if (Object.keys(attrsB).length) declB.attributes = attrsB;
  const bLeg = inboundLeg(b, agentB, tB, declB, { outcome: 'normal', clicks: r.chance(0.5), chat, task: false });
  if (!early) {
    const td = Math.max(bLeg.connected + 1, a.ended + 1) + r.int(0, 20);
    b.push(td, { agent: agentA, contact: a.id, event: 'destroyed' });
    b.busyUntil(agentA, td);
    return Math.max(td, bLeg.destroyed);
  }
  return bLeg.destroyed;
}

// ---------------------------------------------------------------------------------------
// Scenarios

/** Scenario `index` of run `seed`. */
export function generateScenario(seed: number, index: number): SoakScenario {
  const rng = new Rng(mixSeed(seed, index));
  const delay = rng.pick([0, 0, 5, 30, 60, 120, rng.int(0, 120)]);
  const b = new Builder(rng, index, delay);
  const target = rng.int(1, 4);
  let cursor = rng.int(2, 5);
  const names = AGENTS.map((a) => a.name);
  while (b.contacts < target) {
    const kind = rng.weighted([
      [48, 'voice'],
      [17, 'outbound'],
      [12, 'chat'],
      [11, 'task'],
      [12, 'transfer'],
    ]);
    if (kind === 'transfer') {
      const agentA = rng.pick(names);
      const agentB = rng.pick(names.filter((n) => n !== agentA));
      const start = Math.max(cursor, b.freeAt(agentA) + 2);
      const end = storyTransfer(b, agentA, agentB, start);
      b.busyUntil(agentA, end);
      b.busyUntil(agentB, end);
      b.storyEnded(end);
      cursor = start + rng.int(5, 60);
      continue;
    }
    const agent = rng.pick(names);
    const start = Math.max(cursor, b.freeAt(agent) + 2);
    const end =
      kind === 'voice'
        ? storyInboundVoice(b, agent, start)
        : kind === 'outbound'
          ? storyOutbound(b, agent, start)
          : kind === 'chat'
            ? storyChat(b, agent, start)
            : storyTask(b, agent, start);
    b.busyUntil(agent, end);
    b.storyEnded(end);
    cursor = start + rng.int(5, 90);
  }

  const settings: Record<string, unknown> = {
    ccpUrl: 'https://example.my.connect.aws/ccp-v2',
    region: 'ap-southeast-2',
  };
  const country = rng.pick([undefined, 'GB', 'AU']);
  if (country) settings.defaultCountry = country;
  const minutes = rng.pick([0, 0, 15, 60]);
  if (minutes) settings.createTicketAfterMinutes = minutes;
  if (rng.chance(0.3)) settings.queueToBrand = [{ queue: 'Sales *', brand_id: 2 }];
  if (rng.chance(0.2)) settings.brandToQueue = { '2': 'Sales EMEA' };
  if (rng.chance(0.2)) settings.defaultEntryPointNumber = '+61290000000';

  const cast = castZendesk();
  const used = AGENTS.filter((a) => b.agentsUsed.has(a.name));
  return {
    name: `soak seed ${seed} scenario ${index}`,
    settings,
    zendesk: {
      start: START,
      search_index_delay_seconds: delay,
      latency_ms: rng.pick([0, 0, 50, 300, 800]),
      ...cast,
    },
    agents: (used.length ? used : AGENTS.slice(0, 1)).map((a) => ({
      name: a.name,
      zendesk_user_id: a.userId,
      routing_profile: { name: 'Soak', queues: [...QUEUES], default_outbound_queue: 'General' },
    })),
    steps: b.sorted(),
  };
}

/** Contacts a scenario declares (distinct contact ids). */
export function contactsIn(doc: SoakScenario): number {
  const ids = new Set<string>();
  for (const s of doc.steps) if (typeof s.contact === 'string' && typeof s.event === 'string') ids.add(s.contact);
  return ids.size;
}

/** How many scenarios of `seed` it takes to reach `contacts` contacts. */
export function scenariosFor(seed: number, contacts: number): number {
  let n = 0;
  let i = 0;
  while (n < contacts) n += contactsIn(generateScenario(seed, i++));
  return i;
}
