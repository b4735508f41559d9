// "If a chat contact is idle and you minimise the app (hiding the CCP), the app will pop open if
// any of the open chats receives a new message" (end-user guide).
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadScenario } from '../../src/sim/scenario/load';
import { nodeWorld } from '../../src/sim/nodeWorld';

const file = resolve(__dirname, '../../../shared/scenarios/examples/chat-customer-number.json');

describe.skipIf(!existsSync(file))('chat messages and the CCP', () => {
  it('a new chat message asks Zendesk to show the CCP again', async () => {
    const loaded = loadScenario('chat-customer-number.json', readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    const w = nodeWorld(loaded.scenario);
    await w.open();
    for (let i = 0; i < 3; i++) await w.step(i); // offered, accepted, connected
    const tab = w.tab('priya', 1)!;
    const calls: unknown[][] = [];
    const invoke = tab.zaf.invoke.bind(tab.zaf);
    tab.zaf.invoke = async (name: string, ...args: unknown[]) => {
      calls.push([name, ...args]);
      return invoke(name, ...args);
    };
    await w.step(4); // the customer writes
    // ChatJS hands the message on with a zero-delay timer (triggerAsync): let it run, no time passing.
    await w.clock.advanceTo(w.clock.nowMs());
    expect(calls).toContainEqual(['popover', 'show']);
  });
});
