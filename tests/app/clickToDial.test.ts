// Click-to-dial as Zendesk sends it: `voice.dialout` carries the number alone (Apps Support API,
// "All locations" > Talk Partner Edition events), so the ticket or user comes from what the
// sidebar reported; it may reach the top bar, the background (which relays it), or both, and is
// dialled once; a popover that fails does not cost the call.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeWorld } from '../../src/sim/nodeWorld';
import { loadScenario } from '../../src/sim/scenario/load';
import type { ScenarioWorld } from '../../src/sim/runner';

const TOM = '+447700900123';

async function world(): Promise<ScenarioWorld> {
  const file = resolve(__dirname, '../scenarios/zaf/click-to-dial-ticket-from-sidebar.json');
  const loaded = loadScenario('click-to-dial-ticket-from-sidebar.json', readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  const w = nodeWorld(loaded.scenario);
  await w.open();
  await w.step(0); // Priya has Ada's ticket 700 in front
  return w;
}

/** Lets what the click set off run (the ticket read, Streams' dial to the CCP), no time passing beyond a second. */
async function settle(w: ScenarioWorld): Promise<void> {
  await w.clock.advanceTo(w.clock.nowMs() + 1000);
}

const ticketReads = (w: ScenarioWorld) => w.report.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v2/tickets/')).map((r) => r.path);

describe('click-to-dial (voice.dialout)', () => {
  it('takes the ticket from the sidebar, not from fields the event does not document', async () => {
    const w = await world();
    const tab = w.tab('priya', 1)!;
    // A payload with ids, as the app once read them: they are ignored.
    tab.zaf.receive('voice.dialout', { number: TOM, ticketId: 701, userId: 20 });
    await settle(w);
    expect(w.report.dials.map((d) => d.number)).toEqual([TOM]);
    expect(ticketReads(w)).toEqual(['/api/v2/tickets/700.json']);
  });

  it('dials once when the top bar and the background both hear the click', async () => {
    const w = await world();
    const tab = w.tab('priya', 1)!;
    tab.zaf.receive('voice.dialout', { number: TOM });
    tab.background.receive('voice.dialout', { number: TOM });
    await settle(w);
    expect(w.report.dials).toHaveLength(1);
  });

  it('dials when only the background hears it (relayed to the top bar)', async () => {
    const w = await world();
    const tab = w.tab('priya', 1)!;
    tab.background.receive('voice.dialout', { number: TOM });
    await settle(w);
    expect(w.report.dials.map((d) => d.number)).toEqual([TOM]);
  });

  it('dials when only the top bar hears it, and again for a second click', async () => {
    const w = await world();
    const tab = w.tab('priya', 1)!;
    tab.zaf.receive('voice.dialout', { number: TOM });
    await settle(w);
    tab.zaf.receive('voice.dialout', { number: TOM });
    await settle(w);
    expect(w.report.dials).toHaveLength(2);
  });

  it('still dials when the popover cannot be shown', async () => {
    const w = await world();
    const tab = w.tab('priya', 1)!;
    const invoke = tab.zaf.invoke.bind(tab.zaf);
    const asked: unknown[] = [];
    tab.zaf.invoke = (name: string, ...args: unknown[]) => {
      if (name === 'popover') {
        asked.push(args[0]);
        return Promise.reject(new Error('Invocation request timeout'));
      }
      return invoke(name, ...args);
    };
    tab.zaf.receive('voice.dialout', { number: TOM });
    await settle(w);
    expect(asked).toEqual(['show']);
    expect(w.report.dials.map((d) => d.number)).toEqual([TOM]);
    expect(w.report.errors).toEqual([]);
  });
});
