// Per-contact progress, written as it happens so that a reload or another tab carries on
// where this one stopped instead of repeating work. Backed by localStorage in Zendesk and by
// an in-memory map (per agent browser) in the simulator.
import type { ContactConfig } from '../domain/config';
import type { Assignment, AssignmentMode, CallerFact, Decision } from '../domain/types';
import type { ChatTranscriptItem, ContactSnapshot } from '../connect/types';
import type { TicketDetails } from '../zendesk/gateway';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

export interface ContactRecord {
  id: string;
  snapshot: ContactSnapshot;
  direction: 'inbound' | 'outbound';
  config: ContactConfig;
  caller: CallerFact | null;
  decision: Decision | null;
  mode: AssignmentMode;
  ticketId: number | null;
  userId: number | null;
  selectedUserId: number | null;
  offeredAtMs: number;
  acceptedAtMs: number | null;
  connectedAtMs: number | null;
  endedAtMs: number | null;
  /** Notices to record in the ticket's "Agent notifications" note. */
  recordNotices: string[];
  /** The existing ticket the rules chose to attach to, as read (saves reading it again). */
  attachTicket: TicketDetails | null;
  /** The end user the app created for this contact, once it exists. */
  createdUserId: number | null;
  /** A chat's transcript, read when it ended (Connect drops it when the contact is cleared). */
  transcript: ChatTranscriptItem[] | null;
  /** No ticket may be made when the contact ends (a transfer whose first leg's ticket may be hidden). */
  noTicketAtEnd?: boolean;
  /** Parts of a long transcript already on the ticket (absent in records of older versions: 0). */
  transcriptPartsWritten?: number;
  /** An assignment under way (an automatic one or the agent's click), until it is done. */
  pendingAssignment: Assignment | null;
  /** How often unfinished work was put off because Zendesk did not answer. */
  retries: number;
  /** A write sent but not yet answered: whoever resumes the contact checks it before repeating. */
  inFlight: 'create_user' | 'create_ticket' | 'create_ticket_with_details' | 'notes' | 'details' | null;
  /** The caller's Voice ID state as Connect last reported it. */
  voiceId: { status: string; speakerId: string | null } | null;
  /** Work already done; each flag is set right after its write succeeded. */
  done: {
    warned: boolean;
    incomingPop: boolean;
    assigned: boolean;
    ticketPop: boolean;
    notesWritten: boolean;
    detailsWritten: boolean;
    voiceIdSaved: boolean;
    finished: boolean;
  };
}

const PREFIX = 'acz.contact.';

export class ProgressStore {
  constructor(private readonly storage: KeyValueStorage) {}

  load(id: string): ContactRecord | null {
    const raw = this.storage.getItem(PREFIX + id);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as ContactRecord;
    } catch {
      return null;
    }
  }

  save(rec: ContactRecord): void {
    this.storage.setItem(PREFIX + rec.id, JSON.stringify(rec));
  }

  remove(id: string): void {
    this.storage.removeItem(PREFIX + id);
  }

  all(): ContactRecord[] {
    return this.storage
      .keys()
      .filter((k) => k.startsWith(PREFIX))
      .map((k) => this.load(k.slice(PREFIX.length)))
      .filter((r): r is ContactRecord => r !== null);
  }
}

export class MemoryStorage implements KeyValueStorage {
  private map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  keys(): string[] {
    return [...this.map.keys()];
  }
}

export function browserStorage(ls: Storage): KeyValueStorage {
  return {
    getItem: (k) => ls.getItem(k),
    setItem: (k, v) => ls.setItem(k, v),
    removeItem: (k) => ls.removeItem(k),
    keys: () => Array.from({ length: ls.length }, (_, i) => ls.key(i)).filter((k): k is string => k !== null),
  };
}
