// Turns Streams' contact callbacks into the app's ContactEvents: one event of each kind per
// contact (Streams may repeat onEnded/onACW, and replays existing contacts after a reload),
// each preceded by the ones that must come before it.
import type { Channel, Initiation } from '../domain/types';
import type { ChatRole, ChatTranscriptItem, ConnectPort, ContactEvent, ContactSnapshot, ContactStage, RoutingProfile } from './types';
import type { SLAgent, SLContact, SLTranscriptItem, StreamsLike } from './streamsLike';

type Milestone = 'incoming' | 'dialing' | 'accepted' | 'connected' | 'missed' | 'rejected' | 'ended' | 'destroyed';

const INITIATIONS: Record<string, Initiation> = {
  inbound: 'inbound',
  outbound: 'outbound',
  transfer: 'transfer',
  queue_transfer: 'queue_transfer',
  callback: 'callback',
  api: 'api',
};

export function toSnapshot(c: SLContact): ContactSnapshot {
  const type = c.getType();
  const channel: Channel = type === 'chat' ? 'chat' : type === 'task' ? 'task' : 'voice';
  const method = (c.getInitiationMethod?.() ?? '').toLowerCase();
  const initiation: Initiation =
    type === 'queue_callback' ? 'callback' : INITIATIONS[method] ?? (c.isInbound() ? 'inbound' : 'outbound');
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.getAttributes() ?? {})) {
    if (v && typeof v.value === 'string') attributes[k] = v.value;
  }
  const references: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.getReferences?.() ?? {})) {
    if (v && typeof v.value === 'string') references[k] = v.value;
  }
  const agentConn = c.getAgentConnection();
  const monitorStatus = agentConn?.getMonitorStatus?.() ?? null;
  const id = c.getContactId();
  return {
    id,
    channel,
    initiation,
    customerEndpoint: channel === 'voice' ? c.getInitialConnection()?.getEndpoint()?.phoneNumber ?? null : null,
    systemEndpoint: c.getConnectSystemEndpoint?.()?.phoneNumber ?? null,
    queue: c.getQueue()?.name ?? null,
    attributes,
    initialContactId: c.getInitialContactId() || id,
    previousContactId: c.getRelatedContactId?.() ?? null,
    name: c.getName?.() || null,
    description: c.getDescription?.() || null,
    references,
    monitoring: method === 'monitor' || (monitorStatus !== null && monitorStatus !== 'AGENT' && monitorStatus !== ''),
  };
}

function roleOf(r: string | undefined): ChatRole {
  return r === 'CUSTOMER' ? 'CUSTOMER' : r === 'AGENT' ? 'AGENT' : 'SYSTEM';
}

export class StreamsAdapter implements ConnectPort {
  private handlers: ((e: ContactEvent) => void)[] = [];
  private agentHandlers: ((p: RoutingProfile, name: string) => void)[] = [];
  private contacts = new Map<string, { c: SLContact; seen: Set<Milestone>; onHold: boolean }>();
  private agent: SLAgent | null = null;
  private early: ContactEvent[] = [];
  private focusHandlers: ((contactId: string) => void)[] = [];
  private profile: { profile: RoutingProfile; name: string } | null = null;

  constructor(
    private readonly streams: StreamsLike,
    /** Loads ChatJS, which Streams needs for chat media; called when the first chat arrives. */
    private readonly loadChat: () => Promise<void> = async () => undefined,
  ) {
    streams.agent((agent) => {
      this.agent = agent;
      const p = agent.getRoutingProfile();
      const profile: RoutingProfile = {
        name: p.name,
        queues: p.queues.filter((q) => q.name).map((q) => ({ name: q.name as string, arn: q.queueARN })),
        defaultOutboundQueue: p.defaultOutboundQueue?.name ? { name: p.defaultOutboundQueue.name, arn: p.defaultOutboundQueue.queueARN } : null,
      };
      this.profile = { profile, name: agent.getName() };
      for (const h of this.agentHandlers) h(profile, agent.getName());
    });
    streams.contact((c) => this.track(c));
    streams.core.onViewContact?.((e) => {
      for (const h of this.focusHandlers) h(e.contactId);
    });
  }

