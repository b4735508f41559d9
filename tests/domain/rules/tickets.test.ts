// How a ticket number and a recent ticket are read before the tables are consulted.
import { describe, expect, it } from 'vitest';
import { classifyRecentTicket, classifyRequestedTicket, parseTicketNumber } from '../../../src/domain/rules/tickets';
import type { CallerFact, RequestedTicketFact } from '../../../src/domain/types';
import { ANN, BOB, CALLERS, MINUTE, NOW, OTHER_REQUESTER_ID, config, ticket } from './fixtures';

describe('ticket number attribute', () => {
  it.each([
    ['123', 123],
    ['#123', 123],
    [' 42 ', 42],
    ['0', null],
    ['12a', null],
    ['abc', null],
    ['', null],
    [null, null],
    ['9999999999999999', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseTicketNumber(raw)).toBe(expected);
  });
});

describe('the ticket the caller asked for', () => {
  const found = (status: 'open' | 'pending' | 'hold' | 'new' | 'solved' | 'closed', requesterId: number): RequestedTicketFact => ({
    kind: 'found',
    ticket: ticket(100, requesterId, status),
  });
  // prettier-ignore
  it.each([
    ['recognised',   'no number',                                  { kind: 'absent' } as RequestedTicketFact,         'absent'],
    ['recognised',   'a number that finds nothing',                { kind: 'invalid', raw: '77' } as RequestedTicketFact, 'invalid'],
    ['recognised',   'their own open ticket',                      found('open', ANN.id),                             'valid'],
    ['recognised',   'their own solved ticket (solved is not closed)', found('solved', ANN.id),                       'valid'],
    ['recognised',   'their own closed ticket',                    found('closed', ANN.id),                           'closed'],
    ['recognised',   "someone else's open ticket",                 found('pending', OTHER_REQUESTER_ID),              'not_callers'],
    ['recognised',   "someone else's closed ticket",               found('closed', OTHER_REQUESTER_ID),               'closed'],
    ['unrecognised', 'any open ticket (cannot be checked)',        found('hold', OTHER_REQUESTER_ID),                 'valid'],
    ['unrecognised', 'a closed ticket',                            found('closed', OTHER_REQUESTER_ID),               'closed'],
    ['anonymous',    'any open ticket (cannot be checked)',        found('new', OTHER_REQUESTER_ID),                  'valid'],
    ['anonymous',    'a number that finds nothing',                { kind: 'invalid', raw: 'x' } as RequestedTicketFact, 'invalid'],
    ['ambiguous',    "a ticket of one of the number's users",      found('open', BOB.id),                             'valid'],
    ['ambiguous',    "a ticket of none of the number's users",     found('open', OTHER_REQUESTER_ID),                 'not_callers'],
  ] as const)('%s caller, %s → %s', (caller, _l, requested, expected) => {
    expect(classifyRequestedTicket(requested, CALLERS[caller] as CallerFact)).toBe(expected);
  });
});

describe("the caller's recent ticket", () => {
  const cfg = config({ recentTicketMinutes: 15 });
  it.each([
    ['recognised, updated 1 minute ago', CALLERS.recognised, ticket(200, ANN.id, 'open', 1), 'inside'],
    ['recognised, updated 16 minutes ago', CALLERS.recognised, ticket(200, ANN.id, 'open', 16), 'none'],
    ['recognised, none found', CALLERS.recognised, null, 'none'],
    ['recognised, closed', CALLERS.recognised, ticket(200, ANN.id, 'closed', 1), 'none'],
    ['unrecognised', CALLERS.unrecognised, ticket(200, ANN.id, 'open', 1), 'none'],
    ['anonymous', CALLERS.anonymous, ticket(200, ANN.id, 'open', 1), 'none'],
    ['shared number', CALLERS.ambiguous, ticket(200, ANN.id, 'open', 1), 'none'],
  ] as const)('%s → %s', (_l, caller, recent, expected) => {
    expect(classifyRecentTicket(recent, cfg, caller as CallerFact, NOW)).toBe(expected);
  });

  it('the window is measured from the time passed in, not the wall clock', () => {
    const recent = ticket(200, ANN.id, 'open', 1);
    expect(classifyRecentTicket(recent, cfg, CALLERS.recognised, NOW + 20 * MINUTE)).toBe('none');
  });
});
