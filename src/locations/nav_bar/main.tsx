// The nav bar page: the admin's settings (queue ↔ brand mappings). No Streams here.
import { loadLocale } from '../../i18n';
import { loadPhoneNumbers } from '../../domain/phone';
import { GardenRoot } from '../../ui/GardenRoot';
import { gatewayMappingsApi } from '../../ui/settings/api';
import { SettingsApp } from '../../ui/settings/SettingsApp';
import { ZendeskGateway } from '../../zendesk/gateway';
import { Transport, type RetryPolicy } from '../../zendesk/transport';
import type { Root } from 'react-dom/client';
import type { ZafClient } from '../../zendesk/zaf';
import { mountLocation, realClock } from '../mount';

/** An admin is waiting on the screen: a few quick retries, then the error is shown. */
const SCREEN_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 4000, defaultRetryAfterMs: 5000 };

async function start(zaf: ZafClient, root: Root): Promise<void> {
  const [me, meta] = await Promise.all([zaf.get('currentUser'), zaf.metadata(), loadPhoneNumbers()]);
  document.documentElement.lang = await loadLocale(me.currentUser.locale);
  const api = gatewayMappingsApi(new ZendeskGateway(new Transport(zaf, realClock, SCREEN_RETRY)), meta.installationId);
  root.render(
    <GardenRoot>
      <SettingsApp user={me.currentUser} api={api} />
    </GardenRoot>,
  );
}

void mountLocation(start).catch((err: unknown) => console.error('[Amazon Connect for Zendesk] the settings page could not start', err));
