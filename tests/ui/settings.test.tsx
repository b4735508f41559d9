// @vitest-environment jsdom
// The nav bar's Settings screen (administrator guide, "Brands and Queue Mapping"), against an
// in-memory Zendesk through the real gateway: who sees it, every validation rule of both
// mappings, and saving (success, Zendesk's error, a concurrent edit by another admin).
import './jsdomSetup';
import { afterEach, describe, expect, it, beforeAll } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SettingsApp } from '../../src/ui/settings/SettingsApp';
import { renderInGarden } from './helpers';
import { ADMIN, AGENT, OTHER_ADMIN, sessionAs, zendesk } from './settingsHelpers';
import { preloadLocales } from '../../src/i18n';

// Languages other than English are fetched on demand in the app; here all are loaded first.
beforeAll(() => preloadLocales());

afterEach(() => cleanup());

type Zd = ReturnType<typeof zendesk>;

async function openAsAdmin(zd: Zd = zendesk(), userId = ADMIN) {
  const s = sessionAs(zd, userId);
  renderInGarden(<SettingsApp user={{ role: 'admin' }} api={s.api} />);
  await screen.findByTestId('queues-to-brands');
  return s;
}

const saveButton = () => screen.getByTestId('settings-save') as HTMLButtonElement;
const pattern = (n: number) => screen.getByTestId(`queue-pattern-${n}`) as HTMLInputElement;
const brandSelect = (n: number) => screen.getByTestId(`queue-brand-${n}`) as HTMLSelectElement;
const rowMessage = (n: number) => screen.queryByTestId(`queue-message-${n}`);

/** + Add, then fill the new row. */
function addRow(queue: string, brandId: number | null = 10): number {
  fireEvent.click(screen.getByTestId('queue-add'));
  const n = screen.getAllByTestId(/^queue-pattern-\d+$/).length;
  fireEvent.change(pattern(n), { target: { value: queue } });
  if (brandId !== null) fireEvent.change(brandSelect(n), { target: { value: String(brandId) } });
  return n;
}

function expectMessage(n: number, validation: 'ok' | 'warning' | 'error', text: string | RegExp) {
  const m = rowMessage(n);
  expect(m, `message of row ${n}`).not.toBeNull();
  expect(m!.getAttribute('data-validation')).toBe(validation);
  if (typeof text === 'string') expect(m!.textContent).toContain(text);
  else expect(m!.textContent).toMatch(text);
}

function stored(zd: Zd): { queueToBrand: unknown; brandToQueue: unknown } {
  const s = zd.installationSettings()!;
  return { queueToBrand: JSON.parse(String(s.queueToBrand)), brandToQueue: JSON.parse(String(s.brandToQueue)) };
}

describe('who sees the Settings tab', () => {
  it('a non-admin gets a message saying why, and no Settings tab', async () => {
    const zd = zendesk();
    const s = sessionAs(zd, AGENT);
    renderInGarden(<SettingsApp user={{ role: 'agent' }} api={s.api} />);
    expect(screen.getByTestId('settings-unavailable').textContent).toContain('Only Zendesk admins');
    expect(screen.queryByRole('tab', { name: 'Settings' })).toBeNull();
    expect(screen.queryByTestId('queues-to-brands')).toBeNull();
    expect(s.requests).toEqual([]);
  });

  it('an admin of an account with fewer than two active brands gets a message saying why', async () => {
    const zd = zendesk({
      brands: [
        { id: 10, name: 'Shop', default: true, active: true },
        { id: 30, name: 'Legacy', active: false },
      ],
    });
    renderInGarden(<SettingsApp user={{ role: 'admin' }} api={sessionAs(zd, ADMIN).api} />);
    const why = await screen.findByTestId('settings-unavailable');
    expect(why.textContent).toContain('at least two active brands');
    expect(why.textContent).toContain('it has 1 now');
    expect(screen.queryByRole('tab', { name: 'Settings' })).toBeNull();
  });

  it('an admin with two active brands gets the Settings tab, Queues to brands selected, an empty list', async () => {
    await openAsAdmin();
    expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
    const menu = screen.getByRole('tablist', { name: 'Settings menu' });
    const items = within(menu).getAllByRole('tab');
    expect(items.map((t) => t.textContent)).toEqual(['Queues to brands', 'Brands to queues']);
    expect(items[0]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('queues-empty').textContent).toContain('+ Add');
    // Active brands only in the dropdown.
    addRow('Sales', null);
    const options = within(brandSelect(1)).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Choose a brand', 'Shop', 'Outlet']);
  });
});

