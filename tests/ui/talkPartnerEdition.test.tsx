// @vitest-environment jsdom
// An account without Talk Partner Edition, as the admin and the agent see it in the top bar:
// Diagnostics say what Zendesk answered (403 on /api/v2/channels/voice/...) and reported
// (voice.error), and what that disables; the dial box tells the agent to dial there.
import './jsdomSetup';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { nodeWorld } from '../../src/sim/nodeWorld';
import { loadScenario } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import { Diagnostics } from '../../src/ui/Diagnostics';
import { DialBox } from '../../src/ui/DialBox';
import { renderInGarden } from './helpers';

afterEach(() => cleanup());

function scenario(name: string, role: 'agent' | 'admin'): Scenario {
  const file = resolve(__dirname, `../scenarios/zaf/${name}.json`);
  const loaded = loadScenario(`${name}.json`, readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  const s = loaded.scenario;
  return { ...s, zendesk: { ...s.zendesk, users: s.zendesk.users.map((u) => (u.id === 1 ? { ...u, role } : u)) } };
}

describe('no Talk Partner Edition', () => {
  it("Diagnostics tell the admin what Zendesk answered and reported, and what that disables", async () => {
    const w = nodeWorld(scenario('no-talk-partner-edition', 'admin'));
    await w.open();
    for (let i = 0; i < 3; i++) await w.step(i); // the click, then a call offered and accepted
    await w.clock.advanceTo(w.clock.nowMs() + 1000); // Zendesk answers the ticket write
    const app = w.tab('priya', 1)!.app;
    renderInGarden(<Diagnostics app={app} origin="https://example.zendesk.com" />);
    fireEvent.click(screen.getByTestId('diagnostics-toggle'));
    const text = screen.getByTestId('diagnostics-tpe').textContent ?? '';
    expect(text).toContain('Not on this account: Zendesk answered 403 to POST /api/v2/channels/voice/tickets.json.');
    expect(text).toContain('voice.error: Talk Partner Edition is not enabled on this account');
    expect(text).toContain('clicking a phone number in Zendesk does not dial');
    expect(text).toContain('call tickets');
  });

  it('the agent is told to dial from the dial box', async () => {
    const w = nodeWorld(scenario('no-talk-partner-edition', 'agent'));
    await w.open();
    const app = w.tab('priya', 1)!.app;
    renderInGarden(<DialBox app={app} />);
    expect((await screen.findByTestId('dial-no-click-to-dial')).textContent).toBe(
      'Clicking a phone number in Zendesk does not dial in this account: enter the number here.',
    );
    // Diagnostics are for admins only.
    renderInGarden(<Diagnostics app={app} />);
    expect(screen.queryByTestId('diagnostics-toggle')).toBeNull();
  });

  it('with Talk Partner Edition the admin sees it available, and the agent no hint', async () => {
    const w = nodeWorld(scenario('click-to-dial-user-from-sidebar', 'admin'));
    await w.open();
    const app = w.tab('priya', 1)!.app;
    renderInGarden(<Diagnostics app={app} />);
    expect(screen.getByTestId('diagnostics-tpe').textContent).toBe('Not checked yet: no call has needed it since the app started.');
    cleanup();
    for (let i = 0; i < 6; i++) await w.step(i); // a call dialled from Tom's profile: its ticket goes through the voice channel
    await w.drain();
    renderInGarden(<Diagnostics app={app} />);
    expect(screen.getByTestId('diagnostics-tpe').textContent).toBe('Available: Zendesk accepted a Talk Partner Edition request.');
    renderInGarden(<DialBox app={app} />);
    expect(screen.queryByTestId('dial-no-click-to-dial')).toBeNull();
  });
});
