// What happens to each contact: events in order → decisions → writes, with progress recorded
// after every step so a reload or another tab carries on instead of repeating work.
import { parseContactConfig } from '../domain/attributes';
import { directionOf } from '../domain/render/format';
import { decideAtEndWithoutTicket, endWithoutTicketNotice, resolveAttachToCurrent, resolveCreateTicket } from '../domain/rules/manual';
import type { Assignment, CallerFact, Decision, Notice, UserFact } from '../domain/types';
import type { ContactEvent, ContactSnapshot, ContactStage } from '../connect/types';
import { failure } from '../domain/rules/notices';
import { msg } from '../i18n/messages';
import { ZendeskError, agentErrorMessage, isTransient } from '../zendesk/errors';
import type { AppController, ContactOutcome } from './controller';
import type { ContactRecord } from './progress';
import { patchContact, type ContactView, type Viewing } from './store';
import { ContactDecisions } from './decide';
import { ContactWrites } from './writes';
import { WorkKit, customerLabel, isLaterLeg } from './workKit';

const MAX_OUTCOMES = 500;
/** Unfinished work is tried again after 1, 2, 3… minutes, for about an hour and a half. */
const RETRY_AFTER_MS = 60_000;
const MAX_RETRIES = 12;
/** Lookups tried again while Zendesk answers 429 (each round is the transport's own retries). */
const RATE_LIMITED_LOOKUP_ROUNDS = 6;
/** 'gone' last: a cleared contact has been through everything. */
const STAGES: ContactStage[] = ['unknown', 'offered', 'accepted', 'connected', 'ended', 'gone'];

export class ContactWork extends WorkKit {
  private chains = new Map<string, Promise<void>>();
  private outcomeMap = new Map<string, ContactOutcome>();
  private readonly decisions: ContactDecisions;
  private readonly writes: ContactWrites;

  constructor(app: AppController) {
    super(app);
    this.decisions = new ContactDecisions(app);
    this.writes = new ContactWrites(app);
  }

