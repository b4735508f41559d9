// What happens to each contact: facts → rules → writes, one contact at a time in event order,
// with progress recorded after every write so a reload or another tab never repeats one.
import { parseContactConfig } from '../domain/attributes';
import { classifyCallerNumber, formatForDisplay } from '../domain/phone';
import {
  renderAgentNotifications,
  renderChatTranscript,
  renderContactSummary,
  renderTaskNote,
  ticketSubject,
  ticketTags,
  voiceCommentData,
} from '../domain/render';
import { directionOf } from '../domain/render/format';
import { decideInboundVoice, needsRecentTicketLookup, requestedTicketWithoutLookup } from '../domain/rules/inboundVoice';
import { decideAtEndWithoutTicket, endWithoutTicketNotice, resolveAttachToCurrent, resolveCreateTicket } from '../domain/rules/manual';
import { decideOutboundVoice, type OutboundOrigin } from '../domain/rules/outboundVoice';
import { decideTransfer, transferUsesFirstLeg } from '../domain/rules/transfer';
import { parseTicketNumber } from '../domain/rules/tickets';
import { chooseBrand } from '../domain/brand';
import { recordingUrl } from '../domain/recording';
import type { Assignment, CallerFact, Decision, Notice, Requester, RequestedTicketFact, TicketFact, UserFact } from '../domain/types';
import type { ContactEvent, ContactSnapshot, ContactStage } from '../connect/types';
import { agentMessage } from '../zendesk/errors';
import { connectExternalId, externalIdIsOurs, type TicketDetails } from '../zendesk/gateway';
import type { AppController, ContactOutcome } from './controller';
import type { ContactRecord } from './progress';
import { patchContact, type ContactView, type Viewing } from './store';
import { identifyByPhone, identifyChatCustomer } from './identify';

const TASK_TICKET_NAME = /^zendesk-(\d+)$/i;
/** Ends every transcript note: lets a continued chat add only the messages that came after. */
const TRANSCRIPT_UP_TO = 'Messages up to ';
const OUTBOUND_QUEUE_FIELD = 'connect_outbound_queue';
const MAX_OUTCOMES = 500;
/** 'gone' last: a cleared contact has been through everything. */
const STAGES: ContactStage[] = ['unknown', 'offered', 'accepted', 'connected', 'ended', 'gone'];

export class ContactWork {
  private chains = new Map<string, Promise<void>>();
  private outcomeMap = new Map<string, ContactOutcome>();

  constructor(private readonly app: AppController) {}

