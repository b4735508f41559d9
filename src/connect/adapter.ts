// Turns Streams' contact callbacks into the app's ContactEvents: one event of each kind per
// contact, each preceded by the ones that must come before it, decided from the contact's state
// as Streams reports it, never from which callback fired. Facts of amazon-connect-streams 2.28
// this relies on (core.js AgentDataProvider, contactEventGraph; api.js):
// - Every callback gets the contact Streams passes. For destroyed, and for the ended Streams fires
//   when a contact leaves without after contact work, that is a ContactSnapshot of its last data;
//   for the others a live Contact, whose getters throw StateError once the contact is gone. So
//   each handler reads what it passes, and a contact is never re-read after it left.
// - An unanswered contact goes connecting -> missed (or error, or rejected): Streams fires
//   onEnded *before* onMissed there. Missed and rejected are states, never an answered call.
// - onAccepted gets the broadcast data (a plain { contactId }), not a Contact.
// - Contacts that exist when the page loads arrive through the first agent snapshot, in any
//   state, including error, rejected, pending and paused. One that is missed, in error or
//   rejected by then is over: only that is reported, not an offer that no longer rings.
// - Hold is the customer's connection (Connection.isOnHold on the initial connection).
// - A supervisor's monitoring contact may come as one connection of type `monitoring` (Streams'
//   own fixture) or as a leg with a monitor status.
// - getVoiceIdSpeakerId() resolves { speakerId }; getVoiceIdSpeakerStatus() the Voice ID
//   DescribeSpeaker answer ({ Speaker: { Status } }) or, for a speaker not enrolled, the error.
//   Both reject with a VoiceIdError of type no_speaker_id_found while the contact has no speaker.
// - agent.connect's failure callback gets Connect's error as JSON text, and nothing answers a
//   request whose reply is lost: the dial has its own time limit.
// - Connect serves a chat's transcript only while the contact exists (connected or in after
//   contact work). One that leaves without after contact work is gone by the time Streams says it
//   ended: its transcript is what was read, and what arrived, while it was there.
import type { Clock } from '../domain/clock';
import type { Channel, Initiation } from '../domain/types';
import type { ChatRole, ChatTranscriptItem, ConnectPort, ContactEvent, ContactSnapshot, ContactStage, RoutingProfile } from './types';
import type { SLAgent, SLChatController, SLContact, SLTranscriptItem, StreamsLike } from './streamsLike';

type Milestone = 'offered' | 'accepted' | 'connected' | 'missed' | 'rejected' | 'ended' | 'destroyed';
type Terminal = 'missed' | 'rejected' | 'ended';

const INITIATIONS: Record<string, Initiation> = {
  inbound: 'inbound',
  outbound: 'outbound',
  transfer: 'transfer',
  queue_transfer: 'queue_transfer',
  callback: 'callback',
  api: 'api',
  callback_customer_first_dialed: 'callback',
  callback_customer_first_queued: 'callback',
};

const MONITOR_STATUSES = new Set(['SILENT_MONITOR', 'BARGE']);
const DIAL_TIMEOUT_MS = 30_000;
/** Chats that left, whose kept transcript can still be asked for (the app reads it as they end). */
const KEPT_TRANSCRIPTS = 10;

function channelOf(type: string): Channel {
  return type === 'chat' ? 'chat' : type === 'task' ? 'task' : type === 'email' ? 'email' : 'voice';
}

export function toSnapshot(c: SLContact): ContactSnapshot {
  const type = c.getType();
  const channel = channelOf(type);
  const method = (c.getInitiationMethod?.() ?? '').toLowerCase();
  const connections = c.getConnections?.() ?? [];
  const monitoring =
    method === 'monitor' ||
    connections.some((k) => k.getType?.() === 'monitoring') ||
    MONITOR_STATUSES.has(String(c.getAgentConnection()?.getMonitorStatus?.() ?? '').toUpperCase());
  const initial = c.getInitialConnection();
  const initialType = initial?.getType?.() ?? '';
  const initiation: Initiation =
    type === 'queue_callback'
      ? 'callback'
      : INITIATIONS[method] ?? (initialType === 'outbound' ? 'outbound' : 'inbound');
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.getAttributes() ?? {})) {
    if (v && typeof v.value === 'string') attributes[k] = v.value;
  }
  const references: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.getReferences?.() ?? {})) {
    if (v && typeof v.value === 'string') references[k] = v.value;
  }
  const id = c.getContactId();
  const customer = channel === 'voice' && initialType !== 'agent' && initialType !== 'monitoring' ? initial?.getEndpoint()?.phoneNumber ?? null : null;
  return {
    id,
    channel,
    initiation,
    customerEndpoint: customer || null,
    systemEndpoint: c.getConnectSystemEndpoint?.()?.phoneNumber ?? null,
    queue: c.getQueue()?.name ?? null,
    attributes,
    initialContactId: c.getInitialContactId() || id,
    previousContactId: c.getRelatedContactId?.() ?? null,
    name: c.getName?.() || null,
    description: c.getDescription?.() || null,
    references,
    monitoring,
  };
}

