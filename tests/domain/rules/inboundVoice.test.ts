// The end-user guide's inbound voice sections, cell by cell:
// caller × ticket_assignment × ticket number × recent ticket.
import { describe, expect, it } from 'vitest';
import {
  INBOUND_VOICE_RULES,
  decideInboundVoice,
  findInboundRule,
  inboundFactsNeeded,
  needsRecentTicketLookup,
  requestedTicketWithoutLookup,
  type InboundFacts,
} from '../../../src/domain/rules/inboundVoice';
import type { RecentTicketState, RequestedTicketState } from '../../../src/domain/rules/tickets';
import type { AssignmentMode, CallerFact, Decision, RequestedTicketFact } from '../../../src/domain/types';
import {
  ANN,
  BOB,
  CALLERS,
  MINUTE,
  NOW,
  OTHER_REQUESTER_ID,
  config,
  expectNotices,
  ticket,
  type CallerLabel,
} from './fixtures';

type TicketLabel = 'no ticket number' | 'valid ticket' | 'invalid ticket' | 'closed ticket' | "someone else's ticket";
type RecentLabel = 'recent ticket' | 'no recent ticket' | 'either';
type PopLabel = 'pops caller' | 'pops requested ticket' | 'pops recent ticket' | 'pops nothing';
type AssignLabel =
  | 'creates ticket for caller'
  | 'creates ticket for new user'
  | 'creates ticket for agent'
  | 'creates ticket for original requester'
  | 'attaches to requested ticket'
  | 'attaches to recent ticket'
  | 'awaits agent';
type Cell = [CallerLabel, AssignmentMode, TicketLabel, RecentLabel, AssignmentMode, PopLabel, AssignLabel, string];

const REQUESTED_ID = 100;
const RECENT_ID = 200;
const WINDOW = 15;

/** The ticket the caller typed in, for each label (whose it is depends on who calls). */
function requested(label: TicketLabel, caller: CallerLabel): RequestedTicketFact {
  switch (label) {
    case 'no ticket number':
      return { kind: 'absent' };
    case 'invalid ticket':
      return { kind: 'invalid', raw: '999' };
    case 'closed ticket':
      return { kind: 'found', ticket: ticket(REQUESTED_ID, OTHER_REQUESTER_ID, 'closed') };
    case "someone else's ticket":
      return { kind: 'found', ticket: ticket(REQUESTED_ID, OTHER_REQUESTER_ID, 'open') };
    case 'valid ticket': {
      const requester = caller === 'recognised' ? ANN.id : caller === 'ambiguous' ? BOB.id : OTHER_REQUESTER_ID;
      return { kind: 'found', ticket: ticket(REQUESTED_ID, requester, 'pending') };
    }
  }
}

function facts(caller: CallerLabel, mode: AssignmentMode, t: TicketLabel, recent: 'recent ticket' | 'no recent ticket'): InboundFacts {
  return {
    config: config({ mode, ticketNumber: t === 'no ticket number' ? null : String(REQUESTED_ID), recentTicketMinutes: WINDOW }),
    caller: CALLERS[caller] as CallerFact,
    requestedTicket: requested(t, caller),
    recentTicket: recent === 'recent ticket' ? ticket(RECENT_ID, ANN.id, 'open', 5) : null,
    nowMs: NOW,
  };
}

function popLabel(d: Decision): PopLabel | string {
  if (d.pop === null) return 'pops nothing';
  if (d.pop.kind === 'user' && d.pop.id === ANN.id) return 'pops caller';
  if (d.pop.kind === 'ticket' && d.pop.id === REQUESTED_ID) return 'pops requested ticket';
  if (d.pop.kind === 'ticket' && d.pop.id === RECENT_ID) return 'pops recent ticket';
  return JSON.stringify(d.pop);
}

