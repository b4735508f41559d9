// The nav bar page: the admin's settings (queue ↔ brand mappings). No Streams here.
import { createRoot } from 'react-dom/client';
import type { Clock } from '../../domain/clock';
import { setLocale } from '../../i18n';
import { GardenRoot } from '../../ui/GardenRoot';
import { OutsideZendesk } from '../../ui/OutsideZendesk';
import { gatewayMappingsApi } from '../../ui/settings/api';
import { SettingsApp } from '../../ui/settings/SettingsApp';
import { ZendeskGateway } from '../../zendesk/gateway';
import { Transport, type RetryPolicy } from '../../zendesk/transport';
import { initZafClient } from '../../zendesk/zafClient';

const clock: Clock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** An admin is waiting on the screen: a few quick retries, then the error is shown. */
const SCREEN_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 4000, defaultRetryAfterMs: 5000 };

async function main(): Promise<void> {
  const host = document.getElementById('root');
  if (!host) return;
  const root = createRoot(host);
  const zaf = initZafClient();
  if (!zaf) {
    root.render(
      <GardenRoot>
        <OutsideZendesk />
      </GardenRoot>,
    );
    return;
  }
  const [me, meta] = await Promise.all([zaf.get('currentUser'), zaf.metadata()]);
  document.documentElement.lang = setLocale(me.currentUser.locale);
  const api = gatewayMappingsApi(new ZendeskGateway(new Transport(zaf, clock, SCREEN_RETRY)), meta.installationId);
  root.render(
    <GardenRoot>
      <SettingsApp user={me.currentUser} api={api} />
    </GardenRoot>,
  );
}

void main().catch((err: unknown) => console.error('[Amazon Connect for Zendesk] the settings page could not start', err));