describe('Queues to brands: validation', () => {
  it('a plain name matches that queue; a row needs a brand before saving', async () => {
    await openAsAdmin();
    const n = addRow('Sales', null);
    expectMessage(n, 'error', 'Choose a brand.');
    expect(saveButton().disabled).toBe(true);
    fireEvent.change(brandSelect(n), { target: { value: '20' } });
    expectMessage(n, 'ok', 'Matches the queue named "Sales"');
    expect(pattern(n).getAttribute('aria-invalid')).not.toBe('true');
    expect(saveButton().disabled).toBe(false);
  });

  it('wild cards: * at the end (prefix), at the start (suffix), at both ends (contains)', async () => {
    await openAsAdmin();
    expectMessage(addRow('Sales *'), 'ok', 'start with "Sales "');
    expectMessage(addRow('* Support'), 'ok', 'end with " Support"');
    expectMessage(addRow('*VIP*'), 'ok', 'contain "VIP"');
    expect(saveButton().disabled).toBe(false);
  });

  it('an invalid wild card is a warning, and the row is saved as written (matched literally)', async () => {
    const zd = zendesk();
    await openAsAdmin(zd);
    const n = addRow('Special queue for 5* ratings');
    expectMessage(n, 'warning', 'Not a valid wild card');
    expectMessage(n, 'warning', 'plain queue name');
    expect(saveButton().disabled).toBe(false);
    fireEvent.click(saveButton());
    await screen.findByText('Mappings saved');
    expect(stored(zd).queueToBrand).toEqual([{ queue: 'Special queue for 5* ratings', brand_id: 10 }]);
  });

  it('a valid regular expression is used as one', async () => {
    await openAsAdmin();
    expectMessage(addRow('/^sales-(uk|ie)$/i'), 'ok', 'Matches queues with this regular expression.');
  });

  it('an invalid regular expression is a warning, saving allowed', async () => {
    await openAsAdmin();
    expectMessage(addRow('/sales(/'), 'warning', 'Not a valid regular expression');
    expectMessage(addRow('/sales'), 'warning', 'not a regular expression written as /expression/flags');
    expectMessage(addRow('/sales/x'), 'warning', 'Not a valid regular expression');
    expect(saveButton().disabled).toBe(false);
  });

  it('a regular expression that can backtrack catastrophically is not used: a warning, saving allowed', async () => {
    await openAsAdmin();
    expectMessage(addRow('/(a+)+$/'), 'warning', 'could freeze');
    expectMessage(addRow('/^(\\w|\\d)*$/'), 'warning', 'could freeze');
    expect(saveButton().disabled).toBe(false);
  });

  it('a name over 128 characters is an error and blocks saving', async () => {
    await openAsAdmin();
    const n = addRow('q'.repeat(129));
    expectMessage(n, 'error', 'This name has 129 characters; at most 128 are allowed.');
    expect(pattern(n).getAttribute('aria-invalid')).toBe('true');
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId('save-blocked').textContent).toContain('Rows to fix in Queues to brands: 1.');
    fireEvent.change(pattern(n), { target: { value: 'q'.repeat(128) } });
    expectMessage(n, 'ok', 'Matches the queue named');
    expect(saveButton().disabled).toBe(false);
  });

  it('a duplicate (any letter case, spaces trimmed) is an error on the later row and blocks saving; removing it unblocks', async () => {
    await openAsAdmin();
    const first = addRow('Sales *');
    const second = addRow('  sales *', 20);
    expectMessage(first, 'ok', 'start with');
    expectMessage(second, 'error', 'already mapped in an earlier row');
    expect(saveButton().disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: `Remove row ${second}` }));
    expect(screen.queryByTestId(`queue-pattern-${second}`)).toBeNull();
    expect(saveButton().disabled).toBe(false);
  });

  it('an empty queue name is an error', async () => {
    await openAsAdmin();
    const n = addRow('');
    expectMessage(n, 'error', 'Enter a queue name.');
    expect(saveButton().disabled).toBe(true);
  });

  it('warnings allow saving, errors do not, whatever the mix', async () => {
    await openAsAdmin();
    addRow('Sales *');
    addRow('5* stars');
    addRow('/(a*)*/');
    expect(saveButton().disabled).toBe(false);
    const bad = addRow('x'.repeat(200));
    expect(saveButton().disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: `Remove row ${bad}` }));
    expect(saveButton().disabled).toBe(false);
  });
});

