// bootStreams over the real Streams bundle: a jsdom page with amazon-connect-streams loaded, whose
// CCP iframe is the simulated CCP (answering, silent, signed out, or refusing the agent). Streams'
// own timers run on the page's simulated clock; bootStreams' sign-in grace runs on the test's
// fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootStreams, ccpOptions } from '../../src/connect/streamsBoot';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { AppSettings } from '../../src/domain/config';
import { VirtualClock } from '../../src/sim/virtualClock';
import { ConnectAgentSim } from '../../src/sim/ccp/connectAgent';
import { openStreamsPage, type StreamsPage } from '../../src/sim/ccp/streamsPage';
import type { CcpFrameOptions } from '../../src/sim/ccp/ccpFrame';

const settings = (over: Partial<AppSettings> = {}): AppSettings => ({
  ...DEFAULT_SETTINGS,
  queueToBrand: [],
  brandToQueue: {},
  ccpUrl: 'https://example.my.connect.aws/ccp-v2',
  ...over,
});

let pages: StreamsPage[] = [];

/** A Zendesk tab with the real Streams bundle; `ccp` is read by every CCP frame Streams opens, so changing it changes the next frame. */
function page(ccp: CcpFrameOptions = {}) {
  const clock = new VirtualClock(Date.parse('2026-01-05T09:00:00Z'));
  const agent = new ConnectAgentSim('priya', { name: 'Front', queues: ['General'], default_outbound_queue: 'General' }, () => clock.nowMs(), () => undefined);
  const p = openStreamsPage({ clock, agent, ccp });
  pages.push(p);
  /** Moves the page's time on by `ms`. */
  const wait = (ms: number) => clock.advanceTo(clock.nowMs() + ms);
  return { page: p, clock, agent, ccp, wait };
}

beforeEach(() => {
  // Only the global timers bootStreams uses; the clock's settling uses setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  for (const p of pages) p.close();
  pages = [];
});

async function state(p: Promise<string>): Promise<string | 'pending'> {
  return Promise.race([p, new Promise<'pending'>((r) => setImmediate(() => r('pending')))]);
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
  it('refuses a page where Streams did not load', () => {
    expect(() => bootStreams(undefined, {} as HTMLElement, settings())).toThrow(/did not load/);
  });

  it('frames the CCP in the container and returns the connect object, whose agent comes up', async () => {
    const { page: p, wait } = page();
    const { streams, failed } = bootStreams(p.connect, p.container, settings());
    expect(streams).toBe(p.connect);
    const iframe = p.container.querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe('https://example.my.connect.aws/ccp-v2');
    expect((iframe as HTMLIFrameElement & { allow?: string }).allow).toMatch(/microphone/);
    const names: string[] = [];
    streams.agent((a) => names.push(a.getName()));
    await wait(1000);
    expect(names).toEqual(['priya']);
    vi.advanceTimersByTime(120_000);
    await wait(120_000);
    expect(await state(failed)).toBe('pending');
  });

  it('fails once Streams gives up reloading a CCP frame that never answers, without waiting for a sign-in', async () => {
    const { page: p, wait } = page({ silent: true });
    const { failed } = bootStreams(p.connect, p.container, settings());
    await wait(11_000); // ccpLoadTimeout: ACK_TIMEOUT, the sign-in pop-up, and reloads of the frame begin
    expect(await state(failed)).toBe('pending');
    await wait(110_000); // ten reloads, ten seconds apart
    expect(await state(failed)).toMatch(/never answered/);
  });

  // Streams' INIT fires as soon as the frame acknowledges; the CCP's worker acknowledges every
  // frame at once (worker.js onconnect) and reports access_denied and auth_fail only later, when
  // its requests for the agent fail. The boot counts the CCP up only once the agent arrives.
  it('fails at once when Amazon Connect denies the agent the CCP', async () => {
    const { page: p, wait } = page({ accessDenied: true });
    const { failed } = bootStreams(p.connect, p.container, settings());
    await wait(1000);
    expect(await state(failed)).toMatch(/denied/);
  });

  it('after ACK_TIMEOUT gives the agent time to sign in through the pop-up, then fails', async () => {
    const { page: p, wait } = page({ silent: true });
    const { failed } = bootStreams(p.connect, p.container, settings(), { signInGraceMs: 30_000 });
    await wait(10_500);
    vi.advanceTimersByTime(29_000);
    expect(await state(failed)).toBe('pending');
    vi.advanceTimersByTime(1_000);
    expect(await state(failed)).toMatch(/did not acknowledge/);
  });

  it('a CCP whose sign-in expired gets the same time to sign in', async () => {
    const { page: p, wait } = page({ signedOut: true });
    const { failed } = bootStreams(p.connect, p.container, settings(), { signInGraceMs: 30_000 });
    await wait(1000);
    vi.advanceTimersByTime(29_000);
    expect(await state(failed)).toBe('pending');
    vi.advanceTimersByTime(1_000);
    expect(await state(failed)).toMatch(/Signing in to Amazon Connect failed/);
  });

  it('never fails once the agent signed in and the reloaded CCP answered', async () => {
    const { page: p, ccp, wait } = page({ silent: true });
    const { streams, failed } = bootStreams(p.connect, p.container, settings(), { signInGraceMs: 30_000 });
    const names: string[] = [];
    streams.agent((a) => names.push(a.getName()));
    await wait(10_500); // ACK_TIMEOUT: the pop-up opens
    ccp.silent = false; // the agent signs in; Streams' next reload of the frame is answered
    await wait(10_000);
    expect(names).toEqual(['priya']);
    vi.advanceTimersByTime(60_000);
    await wait(200_000);
    const bus = p.connect.core.getEventBus();
    bus.trigger(p.connect.EventType.IFRAME_RETRIES_EXHAUSTED);
    bus.trigger(p.connect.EventType.AUTH_FAIL);
    vi.advanceTimersByTime(60_000);
    expect(await state(failed)).toBe('pending');
  });
});