/** What a contact's Streams state says about how far it got. */
function milestoneOfState(state: string): Milestone | null {
  switch (state) {
    case 'init':
    case 'incoming':
    case 'pending':
    case 'connecting':
      return 'offered';
    case 'connected':
    case 'paused':
      return 'connected';
    case 'missed':
    case 'error':
      return 'missed';
    case 'rejected':
      return 'rejected';
    case 'ended':
      return 'ended';
    default:
      return null;
  }
}

function roleOf(r: string | undefined): ChatRole {
  return r === 'CUSTOMER' ? 'CUSTOMER' : r === 'AGENT' ? 'AGENT' : 'SYSTEM';
}

interface Tracked {
  /** The live contact Streams handed over first (valid while the contact exists). */
  live: SLContact;
  /** The contact as last read. */
  last: ContactSnapshot;
  state: string;
  seen: Set<Milestone>;
  onHold: boolean;
  gone: boolean;
  /**
   * A chat's media controller, taken while the agent's connection is live: Streams hands out
   * no controller for a connection that is no longer active (after contact work), while the
   * ChatJS session it holds still reads the transcript.
   */
  media: Promise<SLChatController | undefined> | null;
  /** A chat's transcript as last read, with the messages that came since (by item id). */
  kept: Map<string, SLTranscriptItem> | null;
}

export interface StreamsAdapterOptions {
  /** Time for the dial's limit; without one the dial waits for Connect's answer. */
  clock?: Clock;
  dialTimeoutMs?: number;
}

export class StreamsAdapter implements ConnectPort {
  private handlers: ((e: ContactEvent) => void)[] = [];
  private agentHandlers: ((p: RoutingProfile, name: string) => void)[] = [];
  private contacts = new Map<string, Tracked>();
  private agent: SLAgent | null = null;
  private early: ContactEvent[] = [];
  private focusHandlers: ((contactId: string) => void)[] = [];
  private profile: { profile: RoutingProfile; name: string } | null = null;
  /** Transcripts of chats that left, newest last. */
  private leftTranscripts = new Map<string, SLTranscriptItem[]>();

