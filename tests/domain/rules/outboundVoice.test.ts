// The end-user guide's "Outbound calls (auto assignment)" and "(manual assignment)", cell by cell:
// where the call was placed from × ticket_assignment × dialled number × all_outbound.
import { describe, expect, it } from 'vitest';
import {
  OUTBOUND_VOICE_RULES,
  calleeKind,
  decideOutboundVoice,
  type OriginState,
  type OutboundFacts,
} from '../../../src/domain/rules/outboundVoice';
import type { AssignmentMode, CallerFact, Decision } from '../../../src/domain/types';
import { ANN, BOB, CARL, config, expectNotices, ticket } from './fixtures';

type OriginLabel = 'from ticket' | 'from closed ticket' | 'from unreadable ticket' | 'from user profile' | 'from softphone';
type CalleeLabel = 'recognised' | 'unrecognised' | 'anonymous' | 'shared number';
type PopLabel = 'pops origin ticket' | 'pops origin user' | 'pops callee' | 'pops nothing';
type AssignLabel =
  | 'attaches to origin ticket'
  | 'creates ticket for origin ticket requester'
  | 'creates ticket for origin user'
  | 'creates ticket for callee'
  | 'creates ticket for new user with the dialled number'
  | 'awaits agent'
  | 'does nothing';
type Row = [
  origin: OriginLabel,
  modes: AssignmentMode[],
  callees: CalleeLabel[],
  allOutbound: boolean[],
  becomes: AssignmentMode | 'as given',
  pop: PopLabel,
  assign: AssignLabel,
  notice: string,
];
type Cell = [OriginLabel, AssignmentMode, CalleeLabel, boolean, AssignmentMode, PopLabel, AssignLabel, string];

const TICKET_ID = 300;
const TICKET_REQUESTER = 7;
const PROFILE_USER = 8;
const DIALLED = '+442079460001';

const CALLEES: Record<CalleeLabel, CallerFact> = {
  recognised: { kind: 'recognised', user: CARL },
  unrecognised: { kind: 'unrecognised', number: DIALLED, email: null, name: null },
  anonymous: { kind: 'anonymous' },
  'shared number': { kind: 'ambiguous', users: [ANN, BOB] },
};

function origin(label: OriginLabel): OutboundFacts['origin'] {
  switch (label) {
    case 'from ticket':
      return { kind: 'ticket', ticket: ticket(TICKET_ID, TICKET_REQUESTER, 'open') };
    case 'from closed ticket':
      return { kind: 'ticket', ticket: ticket(TICKET_ID, TICKET_REQUESTER, 'closed') };
    case 'from unreadable ticket':
      return { kind: 'ticket', ticket: null };
    case 'from user profile':
      return { kind: 'user', userId: PROFILE_USER };
    case 'from softphone':
      return { kind: 'softphone' };
  }
}

function popLabel(d: Decision): string {
  if (d.pop === null) return 'pops nothing';
  if (d.pop.kind === 'ticket' && d.pop.id === TICKET_ID) return 'pops origin ticket';
  if (d.pop.kind === 'user' && d.pop.id === PROFILE_USER) return 'pops origin user';
  if (d.pop.kind === 'user' && d.pop.id === CARL.id) return 'pops callee';
  return JSON.stringify(d.pop);
}

function assignLabel(d: Decision): string {
  const a = d.assignment;
  if (a.kind === 'none') return 'does nothing';
  if (a.kind === 'await_agent') return 'awaits agent';
  if (a.kind === 'attach' && a.ticketId === TICKET_ID) return 'attaches to origin ticket';
  if (a.kind === 'create_ticket') {
    const r = a.requester;
    if (r.kind === 'user' && r.userId === TICKET_REQUESTER) return 'creates ticket for origin ticket requester';
    if (r.kind === 'user' && r.userId === PROFILE_USER) return 'creates ticket for origin user';
    if (r.kind === 'user' && r.userId === CARL.id) return 'creates ticket for callee';
    if (r.kind === 'new_user' && r.phone === DIALLED) return 'creates ticket for new user with the dialled number';
  }
  return JSON.stringify(a);
}

const AUTO_OR_FORCE: AssignmentMode[] = ['auto', 'force'];
const AGENT: AssignmentMode[] = ['agent'];
const ALL_MODES: AssignmentMode[] = ['auto', 'force', 'agent'];
const EVERY_CALLEE: CalleeLabel[] = ['recognised', 'unrecognised', 'anonymous', 'shared number'];
const EITHER = [false, true];

