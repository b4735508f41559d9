// Shared helpers of the per-contact work: progress, time, settings, notices, lookups that
// several steps use, and writes marked in flight so whoever resumes a contact checks first.
import { classifyCallerNumber, formatForDisplay } from '../domain/phone';
import type { CallerFact, Notice } from '../domain/types';
import type { ContactSnapshot } from '../connect/types';
import { connectExternalId, type TicketDetails } from '../zendesk/gateway';
import type { AppController } from './controller';
import type { ContactRecord } from './progress';
import { identifyByPhone, identifyChatCustomer } from './identify';

export class WorkKit {
  constructor(protected readonly app: AppController) {}

  protected save(rec: ContactRecord): void {
    // A stopped instance (its page reloaded or closed) may still see a late answer: what it
    // learnt is no longer its to record, the instance that took over owns the record now.
    if (this.app.isStopped) return;
    if (!rec.done.finished) this.app.progress.save(rec);
  }

  protected settings() {
    const s = this.app.settings;
    if (!s) throw new Error('The app has not read its settings yet.');
    return s;
  }

  protected agentId(): number {
    const a = this.app.agent;
    if (!a) throw new Error('The app does not know the agent yet.');
    return a.id;
  }

  protected now(): number {
    return this.app.deps.clock.nowMs();
  }

  protected noticesFor(rec: ContactRecord, notices: Notice[]): void {
    for (const n of notices) {
      this.app.notify(n.level, n.text, n.message);
      if (n.record && !rec.recordNotices.includes(n.text)) rec.recordNotices.push(n.text);
    }
  }

  /** The ticket of a contact chain, found by the external id the app gave it (live, no search lag). */
  protected async ticketOfContact(initialContactId: string): Promise<TicketDetails | null> {
    const tickets = await this.app.gateway.ticketsByExternalId(connectExternalId(initialContactId));
    // Several (a forced transfer made its own): the newest is the one the chain is on now.
    return tickets.sort((a, b) => b.createdAtMs - a.createdAtMs)[0] ?? null;
  }

  protected identify(rec: ContactRecord): Promise<CallerFact> {
    const settings = this.settings();
    return rec.snapshot.channel === 'chat'
      ? identifyChatCustomer(this.app.gateway, rec.config, settings)
      : identifyByPhone(this.app.gateway, rec.config, rec.snapshot.customerEndpoint, settings);
  }

  /** Records that a write is under way, so whoever resumes this contact checks before repeating it. */
  protected async write<T>(rec: ContactRecord, kind: NonNullable<ContactRecord['inFlight']>, fn: () => Promise<T>): Promise<T> {
    rec.inFlight = kind;
    this.save(rec);
    const out = await fn();
    rec.inFlight = null;
    this.save(rec);
    return out;
  }

  protected systemNumber(rec: ContactRecord): string | null {
    const c = rec.snapshot;
    if (rec.direction === 'outbound') return rec.config.outboundCli ?? this.settings().defaultEntryPointNumber ?? c.systemEndpoint;
    return rec.config.dialedNumber ?? this.settings().defaultEntryPointNumber ?? c.systemEndpoint;
  }
}

/** A transferred contact, or another agent's leg of a multi-party call. */
export function isLaterLeg(c: ContactSnapshot): boolean {
  return c.initiation === 'transfer' || c.initiation === 'queue_transfer' || (c.initialContactId !== c.id && c.initiation !== 'outbound');
}

export function digits(n: string): string {
  return n.replace(/\D/g, '');
}

/** Who the contact is with, in words: a number, a name, a task's name; null when withheld. */
export function partyOf(rec: ContactRecord): string | null {
  const c = rec.snapshot;
  if (c.channel === 'task') return c.name;
  if (c.channel === 'chat') {
    if (rec.caller?.kind === 'recognised') return rec.caller.user.name;
    return rec.config.customerName ?? rec.config.customerEmail ?? rec.config.customerNumber;
  }
  const n = classifyCallerNumber(rec.config.customerNumber ?? c.customerEndpoint, null);
  return n.kind === 'number' ? n.e164 : n.kind === 'unparseable' ? n.raw : null;
}

export function customerLabel(rec: ContactRecord): string {
  if (rec.caller?.kind === 'recognised') return rec.caller.user.name;
  const c = rec.snapshot;
  if (c.channel === 'task') return c.name ?? 'Task';
  const party = partyOf(rec);
  if (!party) return c.channel === 'chat' ? 'Chat customer' : 'Withheld number';
  const n = classifyCallerNumber(party, null);
  return n.kind === 'number' ? formatForDisplay(n.e164) : party;
}
