// Loads with Zendesk and makes the top bar load too (a top bar app otherwise loads only when
// first opened), so the CCP is signed in and ringing before the agent opens it. No React, no
// Streams: this page stays tiny.
import { t } from '../../i18n';
import { initZafClient } from '../../zendesk/zafClient';
import type { ZafClient } from '../../zendesk/zaf';

const ATTEMPTS = 5;
const RETRY_MS = 2000;

async function preloadTopBar(zaf: ZafClient): Promise<boolean> {
  const { instances } = await zaf.get('instances');
  const guids = Object.entries(instances ?? {})
    .filter(([, i]) => i?.location === 'top_bar')
    .map(([guid]) => guid);
  await Promise.all(guids.map((g) => zaf.instance(g).invoke('preloadPane').catch(() => undefined)));
  return guids.length > 0;
}

async function main(): Promise<void> {
  const zaf = initZafClient();
  if (!zaf) {
    document.body.textContent = t('outside.body');
    return;
  }
  // The top bar's instance may register a moment after this one: look again a few times.
  for (let i = 0; i < ATTEMPTS; i++) {
    if (await preloadTopBar(zaf).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
}

void main();
