// The scenario runner in Node: every simulated Zendesk tab is a jsdom page running the real
// Streams, ChatJS and TaskJS bundles as node_modules holds them.
import { openStreamsPage } from './ccp/streamsPage';
import { ScenarioWorld, type RunOptions } from './runner';
import type { Scenario } from './scenario/schema';
import type { SimReport } from './scenario/report';

export function nodeWorld(scenario: Scenario, options: Partial<RunOptions> = {}): ScenarioWorld {
  return new ScenarioWorld(scenario, { pages: openStreamsPage, ...options });
}

export async function runScenario(scenario: Scenario, options: Partial<RunOptions> = {}): Promise<SimReport> {
  return nodeWorld(scenario, options).run();
}
