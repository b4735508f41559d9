// The Zendesk writes of a contact: its user and ticket, the external id and notes on a ticket
// it joins, call details, transcripts, task notes and Voice ID. Each is written once.
import { classifyCallerNumber, formatForDisplay } from '../domain/phone';
import {
  chatTranscriptParts,
  renderAgentNotifications,
  renderChatTranscript,
  renderContactSummary,
  renderTaskNote,
  ticketSubject,
  ticketTags,
  voiceCommentData,
} from '../domain/render';
import { chooseBrand } from '../domain/brand';
import { OUTBOUND_QUEUE_FIELD } from '../domain/outboundQueue';
import { recordingUrl } from '../domain/recording';
import type { VoiceCommentData } from '../domain/render/voiceComment';
import type { Requester, UserFact } from '../domain/types';
import { ZendeskError, agentMessage, isTransient } from '../zendesk/errors';
import { connectExternalId, externalIdIsOurs, type CallRecordJson, type TicketDetails } from '../zendesk/gateway';
import type { ContactRecord } from './progress';
import { patchContact } from './store';
import { WorkKit, partyOf } from './workKit';

/** Ends every transcript note: lets a continued chat add only the messages that came after. */
const TRANSCRIPT_UP_TO = 'Messages up to ';
/**
 * Zendesk cuts a comment over 64 kB silently (DESIGN.md, "Zendesk limits that bite"): each
 * transcript part's HTML stays below 60,000 UTF-8 bytes, room left for the heading and the
 * "Messages up to" line.
 */
const TRANSCRIPT_PART_BYTES = 60_000;

export class ContactWrites extends WorkKit {
  /**
   * An existing ticket the contact was attached to gets the chain's external id, so a transfer
   * or another agent's leg finds it at once; agent notifications ride in the same request.
   */
  async markAttachedTicket(rec: ContactRecord, ticketId: number): Promise<void> {
    const want = connectExternalId(rec.snapshot.initialContactId);
    const ticket = rec.attachTicket?.id === ticketId ? rec.attachTicket : await this.app.gateway.getTicket(ticketId);
    if (!ticket) return;
    const retag = ticket.externalId !== want && externalIdIsOurs(ticket.externalId);
    // Agent notifications and a task's note ride in one request with the external id.
    const notes = this.notesNote(rec);
    const task = rec.snapshot.channel === 'task' && !rec.done.detailsWritten ? this.taskNote(rec) : null;
    const html = (task?.html ?? '') + (notes?.html ?? '');
    const marker = notes?.marker ?? task?.marker ?? '';
    if (!retag && !html) return;
    const landed = html !== '' && rec.inFlight === 'notes' && (await this.app.gateway.commentAlreadyAdded(ticketId, marker));
    if (!landed) {
      const note = html ? { html, marker } : null;
      await this.write(rec, 'notes', () =>
        retag ? this.app.gateway.markTicketForContact(ticketId, want, note) : this.app.gateway.addPrivateNote(ticketId, html, marker),
      );
    }
    if (notes) rec.done.notesWritten = true;
    if (task) rec.done.detailsWritten = true;
  }

  async createTicket(rec: ContactRecord, requester: Requester): Promise<TicketDetails> {
    const gw = this.app.gateway;
    const c = rec.snapshot;
    const agentId = this.agentId();
    let requesterId: number;
    if (requester.kind === 'user') requesterId = requester.userId;
    else if (requester.kind === 'agent') requesterId = agentId;
    else if (rec.createdUserId !== null) requesterId = rec.createdUserId;
    else {
      const user = await this.createUserOrAgent(rec, requester);
      requesterId = user?.id ?? agentId;
      // Kept at once: a reload during the ticket's creation must not make the user again.
      rec.createdUserId = requesterId;
      this.save(rec);
    }
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
    const externalId = connectExternalId(c.initialContactId);
    const marker = `Contact ID: ${c.id}`;
    // A ticket made after the call ended (mandatory creation, a late click) carries the call
    // details in the same request.
    const voice = rec.endedAtMs !== null && this.wantsVoiceComment(rec) && !rec.done.detailsWritten ? this.voiceData(rec) : null;
    if (rec.inFlight === 'create_ticket' || rec.inFlight === 'create_ticket_with_details') {
      const withDetails = rec.inFlight === 'create_ticket_with_details';
      const found = await gw.findCreatedTicket({ externalId, requesterId, marker });
      if (found) {
        if (withDetails) rec.done.detailsWritten = true; // that attempt carried them
        return found;
      }
    }
    const ticket = await this.write(rec, voice ? 'create_ticket_with_details' : 'create_ticket', () => gw.createTicket({
      marker,
      voiceComment: voice,
      requesterId,
      subject: ticketSubject(rec.direction, c.channel, party, rec.config.conversationTitle),
      noteHtml: summary.html,
      brandId,
      tags: ticketTags(c.channel, c.initiation),
      customFields,
      externalId,
      voiceVia: c.channel === 'voice' ? (rec.direction === 'outbound' ? 46 : 45) : null,
    }));
    if (voice) rec.done.detailsWritten = true;
    return ticket;
  }

