// What a scenario's inputs say about each contact, and what Zendesk must therefore hold at the
// end. Derived from the scenario alone (the guides' rules), never from a report, and never from
// the app's own code: the attribute and phone readings below are deliberately independent and
// conservative. Where an outcome depends on timing or on a reading that is not certain, no
// expectation is made.
import type { Scenario } from '../sim/scenario/schema';

export type Mode = 'auto' | 'agent' | 'force';
export type Channel = 'voice' | 'chat' | 'task' | 'email';

export type DialOrigin = { kind: 'ticket'; ticketId: number } | { kind: 'user'; userId: number } | { kind: 'softphone' };

export interface ContactFacts {
  id: string;
  agent: string;
  channel: Channel;
  initiation: string;
  /** The customer endpoint Connect reports. */
  customer: string | null;
  /** Attributes, merged over every event of the contact. */
  attributes: Record<string, string>;
  /** Task name. */
  name: string | null;
  initialContactId: string;
  firstStep: number;
  accepted: boolean;
  connected: boolean;
  ended: boolean;
  destroyed: boolean;
  missed: boolean;
  rejected: boolean;
  monitoring: boolean;
  clicks: { action: string; step: number }[];
  /** Outbound: where the agent dialled from (the latest `dial` of the same number before it). */
  dial: DialOrigin | null;
  /** A fault step comes before this contact's first step. */
  faultBefore: boolean;
}

export interface Expectation {
  /** The contact must end on a ticket. */
  mustTicket: boolean;
  why: string;
  /** ...and on exactly this one. */
  exactTicket: number | null;
  /** The contact must create nothing in Zendesk (no user, no ticket, no comment). */
  mustNothing: boolean;
  /** A forced transfer leg gets a new ticket: not the ticket of this contact (the first leg). */
  notTicketOf: string | null;
  /** What the contact leaves on its ticket, once: the call details, the transcript or the task note. */
  artefact: 'voice' | 'chat' | 'task' | null;
}

// ---------------------------------------------------------------------------------------
// Readings of inputs (administrator guide, "Contact flow attributes")

/** Attribute by exact name, else case-insensitively; trimmed; empty means absent. */
export function attr(attributes: Record<string, string>, name: string): string | null {
  let v: string | undefined = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
  if (v === undefined) {
    const key = Object.keys(attributes).find((k) => k.toLowerCase() === name.toLowerCase());
    v = key === undefined ? undefined : attributes[key];
  }
  const t = v?.trim() ?? '';
  return t === '' ? null : t;
}

export function modeOf(attributes: Record<string, string>): Mode {
  const v = attr(attributes, 'ticket_assignment')?.toLowerCase();
  return v === 'agent' || v === 'force' ? v : 'auto';
}

/** true / false (any case); anything else is the default. */
export function boolOf(attributes: Record<string, string>, name: string, fallback: boolean): boolean {
  const v = attr(attributes, name)?.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : fallback;
}

/**
 * A phone number's identity for comparisons among the soak cast: its last 9 digits (every cast
 * number differs there, whatever the stored format: "+44 7700 900123", "07700 900456",
 * "0061 400 333 444"). Null for text without enough digits (withheld or unreadable).
 */
export function phoneKey(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(-9) : null;
}

export type CallerKind = 'recognised' | 'ambiguous' | 'unrecognised' | 'anonymous' | 'unreadable';

export interface CallerReading {
  kind: CallerKind;
  userId: number | null;
  /** Unrecognised, and no other contact of the scenario uses this number. */
  fresh: boolean;
}

function recentWindow(scenario: Scenario, attributes: Record<string, string>): boolean {
  const raw = attr(attributes, 'recent_ticket_timeout');
  const fromAttr = raw !== null && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : null;
  const setting = Number(scenario.settings.createTicketAfterMinutes ?? 0);
  // An unreadable attribute value falls back to the setting.
  const minutes = fromAttr ?? (Number.isFinite(setting) ? setting : 0);
  return minutes > 0;
}

