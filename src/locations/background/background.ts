// What the background location does (it loads with Zendesk, has no UI, and outlives every pane):
//
// 1. It makes the top bar load too (a top bar app otherwise loads only when first opened), so the
//    CCP is signed in and ringing before the agent opens it: `preloadPane` on each top bar
//    instance. The top bar's instance may register long after this one (a slow Zendesk start, a
//    tab in the background), and ZAF documents no event for an instance that appears, so it looks
//    again with a growing pause (2 s, 4 s, ... at most a minute), for as long as it takes, until
//    a top bar is found or announces itself (`acz.topbar.up`). Each look is one `get('instances')`
//    inside the page, no request to Zendesk.
// 2. It hands click-to-dial on to the top bar: sources disagree on which location Zendesk sends
//    `voice.dialout` to (see src/app/dialout.ts), so this one relays what it hears as
//    `acz.dialout`; the top bar dials once per click whichever copies arrive.
import { dialoutNumber, RELAYED_DIALOUT_EVENT } from '../../app/dialout';
import type { ZafClient } from '../../zendesk/zaf';

/** The top bar tells the background instances it is running: no preload needed any more. */
export const TOP_BAR_UP_EVENT = 'acz.topbar.up';

export const FIRST_LOOK_AGAIN_MS = 2000;
export const LONGEST_PAUSE_MS = 60_000;

export interface BackgroundOptions {
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string, err?: unknown) => void;
}

export interface Background {
  /** Settles true once a top bar was preloaded or said it runs; false when stopped first. */
  readonly preloaded: Promise<boolean>;
  stop(): void;
}

async function instancesAt(zaf: ZafClient, location: string): Promise<string[]> {
  const { instances } = await zaf.get('instances');
  return Object.entries(instances ?? {})
    .filter(([, i]) => i?.location === location)
    .map(([guid]) => guid);
}

export function startBackground(zaf: ZafClient, options: BackgroundOptions = {}): Background {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const log = options.log ?? ((message: string, err?: unknown) => console.warn(`[Amazon Connect for Zendesk] ${message}`, err ?? ''));
  let stopped = false;
  let topBarUp = false;

  zaf.on(TOP_BAR_UP_EVENT, () => {
    topBarUp = true;
  });
  zaf.on('voice.dialout', (payload) => {
    const number = dialoutNumber(payload);
    if (number === null) return;
    // One top bar per Zendesk page: the first listed gets the click (never two dials).
    void instancesAt(zaf, 'top_bar').then(
      ([guid]) => {
        if (guid) zaf.instance(guid).trigger(RELAYED_DIALOUT_EVENT, { number });
        else log('a phone number was clicked, but no top bar is open to dial it');
      },
      (err: unknown) => log('could not hand the click-to-dial to the top bar', err),
    );
  });

  const preloaded = (async () => {
    let pause = FIRST_LOOK_AGAIN_MS;
    for (;;) {
      if (stopped) return false;
      if (topBarUp) return true;
      const guids = await instancesAt(zaf, 'top_bar').catch(() => [] as string[]);
      if (guids.length > 0) {
        await Promise.all(guids.map((g) => zaf.instance(g).invoke('preloadPane').catch((err: unknown) => log('preloadPane failed', err))));
        return true;
      }
      await sleep(pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  })();

  return {
    preloaded,
    stop: () => {
      stopped = true;
    },
  };
}

/** Called by the top bar once it runs: every background instance can stop looking for it. */
export async function announceTopBar(zaf: ZafClient): Promise<void> {
  for (const guid of await instancesAt(zaf, 'background')) zaf.instance(guid).trigger(TOP_BAR_UP_EVENT);
}