  constructor(
    private readonly streams: StreamsLike,
    private readonly options: StreamsAdapterOptions = {},
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
      const agent = this.agent;
      if (!agent) return reject(new Error('The Contact Control Panel is not signed in yet.'));
      let settled = false;
      const settle = (err: Error | null) => {
        if (settled) return;
        settled = true;
        if (err) reject(err);
        else resolve();
      };
      const clock = this.options.clock;
      if (clock) {
        void clock.sleep(this.options.dialTimeoutMs ?? DIAL_TIMEOUT_MS).then(() =>
          settle(new Error('Amazon Connect did not answer the request to place the call. Check the Contact Control Panel, then dial again.')),
        );
      }
      try {
        agent.connect(this.streams.Endpoint.byPhoneNumber(number), {
          ...(queueArn ? { queueARN: queueArn } : {}),
          success: () => settle(null),
          failure: (err) => settle(new Error(`Amazon Connect could not place the call: ${connectErrorText(err)}`)),
        });
      } catch (err) {
        settle(new Error(`Amazon Connect could not place the call: ${connectErrorText(err)}`));
      }
    });
  }

  focusContact(contactId: string): void {
    this.streams.core.viewContact?.(contactId);
  }

  contactStage(contactId: string): ContactStage {
    const t = this.contacts.get(contactId);
    if (t) {
      if (t.gone) return 'gone';
      if (t.seen.has('ended')) return 'ended';
      if (t.seen.has('connected')) return 'connected';
      if (t.seen.has('accepted')) return 'accepted';
      return 'offered';
    }
    if (!this.agent) return 'unknown';
    try {
      return this.agent.getContacts().some((c) => c.getContactId() === contactId) ? 'offered' : 'gone';
    } catch {
      return 'unknown';
    }
  }

  async voiceIdState(contactId: string): Promise<{ status: string; speakerId: string | null } | null> {
    const t = this.contacts.get(contactId);
    if (!t || t.gone) return null;
    let conn;
    try {
      conn = t.live.getInitialConnection();
    } catch {
      return null;
    }
    if (!conn?.getVoiceIdSpeakerStatus) return null;
    // Each may fail on its own (no speaker id yet, not enrolled): take what answers.
    const [status, speaker] = await Promise.allSettled([conn.getVoiceIdSpeakerStatus(), conn.getVoiceIdSpeakerId?.()]);
    // Connect's answer "this call has no speaker" is an answer: the caller is not enrolled.
    if (status.status === 'rejected' && noSpeaker(status.reason)) return { status: '', speakerId: null };
    if (status.status === 'rejected' && speaker.status === 'rejected') return null;
    return {
      status: status.status === 'fulfilled' ? enrolment(status.value) : '',
      speakerId: speaker.status === 'fulfilled' ? speakerIdOf(speaker.value) : null,
    };
  }

  async getTranscript(contactId: string): Promise<ChatTranscriptItem[]> {
    const t = this.contacts.get(contactId);
    let raw: SLTranscriptItem[] | undefined = this.leftTranscripts.get(contactId);
    if (t && !t.gone) raw = (await this.readTranscript(t).catch(() => undefined)) ?? (t.kept ? [...t.kept.values()] : undefined);
    return (raw ?? []).map(toItem).filter((i) => i.text !== '');
  }

  /** The whole transcript from Connect, oldest first (ChatJS scans backward unless told), following NextToken to the end. */
  private async readTranscript(t: Tracked): Promise<SLTranscriptItem[] | undefined> {
    const ctl = await (t.media ?? this.mediaOf(t)).catch(() => undefined);
    if (!ctl) return undefined;
    const items: SLTranscriptItem[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const res = await ctl.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'FORWARD', ...(nextToken ? { nextToken } : {}) });
      items.push(...res.data.Transcript);
      nextToken = res.data.NextToken;
      if (!nextToken) break;
    }
    if (t.kept) {
      // What Connect holds, then what arrived meanwhile and is not in it yet.
      const kept = new Map(items.map((m, i) => [m.Id ?? `#${i}`, m]));
      for (const [id, m] of t.kept) if (!kept.has(id)) kept.set(id, m);
      t.kept = kept;
    }
    return items;
  }

  private emit(e: ContactEvent): void {
    if (this.handlers.length === 0) this.early.push(e);
    for (const h of this.handlers) h(e);
  }

  private track(c: SLContact): void {
    const id = c.getContactId();
    if (this.contacts.has(id)) return;
    const t: Tracked = { live: c, last: toSnapshot(c), state: safeState(c) ?? 'init', seen: new Set(), onHold: false, gone: false, media: null, kept: null };
    this.contacts.set(id, t);
    const observe = (from: unknown, ending = false) => this.observe(t, from, ending);
    c.onRefresh((x) => observe(x));
    c.onIncoming((x) => observe(x));
    c.onPending?.((x) => observe(x));
    c.onConnecting((x) => observe(x));
    c.onConnected((x) => observe(x));
    c.onMissed((x) => observe(x));
    c.onError?.((x) => observe(x));
    c.onACW((x) => observe(x));
    c.onEnded((x) => observe(x, true));
    c.onAccepted(() => {
      if (!t.gone) this.reach(t, 'accepted');
    });
    c.onDestroy((x) => {
      observe(x, true);
      this.finish(t);
    });
    if (t.last.channel === 'chat') this.listenForMessages(t);
    // A contact first seen already unanswered and over (a reload while it shows missed, in error
    // or rejected) rings no more: it is reported as that alone, its offer is not replayed.
    const first = milestoneOfState(t.state);
    if (first === 'missed' || first === 'rejected') t.seen.add('offered');
    // A contact that already exists (after a reload) reports the state it is in now.
    observe(c);
  }

  /**
   * Reads the state of the contact a callback passed (a live Contact, or the ContactSnapshot of
   * one that left) and moves the contact on to it. `ending`: Streams says it ended or left.
   */
  private observe(t: Tracked, from: unknown, ending: boolean): void {
    if (t.gone) return;
    const c = isContact(from) ? from : t.live;
    const state = safeState(c);
    if (state === null) return;
    try {
      t.last = toSnapshot(c);
    } catch {
      // Keep the last good reading.
    }
    t.state = state;
    this.followHold(t, c);
    let m = milestoneOfState(state);
    // A contact that leaves while still offered was never answered; one that leaves while
    // connected ended without after contact work.
    if (ending && m === 'offered') m = 'missed';
    if (ending && m === 'connected') m = 'ended';
    if (m) this.reach(t, m);
  }

  private followHold(t: Tracked, c: SLContact): void {
    if (t.last.channel !== 'voice') return;
    let hold: boolean;
    try {
      hold = c.getInitialConnection()?.isOnHold?.() ?? false;
    } catch {
      return;
    }
    if (hold !== t.onHold && t.seen.has('connected') && !this.terminal(t)) {
      t.onHold = hold;
      this.emit({ type: hold ? 'hold' : 'resume', contact: t.last });
    }
  }

  private terminal(t: Tracked): Terminal | null {
    return t.seen.has('ended') ? 'ended' : t.seen.has('missed') ? 'missed' : t.seen.has('rejected') ? 'rejected' : null;
  }

  private reach(t: Tracked, m: Milestone): void {
    if (t.seen.has(m) || this.terminal(t)) return;
    const chain: Milestone[] =
      m === 'accepted' ? ['offered']
      : m === 'connected' ? ['offered', 'accepted']
      : m === 'ended' ? ['offered', 'accepted', 'connected']
      : m === 'missed' || m === 'rejected' ? ['offered']
      : [];
    for (const b of chain) if (!t.seen.has(b)) this.fire(t, b);
    this.fire(t, m);
  }

  /** The contact left: it ends as it stood (unanswered ones were missed), then goes. */
  private finish(t: Tracked): void {
    if (t.gone) return;
    if (!this.terminal(t)) this.reach(t, t.seen.has('connected') ? 'ended' : 'missed');
    this.fire(t, 'destroyed');
    t.gone = true;
    this.contacts.delete(t.last.id);
    if (t.kept) {
      this.leftTranscripts.set(t.last.id, [...t.kept.values()]);
      for (const id of this.leftTranscripts.keys()) {
        if (this.leftTranscripts.size <= KEPT_TRANSCRIPTS) break;
        this.leftTranscripts.delete(id);
      }
    }
  }

  private fire(t: Tracked, m: Milestone): void {
    t.seen.add(m);
    // A connected chat's transcript so far (what came before the agent joined): kept in case it leaves.
    if (m === 'connected' && t.kept) void this.readTranscript(t).catch(() => undefined);
    const type = m === 'offered' ? (t.last.initiation === 'outbound' ? 'dialing' : 'incoming') : m;
    this.emit({ type, contact: t.last } as ContactEvent);
  }

  private mediaOf(t: Tracked): Promise<SLChatController | undefined> {
    try {
      return Promise.resolve(t.live.getAgentConnection()?.getMediaController?.());
    } catch (err) {
      return Promise.reject(err);
    }
  }

  private listenForMessages(t: Tracked): void {
    t.kept = new Map();
    t.media = this.mediaOf(t);
    // A failed controller (no ChatJS, no connection) is asked again when the transcript is read.
    t.media.catch(() => (t.media = null));
    void t.media
      .then((controller) =>
        controller?.onMessage?.((ev) => {
          if (t.kept && !t.kept.has(ev.data.Id ?? '')) t.kept.set(ev.data.Id ?? `live-${t.kept.size}`, ev.data);
          const item = toItem(ev.data);
          if (item.text && !t.gone) this.emit({ type: 'message', contact: t.last, role: item.role, text: item.text });
        }),
      )
      .catch(() => undefined);
  }
}

