// Shared by the ticket and user sidebars: report what the agent views to every top bar instance
// (ZAF instance messaging: client.instance(guid).trigger), on load and whenever the sidebar's
// tab comes to the front. The top bar cannot read the current ticket itself.
import { t } from '../i18n';
import { initZafClient } from '../zendesk/zafClient';
import type { ZafClient } from '../zendesk/zaf';

export interface ViewingPayload {
  kind: 'ticket' | 'user';
  id: unknown;
  requesterId: unknown;
}

export const VIEWING_EVENT = 'acz.viewing';

export async function reportViewing(zaf: ZafClient, payload: ViewingPayload): Promise<void> {
  const { instances } = await zaf.get('instances');
  for (const [guid, inst] of Object.entries(instances ?? {})) {
    if (inst?.location === 'top_bar') zaf.instance(guid).trigger(VIEWING_EVENT, payload);
  }
}

/** Starts a sidebar helper: hides it, runs `report` now, on app.activated and on `alsoOn` events. */
export function startHelper(report: (zaf: ZafClient) => Promise<void>, alsoOn: string[] = []): void {
  const zaf = initZafClient();
  if (!zaf) {
    document.body.textContent = t('outside.body');
    return;
  }
  void zaf.invoke('resize', { width: '100%', height: '0px' }).catch(() => undefined);
  const run = () => void report(zaf).catch((err: unknown) => console.warn('[Amazon Connect for Zendesk] could not report the viewed record', err));
  for (const event of ['app.activated', ...alsoOn]) zaf.on(event, run);
  run();
}
