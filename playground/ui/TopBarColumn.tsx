// The app's real top bar, in a column as wide as Zendesk's top bar pane, wired to the
// controller of the app instance shown. Where the top bar puts Streams' CCP iframe (its
// ccpSlot), the playground shows that tab's page: the real Streams runs there, and its CCP
// iframe holds the CCP stand-in.
import { Component, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { SimPage } from '../../src/sim/ccp/page';
import { TopBar } from '../../src/ui/TopBar';
import { pinFrame } from '../browserPages';
import { useSession } from './useSession';

export function TopBarColumn() {
  const session = useSession();
  const tab = session.currentTab();
  return (
    <section className="topbar-frame" aria-label="Amazon Connect top bar app" data-testid="topbar">
      {tab ? (
        <Boundary key={`${session.agent}#${session.tabNo}`} resetKey={tab.app}>
          <TopBar key={appKey(tab.app)} app={tab.app} ccpSlot={<CcpFrameSlot page={tab.page} />} />
        </Boundary>
      ) : (
        <p className="muted">This Zendesk tab is closed: its app is not running.</p>
      )}
    </section>
  );
}

/** The place of the CCP in the top bar: the tab's frame is laid over it (the top bar hides it without a usable ccpUrl). */
function CcpFrameSlot({ page }: { page: SimPage }) {
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => (slot.current ? pinFrame(page, slot.current) : undefined), [page]);
  return <div ref={slot} className="ccp-slot" data-testid="ccp-slot" />;
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
        <div className="error-line" role="alert" data-testid="topbar-crash">
          The top bar crashed: {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}
