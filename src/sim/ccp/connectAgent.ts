// Amazon Connect's side for one agent, as the CCP's shared worker holds it: the agent's
// configuration and contacts, turned into the `agent::update` data every CCP frame of that agent
// passes to Streams, and the answers to the API requests Streams sends up.
//
// Shapes follow amazon-connect-streams 2.28: the contact and connection fields of
// test/unit/sample-snapshots.js (Streams' own fixtures, taken from real CCP traffic), the aliases
// worker.js ClientEngine.updateAgent adds (contact.status, connection.address, queueId,
// routingProfileId), and timestamps as Date objects, which is how the worker's client hands them
// on (it sorts contacts with state.timestamp.getTime()). Contact states and connection states
// are Streams' ContactStateType / ConnectionStateType values.
import type { Channel, Initiation } from '../../domain/types';
import type { ApiFailure, ApiResult } from './wire';
import { Wire } from './wire';

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

/** One contact as the agent's CCP lists it (the playground's CCP panel and stand-in page). */
export interface SimContactSummary {
  id: string;
  channel: Channel;
  initiation: Initiation;
  customer: string | null;
  queue: string | null;
  /** Streams' contact state type: incoming, connecting, connected, missed, error, ended. */
  state: string;
  onHold: boolean;
  messages: number;
}

export interface SimMessage {
  role: 'CUSTOMER' | 'AGENT' | 'SYSTEM';
  displayName: string;
  text: string;
  atMs: number;
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

/** How a supervisor's monitoring contact looks: Streams' fixture (one `monitoring` connection), or a leg with a monitor status. */
export type MonitoringShape = 'fixture' | 'monitor_status';

/** One CCP frame attached to this agent's worker: a port, in the worker's words. */
export interface CcpPort {
  readonly id: string;
  send(event: string, data?: unknown): void;
}

type ContactState = 'incoming' | 'pending' | 'connecting' | 'connected' | 'missed' | 'error' | 'rejected' | 'ended';
type ConnectionState = 'init' | 'connecting' | 'connected' | 'hold' | 'disconnected';

interface Connection {
  connectionId: string;
  type: 'inbound' | 'outbound' | 'agent' | 'monitoring';
  initial: boolean;
  state: ConnectionState;
  since: number;
  endpoint: Record<string, unknown> | null;
  chat: boolean;
  monitorStatus: string | null;
}

interface ContactRecord {
  spec: SimContactSpec;
  type: string;
  state: ContactState;
  since: number;
  queuedAt: number;
  connections: Connection[];
  messages: (SimMessage & { id: string })[];
  voiceId: { status: string; speakerId: string | null } | null;
}

export const SIM_REGION = 'ap-southeast-2';
const ACCOUNT = '123456789012';
const INSTANCE = '7c1f0e52-3a4b-4c5d-9e6f-0a1b2c3d4e5f';
const ARN_BASE = `arn:aws:connect:${SIM_REGION}:${ACCOUNT}:instance/${INSTANCE}`;
const VOICE_ID_DOMAIN = 'SimVoiceIdDomain01';

export const queueArnOf = (name: string) => `${ARN_BASE}/queue/${encodeURIComponent(name)}`;

const CONTACT_ACTIVE: ContactState[] = ['incoming', 'pending', 'connecting', 'connected'];

export interface ConnectAgentOptions {
  monitoringShape?: MonitoringShape;
}

export class ConnectAgentSim {
  private contacts = new Map<string, ContactRecord>();
  private ports = new Map<string, CcpPort>();
  private chatSubscribers = new Set<string>();
  private masters = new Map<string, string>();
  private seq = 0;
  private portSeq = 0;
  /** Every API request a CCP frame passed on, by method (tests read it). */
  readonly apiCalls: { port: string; method: string; params: Record<string, unknown> }[] = [];

  constructor(
    readonly agentName: string,
    readonly profile: SimRoutingProfile,
    readonly nowMs: () => number,
    private readonly onDial: (portId: string, dial: DialRecord) => void,
    private readonly options: ConnectAgentOptions = {},
  ) {}

