// The admin's Settings screen (nav bar) and the agent's finishing touches in the top bar, in a
// real browser against the playground: mappings added, edited, saved and seen again after a
// reload (kept in the in-memory Zendesk installation); hidden from a non-admin; the outbound
// queue picked and reset; a long queue name clipped with a tooltip. Each screen is saved as a
// screenshot under test-results/.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { assert, hasText, visible, waitFor, type E2ECase } from './harness';
import { topBar } from './playgroundPage';

const resultsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-results');
const LONG_QUEUE = 'Customer Service - Premium Accounts - EMEA North';

async function shot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  await target.screenshot({ path: join(resultsDir, `screen-${name}.png`) });
}

const navApp = (page: Page) => page.getByTestId('navbar-app');

async function openNavBar(page: Page): Promise<void> {
  await page.getByTestId('view-navbar').click();
  await visible(page.getByTestId('navbar-pane'), 'the nav bar page');
}

async function installation(page: Page): Promise<{ queueToBrand: unknown; brandToQueue: unknown }> {
  return page.evaluate(() => {
    const pg = (window as unknown as { playground: { world: { zendesk: { installationSettings(): Record<string, unknown> | null } } } }).playground;
    const s = pg.world.zendesk.installationSettings() ?? {};
    return { queueToBrand: JSON.parse(String(s.queueToBrand ?? '[]')), brandToQueue: JSON.parse(String(s.brandToQueue ?? '{}')) };
  });
}

async function addRow(page: Page, queue: string, brand: string): Promise<number> {
  const app = navApp(page);
  await app.getByTestId('queue-add').click();
  const n = await app.locator('[data-testid^="queue-pattern-"]').count();
  const input = app.getByTestId(`queue-pattern-${n}`);
  // + Add moves the focus to the new row's field: type there, as a keyboard user would.
  await waitFor('the new row to have the focus', () => input.evaluate((el) => el === document.activeElement));
  await page.keyboard.type(queue);
  await app.getByTestId(`queue-brand-${n}`).selectOption({ label: brand });
  return n;
}

async function message(page: Page, n: number): Promise<{ validation: string | null; text: string }> {
  const m = navApp(page).getByTestId(`queue-message-${n}`);
  return { validation: await m.getAttribute('data-validation'), text: await m.innerText() };
}

async function saveDisabled(page: Page): Promise<boolean> {
  return navApp(page).getByTestId('settings-save').isDisabled();
}