function assignLabel(d: Decision): AssignLabel | string {
  const a = d.assignment;
  if (a.kind === 'await_agent') return 'awaits agent';
  if (a.kind === 'attach' && a.ticketId === REQUESTED_ID) return 'attaches to requested ticket';
  if (a.kind === 'attach' && a.ticketId === RECENT_ID) return 'attaches to recent ticket';
  if (a.kind === 'create_ticket') {
    const r = a.requester;
    if (r.kind === 'agent') return 'creates ticket for agent';
    if (r.kind === 'user' && r.userId === ANN.id) return 'creates ticket for caller';
    if (r.kind === 'user' && r.userId === OTHER_REQUESTER_ID) return 'creates ticket for original requester';
    if (r.kind === 'new_user' && r.phone === '+442079460000' && r.name === 'Jane Caller') return 'creates ticket for new user';
  }
  return JSON.stringify(a);
}

// prettier-ignore
const MATRIX: Cell[] = [
  // caller          mode     ticket number            recent ticket       → mode   pop                      assignment                               notice (level: reason)
  // ── Recognised caller ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
  ['recognised',   'auto',  'no ticket number',      'no recent ticket', 'auto',  'pops caller',           'creates ticket for caller',             'no notice'],
  ['recognised',   'auto',  'no ticket number',      'recent ticket',    'auto',  'pops recent ticket',    'attaches to recent ticket',             'info: ticket #200.*last 15 minutes'],
  ['recognised',   'auto',  'valid ticket',          'no recent ticket', 'auto',  'pops requested ticket', 'attaches to requested ticket',          'no notice'],
  ['recognised',   'auto',  'valid ticket',          'recent ticket',    'auto',  'pops requested ticket', 'attaches to requested ticket',          'no notice'],
  ['recognised',   'auto',  'invalid ticket',        'no recent ticket', 'agent', 'pops caller',           'awaits agent',                          'warning: switched to manual.*"999", which does not exist'],
  ['recognised',   'auto',  'invalid ticket',        'recent ticket',    'agent', 'pops caller',           'awaits agent',                          'warning: switched to manual.*"999", which does not exist'],
  ['recognised',   'auto',  'closed ticket',         'no recent ticket', 'agent', 'pops caller',           'awaits agent',                          'warning: switched to manual.*#100, which is closed'],
  ['recognised',   'auto',  'closed ticket',         'recent ticket',    'agent', 'pops caller',           'awaits agent',                          'warning: switched to manual.*#100, which is closed'],
  ['recognised',   'auto',  "someone else's ticket", 'no recent ticket', 'agent', 'pops caller',           'awaits agent',                          'warning: switched to manual.*belongs to another customer, not to Ann Smith'],
  ['recognised',   'auto',  "someone else's ticket", 'recent ticket',    'agent', 'pops caller',           'awaits agent',                          'warning: switched to manual.*belongs to another customer'],
  ['recognised',   'force', 'no ticket number',      'no recent ticket', 'force', 'pops caller',           'creates ticket for caller',             'no notice'],
  ['recognised',   'force', 'no ticket number',      'recent ticket',    'force', 'pops recent ticket',    'attaches to recent ticket',             'info: ticket #200.*last 15 minutes'],
  ['recognised',   'force', 'valid ticket',          'no recent ticket', 'force', 'pops requested ticket', 'attaches to requested ticket',          'no notice'],
  ['recognised',   'force', 'valid ticket',          'recent ticket',    'force', 'pops requested ticket', 'attaches to requested ticket',          'no notice'],
  ['recognised',   'force', 'invalid ticket',        'no recent ticket', 'force', 'pops caller',           'creates ticket for caller',             'warning: "999", which does not exist, so a new ticket was created for Ann Smith'],
  ['recognised',   'force', 'invalid ticket',        'recent ticket',    'force', 'pops recent ticket',    'attaches to recent ticket',             'warning: "999", which does not exist, so this call was attached to ticket #200'],
  ['recognised',   'force', 'closed ticket',         'no recent ticket', 'force', 'pops caller',           'creates ticket for caller',             'warning: #100, which is closed, so a new ticket was created for Ann Smith'],
  ['recognised',   'force', 'closed ticket',         'recent ticket',    'force', 'pops recent ticket',    'attaches to recent ticket',             'warning: #100, which is closed, so this call was attached to ticket #200'],
  ['recognised',   'force', "someone else's ticket", 'no recent ticket', 'force', 'pops caller',           'creates ticket for caller',             'warning: another customer.*so a new ticket was created for Ann Smith'],
  ['recognised',   'force', "someone else's ticket", 'recent ticket',    'force', 'pops recent ticket',    'attaches to recent ticket',             'warning: another customer.*attached to ticket #200'],
  ['recognised',   'agent', 'no ticket number',      'no recent ticket', 'agent', 'pops caller',           'awaits agent',                          'no notice'],
  ['recognised',   'agent', 'no ticket number',      'recent ticket',    'agent', 'pops recent ticket',    'awaits agent',                          'no notice'],
  ['recognised',   'agent', 'valid ticket',          'no recent ticket', 'agent', 'pops requested ticket', 'awaits agent',                          'no notice'],
  ['recognised',   'agent', 'valid ticket',          'recent ticket',    'agent', 'pops requested ticket', 'awaits agent',                          'no notice'],
  ['recognised',   'agent', 'invalid ticket',        'no recent ticket', 'agent', 'pops caller',           'awaits agent',                          'info: "999", which does not exist'],
  ['recognised',   'agent', 'invalid ticket',        'recent ticket',    'agent', 'pops caller',           'awaits agent',                          'info: "999", which does not exist'],
  ['recognised',   'agent', 'closed ticket',         'no recent ticket', 'agent', 'pops caller',           'awaits agent',                          'info: #100, which is closed'],
  ['recognised',   'agent', 'closed ticket',         'recent ticket',    'agent', 'pops caller',           'awaits agent',                          'info: #100, which is closed'],
  ['recognised',   'agent', "someone else's ticket", 'no recent ticket', 'agent', 'pops caller',           'awaits agent',                          'info: belongs to another customer'],
  ['recognised',   'agent', "someone else's ticket", 'recent ticket',    'agent', 'pops caller',           'awaits agent',                          'info: belongs to another customer'],
  // ── Unrecognised caller (the recent-ticket setting is ignored) ───────────────────────────────────────────────────────────────────
  ['unrecognised', 'auto',  'no ticket number',      'either',           'auto',  'pops nothing',          'creates ticket for new user',           'no notice'],
  ['unrecognised', 'auto',  'valid ticket',          'either',           'agent', 'pops requested ticket', 'awaits agent',                          'warning: switched to manual.*ticket #100, but the caller.s number \\+442079460000 does not match any Zendesk user'],
  ['unrecognised', 'auto',  'invalid ticket',        'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: switched to manual.*"999", which does not exist, and .*does not match any Zendesk user'],
  ['unrecognised', 'auto',  'closed ticket',         'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: switched to manual.*#100, which is closed, and .*does not match any Zendesk user'],
  ['unrecognised', 'force', 'no ticket number',      'either',           'force', 'pops nothing',          'creates ticket for new user',           'no notice'],
  ['unrecognised', 'force', 'valid ticket',          'either',           'force', 'pops requested ticket', 'attaches to requested ticket',          'warning: does not match any Zendesk user.*attached to it'],
  ['unrecognised', 'force', 'invalid ticket',        'either',           'force', 'pops nothing',          'creates ticket for new user',           'warning: "999", which does not exist.*a new user was created'],
  ['unrecognised', 'force', 'closed ticket',         'either',           'force', 'pops nothing',          'creates ticket for original requester', 'warning: #100, which is closed.*requester \\(user #55\\)'],
  ['unrecognised', 'agent', 'no ticket number',      'either',           'agent', 'pops nothing',          'awaits agent',                          'no notice'],
  ['unrecognised', 'agent', 'valid ticket',          'either',           'agent', 'pops requested ticket', 'awaits agent',                          'no notice'],
  ['unrecognised', 'agent', 'invalid ticket',        'either',           'agent', 'pops nothing',          'awaits agent',                          'info: "999", which does not exist'],
  ['unrecognised', 'agent', 'closed ticket',         'either',           'agent', 'pops nothing',          'awaits agent',                          'info: #100, which is closed'],
  // ── Anonymous caller (the recent-ticket setting is ignored) ──────────────────────────────────────────────────────────────────────
  ['anonymous',    'auto',  'no ticket number',      'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: switched to manual.*withheld'],
  ['anonymous',    'auto',  'valid ticket',          'either',           'agent', 'pops requested ticket', 'awaits agent',                          'warning: switched to manual.*ticket #100, but .*withheld'],
  ['anonymous',    'auto',  'invalid ticket',        'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: switched to manual.*"999", which does not exist, and .*withheld'],
  ['anonymous',    'auto',  'closed ticket',         'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: switched to manual.*#100, which is closed, and .*withheld'],
  ['anonymous',    'force', 'no ticket number',      'either',           'force', 'pops nothing',          'creates ticket for agent',              'warning: withheld.*with you as the requester'],
  ['anonymous',    'force', 'valid ticket',          'either',           'force', 'pops requested ticket', 'attaches to requested ticket',          'warning: withheld.*attached to it'],
  ['anonymous',    'force', 'invalid ticket',        'either',           'force', 'pops nothing',          'creates ticket for agent',              'warning: "999", which does not exist, and .*withheld.*with you as the requester'],
  ['anonymous',    'force', 'closed ticket',         'either',           'force', 'pops nothing',          'creates ticket for original requester', 'warning: #100, which is closed.*requester \\(user #55\\)'],
  ['anonymous',    'agent', 'no ticket number',      'either',           'agent', 'pops nothing',          'awaits agent',                          'no notice'],
  ['anonymous',    'agent', 'valid ticket',          'either',           'agent', 'pops requested ticket', 'awaits agent',                          'no notice'],
  ['anonymous',    'agent', 'invalid ticket',        'either',           'agent', 'pops nothing',          'awaits agent',                          'info: "999", which does not exist'],
  ['anonymous',    'agent', 'closed ticket',         'either',           'agent', 'pops nothing',          'awaits agent',                          'info: #100, which is closed'],
  // ── Several users share the caller's number: never a guess, the agent chooses from the list ─────────────────────────────────────
  ['ambiguous',    'auto',  'no ticket number',      'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: switched to manual.*2 users share.*Ann Smith, user #1; Bob Jones, user #2'],
  ['ambiguous',    'auto',  'valid ticket',          'either',           'agent', 'pops requested ticket', 'awaits agent',                          'warning: switched to manual.*Ann Smith, user #1; Bob Jones, user #2.*ticket #100, whose requester is user #2'],
  ['ambiguous',    'auto',  'invalid ticket',        'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: switched to manual.*Bob Jones, user #2.*"999", which does not exist'],
  ['ambiguous',    'auto',  'closed ticket',         'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: switched to manual.*Bob Jones, user #2.*#100, which is closed'],
  ['ambiguous',    'auto',  "someone else's ticket", 'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: switched to manual.*Bob Jones, user #2.*belongs to none of the users'],
  ['ambiguous',    'force', 'no ticket number',      'either',           'force', 'pops nothing',          'creates ticket for agent',              'warning: 2 users share.*Bob Jones, user #2.*with you as the requester'],
  ['ambiguous',    'force', 'valid ticket',          'either',           'force', 'pops requested ticket', 'attaches to requested ticket',          'warning: 2 users share.*attached to it.*user #2'],
  ['ambiguous',    'force', 'invalid ticket',        'either',           'force', 'pops nothing',          'creates ticket for agent',              'warning: "999", which does not exist, and 2 users share.*with you as the requester'],
  ['ambiguous',    'force', 'closed ticket',         'either',           'force', 'pops nothing',          'creates ticket for original requester', 'warning: #100, which is closed, and 2 users share.*requester \\(user #55\\)'],
  ['ambiguous',    'force', "someone else's ticket", 'either',           'force', 'pops nothing',          'creates ticket for agent',              'warning: belongs to none of the users.*with you as the requester'],
  ['ambiguous',    'agent', 'no ticket number',      'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: ^2 users share.*Ann Smith, user #1; Bob Jones, user #2'],
  ['ambiguous',    'agent', 'valid ticket',          'either',           'agent', 'pops requested ticket', 'awaits agent',                          'warning: ^2 users share.*ticket #100, whose requester is user #2'],
  ['ambiguous',    'agent', 'invalid ticket',        'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: ^2 users share.*"999", which does not exist'],
  ['ambiguous',    'agent', 'closed ticket',         'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: ^2 users share.*#100, which is closed'],
  ['ambiguous',    'agent', "someone else's ticket", 'either',           'agent', 'pops nothing',          'awaits agent',                          'warning: ^2 users share.*belongs to none of the users'],
];

