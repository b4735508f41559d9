// @vitest-environment jsdom
// Signing in (the prompt to allow pop-ups and the microphone, the sign-in window with the SSO
// URL or the CCP) and the admins' Diagnostics panel (origin, whether the CCP answered, settings
// problems), in the top bar.
import './jsdomSetup';
import { afterEach, describe, expect, it, vi, beforeAll } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { AppController } from '../../src/app/controller';
import { MemoryStorage } from '../../src/app/progress';
import { LateConnectPort } from '../../src/connect/lateConnectPort';
import { FakeZafClient } from '../../src/sim/zaf/fakeZafClient';
import { setLocale } from '../../src/i18n';
import { TopBar } from '../../src/ui/TopBar';
import type { RingerPlatform } from '../../src/ui/ringer/platform';
import { example, openWorld, renderInGarden } from './helpers';
import { preloadLocales } from '../../src/i18n';

// Languages other than English are fetched on demand in the app; here all are loaded first.
beforeAll(() => preloadLocales());

afterEach(() => {
  cleanup();
  setLocale('en');
});

const CCP = 'https://example.my.connect.aws/ccp-v2';
const SSO = 'https://idp.example.org/sso/connect';
const noAudio: RingerPlatform = {
  canChooseOutput: () => false,
  listOutputs: async () => [],
  onDevicesChanged: () => () => undefined,
  play: async () => () => undefined,
};

async function startedApp(settings: Record<string, unknown>, role: 'agent' | 'admin', locale = 'en-US'): Promise<AppController> {
  const world = await openWorld(example('inbound-recognised-auto'));
  const zaf = new FakeZafClient({
    backend: world.zendesk,
    clock: world.clock,
    latencyMs: 0,
    currentUser: { id: 1, name: 'Priya Agent', email: 'priya@example.org', role, locale },
    settings,
    installationId: 1,
    guid: 'login-test',
    recorder: { request: () => undefined, pop: () => undefined, notify: () => undefined, popover: () => undefined },
  });
  const app = new AppController({ zaf, connect: new LateConnectPort(), clock: world.clock, storage: new MemoryStorage(), tabId: 't1' });
  await app.start();
  return app;
}

describe('sign-in help', () => {
  it('appears when the CCP takes long to start, and the button opens the CCP sign-in window', async () => {
    const app = await startedApp({ ccpUrl: CCP }, 'agent');
    const open = vi.fn(() => ({ focus: () => undefined }) as unknown as Window);
    renderInGarden(<TopBar app={app} ringer={noAudio} openWindow={open} loginHelpAfterMs={30} />);
    expect(screen.queryByTestId('login-help')).toBeNull();
    const help = await screen.findByTestId('login-help');
    expect(help.textContent).toContain('allow pop-ups for this Zendesk page');
    expect(help.textContent).toContain('allow the microphone');
    expect(help.textContent).not.toContain('single sign-on');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to Amazon Connect' }));
    expect(open).toHaveBeenCalledWith(CCP, 'acz-connect-login', expect.stringContaining('popup'));
    expect(screen.queryByTestId('login-blocked')).toBeNull();

    // Once the CCP answers, the help goes.
    act(() => app.store.setState({ ccp: { kind: 'ready' } }));
    expect(screen.queryByTestId('login-help')).toBeNull();
  });

  it('uses the SSO sign-in URL when set, and says when the pop-up was blocked', async () => {
    const app = await startedApp({ ccpUrl: CCP, loginUrl: SSO }, 'agent');
    const open = vi.fn(() => null);
    renderInGarden(<TopBar app={app} ringer={noAudio} openWindow={open} loginHelpAfterMs={30} />);
    const help = await screen.findByTestId('login-help');
    expect(help.textContent).toContain('single sign-on');
    fireEvent.click(screen.getByTestId('login-button'));
    expect(open).toHaveBeenCalledWith(SSO, 'acz-connect-login', expect.any(String));
    expect((await screen.findByTestId('login-blocked')).textContent).toContain('blocked the pop-up');
  });

  it('appears at once when the CCP did not answer, not when the settings are wrong', async () => {
    const app = await startedApp({ ccpUrl: CCP }, 'agent');
    renderInGarden(<TopBar app={app} ringer={noAudio} loginHelpAfterMs={60_000} />);
    expect(screen.queryByTestId('login-help')).toBeNull();
    act(() => app.store.setState({ ccp: { kind: 'ccp_unreachable', origin: 'https://app.example' } }));
    expect(screen.getByTestId('login-help')).toBeTruthy();
    cleanup();

    const bad = await startedApp({ ccpUrl: 'http://nope' }, 'agent');
    renderInGarden(<TopBar app={bad} ringer={noAudio} loginHelpAfterMs={10} />);
    await new Promise((r) => setTimeout(r, 40));
    expect(screen.queryByTestId('login-help')).toBeNull();
  });

  it('is labelled for screen readers and speaks the agent language', async () => {
    setLocale('fr');
    const app = await startedApp({ ccpUrl: CCP }, 'agent', 'fr-CA');
    renderInGarden(<TopBar app={app} ringer={noAudio} loginHelpAfterMs={10} />);
    const region = await screen.findByRole('region', { name: 'Se connecter à Amazon Connect' });
    expect(region.textContent).toContain('fenêtres pop-up');
  });
});

