// What the end-to-end cases read and do on the playground page: its regions, ringing a contact
// from the simulated Amazon Connect, the final report.
import type { Frame, Page } from 'playwright-core';
import { waitFor } from './harness';

export const TOM = '+447700900123';
export const UNKNOWN = '+447700900999';

export const topBar = (page: Page) => page.getByTestId('topbar');
export const zendesk = (page: Page) => page.getByTestId('zendesk');
export const ticketView = (page: Page) => zendesk(page).getByTestId('ticket-view');

/** The id of the ticket tab that is in front, if any. */
export async function activeTicketId(page: Page): Promise<number | null> {
  const id = await ticketView(page).getAttribute('data-ticket-id', { timeout: 1000 }).catch(() => null);
  return id === null ? null : Number(id);
}

const contactRows = (page: Page) => page.getByTestId('ccp').locator('[data-testid^="ccp-contact-live-"]');
const rowIds = (page: Page) => contactRows(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.testid ?? ''));

/** Rings (or dials) a contact from the simulated Amazon Connect; returns its contact id. */
export async function ring(page: Page, opts: { number: string; attributes?: Record<string, string> }): Promise<string> {
  const ccp = page.getByTestId('ccp');
  await ccp.getByTestId('ccp-number').fill(opts.number);
  const entries = Object.entries(opts.attributes ?? {});
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) await ccp.getByTestId('ccp-add-attr').click();
    const [k, v] = entries[i]!;
    await ccp.getByTestId(`ccp-attr-key-${i}`).fill(k);
    await ccp.getByTestId(`ccp-attr-value-${i}`).fill(v);
  }
  const before = new Set(await rowIds(page));
  await ccp.getByTestId('ccp-ring').click();
  const testId = await waitFor('the new contact in the simulated Amazon Connect', async () => (await rowIds(page)).find((t) => !before.has(t)));
  return testId.replace('ccp-contact-', '');
}

/** Clears the selected contact (the agent closes it in the CCP) and waits until it is gone. */
export async function clearContact(page: Page, id: string): Promise<void> {
  await page.getByTestId('ccp-clear').click();
  await waitFor(`contact ${id} to be cleared`, async () => (await page.getByTestId(`ccp-contact-${id}`).count()) === 0);
}

/** The contact's state as Connect reports it (Streams' contact state: connecting, connected...). */
export async function contactState(page: Page, id: string): Promise<string | null> {
  return page.getByTestId(`ccp-contact-${id}`).getAttribute('data-status', { timeout: 1000 }).catch(() => null);
}

/** The CCP stand-in page Streams framed in the tab on show (tab.html → its CCP iframe). */
export async function standInFrame(page: Page): Promise<Frame> {
  return waitFor('the CCP stand-in frame', () =>
    page.frames().find((f) => new URL(f.url()).pathname === '/ccp-v2/' && new URL(f.parentFrame()?.url() ?? 'about:blank').pathname === '/tab.html'),
  );
}

export interface Report {
  tickets: { id: number; comments: { type: string; data?: Record<string, unknown> }[] }[];
  pops: { kind: string; id: number }[];
  errors: unknown[];
}

export async function reportOf(page: Page): Promise<Report> {
  const text = await page.getByTestId('report-json').innerText();
  return JSON.parse(text) as Report;
}