  /**
   * The new caller's user; null when this agent may not create end users (403: the role lacks
   * "can manage end users"): the ticket is then made with the agent as requester, the caller's
   * number stays in the ticket's note, and the agent is told what to do next.
   */
  private async createUserOrAgent(rec: ContactRecord, r: Extract<Requester, { kind: 'new_user' }>): Promise<UserFact | null> {
    try {
      return await this.createUser(rec, r);
    } catch (err) {
      if (!(err instanceof ZendeskError && err.status === 403)) throw err;
      const who = r.phone ? `the caller's number, ${formatForDisplay(this.e164(r.phone) ?? r.phone)},` : r.email ? `the customer's email, ${r.email},` : "what is known of the customer";
      this.noticesFor(rec, [{
        level: 'warning',
        record: true,
        text: `You may not create customers in Zendesk, so this ticket was created with you as the requester; ${who} is in its first note. Ask an admin to create the customer (or to let your role manage end users), then change the requester.`,
      }]);
      return null;
    }
  }

  private async createUser(rec: ContactRecord, r: Extract<Requester, { kind: 'new_user' }>): Promise<UserFact> {
    // Zendesk may insist on E.164 ("validate user phone numbers"): a number that cannot be read
    // as one stays out of the profile (it is in the ticket's note).
    const phone = this.e164(r.phone);
    const name = r.name?.trim() || (r.phone ? formatForDisplay(phone ?? r.phone) : null) || r.email || 'Unknown customer';
    const externalId = `amazon-connect:${rec.id}`;
    const gw = this.app.gateway;
    // Another instance (a reload, another tab) may have sent this write without seeing its answer.
    if (rec.inFlight === 'create_user') {
      const found = await gw.userByExternalId(externalId);
      if (found) return found;
    }
    try {
      return await this.write(rec, 'create_user', () => gw.createUser({ name, phone, email: r.email, externalId }));
    } catch (err) {
      // A user's external id is unique: a 422 may mean this contact's user exists already.
      if (!(err instanceof ZendeskError && err.status === 422)) throw err;
      const found = await gw.userByExternalId(externalId);
      if (found) return found;
      throw err;
    }
  }

