// A CCP that never answers inside Zendesk (the app's origin missing from Connect's approved
// origins): the agent sees it as unreachable, with the origin to allow, in the simulator as in
// the top bar.
import { describe, expect, it } from 'vitest';
import { openStreamsPage } from '../../src/sim/ccp/streamsPage';
import { parseScenario } from '../../src/sim/scenario/load';
import { ScenarioWorld } from '../../src/sim/runner';

function scenario() {
  const r = parseScenario('silent.json', {
    name: 'a CCP that never answers',
    settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2' },
    zendesk: { start: '2026-01-05T09:00:00Z', users: [{ id: 1, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' }], tickets: [], brands: [] },
    agents: [{ name: 'priya', zendesk_user_id: 1, routing_profile: { name: 'Front', queues: ['General'] } }],
    steps: [],
  });
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

describe('a CCP that never comes up', () => {
  it('is shown as unreachable once Streams has given up reloading it', async () => {
    for (const silent of [true, false]) {
      const w = new ScenarioWorld(scenario(), { pages: (req) => openStreamsPage({ ...req, ccp: { silent } }) });
      await w.open();
      await w.clock.advanceTo(w.clock.nowMs() + 10 * 60_000);
      const ccp = w.tab('priya', 1)!.app.store.getState().ccp;
      if (silent) expect(ccp).toEqual({ kind: 'ccp_unreachable', origin: 'https://acme.zendesk.com' });
      else expect(ccp.kind).toBe('ready');
    }
  });
});
