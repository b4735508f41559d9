// A simulated Amazon Connect for one agent: the contacts Connect holds for them, delivered to
// every open tab's `connect` global (SimStreams) in Streams' event order. Contacts survive a
// tab reload, as in Connect; a new SimStreams sees them on subscription, as with Streams.
import type { Channel, Initiation } from '../../domain/types';
import type {
  SLAgent,
  SLChatController,
  SLConnection,
  SLContact,
  SLContactCallback,
  SLEndpoint,
  SLQueue,
  SLRoutingProfile,
  SLTranscriptItem,
  StreamsLike,
} from '../../connect/streamsLike';

export interface SimContactSpec {
  id: string;
  channel: Channel;
  initiation: Initiation;
  customer: string | null;
  system: string | null;
  queue: string | null;
  attributes: Record<string, string>;
  initialContactId: string | null;
  previousContactId: string | null;
  name: string | null;
  description: string | null;
  references: Record<string, string>;
  monitoring: boolean;
}

export interface SimMessage {
  role: 'CUSTOMER' | 'AGENT' | 'SYSTEM';
  displayName: string;
  text: string;
  atMs: number;
}

type Status = 'connecting' | 'incoming' | 'connected' | 'missed' | 'ended' | 'rejected' | 'destroyed';

interface ContactState {
  spec: SimContactSpec;
  status: Status;
  onHold: boolean;
  messages: SimMessage[];
  voiceId: { status: string; speakerId: string | null } | null;
}

export interface DialRecord {
  number: string;
  queueArn: string | null;
  queue: string | null;
}

export interface SimRoutingProfile {
  name: string;
  queues: string[];
  default_outbound_queue?: string | null;
}

const queueArn = (name: string) => `arn:aws:connect:sim:000000000000:instance/sim/queue/${encodeURIComponent(name)}`;

type Kind =
  | 'connecting' | 'incoming' | 'accepted' | 'connected' | 'refresh' | 'missed' | 'ended' | 'acw' | 'destroy';

/** Connect's side for one agent, shared by all of that agent's tabs. */
export class SimConnectAgent {
  private contacts = new Map<string, ContactState>();
  private tabs = new Set<SimStreams>();
  readonly profile: SLRoutingProfile;

  constructor(
    readonly agentName: string,
    profile: SimRoutingProfile,
    private readonly nowMs: () => number,
    private readonly onDial: (tab: SimStreams, dial: DialRecord) => void,
  ) {
    const q = (name: string): SLQueue => ({ name, queueARN: queueArn(name) });
    this.profile = {
      name: profile.name,
      queues: profile.queues.map(q),
      defaultOutboundQueue: profile.default_outbound_queue ? q(profile.default_outbound_queue) : null,
    };
  }

  /** A new `connect` global for a tab that is opening. */
  openTab(label: string): SimStreams {
    const s = new SimStreams(this, label);
    this.tabs.add(s);
    return s;
  }

  closeTab(s: SimStreams): void {
    this.tabs.delete(s);
  }

  existing(): ContactState[] {
    return [...this.contacts.values()];
  }

  state(id: string): ContactState | undefined {
    return this.contacts.get(id);
  }

  queueName(arn: string | null): string | null {
    if (!arn) return this.profile.defaultOutboundQueue?.name ?? null;
    return this.profile.queues.find((q) => q.queueARN === arn)?.name ?? null;
  }

  dial(tab: SimStreams, number: string, arn: string | null): void {
    this.onDial(tab, { number, queueArn: arn, queue: this.queueName(arn) });
  }