  /** Events of one contact are handled strictly in order; contacts do not wait for each other. */
  handle(e: ContactEvent): Promise<void> {
    const id = e.contact.id;
    const prev = this.chains.get(id) ?? Promise.resolve();
    // When it happened, not when its turn comes: earlier events may still be writing.
    const at = this.now();
    const next = prev.then(() => this.dispatch(e, at)).catch((err) => this.app.fail(err));
    this.chains.set(id, next);
    void next.then(() => {
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
    return next;
  }

  /**
   * Carries on a contact whose processing stopped elsewhere (a closed tab) or before a reload:
   * its recorded progress is replayed against what Connect holds now. Every step is idempotent.
   */
  resume(contactId: string): void {
    void this.handleAction(contactId, async () => {
      const rec = this.app.progress.load(contactId);
      if (!rec || rec.done.finished) {
        this.app.claims.release(contactId);
        return;
      }
      const stage = this.app.deps.connect.contactStage(contactId);
      if (stage === 'unknown') return;
      const at = this.now();
      const reached = (s: ContactStage) => STAGES.indexOf(stage) >= STAGES.indexOf(s);
      const accepted = rec.acceptedAtMs !== null || reached('accepted');
      const types: ContactEvent['type'][] = [rec.direction === 'outbound' ? 'dialing' : 'incoming'];
      if (accepted) types.push('accepted', 'connected');
      const ended = accepted && (stage === 'gone' || reached('ended'));
      const replay = async (type: ContactEvent['type']) =>
        this.dispatch({ type, contact: rec.snapshot } as ContactEvent, type === 'ended' ? rec.endedAtMs ?? at : at);
      for (const type of types) await replay(type);
      if (ended) await replay('ended');
      if (stage === 'gone') await replay('destroyed');
    });
  }

  /** After a (re)load: contacts this browser was processing that Connect has cleared meanwhile. */
  async sweep(): Promise<void> {
    for (const rec of this.app.progress.all()) {
      if (rec.done.finished || this.app.deps.connect.contactStage(rec.id) !== 'gone') continue;
      if (await this.app.claims.claim(rec.id, () => this.resume(rec.id))) this.resume(rec.id);
    }
  }

  outcomes(): ContactOutcome[] {
    return [...this.outcomeMap.values()];
  }

  // ---- dispatch -------------------------------------------------------------------------

  private async dispatch(e: ContactEvent, at: number): Promise<void> {
    if (this.app.isStopped) return;
    // Another tab processes it; should that tab go away, this one carries on.
    if (!(await this.app.claims.claim(e.contact.id, () => this.resume(e.contact.id)))) return;
    let rec = this.app.progress.load(e.contact.id);
    if (!rec) {
      if (e.type === 'destroyed' || e.type === 'rejected' || e.type === 'missed') return;
      rec = this.newRecord(e.contact, at);
      this.app.progress.save(rec);
    } else if (JSON.stringify(e.contact.attributes) !== JSON.stringify(rec.snapshot.attributes)) {
      // A later flow (a transfer, a queue flow) set attributes: they count from now on.
      rec.snapshot = { ...rec.snapshot, attributes: e.contact.attributes, queue: e.contact.queue ?? rec.snapshot.queue };
      rec.config = { ...parseContactConfig(e.contact.attributes, this.settings()), warnings: [] };
      this.save(rec);
    }
    this.showContact(rec);
    switch (e.type) {
      case 'incoming':
      case 'dialing':
        return this.offered(rec);
      case 'accepted':
        await this.offered(rec);
        rec.acceptedAtMs ??= at;
        this.save(rec);
        patchContact(this.app.store, rec.id, { phase: 'accepted' });
        return this.accepted(rec);
      case 'connected':
        await this.offered(rec);
        rec.acceptedAtMs ??= at;
        rec.connectedAtMs ??= at;
        this.save(rec);
        patchContact(this.app.store, rec.id, { phase: 'connected' });
        await this.accepted(rec);
        await this.showVoiceId(rec);
        return this.hidePopoverOnVoice(rec);
      case 'missed':
      case 'rejected':
        return this.dropped(rec);
      case 'ended':
        await this.offered(rec);
        // Only an answered contact ends (an unanswered one is missed): finish its assignment first.
        rec.acceptedAtMs ??= at;
        rec.endedAtMs ??= at;
        this.save(rec);
        await this.accepted(rec);
        patchContact(this.app.store, rec.id, { phase: 'ended' });
        return this.ended(rec);
      case 'destroyed':
        return this.destroyed(rec);
      case 'message':
        return this.onMessage();
      case 'voiceid':
        rec.voiceId = { status: e.status, speakerId: e.speakerId };
        this.save(rec);
        patchContact(this.app.store, rec.id, { voiceIdStatus: e.status });
        return;
      case 'hold':
      case 'resume':
        return;
    }
  }

  private newRecord(c: ContactSnapshot, at: number): ContactRecord {
    const settings = this.settings();
    return {
      id: c.id,
      snapshot: c,
      direction: directionOf(c.channel, c.initiation),
      config: parseContactConfig(c.attributes, settings),
      origin: null,
      caller: null,
      decision: null,
      mode: 'auto',
      ticketId: null,
      userId: null,
      selectedUserId: null,
      offeredAtMs: at,
      acceptedAtMs: null,
      connectedAtMs: null,
      endedAtMs: null,
      recordNotices: [],
      attachTicket: null,
      createdUserId: null,
      transcript: null,
      pendingAssignment: null,
      inFlight: null,
      voiceId: null,
      done: { warned: false, incomingPop: false, assigned: false, ticketPop: false, notesWritten: false, detailsWritten: false, voiceIdSaved: false, finished: false },
    };
  }

  // ---- offer: gather facts, decide, pop ----------------------------------------------------

  private async offered(rec: ContactRecord): Promise<void> {
    if (rec.decision) return;
    if (!rec.done.warned) {
      for (const w of rec.config.warnings) this.app.notify('warning', w);
      rec.done.warned = true;
      this.save(rec);
    }
    let decision: Decision;
    try {
      decision = await this.decide(rec);
    } catch (err) {
      // A failed lookup is never taken for "unknown caller": the agent decides instead.
      decision = {
        mode: 'agent',
        pop: null,
        assignment: { kind: 'await_agent' },
        selectedUserId: null,
        notices: [
          {
            level: 'error',
            record: true,
            text: `Could not look the customer up in Zendesk (${agentMessage(err)}). Switched to manual assignment: find the customer, then click Create ticket or Attach to current.`,
          },
        ],
      };
    }
    rec.decision = decision;
    rec.mode = decision.mode;
    rec.selectedUserId = decision.selectedUserId;
    if (rec.caller?.kind === 'recognised') rec.userId = rec.caller.user.id;
    this.noticesFor(rec, decision.notices);
    this.save(rec);
    this.outcome(rec);
    patchContact(this.app.store, rec.id, {
      mode: rec.mode,
      awaitingAgent: decision.assignment.kind === 'await_agent',
      customerLabel: customerLabel(rec),
    });
    if (decision.pop && rec.config.popIncoming && !rec.done.incomingPop) {
      rec.done.incomingPop = true;
      this.save(rec);
      await this.app.pop(decision.pop.kind, decision.pop.id);
    }
    // Outbound calls are the agent's own act: nothing to wait for.
    if (rec.direction === 'outbound') await this.accepted(rec);
  }

  private async decide(rec: ContactRecord): Promise<Decision> {
    const c = rec.snapshot;
    const gw = this.app.gateway;
    const settings = this.settings();
    if (c.monitoring) return this.monitoringDecision(rec);
    if (c.channel === 'task') return this.taskDecision(rec);
    if (rec.direction === 'outbound') {
      const pending = this.app.takePendingDial(c.customerEndpoint, digits);
      const origin: OutboundOrigin = pending?.ticketId
        ? { kind: 'ticket', ticket: pending.ticket }
        : pending?.userId
          ? { kind: 'user', userId: pending.userId }
          : { kind: 'softphone' };
      rec.origin = pending?.ticketId ? { kind: 'ticket', ticketId: pending.ticketId } : pending?.userId ? { kind: 'user', userId: pending.userId } : { kind: 'softphone' };
      // Only a softphone dial needs to know who the number belongs to.
      const callee: CallerFact =
        origin.kind === 'softphone'
          ? await identifyByPhone(gw, rec.config, c.customerEndpoint, settings)
          : { kind: 'unrecognised', number: c.customerEndpoint, email: null, name: null };
      rec.caller = callee;
      if (origin.kind === 'ticket' && origin.ticket) rec.userId = origin.ticket.requesterId;
      if (origin.kind === 'user') rec.userId = origin.userId;
      return decideOutboundVoice({ config: rec.config, origin, callee });
    }
    if (c.channel === 'chat' && c.previousContactId && !isLaterLeg(c)) {
      // A continued chat goes on the ticket of the conversation it continues.
      const previous = await this.ticketOfContact(c.previousContactId);
      if (previous && previous.status !== 'closed') {
        rec.userId = previous.requesterId;
        rec.attachTicket = previous;
        rec.caller = { kind: 'anonymous', noData: true };
        return { mode: rec.config.mode, pop: { kind: 'ticket', id: previous.id }, assignment: { kind: 'attach', ticketId: previous.id }, notices: [], selectedUserId: previous.requesterId };
      }
    }
    if (isLaterLeg(c) && transferUsesFirstLeg(rec.config)) {
      const first = await this.ticketOfContact(c.initialContactId);
      if (first) rec.userId = first.requesterId;
      rec.attachTicket = first;
      const decision = decideTransfer({ config: rec.config, channel: c.channel === 'chat' ? 'chat' : 'voice', firstLegTicket: first });
      // Who the customer is matters only if the agent may create a ticket for them: the first
      // leg's requester when there is one (a live read), else a lookup.
      const requester = decision.assignment.kind === 'await_agent' && first ? await gw.getUser(first.requesterId) : null;
      rec.caller =
        decision.assignment.kind !== 'await_agent'
          ? { kind: 'anonymous' }
          : requester && requester.role === 'end-user'
            ? { kind: 'recognised', user: requester }
            : await this.identify(rec);
      if (decision.selectedUserId === null && rec.caller.kind === 'recognised') decision.selectedUserId = rec.caller.user.id;
      return decision;
    }
    const requestedP: Promise<RequestedTicketFact> = (async () => {
      const known = requestedTicketWithoutLookup(rec.config);
      if (known) return known;
      const t = await gw.getTicket(parseTicketNumber(rec.config.ticketNumber) ?? 0);
      return t ? { kind: 'found', ticket: t } : { kind: 'invalid', raw: rec.config.ticketNumber ?? '' };
    })();
    const [caller, requestedTicket] = await Promise.all([this.identify(rec), requestedP]);
    rec.caller = caller;
    let recentTicket: TicketFact | null = null;
    if (needsRecentTicketLookup(rec.config, caller, requestedTicket) && caller.kind === 'recognised') {
      const tickets = await gw.recentRequestedTickets(caller.user.id);
      recentTicket = tickets.find((t) => t.status !== 'closed') ?? null;
    }
    const decision = decideInboundVoice({ config: rec.config, caller, requestedTicket, recentTicket, nowMs: this.now() });
    const attachTo = decision.assignment.kind === 'attach' ? decision.assignment.ticketId : null;
    rec.attachTicket = [requestedTicket.kind === 'found' ? requestedTicket.ticket : null, recentTicket].find((t) => t && t.id === attachTo) as TicketDetails | null ?? null;
    if (requestedTicket.kind === 'found' && decision.assignment.kind === 'attach') rec.userId = requestedTicket.ticket.requesterId;
    if (recentTicket && decision.assignment.kind === 'attach' && decision.assignment.ticketId === recentTicket.id) rec.userId = recentTicket.requesterId;
    return decision;
  }

  private identify(rec: ContactRecord): Promise<CallerFact> {
    const settings = this.settings();
    return rec.snapshot.channel === 'chat'
      ? identifyChatCustomer(this.app.gateway, rec.config, settings)
      : identifyByPhone(this.app.gateway, rec.config, rec.snapshot.customerEndpoint, settings);
  }

  /** A supervisor listening in: show the ticket, change nothing. */
  private async monitoringDecision(rec: ContactRecord): Promise<Decision> {
    const ticket = await this.ticketOfContact(rec.snapshot.initialContactId);
    return {
      mode: rec.config.mode,
      pop: ticket ? { kind: 'ticket', id: ticket.id } : null,
      assignment: { kind: 'none' },
      notices: ticket ? [] : [{ level: 'info', record: false, text: 'No ticket was found for the monitored contact yet.' }],
      selectedUserId: null,
    };
  }

  /** Tasks named Zendesk-<n> belong to that ticket; any other task is the agent's to place. */
  private async taskDecision(rec: ContactRecord): Promise<Decision> {
    const m = TASK_TICKET_NAME.exec((rec.snapshot.name ?? '').trim());
    const ticket = m ? await this.app.gateway.getTicket(Number(m[1])) : null;
    if (ticket && ticket.status !== 'closed') {
      rec.userId = ticket.requesterId;
      rec.attachTicket = ticket;
      return { mode: rec.config.mode, pop: { kind: 'ticket', id: ticket.id }, assignment: { kind: 'attach', ticketId: ticket.id }, notices: [], selectedUserId: ticket.requesterId };
    }
    const why = m
      ? `The task names ticket #${m[1]}, which ${ticket ? 'is closed' : 'does not exist'}.`
      : 'The task is not linked to a ticket.';
    return {
      mode: 'agent',
      pop: null,
      assignment: { kind: 'await_agent' },
      notices: [{ level: 'warning', record: true, text: `${why} Switched to manual assignment: click Create ticket, Attach to current, or No ticket.` }],
      selectedUserId: null,
    };
  }

  // ---- accept: apply the decision ------------------------------------------------------------

  private async accepted(rec: ContactRecord): Promise<void> {
    const d = rec.decision;
    if (!d) return;
    if (d.pop && !rec.config.popIncoming && !rec.done.incomingPop) {
      rec.done.incomingPop = true;
      this.save(rec);
      await this.app.pop(d.pop.kind, d.pop.id);
    }
    if (!rec.done.assigned) {
      // An assignment cut short (a reload, a closed tab during a click) is finished as it was begun.
      const a = rec.pendingAssignment ?? (d.assignment.kind === 'create_ticket' || d.assignment.kind === 'attach' ? d.assignment : null);
      if (a) await this.assign(rec, a);
    }
    await this.afterAssigned(rec);
  }

  /** What follows a task's assignment, whoever made it (the rules, a click, a tab taking over). */
  private async afterAssigned(rec: ContactRecord): Promise<void> {
    if (rec.snapshot.channel === 'task' && rec.ticketId !== null && !rec.done.detailsWritten) await this.writeTaskNote(rec);
  }

  private async assign(rec: ContactRecord, a: Assignment, extraNotices: Notice[] = []): Promise<void> {
    if (rec.done.assigned) return;
    this.noticesFor(rec, extraNotices);
    // Kept until done: a tab that takes over finishes this very assignment (the agent's click).
    rec.pendingAssignment = a;
    this.save(rec);
    patchContact(this.app.store, rec.id, { busy: true });
    try {
      if (a.kind === 'create_ticket') {
        const ticket = await this.createTicket(rec, a.requester);
        rec.ticketId = ticket.id;
        rec.userId = ticket.requesterId;
        rec.done.notesWritten = true;
      } else if (a.kind === 'attach') {
        await this.markAttachedTicket(rec, a.ticketId);
        rec.ticketId = a.ticketId;
      } else {
        return;
      }
      rec.done.assigned = true;
      rec.pendingAssignment = null;
      this.save(rec);
      this.outcome(rec);
      patchContact(this.app.store, rec.id, { ticketId: rec.ticketId, userId: rec.userId, awaitingAgent: false });
      if (rec.ticketId !== null && !rec.done.ticketPop) {
        rec.done.ticketPop = true;
        this.save(rec);
        const poppedAlready = rec.decision?.pop?.kind === 'ticket' && rec.decision.pop.id === rec.ticketId && rec.done.incomingPop;
        if (!poppedAlready) await this.app.pop('ticket', rec.ticketId);
      }
    } catch (err) {
      this.app.notify('error', `The ticket could not be ${a.kind === 'attach' ? 'updated' : 'created'}: ${agentMessage(err)}`);
      rec.mode = 'agent';
      this.save(rec);
      this.outcome(rec);
      patchContact(this.app.store, rec.id, { mode: 'agent', awaitingAgent: true });
    } finally {
      patchContact(this.app.store, rec.id, { busy: false });
    }
  }

  /**
   * An existing ticket the contact was attached to gets the chain's external id, so a transfer
   * or another agent's leg finds it at once; agent notifications ride in the same request.
   */
  private async markAttachedTicket(rec: ContactRecord, ticketId: number): Promise<void> {
    const want = connectExternalId(rec.snapshot.initialContactId);
    const ticket = rec.attachTicket?.id === ticketId ? rec.attachTicket : await this.app.gateway.getTicket(ticketId);
    if (!ticket) return;
    const retag = ticket.externalId !== want && externalIdIsOurs(ticket.externalId);
    const marker = `Agent notifications for contact ${rec.id}`;
    const notes = rec.recordNotices.length ? renderAgentNotifications(rec.recordNotices) + `<p>${marker}</p>` : null;
    if (!retag && !notes) return;
    if (retag) {
      const note = notes ? { html: notes, marker } : null;
      if (!(note && rec.inFlight === 'notes' && (await this.app.gateway.commentAlreadyAdded(ticketId, marker)))) {
        await this.write(rec, 'notes', () => this.app.gateway.markTicketForContact(ticketId, want, note));
      }
    } else if (notes && !(rec.inFlight === 'notes' && (await this.app.gateway.commentAlreadyAdded(ticketId, marker)))) {
      await this.write(rec, 'notes', () => this.app.gateway.addPrivateNote(ticketId, notes, marker));
    }
    if (notes) rec.done.notesWritten = true;
  }

  private async createTicket(rec: ContactRecord, requester: Requester): Promise<TicketDetails> {
    const gw = this.app.gateway;
    const c = rec.snapshot;
    const agentId = this.agentId();
    let requesterId: number;
    if (requester.kind === 'user') requesterId = requester.userId;
    else if (requester.kind === 'agent') requesterId = agentId;
    else if (rec.createdUserId !== null) requesterId = rec.createdUserId;
    else {
      const user = await this.createUser(rec, requester);
      requesterId = user.id;
      // Kept at once: a reload during the ticket's creation must not make the user again.
      rec.createdUserId = user.id;
      this.save(rec);
    }
    const settings = this.settings();
    const brandId = await this.brandFor(rec);
    const customFields = await this.customFieldsFor(rec);
    const party = partyOf(rec);
    const system = c.channel === 'voice' ? this.systemNumber(rec) : null;
    const summary = renderContactSummary({
      channel: c.channel,
      initiation: c.initiation,
      customerNumber: c.channel === 'voice' ? rec.config.customerNumber ?? c.customerEndpoint : rec.config.customerNumber,
      customerName: c.channel === 'chat' ? partyOf(rec) : rec.config.customerName,
      systemNumber: system,
      queue: c.queue,
      taskName: c.name,
      contactId: c.id,
      notices: rec.recordNotices,
    });
    void settings;
    const externalId = connectExternalId(c.initialContactId);
    const marker = `Contact ID: ${c.id}`;
    if (rec.inFlight === 'create_ticket') {
      const found = await gw.findCreatedTicket({ externalId, requesterId, marker });
      if (found) return found;
    }
    return this.write(rec, 'create_ticket', () => gw.createTicket({
      marker,
      requesterId,
      subject: ticketSubject(rec.direction, c.channel, party, rec.config.conversationTitle),
      noteHtml: summary.html,
      brandId,
      tags: ticketTags(c.channel, c.initiation),
      customFields,
      externalId,
      voiceVia: c.channel === 'voice' ? (rec.direction === 'outbound' ? 46 : 45) : null,
    }));
  }

  private async createUser(rec: ContactRecord, r: Extract<Requester, { kind: 'new_user' }>): Promise<UserFact> {
    const name = r.name?.trim() || (r.phone ? formatForDisplay(r.phone) : null) || r.email || 'Unknown customer';
    const externalId = `amazon-connect:${rec.id}`;
    // Another instance (a reload, another tab) may have sent this write without seeing its answer.
    if (rec.inFlight === 'create_user') {
      const found = await this.app.gateway.userByExternalId(externalId);
      if (found) return found;
    }
    return this.write(rec, 'create_user', () => this.app.gateway.createUser({ name, phone: r.phone, email: r.email, externalId }));
  }

  /** Records that a write is under way, so whoever resumes this contact checks before repeating it. */
  private async write<T>(rec: ContactRecord, kind: NonNullable<ContactRecord['inFlight']>, fn: () => Promise<T>): Promise<T> {
    rec.inFlight = kind;
    this.save(rec);
    const out = await fn();
    rec.inFlight = null;
    this.save(rec);
    return out;
  }

  private async brandFor(rec: ContactRecord): Promise<number | null> {
    const settings = this.settings();
    if (!settings.queueToBrand.length && !rec.config.ticketBrand) return null;
    try {
      const brands = await this.app.gateway.listBrands();
      const choice = chooseBrand({
        queue: rec.snapshot.queue,
        queueToBrand: settings.queueToBrand,
        ticketBrandName: rec.config.ticketBrand,
        brands: brands.map((b) => ({ id: b.id, name: b.name, active: b.active !== false })),
      });
      if (choice.warning) this.noticesFor(rec, [{ level: 'warning', record: true, text: choice.warning }]);
      return choice.brandId;
    } catch (err) {
      this.app.notify('warning', `The ticket's brand could not be chosen (${agentMessage(err)}); Zendesk's default brand applies.`);
      return null;
    }
  }

  private async customFieldsFor(rec: ContactRecord): Promise<{ id: number; value: string }[]> {
    const queue = rec.config.ticketOutboundQueue;
    if (!queue) return [];
    try {
      const fields = await this.app.gateway.listTicketFields();
      const field = fields.find((f) => f.title === OUTBOUND_QUEUE_FIELD || f.key === OUTBOUND_QUEUE_FIELD);
      if (!field) {
        this.noticesFor(rec, [{ level: 'warning', record: false, text: `ticket_outbound_queue is set, but Zendesk has no ticket field named ${OUTBOUND_QUEUE_FIELD}; ask an admin to create it.` }]);
        return [];
      }
      return [{ id: field.id, value: queue }];
    } catch {
      return [];
    }
  }

  // ---- manual clicks -------------------------------------------------------------------------

  async createTicketClicked(contactId: string): Promise<void> {
    const rec = this.app.progress.load(contactId);
    if (!rec || rec.done.assigned || !(await this.app.claims.claim(contactId))) return;
    await this.handleAction(contactId, async () => {
      const fresh = this.app.progress.load(contactId);
      if (!fresh || fresh.done.assigned) return;
      const selectedUser = await this.selectedUser(fresh);
      let caller: CallerFact = fresh.caller ?? { kind: 'anonymous' };
      // Minutes may have passed since the lookup: someone may have made or found this customer
      // meanwhile (another agent's leg). Look again rather than make a second user.
      if (!selectedUser && caller.kind === 'unrecognised') {
        const again = await this.identify(fresh);
        if (again.kind === 'recognised') {
          caller = again;
          fresh.caller = again;
          this.save(fresh);
        }
      }
      const r = resolveCreateTicket({ caller, selectedUser });
      await this.assign(fresh, { kind: 'create_ticket', requester: r.requester }, r.notices);
      await this.afterAssigned(fresh);
      if (r.addPhoneToUser !== null && fresh.done.assigned) await this.addPhone(fresh, r.addPhoneToUser, selectedUser);
      if (fresh.endedAtMs !== null) await this.writeDetails(fresh);
    });
  }

  async attachClicked(contactId: string): Promise<void> {
    const rec = this.app.progress.load(contactId);
    if (!rec || rec.done.assigned || !(await this.app.claims.claim(contactId))) return;
    await this.handleAction(contactId, async () => {
      const fresh = this.app.progress.load(contactId);
      if (!fresh || fresh.done.assigned) return;
      const v = this.app.store.getState().viewing;
      const ticket = v?.kind === 'ticket' ? await this.app.gateway.getTicket(v.id) : null;
      const r = resolveAttachToCurrent({ viewedTicket: ticket, caller: fresh.caller ?? { kind: 'anonymous' } });
      if (!r.ok) {
        this.app.notify(r.notice.level, r.notice.text);
        return;
      }
      fresh.userId = ticket?.requesterId ?? null;
      fresh.attachTicket = ticket;
      await this.assign(fresh, { kind: 'attach', ticketId: r.ticketId });
      await this.afterAssigned(fresh);
      if (r.addPhoneToUser !== null) await this.addPhone(fresh, r.addPhoneToUser, null);
      if (fresh.endedAtMs !== null) await this.writeDetails(fresh);
    });
  }

  async noTicketClicked(contactId: string): Promise<void> {
    await this.handleAction(contactId, async () => {
      const rec = this.app.progress.load(contactId);
      if (!rec || rec.done.assigned || rec.snapshot.channel !== 'task') return;
      rec.done.assigned = true;
      rec.decision = { ...(rec.decision as Decision), assignment: { kind: 'none' } };
      this.save(rec);
      patchContact(this.app.store, rec.id, { awaitingAgent: false });
    });
  }

  private handleAction(contactId: string, fn: () => Promise<void>): Promise<void> {
    const prev = this.chains.get(contactId) ?? Promise.resolve();
    const next = prev.then(fn).catch((err) => this.app.fail(err));
    this.chains.set(contactId, next);
    return next;
  }

  /** The user the agent has selected: the one in view, the requester of the ticket in view, or the popped caller. */
  private selectedUserId(rec: ContactRecord): number | null {
    const v: Viewing = this.app.store.getState().viewing;
    const id = v?.kind === 'user' ? v.id : v?.kind === 'ticket' ? v.requesterId : rec.selectedUserId;
    return id ?? null;
  }

  private async selectedUser(rec: ContactRecord): Promise<UserFact | null> {
    const id = this.selectedUserId(rec);
    if (id === null) return null;
    if (rec.caller?.kind === 'recognised' && rec.caller.user.id === id) return rec.caller.user;
    return this.app.gateway.getUser(id);
  }

  private async addPhone(rec: ContactRecord, userId: number, known: UserFact | null): Promise<void> {
    const number = rec.caller?.kind === 'unrecognised' ? rec.caller.number : null;
    if (!number) return;
    try {
      const user = known && known.id === userId ? known : await this.app.gateway.getUser(userId);
      if (!user || user.phone) return;
      await this.app.gateway.updateUser(userId, { phone: number });
    } catch (err) {
      this.app.notify('warning', `The caller's number could not be added to the user's profile: ${agentMessage(err)}`);
    }
  }

  // ---- end of contact ----------------------------------------------------------------------

  private async ended(rec: ContactRecord): Promise<void> {
    // Connect serves a transcript only until the contact is cleared: keep it for a ticket made later.
    if (rec.snapshot.channel === 'chat' && rec.config.chatTranscript && rec.transcript === null) {
      rec.transcript = await this.app.deps.connect.getTranscript(rec.id);
      this.save(rec);
    }
    if (rec.ticketId !== null) await this.writeDetails(rec);
    await this.saveVoiceId(rec);
    // Among several contacts, the one that ended comes to the front for its after contact work.
    if (rec.ticketId !== null && this.app.store.getState().contacts.length >= 2) {
      this.app.store.setState({ focusedContactId: rec.id });
      this.app.deps.connect.focusContact(rec.id);
      await this.app.pop('ticket', rec.ticketId);
    }
    // A manual contact without a ticket waits for the agent until after contact work ends.
  }

  /** When a contact is cleared, another open contact of the same channel comes to the front. */
  private async showNextOfChannel(rec: ContactRecord): Promise<void> {
    const next = this.app.store.getState().contacts.find((c) => c.id !== rec.id && c.channel === rec.snapshot.channel);
    if (!next) return;
    this.app.store.setState({ focusedContactId: next.id });
    this.app.deps.connect.focusContact(next.id);
    if (next.ticketId !== null) await this.app.pop('ticket', next.ticketId);
  }

  private async destroyed(rec: ContactRecord): Promise<void> {
    if (rec.acceptedAtMs !== null) await this.accepted(rec);
    if (!rec.done.assigned && rec.decision?.assignment.kind === 'await_agent' && rec.snapshot.channel !== 'task' && !rec.snapshot.monitoring) {
      const a = decideAtEndWithoutTicket({ config: rec.config, selectedUserId: this.selectedUserId(rec) });
      const notice = endWithoutTicketNotice(a, rec.snapshot.channel);
      if (a.kind === 'create_ticket') await this.assign(rec, a, notice ? [notice] : []);
    }
    if (rec.ticketId !== null) await this.writeDetails(rec);
    await this.saveVoiceId(rec);
    const hadOthers = this.app.store.getState().contacts.length >= 2;
    this.finish(rec);
    if (hadOthers) await this.showNextOfChannel(rec);
  }

  private async dropped(rec: ContactRecord): Promise<void> {
    this.finish(rec);
  }

  private finish(rec: ContactRecord): void {
    rec.done.finished = true;
    this.outcome(rec);
    this.app.progress.remove(rec.id);
    this.app.claims.release(rec.id);
    this.app.store.setState((s) => ({
      contacts: s.contacts.filter((c) => c.id !== rec.id),
      focusedContactId: s.focusedContactId === rec.id ? null : s.focusedContactId,
    }));
  }

  /** Agent notifications, then call details / transcript: each written once. */
  private async writeDetails(rec: ContactRecord): Promise<void> {
    const ticketId = rec.ticketId;
    if (ticketId === null || rec.done.detailsWritten) return;
    const gw = this.app.gateway;
    try {
      if (!rec.done.notesWritten && rec.recordNotices.length) {
        const marker = `Agent notifications for contact ${rec.id}`;
        if (!(rec.inFlight === 'notes' && (await gw.commentAlreadyAdded(ticketId, marker)))) {
          await this.write(rec, 'notes', () => gw.addPrivateNote(ticketId, renderAgentNotifications(rec.recordNotices) + `<p>${marker}</p>`, marker));
        }
        rec.done.notesWritten = true;
        this.save(rec);
      }
      const c = rec.snapshot;
      if (c.channel === 'voice' && rec.config.voiceComment && !c.monitoring) {
        const started = rec.connectedAtMs ?? rec.acceptedAtMs ?? rec.offeredAtMs;
        const data = voiceCommentData({
          direction: rec.direction,
          customerNumber: rec.config.customerNumber ?? c.customerEndpoint,
          systemNumber: c.systemEndpoint,
          config: rec.config,
          defaultEntryPointNumber: this.settings().defaultEntryPointNumber,
          startedMs: started,
          endedMs: rec.endedAtMs ?? this.now(),
          agentId: this.agentId(),
          recordingUrl: recordingUrl(this.settings().ccpUrl, rec.id),
        });
        if (!(rec.inFlight === 'details' && (await gw.commentAlreadyAdded(ticketId, data.started_at)))) {
          await this.write(rec, 'details', () => gw.addVoiceComment(ticketId, data, data.started_at));
        }
      } else if (c.channel === 'chat' && rec.config.chatTranscript) {
        let items = rec.transcript ?? (await this.app.deps.connect.getTranscript(rec.id));
        // A continued chat carries the earlier conversation: only what the ticket lacks is added.
        if (c.previousContactId) {
          const upTo = await gw.lastTranscriptTime(ticketId);
          if (upTo !== null) items = items.filter((i) => i.atMs > upTo);
        }
        const marker = `Chat transcript, contact ${rec.id}`;
        const last = items.reduce((m, i) => Math.max(m, i.atMs), 0);
        const t = renderChatTranscript(items);
        const html = `<p><strong>${marker}</strong></p>${t.html}` + (last ? `<p>${TRANSCRIPT_UP_TO}${new Date(last).toISOString()}</p>` : '');
        if (!(rec.inFlight === 'details' && (await gw.commentAlreadyAdded(ticketId, marker)))) {
          await this.write(rec, 'details', () => gw.addPrivateNote(ticketId, html, marker));
        }
      }
      rec.done.detailsWritten = true;
      this.save(rec);
    } catch (err) {
      this.app.notify('error', `The contact details could not be added to ticket #${ticketId}: ${agentMessage(err)}`);
    }
  }

  /** The agent sees whether the caller is enrolled in Voice ID. */
  private async showVoiceId(rec: ContactRecord): Promise<void> {
    if (!rec.config.voiceIdEnabled || rec.snapshot.channel !== 'voice') return;
    const v = await this.app.deps.connect.voiceIdState(rec.id);
    if (v) patchContact(this.app.store, rec.id, { voiceIdStatus: v.status });
  }

  /** Voice ID: the caller's enrolment status and voice authentication id go into their user fields. */
  private async saveVoiceId(rec: ContactRecord): Promise<void> {
    const userId = rec.userId;
    if (!rec.config.voiceIdEnabled || rec.done.voiceIdSaved || userId === null || userId === this.agentId()) return;
    const v = (await this.app.deps.connect.voiceIdState(rec.id)) ?? rec.voiceId;
    if (!v) return;
    const { voiceIdStatusField, voiceIdField } = rec.config;
    try {
      const known = new Set((await this.app.gateway.listUserFields()).map((f) => f.key));
      const missing = [voiceIdStatusField, voiceIdField].filter((k) => !known.has(k));
      if (missing.length) {
        this.app.notify('warning', `Voice ID was not saved: Zendesk has no user field with the key ${missing.join(' or ')}. Ask an admin to create it.`);
      }
      const fields: Record<string, string> = {};
      if (known.has(voiceIdStatusField)) fields[voiceIdStatusField] = v.status;
      if (known.has(voiceIdField) && v.speakerId) fields[voiceIdField] = v.speakerId;
      if (Object.keys(fields).length) await this.app.gateway.updateUser(userId, { user_fields: fields });
      rec.done.voiceIdSaved = true;
      this.save(rec);
    } catch (err) {
      this.app.notify('error', `Voice ID could not be saved to the caller's profile: ${agentMessage(err)}`);
    }
  }

  private async writeTaskNote(rec: ContactRecord): Promise<void> {
    const c = rec.snapshot;
    const note = renderTaskNote({
      name: c.name,
      description: c.description,
      references: c.references,
      createdMs: rec.offeredAtMs,
      acceptedMs: rec.acceptedAtMs,
      contactId: c.id,
      queue: c.queue,
    });
    if (rec.ticketId === null) return;
    const marker = `Task details, contact ${c.id}`;
    const ticketId = rec.ticketId;
    if (rec.inFlight === 'details' && (await this.app.gateway.commentAlreadyAdded(ticketId, marker).catch(() => false))) {
      rec.done.detailsWritten = true;
      this.save(rec);
      return;
    }
    await this.write(rec, 'details', () => this.app.gateway.addPrivateNote(ticketId, `${note.html}<p>${marker}</p>`, marker)).catch((err) => {
      this.app.notify('error', `The task details could not be added to ticket #${rec.ticketId}: ${agentMessage(err)}`);
    });
    rec.done.detailsWritten = true;
    this.save(rec);
  }

  // ---- other events --------------------------------------------------------------------------

  private async onMessage(): Promise<void> {
    // A new chat message while the CCP is hidden brings it back.
    await this.app.deps.zaf.invoke('popover', 'show').catch(() => undefined);
  }

  private async hidePopoverOnVoice(rec: ContactRecord): Promise<void> {
    if (rec.snapshot.channel !== 'voice') return;
    if (this.app.store.getState().contacts.length >= 2) return;
    await this.app.deps.zaf.invoke('popover', 'hide').catch(() => undefined);
  }

  /** The CCP switched to a contact: bring its ticket to the front. */
  async focus(contactId: string): Promise<void> {
    this.app.store.setState({ focusedContactId: contactId });
    const rec = this.app.progress.load(contactId);
    if (rec?.ticketId) await this.app.pop('ticket', rec.ticketId);
  }

  /** The agent opened a ticket with an active contact: switch the CCP to that contact. */
  async onViewing(v: NonNullable<Viewing>): Promise<void> {
    if (v.kind !== 'ticket') return;
    const hit = this.app.store.getState().contacts.find((c) => c.ticketId === v.id);
    if (hit && hit.id !== this.app.store.getState().focusedContactId) {
      this.app.store.setState({ focusedContactId: hit.id });
      this.app.deps.connect.focusContact(hit.id);
    }
  }

  /** The ticket of a contact chain, found by the external id the app gave it (live, no search lag). */
  private async ticketOfContact(initialContactId: string): Promise<TicketDetails | null> {
    const tickets = await this.app.gateway.ticketsByExternalId(connectExternalId(initialContactId));
    // Several (a forced transfer made its own): the newest is the one the chain is on now.
    return tickets.sort((a, b) => b.createdAtMs - a.createdAtMs)[0] ?? null;
  }

  // ---- small helpers --------------------------------------------------------------------------

  private noticesFor(rec: ContactRecord, notices: Notice[]): void {
    for (const n of notices) {
      this.app.notify(n.level, n.text);
      if (n.record && !rec.recordNotices.includes(n.text)) rec.recordNotices.push(n.text);
    }
  }

  private showContact(rec: ContactRecord): void {
    const s = this.app.store.getState();
    if (s.contacts.some((c) => c.id === rec.id)) return;
    const view: ContactView = {
      id: rec.id,
      channel: rec.snapshot.channel,
      direction: rec.direction,
      offered: rec.snapshot.initiation !== 'outbound',
      phase: rec.endedAtMs ? 'ended' : rec.connectedAtMs ? 'connected' : rec.acceptedAtMs ? 'accepted' : 'ringing',
      queue: rec.snapshot.queue,
      customerLabel: customerLabel(rec),
      mode: rec.mode,
      ticketId: rec.ticketId,
      userId: rec.userId,
      awaitingAgent: rec.decision?.assignment.kind === 'await_agent' && !rec.done.assigned,
      busy: false,
    };
    this.app.store.setState({ contacts: [...s.contacts, view], focusedContactId: s.focusedContactId ?? rec.id });
  }

  private outcome(rec: ContactRecord): void {
    this.outcomeMap.set(rec.id, { id: rec.id, mode: rec.mode, ticketId: rec.ticketId, userId: rec.userId });
    if (this.outcomeMap.size > MAX_OUTCOMES) {
      const first = this.outcomeMap.keys().next().value;
      if (first !== undefined) this.outcomeMap.delete(first);
    }
  }

  private save(rec: ContactRecord): void {
    if (!rec.done.finished) this.app.progress.save(rec);
  }

  private settings() {
    const s = this.app.settings;
    if (!s) throw new Error('The app has not read its settings yet.');
    return s;
  }

  private agentId(): number {
    const a = this.app.agent;
    if (!a) throw new Error('The app does not know the agent yet.');
    return a.id;
  }

  private systemNumber(rec: ContactRecord): string | null {
    const c = rec.snapshot;
    if (rec.direction === 'outbound') return rec.config.outboundCli ?? this.settings().defaultEntryPointNumber ?? c.systemEndpoint;
    return rec.config.dialedNumber ?? this.settings().defaultEntryPointNumber ?? c.systemEndpoint;
  }

  private now(): number {
    return this.app.deps.clock.nowMs();
  }
}

/** A transferred contact, or another agent's leg of a multi-party call. */
function isLaterLeg(c: ContactSnapshot): boolean {
  return c.initiation === 'transfer' || c.initiation === 'queue_transfer' || (c.initialContactId !== c.id && c.initiation !== 'outbound');
}

function digits(n: string): string {
  return n.replace(/\D/g, '');
}

function partyOf(rec: ContactRecord): string | null {
  const c = rec.snapshot;
  if (c.channel === 'task') return c.name;
  if (c.channel === 'chat') {
    if (rec.caller?.kind === 'recognised') return rec.caller.user.name;
    return rec.config.customerName ?? rec.config.customerEmail ?? rec.config.customerNumber;
  }
  const n = classifyCallerNumber(rec.config.customerNumber ?? c.customerEndpoint, null);
  return n.kind === 'number' ? n.e164 : n.kind === 'unparseable' ? n.raw : null;
}

function customerLabel(rec: ContactRecord): string {
  if (rec.caller?.kind === 'recognised') return rec.caller.user.name;
  const c = rec.snapshot;
  if (c.channel === 'task') return c.name ?? 'Task';
  const party = partyOf(rec);
  if (!party) return c.channel === 'chat' ? 'Chat customer' : 'Withheld number';
  const n = classifyCallerNumber(party, null);
  return n.kind === 'number' ? formatForDisplay(n.e164) : party;
}
