// The scenario the playground opens with: a small account and one agent, no steps, so the
// simulated CCP panel can be used straight away. Sam is a Zendesk admin (for the nav bar's
// Settings screen), the account has two active brands and an inactive one, and Priya's routing
// profile has a queue whose name is too long for the top bar (it is clipped, with a tooltip).
/** 48 characters: more than the 35 the top bar shows. */
export const LONG_QUEUE = 'Customer Service - Premium Accounts - EMEA North';

export const DEFAULT_SCENARIO = {
  name: 'Playground: Priya at the Front desk',
  settings: {
    ccpUrl: 'https://example.my.connect.aws/ccp-v2',
    region: 'eu-west-2',
    defaultCountry: 'GB',
  },
  zendesk: {
    start: '2026-01-05T09:00:00Z',
    search_index_delay_seconds: 0,
    latency_ms: 80,
    users: [
      { id: 1, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' },
      { id: 2, name: 'Sam Admin', role: 'admin', email: 'sam@example.org' },
      { id: 20, name: 'Tom Baker', role: 'end-user', phone: '+447700900123', email: 'tom@example.org', user_fields: {} },
      { id: 21, name: 'Ada Lane', role: 'end-user', phone: '+447700900456', email: 'ada@example.org', user_fields: {} },
    ],
    tickets: [
      {
        id: 700,
        requester_id: 21,
        status: 'pending',
        subject: 'Refund',
        created_at: '2026-01-04T10:00:00Z',
        updated_at: '2026-01-05T08:40:00Z',
        brand_id: 1,
        tags: [],
        custom_fields: [],
      },
    ],
    brands: [
      { id: 1, name: 'Shop', default: true, active: true },
      { id: 2, name: 'Outlet', active: true },
      { id: 3, name: 'Legacy', active: false },
    ],
    ticket_fields: [],
    user_fields: [],
  },
  agents: [
    {
      name: 'priya',
      zendesk_user_id: 1,
      routing_profile: {
        name: 'Front',
        queues: ['General', 'Billing', LONG_QUEUE],
        default_outbound_queue: 'General',
      },
    },
  ],
  steps: [],
} as const;