  /** Applies one contact event of a scenario and tells every tab, Streams-style. */
  apply(
    id: string,
    event: string,
    extra: { spec?: SimContactSpec; attributes?: Record<string, string>; message?: Omit<SimMessage, 'atMs'>; voiceId?: { status: string; speakerId: string | null } },
  ): void {
    let st = this.contacts.get(id);
    if (!st) {
      if (!extra.spec) throw new Error(`contact ${id} was never offered`);
      st = {
        spec: extra.spec,
        status: 'connecting',
        onHold: false,
        messages: [],
        voiceId: null,
      };
      this.contacts.set(id, st);
      for (const t of this.tabs) t.announce(st);
    }
    if (extra.attributes) st.spec.attributes = { ...st.spec.attributes, ...extra.attributes };
    const fire = (k: Kind) => {
      for (const t of this.tabs) t.fire(id, k);
    };
    switch (event) {
      case 'incoming':
        st.status = 'connecting';
        fire(st.spec.initiation === 'callback' ? 'incoming' : 'connecting');
        break;
      case 'dialing':
        st.status = 'connecting';
        fire('connecting');
        break;
      case 'accepted':
        fire('accepted');
        break;
      case 'connected':
        st.status = 'connected';
        fire('connected');
        fire('refresh');
        break;
      case 'hold':
      case 'resume':
        st.onHold = event === 'hold';
        fire('refresh');
        break;
      case 'message':
        if (extra.message) {
          const m: SimMessage = { ...extra.message, atMs: this.nowMs() };
          st.messages.push(m);
          for (const t of this.tabs) t.deliverMessage(id, m);
        }
        break;
      case 'voiceid':
        st.voiceId = extra.voiceId ?? null;
        fire('refresh');
        break;
      case 'missed':
        st.status = 'missed';
        fire('missed');
        fire('refresh');
        break;
      case 'rejected':
        st.status = 'rejected';
        fire('destroy');
        this.contacts.delete(id);
        break;
      case 'ended':
        st.status = 'ended';
        fire('ended');
        fire('acw');
        break;
      case 'destroyed':
        st.status = 'destroyed';
        fire('destroy');
        this.contacts.delete(id);
        break;
      default:
        throw new Error(`unknown contact event ${event}`);
    }
  }

  focus(id: string): void {
    for (const t of this.tabs) t.viewContact(id);
  }
}

/** One tab's `connect` global. */
export class SimStreams implements StreamsLike {
  private contactCbs: SLContactCallback[] = [];
  private agentCbs: ((a: SLAgent) => void)[] = [];
  private views = new Map<string, SimStreamsContact>();
  private viewCbs: ((e: { contactId: string }) => void)[] = [];
  initialised = false;
  initOptions: Record<string, unknown> | null = null;

  constructor(readonly hub: SimConnectAgent, readonly label: string) {}

  core = {
    initCCP: (_container: HTMLElement | null, options: Record<string, unknown>) => {
      this.initialised = true;
      this.initOptions = options;
    },
    onViewContact: (cb: (e: { contactId: string }) => void) => {
      this.viewCbs.push(cb);
    },
    viewContact: (contactId: string) => {
      for (const cb of this.viewCbs) cb({ contactId });
    },
    terminate: () => {
      this.hub.closeTab(this);
    },
  };

  Endpoint = {
    byPhoneNumber: (number: string): SLEndpoint => ({ phoneNumber: number, type: 'phone_number' }),
  };

  contact(cb: SLContactCallback): void {
    this.contactCbs.push(cb);
    // Streams calls new subscribers with the contacts that already exist.
    for (const st of this.hub.existing()) cb(this.viewOf(st));
  }

  agent(cb: (a: SLAgent) => void): void {
    this.agentCbs.push(cb);
    cb(this.agentObject());
  }

  announce(st: ContactState): void {
    const v = this.viewOf(st);
    for (const cb of this.contactCbs) cb(v);
  }

  fire(id: string, kind: Kind): void {
    const v = this.views.get(id);
    v?.fire(kind);
    if (kind === 'destroy') this.views.delete(id);
  }

  deliverMessage(id: string, m: SimMessage): void {
    this.views.get(id)?.message(m);
  }

  viewContact(id: string): void {
    for (const cb of this.viewCbs) cb({ contactId: id });
  }

  private viewOf(st: ContactState): SimStreamsContact {
    let v = this.views.get(st.spec.id);
    if (!v) {
      v = new SimStreamsContact(st);
      this.views.set(st.spec.id, v);
    }
    return v;
  }

  private agentObject(): SLAgent {
    return {
      getName: () => this.hub.agentName,
      getRoutingProfile: () => this.hub.profile,
      getContacts: () => this.hub.existing().map((st) => this.viewOf(st)),
      connect: (endpoint, options) => {
        this.hub.dial(this, endpoint.phoneNumber, options.queueARN ?? null);
        options.success?.();
      },
    };
  }
}

const TRANSCRIPT_PAGE_MAX = 100;

class SimStreamsContact implements SLContact {
  private cbs = new Map<Kind, SLContactCallback[]>();
  private messageCbs: ((e: { data: SLTranscriptItem }) => void)[] = [];

