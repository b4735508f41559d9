// "Settings (nav bar)": the app's real nav bar page (src/ui/settings) for a Zendesk user of the
// scenario, talking through its own ZAF client to the same in-memory Zendesk as the agents'
// apps. Switch the signed-in user to see what an admin and a non-admin get; "Reload page"
// starts the page again, as a browser reload of that Zendesk tab would (the in-memory Zendesk,
// and so the saved mappings, stay).
import { useMemo, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import type { Clock } from '../../src/domain/clock';
import type { ScenarioWorld } from '../../src/sim/runner';
import { FakeZafClient } from '../../src/sim/zaf/fakeZafClient';
import { gatewayMappingsApi } from '../../src/ui/settings/api';
import { SettingsApp } from '../../src/ui/settings/SettingsApp';
import { ZendeskGateway } from '../../src/zendesk/gateway';
import { Transport } from '../../src/zendesk/transport';
import { currentLocale } from '../../src/i18n';
import { useSession } from './useSession';

/** The nav bar page runs in real time, whether or not the scenario's clock is paused. */
const realClock: Clock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface StaffUser {
  id: number;
  name: string;
  role: 'agent' | 'admin';
}

function installationId(world: ScenarioWorld, asUserId: number): number {
  const res = world.zendesk.handle({ method: 'GET', url: '/api/v2/apps/installations.json', body: undefined, asUserId });
  const list = (res.body as { installations?: { id: number }[] } | null)?.installations ?? [];
  return list[0]?.id ?? 1;
}

export function NavBarPane() {
  const session = useSession();
  const world = session.world;
  const staff = useMemo<StaffUser[]>(
    () =>
      session.scenario.zendesk.users
        .filter((u) => u.role === 'admin' || u.role === 'agent')
        .map((u) => ({ id: u.id, name: u.name, role: u.role as StaffUser['role'] })),
    [session.scenario],
  );
  const [picked, setPicked] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  const user = staff.find((u) => u.id === picked) ?? staff.find((u) => u.role === 'admin') ?? staff[0];

  const api = useMemo(() => {
    if (!user) return null;
    const id = installationId(world, user.id);
    const zaf = new FakeZafClient({
      backend: world.zendesk,
      clock: realClock,
      latencyMs: world.zendesk.latencyMs,
      currentUser: { id: user.id, name: user.name, email: '', role: user.role, locale: currentLocale() },
      settings: {},
      installationId: id,
      guid: `nav_bar-${user.id}-${reloads}`,
      location: 'nav_bar',
      recorder: {
        request: (r) =>
          world.report.requests.push({
            agent: 'nav_bar',
            tab: user.id,
            step: session.lastStep ?? 0,
            method: r.method,
            path: r.path,
            status: r.status,
            at_ms: world.clock.nowMs() - world.startMs,
          }),
        pop: () => undefined,
        notify: () => undefined,
        popover: () => undefined,
      },
    });
    // Quick retries: an admin is looking at the screen.
    const transport = new Transport(zaf, realClock, { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 2000, defaultRetryAfterMs: 2000 });
    return gatewayMappingsApi(new ZendeskGateway(transport), id);
    // A new world, user or reload: a fresh page.
  }, [world, user?.id, reloads]);

  return (
    <section className="zd" aria-label="Zendesk (simulated): the app's nav bar page" data-testid="navbar-pane">
      <header className="zd-header">
        <strong>Zendesk (simulated) · Amazon Connect settings</strong>
        <span className="muted">the app's nav_bar location</span>
      </header>
      <div className="navbar-controls">
        <Field>
          <Field.Label>Signed in to Zendesk as</Field.Label>
          <Select
            isCompact
            data-testid="navbar-user"
            value={user ? String(user.id) : ''}
            onChange={(e) => setPicked(Number(e.target.value))}
          >
            {staff.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name} ({u.role})
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" data-testid="navbar-reload" onClick={() => setReloads((n) => n + 1)}>
          Reload page
        </Button>
      </div>
      <div className="navbar-frame" data-testid="navbar-app">
        {user && api ? (
          <SettingsApp key={`${user.id}#${reloads}`} user={{ role: user.role }} api={api} />
        ) : (
          <p className="muted">This scenario has no Zendesk agent or admin.</p>
        )}
      </div>
    </section>
  );
}
