// Layout: scenario controls on top; the simulated Zendesk on the left; on the right, as in
// Zendesk, the app's top bar pane (340 px), the simulated CCP in place of Streams' iframe.
import { ActivityPane, NotificationToasts } from './ui/ActivityPane';
import { ScenarioBar, StepPanel } from './ui/ScenarioBar';
import { TopBarColumn } from './ui/TopBarColumn';
import { useSession } from './ui/useSession';
import { ZendeskPane } from './ui/ZendeskPane';

export function App() {
  const session = useSession();
  return (
    <div className="page">
      <header className="page-header">
        <h1>
          Amazon Connect for Zendesk <span className="muted">· playground</span>
        </h1>
        <p className="muted small">
          The app's real controller, rules and Zendesk gateway, against an in-memory Zendesk and a simulated Amazon
          Connect. Nothing leaves this page.
        </p>
        <ScenarioBar />
      </header>
      <main className="columns">
        <div className="left">
          <ZendeskPane />
          <StepPanel />
          <ActivityPane />
        </div>
        <aside className="right">
          <TopBarColumn />
        </aside>
      </main>
      <NotificationToasts key={`${session.agent}#${session.tabNo}`} />
    </div>
  );
}
