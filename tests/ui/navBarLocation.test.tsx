// @vitest-environment jsdom
// The nav_bar location page as Zendesk loads it: the agent's Zendesk locale picks the language,
// the installation id comes from client.metadata(), requests go through client.request.
import './jsdomSetup';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';

const g = globalThis as { ZAFClient?: unknown };

function sdkClient(user: { role: string; locale: string }) {
  const urls: string[] = [];
  const client = {
    request: async (o: { url: string; type: string }) => {
      urls.push(`${o.type} ${o.url}`);
      if (o.url.startsWith('/api/v2/brands')) {
        const brands = [
          { id: 1, name: 'Shop', active: true },
          { id: 2, name: 'Outlet', active: true },
        ];
        return { status: 200, responseJSON: { brands }, responseText: '', headers: {} };
      }
      if (o.url.startsWith('/api/v2/apps/installations/42')) {
        const body = { id: 42, settings: { queueToBrand: '[{"queue":"Vertrieb *","brand_id":2}]', brandToQueue: '{}' }, updated_at: '2026-01-05T09:00:00Z' };
        return { status: 200, responseJSON: body, responseText: '', headers: {} };
      }
      return { status: 404, responseJSON: { error: 'RecordNotFound' }, responseText: '', headers: {} };
    },
    get: async (path: string) =>
      path === 'currentUser' ? { currentUser: { id: 1, name: 'Sam', email: 's@example.org', ...user } } : {},
    metadata: async () => ({ appId: 1, installationId: 42, settings: {} }),
    context: async () => ({ location: 'nav_bar', instanceGuid: 'nav-1' }),
    invoke: async () => undefined,
    on: () => undefined,
    trigger: () => undefined,
    instance: () => ({ invoke: async () => undefined, trigger: () => undefined }),
  };
  return { client, urls };
}

beforeEach(() => {
  vi.resetModules();
  document.body.innerHTML = '<div id="root"></div>';
});
afterEach(() => {
  cleanup();
  delete g.ZAFClient;
});

describe('nav bar location', () => {
  it("an admin whose Zendesk locale is de-DE gets the German Settings screen with the installation's mappings", async () => {
    const sdk = sdkClient({ role: 'admin', locale: 'de-DE' });
    g.ZAFClient = { init: () => sdk.client };
    await import('../../src/locations/nav_bar/main');
    expect(await screen.findByRole('heading', { name: 'Amazon Connect-Einstellungen' })).toBeTruthy();
    expect(await screen.findByRole('tab', { name: 'Einstellungen' })).toBeTruthy();
    expect(((await screen.findByTestId('queue-pattern-1')) as HTMLInputElement).value).toBe('Vertrieb *');
    expect(screen.getByTestId('queue-message-1').textContent).toContain('beginnt');
    expect(document.documentElement.lang).toBe('de');
    expect(sdk.urls).toContain('GET /api/v2/apps/installations/42.json');
  });

  it('a Japanese agent is told, in Japanese, that only admins see the settings', async () => {
    const sdk = sdkClient({ role: 'agent', locale: 'ja' });
    g.ZAFClient = { init: () => sdk.client };
    await import('../../src/locations/nav_bar/main');
    const why = await screen.findByTestId('settings-unavailable');
    expect(why.textContent).toContain('管理者');
    expect(sdk.urls).toEqual([]);
  });
});