  onContactFocused(handler: (contactId: string) => void): void {
    this.focusHandlers.push(handler);
  }

  onContactEvent(handler: (event: ContactEvent) => void): void {
    this.handlers.push(handler);
    // Contacts Streams reported before anyone listened (existing ones after a reload, or new
    // ones while the app was still reading its settings) are handed over now, in order.
    const early = this.early;
    this.early = [];
    for (const e of early) handler(e);
  }

  onAgentReady(handler: (profile: RoutingProfile, agentName: string) => void): void {
    this.agentHandlers.push(handler);
    if (this.profile) handler(this.profile.profile, this.profile.name);
  }

  dial(number: string, queueArn: string | null): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.agent) return reject(new Error('The Contact Control Panel is not signed in yet.'));
      this.agent.connect(this.streams.Endpoint.byPhoneNumber(number), {
        ...(queueArn ? { queueARN: queueArn } : {}),
        success: () => resolve(),
        failure: (err) => reject(new Error(`Amazon Connect could not place the call: ${err}`)),
      });
    });
  }

  focusContact(contactId: string): void {
    this.streams.core.viewContact?.(contactId);
  }

  contactStage(contactId: string): ContactStage {
    const t = this.contacts.get(contactId);
    if (t) {
      if (t.seen.has('ended')) return 'ended';
      if (t.seen.has('connected')) return 'connected';
      if (t.seen.has('accepted')) return 'accepted';
      return 'offered';
    }
    if (!this.agent) return 'unknown';
    return this.agent.getContacts().some((c) => c.getContactId() === contactId) ? 'offered' : 'gone';
  }

  async voiceIdState(contactId: string): Promise<{ status: string; speakerId: string | null } | null> {
    const conn = this.contacts.get(contactId)?.c.getInitialConnection();
    if (!conn?.getVoiceIdSpeakerStatus) return null;
    try {
      const [status, speaker] = await Promise.all([conn.getVoiceIdSpeakerStatus(), conn.getVoiceIdSpeakerId?.()]);
      return { status: enrolment(status), speakerId: speakerIdOf(speaker) };
    } catch {
      return null;
    }
  }

  async getTranscript(contactId: string): Promise<ChatTranscriptItem[]> {
    const t = this.contacts.get(contactId);
    if (t?.c.getType() === 'chat') await this.loadChat();
    const ctl = await t?.c.getAgentConnection()?.getMediaController?.();
    if (!ctl) return [];
    const items: ChatTranscriptItem[] = [];
    let nextToken: string | undefined;
    // Follow NextToken to the end: long chats span many pages.
    for (let page = 0; page < 1000; page++) {
      const res = await ctl.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', ...(nextToken ? { nextToken } : {}) });
      for (const m of res.data.Transcript) items.push(toItem(m));
      nextToken = res.data.NextToken;
      if (!nextToken) break;
    }
    return items.filter((i) => i.text !== '');
  }

  private emit(e: ContactEvent): void {
    if (this.handlers.length === 0) this.early.push(e);
    for (const h of this.handlers) h(e);
  }

  private track(c: SLContact): void {
    const id = c.getContactId();
    if (this.contacts.has(id)) return;
    const t = { c, seen: new Set<Milestone>(), onHold: false };
    this.contacts.set(id, t);
    const reach = (m: Milestone) => this.reach(id, m);
    c.onIncoming(() => reach('incoming'));
    c.onConnecting(() => reach(c.isInbound() ? 'incoming' : 'dialing'));
    c.onAccepted(() => reach('accepted'));
    c.onConnected(() => reach('connected'));
    c.onMissed(() => reach('missed'));
    c.onEnded(() => reach('ended'));
    c.onACW(() => reach('ended'));
    c.onDestroy(() => reach('destroyed'));
    c.onRefresh(() => {
      const hold = c.getAgentConnection()?.isOnHold?.() ?? false;
      if (hold !== t.onHold) {
        t.onHold = hold;
        this.emit({ type: hold ? 'hold' : 'resume', contact: toSnapshot(c) });
      }
    });
    if (c.getType() === 'chat') {
      void this.loadChat()
        .then(() => c.getAgentConnection()?.getMediaController?.())
        .then((ctl) =>
          ctl?.onMessage?.((ev) => {
            const item = toItem(ev.data);
            if (item.text) this.emit({ type: 'message', contact: toSnapshot(c), role: item.role, text: item.text });
          }),
        )
        .catch(() => undefined);
    }
    // A contact that already exists (after a reload) reports the state it is in now.
    const status = c.getStatus().type;
    if (status === 'connected') reach('connected');
    else if (status === 'ended' || status === 'acw') reach('ended');
    else if (status === 'missed') reach('missed');
    else if (status === 'connecting' || status === 'incoming') reach(c.isInbound() ? 'incoming' : 'dialing');
  }

  private reach(id: string, m: Milestone): void {
    const t = this.contacts.get(id);
    if (!t || t.seen.has(m)) return;
    const first: Milestone = t.c.isInbound() ? 'incoming' : 'dialing';
    const before: Milestone[] =
      m === 'accepted' ? [first]
      : m === 'connected' ? [first, 'accepted']
      : m === 'ended' ? (t.seen.has('missed') ? [] : [first, 'accepted', 'connected'])
      : m === 'missed' ? [first]
      : m === 'destroyed' ? [first]
      : [];
    if (m === 'destroyed' && !t.seen.has('accepted') && !t.seen.has('missed') && !t.seen.has('ended')) before.push('rejected');
    for (const b of before) if (!t.seen.has(b)) this.fire(t, b);
    this.fire(t, m);
    if (m === 'destroyed') this.contacts.delete(id);
  }

  private fire(t: { c: SLContact; seen: Set<Milestone> }, m: Milestone): void {
    t.seen.add(m);
    if (m === 'dialing' && t.seen.has('incoming')) return;
    this.emit({ type: m, contact: toSnapshot(t.c) } as ContactEvent);
  }
}