// prettier-ignore
const MATRIX: Row[] = [
  // origin                   modes           callee                 all_outbound  → mode      pop                   assignment                                              notice
  // ── Zendesk ticket: attached to it in every mode ("manual" behaves as auto) ──────────────────────────────────────────────────
  ['from ticket',            AUTO_OR_FORCE, EVERY_CALLEE,           EITHER,       'as given', 'pops origin ticket', 'attaches to origin ticket',                            'no notice'],
  ['from ticket',            AGENT,         EVERY_CALLEE,           EITHER,       'auto',     'pops origin ticket', 'attaches to origin ticket',                            'no notice'],
  ['from closed ticket',     AUTO_OR_FORCE, EVERY_CALLEE,           EITHER,       'as given', 'pops nothing',       'creates ticket for origin ticket requester',           'warning: ticket #300 is closed.*requester \\(user #7\\)'],
  ['from closed ticket',     AGENT,         EVERY_CALLEE,           EITHER,       'auto',     'pops nothing',       'creates ticket for origin ticket requester',           'warning: ticket #300 is closed.*requester \\(user #7\\)'],
  ['from unreadable ticket', AUTO_OR_FORCE, ['recognised'],         EITHER,       'agent',    'pops callee',        'awaits agent',                                         'warning: switched to manual.*could not be read'],
  ['from unreadable ticket', AUTO_OR_FORCE, ['unrecognised', 'anonymous', 'shared number'], EITHER, 'agent', 'pops nothing', 'awaits agent',                           'warning: switched to manual.*could not be read'],
  ['from unreadable ticket', AGENT,         ['recognised'],         EITHER,       'agent',    'pops callee',        'awaits agent',                                         'warning: ^the ticket you called from could not be read'],
  ['from unreadable ticket', AGENT,         ['unrecognised', 'anonymous', 'shared number'], EITHER, 'agent', 'pops nothing', 'awaits agent',                           'warning: ^the ticket you called from could not be read'],
  // ── Zendesk user profile: that user, whatever the number looks up to ─────────────────────────────────────────────────────────
  ['from user profile',      AUTO_OR_FORCE, EVERY_CALLEE,           EITHER,       'as given', 'pops origin user',   'creates ticket for origin user',                       'no notice'],
  ['from user profile',      AGENT,         EVERY_CALLEE,           EITHER,       'agent',    'pops origin user',   'awaits agent',                                         'no notice'],
  // ── Connect softphone ─────────────────────────────────────────────────────────────────────────────────────────────────────────
  ['from softphone',         AUTO_OR_FORCE, ['recognised'],         EITHER,       'as given', 'pops callee',        'creates ticket for callee',                            'no notice'],
  ['from softphone',         AUTO_OR_FORCE, ['unrecognised'],       [false],      'as given', 'pops nothing',       'does nothing',                                         'no notice'],
  ['from softphone',         AUTO_OR_FORCE, ['unrecognised'],       [true],       'as given', 'pops nothing',       'creates ticket for new user with the dialled number',  'no notice'],
  ['from softphone',         AUTO_OR_FORCE, ['anonymous'],          EITHER,       'as given', 'pops nothing',       'does nothing',                                         'no notice'],
  ['from softphone',         AUTO_OR_FORCE, ['shared number'],      EITHER,       'agent',    'pops nothing',       'awaits agent',                                         'warning: switched to manual.*2 users share the dialled number.*Ann Smith, user #1; Bob Jones, user #2'],
  ['from softphone',         AGENT,         ['recognised'],         EITHER,       'agent',    'pops callee',        'awaits agent',                                         'no notice'],
  ['from softphone',         AGENT,         ['unrecognised'],       EITHER,       'agent',    'pops nothing',       'awaits agent',                                         'no notice'],
  ['from softphone',         AGENT,         ['anonymous'],          EITHER,       'agent',    'pops nothing',       'awaits agent',                                         'no notice'],
  ['from softphone',         AGENT,         ['shared number'],      EITHER,       'agent',    'pops nothing',       'awaits agent',                                         'warning: ^2 users share the dialled number.*Ann Smith, user #1; Bob Jones, user #2'],
];

const CELLS: Cell[] = MATRIX.flatMap(([o, modes, callees, allOutbound, becomes, pop, assign, notice]) =>
  modes.flatMap((mode) =>
    callees.flatMap((callee) =>
      allOutbound.map((all): Cell => [o, mode, callee, all, becomes === 'as given' ? mode : becomes, pop, assign, notice]),
    ),
  ),
);