  // ---- ports (CCP frames) ---------------------------------------------------------------------

  /** A port id no other frame of this agent has. */
  newPortId(): string {
    return `ccp-port-${++this.portSeq}`;
  }

  attach(port: CcpPort): void {
    if (this.ports.has(port.id)) throw new Error(`a CCP frame with port id ${port.id} is attached already`);
    this.ports.set(port.id, port);
  }

  portIds(): string[] {
    return [...this.ports.keys()];
  }

  detach(portId: string): void {
    this.ports.delete(portId);
    this.chatSubscribers.delete(portId);
    for (const [topic, owner] of [...this.masters]) if (owner === portId) this.masters.delete(topic);
  }

  /** The agent data the worker sends with `agent::update`. */
  agentData(): Record<string, unknown> {
    return { snapshot: this.snapshot(), configuration: this.configuration() };
  }

  /** Sends the current agent data to one port (a frame that has just configured) or all. */
  pushUpdate(only?: CcpPort): void {
    const targets = only ? [only] : [...this.ports.values()];
    for (const p of targets) p.send(Wire.AGENT_UPDATE, this.agentData());
  }

  broadcast(event: string, data: unknown): void {
    for (const p of this.ports.values()) p.send(event, data);
  }

  subscribeChat(portId: string): void {
    this.chatSubscribers.add(portId);
  }

  // ---- what the contact flow and the agent do ------------------------------------------------

  has(id: string): boolean {
    return this.contacts.has(id);
  }

  contactIds(): string[] {
    return [...this.contacts.keys()];
  }

  /** The agent's contacts in the order they came, as the CCP lists them. */
  contactSummaries(): SimContactSummary[] {
    return [...this.contacts.values()].map((c) => ({
      id: c.spec.id,
      channel: c.spec.channel,
      initiation: c.spec.initiation,
      customer: c.spec.customer,
      queue: c.spec.queue,
      state: c.state,
      onHold: c.connections.some((k) => k.state === 'hold'),
      messages: c.messages.length,
    }));
  }

  /** Applies one contact event of a scenario, as Connect would report it to this agent. */
  apply(
    id: string,
    event: string,
    extra: {
      spec?: SimContactSpec;
      attributes?: Record<string, string>;
      message?: Omit<SimMessage, 'atMs'>;
      voiceId?: { status: string; speakerId: string | null };
      state?: 'missed' | 'error';
    } = {},
  ): void {
    let c = this.contacts.get(id);
    if (!c) {
      if (!extra.spec) throw new Error(`contact ${id} was never offered`);
      c = this.newContact(extra.spec, event);
      this.contacts.set(id, c);
    }
    if (extra.attributes) c.spec.attributes = { ...c.spec.attributes, ...extra.attributes };
    const now = this.nowMs();
    const setState = (s: ContactState) => {
      if (c.state !== s) {
        c.state = s;
        c.since = now;
      }
    };
    const agent = c.connections.find((k) => k.type === 'agent' || k.type === 'monitoring');
    const customer = c.connections.find((k) => k.initial && k.type !== 'agent' && k.type !== 'monitoring');
    const setConn = (k: Connection | undefined, s: ConnectionState) => {
      if (k && k.state !== s) {
        k.state = s;
        k.since = now;
      }
    };
    switch (event) {
      case 'incoming':
        setState(c.type === 'queue_callback' ? 'incoming' : 'connecting');
        setConn(agent, 'connecting');
        break;
      case 'dialing':
        setState('connecting');
        setConn(agent, 'connected');
        setConn(customer, 'connecting');
        break;
      case 'accepted':
        // The agent clicked Accept in the CCP: its Streams broadcasts `contact::accepted` with the
        // contact it accepted (api.js Contact.accept), which the worker hands to every frame.
        if (c.type === 'queue_callback') setState('connecting');
        this.broadcast(Wire.CONTACT_ACCEPTED, { contactId: id });
        this.broadcast(`${Wire.CONTACT_ACCEPTED}::${id}`, { contactId: id });
        return;
      case 'connected':
        setState('connected');
        setConn(agent, 'connected');
        setConn(customer, 'connected');
        break;
      case 'hold':
        // Hold is the customer's leg (Streams: the initial connection's state becomes `hold`).
        setConn(customer ?? agent, 'hold');
        break;
      case 'resume':
        setConn(customer ?? agent, 'connected');
        break;
      case 'message':
        if (extra.message) this.deliverMessage(c, { ...extra.message, atMs: now });
        return;
      case 'voiceid':
        c.voiceId = extra.voiceId ?? null;
        return;
      case 'missed':
        setState(extra.state === 'error' ? 'error' : 'missed');
        setConn(agent, 'disconnected');
        break;
      case 'rejected':
        setState('rejected');
        setConn(agent, 'disconnected');
        this.pushUpdate();
        this.contacts.delete(id);
        break;
      case 'ended':
        setState('ended');
        for (const k of c.connections) setConn(k, 'disconnected');
        break;
      case 'destroyed':
        this.contacts.delete(id);
        break;
      default:
        throw new Error(`unknown contact event ${event}`);
    }
    this.pushUpdate();
  }

