// The top bar's boot path in the playground is the production one: the app's settings give
// Streams the CCP stand-in's address, the real Streams (in the simulated Zendesk tab's page)
// frames it through initCCP, and everything the agent sees comes over that iframe's wire.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { checkExpectations } from '../../src/sim/scenario/expect';
import { loadScenarioFile } from '../../src/sim/scenario/loadFile';
import { assert, hasText, visible, waitFor, type E2ECase } from './harness';
import { activeTicketId, clearContact, reportOf, ring, standInFrame, ticketView, TOM, topBar, zendesk } from './playgroundPage';

const resilience = resolve(dirname(fileURLToPath(import.meta.url)), '../scenarios/resilience');

const ADA = '+447700900456';

/** Every CCP stand-in page in the playground (one in each tab page Streams booted in). */
function standIns(page: Page) {
  return page.frames().filter((f) => new URL(f.url()).pathname === '/ccp-v2/');
}

/** Waits for a stand-in showing the agent state `state`. */
function standInSaying(page: Page, state: string) {
  return waitFor(`a stand-in saying the agent is ${state}`, async () => {
    for (const f of standIns(page)) {
      if ((await f.getByTestId('stand-in-agent-state').innerText({ timeout: 500 }).catch(() => '')) === state) return true;
    }
    return false;
  });
}

/** Whether the frame of Zendesk tab `label` covers the top bar's CCP box. */
async function shownInTopBar(page: Page, label: string): Promise<boolean> {
  const slot = await topBar(page).getByTestId('ccp-slot').boundingBox();
  const frame = page.locator(`iframe.tab-frame[data-tab="${label}"]`);
  const box = await frame.boundingBox();
  const seen = await frame.evaluate((el) => getComputedStyle(el).visibility === 'visible');
  return Boolean(slot && box && seen && Math.abs(slot.x - box.x) <= 1 && Math.abs(slot.y - box.y) <= 1 && Math.abs(slot.width - box.width) <= 1);
}

/** Streams' name for the iframe it creates in initCCP (connect-streams.js CCP_IFRAME_NAME). */
const STREAMS_CCP_IFRAME = 'Amazon Connect CCP';