describe('Brands to queues', () => {
  it('lists every active brand with a queue field; a wild card or regex is a warning, over 128 characters an error', async () => {
    await openAsAdmin();
    fireEvent.click(screen.getByRole('tab', { name: 'Brands to queues' }));
    const panel = screen.getByTestId('brands-to-queues');
    expect(within(panel).getByLabelText('Shop')).toBeTruthy();
    expect(within(panel).getByLabelText('Outlet')).toBeTruthy();
    expect(within(panel).queryByLabelText('Legacy')).toBeNull();

    fireEvent.change(screen.getByTestId('brand-queue-10'), { target: { value: 'Sales *' } });
    let m = screen.getByTestId('brand-message-10');
    expect(m.getAttribute('data-validation')).toBe('warning');
    expect(m.textContent).toContain('exact queue name');
    expect(saveButton().disabled).toBe(false);

    fireEvent.change(screen.getByTestId('brand-queue-10'), { target: { value: '/^sales$/' } });
    expect(screen.getByTestId('brand-message-10').getAttribute('data-validation')).toBe('warning');

    fireEvent.change(screen.getByTestId('brand-queue-20'), { target: { value: 'z'.repeat(130) } });
    m = screen.getByTestId('brand-message-20');
    expect(m.getAttribute('data-validation')).toBe('error');
    expect(m.textContent).toContain('130 characters');
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId('save-blocked').textContent).toContain('Brands to fix in Brands to queues: 1.');
    // The menu marks the section with errors.
    expect(screen.getByRole('tab', { name: /Brands to queues/ }).querySelector('[aria-label="has errors"]')).not.toBeNull();
  });
});

