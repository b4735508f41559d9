// @vitest-environment jsdom
import './jsdomSetup';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';

vi.mock('amazon-connect-streams', () => ({}));

type Handler = (payload?: unknown) => void;

/** A fake of the SDK client object that ZAFClient.init() returns. */
function fakeSdkClient(opts: { location: string; settings?: Record<string, unknown>; values?: Record<string, unknown> }) {
  const handlers = new Map<string, Handler[]>();
  const log = { triggers: [] as [string, string, unknown][], invokes: [] as [string, string, unknown[]][] };
  const instances = {
    'top-1': { location: 'top_bar' },
    'top-2': { location: 'top_bar' },
    'side-1': { location: opts.location },
    'bg-1': { location: 'background' },
  };
  const client = {
    request: async () => ({ status: 200, responseJSON: {}, responseText: '{}', headers: {} }),
    get: async (path: string) => {
      if (path === 'instances') return { instances };
      if (path === 'currentUser') return { currentUser: { id: 1, name: 'Priya', email: 'p@example.org', role: 'agent', locale: 'en-GB' } };
      return { [path]: opts.values?.[path] };
    },
    metadata: async () => ({ appId: 1, installationId: 1, settings: opts.settings ?? {} }),
    context: async () => ({ location: opts.location, instanceGuid: 'side-1' }),
    invoke: async (name: string, ...args: unknown[]) => void log.invokes.push(['self', name, args]),
    on: (event: string, h: Handler) => handlers.set(event, [...(handlers.get(event) ?? []), h]),
    trigger: () => undefined,
    instance: (guid: string) => ({
      invoke: async (name: string, ...args: unknown[]) => void log.invokes.push([guid, name, args]),
      trigger: (event: string, payload: unknown) => void log.triggers.push([guid, event, payload]),
    }),
  };
  return {
    client,
    log,
    fire: (event: string, payload?: unknown) => handlers.get(event)?.forEach((h) => h(payload)),
    subscribed: () => [...handlers.keys()],
  };
}

const g = globalThis as { ZAFClient?: unknown; connect?: unknown };

beforeEach(() => {
  vi.resetModules();
  document.body.innerHTML = '<div id="root"></div>';
});
afterEach(() => {
  cleanup();
  delete g.ZAFClient;
  delete g.connect;
});

describe('sidebars', () => {
  it('ticket sidebar: hides itself and tells every top bar which ticket and requester are in view', async () => {
    const sdk = fakeSdkClient({ location: 'ticket_sidebar', values: { 'ticket.id': 500, 'ticket.requester.id': 20 } });
    g.ZAFClient = { init: () => sdk.client };
    await import('../../src/locations/ticket_sidebar/main');
    await waitFor(() => expect(sdk.log.triggers).toHaveLength(2));
    const payload = { kind: 'ticket', id: 500, requesterId: 20 };
    expect(sdk.log.triggers).toEqual([
      ['top-1', 'acz.viewing', payload],
      ['top-2', 'acz.viewing', payload],
    ]);
    expect(sdk.log.invokes).toContainEqual(['self', 'resize', [{ width: '100%', height: '0px' }]]);
    sdk.fire('app.activated');
    await waitFor(() => expect(sdk.log.triggers).toHaveLength(4));
  });

  it('ticket sidebar: reports again after the save went through or someone updated the ticket, on events that fire there', async () => {
    const sdk = fakeSdkClient({ location: 'ticket_sidebar', values: { 'ticket.id': 500, 'ticket.requester.id': 20 } });
    g.ZAFClient = { init: () => sdk.client };
    await import('../../src/locations/ticket_sidebar/main');
    await waitFor(() => expect(sdk.log.triggers).toHaveLength(2));
    // Zendesk's ticket sidebar has ticket.submit.done and ticket.updated; there is no ticket.saved.
    expect(sdk.subscribed()).toEqual(expect.arrayContaining(['app.activated', 'ticket.requester.id.changed', 'ticket.submit.done', 'ticket.updated']));
    expect(sdk.subscribed()).not.toContain('ticket.saved');
    sdk.fire('ticket.submit.done');
    await waitFor(() => expect(sdk.log.triggers).toHaveLength(4));
    sdk.fire('ticket.updated', { id: 2 });
    await waitFor(() => expect(sdk.log.triggers).toHaveLength(6));
  });

  it('user sidebar: reports the user in view', async () => {
    const sdk = fakeSdkClient({ location: 'user_sidebar', values: { 'user.id': 20 } });
    g.ZAFClient = { init: () => sdk.client };
    await import('../../src/locations/user_sidebar/main');
    await waitFor(() => expect(sdk.log.triggers).toHaveLength(2));
    expect(sdk.log.triggers[0]).toEqual(['top-1', 'acz.viewing', { kind: 'user', id: 20, requesterId: null }]);
  });

  it('outside Zendesk says so', async () => {
    await import('../../src/locations/user_sidebar/main');
    expect(document.body.textContent).toContain('This page runs inside Zendesk; for a local try-out run npm start');
  });
});

