// Starts the real Amazon Connect Streams (the `connect` global of the page it was loaded into:
// the top bar's, or a simulated tab's) : the CCP iframe goes into `container`, and `failed`
// resolves with a reason when the CCP does not come up.
//
// Facts from Streams (2.x) that shape this code:
// - initCCP replaces connect.core's event bus, so every subscription (connect.contact,
//   connect.agent, core.onInitialized...) must be made after it; the caller builds its
//   StreamsAdapter right after bootStreams returns, before the CCP can answer (it answers
//   through postMessage, never synchronously).
// - ACK_TIMEOUT fires when the CCP iframe does not acknowledge within ccpLoadTimeout; with
//   loginPopup Streams then opens the sign-in pop-up. So a first ACK_TIMEOUT usually means
//   "not signed in yet", not "broken": we give the agent time to sign in before declaring failure.
// - IFRAME_RETRIES_EXHAUSTED fires after Streams has reloaded the iframe several times without
//   an answer (typically: this page's origin is not in the instance's Approved origins, so the
//   CCP refuses to be framed). ACCESS_DENIED and AUTHORIZE_RETRIES_EXHAUSTED are final too.
// - INIT (core.onInitialized) only means the frame acknowledged: the CCP's worker acknowledges
//   every frame at once (worker.js onconnect) and reports access_denied or auth_fail later, when
//   its own requests for the agent fail. The CCP is up when the agent's data arrives.
// - Streams gives its own iframe allow="microphone; camera; autoplay; clipboard-write; ...";
//   our app iframe gets the same from Zendesk.
import type { AppSettings } from '../domain/config';
import type { StreamsLike } from './streamsLike';

export interface StreamsBoot {
  streams: StreamsLike;
  /** Resolves (once) with a reason when the CCP does not come up; never resolves when it does. */
  failed: Promise<string>;
}

export interface StreamsBootOptions {
  /** How long after ACK_TIMEOUT / AUTH_FAIL the agent has to sign in before we call it failed. */
  signInGraceMs?: number;
}

const DEFAULT_SIGN_IN_GRACE_MS = 45_000;

/** The options handed to connect.core.initCCP (exported for tests). */
export function ccpOptions(settings: AppSettings): connect.InitCCPOptions {
  if (!settings.ccpUrl) throw new Error('bootStreams needs a checked ccpUrl');
  return {
    ccpUrl: settings.ccpUrl,
    loginPopup: true,
    loginPopupAutoClose: true,
    ...(settings.loginUrl ? { loginUrl: settings.loginUrl } : {}),
    ...(settings.region ? { region: settings.region } : {}),
    softphone: {
      // Media-less mode: the audio lives in a CCP the agent keeps open in another tab.
      allowFramedSoftphone: !settings.mediaLess,
      disableRingtone: false,
    },
    pageOptions: {
      enableAudioDeviceSettings: true,
      enablePhoneTypeSettings: true,
    },
    ccpLoadTimeout: 10000,
  } as connect.InitCCPOptions;
}

export function bootStreams(
  c: typeof connect | undefined,
  container: HTMLElement,
  settings: AppSettings,
  options: StreamsBootOptions = {},
): StreamsBoot {
  if (!c?.core) throw new Error('amazon-connect-streams did not load (no global connect)');
  const graceMs = options.signInGraceMs ?? DEFAULT_SIGN_IN_GRACE_MS;

  c.core.initCCP(container, ccpOptions(settings));

  let up = false;
  let done = false;
  let grace: ReturnType<typeof setTimeout> | null = null;
  let resolveFailed: (reason: string) => void = () => undefined;
  const failed = new Promise<string>((resolve) => (resolveFailed = resolve));

  const fail = (reason: string) => {
    if (up || done) return;
    done = true;
    if (grace) clearTimeout(grace);
    resolveFailed(reason);
  };
  const waitForSignIn = (reason: string) => {
    if (up || done || grace) return;
    grace = setTimeout(() => fail(reason), graceMs);
  };

  c.agent(() => {
    up = true;
    if (grace) clearTimeout(grace);
    grace = null;
  });
  c.core.getEventBus().subscribe(c.EventType.ACK_TIMEOUT, () =>
    waitForSignIn('The Contact Control Panel did not acknowledge, and nobody signed in through the pop-up.'),
  );
  c.core.onAuthFail(() => waitForSignIn('Signing in to Amazon Connect failed.'));
  c.core.onAccessDenied(() => fail('Amazon Connect denied access to the Contact Control Panel.'));
  c.core.onIframeRetriesExhausted(() => fail('The Contact Control Panel page never answered inside Zendesk.'));
  c.core.onAuthorizeRetriesExhausted?.(() => fail('Amazon Connect refused to authorise this agent several times.'));

  return { streams: c as unknown as StreamsLike, failed };
}
