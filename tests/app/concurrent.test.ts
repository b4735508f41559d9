// Several contacts at once (end-user guide, "Handling multiple concurrent contacts"): the CCP and
// the Zendesk tabs follow each other.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/sim/scenario/load';
import { nodeWorld } from '../../src/sim/nodeWorld';
import type { ScenarioWorld } from '../../src/sim/runner';

async function world(): Promise<ScenarioWorld> {
  const file = resolve(__dirname, '../scenarios/resilience/concurrent-chat-and-call.json');
  const loaded = loadScenario('concurrent-chat-and-call.json', readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  const w = nodeWorld(loaded.scenario);
  await w.open();
  // The chat and the call are both connected, each on its own ticket.
  for (let i = 0; i < 6; i++) await w.step(i);
  return w;
}

describe('several contacts at once', () => {
  it('opening the ticket of another active contact switches the CCP to that contact', async () => {
    const w = await world();
    const tab = w.tab('priya', 1)!;
    const viewed: string[] = [];
    tab.page.connect.core.onViewContact((e) => viewed.push(e.contactId));
    const chatTicket = tab.app.outcomes().find((o) => o.id === 'k1')!.ticketId!;
    expect(tab.app.store.getState().focusedContactId).not.toBe('k1');
    tab.zaf.trigger('acz.viewing', { kind: 'ticket', id: chatTicket, requesterId: 21 });
    await w.clock.settle();
    expect(viewed).toEqual(['k1']);
    expect(tab.app.store.getState().focusedContactId).toBe('k1');
    // Switching in the CCP did not pop the ticket again: the agent is already on it.
    expect(w.report.pops.filter((p) => p.id === chatTicket)).toHaveLength(1);
  });

  it('picking a contact in the CCP brings its ticket to the front', async () => {
    const w = await world();
    const tab = w.tab('priya', 1)!;
    const chatTicket = tab.app.outcomes().find((o) => o.id === 'k1')!.ticketId!;
    const before = w.report.pops.length;
    w.agentWorld('priya').hub.viewContact('k1');
    await w.clock.settle();
    expect(w.report.pops.slice(before).map((p) => [p.kind, p.id])).toEqual([['ticket', chatTicket]]);
  });
});