describe('saving', () => {
  it('saves both mappings into the installation, says agents must reload, and a reload shows them', async () => {
    const zd = zendesk({ settings: { brandToQueue: JSON.stringify({ 30: 'Old legacy queue' }) } });
    const s = await openAsAdmin(zd);
    expect(saveButton().disabled).toBe(true); // nothing changed yet
    addRow('Sales *', 10);
    addRow('/^outlet-/i', 20);
    fireEvent.click(screen.getByRole('tab', { name: 'Brands to queues' }));
    fireEvent.change(screen.getByTestId('brand-queue-10'), { target: { value: ' Shop Outbound ' } });
    fireEvent.click(saveButton());

    const done = await screen.findByText('Mappings saved');
    expect(done.closest('[data-testid="save-status"]')!.textContent).toContain('after reloading Zendesk');
    expect(stored(zd)).toEqual({
      queueToBrand: [
        { queue: 'Sales *', brand_id: 10 },
        { queue: '/^outlet-/i', brand_id: 20 },
      ],
      // The inactive brand's queue is kept.
      brandToQueue: { 10: 'Shop Outbound', 30: 'Old legacy queue' },
    });
    // Read, then one PUT with the two settings.
    const writes = s.requests.filter((r) => r.method === 'PUT');
    expect(writes).toEqual([{ method: 'PUT', path: '/api/v2/apps/installations/7.json', status: 200 }]);
    expect(zd.installationSettings()!.ccpUrl).toBe('https://example.my.connect.aws/ccp-v2');
    expect(saveButton().disabled).toBe(true); // saved: nothing left to save

    // Saving again after another edit is no conflict with oneself.
    fireEvent.click(screen.getByRole('tab', { name: 'Queues to brands' }));
    addRow('Returns', 20);
    fireEvent.click(saveButton());
    await waitFor(() => expect((stored(zd).queueToBrand as unknown[]).length).toBe(3));

    // A fresh page shows what was saved.
    cleanup();
    await openAsAdmin(zd);
    expect(pattern(1).value).toBe('Sales *');
    expect(brandSelect(1).value).toBe('10');
    expect(pattern(2).value).toBe('/^outlet-/i');
    expect(brandSelect(2).value).toBe('20');
    expect(pattern(3).value).toBe('Returns');
    expect((screen.getByTestId('brand-queue-10') as HTMLInputElement).value).toBe('Shop Outbound');
  });

  it("shows Zendesk's exact error when it refuses (403 for a user who is not an admin in Zendesk)", async () => {
    const zd = zendesk();
    // The screen was opened as an admin, but Zendesk knows this user as an agent.
    await openAsAdmin(zd, AGENT);
    addRow('Sales *');
    fireEvent.click(saveButton());
    const alert = await screen.findByText('Saving failed');
    const box = alert.closest('[data-testid="save-status"]')!;
    expect(box.textContent).toContain('Zendesk answered 403:');
    expect(box.textContent).toContain('Forbidden: You do not have access to this page');
    expect(stored(zd).queueToBrand).toEqual([]);
  });

  it("does not overwrite another admin's change made meanwhile, and Reload shows it", async () => {
    const zd = zendesk({ settings: { queueToBrand: JSON.stringify([{ queue: 'Billing', brand_id: 20 }]) } });
    await openAsAdmin(zd);
    expect(pattern(1).value).toBe('Billing');

    // Alex saves a change while Sam is editing.
    await sessionAs(zd, OTHER_ADMIN).api.write({
      queueToBrand: JSON.stringify([{ queue: 'Billing', brand_id: 10 }]),
      brandToQueue: '{}',
    });

    addRow('Sales *');
    fireEvent.click(saveButton());
    const conflict = await screen.findByText(/Another admin changed these mappings; reload to see their changes/);
    expect(conflict).toBeTruthy();
    expect(stored(zd).queueToBrand).toEqual([{ queue: 'Billing', brand_id: 10 }]);

    fireEvent.click(screen.getByTestId('conflict-reload'));
    await waitFor(() => expect(brandSelect(1).value).toBe('10'));
    expect(screen.queryByTestId('queue-pattern-2')).toBeNull();
  });

  it('a change of another setting meanwhile is no conflict: only the mappings are written', async () => {
    const zd = zendesk();
    await openAsAdmin(zd);
    zd.handle({ method: 'PUT', url: '/api/v2/apps/installations/7.json', body: { settings: { region: 'eu-west-2' } }, asUserId: OTHER_ADMIN });
    addRow('Sales *');
    fireEvent.click(saveButton());
    await screen.findByText('Mappings saved');
    expect(zd.installationSettings()!.region).toBe('eu-west-2');
    expect(stored(zd).queueToBrand).toEqual([{ queue: 'Sales *', brand_id: 10 }]);
  });

  it('shows what was wrong with the stored mappings', async () => {
    const zd = zendesk({ settings: { queueToBrand: '[{"queue": "A", "brand_id": 10}, {"queue": "a", "brand_id": 20}]', brandToQueue: '{not json' } });
    await openAsAdmin(zd);
    expect(screen.getByText(/The saved mappings had problems/)).toBeTruthy();
    expect(screen.getByText(/repeats the queue "a"/)).toBeTruthy();
    expect(screen.getByText(/brands to queues setting is not valid JSON/)).toBeTruthy();
    expect(pattern(1).value).toBe('A');
    expect(screen.queryByTestId('queue-pattern-2')).toBeNull();
  });
});

describe('in another language', () => {
  it('speaks German when the admin does', async () => {
    const { setLocale } = await import('../../src/i18n');
    setLocale('de');
    try {
      await openAsAdmin();
      expect(screen.getByRole('tab', { name: 'Einstellungen' })).toBeTruthy();
      expect(screen.getByRole('tab', { name: 'Warteschlangen zu Marken' })).toBeTruthy();
      const n = addRow('5* Sterne');
      expectMessage(n, 'warning', 'Kein gültiger Platzhalter');
    } finally {
      setLocale('en');
    }
  });
});