/** 'either' rows stand for two cells: with and without a recent ticket inside the window. */
const CELLS: Cell[] = MATRIX.flatMap((cell) =>
  cell[3] === 'either'
    ? [
        [cell[0], cell[1], cell[2], 'no recent ticket', ...cell.slice(4)] as Cell,
        [cell[0], cell[1], cell[2], 'recent ticket', ...cell.slice(4)] as Cell,
      ]
    : [cell],
);

describe('inbound calls: caller × ticket_assignment × ticket number × recent ticket', () => {
  it.each(CELLS)('%s caller, %s, %s, %s → %s mode, %s, %s, %s', (caller, mode, t, recent, becomes, pop, assign, notice) => {
    const decision = decideInboundVoice(facts(caller, mode, t, recent as 'recent ticket' | 'no recent ticket'));
    expect(decision.mode).toBe(becomes);
    expect(popLabel(decision)).toBe(pop);
    expect(assignLabel(decision)).toBe(assign);
    expectNotices(decision.notices, notice);
  });

  it('covers every cell that can occur: 30 recognised + 24 unrecognised + 24 anonymous + 30 ambiguous', () => {
    expect(CELLS).toHaveLength(108);
    expect(new Set(CELLS.map((c) => c.slice(0, 4).join('|'))).size).toBe(108);
  });
});

