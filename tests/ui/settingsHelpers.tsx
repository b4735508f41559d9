// For the settings screen's tests: an in-memory Zendesk with an app installation, and the real
// gateway behind the screen through a fake ZAF client signed in as one of its users.
import './jsdomSetup';
import type { Clock } from '../../src/domain/clock';
import { InMemoryZendesk } from '../../src/sim/zendesk';
import type { ZendeskBrandSeed } from '../../src/sim/zendesk/types';
import { FakeZafClient } from '../../src/sim/zaf/fakeZafClient';
import { gatewayMappingsApi, type MappingsApi } from '../../src/ui/settings/api';
import { ZendeskGateway } from '../../src/zendesk/gateway';
import { Transport } from '../../src/zendesk/transport';

export const realClock: Clock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const ADMIN = 1;
export const AGENT = 2;
export const OTHER_ADMIN = 3;
export const INSTALLATION = 7;

export const TWO_BRANDS: ZendeskBrandSeed[] = [
  { id: 10, name: 'Shop', default: true, active: true },
  { id: 20, name: 'Outlet', active: true },
  { id: 30, name: 'Legacy', active: false },
];

export function zendesk(options: { brands?: ZendeskBrandSeed[]; settings?: Record<string, unknown> } = {}): InMemoryZendesk {
  return new InMemoryZendesk(
    {
      start: '2026-01-05T09:00:00Z',
      users: [
        { id: ADMIN, name: 'Sam Admin', role: 'admin', email: 'sam@example.org' },
        { id: AGENT, name: 'Priya Agent', role: 'agent', email: 'priya@example.org' },
        { id: OTHER_ADMIN, name: 'Alex Admin', role: 'admin', email: 'alex@example.org' },
      ],
      brands: options.brands ?? TWO_BRANDS,
    },
    realClock,
    {
      installation: {
        id: INSTALLATION,
        settings: { ccpUrl: 'https://example.my.connect.aws/ccp-v2', queueToBrand: '[]', brandToQueue: '{}', ...options.settings },
      },
    },
  );
}

export interface Session {
  api: MappingsApi;
  requests: { method: string; path: string; status: number }[];
}

/** The screen's API as user `asUserId` of `zd` (the gateway, the transport, a ZAF client). */
export function sessionAs(zd: InMemoryZendesk, asUserId: number): Session {
  const requests: Session['requests'] = [];
  const zaf = new FakeZafClient({
    backend: zd,
    clock: realClock,
    latencyMs: 0,
    currentUser: { id: asUserId, name: `user ${asUserId}`, email: '', role: 'admin', locale: 'en' },
    settings: {},
    installationId: INSTALLATION,
    guid: `nav-${asUserId}`,
    location: 'nav_bar',
    recorder: {
      request: (r) => requests.push({ method: r.method, path: r.path, status: r.status }),
      pop: () => undefined,
      notify: () => undefined,
      popover: () => undefined,
    },
  });
  const transport = new Transport(zaf, realClock, { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, defaultRetryAfterMs: 1 });
  return { api: gatewayMappingsApi(new ZendeskGateway(transport), INSTALLATION), requests };
}