export const cases: E2ECase[] = [
  {
    name: 'settings: an admin adds, edits and saves queue and brand mappings, and sees them again after a reload',
    async run({ page }) {
      await openNavBar(page);
      const app = navApp(page);
      assert((await page.getByTestId('navbar-user').locator('option:checked').innerText()).includes('admin'), 'an admin is signed in first');
      await visible(app.getByRole('tab', { name: 'Settings' }), 'the Settings tab');
      await hasText(app.getByRole('tab', { selected: true, name: 'Queues to brands' }), 'Queues to brands', 'the selected menu item');
      await visible(app.getByTestId('queues-empty'), 'the empty list');

      // Add: a prefix wild card, a regular expression, an invalid wild card (warning), a duplicate (error).
      const sales = await addRow(page, 'Sales *', 'Shop');
      await hasText(app.getByTestId(`queue-message-${sales}`), 'start with "Sales "', 'how row 1 reads');
      const outlet = await addRow(page, '/^outlet-/i', 'Outlet');
      await hasText(app.getByTestId(`queue-message-${outlet}`), 'regular expression', 'how row 2 reads');
      const special = await addRow(page, 'Special queue for 5* ratings', 'Outlet');
      let m = await message(page, special);
      assert(m.validation === 'warning' && m.text.includes('Not a valid wild card'), `row 3 should warn, got ${JSON.stringify(m)}`);
      assert(!(await saveDisabled(page)), 'a warning allows saving');
      const dup = await addRow(page, 'SALES *', 'Outlet');
      m = await message(page, dup);
      assert(m.validation === 'error' && m.text.includes('already mapped'), `row 4 should be a duplicate error, got ${JSON.stringify(m)}`);
      assert(await saveDisabled(page), 'a duplicate blocks saving');
      await hasText(app.getByTestId('save-blocked'), 'Rows to fix in Queues to brands: 1.', 'why Save is off');
      await shot(page.getByTestId('navbar-pane'), 'settings-queues-to-brands-errors');
      await app.getByRole('button', { name: `Remove row ${dup}` }).click();
      await waitFor('Save to be enabled', async () => !(await saveDisabled(page)));

      // Edit a row.
      await app.getByTestId(`queue-pattern-${sales}`).fill('Sales EMEA *');
      await hasText(app.getByTestId(`queue-message-${sales}`), 'start with "Sales EMEA "', 'the edited row');
      await shot(page.getByTestId('navbar-pane'), 'settings-queues-to-brands');

      // Brands to queues: every active brand; a wild card is only a warning.
      await app.getByRole('tab', { name: 'Brands to queues' }).click();
      const panel = app.getByTestId('brands-to-queues');
      await visible(panel.getByLabel('Shop'), 'the Shop field');
      assert((await panel.getByLabel('Legacy').count()) === 0, 'the inactive brand is not listed');
      await panel.getByLabel('Shop').fill('General');
      await panel.getByLabel('Outlet').fill('Billing *');
      await hasText(app.getByTestId('brand-message-2'), 'exact queue name', 'the wild card warning');
      await shot(page.getByTestId('navbar-pane'), 'settings-brands-to-queues');

      await app.getByTestId('settings-save').click();
      await hasText(app.getByTestId('save-status'), 'Mappings saved', 'the save result');
      await hasText(app.getByTestId('save-status'), 'after reloading Zendesk', 'the reload note');
      await shot(page.getByTestId('navbar-pane'), 'settings-saved');
      const saved = await installation(page);
      const expected = {
        queueToBrand: [
          { queue: 'Sales EMEA *', brand_id: 1 },
          { queue: '/^outlet-/i', brand_id: 2 },
          { queue: 'Special queue for 5* ratings', brand_id: 2 },
        ],
        brandToQueue: { 1: 'General', 2: 'Billing *' },
      };
      assert(JSON.stringify(saved) === JSON.stringify(expected), `the installation should hold the mappings, got ${JSON.stringify(saved)}`);

      // Reload the page: the mappings come back from the installation.
      await page.getByTestId('navbar-reload').click();
      await visible(app.getByTestId('queue-pattern-1'), 'the reloaded list');
      const values = await app.locator('[data-testid^="queue-pattern-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      assert(JSON.stringify(values) === JSON.stringify(expected.queueToBrand.map((r) => r.queue)), `reloaded rows: ${JSON.stringify(values)}`);
      assert((await app.getByTestId('queue-brand-2').inputValue()) === '2', 'row 2 keeps its brand');
      await app.getByRole('tab', { name: 'Brands to queues' }).click();
      assert((await app.getByTestId('brand-queue-2').inputValue()) === 'Billing *', 'the brand queue is back');
    },
  },
  {
    name: 'settings: another admin saving meanwhile is not overwritten',
    async run({ page }) {
      await openNavBar(page);
      const app = navApp(page);
      await visible(app.getByTestId('queues-empty'), 'the empty list');
      await addRow(page, 'Sales *', 'Shop');
      // Meanwhile another admin saves through the installations API.
      await page.evaluate(() => {
        const pg = (window as unknown as { playground: { world: { zendesk: { handle(r: unknown): unknown } } } }).playground;
        pg.world.zendesk.handle({
          method: 'PUT',
          url: '/api/v2/apps/installations/1.json',
          body: { settings: { queueToBrand: JSON.stringify([{ queue: 'Billing', brand_id: 2 }]) } },
          asUserId: 2,
        });
      });
      await app.getByTestId('settings-save').click();
      await hasText(app.getByTestId('save-status'), 'Another admin changed these mappings; reload to see their changes', 'the conflict');
      await shot(page.getByTestId('navbar-pane'), 'settings-conflict');
      const kept = await installation(page);
      assert(JSON.stringify(kept.queueToBrand) === JSON.stringify([{ queue: 'Billing', brand_id: 2 }]), `the other admin's mapping stays: ${JSON.stringify(kept)}`);
      await app.getByTestId('conflict-reload').click();
      await waitFor('the other admin’s row', async () => (await app.getByTestId('queue-pattern-1').inputValue().catch(() => '')) === 'Billing');
    },
  },
  {
    name: 'settings: a non-admin agent cannot see the mappings',
    async run({ page }) {
      await openNavBar(page);
      await page.getByTestId('navbar-user').selectOption({ label: 'Priya Agent (agent)' });
      const why = navApp(page).getByTestId('settings-unavailable');
      await hasText(why, 'Only Zendesk admins', 'the reason');
      assert((await navApp(page).getByRole('tab', { name: 'Settings' }).count()) === 0, 'no Settings tab for an agent');
      assert((await navApp(page).getByTestId('queues-to-brands').count()) === 0, 'no mappings for an agent');
      await shot(page.getByTestId('navbar-pane'), 'settings-not-admin');
      // Back to the admin: the screen is there.
      await page.getByTestId('navbar-user').selectOption({ label: 'Sam Admin (admin)' });
      await visible(navApp(page).getByRole('tab', { name: 'Settings' }), 'the Settings tab for the admin');
    },
  },
  {
    name: 'top bar: the agent picks an outbound queue, dials through it, and resets it',
    async run({ page }) {
      const bar = topBar(page);
      const select = bar.getByLabel('Outbound queue', { exact: true });
      await visible(select, 'the outbound queue');
      await waitFor('the routing profile queues', async () => (await select.locator('option').count()) === 3);
      assert((await select.inputValue()) === 'General', 'the default queue is preselected');
      const reset = bar.getByRole('button', { name: 'Reset the outbound queue to the default' });
      assert(await reset.isDisabled(), 'Reset is off on the default');

      await select.selectOption('Billing');
      await waitFor('Reset to be enabled', async () => !(await reset.isDisabled()));
      await bar.getByLabel('Enter a number').fill('+447700900456');
      await bar.getByRole('button', { name: 'Call the number entered' }).click();
      await hasText(page.getByTestId('dials'), '+447700900456 via queue Billing', 'the call placed through Billing');
      await shot(bar, 'topbar-outbound-queue');

      await reset.click();
      await waitFor('the default queue again', async () => (await select.inputValue()) === 'General');
      assert(await reset.isDisabled(), 'Reset is off again');
    },
  },
  {
    name: 'top bar: a long queue name is clipped to 35 characters while ringing, the whole name in a tooltip',
    async run({ page }) {
      const ccp = page.getByTestId('ccp');
      await ccp.getByTestId('ccp-queue').selectOption(LONG_QUEUE);
      await ccp.getByTestId('ccp-number').fill('+447700900123');
      await ccp.getByTestId('ccp-ring').click();
      const name = topBar(page).getByTestId('queue-name').locator('[data-full-name]');
      await visible(name, 'the clipped queue name');
      const shown = await name.innerText();
      assert(Array.from(shown).length === 35, `35 characters shown, got ${JSON.stringify(shown)}`);
      assert(shown.endsWith(LONG_QUEUE.slice(-8)) && shown.includes('…'), `the last 8 kept after an ellipsis, got ${JSON.stringify(shown)}`);
      assert((await name.getAttribute('title')) === LONG_QUEUE, 'the title holds the whole name');
      await name.hover();
      const tip = page.getByRole('tooltip');
      await hasText(tip, LONG_QUEUE, 'the tooltip');
      await shot(topBar(page), 'topbar-ringing-long-queue');
      // Keyboard: the name takes the focus and shows the same tooltip.
      await page.mouse.move(0, 0);
      await name.focus();
      await hasText(page.getByRole('tooltip'), LONG_QUEUE, 'the tooltip on focus');
      await page.getByTestId('ccp-accept').click();
      await waitFor('the queue name to go once accepted', async () => (await topBar(page).getByTestId('queue-name').count()) === 0);
    },
  },
  {
    name: "top bar: an admin's diagnostics show the app's origin, that the CCP answered, and the settings problems",
    async run({ page, baseUrl }) {
      const scenario = {
        name: 'an admin at the phone',
        settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', defaultCountry: 'UK' },
        zendesk: {
          start: '2026-01-05T09:00:00Z',
          users: [{ id: 1, name: 'Sam Admin', role: 'admin', email: 'sam@example.org' }],
          brands: [{ id: 1, name: 'Shop', default: true, active: true }],
        },
        agents: [{ name: 'sam', zendesk_user_id: 1, routing_profile: { name: 'Front', queues: ['General'] } }],
        steps: [],
      };
      await page.getByTestId('scenario-file').setInputFiles({
        name: 'admin.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(scenario)),
      });
      await hasText(page.getByTestId('scenario-name'), 'an admin at the phone', 'the loaded scenario');
      const bar = topBar(page);
      const toggle = bar.getByRole('button', { name: 'Diagnostics (admins)' });
      await visible(toggle, 'the Diagnostics toggle');
      await toggle.click();
      const panel = bar.getByTestId('diagnostics');
      await visible(panel, 'the Diagnostics panel');
      await hasText(bar.getByTestId('diagnostics-origin'), new URL(baseUrl).origin, "the app's origin");
      await hasText(bar.getByTestId('diagnostics-ccp'), 'Answered', 'the CCP state');
      await hasText(bar.getByTestId('diagnostics-problems'), 'for the United Kingdom use GB', 'the settings problem');
      await panel.scrollIntoViewIfNeeded();
      await shot(bar, 'topbar-diagnostics');
    },
  },
  {
    name: 'top bar and settings in German and Japanese, fitting the 340 px pane',
    async run({ page }) {
      await page.getByTestId('language-select').selectOption('de');
      const bar = topBar(page);
      await visible(bar.getByLabel('Ausgehende Warteschlange', { exact: true }), 'the German outbound queue');
      await visible(bar.getByText('Zweiter Klingelton'), 'the German secondary ringer');
      const width = await bar.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert(width.scroll <= width.client + 1, `the top bar should not scroll sideways: ${JSON.stringify(width)}`);
      await shot(bar, 'topbar-de');
      await openNavBar(page);
      await visible(navApp(page).getByRole('tab', { name: 'Einstellungen' }), 'the German Settings tab');
      await shot(page.getByTestId('navbar-pane'), 'settings-de');
      await page.getByTestId('language-select').selectOption('ja');
      // (No screenshot: the test machine's Chromium may lack Japanese fonts.)
      await visible(navApp(page).getByRole('tab', { name: 'キューからブランド' }), 'the Japanese menu');
      await page.getByTestId('language-select').selectOption('en');
    },
  },
];
