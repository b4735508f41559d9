// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The real library needs a browser with a CCP to talk to; the global it defines is faked below.
vi.mock('amazon-connect-streams', () => ({}));

import { bootStreams, ccpOptions } from '../../src/connect/streamsBoot';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { AppSettings } from '../../src/domain/config';

type Cb = (...args: unknown[]) => void;

/** A fake `connect` whose event bus is replaced by initCCP, as Streams does. */
function fakeConnect() {
  let bus = new Map<string, Cb[]>();
  const sub = (name: string, cb: Cb) => {
    bus.set(name, [...(bus.get(name) ?? []), cb]);
    return { unsubscribe: () => undefined };
  };
  const fake = {
    initCalls: [] as { container: HTMLElement; options: Record<string, unknown> }[],
    fire(name: string) {
      for (const cb of bus.get(name) ?? []) cb();
    },
    EventType: { ACK_TIMEOUT: 'ack_timeout' },
    core: {
      initCCP(container: HTMLElement, options: Record<string, unknown>) {
        fake.initCalls.push({ container, options });
        bus = new Map();
      },
      getEventBus: () => ({ subscribe: sub }),
      onInitialized: (cb: Cb) => sub('init', cb),
      onAuthFail: (cb: Cb) => sub('auth_fail', cb),
      onAccessDenied: (cb: Cb) => sub('access_denied', cb),
      onIframeRetriesExhausted: (cb: Cb) => sub('iframe_retries_exhausted', cb),
      onAuthorizeRetriesExhausted: (cb: Cb) => sub('authorize_retries_exhausted', cb),
    },
    contact: () => undefined,
    agent: () => undefined,
  };
  return fake;
}

const settings = (over: Partial<AppSettings> = {}): AppSettings => ({
  ...DEFAULT_SETTINGS,
  queueToBrand: [],
  brandToQueue: {},
  ccpUrl: 'https://example.my.connect.aws/ccp-v2',
  ...over,
});

const g = globalThis as { connect?: unknown };
let fake: ReturnType<typeof fakeConnect>;

beforeEach(() => {
  fake = fakeConnect();
  g.connect = fake;
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  delete g.connect;
});

async function state(p: Promise<string>): Promise<string | 'pending'> {
  return Promise.race([p, Promise.resolve('pending' as const)]);
}

describe('ccpOptions', () => {
  it('passes the CCP address, sign-in pop-up, softphone and page options', () => {
    expect(ccpOptions(settings())).toEqual({
      ccpUrl: 'https://example.my.connect.aws/ccp-v2',
      loginPopup: true,
      loginPopupAutoClose: true,
      softphone: { allowFramedSoftphone: true, disableRingtone: false },
      pageOptions: { enableAudioDeviceSettings: true, enablePhoneTypeSettings: true },
      ccpLoadTimeout: 10000,
    });
  });

  it('adds loginUrl and region when set, and keeps the audio out of the frame in media-less mode', () => {
    const o = ccpOptions(settings({ loginUrl: 'https://idp.example.com/saml', region: 'eu-west-2', mediaLess: true })) as unknown as Record<string, unknown>;
    expect(o.loginUrl).toBe('https://idp.example.com/saml');
    expect(o.region).toBe('eu-west-2');
    expect(o.softphone).toEqual({ allowFramedSoftphone: false, disableRingtone: false });
  });

  it('refuses to start without a checked ccpUrl', () => {
    expect(() => ccpOptions(settings({ ccpUrl: null }))).toThrow();
  });
});

describe('bootStreams', () => {
  it('starts the CCP in the container and returns the connect global', async () => {
    const div = document.createElement('div');
    const { streams, failed } = bootStreams(div, settings());
    expect(fake.initCalls).toHaveLength(1);
    expect(fake.initCalls[0]!.container).toBe(div);
    expect(streams).toBe(fake);
    expect(await state(failed)).toBe('pending');
  });

  it('fails at once when the CCP frame never answers or access is denied', async () => {
    const a = bootStreams(document.createElement('div'), settings());
    fake.fire('iframe_retries_exhausted');
    expect(await state(a.failed)).toMatch(/never answered/);

    fake = fakeConnect();
    g.connect = fake;
    const b = bootStreams(document.createElement('div'), settings());
    fake.fire('access_denied');
    expect(await state(b.failed)).toMatch(/denied/);
  });

  it('after ACK_TIMEOUT gives the agent time to sign in through the pop-up, then fails', async () => {
    const { failed } = bootStreams(document.createElement('div'), settings(), { signInGraceMs: 30_000 });
    fake.fire('ack_timeout');
    vi.advanceTimersByTime(29_000);
    expect(await state(failed)).toBe('pending');
    vi.advanceTimersByTime(1_000);
    expect(await state(failed)).toMatch(/did not acknowledge/);
  });

  it('never fails once the CCP is initialised (subscriptions made after initCCP replaced the bus)', async () => {
    const { failed } = bootStreams(document.createElement('div'), settings(), { signInGraceMs: 30_000 });
    fake.fire('ack_timeout');
    fake.fire('init');
    vi.advanceTimersByTime(60_000);
    fake.fire('iframe_retries_exhausted');
    fake.fire('auth_fail');
    vi.advanceTimersByTime(60_000);
    expect(await state(failed)).toBe('pending');
  });
});