  /** The CCP shows another contact: its tab was picked there. */
  viewContact(id: string): void {
    this.broadcast(Wire.CONTACT_VIEW, { contactId: id });
  }

  // ---- API requests ----------------------------------------------------------------------------

  handleApi(port: CcpPort, method: string, params: Record<string, unknown>): ApiResult {
    this.apiCalls.push({ port: port.id, method, params });
    switch (method) {
      case 'createOutboundContact': {
        const endpoint = params.endpoint as { phoneNumber?: string } | undefined;
        const number = endpoint?.phoneNumber ?? '';
        if (!/^\+[1-9]\d{5,14}$/.test(number)) {
          return fail('InvalidParameterException', `The phone number ${number || '(none)'} is not a dialable E.164 number.`, 400);
        }
        const arn = typeof params.queueARN === 'string' ? params.queueARN : null;
        this.onDial(port.id, { number, queueArn: arn, queue: this.queueName(arn) });
        return { ok: true, data: {} };
      }
      case 'getEndpoints':
        return { ok: true, data: { endpoints: [], nextToken: null } };
      case 'createTransport': {
        const expiry = new Date(this.nowMs() + 12 * 3600_000).toISOString();
        if (params.transportType === 'chat_token') {
          return {
            ok: true,
            data: { chatTokenTransport: { participantToken: chatToken(String(params.contactId), String(params.participantId)), expiry } },
          };
        }
        return { ok: true, data: { webSocketTransport: { url: 'wss://sim.invalid/socket', expiry, transportLifeTimeInSeconds: 7200 } } };
      }
      case 'AgentAppService.Lcms.getContact': {
        const c = this.contacts.get(String(params.contactId));
        const speakerId = c?.voiceId?.speakerId;
        return { ok: true, data: { contactData: speakerId ? { customerId: speakerId } : {} } };
      }
      case 'AgentAppService.Acs.listIntegrationAssociations':
        return {
          ok: true,
          data: { IntegrationAssociationSummaryList: [{ IntegrationArn: `arn:aws:voiceid:${SIM_REGION}:${ACCOUNT}:domain/${VOICE_ID_DOMAIN}` }] },
        };
      case 'AgentAppService.VoiceId.describeSpeaker': {
        const speaker = String(params.SpeakerId ?? '');
        const c = [...this.contacts.values()].find((k) => k.voiceId?.speakerId === speaker);
        const status = c?.voiceId?.status ?? '';
        if (status !== 'ENROLLED' && status !== 'OPTED_OUT') return fail('ResourceNotFoundException', 'Speaker not found', 404);
        return {
          ok: true,
          data: { Speaker: { CustomerSpeakerId: speaker, DomainId: VOICE_ID_DOMAIN, GeneratedSpeakerId: `gen-${speaker}`, Status: status } },
        };
      }
      default:
        // Logs, metrics, state changes: accepted as Connect accepts them.
        return { ok: true, data: {} };
    }
  }