function ticketNumberAttribute(scenario: Scenario): string {
  const s = scenario.settings.ticketNumberAttribute;
  return typeof s === 'string' && s.trim() ? s.trim() : 'zendesk_ticket';
}

// ---------------------------------------------------------------------------------------
// Facts

export interface ScenarioFacts {
  contacts: ContactFacts[];
  byId: Map<string, ContactFacts>;
  /** Seeded end users by phone key. */
  usersByPhone: Map<string, number[]>;
  /** Phone keys used by contacts (customer, customer_number), with how many contacts use each. */
  phoneUse: Map<string, number>;
  /** Phone keys written by `zendesk` steps (users created or changed outside the app). */
  phonesFromSteps: Set<string>;
  seededUsers: Set<number>;
  seededTickets: Map<number, { requester: number; status: string }>;
  /** Ticket status changes made by `zendesk` steps: [step, ticket id, status]. */
  statusChanges: [number, number, string][];
  /** Contacts per chain (initial contact id). */
  chains: Map<string, string[]>;
  faultTimes: number;
}

export function scenarioFacts(scenario: Scenario): ScenarioFacts {
  const byId = new Map<string, ContactFacts>();
  const contacts: ContactFacts[] = [];
  const dials: { agent: string; step: number; origin: DialOrigin; number: string }[] = [];
  const statusChanges: [number, number, string][] = [];
  const phonesFromSteps = new Set<string>();
  let firstFault = Infinity;
  let faultTimes = 0;

  scenario.steps.forEach((s, i) => {
    if ('fault' in s) {
      firstFault = Math.min(firstFault, i);
      faultTimes += s.fault.times ?? 1;
      return;
    }
    if ('zendesk' in s) {
      const z = s.zendesk;
      const phone = z.create_user?.phone ?? z.update_user?.phone;
      const k = phoneKey(phone);
      if (k) phonesFromSteps.add(k);
      if (z.update_ticket?.status) statusChanges.push([i, z.update_ticket.id, z.update_ticket.status]);
      return;
    }
    if ('action' in s) {
      if (s.action === 'dial') {
        const origin: DialOrigin =
          s.ticket !== undefined ? { kind: 'ticket', ticketId: s.ticket } : s.user !== undefined ? { kind: 'user', userId: s.user } : { kind: 'softphone' };
        dials.push({ agent: s.agent, step: i, origin, number: s.number });
      } else if ('contact' in s && typeof s.contact === 'string') {
        byId.get(s.contact)?.clicks.push({ action: s.action, step: i });
      }
      return;
    }
    let f = byId.get(s.contact);
    if (!f) {
      const d = s as Extract<typeof s, { event: 'incoming' | 'dialing' }>;
      f = {
        id: s.contact,
        agent: s.agent,
        channel: d.channel ?? 'voice',
        initiation: d.initiation ?? (s.event === 'dialing' ? 'outbound' : 'inbound'),
        customer: d.customer ?? null,
        attributes: {},
        name: d.name ?? null,
        initialContactId: d.initial_contact_id ?? s.contact,
        firstStep: i,
        accepted: false,
        connected: false,
        ended: false,
        destroyed: false,
        missed: false,
        rejected: false,
        monitoring: d.monitoring ?? false,
        clicks: [],
        dial: null,
        faultBefore: firstFault < i,
      };
      if (s.event === 'dialing') {
        const want = (f.customer ?? '').replace(/\D/g, '');
        const hit = [...dials].reverse().find((x) => x.agent === s.agent && x.number.replace(/\D/g, '') === want);
        f.dial = hit ? hit.origin : { kind: 'softphone' };
      }
      byId.set(s.contact, f);
      contacts.push(f);
    }
    if (s.attributes) Object.assign(f.attributes, s.attributes);
    switch (s.event) {
      case 'accepted':
        f.accepted = true;
        break;
      case 'connected':
        f.connected = true;
        break;
      case 'ended':
        f.ended = true;
        break;
      case 'destroyed':
        f.destroyed = true;
        break;
      case 'missed':
        f.missed = true;
        break;
      case 'rejected':
        f.rejected = true;
        break;
      default:
        break;
    }
  });

  const usersByPhone = new Map<string, number[]>();
  const seededUsers = new Set<number>();
  for (const u of scenario.zendesk.users) {
    seededUsers.add(u.id);
    const k = phoneKey(u.phone);
    if (k && u.role === 'end-user') usersByPhone.set(k, [...(usersByPhone.get(k) ?? []), u.id]);
  }
  const seededTickets = new Map(scenario.zendesk.tickets.map((t) => [t.id, { requester: t.requester_id, status: t.status }]));
  const phoneUse = new Map<string, number>();
  const chains = new Map<string, string[]>();
  for (const f of contacts) {
    const keys = new Set([phoneKey(f.customer), phoneKey(attr(f.attributes, 'customer_number'))].filter((k): k is string => k !== null));
    for (const k of keys) phoneUse.set(k, (phoneUse.get(k) ?? 0) + 1);
    chains.set(f.initialContactId, [...(chains.get(f.initialContactId) ?? []), f.id]);
  }
  return { contacts, byId, usersByPhone, phoneUse, phonesFromSteps, seededUsers, seededTickets, statusChanges, chains, faultTimes };
}

