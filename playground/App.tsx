// Layout: scenario controls on top; the simulated Zendesk on the left (the agent's workspace, or
// the app's nav bar page with its Settings screen); beside it, as in Zendesk, the app's top bar
// pane (340 px), with the real Streams and the CCP stand-in in its CCP box; on the right, the
// simulated Amazon Connect's controls (ring a contact, accept, hold, end...).
import { useState } from 'react';
import { Field, Select } from '@zendeskgarden/react-forms';
import { Tabs } from '@zendeskgarden/react-tabs';
import { LOCALES, currentLocale, loadLocale } from '../src/i18n';
import { ActivityPane, NotificationToasts } from './ui/ActivityPane';
import { CcpPanel } from './ui/CcpPanel';
import { NavBarPane } from './ui/NavBarPane';
import { ScenarioBar, StepPanel } from './ui/ScenarioBar';
import { TopBarColumn } from './ui/TopBarColumn';
import { useSession } from './ui/useSession';
import { ZendeskPane } from './ui/ZendeskPane';

type View = 'workspace' | 'navbar';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', ja: '日本語' };

export function App() {
  const session = useSession();
  const [view, setView] = useState<View>('workspace');
  const [lang, setLang] = useState(currentLocale());
  return (
    <div className="page" lang={lang}>
      <header className="page-header">
        <div className="header-row">
          <h1>
            Amazon Connect for Zendesk <span className="muted">· playground</span>
          </h1>
          <Field className="lang-field">
            <Field.Label>App language</Field.Label>
            <Select
              isCompact
              data-testid="language-select"
              value={lang}
              onChange={(e) => void loadLocale(e.target.value).then(setLang)}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l] ?? l}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <p className="muted small">
          The app's real top bar, controller, rules and Zendesk gateway, with the real Amazon Connect Streams, against
          an in-memory Zendesk and a simulated Amazon Connect behind a local stand-in for the CCP page. Nothing leaves
          this page.
        </p>
        <ScenarioBar />
      </header>
      <main className="columns">
        <div className="left">
          <div className="view-switch">
            <Tabs selectedItem={view} onChange={(v: View) => setView(v)}>
              <Tabs.TabList aria-label="Zendesk views">
                <Tabs.Tab item="workspace" data-testid="view-workspace">
                  Agent workspace
                </Tabs.Tab>
                <Tabs.Tab item="navbar" data-testid="view-navbar">
                  Settings (nav bar)
                </Tabs.Tab>
              </Tabs.TabList>
              <Tabs.TabPanel item="workspace">{view === 'workspace' && <ZendeskPane />}</Tabs.TabPanel>
              <Tabs.TabPanel item="navbar">{view === 'navbar' && <NavBarPane />}</Tabs.TabPanel>
            </Tabs>
          </div>
          <StepPanel />
          <ActivityPane />
        </div>
        <aside className="right">
          <TopBarColumn />
        </aside>
        <aside className="connect">
          <CcpPanel />
        </aside>
      </main>
      <NotificationToasts key={`${session.agent}#${session.tabNo}`} />
    </div>
  );
}
