import { describe, expect, it } from 'vitest';
import { chooseOutboundQueue, type OutboundQueueInput } from '../../src/domain/outboundQueue';

const profile = { queues: ['BasicQueue', 'Sales', 'Support EMEA'], defaultOutboundQueue: 'BasicQueue' };
const base: OutboundQueueInput = {
  manualPick: null,
  ticketQueueField: null,
  ticketBrandId: null,
  brandToQueue: { '2': 'Sales', '3': 'Nowhere', '4': ' support emea ' },
  profile,
};

describe('chooseOutboundQueue', () => {
  it.each<[string, Partial<OutboundQueueInput>, string | null, string]>([
    ['nothing set: profile default', {}, 'BasicQueue', 'default'],
    ['manual pick wins over everything', { manualPick: 'Sales', ticketQueueField: 'Support EMEA', ticketBrandId: 4 }, 'Sales', 'manual'],
    ['manual pick is spelled as in the profile', { manualPick: ' sales ' }, 'Sales', 'manual'],
    ['empty manual pick is no pick', { manualPick: '  ', ticketQueueField: 'Sales' }, 'Sales', 'ticket_field'],
    ['ticket field in the profile', { ticketQueueField: 'support emea', ticketBrandId: 2 }, 'Support EMEA', 'ticket_field'],
    ['ticket field not in the profile is skipped → brand', { ticketQueueField: 'Elsewhere', ticketBrandId: 2 }, 'Sales', 'brand'],
    ['ticket field not in the profile, no brand → default', { ticketQueueField: 'Elsewhere' }, 'BasicQueue', 'default'],
    ['brand mapped to a queue in the profile', { ticketBrandId: 2 }, 'Sales', 'brand'],
    ['brand mapping compared after trimming, case-insensitive', { ticketBrandId: 4 }, 'Support EMEA', 'brand'],
    ['brand mapped to a queue outside the profile → default', { ticketBrandId: 3 }, 'BasicQueue', 'default'],
    ['unmapped brand → default', { ticketBrandId: 99 }, 'BasicQueue', 'default'],
  ])('%s', (_label, over, queue, source) => {
    expect(chooseOutboundQueue({ ...base, ...over })).toEqual({ queue, source });
  });

  it('a profile without a default outbound queue gives null', () => {
    expect(chooseOutboundQueue({ ...base, profile: { queues: ['Sales'], defaultOutboundQueue: null } })).toEqual({ queue: null, source: 'default' });
  });

  it('a manual pick outside the profile still applies, as given', () => {
    expect(chooseOutboundQueue({ ...base, manualPick: 'Other' })).toEqual({ queue: 'Other', source: 'manual' });
  });
});