/** A seeded ticket's status as of step `step` (zendesk steps may change it). */
function statusAt(facts: ScenarioFacts, ticketId: number, step: number): string | null {
  const t = facts.seededTickets.get(ticketId);
  if (!t) return null;
  let status = t.status;
  for (const [i, id, st] of facts.statusChanges) if (id === ticketId && i < step) status = st;
  return status;
}

/** Who the number is, among the seeded end users. */
export function readCaller(facts: ScenarioFacts, raw: string | null): CallerReading {
  if (raw == null || raw.replace(/\D/g, '') === '') return { kind: 'anonymous', userId: null, fresh: false };
  const k = phoneKey(raw);
  if (!k) return { kind: 'unreadable', userId: null, fresh: false };
  const users = facts.usersByPhone.get(k) ?? [];
  if (users.length === 1) return { kind: 'recognised', userId: users[0]!, fresh: false };
  if (users.length > 1) return { kind: 'ambiguous', userId: null, fresh: false };
  const fresh = (facts.phoneUse.get(k) ?? 0) <= 1 && !facts.phonesFromSteps.has(k);
  return { kind: 'unrecognised', userId: null, fresh };
}

const NONE: Expectation = { mustTicket: false, why: '', exactTicket: null, mustNothing: false, notTicketOf: null, artefact: null };