  /** Events of one contact are handled strictly in order; contacts do not wait for each other. */
  handle(e: ContactEvent): Promise<void> {
    // When it happened, not when its turn comes: earlier events may still be writing.
    const at = this.now();
    return this.handleAction(e.contact.id, () => this.dispatch(e, at));
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
      case 'connected': {
        await this.offered(rec);
        const first = rec.connectedAtMs === null;
        rec.acceptedAtMs ??= at;
        rec.connectedAtMs ??= at;
        this.save(rec);
        patchContact(this.app.store, rec.id, { phase: 'connected' });
        await this.accepted(rec);
        if (!first) return;
        await this.writes.showVoiceId(rec);
        return this.hidePopoverOnVoice(rec);
      }
      case 'missed':
        await this.writes.recordMissedCall(rec);
        return this.dropped(rec);
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
      retries: 0,
      inFlight: null,
      voiceId: null,
      done: { warned: false, incomingPop: false, assigned: false, ticketPop: false, notesWritten: false, detailsWritten: false, voiceIdSaved: false, finished: false },
    };
  }

  private async offered(rec: ContactRecord): Promise<void> {
    if (rec.decision) return;
    if (!rec.done.warned) {
      for (const w of rec.config.warnings) this.app.notify('warning', w);
      rec.done.warned = true;
      this.save(rec);
    }
    let decision: Decision;
    try {
      decision = await this.decideThroughRateLimit(rec);
    } catch (err) {
      // A failed lookup is never taken for "unknown caller": the agent decides instead.
      decision = {
        mode: 'agent',
        pop: null,
        assignment: { kind: 'await_agent' },
        selectedUserId: null,
        notices: [failure(msg('agent.lookupFailed', { error: agentErrorMessage(err) }))],
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

  /**
   * The rules' decision. When the account's rate limit outlasts the transport's own retries, the
   * lookup is made again (the transport waits each Retry-After, so this is paced): guessing
   * "unknown caller", or leaving the contact to the agent's current view, would put it on the
   * wrong user. Outages and refusals still go to the agent at once.
   */
  private async decideThroughRateLimit(rec: ContactRecord): Promise<Decision> {
    for (let round = 1; ; round++) {
      try {
        return await this.decisions.decide(rec);
      } catch (err) {
        if (!(err instanceof ZendeskError && err.status === 429) || round >= RATE_LIMITED_LOOKUP_ROUNDS || this.app.isStopped) throw err;
        if (round === 1) {
          this.app.say('warning', msg('agent.lookupRateLimited'));
        }
      }
    }
  }

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
    if (rec.snapshot.channel === 'task' && rec.ticketId !== null && !rec.done.detailsWritten) await this.writes.writeTaskNote(rec);
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
        const ticket = await this.writes.createTicket(rec, a.requester);
        rec.ticketId = ticket.id;
        rec.userId = ticket.requesterId;
        rec.done.notesWritten = true;
      } else if (a.kind === 'attach') {
        await this.writes.markAttachedTicket(rec, a.ticketId);
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
      if (isTransient(err)) {
        // Zendesk is away (rate limit, outage, network): the same assignment is tried again later.
        this.app.say('warning', msg(a.kind === 'attach' ? 'agent.ticketNotUpdatedYet' : 'agent.ticketNotCreatedYet', { error: agentErrorMessage(err) }));
        this.retryLater(rec);
        return;
      }
      this.app.say('error', msg(a.kind === 'attach' ? 'agent.ticketNotUpdated' : 'agent.ticketNotCreated', { error: agentErrorMessage(err) }));
      rec.pendingAssignment = null;
      rec.mode = 'agent';
      this.save(rec);
      this.outcome(rec);
      patchContact(this.app.store, rec.id, { mode: 'agent', awaitingAgent: true });
    } finally {
      patchContact(this.app.store, rec.id, { busy: false });
    }
  }

  async createTicketClicked(contactId: string): Promise<void> {
    const rec = this.app.progress.load(contactId);
    if (!rec || rec.done.assigned || !(await this.app.claims.claim(contactId))) return;
    await this.handleAction(contactId, async () => {
      const fresh = this.app.progress.load(contactId);
      if (!fresh || fresh.done.assigned) return;
      const selectedUser = await this.selectedUser(fresh);
      let caller: CallerFact = fresh.caller ?? { kind: 'anonymous' };
      // A transferred leg's customer may have been made or found by another agent since the
      // lookup at the offer. Look again rather than make a second user.
      if (!selectedUser && caller.kind === 'unrecognised' && isLaterLeg(fresh.snapshot)) {
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
      if (r.addPhoneToUser !== null && fresh.done.assigned) await this.writes.addPhone(fresh, r.addPhoneToUser, selectedUser);
      if (fresh.endedAtMs !== null) await this.writes.writeDetails(fresh);
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
        this.app.notify(r.notice.level, r.notice.text, r.notice.message);
        return;
      }
      fresh.userId = ticket?.requesterId ?? null;
      fresh.attachTicket = ticket;
      await this.assign(fresh, { kind: 'attach', ticketId: r.ticketId });
      await this.afterAssigned(fresh);
      if (r.addPhoneToUser !== null) await this.writes.addPhone(fresh, r.addPhoneToUser, null);
      if (fresh.endedAtMs !== null) await this.writes.writeDetails(fresh);
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

  /** Runs `fn` after everything already queued for this contact (events, clicks, resumes). */
  private handleAction(contactId: string, fn: () => Promise<void>): Promise<void> {
    const prev = this.chains.get(contactId) ?? Promise.resolve();
    const next = prev.then(fn).catch((err) => this.app.fail(err));
    this.chains.set(contactId, next);
    void next.then(() => {
      if (this.chains.get(contactId) === next) this.chains.delete(contactId);
    });
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

  private async ended(rec: ContactRecord): Promise<void> {
    // Connect serves a transcript only until the contact is cleared: keep it for a ticket made later.
    if (rec.snapshot.channel === 'chat' && rec.config.chatTranscript && rec.transcript === null) {
      rec.transcript = await this.app.deps.connect.getTranscript(rec.id);
      this.save(rec);
    }
    if (rec.ticketId !== null) await this.writes.writeDetails(rec);
    await this.writes.saveVoiceId(rec);
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
    if (!rec.done.assigned && rec.decision?.assignment.kind === 'await_agent' && (rec.snapshot.channel === 'voice' || rec.snapshot.channel === 'chat') && !rec.snapshot.monitoring && !rec.noTicketAtEnd) {
      const a = decideAtEndWithoutTicket({ config: rec.config, selectedUserId: this.selectedUserId(rec) });
      const notice = endWithoutTicketNotice(a, rec.snapshot.channel);
      if (a.kind === 'create_ticket') await this.assign(rec, a, notice ? [notice] : []);
    }
    if (rec.ticketId !== null) await this.writes.writeDetails(rec);
    await this.writes.saveVoiceId(rec);
    // Work Zendesk could not take yet stays recorded (and claimed) until it is done.
    const unfinished = rec.pendingAssignment !== null || (rec.ticketId !== null && !rec.done.detailsWritten);
    if (unfinished && this.retryLater(rec)) return;
    const hadOthers = this.app.store.getState().contacts.length >= 2;
    this.finish(rec);
    if (hadOthers) await this.showNextOfChannel(rec);
  }

  /**
   * Tries the contact's unfinished work again after a pause (longer each time), by resuming it:
   * every step checks what is already done. False once it has tried long enough.
   */
  private retryLater(rec: ContactRecord): boolean {
    if (rec.retries >= MAX_RETRIES) {
      this.app.say('error', msg('agent.gaveUp', { contact: rec.id }));
      return false;
    }
    rec.retries++;
    this.save(rec);
    const id = rec.id;
    void this.app.deps.clock.sleep(RETRY_AFTER_MS * rec.retries).then(() => {
      if (!this.app.isStopped) this.resume(id);
    });
    return true;
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
    // Already in front (the app itself switched the CCP): nothing more to bring forward.
    if (this.app.store.getState().focusedContactId === contactId) return;
    this.app.store.setState({ focusedContactId: contactId });
    const rec = this.app.progress.load(contactId);
    if (rec?.ticketId && (await this.app.claims.claim(contactId))) await this.app.pop('ticket', rec.ticketId);
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
}
