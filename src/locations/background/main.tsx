// Loads with Zendesk: preloads the top bar pane and relays click-to-dial to it (background.ts).
// No React, no Streams: this page stays tiny.
import { t } from '../../i18n';
import { initZafClient } from '../../zendesk/zafClient';
import { startBackground } from './background';

const zaf = initZafClient();
if (zaf) startBackground(zaf);
else document.body.textContent = t('outside.body');
