// The playground page: `npm start`.
import { createRoot } from 'react-dom/client';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { ToastProvider } from '@zendeskgarden/react-notifications';
import { App } from './App';
import { loadPhoneNumbers } from '../src/domain/phone';
import { CATALOGUE, DEFAULT_ID } from './scenarios';
import { PlaygroundSession } from './session';
import { SessionContext } from './ui/useSession';
import './playground.css';

function boot(): void {
  const first = CATALOGUE.find((e) => e.id === DEFAULT_ID)!.load();
  if (!first.ok) throw new Error(`the built-in scenario is invalid: ${first.error}`);
  const session = new PlaygroundSession(first.scenario, 'built-in default', 1);
  // For poking around from the devtools console.
  (window as unknown as { playground: PlaygroundSession }).playground = session;
  const root = createRoot(document.getElementById('root')!);
  // Phone numbers are loaded by each app as it starts; the playground's own views use them too.
  void Promise.all([loadPhoneNumbers(), session.start()]).then(() =>
    root.render(
      <ThemeProvider>
        <ToastProvider zIndex={1000} limit={4} placementProps={{ 'bottom-start': { style: { maxWidth: 440 } } }}>
          <SessionContext.Provider value={session}>
            <App />
          </SessionContext.Provider>
        </ToastProvider>
      </ThemeProvider>,
    ),
  );
}

boot();