  /** Requests of the Amazon Connect SDK channel (namespace aws.connect.contact...); undefined: not supported. */
  handleSdk(namespace: string, command: string, data: Record<string, unknown>): unknown {
    if (namespace === 'aws.connect.contact' && (command === 'contact/getInstanceDetails' || command === 'contact/getContactRegion')) {
      return this.contacts.has(String(data.contactId)) ? { region: SIM_REGION, origin: this.ccpOrigin } : undefined;
    }
    return undefined;
  }

  /** The origin of the instance's CCP, as the agent's browser loads it. */
  ccpOrigin = 'https://example.my.connect.aws';

  /** worker.js handleMasterRequest: the first port to ask for a topic becomes its master. */
  handleMaster(portId: string, method: string, params: Record<string, unknown>): Record<string, unknown> {
    const topic = String(params.topic ?? '');
    if (method === 'becomeMaster') {
      const was = this.masters.get(topic);
      this.masters.set(topic, portId);
      return { masterId: portId, takeOver: Boolean(was) && was !== portId, topic };
    }
    let master = this.masters.get(topic);
    if (!master && !params.shouldNotBecomeMasterIfNone) {
      master = portId;
      this.masters.set(topic, portId);
    }
    return { masterId: master ?? null, isMaster: master === portId, topic };
  }

  // ---- the Connect Participant Service's view of a chat ---------------------------------------

  /** The transcript items of a chat, oldest first, shaped as GetTranscript's Item. */
  transcriptItems(token: string): Record<string, unknown>[] | null {
    const contactId = contactOfToken(token);
    const c = contactId ? this.contacts.get(contactId) : undefined;
    if (!c) return null;
    return c.messages.map((m) => itemOf(c, m));
  }

  // ---- building the snapshot -------------------------------------------------------------------

  private newContact(spec: SimContactSpec, firstEvent: string): ContactRecord {
    const now = this.nowMs();
    const conn = (type: Connection['type'], initial: boolean, state: ConnectionState, endpoint: Connection['endpoint'], chat = false): Connection => ({
      connectionId: `${spec.id}-${type}-${++this.seq}`,
      type,
      initial,
      state,
      since: now,
      endpoint,
      chat,
      monitorStatus: null,
    });
    const phone = (n: string | null) => ({ type: 'phone_number', phoneNumber: n, name: null, agentLogin: null, endpointARN: null, queue: null });
    const agentEndpoint = { type: 'agent', phoneNumber: null, name: null, agentLogin: null, endpointARN: null, queue: null };
    const outbound = spec.initiation === 'outbound' || firstEvent === 'dialing';
    let type: string = spec.channel;
    let connections: Connection[];
    if (spec.monitoring && (this.options.monitoringShape ?? 'fixture') === 'fixture') {
      // test/unit/sample-snapshots.js monitoringVoiceContact: one connection, of type monitoring.
      connections = [conn('monitoring', true, 'connected', null)];
    } else if (spec.channel === 'task' || spec.channel === 'email') {
      connections = [conn('agent', true, 'connecting', null)];
    } else if (spec.channel === 'chat') {
      connections = [conn('agent', false, 'connecting', agentEndpoint, true), conn('inbound', true, 'connected', null)];
    } else {
      if (spec.initiation === 'callback') type = 'queue_callback';
      connections = [
        conn('agent', false, outbound ? 'connected' : 'connecting', agentEndpoint),
        conn(outbound ? 'outbound' : 'inbound', true, outbound ? 'connecting' : 'connected', phone(spec.customer)),
      ];
      if (spec.monitoring) {
        const a = connections[0];
        if (a) {
          a.type = 'monitoring';
          a.monitorStatus = 'SILENT_MONITOR';
        }
      }
    }
    return {
      spec,
      type,
      state: type === 'queue_callback' ? 'incoming' : 'connecting',
      since: now,
      queuedAt: now,
      connections,
      messages: [],
      voiceId: null,
    };
  }

