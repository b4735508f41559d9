// The scenario the playground opens with: a small account and one agent, no steps, so the
// simulated CCP panel can be used straight away.
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
    brands: [{ id: 1, name: 'Shop', default: true, active: true }],
    ticket_fields: [],
    user_fields: [],
  },
  agents: [
    {
      name: 'priya',
      zendesk_user_id: 1,
      routing_profile: { name: 'Front', queues: ['General', 'Billing'], default_outbound_queue: 'General' },
    },
  ],
  steps: [],
} as const;
