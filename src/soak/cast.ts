// The shared cast of every soak scenario: agents, end users whose phones are stored in various
// formats (two of them share one line), tickets in every status with updated_at inside and
// outside the recent-ticket windows, and brands. Pure data.

export const START = '2026-01-05T09:00:00Z';
const START_MS = Date.parse(START);
const ago = (minutes: number) => new Date(START_MS - minutes * 60_000).toISOString().replace('.000Z', 'Z');

export interface CastAgent {
  name: string;
  userId: number;
}

export const AGENTS: readonly CastAgent[] = [
  { name: 'ann', userId: 1 },
  { name: 'bob', userId: 2 },
  { name: 'cid', userId: 3 },
];

export const QUEUES = ['General', 'Sales EMEA', 'Support'] as const;

/** An end user as the generator knows them: the number Connect reports when they call (E.164). */
export interface CastCustomer {
  id: number;
  name: string;
  /** As stored in Zendesk (various formats). */
  stored: string | null;
  /** As Amazon Connect reports it. */
  e164: string | null;
  email: string | null;
}

export const CUSTOMERS: readonly CastCustomer[] = [
  { id: 10, name: 'Jane Doe', stored: '+61400111222', e164: '+61400111222', email: 'jane@example.com' },
  { id: 11, name: 'Tom Baker', stored: '+44 7700 900123', e164: '+447700900123', email: 'tom@example.org' },
  { id: 12, name: 'Ada Lane', stored: '07700 900456', e164: '+447700900456', email: 'ada@example.org' },
  { id: 13, name: 'Li Wei', stored: '0061 400 333 444', e164: '+61400333444', email: null },
  { id: 14, name: 'Sam Shared', stored: '+61 400 555 666', e164: '+61400555666', email: 'sam@example.com' },
  { id: 15, name: 'Sue Shared', stored: '0400 555 666', e164: '+61400555666', email: 'sue@example.com' },
  { id: 16, name: 'Max Muster', stored: '+1 (415) 555-0100', e164: '+14155550100', email: null },
  { id: 17, name: 'Eve Email', stored: null, e164: null, email: 'eve@example.com' },
  { id: 18, name: 'Kim Office', stored: '+61 2 9000-1234', e164: '+61290001234', email: 'kim@example.com' },
  { id: 19, name: 'Nina Name', stored: null, e164: null, email: 'nina@example.net' },
];

/** Callers whose number belongs to exactly one end user. */
export const RECOGNISED = CUSTOMERS.filter((c) => c.e164 && CUSTOMERS.filter((o) => o.e164 === c.e164).length === 1);
/** The number two end users share. */
export const SHARED_NUMBER = '+61400555666';

export interface CastTicket {
  id: number;
  requester: number;
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  /** Minutes before START. */
  updatedMinutesAgo: number;
}

export const TICKETS: readonly CastTicket[] = [
  { id: 500, requester: 10, status: 'open', updatedMinutesAgo: 5 },
  { id: 501, requester: 10, status: 'solved', updatedMinutesAgo: 3 * 24 * 60 },
  { id: 502, requester: 11, status: 'pending', updatedMinutesAgo: 50 },
  { id: 503, requester: 12, status: 'closed', updatedMinutesAgo: 20 },
  { id: 504, requester: 13, status: 'open', updatedMinutesAgo: 2 * 24 * 60 },
  { id: 505, requester: 14, status: 'hold', updatedMinutesAgo: 2 },
  { id: 506, requester: 17, status: 'new', updatedMinutesAgo: 10 },
  { id: 507, requester: 16, status: 'closed', updatedMinutesAgo: 300 },
  { id: 508, requester: 19, status: 'open', updatedMinutesAgo: 90 },
  { id: 509, requester: 18, status: 'open', updatedMinutesAgo: 12 },
];

export const OPEN_TICKETS = TICKETS.filter((t) => t.status !== 'closed');
export const CLOSED_TICKETS = TICKETS.filter((t) => t.status === 'closed');

export const BRANDS = [
  { id: 1, name: 'Acme', default: true, active: true },
  { id: 2, name: 'Beta', active: true },
  { id: 3, name: 'Gamma', active: false },
];

/** The `zendesk` block of a scenario (without the per-scenario delay and latency). */
export function castZendesk(): {
  users: Record<string, unknown>[];
  tickets: Record<string, unknown>[];
  brands: Record<string, unknown>[];
  ticket_fields: Record<string, unknown>[];
} {
  const users: Record<string, unknown>[] = [
    { id: 1, name: 'Ann Agent', role: 'agent', email: 'ann@example.com' },
    { id: 2, name: 'Bob Agent', role: 'agent', email: 'bob@example.com' },
    { id: 3, name: 'Cid Admin', role: 'admin', email: 'cid@example.com' },
    ...CUSTOMERS.map((c) => ({
      id: c.id,
      name: c.name,
      role: 'end-user',
      ...(c.stored ? { phone: c.stored } : {}),
      ...(c.email ? { email: c.email } : {}),
    })),
  ];
  const tickets = TICKETS.map((t) => ({
    id: t.id,
    requester_id: t.requester,
    status: t.status,
    subject: `Cast ticket ${t.id}`,
    created_at: ago(t.updatedMinutesAgo + 60 * 24 * 7),
    updated_at: ago(t.updatedMinutesAgo),
    brand_id: 1,
    tags: [],
    custom_fields: [],
  }));
  return {
    users,
    tickets,
    brands: BRANDS.map((b) => ({ ...b })),
    ticket_fields: [{ id: 9001, title: 'connect_outbound_queue', type: 'text' }],
  };
}
