// A fake ZAF client for Priya (agent 1) over an in-memory Zendesk, with no latency, as the tests of
// the transport, the rate gate and the locations use it; `more` sets the location, guid, recorder...
import type { VirtualClock } from '../../src/sim/virtualClock';
import type { InMemoryZendesk } from '../../src/sim/zendesk';
import { FakeZafClient, type FakeZafOptions } from '../../src/sim/zaf/fakeZafClient';

export interface SeenRequest {
  method: string;
  path: string;
  status: number;
  atMs: number;
}

export function priyaZaf(
  zendesk: InMemoryZendesk,
  clock: VirtualClock,
  seen: (r: SeenRequest) => void = () => undefined,
  more: Partial<FakeZafOptions> = {},
): FakeZafClient {
  return new FakeZafClient({
    backend: zendesk,
    clock,
    latencyMs: 0,
    currentUser: { id: 1, name: 'Priya Agent', email: 'priya@example.org', role: 'agent', locale: 'en-US' },
    settings: {},
    installationId: 1,
    guid: 'g',
    recorder: { request: seen, pop: () => {}, notify: () => {}, popover: () => {} },
    ...more,
  });
}