describe('the rule table itself', () => {
  const callers = ['recognised', 'unrecognised', 'anonymous', 'ambiguous'] as const;
  const modes: AssignmentMode[] = ['auto', 'agent', 'force'];
  const states: RequestedTicketState[] = ['absent', 'valid', 'invalid', 'closed', 'not_callers'];
  const recents: RecentTicketState[] = ['inside', 'none'];

  it('has exactly one row for each cell that can occur, and none for a ticket "not the caller\'s" of an unidentified caller', () => {
    for (const caller of callers)
      for (const mode of modes)
        for (const ticketState of states)
          for (const recent of recents) {
            const matches = INBOUND_VOICE_RULES.filter(
              (r) => r.caller === caller && r.mode === mode && r.ticket === ticketState && (r.recent === 'any' || r.recent === recent),
            );
            const impossible = ticketState === 'not_callers' && (caller === 'unrecognised' || caller === 'anonymous');
            expect(matches, `${caller} ${mode} ${ticketState} ${recent}`).toHaveLength(impossible ? 0 : 1);
          }
  });

  it('only a recognised caller has rows that depend on the recent ticket', () => {
    for (const row of INBOUND_VOICE_RULES) if (row.caller !== 'recognised') expect(row.recent).toBe('any');
  });

  it('every flip from auto to agent, and every force row where auto flips, tells the agent with a flip/force notice', () => {
    for (const row of INBOUND_VOICE_RULES) {
      if (row.mode === 'auto' && row.becomes === 'agent') expect(row.notice).toMatch(/^flip: /);
      if (row.mode === 'force') {
        const auto = findInboundRule(row.caller, 'auto', row.ticket, row.recent === 'any' ? 'none' : row.recent);
        if (auto?.becomes === 'agent') expect(row.notice).toMatch(/^force: /);
      }
    }
  });

  it('manual assignment never creates or attaches anything by itself', () => {
    for (const row of INBOUND_VOICE_RULES.filter((r) => r.mode === 'agent')) {
      expect(row.becomes).toBe('agent');
      expect(row.assign).toBe('await agent');
    }
  });
});