function toItem(m: SLTranscriptItem): ChatTranscriptItem {
  return {
    role: roleOf(m.ParticipantRole),
    displayName: m.DisplayName ?? '',
    text: m.Type === 'MESSAGE' || m.Type === undefined ? m.Content ?? '' : m.Content ?? eventText(m),
    atMs: m.AbsoluteTime ? Date.parse(m.AbsoluteTime) : 0,
  };
}

function eventText(m: SLTranscriptItem): string {
  const who = m.DisplayName || roleOf(m.ParticipantRole).toLowerCase();
  if (m.ContentType?.endsWith('participant.joined')) return `${who} joined the chat`;
  if (m.ContentType?.endsWith('participant.left')) return `${who} left the chat`;
  if (m.ContentType?.endsWith('chat.ended')) return 'The chat ended';
  return '';
}

/** Voice ID speaker status as the app stores it: ENROLLED, OPTED_OUT, or blank for anything else. */
function enrolment(raw: unknown): string {
  const status = findString(raw, 'Status') ?? (typeof raw === 'string' ? raw : '');
  const up = status.toUpperCase();
  return up === 'ENROLLED' || up === 'OPTED_OUT' ? up : '';
}

function speakerIdOf(raw: unknown): string | null {
  if (typeof raw === 'string') return raw || null;
  return findString(raw, 'SpeakerId') ?? findString(raw, 'GeneratedSpeakerId') ?? null;
}

/** Streams answers with the Voice ID API's JSON, nested a level or two deep. */
function findString(raw: unknown, key: string, depth = 0): string | null {
  if (!raw || typeof raw !== 'object' || depth > 3) return null;
  const obj = raw as Record<string, unknown>;
  if (typeof obj[key] === 'string') return obj[key] as string;
  for (const v of Object.values(obj)) {
    const hit = findString(v, key, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}