  constructor(private readonly st: ContactState) {}

  fire(kind: Kind): void {
    for (const cb of this.cbs.get(kind) ?? []) cb(this);
  }

  message(m: SimMessage): void {
    for (const cb of this.messageCbs) cb({ data: toTranscriptItem(m) });
  }

  private on(kind: Kind, cb: SLContactCallback): void {
    const list = this.cbs.get(kind) ?? [];
    list.push(cb);
    this.cbs.set(kind, list);
  }

  getContactId = () => this.st.spec.id;
  getInitialContactId = () => this.st.spec.initialContactId ?? this.st.spec.id;
  getRelatedContactId = () => this.st.spec.previousContactId;
  getType = () => this.st.spec.channel;
  getStatus = () => ({ type: this.st.status });
  getQueue = () => (this.st.spec.queue ? { name: this.st.spec.queue, queueARN: queueArn(this.st.spec.queue) } : null);
  getAttributes = () =>
    Object.fromEntries(Object.entries(this.st.spec.attributes).map(([name, value]) => [name, { name, value }]));
  isInbound = () => this.st.spec.initiation !== 'outbound';
  getInitiationMethod = () => (this.st.spec.monitoring ? 'MONITOR' : this.st.spec.initiation.toUpperCase());
  getInitialConnection = (): SLConnection | null =>
    this.st.spec.channel === 'voice' && this.st.spec.customer !== null
      ? {
          getEndpoint: () => ({ phoneNumber: this.st.spec.customer ?? '' }),
          // Shaped like Voice ID's DescribeSpeaker answer, as Streams passes it on.
          getVoiceIdSpeakerStatus: async () => ({ Speaker: { Status: this.st.voiceId?.status ?? '' } }),
          getVoiceIdSpeakerId: async () => this.st.voiceId?.speakerId ?? '',
        }
      : null;
  getConnectSystemEndpoint = () => (this.st.spec.system ? { phoneNumber: this.st.spec.system } : null);
  getName = () => this.st.spec.name ?? '';
  getDescription = () => this.st.spec.description ?? '';
  getReferences = () =>
    Object.fromEntries(Object.entries(this.st.spec.references).map(([k, value]) => [k, { type: 'STRING', value }]));
  getAgentConnection = (): SLConnection => ({
    getEndpoint: () => ({ phoneNumber: '' }),
    isOnHold: () => this.st.onHold,
    getMonitorStatus: () => (this.st.spec.monitoring ? 'SILENT_MONITOR' : null),
    getMediaController: () => (this.st.spec.channel === 'chat' ? Promise.resolve(this.chatController()) : undefined),
  });

  onConnecting = (cb: SLContactCallback) => this.on('connecting', cb);
  onIncoming = (cb: SLContactCallback) => this.on('incoming', cb);
  onAccepted = (cb: SLContactCallback) => this.on('accepted', cb);
  onConnected = (cb: SLContactCallback) => this.on('connected', cb);
  onRefresh = (cb: SLContactCallback) => this.on('refresh', cb);
  onMissed = (cb: SLContactCallback) => this.on('missed', cb);
  onEnded = (cb: SLContactCallback) => this.on('ended', cb);
  onACW = (cb: SLContactCallback) => this.on('acw', cb);
  onDestroy = (cb: SLContactCallback) => this.on('destroy', cb);

  private chatController(): SLChatController {
    return {
      getTranscript: async ({ maxResults, nextToken }) => {
        const start = nextToken ? Number(nextToken) : 0;
        const size = Math.min(maxResults, TRANSCRIPT_PAGE_MAX);
        const page = this.st.messages.slice(start, start + size).map(toTranscriptItem);
        const next = start + size < this.st.messages.length ? String(start + size) : undefined;
        return { data: { Transcript: page, ...(next ? { NextToken: next } : {}) } };
      },
      onMessage: (cb) => {
        this.messageCbs.push(cb);
      },
    };
  }
}

function toTranscriptItem(m: SimMessage): SLTranscriptItem {
  return {
    ParticipantRole: m.role,
    DisplayName: m.displayName,
    Content: m.text,
    AbsoluteTime: new Date(m.atMs).toISOString(),
    Type: 'MESSAGE',
    ContentType: 'text/plain',
  };
}
