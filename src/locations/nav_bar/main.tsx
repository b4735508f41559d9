// The admin's settings screen (queue ↔ brand mappings) arrives in a later version; for now a
// page that says so. No Streams here.
import { createRoot } from 'react-dom/client';
import { Well } from '@zendeskgarden/react-notifications';
import { Paragraph, XL } from '@zendeskgarden/react-typography';
import { setLocale, t } from '../../i18n';
import { GardenRoot } from '../../ui/GardenRoot';
import { OutsideZendesk } from '../../ui/OutsideZendesk';
import { initZafClient } from '../../zendesk/zafClient';

function SettingsPlaceholder() {
  return (
    <main style={{ padding: 24, maxWidth: 720 }}>
      <XL tag="h1">{t('navBar.title')}</XL>
      <Well style={{ marginTop: 16 }}>
        <Paragraph>{t('navBar.body')}</Paragraph>
      </Well>
    </main>
  );
}

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
  const me = await zaf.get('currentUser');
  setLocale(me.currentUser.locale);
  root.render(
    <GardenRoot>
      <SettingsPlaceholder />
    </GardenRoot>,
  );
}

void main().catch((err: unknown) => console.error('[Amazon Connect for Zendesk] the settings page could not start', err));