  private snapshot(): Record<string, unknown> {
    const now = this.nowMs();
    const contacts = [...this.contacts.values()].sort((a, b) => a.since - b.since).map((c) => this.contactData(c));
    const busy = [...this.contacts.values()].some((c) => CONTACT_ACTIVE.includes(c.state));
    const missed = [...this.contacts.values()].some((c) => c.state === 'missed' || c.state === 'error');
    const acw = [...this.contacts.values()].some((c) => c.state === 'ended');
    const state =
      missed ? { agentStateARN: null, name: 'MissedCallAgent', startTimestamp: new Date(now), type: 'error' }
      : busy ? { agentStateARN: null, name: 'Busy', startTimestamp: new Date(now), type: 'system' }
      : acw ? { agentStateARN: null, name: 'AfterCallWork', startTimestamp: new Date(now), type: 'system' }
      : { agentStateARN: `${ARN_BASE}/agent-state/available`, name: 'Available', startTimestamp: new Date(now), type: 'routable' };
    return {
      agentAvailabilityState: { state: 'Available', timeStamp: new Date(now) },
      contacts,
      nextState: null,
      snapshotTimestamp: new Date(now),
      state,
      status: state,
      localTimestamp: now,
      skew: 0,
    };
  }

  private contactData(c: ContactRecord): Record<string, unknown> {
    const s = c.spec;
    const monitoringFixture = s.monitoring && (this.options.monitoringShape ?? 'fixture') === 'fixture';
    const queue = s.queue && !monitoringFixture ? { name: s.queue, queueARN: queueArnOf(s.queue), queueId: queueArnOf(s.queue) } : null;
    const state = { type: c.state, timestamp: new Date(c.since) };
    const references =
      s.channel === 'task'
        ? Object.fromEntries(Object.entries(s.references).map(([k, value]) => [k, { type: 'STRING', value }]))
        : null;
    return {
      attributes: Object.fromEntries(Object.entries(s.attributes).map(([name, value]) => [name, { name, value }])),
      channelContext: s.channel === 'task' ? { taskTemplateVersion: null } : null,
      connections: c.connections.map((k) => connectionData(c, k)),
      contactDuration: String(Math.max(0, Math.round((this.nowMs() - c.queuedAt) / 1000))),
      contactFeatures: { attachmentsEnabled: null, messagingMarkdownEnabled: null, multiPartyConferenceEnabled: false },
      contactId: s.id,
      description: s.description,
      // The fixture's monitoring contact has no initial contact id; a scenario names the monitored one.
      initialContactId: s.initialContactId ?? (monitoringFixture ? null : s.id),
      // A scenario's initiations are spelt as Streams' ContactInitiationMethod values (index.d.ts).
      initiationMethod: s.monitoring && !monitoringFixture ? 'monitor' : monitoringFixture ? null : s.initiation,
      name: s.name,
      queue,
      queueTimestamp: monitoringFixture ? null : new Date(c.queuedAt),
      references,
      relatedContactId: s.previousContactId,
      connectSystemEndpoint: s.system ? { type: 'phone_number', phoneNumber: s.system, name: null, agentLogin: null, endpointARN: null, queue: null } : null,
      state,
      status: state,
      type: c.type,
    };
  }