describe('background', () => {
  it('preloads every top bar pane', async () => {
    const sdk = fakeSdkClient({ location: 'background' });
    g.ZAFClient = { init: () => sdk.client };
    await import('../../src/locations/background/main');
    await waitFor(() => expect(sdk.log.invokes.filter(([, n]) => n === 'preloadPane')).toHaveLength(2));
    expect(sdk.log.invokes.filter(([, n]) => n === 'preloadPane').map(([guid]) => guid)).toEqual(['top-1', 'top-2']);
  });

  it('relays a click-to-dial it hears to the top bar (one of them), with the number alone', async () => {
    const sdk = fakeSdkClient({ location: 'background' });
    g.ZAFClient = { init: () => sdk.client };
    await import('../../src/locations/background/main');
    expect(sdk.subscribed()).toContain('voice.dialout');
    sdk.fire('voice.dialout', { number: '+447700900123' });
    await waitFor(() => expect(sdk.log.triggers).toEqual([['top-1', 'acz.dialout', { number: '+447700900123' }]]));
  });
});

describe('nav bar', () => {
  it('shows the settings placeholder', async () => {
    const sdk = fakeSdkClient({ location: 'nav_bar' });
    g.ZAFClient = { init: () => sdk.client };
    await import('../../src/locations/nav_bar/main');
    expect(await screen.findByRole('heading', { name: 'Amazon Connect settings' })).toBeTruthy();
  });
});

describe('top bar', () => {
  function fakeConnect() {
    const subs = new Map<string, Handler[]>();
    const sub = (n: string, h: Handler) => void subs.set(n, [...(subs.get(n) ?? []), h]);
    const fake = {
      initCCP: vi.fn(),
      fire: (n: string) => subs.get(n)?.forEach((h) => h()),
      EventType: { ACK_TIMEOUT: 'ack_timeout' },
      core: {
        initCCP: (el: HTMLElement, o: unknown) => fake.initCCP(el, o),
        getEventBus: () => ({ subscribe: sub }),
        onInitialized: (h: Handler) => sub('init', h),
        onAuthFail: (h: Handler) => sub('auth_fail', h),
        onAccessDenied: (h: Handler) => sub('access_denied', h),
        onIframeRetriesExhausted: (h: Handler) => sub('iframe_retries_exhausted', h),
        onAuthorizeRetriesExhausted: (h: Handler) => sub('authorize_retries_exhausted', h),
      },
      agent: () => undefined,
      contact: () => undefined,
      Endpoint: { byPhoneNumber: (n: string) => ({ phoneNumber: n }) },
    };
    return fake;
  }

  it('outside Zendesk says how to try it locally', async () => {
    await import('../../src/locations/top_bar/main');
    expect(await screen.findByText('This page runs inside Zendesk; for a local try-out run npm start.')).toBeTruthy();
  });

  it('starts Streams in the CCP container, and explains an unreachable CCP with this origin', async () => {
    const sdk = fakeSdkClient({ location: 'top_bar', settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', region: 'eu-west-2' } });
    const fake = fakeConnect();
    g.ZAFClient = { init: () => sdk.client };
    g.connect = fake;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await import('../../src/locations/top_bar/main');
    await waitFor(() => expect(fake.initCCP).toHaveBeenCalledTimes(1));
    const [container, options] = fake.initCCP.mock.calls[0]!;
    expect(container).toBe(screen.getByTestId('ccp-container'));
    expect(options).toMatchObject({ ccpUrl: 'https://example.my.connect.aws/ccp-v2', region: 'eu-west-2' });
    fake.fire('iframe_retries_exhausted');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(location.origin);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('never answered'));
    warn.mockRestore();
  });

  it('does not start Streams when the CCP address is wrong', async () => {
    const sdk = fakeSdkClient({ location: 'top_bar', settings: { ccpUrl: 'https://example.com/ccp' } });
    const fake = fakeConnect();
    g.ZAFClient = { init: () => sdk.client };
    g.connect = fake;
    await import('../../src/locations/top_bar/main');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('not an Amazon Connect address');
    expect(fake.initCCP).not.toHaveBeenCalled();
  });
});
