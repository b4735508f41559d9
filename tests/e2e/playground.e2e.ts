// The playground in a real browser: the app's real top bar and controller, driven through the
// simulated CCP and scenario controls, checked through the simulated Zendesk.
import { assert, hasText, visible, waitFor, type E2ECase } from './harness';
import { activeTicketId, clearContact, contactState, reportOf, ring, ticketView, TOM, topBar, UNKNOWN, zendesk } from './playgroundPage';

/** The shape of the example inbound-recent-ticket.json, for when the examples are absent. */
const RECENT_TICKET = {
  name: 'Ada calls again within the recent-ticket window',
  settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', region: 'eu-west-2', defaultCountry: 'GB', createTicketAfterMinutes: 30 },
  zendesk: {
    start: '2026-01-05T09:00:00Z',
    users: [
      { id: 1, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' },
      { id: 20, name: 'Tom Baker', role: 'end-user', phone: TOM, email: 'tom@example.org' },
      { id: 21, name: 'Ada Lane', role: 'end-user', phone: '+447700900456', email: 'ada@example.org' },
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
      },
    ],
    brands: [{ id: 1, name: 'Shop', default: true, active: true }],
  },
  agents: [
    { name: 'priya', zendesk_user_id: 1, routing_profile: { name: 'Front', queues: ['General', 'Billing'], default_outbound_queue: 'General' } },
  ],
  steps: [
    { at: 0, contact: 'c1', event: 'incoming', channel: 'voice', initiation: 'inbound', queue: 'General', system: '+442079460000', customer: '+447700900456' },
    { at: 4, contact: 'c1', event: 'accepted' },
    { at: 5, contact: 'c1', event: 'connected' },
    { at: 95, contact: 'c1', event: 'ended' },
    { at: 105, contact: 'c1', event: 'destroyed' },
  ],
};

