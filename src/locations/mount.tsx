// What every React location does first: find its root element, and inside Zendesk hand over a
// ZAF client; outside Zendesk, say so instead of failing.
import { createRoot, type Root } from 'react-dom/client';
import type { Clock } from '../domain/clock';
import { GardenRoot } from '../ui/GardenRoot';
import { OutsideZendesk } from '../ui/OutsideZendesk';
import type { ZafClient } from '../zendesk/zaf';
import { initZafClient } from '../zendesk/zafClient';

/** The browser's own time. */
export const realClock: Clock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export async function mountLocation(start: (zaf: ZafClient, root: Root) => Promise<void>): Promise<void> {
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
  await start(zaf, root);
}