describe('details of the inbound decision', () => {
  const recognisedAuto = (over: Partial<InboundFacts>): InboundFacts => ({
    config: config({ recentTicketMinutes: WINDOW }),
    caller: CALLERS.recognised,
    requestedTicket: { kind: 'absent' },
    recentTicket: null,
    nowMs: NOW,
    ...over,
  });

  it.each([
    ['updated 20 minutes ago (outside a 15-minute window)', ticket(RECENT_ID, ANN.id, 'open', 20), 'creates ticket for caller'],
    ['updated exactly 15 minutes ago (edge of the window)', ticket(RECENT_ID, ANN.id, 'open', 15), 'attaches to recent ticket'],
    ['closed, though inside the window', ticket(RECENT_ID, ANN.id, 'closed', 5), 'creates ticket for caller'],
    ['solved, inside the window', ticket(RECENT_ID, ANN.id, 'solved', 5), 'attaches to recent ticket'],
    ["someone else's, inside the window", ticket(RECENT_ID, OTHER_REQUESTER_ID, 'open', 5), 'creates ticket for caller'],
  ])('recognised caller, auto, recent ticket %s → %s', (_label, recent, expected) => {
    expect(assignLabel(decideInboundVoice(recognisedAuto({ recentTicket: recent })))).toBe(expected);
  });

  it('a recent ticket created (not updated) inside the window counts', () => {
    const recent = { ...ticket(RECENT_ID, ANN.id, 'new', 600), createdAtMs: NOW - 2 * MINUTE };
    expect(assignLabel(decideInboundVoice(recognisedAuto({ recentTicket: recent })))).toBe('attaches to recent ticket');
  });

  it('recent ticket window 0 (off): a ticket is created even when a recent one is passed', () => {
    const d = decideInboundVoice(recognisedAuto({ config: config({ recentTicketMinutes: 0 }), recentTicket: ticket(RECENT_ID, ANN.id, 'open', 1) }));
    expect(assignLabel(d)).toBe('creates ticket for caller');
  });

  it('a solved ticket number is valid: the call is attached to it', () => {
    const d = decideInboundVoice(recognisedAuto({ requestedTicket: { kind: 'found', ticket: ticket(REQUESTED_ID, ANN.id, 'solved') } }));
    expect(d.assignment).toEqual({ kind: 'attach', ticketId: REQUESTED_ID });
    expect(d.notices).toEqual([]);
  });

  it('unrecognised caller: the new user gets the number, customer_name, and customer_email', () => {
    const d = decideInboundVoice({
      config: config({ customerName: 'From Flow', customerEmail: 'flow@example.com' }),
      caller: { kind: 'unrecognised', number: '+15551234567', email: null, name: null },
      requestedTicket: { kind: 'absent' },
      recentTicket: null,
      nowMs: NOW,
    });
    expect(d.assignment).toEqual({
      kind: 'create_ticket',
      requester: { kind: 'new_user', name: 'From Flow', phone: '+15551234567', email: 'flow@example.com' },
    });
  });

  it.each([
    ['recognised caller', 'recognised', 'no ticket number', ANN.id],
    ['recognised caller with a closed ticket', 'recognised', 'closed ticket', ANN.id],
    ['unrecognised caller with a valid ticket', 'unrecognised', 'valid ticket', OTHER_REQUESTER_ID],
    ['unrecognised caller with a closed ticket', 'unrecognised', 'closed ticket', null],
    ['anonymous caller', 'anonymous', 'no ticket number', null],
    ['anonymous caller with a valid ticket', 'anonymous', 'valid ticket', OTHER_REQUESTER_ID],
    ['shared number with a valid ticket', 'ambiguous', 'valid ticket', BOB.id],
    ['shared number, no ticket', 'ambiguous', 'no ticket number', null],
  ] as const)('selected user for Create ticket, %s → %s', (_label, caller, t, expected) => {
    for (const mode of ['auto', 'agent', 'force'] as const) {
      expect(decideInboundVoice(facts(caller, mode, t, 'no recent ticket')).selectedUserId).toBe(expected);
    }
  });

  it('pop_incoming does not change what pops, only when (the controller decides when)', () => {
    const base = facts('recognised', 'auto', 'no ticket number', 'no recent ticket');
    const late = decideInboundVoice({ ...base, config: { ...base.config, popIncoming: false } });
    expect(late.pop).toEqual(decideInboundVoice(base).pop);
  });
});

