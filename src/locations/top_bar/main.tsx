// The top bar: the CCP, the contacts' assignment buttons, the outbound queue. One controller per
// browser tab; Streams is started into the container the TopBar renders.
// Streams defines the page's `connect` global; only the top bar's chunk carries it (~190 KB gzip).
import 'amazon-connect-streams';
import type { Root } from 'react-dom/client';
import { AppController } from '../../app/controller';
import { browserStorage, MemoryStorage, type KeyValueStorage } from '../../app/progress';
import { StreamsAdapter } from '../../connect/adapter';
import { bootStreams } from '../../connect/streamsBoot';
import { loadLocale } from '../../i18n';
import { GardenRoot } from '../../ui/GardenRoot';
import { TopBar } from '../../ui/TopBar';
import type { ZafClient } from '../../zendesk/zaf';
import { mountLocation, realClock as clock } from '../mount';
import { LateConnectPort } from '../../connect/lateConnectPort';
import { claimTabId } from './tabId';
import { announceTopBar } from '../background/background';

function storage(): KeyValueStorage {
  try {
    const ls = globalThis.localStorage;
    const probe = 'acz.probe';
    ls.setItem(probe, '1');
    ls.removeItem(probe);
    return browserStorage(ls);
  } catch {
    // Storage blocked in this frame: progress lives as long as the page.
    return new MemoryStorage();
  }
}

/**
 * ChatJS and TaskJS must be on `connect` before Streams sees the first chat or task: Streams
 * builds a contact's media controller when the contact arrives and keeps it, failure included.
 * They are fetched while the settings are read, and the CCP starts only once they are in, so
 * no contact can arrive before them, and the first load carries neither.
 */
function loadMediaLibraries(): Promise<void> {
  return Promise.all([
    import('amazon-connect-chatjs/dist/amazon-connect-chat.js'),
    import('amazon-connect-taskjs/dist/amazon-connect-task.js'),
  ]).then(
    () => undefined,
    (err: unknown) => console.warn('[Amazon Connect for Zendesk] chat and task support did not load', err),
  );
}

async function start(zaf: ZafClient, root: Root): Promise<void> {
  const media = loadMediaLibraries();
  const [me, tabId] = await Promise.all([zaf.get('currentUser'), claimTabId()]);
  document.documentElement.lang = await loadLocale(me.currentUser.locale);

  const port = new LateConnectPort();
  const app = new AppController({ zaf, connect: port, clock, storage: storage(), tabId });
  await app.start();
  // The background instance may still be looking for this pane to preload it.
  void announceTopBar(zaf).catch(() => undefined);
  // The controller has read and checked the settings: no CCP without a usable address.
  const settings = app.settings;
  const canBoot = settings !== null && settings.ccpUrl !== null && app.store.getState().ccp.kind !== 'settings_error';

  const unreachable = () => app.ccpUnreachable(location.origin);

  // Streams goes into the container as soon as React has put it in the page (once per page).
  const onCcpContainer = (node: HTMLDivElement | null) => {
    if (!node || port.attached || !canBoot || node.dataset.booted) return;
    node.dataset.booted = 'yes';
    void media.then(() => {
      try {
        if (!settings) return;
        const { streams, failed } = bootStreams(globalThis.connect, node, settings);
        port.attach(new StreamsAdapter(streams, { clock }));
        void failed.then((reason) => {
          console.warn(`[Amazon Connect for Zendesk] ${reason}`);
          unreachable();
        });
      } catch (err) {
        console.error(err);
        unreachable();
      }
    });
  };

  root.render(
    <GardenRoot>
      <TopBar app={app} ccpContainerRef={onCcpContainer} />
    </GardenRoot>,
  );
}

void mountLocation(start).catch((err: unknown) => console.error('[Amazon Connect for Zendesk] the top bar could not start', err));