function isContact(x: unknown): x is SLContact {
  return typeof x === 'object' && x !== null && typeof (x as { getStatus?: unknown }).getStatus === 'function';
}

function safeState(c: SLContact): string | null {
  try {
    return c.getStatus().type;
  } catch {
    return null;
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

/** Connect's failure as an agent can read it: its message, not its JSON. */
export function connectErrorText(err: unknown): string {
  let e: unknown = err;
  if (typeof err === 'string') {
    try {
      e = JSON.parse(err);
    } catch {
      return err.trim() || 'no reason given';
    }
  }
  if (e instanceof Error && e.message) return e.message;
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    const msg = [o.message, o.errorMessage, o.Message].find((v) => typeof v === 'string' && v.trim());
    if (typeof msg === 'string') return msg.trim();
    if (typeof o.type === 'string') return o.type;
  }
  return 'no reason given';
}

/** Voice ID speaker status as the app stores it: ENROLLED, OPTED_OUT, or blank for anything else. */
function enrolment(raw: unknown): string {
  const status = findString(raw, 'Status') ?? (typeof raw === 'string' ? raw : '');
  const up = status.toUpperCase();
  return up === 'ENROLLED' || up === 'OPTED_OUT' ? up : '';
}

/** Streams' VoiceIdError for a call whose contact carries no speaker id (VoiceIdErrorTypes.NO_SPEAKER_ID_FOUND). */
function noSpeaker(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { type?: unknown }).type === 'no_speaker_id_found';
}

function speakerIdOf(raw: unknown): string | null {
  if (typeof raw === 'string') return raw || null;
  return findString(raw, 'speakerId') ?? findString(raw, 'SpeakerId') ?? findString(raw, 'CustomerSpeakerId') ?? null;
}

/** Streams answers with the Voice ID API's JSON, nested a level or two deep. */
function findString(raw: unknown, key: string, depth = 0): string | null {
  if (!raw || typeof raw !== 'object' || depth > 3) return null;
  const obj = raw as Record<string, unknown>;
  if (typeof obj[key] === 'string' && obj[key]) return obj[key] as string;
  for (const v of Object.values(obj)) {
    const hit = findString(v, key, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}