export const cases: E2ECase[] = [
  {
    name: 'CCP stand-in: the real top bar boots Streams against the stand-in page, and a call rung there pops its ticket',
    async run({ page, baseUrl }) {
      const standInUrl = new URL('/ccp-v2/', baseUrl).href;

      // The app was given the stand-in's address as its ccpUrl; the playground window itself has
      // no `connect`: Streams runs in the tab's page, which Streams framed the stand-in into.
      const app = await page.evaluate(() => {
        const pg = (window as unknown as { playground: { currentTab(): { app: { settings: { ccpUrl: string | null } | null } } | undefined } }).playground;
        return { ccpUrl: pg.currentTab()?.app.settings?.ccpUrl ?? null, connect: typeof (window as unknown as { connect?: unknown }).connect };
      });
      assert(app.ccpUrl === standInUrl, `the app's ccpUrl should be the stand-in's ${standInUrl}, got ${app.ccpUrl}`);
      assert(app.connect === 'undefined', 'the playground window should have no connect global');

      const standIn = await standInFrame(page);
      const tab = standIn.parentFrame();
      assert(tab && tab.parentFrame() === page.mainFrame(), "the stand-in should be framed by a tab page of the playground's window");
      const inTab = await tab.evaluate(() => {
        const c = (window as unknown as { connect?: { core?: { initCCP?: unknown }; ChatSession?: unknown; TaskSession?: unknown } }).connect;
        const frames = [...document.querySelectorAll('iframe')];
        return {
          frames: frames.map((f) => ({ src: f.src, name: f.name, allow: f.allow, parent: f.parentElement?.id ?? '' })),
          streams: typeof c?.core?.initCCP === 'function',
          chat: Boolean(c?.ChatSession),
          task: Boolean(c?.TaskSession),
        };
      });
      assert(inTab.streams && inTab.chat && inTab.task, `Streams, ChatJS and TaskJS should be on the tab's connect: ${JSON.stringify(inTab)}`);
      assert(inTab.frames.length === 1, `one CCP iframe in the tab page, got ${JSON.stringify(inTab.frames)}`);
      const iframe = inTab.frames[0]!;
      assert(
        iframe.name === STREAMS_CCP_IFRAME && iframe.src === standInUrl && iframe.parent === 'ccp',
        `Streams' own CCP iframe, in the top bar's container, on the stand-in: ${JSON.stringify(iframe)}`,
      );
      assert(iframe.allow.includes('microphone'), `the CCP iframe should allow the microphone: ${iframe.allow}`);
      assert((await (await standIn.frameElement()).getAttribute('name')) === STREAMS_CCP_IFRAME, "the stand-in is the page of Streams' iframe");
      await hasText(standIn.getByTestId('stand-in-agent-state'), 'Available', 'the agent state in the stand-in CCP');
      // Streams' Amazon Connect SDK proxy took the stand-in's origin as the instance's.
      await waitFor('the SDK channel up', async () => (await standIn.locator('#ccp').getAttribute('data-sdk')) === 'ready');

      // The tab's page is where the top bar's CCP goes.
      const label = await (await tab.frameElement()).getAttribute('data-tab');
      assert(label === 'priya#1', `the stand-in's tab page should be Priya's first tab, got ${label}`);
      assert(await shownInTopBar(page, label), "the tab's page should cover the top bar's CCP box");

      // A call rings: the stand-in shows it, the top bar shows its card, the caller pops.
      const id = await ring(page, { number: TOM });
      const row = standIn.getByTestId(`stand-in-contact-${id}`);
      await visible(row, 'the ringing contact in the stand-in CCP');
      assert((await row.getAttribute('data-state')) === 'connecting', 'the contact should be ringing (connecting) in the CCP');
      const card = topBar(page).getByRole('group', { name: /^Incoming call/ });
      await visible(card, 'the contact card in the top bar');
      await hasText(card, 'Tom Baker', 'the contact card');
      await hasText(topBar(page).getByTestId('queue-name'), 'General', 'the queue name in the top bar');
      await visible(zendesk(page).getByTestId('zd-tab-user-20'), "Tom's user tab");

      // Accepted: the ticket pops in the simulated Zendesk and the card links it.
      await page.getByTestId('ccp-accept').click();
      await waitFor('the contact connected in the stand-in', async () => (await row.getAttribute('data-state')) === 'connected');
      await hasText(ticketView(page).getByTestId('ticket-subject'), 'Inbound call from +44 7700 900123', 'the popped ticket');
      const ticketId = await waitFor('a ticket tab in front', () => activeTicketId(page));
      await hasText(card, `Ticket #${ticketId}`, 'the ticket on the contact card');

      // Ended and cleared: after contact work, then gone from the CCP and the top bar.
      await page.getByTestId('ccp-end').click();
      await waitFor('after contact work in the stand-in', async () => (await row.getAttribute('data-state')) === 'ended');
      await visible(ticketView(page).getByTestId('call-details'), 'the Call details comment');
      await clearContact(page, id);
      await waitFor('the contact gone from the stand-in', async () => (await row.count()) === 0);
      await waitFor('the contact card gone from the top bar', async () => (await card.count()) === 0);
      assert((await page.getByTestId('app-errors').count()) === 0, 'the app should report no errors');
    },
  },
  {
    name: 'CCP stand-in: picking a contact in the CCP brings its ticket to the front',
    async run({ page }) {
      const standIn = await standInFrame(page);
      const call = await ring(page, { number: TOM });
      await page.getByTestId('ccp-accept').click();
      const callTicket = await waitFor("the call's ticket in front", () => activeTicketId(page));

      await page.getByTestId('ccp-channel').selectOption('chat');
      const chat = await ring(page, { number: ADA, attributes: { customer_number: ADA } });
      await page.getByTestId('ccp-accept').click();
      const chatTicket = await waitFor("the chat's ticket in front", async () => {
        const id = await activeTicketId(page);
        return id !== null && id !== callTicket ? id : null;
      });

      await standIn.getByTestId(`stand-in-contact-${call}`).click();
      await waitFor("the call's ticket in front again", async () => (await activeTicketId(page)) === callTicket);
      await standIn.getByTestId(`stand-in-contact-${chat}`).click();
      await waitFor("the chat's ticket in front again", async () => (await activeTicketId(page)) === chatTicket);
      assert((await page.getByTestId('app-errors').count()) === 0, 'the app should report no errors');
    },
  },
  {
    name: 'CCP stand-in: each Zendesk tab frames its own stand-in; the tab shown is the one in the top bar; the resilience scenarios hold as in Node',
    async run({ page }) {
      const select = page.getByTestId('scenario-select');
      await select.selectOption('repo:resilience/two-tabs-one-processes.json');
      await hasText(page.getByTestId('step-index'), 'step 0 of', 'the loaded scenario');
      await page.getByTestId('next-step').click(); // a second tab opens
      await waitFor('a stand-in in each of the two tabs', () => {
        const tabs = new Set(standIns(page).map((f) => f.parentFrame()));
        return tabs.size === 2 && ![...tabs].includes(null);
      });
      await page.getByTestId('next-step').click(); // the call rings
      for (const f of standIns(page)) await visible(f.getByTestId('stand-in-contact-c1'), "the call in each tab's stand-in");
      assert(await shownInTopBar(page, 'priya#1'), "tab 1's page should be in the top bar");
      await page.getByTestId('show-as').selectOption('priya#2');
      await waitFor("tab 2's page in the top bar", () => shownInTopBar(page, 'priya#2'));
      assert(!(await shownInTopBar(page, 'priya#1')), "tab 1's page should be hidden");
      await page.getByTestId('show-as').selectOption('priya#1');
      await waitFor("tab 1's page in the top bar again", () => shownInTopBar(page, 'priya#1'));
      await visible(topBar(page).getByRole('group', { name: /^Incoming call/ }), "the call's card in tab 1's top bar");

      // Every resilience scenario (reloads, closed tabs, two tabs) gives in the browser what its expect block says.
      for (const file of readdirSync(resilience).filter((f) => f.endsWith('.json')).sort()) {
        const loaded = await loadScenarioFile(join(resilience, file));
        assert(loaded.ok, `${file} should load`);
        await select.selectOption(`repo:resilience/${file}`);
        await waitFor(`${file} loaded`, async () => (await page.getByTestId('report-json').count()) === 0 && (await page.getByTestId('step-index').innerText()).includes('step 0 of'));
        await page.getByTestId('run-to-end').click();
        await visible(page.getByTestId('report-json'), `the report of ${file}`, 60_000);
        const problems = checkExpectations(loaded.scenario.expect, (await reportOf(page)) as never, loaded.scenario);
        assert(problems.length === 0, `${file}: ${problems.join('; ')}`);
      }
    },
  },
  {
    name: 'CCP stand-in: an agent signed out of Connect: Streams pops the sign-in page, the top bar offers to sign in',
    async run({ page, baseUrl }) {
      const standInUrl = new URL('/ccp-v2/', baseUrl).href;
      const popup = page.waitForEvent('popup', { timeout: 30_000 });
      await page.getByTestId('ccp-mode').selectOption('signed_out');
      // The CCP answers Streams' configure with auth_fail, and Streams opens the CCP's address to sign in.
      await standInSaying(page, 'Signed out');
      const signIn = await popup;
      assert(signIn.url() === standInUrl, `Streams should pop the CCP's address, got ${signIn.url()}`);
      await hasText(signIn.locator('#ccp'), 'sign-in page', 'the pop-up');
      await visible(topBar(page).getByTestId('login-help'), 'the sign-in help in the top bar', 20_000);
      assert((await topBar(page).getByRole('group', { name: /^Incoming call/ }).count()) === 0, 'no contact without an agent');

      // Signed in again (the scenario restarts): the CCP comes up and the help goes.
      await page.getByTestId('ccp-mode').selectOption('answers');
      await standInSaying(page, 'Available');
      await waitFor('the sign-in help gone', async () => (await topBar(page).getByTestId('login-help').count()) === 0);
      const id = await ring(page, { number: TOM });
      await visible((await standInFrame(page)).getByTestId(`stand-in-contact-${id}`), 'the call in the stand-in');
    },
  },
];