  /** The number in E.164, the only form the app writes to a user's profile; null when unreadable. */
  private e164(raw: string | null): string | null {
    if (!raw) return null;
    const n = classifyCallerNumber(raw, this.settings().defaultCountry);
    return n.kind === 'number' ? n.e164 : null;
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
      // An inactive field is listed but must not be written: it counts as missing.
      const field = await this.app.gateway.ticketFieldTitled(OUTBOUND_QUEUE_FIELD, true);
      if (!field) {
        this.noticesFor(rec, [{ level: 'warning', record: false, text: `ticket_outbound_queue is set, but Zendesk has no active ticket field named ${OUTBOUND_QUEUE_FIELD}; ask an admin to create or reactivate it.` }]);
        return [];
      }
      return [{ id: field.id, value: queue }];
    } catch {
      return [];
    }
  }

  async addPhone(rec: ContactRecord, userId: number, known: UserFact | null): Promise<void> {
    const number = this.e164(rec.caller?.kind === 'unrecognised' ? rec.caller.number : null);
    if (!number) return;
    try {
      const user = known && known.id === userId ? known : await this.app.gateway.getUser(userId);
      if (!user || user.phone) return;
      await this.app.gateway.updateUser(userId, { phone: number });
    } catch (err) {
      this.app.notify('warning', `The caller's number could not be added to the user's profile: ${agentMessage(err)}`);
    }
  }

  /** Agent notifications, then call details / transcript: each written once. */
  private wantsVoiceComment(rec: ContactRecord): boolean {
    return rec.snapshot.channel === 'voice' && rec.config.voiceComment && !rec.snapshot.monitoring;
  }

  /** The call details of a voice contact, from its recorded times. */
  private voiceData(rec: ContactRecord): VoiceCommentData {
    const c = rec.snapshot;
    return voiceCommentData({
      direction: rec.direction,
      customerNumber: rec.config.customerNumber ?? c.customerEndpoint,
      systemNumber: c.systemEndpoint,
      config: rec.config,
      defaultEntryPointNumber: this.settings().defaultEntryPointNumber,
      startedMs: rec.connectedAtMs ?? rec.acceptedAtMs ?? rec.offeredAtMs,
      endedMs: rec.endedAtMs ?? this.now(),
      agentId: this.agentId(),
      recordingUrl: recordingUrl(this.settings().ccpUrl, rec.id),
    });
  }

  /**
   * Talk Partner Edition's call record of a call this agent handled, with its voice comment on
   * the ticket (unless voice_comment is false), in place of the Tickets-API voice comment.
   * False where the account has no Talk Partner Edition (or ZAF gave no app id): the caller then
   * writes the Tickets-API voice comment, which needs none.
   */
  private async recordCall(rec: ContactRecord, ticketId: number | null): Promise<boolean> {
    const gw = this.app.gateway;
    const appId = this.app.appId;
    if (appId === null) return false;
    const data = this.voiceData(rec);
    const withComment = ticketId !== null && this.wantsVoiceComment(rec);
    // The voice comment shows the record, this leg's contact id included: that finds a comment
    // whose write was answered by no one.
    const marker = JSON.stringify({ external_id: rec.id }).slice(1, -1);
    if (withComment && rec.inFlight === 'details' && (await gw.commentAlreadyAdded(ticketId, marker))) return true;
    const answered = rec.acceptedAtMs !== null;
    const call: CallRecordJson = {
      app_id: appId,
      from_line: data.from,
      to_line: data.to,
      call_started_at: data.started_at,
      direction: rec.direction === 'outbound' ? 'outbound' : 'inbound',
      external_id: rec.id,
      ...(rec.snapshot.queue ? { queue_name: rec.snapshot.queue } : {}),
      ...(answered
        ? {
            call_ended_at: new Date(rec.endedAtMs ?? this.now()).toISOString(),
            duration: data.call_duration,
            agent_id: data.answered_by_id,
            completion_status: 'completed',
          }
        : {}),
      // An unanswered call has no recording.
      ...(answered && data.recording_url ? { recording_url: data.recording_url } : {}),
      ...(rec.config.recordingOptOut ? { call_recording_consent_action: 'caller_opted_out' } : {}),
      ...(ticketId !== null ? { ticket_id: ticketId } : {}),
      ...(rec.userId !== null && rec.userId !== this.agentId() ? { end_user_id: rec.userId } : {}),
    };
    const made = await this.write(rec, 'details', () => gw.createCall(call, withComment ? { title: data.title ?? '' } : null, marker));
    return made !== null;
  }

  /** A missed call leaves a call record without a ticket (Explore counts it); nothing else is written. */
  async recordMissedCall(rec: ContactRecord): Promise<void> {
    const c = rec.snapshot;
    if (c.channel !== 'voice' || c.monitoring || rec.direction === 'outbound' || rec.done.detailsWritten) return;
    try {
      await this.recordCall(rec, null);
    } catch (err) {
      this.app.notify('warning', `Missed call not recorded: ${agentMessage(err)}`);
    }
    rec.done.detailsWritten = true;
    this.save(rec);
  }

  async writeDetails(rec: ContactRecord): Promise<void> {
    const ticketId = rec.ticketId;
    if (ticketId === null || rec.done.detailsWritten) return;
    const gw = this.app.gateway;
    try {
      const notes = this.notesNote(rec);
      if (notes) {
        if (!(rec.inFlight === 'notes' && (await gw.commentAlreadyAdded(ticketId, notes.marker)))) {
          await this.write(rec, 'notes', () => gw.addPrivateNote(ticketId, notes.html, notes.marker));
        }
        rec.done.notesWritten = true;
        this.save(rec);
      }
      const c = rec.snapshot;
      if (c.channel === 'voice' && !c.monitoring && (await this.recordCall(rec, ticketId))) {
        // The call record carries the details, and its voice comment shows them.
      } else if (this.wantsVoiceComment(rec)) {
        const data = this.voiceData(rec);
        if (!(rec.inFlight === 'details' && (await gw.commentAlreadyAdded(ticketId, data.started_at)))) {
          await this.write(rec, 'details', () => gw.addVoiceComment(ticketId, data, data.started_at));
        }
      } else if (c.channel === 'chat' && rec.config.chatTranscript) {
        await this.writeTranscript(rec, ticketId);
      }
      rec.done.detailsWritten = true;
      this.save(rec);
    } catch (err) {
      if (isTransient(err)) {
        this.app.notify('warning', `The contact details could not be added to ticket #${ticketId} yet: ${agentMessage(err)} They will be added when Zendesk answers again.`);
        return;
      }
      // A refusal (a ticket at Zendesk's 5,000 comments, a closed ticket, no permission) stays
      // one: trying again would only repeat the error. What was written stays; the rest is told.
      rec.done.detailsWritten = true;
      this.save(rec);
      this.app.notify(
        'error',
        `The contact details could not be added to ticket #${ticketId}: ${agentMessage(err).replace(/([^.!?])$/, '$1.')} They are not tried again; Amazon Connect keeps them under contact ${rec.id}.`,
      );
    }
  }

  /**
   * The chat transcript as private notes: one when it fits, else parts named "part k of n",
   * each below Zendesk's comment limit and each ending with its own "Messages up to" line.
   * Parts are written in order, once each: `transcriptPartsWritten` counts those that landed.
   */
  private async writeTranscript(rec: ContactRecord, ticketId: number): Promise<void> {
    const gw = this.app.gateway;
    const heading = `Chat transcript, contact ${rec.id}`;
    let items = rec.transcript ?? (await this.app.deps.connect.getTranscript(rec.id));
    // A continued chat carries the earlier conversation: only what the ticket lacks is added.
    // This contact's own parts are left out of that reading, so a resumed write splits alike.
    if (rec.snapshot.previousContactId) {
      const upTo = await gw.lastTranscriptTime(ticketId, heading);
      if (upTo !== null) items = items.filter((i) => i.atMs > upTo);
    }
    const parts = chatTranscriptParts(items, TRANSCRIPT_PART_BYTES);
    for (let k = rec.transcriptPartsWritten ?? 0; k < parts.length; k++) {
      const part = parts[k]!;
      const marker = parts.length === 1 ? heading : `${heading}, part ${k + 1} of ${parts.length}`;
      const last = part.reduce((m, i) => Math.max(m, i.atMs), 0);
      const html = `<p><strong>${marker}</strong></p>${renderChatTranscript(part).html}` + (last ? `<p>${TRANSCRIPT_UP_TO}${new Date(last).toISOString()}</p>` : '');
      if (!(rec.inFlight === 'details' && (await gw.commentAlreadyAdded(ticketId, marker)))) {
        await this.write(rec, 'details', () => gw.addPrivateNote(ticketId, html, marker));
      }
      rec.transcriptPartsWritten = k + 1;
      this.save(rec);
    }
  }

  /** The agent sees whether the caller is enrolled in Voice ID. */
  async showVoiceId(rec: ContactRecord): Promise<void> {
    if (!rec.config.voiceIdEnabled || rec.snapshot.channel !== 'voice') return;
    const v = await this.app.deps.connect.voiceIdState(rec.id);
    if (v) patchContact(this.app.store, rec.id, { voiceIdStatus: v.status });
  }

  /** Voice ID: the caller's enrolment status and voice authentication id go into their user fields. */
  async saveVoiceId(rec: ContactRecord): Promise<void> {
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

  /** The "Agent notifications" note still owed to the ticket, if any. */
  private notesNote(rec: ContactRecord): { html: string; marker: string } | null {
    if (rec.done.notesWritten || !rec.recordNotices.length) return null;
    const marker = `Agent notifications for contact ${rec.id}`;
    return { html: `${renderAgentNotifications(rec.recordNotices)}<p>${marker}</p>`, marker };
  }

  /** The note a task adds to its ticket: name, description, references, times. */
  private taskNote(rec: ContactRecord): { html: string; marker: string } {
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
    const marker = `Task details, contact ${c.id}`;
    return { html: `${note.html}<p>${marker}</p>`, marker };
  }

  async writeTaskNote(rec: ContactRecord): Promise<void> {
    const ticketId = rec.ticketId;
    if (ticketId === null || rec.done.detailsWritten) return;
    const note = this.taskNote(rec);
    try {
      if (!(rec.inFlight === 'details' && (await this.app.gateway.commentAlreadyAdded(ticketId, note.marker)))) {
        await this.write(rec, 'details', () => this.app.gateway.addPrivateNote(ticketId, note.html, note.marker));
      }
      rec.done.detailsWritten = true;
      this.save(rec);
    } catch (err) {
      this.app.notify('error', `The task details could not be added to ticket #${ticketId} yet: ${agentMessage(err)}`);
    }
  }
}
