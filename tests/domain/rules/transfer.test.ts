import { describe, expect, it } from 'vitest';
import { decideTransfer, firstLegMayBeHidden } from '../../../src/domain/rules/transfer';
import { config } from './fixtures';

const ticket = { id: 700, requesterId: 20, status: 'open', subject: 'Router', brandId: 1, createdAtMs: 0, updatedAtMs: 0 } as const;

describe('decideTransfer', () => {
  it('attaches to the first leg ticket in auto mode', () => {
    const d = decideTransfer({ config: config(), channel: 'voice', firstLegTicket: ticket });
    expect(d.assignment).toEqual({ kind: 'attach', ticketId: 700 });
  });

  it('for an agent who sees only some tickets, a missing first leg ticket may be hidden: manual, contact named, never made anew', () => {
    const facts = { config: config(), channel: 'voice', firstLegTicket: null, hiddenFrom: { initialContactId: 'c1' } } as const;
    expect(firstLegMayBeHidden(facts)).toBe(true);
    const d = decideTransfer(facts);
    expect(d).toMatchObject({ mode: 'agent', pop: null, assignment: { kind: 'await_agent' } });
    expect(d.notices[0]?.text).toContain('contact c1');
    expect(d.notices[0]?.text).toContain('No ticket is made automatically');
  });

  it('a found ticket wins over the restriction', () => {
    const facts = { config: config(), channel: 'chat', firstLegTicket: ticket, hiddenFrom: { initialContactId: 'c1' } } as const;
    expect(firstLegMayBeHidden(facts)).toBe(false);
    expect(decideTransfer(facts).assignment).toEqual({ kind: 'attach', ticketId: 700 });
  });
});