  private configuration(): Record<string, unknown> {
    const q = (name: string) => ({ name, queueARN: queueArnOf(name), queueId: queueArnOf(name) });
    const rp = `${ARN_BASE}/routing-profile/${encodeURIComponent(this.profile.name)}`;
    const def = this.profile.default_outbound_queue ? q(this.profile.default_outbound_queue) : { name: null, queueARN: null, queueId: null };
    return {
      name: this.agentName,
      username: this.agentName,
      agentARN: `${ARN_BASE}/agent/${encodeURIComponent(this.agentName)}`,
      softphoneEnabled: true,
      softphoneAutoAccept: false,
      extension: '',
      permissions: ['outboundCall', 'voiceId'],
      dialableCountries: ['au', 'us', 'gb', 'de', 'fr'],
      agentStates: [
        { agentStateARN: `${ARN_BASE}/agent-state/available`, name: 'Available', type: 'routable' },
        { agentStateARN: `${ARN_BASE}/agent-state/offline`, name: 'Offline', type: 'offline' },
      ],
      routingProfile: {
        name: this.profile.name,
        routingProfileARN: rp,
        routingProfileId: rp,
        defaultOutboundQueue: def,
        // Every agent has a queue of its own (for transfers to that agent), unnamed.
        queues: [...this.profile.queues.map(q), { name: null, queueARN: this.agentQueueArn(), queueId: this.agentQueueArn() }],
        channelConcurrencyMap: { VOICE: 1, CHAT: 3, TASK: 10, EMAIL: 1 },
      },
    };
  }

  private agentQueueArn(): string {
    return `${ARN_BASE}/queue/agent/${encodeURIComponent(this.agentName)}`;
  }

  private queueName(arn: string | null): string | null {
    if (!arn) return this.profile.default_outbound_queue ?? null;
    return this.profile.queues.find((n) => queueArnOf(n) === arn) ?? null;
  }

  private deliverMessage(c: ContactRecord, m: SimMessage): void {
    const stored = { ...m, id: `${c.spec.id}-msg-${++this.seq}` };
    c.messages.push(stored);
    // The CCP's websocket carries the message on topic aws/chat; Streams relays it to ChatJS.
    const payload = { topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify(itemOf(c, stored)) };
    for (const id of this.chatSubscribers) this.ports.get(id)?.send(Wire.WS_ALL_MESSAGE, payload);
  }
}

function connectionData(c: ContactRecord, k: Connection): Record<string, unknown> {
  const state = { type: k.state, timestamp: new Date(k.since) };
  const voice = c.spec.channel === 'voice' && (k.type === 'agent' || k.type === 'monitoring');
  return {
    chatMediaInfo: k.chat
      ? {
          chatAutoAccept: false,
          connectionData: JSON.stringify({ ConnectionAuthenticationToken: chatToken(c.spec.id, k.connectionId) }),
          participantId: k.connectionId,
        }
      : null,
    connectionId: k.connectionId,
    endpoint: k.endpoint,
    address: k.endpoint,
    initial: k.initial,
    monitoringInfo: null,
    monitorStatus: k.monitorStatus,
    monitorCapabilities: k.monitorStatus ? ['SILENT_MONITOR', 'BARGE'] : null,
    mute: k.type === 'monitoring' ? null : false,
    quickConnectName: null,
    softphoneMediaInfo: voice
      ? { autoAccept: false, callConfigJson: '{}', callContextToken: 'sim', callType: k.type === 'monitoring' ? 'none' : 'audio_only', mediaLegContextToken: 'sim' }
      : null,
    state,
    status: state,
    type: k.type,
  };
}

function itemOf(c: ContactRecord, m: SimMessage & { id: string }): Record<string, unknown> {
  const agentConn = c.connections.find((k) => k.type === 'agent');
  return {
    AbsoluteTime: new Date(m.atMs).toISOString(),
    Content: m.text,
    ContentType: 'text/plain',
    Id: m.id,
    Type: 'MESSAGE',
    ParticipantId: m.role === 'AGENT' ? agentConn?.connectionId ?? 'agent' : `${c.spec.id}-${m.role.toLowerCase()}`,
    DisplayName: m.displayName,
    ParticipantRole: m.role,
    InitialContactId: c.spec.initialContactId ?? c.spec.id,
    ContactId: c.spec.id,
  };
}

const chatToken = (contactId: string, participantId: string) => `simtoken.${encodeURIComponent(contactId)}.${encodeURIComponent(participantId)}`;

function contactOfToken(token: string): string | null {
  const m = /^simtoken\.([^.]+)\./.exec(token);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

function fail(type: string, message: string, status?: number): ApiResult {
  const err: ApiFailure = { type, message, ...(status !== undefined ? { status } : {}) };
  return { ok: false, err };
}
