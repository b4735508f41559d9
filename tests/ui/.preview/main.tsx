import { createRoot } from 'react-dom/client';
import { GardenRoot } from '../../../src/ui/GardenRoot';
import { TopBar } from '../../../src/ui/TopBar';
import { loadScenario } from '../../../src/sim/scenario/load';
import { ScenarioWorld } from '../../../src/sim/runner';
import text from '/work/shared/scenarios/examples/inbound-anonymous-manual-create.json?raw';

const r = loadScenario('x', text);
if (!r.ok) throw new Error(r.error);
(r.scenario.steps[0] as { queue?: string }).queue = 'Customer Service Premium Accounts EMEA Weekend Overflow Q042';
const world = new ScenarioWorld(r.scenario);
await world.open();
await world.step(0);
const app = world.tab('priya', 1)!.app;
app.notify('warning', 'The caller entered ticket 12345, which does not exist; create a ticket or attach to the right one.');
app.store.setState({ settingsWarnings: ['The default country "UK" is not a two-letter ISO country code (for the United Kingdom use GB); numbers without a country code will not be recognised.'], viewing: { kind: 'ticket', id: 500, requesterId: 20 } });
(app.store.setState as (p: unknown) => void)({ contacts: app.store.getState().contacts.map((c) => ({ ...c, awaitingAgent: true })) });
createRoot(document.getElementById('root')!).render(
  <GardenRoot>
    <TopBar app={app} ccpSlot={<div style={{ height: 465, background: '#eef', display: 'grid', placeItems: 'center' }}>CCP</div>} />
  </GardenRoot>,
);
(window as unknown as { ready: boolean }).ready = true;
