// Shared by the UI tests: scenario worlds from the shared examples, and rendering inside Garden.
import './jsdomSetup';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { loadScenario } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';
import { nodeWorld } from '../../src/sim/nodeWorld';
import type { ScenarioWorld } from '../../src/sim/runner';
import { AppController } from '../../src/app/controller';
import { MemoryStorage } from '../../src/app/progress';
import { FakeZafClient } from '../../src/sim/zaf/fakeZafClient';
import { LateConnectPort } from '../../src/connect/lateConnectPort';

const EXAMPLES = [resolve(__dirname, '../../../shared/scenarios/examples'), resolve(__dirname, '../../scenarios/examples')].find((d) => existsSync(d));

export function example(name: string): Scenario {
  if (!EXAMPLES) throw new Error('scenario examples not found');
  const r = loadScenario(name, readFileSync(join(EXAMPLES, `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

export async function openWorld(scenario: Scenario): Promise<ScenarioWorld> {
  const world = nodeWorld(scenario);
  await world.open();
  return world;
}

export function renderInGarden(ui: ReactElement): RenderResult {
  return render(<ThemeProvider theme={DEFAULT_THEME}>{ui}</ThemeProvider>);
}

/**
 * A started controller whose Zendesk is the world's in-memory one but whose settings are the
 * given ones, and whose Connect never comes (what the top bar does when the settings are bad).
 */
export async function appWithSettings(world: ScenarioWorld, settings: Record<string, unknown>): Promise<AppController> {
  const zaf = new FakeZafClient({
    backend: world.zendesk,
    clock: world.clock,
    latencyMs: 0,
    currentUser: { id: 1, name: 'Priya Agent', email: 'priya@example.org', role: 'agent', locale: 'en-US' },
    settings,
    installationId: 1,
    guid: 'settings-test',
    recorder: { request: () => undefined, pop: () => undefined, notify: () => undefined, popover: () => undefined },
  });
  const app = new AppController({ zaf, connect: new LateConnectPort(), clock: world.clock, storage: new MemoryStorage(), tabId: 't1' });
  await app.start();
  return app;
}