describe('diagnostics', () => {
  it('is not offered to agents', async () => {
    const app = await startedApp({ ccpUrl: CCP }, 'agent');
    renderInGarden(<TopBar app={app} ringer={noAudio} />);
    expect(screen.queryByTestId('diagnostics-toggle')).toBeNull();
  });

  it("shows admins the app's origin, whether the CCP answered and the settings problems", async () => {
    const app = await startedApp({ ccpUrl: CCP, loginUrl: SSO, defaultCountry: 'UK', queueToBrand: '{oops' }, 'admin');
    renderInGarden(<TopBar app={app} ringer={noAudio} origin="https://1234.apps.zdusercontent.com" />);
    const toggle = screen.getByRole('button', { name: 'Diagnostics (admins)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('diagnostics').hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByTestId('diagnostics');
    expect(panel.hidden).toBe(false);
    expect(screen.getByTestId('diagnostics-origin').textContent).toBe('https://1234.apps.zdusercontent.com');
    expect(panel.textContent).toContain('Approved origins');
    expect(screen.getByTestId('diagnostics-ccp').textContent).toContain('No answer yet');
    expect(panel.textContent).toContain(`single sign-on through ${SSO}`);
    const problems = screen.getByTestId('diagnostics-problems').textContent ?? '';
    expect(problems).toContain('for the United Kingdom use GB');
    expect(problems).toContain('not valid JSON');

    act(() => app.store.setState({ ccp: { kind: 'ready' }, agentName: 'priya' }));
    await waitFor(() => expect(screen.getByTestId('diagnostics-ccp').textContent).toContain('Answered'));
    expect(screen.getByTestId('diagnostics-ccp').textContent).toContain('Signed in as priya.');
    act(() => app.store.setState({ ccp: { kind: 'ccp_unreachable', origin: 'x' } }));
    expect(screen.getByTestId('diagnostics-ccp').textContent).toContain('Did not answer');
  });

  it('shows the settings errors that keep the CCP off, and "None found." when all is well', async () => {
    const app = await startedApp({ ccpUrl: 'https://example.com/ccp' }, 'admin');
    renderInGarden(<TopBar app={app} ringer={noAudio} origin="https://o.example" />);
    fireEvent.click(screen.getByTestId('diagnostics-toggle'));
    expect(screen.getByTestId('diagnostics-ccp').textContent).toContain('Not started');
    expect(screen.getByTestId('diagnostics-problems').textContent).toContain('is not an Amazon Connect address');
    cleanup();

    const good = await startedApp({ ccpUrl: CCP }, 'admin');
    renderInGarden(<TopBar app={good} ringer={noAudio} origin="https://o.example" />);
    fireEvent.click(screen.getByTestId('diagnostics-toggle'));
    expect(screen.getByTestId('diagnostics-problems').textContent).toBe('None found.');
    expect(screen.getByTestId('diagnostics').textContent).toContain('Amazon Connect user name and password');
  });
});