describe('what the controller needs to look up', () => {
  it.each([
    [null, false],
    ['', false],
    ['12345', true],
    ['#12345', true],
    ['ticket please', false],
  ])('ticket number %j → ticket lookup %s', (ticketNumber, expected) => {
    expect(inboundFactsNeeded(config({ ticketNumber })).ticketLookup).toBe(expected);
  });

  it.each([
    [null, { kind: 'absent' }],
    ['  ', { kind: 'absent' }],
    ['abc', { kind: 'invalid', raw: 'abc' }],
    ['42', null],
  ] as const)('ticket number %j without a lookup → %j', (ticketNumber, expected) => {
    expect(requestedTicketWithoutLookup(config({ ticketNumber }))).toEqual(expected);
  });

  const closed: RequestedTicketFact = { kind: 'found', ticket: ticket(REQUESTED_ID, ANN.id, 'closed') };
  const valid: RequestedTicketFact = { kind: 'found', ticket: ticket(REQUESTED_ID, ANN.id) };
  it.each([
    ['recognised, auto, no ticket number, window 15', CALLERS.recognised, 'auto', 15, { kind: 'absent' }, true],
    ['recognised, agent, no ticket number, window 15', CALLERS.recognised, 'agent', 15, { kind: 'absent' }, true],
    ['recognised, force, no ticket number, window 15', CALLERS.recognised, 'force', 15, { kind: 'absent' }, true],
    ['recognised, auto, window 0', CALLERS.recognised, 'auto', 0, { kind: 'absent' }, false],
    ['recognised, auto, valid ticket number', CALLERS.recognised, 'auto', 15, valid, false],
    ['recognised, force, closed ticket number (fallback may use it)', CALLERS.recognised, 'force', 15, closed, true],
    ['recognised, force, invalid ticket number', CALLERS.recognised, 'force', 15, { kind: 'invalid', raw: 'x' }, true],
    ['recognised, auto, closed ticket number (flips regardless)', CALLERS.recognised, 'auto', 15, closed, false],
    ['recognised, agent, closed ticket number (pops the caller regardless)', CALLERS.recognised, 'agent', 15, closed, false],
    ['unrecognised', CALLERS.unrecognised, 'auto', 15, { kind: 'absent' }, false],
    ['anonymous', CALLERS.anonymous, 'auto', 15, { kind: 'absent' }, false],
    ['shared number', CALLERS.ambiguous, 'auto', 15, { kind: 'absent' }, false],
  ] as const)('recent ticket lookup: %s → %s', (_label, caller, mode, minutes, requestedTicket, expected) => {
    expect(
      needsRecentTicketLookup(config({ mode, recentTicketMinutes: minutes }), caller as CallerFact, requestedTicket as RequestedTicketFact),
    ).toBe(expected);
  });
});
