// The agent's clicks in manual assignment, and "Mandatory ticket creation".
import { describe, expect, it } from 'vitest';
import {
  decideAtEndWithoutTicket,
  endWithoutTicketNotice,
  resolveAttachToCurrent,
  resolveCreateTicket,
} from '../../../src/domain/rules/manual';
import type { CallerFact, Requester, UserFact } from '../../../src/domain/types';
import { ANN, BOB, CALLERS, NO_PHONE, OTHER_REQUESTER_ID, config, expectNotices, ticket, user } from './fixtures';

const WITH_PHONE = user(13, 'Pat Phone', '+15550001111');
const NOBODY: CallerFact = { kind: 'unrecognised', number: null, email: null, name: null };

type CreateRow = [
  caller: string,
  callerFact: CallerFact,
  selected: string,
  selectedUser: UserFact | null,
  requester: Requester,
  addPhoneToUser: number | null,
  notice: string,
];

// prettier-ignore
const CREATE_TICKET: CreateRow[] = [
  // caller                          selected user                                      → requester                                                                      add number to      notice
  ['recognised',   CALLERS.recognised,   'the popped caller',          ANN,      { kind: 'user', userId: ANN.id },                                                   null,              'no notice'],
  ['recognised',   CALLERS.recognised,   'another user (no phone)',    NO_PHONE, { kind: 'user', userId: NO_PHONE.id },                                              null,              'no notice'],
  ['recognised',   CALLERS.recognised,   'nobody',                     null,     { kind: 'user', userId: ANN.id },                                                   null,              'no notice'],
  ['unrecognised', CALLERS.unrecognised, 'a user with no phone',       NO_PHONE, { kind: 'user', userId: NO_PHONE.id },                                              NO_PHONE.id,       'no notice'],
  ['unrecognised', CALLERS.unrecognised, 'a user who has a phone',     WITH_PHONE, { kind: 'user', userId: WITH_PHONE.id },                                          null,              'no notice'],
  ['unrecognised', CALLERS.unrecognised, 'nobody',                     null,     { kind: 'new_user', name: 'Jane Caller', phone: '+442079460000', email: null },     null,              'no notice'],
  ['unrecognised (nothing known)', NOBODY, 'nobody',                   null,     { kind: 'agent' },                                                                  null,              'info: could not be identified.*you as the requester'],
  ['anonymous',    CALLERS.anonymous,    'a user with no phone',       NO_PHONE, { kind: 'user', userId: NO_PHONE.id },                                              null,              'no notice'],
  ['anonymous',    CALLERS.anonymous,    'nobody',                     null,     { kind: 'agent' },                                                                  null,              'info: withheld.*you as the requester'],
  ['shared number', CALLERS.ambiguous,   'one of them',                BOB,      { kind: 'user', userId: BOB.id },                                                   null,              'no notice'],
  ['shared number', CALLERS.ambiguous,   'nobody',                     null,     { kind: 'agent' },                                                                  null,              'warning: 2 users share.*Ann Smith, user #1; Bob Jones, user #2.*you as the requester'],
];

describe('Create ticket', () => {
  it.each(CREATE_TICKET)('%s caller, selected %s → requester %j, number added to %s, %s', (_c, caller, _s, selectedUser, requester, addPhone, notice) => {
    const result = resolveCreateTicket({ caller, selectedUser });
    expect(result.requester).toEqual(requester);
    expect(result.addPhoneToUser).toBe(addPhone);
    expectNotices(result.notices, notice);
  });
});

describe('Attach to current', () => {
  it('with no ticket in view: asks the agent to open one', () => {
    const result = resolveAttachToCurrent({ viewedTicket: null, caller: CALLERS.recognised });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.notice.text).toBe('Open the ticket you want to attach this call to, then click Attach to current.');
      expect(result.notice.record).toBe(false);
    }
  });

  it('with a closed ticket in view: refuses, saying it is closed', () => {
    const result = resolveAttachToCurrent({ viewedTicket: ticket(400, ANN.id, 'closed'), caller: CALLERS.recognised });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.notice.level).toBe('warning');
      expect(result.notice.record).toBe(false);
      expect(result.notice.text).toMatch(/#400 is closed/);
    }
  });

  it.each([
    ['recognised', CALLERS.recognised, 'open', null],
    ['recognised', CALLERS.recognised, 'solved', null],
    ['unrecognised', CALLERS.unrecognised, 'pending', OTHER_REQUESTER_ID],
    ['unrecognised without a number', NOBODY, 'open', null],
    ['anonymous', CALLERS.anonymous, 'open', null],
    ['shared number', CALLERS.ambiguous, 'hold', null],
  ] as const)('%s caller, %s ticket in view → attached, number added to %s', (_l, caller, status, addPhone) => {
    expect(resolveAttachToCurrent({ viewedTicket: ticket(400, OTHER_REQUESTER_ID, status), caller })).toEqual({
      ok: true,
      ticketId: 400,
      addPhoneToUser: addPhone,
    });
  });
});

describe('Mandatory ticket creation: a manual call ends with no ticket', () => {
  // prettier-ignore
  it.each([
    ['true (the default)', undefined, 'a selected user', 42,   { kind: 'create_ticket', requester: { kind: 'user', userId: 42 } }],
    ['true (the default)', undefined, 'nobody selected', null, { kind: 'create_ticket', requester: { kind: 'agent' } }],
    ['true',               true,      'a selected user', 42,   { kind: 'create_ticket', requester: { kind: 'user', userId: 42 } }],
    ['true',               true,      'nobody selected', null, { kind: 'create_ticket', requester: { kind: 'agent' } }],
    ['false',              false,     'a selected user', 42,   { kind: 'none' }],
    ['false',              false,     'nobody selected', null, { kind: 'none' }],
  ] as const)('force_ticket_creation %s, %s → %j', (_l, force, _s, selectedUserId, expected) => {
    const cfg = config({ mode: 'agent', ...(force === undefined ? {} : { forceTicketCreation: force }) });
    expect(decideAtEndWithoutTicket({ config: cfg, selectedUserId })).toEqual(expected);
  });

  it('the ticket made for the agent carries a recorded warning asking to change the requester', () => {
    const notice = endWithoutTicketNotice({ kind: 'create_ticket', requester: { kind: 'agent' } });
    expectNotices(notice ? [notice] : [], 'warning: ended before a ticket.*you as the requester');
  });

  it('the ticket made for the selected user carries a recorded warning naming them', () => {
    const notice = endWithoutTicketNotice({ kind: 'create_ticket', requester: { kind: 'user', userId: 42 } });
    expectNotices(notice ? [notice] : [], 'warning: ended before a ticket.*user #42');
  });

  it('no ticket, no notice', () => {
    expect(endWithoutTicketNotice({ kind: 'none' })).toBeNull();
  });
});