describe('outbound calls: origin × ticket_assignment × dialled number × all_outbound', () => {
  it.each(CELLS)('%s, %s, %s callee, all_outbound %s → %s mode, %s, %s, %s', (o, mode, callee, allOutbound, becomes, pop, assign, notice) => {
    const decision = decideOutboundVoice({ config: config({ mode, allOutbound }), origin: origin(o), callee: CALLEES[callee] });
    expect(decision.mode).toBe(becomes);
    expect(popLabel(decision)).toBe(pop);
    expect(assignLabel(decision)).toBe(assign);
    expectNotices(decision.notices, notice);
  });

  it('covers every cell: 5 origins × 3 modes × 4 kinds of callee × all_outbound on/off', () => {
    expect(CELLS).toHaveLength(5 * 3 * 4 * 2);
    expect(new Set(CELLS.map((c) => c.slice(0, 4).join('|'))).size).toBe(CELLS.length);
  });

  it('force behaves exactly as auto: same pop, assignment and notices, only the mode reported differs', () => {
    for (const o of ['from ticket', 'from closed ticket', 'from unreadable ticket', 'from user profile', 'from softphone'] as const)
      for (const callee of EVERY_CALLEE)
        for (const allOutbound of EITHER) {
          const f = (mode: AssignmentMode) => decideOutboundVoice({ config: config({ mode, allOutbound }), origin: origin(o), callee: CALLEES[callee] });
          const { mode: autoMode, ...auto } = f('auto');
          const { mode: forceMode, ...force } = f('force');
          expect(force).toEqual(auto);
          expect(forceMode).toBe(autoMode === 'auto' ? 'force' : autoMode);
        }
  });
});

describe('the outbound rule table itself', () => {
  const origins: OriginState[] = ['ticket', 'closed ticket', 'unreadable ticket', 'user profile', 'softphone'];
  it('has exactly one row for every cell', () => {
    for (const o of origins)
      for (const mode of ALL_MODES)
        for (const callee of ['recognised', 'unrecognised', 'anonymous', 'ambiguous'] as const)
          for (const all of EITHER) {
            const matches = OUTBOUND_VOICE_RULES.filter(
              (r) =>
                r.origin === o &&
                (r.mode === 'any' || r.mode === mode || (r.mode === 'auto or force' && mode !== 'agent')) &&
                (r.callee === 'any' || r.callee === callee) &&
                (r.allOutbound === 'any' || r.allOutbound === all),
            );
            expect(matches, `${o} ${mode} ${callee} ${all}`).toHaveLength(1);
          }
  });
});

describe('details of the outbound decision', () => {
  it('the new user made for all_outbound gets the dialled number, and customer_name when the flow gave one', () => {
    const d = decideOutboundVoice({
      config: config({ allOutbound: true, customerName: 'Known From CRM' }),
      origin: { kind: 'softphone' },
      callee: { kind: 'unrecognised', number: DIALLED, email: null, name: null },
    });
    expect(d.assignment).toEqual({
      kind: 'create_ticket',
      requester: { kind: 'new_user', name: 'Known From CRM', phone: DIALLED, email: null },
    });
  });

  it('a quick connect without an external number is treated as anonymous: nothing, even with all_outbound', () => {
    const callee: CallerFact = { kind: 'unrecognised', number: null, email: null, name: null };
    expect(calleeKind(callee)).toBe('anonymous');
    const d = decideOutboundVoice({ config: config({ allOutbound: true }), origin: { kind: 'softphone' }, callee });
    expect(d.assignment).toEqual({ kind: 'none' });
  });

  it('a solved ticket still takes the call', () => {
    const d = decideOutboundVoice({ config: config(), origin: { kind: 'ticket', ticket: ticket(TICKET_ID, TICKET_REQUESTER, 'solved') }, callee: CALLEES.recognised });
    expect(d.assignment).toEqual({ kind: 'attach', ticketId: TICKET_ID });
  });

  it.each([
    ['from ticket', TICKET_REQUESTER],
    ['from closed ticket', TICKET_REQUESTER],
    ['from user profile', PROFILE_USER],
  ] as const)('selected user for Create ticket, %s → user #%s', (o, expected) => {
    expect(decideOutboundVoice({ config: config({ mode: 'agent' }), origin: origin(o), callee: CALLEES.recognised }).selectedUserId).toBe(expected);
  });

  it.each([
    ['recognised', CARL.id],
    ['unrecognised', null],
    ['anonymous', null],
    ['shared number', null],
  ] as const)('selected user for Create ticket from the softphone, %s callee → %s', (callee, expected) => {
    expect(decideOutboundVoice({ config: config({ mode: 'agent' }), origin: { kind: 'softphone' }, callee: CALLEES[callee] }).selectedUserId).toBe(expected);
  });
});
