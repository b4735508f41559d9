// UI state of one app instance (the top bar). The controller writes it; React reads it.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AssignmentMode, Channel, NoticeLevel } from '../domain/types';
import type { TalkPartnerEdition } from './talkPartnerEdition';

export type Direction = 'inbound' | 'outbound';
export type ContactPhase = 'ringing' | 'accepted' | 'connected' | 'ended';

export interface ContactView {
  id: string;
  channel: Channel;
  direction: Direction;
  /** Offered by Connect (inbound, transfers, queued callbacks), as opposed to dialled by the agent. */
  offered: boolean;
  phase: ContactPhase;
  queue: string | null;
  /** Who is on the line, as the agent should read it (number, name or "Withheld number"). */
  customerLabel: string;
  mode: AssignmentMode;
  ticketId: number | null;
  userId: number | null;
  /** Manual mode is waiting for Create ticket / Attach to current (or No ticket, tasks). */
  awaitingAgent: boolean;
  /** A click is being carried out. */
  busy: boolean;
  /** Voice ID enrolment as Connect reports it (ENROLLED, OPTED_OUT, "" = not enrolled); absent when unknown. */
  voiceIdStatus?: string;
}

export type Viewing = { kind: 'ticket'; id: number; requesterId: number | null } | { kind: 'user'; id: number } | null;

export interface UiNotice {
  id: number;
  level: NoticeLevel;
  text: string;
}

export type CcpStatus =
  | { kind: 'starting' }
  | { kind: 'ready' }
  | { kind: 'settings_error'; problems: string[] }
  | { kind: 'ccp_unreachable'; origin: string };

export interface AppState {
  ccp: CcpStatus;
  settingsWarnings: string[];
  agentName: string | null;
  contacts: ContactView[];
  focusedContactId: string | null;
  viewing: Viewing;
  notices: UiNotice[];
  queues: string[];
  defaultOutboundQueue: string | null;
  outboundQueuePick: string | null;
  zendeskTrouble: string | null;
  /** What Zendesk's answers showed of Talk Partner Edition (diagnostics). */
  talkPartnerEdition: TalkPartnerEdition;
  /** `voice.error` reports, newest last (diagnostics; click-to-dial does not work). */
  voiceErrors: string[];
}

export function createAppStore(): StoreApi<AppState> {
  return createStore<AppState>(() => ({
    ccp: { kind: 'starting' },
    settingsWarnings: [],
    agentName: null,
    contacts: [],
    focusedContactId: null,
    viewing: null,
    notices: [],
    queues: [],
    defaultOutboundQueue: null,
    outboundQueuePick: null,
    zendeskTrouble: null,
    talkPartnerEdition: { kind: 'unknown' },
    voiceErrors: [],
  }));
}

export function patchContact(store: StoreApi<AppState>, id: string, patch: Partial<ContactView>): void {
  store.setState((s) => ({ contacts: s.contacts.map((c) => (c.id === id ? { ...c, ...patch } : c)) }));
}
