// One agent's simulated Connect and the Zendesk tabs that show it, each a jsdom page running the
// real Streams bundle (with ChatJS and TaskJS), booted by the app's bootStreams, with the real
// StreamsAdapter on it: what the adapter reports is what Streams made of the CCP's messages.
import { StreamsAdapter } from '../../src/connect/adapter';
import { bootStreams } from '../../src/connect/streamsBoot';
import type { StreamsLike } from '../../src/connect/streamsLike';
import type { ContactEvent } from '../../src/connect/types';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { ConnectAgentSim, type ConnectAgentOptions, type DialRecord, type SimContactSpec } from '../../src/sim/ccp/connectAgent';
import { openStreamsPage, type StreamsPage } from '../../src/sim/ccp/streamsPage';
import { VirtualClock } from '../../src/sim/virtualClock';

export const spec = (over: Partial<SimContactSpec> = {}): SimContactSpec => ({
  id: 'c1',
  channel: 'voice',
  initiation: 'inbound',
  customer: '+447700900123',
  system: '+442079460000',
  queue: 'General',
  attributes: { ticket_assignment: 'agent' },
  initialContactId: null,
  previousContactId: null,
  name: null,
  description: null,
  references: {},
  monitoring: false,
  ...over,
});

export interface Tab {
  page: StreamsPage;
  adapter: StreamsAdapter;
  events: ContactEvent[];
  close(): void;
}

type Extra = Parameters<ConnectAgentSim['apply']>[2];

export function connectAgent(options: ConnectAgentOptions = {}) {
  const clock = new VirtualClock(Date.parse('2026-01-05T09:00:00Z'));
  const dials: DialRecord[] = [];
  const agent = new ConnectAgentSim(
    'priya',
    { name: 'Front', queues: ['General', 'Billing'], default_outbound_queue: 'General' },
    () => clock.nowMs(),
    (_port, d) => dials.push(d),
    options,
  );
  const tabs: Tab[] = [];
  const settings = { ...DEFAULT_SETTINGS, ccpUrl: 'https://example.my.connect.aws/ccp-v2' };
  /** Moves simulated time on by `ms` (0: only what is due now, such as zero-delay timers). */
  const wait = (ms = 0) => clock.advanceTo(clock.nowMs() + ms);
  return {
    clock,
    agent,
    dials,
    wait,
    /** Opens a Zendesk tab; `beforeBoot` sees the page before Streams starts in it. */
    async open(beforeBoot?: (page: StreamsPage) => void): Promise<Tab> {
      const page = openStreamsPage({ clock, agent });
      beforeBoot?.(page);
      const { streams } = bootStreams(page.connect, page.container, settings);
      const adapter = new StreamsAdapter(streams as StreamsLike, { clock });
      const events: ContactEvent[] = [];
      adapter.onContactEvent((e) => events.push(e));
      const tab: Tab = { page, adapter, events, close: () => page.close() };
      tabs.push(tab);
      await wait(100); // the CCP acknowledges, is configured, and sends the agent's first snapshot
      return tab;
    },
    /** One contact event as Connect reports it, then whatever it sets off at that moment. */
    async apply(id: string, event: string, extra: Extra = {}): Promise<void> {
      agent.apply(id, event, extra);
      await wait();
    },
    closeAll(): void {
      for (const t of tabs) t.close();
    },
  };
}

export const types = (events: ContactEvent[]) => events.map((e) => e.type);