/** What Zendesk must hold for this contact at the end, from the scenario's inputs alone. */
export function expectationFor(scenario: Scenario, facts: ScenarioFacts, f: ContactFacts): Expectation {
  const a = f.attributes;
  const mode = modeOf(a);
  const ftc = boolOf(a, 'force_ticket_creation', true);
  if (f.monitoring) return NONE;
  if (f.missed || f.rejected) {
    return { ...NONE, mustNothing: true, why: `the contact was ${f.missed ? 'missed' : 'rejected'}` };
  }
  const outbound = f.initiation === 'outbound';
  const complete = f.ended && f.destroyed && (f.accepted || (outbound && f.connected));
  if (!complete) return NONE;

  const artefact: Expectation['artefact'] =
    f.channel === 'voice'
      ? f.connected && boolOf(a, 'voice_comment', true)
        ? 'voice'
        : null
      : f.channel === 'chat'
        ? boolOf(a, 'chat_transcript', true)
          ? 'chat'
          : null
        : 'task';
  const base: Expectation = { ...NONE, artefact };
  const must = (why: string, exactTicket: number | null = null): Expectation => ({ ...base, mustTicket: true, why, exactTicket });

  if (f.channel === 'task') {
    const m = /^zendesk-(\d+)$/i.exec((f.name ?? '').trim());
    const id = m ? Number(m[1]) : null;
    if (id !== null && f.accepted) {
      const st = statusAt(facts, id, f.firstStep);
      if (st !== null && st !== 'closed') return must(`the task is named for open ticket #${id}`, id);
    }
    return base;
  }

  if (outbound) {
    if (f.channel !== 'voice' || f.faultBefore || !f.dial) return base;
    const origin = f.dial;
    if (origin.kind === 'ticket') {
      const st = statusAt(facts, origin.ticketId, f.firstStep);
      if (st === null) return base;
      if (st === 'closed') return must(`dialled from closed ticket #${origin.ticketId}: a new ticket for its requester`);
      return must(`dialled from ticket #${origin.ticketId}: the call goes on it`, origin.ticketId);
    }
    if (origin.kind === 'user') {
      if (mode !== 'agent') return must(`dialled from user #${origin.userId} in ${mode} mode: a new ticket for them`);
      return ftc ? must('manual outbound call; force_ticket_creation is not false') : base;
    }
    const callee = readCaller(facts, f.customer);
    if (mode === 'agent' || callee.kind === 'ambiguous') {
      return ftc ? must('manual outbound call; force_ticket_creation is not false') : base;
    }
    if (callee.kind === 'recognised') return must(`softphone call to user #${callee.userId} in ${mode} mode`);
    if (callee.kind === 'unrecognised' && callee.fresh) {
      if (boolOf(a, 'all_outbound', false)) return must('softphone call to a new number with all_outbound true');
      // The agent may still ask for a ticket (Create ticket / Attach to current).
      const asked = f.clicks.some((c) => c.action === 'create_ticket' || c.action === 'attach_to_current');
      if (!asked) return { ...base, mustNothing: true, why: 'softphone call to an unknown number without all_outbound, and no click' };
    }
    return base;
  }

  // Inbound voice or chat, first leg or a transfer.
  const transfer = f.initialContactId !== f.id || f.initiation === 'transfer' || f.initiation === 'queue_transfer';
  const tn = attr(a, ticketNumberAttribute(scenario));
  const window = recentWindow(scenario, a);
  let exact: number | null = null;
  let notTicketOf: string | null = null;
  if (!transfer && f.channel === 'voice' && mode !== 'agent' && tn !== null && !attr(a, 'zendesk_user') && !attr(a, 'customer_number')) {
    const caller = readCaller(facts, f.customer);
    const m = /^#?\s*(\d+)$/.exec(tn);
    const id = m ? Number(m[1]) : null;
    const t = id !== null ? facts.seededTickets.get(id) : undefined;
    if (caller.kind === 'recognised' && id !== null && t && t.requester === caller.userId && statusAt(facts, id, f.firstStep) !== 'closed') {
      exact = id;
    }
  }
  if (transfer && mode === 'force' && tn === null && !window && f.initialContactId !== f.id) notTicketOf = f.initialContactId;
  const withExtras = (e: Expectation): Expectation => ({ ...e, notTicketOf });
  if (exact !== null) return withExtras(must(`${mode} mode, recognised caller, valid ticket number #${exact}: the call goes on it`, exact));

  if (ftc) return withExtras(must('force_ticket_creation is not false: a contact that ends without a ticket gets one'));
  if (mode === 'force') return withExtras(must('force mode always assigns a ticket'));
  if (!transfer && f.channel === 'voice' && mode === 'auto' && tn === null && !attr(a, 'zendesk_user') && !attr(a, 'customer_number')) {
    const caller = readCaller(facts, f.customer);
    if (caller.kind === 'recognised') return withExtras(must(`auto mode, recognised caller (user #${caller.userId}), no ticket number`));
    if (caller.kind === 'unrecognised' && caller.fresh) return withExtras(must('auto mode, unrecognised caller, no ticket number: a new user and ticket'));
  }
  return withExtras(base);
}