export const cases: E2ECase[] = [
  {
    name: 'inbound call from a known number: queue while ringing, user pop, ticket pop, call details',
    async run({ page }) {
      const id = await ring(page, { number: TOM });

      // While ringing, the top bar names the queue.
      await hasText(topBar(page).getByTestId('queue-name'), 'General', 'the queue name in the top bar');
      assert((await contactState(page, id)) === 'connecting', 'the contact should be ringing (connecting)');

      // Tom is recognised: his profile pops in Zendesk.
      await visible(zendesk(page).getByTestId('zd-tab-user-20'), "Tom's user tab");
      await hasText(zendesk(page).getByTestId('user-name'), 'Tom Baker', 'the user view');
      await hasText(zendesk(page).getByTestId('user-phone'), TOM, 'the user view');

      // Accept: a ticket is created for Tom and pops.
      await page.getByTestId('ccp-accept').click();
      await hasText(ticketView(page).getByTestId('ticket-subject'), 'Inbound call from +44 7700 900123', 'the popped ticket');
      const ticketId = await waitFor('a ticket tab in front', () => activeTicketId(page));
      assert(ticketId > 700, `a new ticket should have been created, got #${ticketId}`);
      await hasText(ticketView(page).getByTestId('ticket-requester'), 'Tom Baker', 'the ticket requester');
      await visible(zendesk(page).getByTestId(`zd-tab-ticket-${ticketId}`), 'the ticket tab');
      assert(
        (await zendesk(page).getByTestId(`zd-tab-ticket-${ticketId}`).getAttribute('aria-selected')) === 'true',
        'the popped ticket tab should be in front',
      );
      assert((await contactState(page, id)) === 'connected', 'the contact should be connected');

      // Talk a little (the virtual clock follows real time), then hang up.
      await page.waitForTimeout(1200);
      await page.getByTestId('ccp-end').click();
      const card = ticketView(page).getByTestId('call-details');
      await visible(card, 'the Call details comment on the ticket');
      await hasText(card.getByTestId('call-from'), TOM, 'Call details: from');
      await hasText(card.getByTestId('call-answered-by'), 'Priya Agent', 'Call details: answered by');
      const duration = await card.getByTestId('call-duration').innerText();
      assert(/\d+ s/.test(duration), `Call details: duration should be in seconds, got ${duration}`);

      await clearContact(page, id);
      assert((await page.getByTestId('app-errors').count()) === 0, 'the app should report no errors');
    },
  },
  {
    name: 'agent assignment from an unknown number: Create ticket creates a ticket and a new user',
    async run({ page }) {
      const usersBefore = await zendesk(page).locator('[data-testid^="user-row-"]').count();
      const ticketsBefore = await zendesk(page).locator('[data-testid^="ticket-row-"]').count();

      await ring(page, { number: UNKNOWN, attributes: { ticket_assignment: 'agent' } });
      await page.getByTestId('ccp-accept').click();

      const create = topBar(page).getByRole('button', { name: 'Create ticket' });
      await visible(create, 'the Create ticket button in the top bar');
      // Nothing is created before the agent decides.
      assert((await page.getByTestId('zd-tab-home').getAttribute('aria-selected')) === 'true', 'nothing should pop before the click');
      await create.click();

      await hasText(ticketView(page).getByTestId('ticket-subject'), 'Inbound call from +44 7700 900999', 'the created ticket');
      const ticketId = await waitFor('a ticket tab in front', () => activeTicketId(page));
      await waitFor('the Create ticket button to go away', async () => (await create.count()) === 0);

      // The caller became a new end user, who is the ticket's requester.
      await page.getByTestId('zd-tab-home').click();
      await waitFor('one more user in the users list', async () => (await zendesk(page).locator('[data-testid^="user-row-"]').count()) === usersBefore + 1);
      await waitFor('one more ticket in the tickets list', async () => (await zendesk(page).locator('[data-testid^="ticket-row-"]').count()) === ticketsBefore + 1);
      await hasText(zendesk(page).getByTestId('users-list'), UNKNOWN, 'the users list');
      await hasText(zendesk(page).getByTestId(`ticket-row-${ticketId}`), 'Inbound call from', 'the tickets list');
      const requester = await zendesk(page).getByTestId(`ticket-row-${ticketId}`).locator('td').nth(2).innerText();
      assert(!/Priya|Tom|Ada/.test(requester), `the requester should be the new user, got ${requester}`);
      assert((await page.getByTestId('app-errors').count()) === 0, 'the app should report no errors');
    },
  },
  {
    name: 'example scenario inbound-recent-ticket, run to end: ticket 700 gets the call details',
    async run({ page }) {
      // The shared examples sit next to the repository; where they are not (a bare
      // checkout), the same scenario is loaded as a file instead.
      const select = page.getByTestId('scenario-select');
      const options = await select.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
      const value = options.find((v) => v.includes('inbound-recent-ticket'));
      if (value) {
        await select.selectOption(value);
      } else {
        await page.getByTestId('scenario-file').setInputFiles({
          name: 'inbound-recent-ticket.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(RECENT_TICKET)),
        });
      }
      await hasText(page.getByTestId('scenario-name'), 'Ada calls again', 'the loaded scenario');
      await hasText(page.getByTestId('step-index'), 'step 0 of 5', 'the step counter');

      // One step by hand: the call rings.
      await page.getByTestId('next-step').click();
      await hasText(page.getByTestId('step-index'), 'step 1 of 5', 'the step counter');
      await hasText(page.getByTestId('last-step-json'), '"incoming"', 'the applied step');
      await hasText(topBar(page).getByTestId('queue-name'), 'General', 'the queue name in the top bar');

      await page.getByTestId('run-to-end').click();
      await visible(page.getByTestId('report-json'), 'the final report');
      await hasText(page.getByTestId('step-index'), 'step 5 of 5', 'the step counter');

      await visible(zendesk(page).getByTestId('zd-tab-ticket-700'), 'the tab of ticket 700');
      await zendesk(page).getByTestId('zd-tab-ticket-700').click();
      await waitFor('ticket 700 in front', async () => (await activeTicketId(page)) === 700);
      const card = ticketView(page).getByTestId('call-details');
      await visible(card, 'the Call details comment on ticket 700');
      await hasText(card.getByTestId('call-from'), '+447700900456', 'Call details: from');
      await hasText(card.getByTestId('call-duration'), '1 min 30 s', 'Call details: duration');

      const report = await reportOf(page);
      assert(report.errors.length === 0, `the report should have no errors: ${JSON.stringify(report.errors)}`);
      assert(report.tickets.length === 1, `no new ticket should be created, got ${report.tickets.length} tickets`);
      const voice = report.tickets[0]!.comments.filter((c) => c.type === 'VoiceComment');
      assert(voice.length === 1, `ticket 700 should have one voice comment, got ${voice.length}`);
      assert(report.pops.some((p) => p.kind === 'ticket' && p.id === 700), 'ticket 700 should have popped');
    },
  },
  {
    name: 'scenario files: a broken file shows one error line, a good one loads',
    async run({ page }) {
      const input = page.getByTestId('scenario-file');
      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "x", }') });
      await hasText(page.getByTestId('scenario-error'), 'broken.json: line 1 column', 'the load error');

      await input.setInputFiles({
        name: 'typo.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            zendesk: { start: '2026-01-05T09:00:00Z', users: [{ id: 1, name: 'A', role: 'agent' }] },
            agents: [{ name: 'a', zendesk_user_id: 1, routing_profile: { name: 'P', queues: ['Q'] } }],
            steps: [{ at: 0, contact: 'c1', event: 'acept' }],
          }),
        ),
      });
      await hasText(page.getByTestId('scenario-error'), 'typo.json: steps[0].event', 'the validation error');
      const line = await page.getByTestId('scenario-error').innerText();
      assert(!line.includes('\n'), `the error should be one line, got ${JSON.stringify(line)}`);

      const good = {
        name: 'one call from a file',
        settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', defaultCountry: 'GB' },
        zendesk: {
          start: '2026-01-05T09:00:00Z',
          users: [
            { id: 1, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' },
            { id: 20, name: 'Tom Baker', role: 'end-user', phone: TOM },
          ],
          brands: [{ id: 1, name: 'Shop', default: true, active: true }],
        },
        agents: [{ name: 'priya', zendesk_user_id: 1, routing_profile: { name: 'Front', queues: ['General'] } }],
        steps: [
          { at: 0, contact: 'c1', event: 'incoming', channel: 'voice', queue: 'General', customer: TOM, system: '+442079460000' },
          { at: 3, contact: 'c1', event: 'accepted' },
          { at: 4, contact: 'c1', event: 'connected' },
          { at: 64, contact: 'c1', event: 'ended' },
        ],
      };
      await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
      await hasText(page.getByTestId('scenario-name'), 'one call from a file', 'the loaded scenario');
      assert((await page.getByTestId('scenario-error').count()) === 0, 'the error line should be gone');
      await page.getByTestId('run-to-end').click();
      await visible(ticketView(page).getByTestId('call-details'), 'the Call details comment');
      await hasText(ticketView(page).getByTestId('call-duration'), '1 min 0 s', 'Call details: duration');

      // Without a CCP address the app shows a settings problem; the simulated CCP stays usable.
      const bare = { ...good, name: 'no settings', settings: {}, steps: [] };
      await input.setInputFiles({ name: 'bare.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bare)) });
      await hasText(page.getByTestId('scenario-name'), 'no settings', 'the loaded scenario');
      await visible(page.getByTestId('ccp-ring'), 'the simulated CCP');
    },
  },
  {
    name: 'no console errors while using the playground',
    async run({ page, consoleErrors }) {
      await page.getByTestId('speed-select').selectOption('10');
      const id = await ring(page, { number: '+447700900456' });
      await visible(zendesk(page).getByTestId('zd-tab-user-21'), "Ada's user tab");
      await page.getByTestId('ccp-accept').click();
      await visible(ticketView(page), 'the popped ticket');
      await page.getByTestId('ccp-hold').click();
      await waitFor('hold', async () => (await page.getByTestId(`ccp-contact-${id}`).innerText()).includes('on hold'));
      await page.getByTestId('ccp-hold').click();
      await page.getByTestId('ccp-end').click();
      await visible(ticketView(page).getByTestId('call-details'), 'the Call details comment');
      await clearContact(page, id);

      // A chat with a message and a missed call.
      await page.getByTestId('ccp-channel').selectOption('chat');
      const chat = await ring(page, { number: TOM, attributes: { customer_number: TOM } });
      await page.getByTestId('ccp-accept').click();
      await page.getByTestId('ccp-message-text').fill('Where is my parcel?');
      await page.getByTestId('ccp-send').click();
      await waitFor('the message', async () => (await page.getByTestId(`ccp-contact-${chat}`).innerText()).includes('1 messages'));
      await page.getByTestId('ccp-end').click();
      await clearContact(page, chat);
      await page.getByTestId('ccp-channel').selectOption('voice');
      const missed = await ring(page, { number: UNKNOWN });
      await page.getByTestId('ccp-miss').click();
      await waitFor('missed', async () => (await contactState(page, missed)) === 'missed');
      await clearContact(page, missed);

      // Every example scenario runs to the end.
      const select = page.getByTestId('scenario-select');
      const options = await select.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
      for (const value of options.filter((v) => v.startsWith('example:'))) {
        await select.selectOption(value);
        await waitFor(`${value} loaded`, async () => (await page.getByTestId('report-json').count()) === 0);
        await page.getByTestId('run-to-end').click();
        await visible(page.getByTestId('report-json'), `the report of ${value}`);
        const report = await reportOf(page);
        assert(report.errors.length === 0, `${value}: the report should have no errors: ${JSON.stringify(report.errors)}`);
        // Look at every ticket it touched.
        for (const t of report.tickets) {
          await page.getByTestId('zd-tab-home').click();
          await zendesk(page).getByTestId(`ticket-row-${t.id}`).getByRole('button').click();
          await waitFor(`ticket ${t.id} in front`, async () => (await activeTicketId(page)) === t.id);
        }
      }
      await page.waitForTimeout(300);
      assert(consoleErrors.length === 0, `console errors:\n${consoleErrors.join('\n')}`);
    },
  },
];
