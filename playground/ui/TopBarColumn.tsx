// The app's real top bar, in a column as wide as Zendesk's top bar pane, wired to the
// controller of the app instance shown. The simulated CCP sits where Streams' CCP iframe
// would be (the top bar's ccpSlot).
import { Component, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppController } from '../../src/app/controller';
import { TopBar } from '../../src/ui/TopBar';
import { CcpPanel } from './CcpPanel';
import { useSession } from './useSession';

export function TopBarColumn() {
  const session = useSession();
  const tab = session.currentTab();
  return (
    <section className="topbar-frame" aria-label="Amazon Connect top bar app" data-testid="topbar">
      {tab ? (
        <Boundary key={`${session.agent}#${session.tabNo}`} resetKey={tab.app}>
          <TopBarWithCcp key={appKey(tab.app)} app={tab.app} />
        </Boundary>
      ) : (
        <>
          <p className="muted">This Zendesk tab is closed: its app is not running.</p>
          <CcpPanel />
        </>
      )}
    </section>
  );
}

/**
 * Without a usable CCP address the top bar hides its CCP area (the app cannot run there);
 * the playground still offers its simulated CCP, under the top bar.
 */
function TopBarWithCcp({ app }: { app: AppController }) {
  const settingsError = useStore(app.store, (s) => s.ccp.kind === 'settings_error');
  if (settingsError) {
    return (
      <>
        <TopBar app={app} />
        <CcpPanel />
      </>
    );
  }
  return <TopBar app={app} ccpSlot={<CcpPanel />} />;
}

// A new world or a reload makes a new controller: the top bar remounts with it.
const keys = new WeakMap<object, number>();
let seq = 0;
function appKey(app: object): number {
  let k = keys.get(app);
  if (k === undefined) {
    k = ++seq;
    keys.set(app, k);
  }
  return k;
}

interface BoundaryProps {
  children: ReactNode;
  resetKey: unknown;
}

/** A top bar crash is shown in its column instead of blanking the whole playground. */
class Boundary extends Component<BoundaryProps, { error: Error | null; resetKey: unknown }> {
  override state = { error: null as Error | null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { error: Error | null; resetKey: unknown }) {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override render() {
    if (this.state.error) {
      return (
        <>
          <div className="error-line" role="alert" data-testid="topbar-crash">
            The top bar crashed: {this.state.error.message}
          </div>
          <CcpPanel />
        </>
      );
    }
    return this.props.children;
  }
}
