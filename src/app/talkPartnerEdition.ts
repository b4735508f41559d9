// Whether the account has Talk Partner Edition, as Zendesk's answers show it, for the admins'
// diagnostics. "Use of this API requires Talk Partner Edition" (developer.zendesk.com, Talk
// Partner Edition API: /api/v2/channels/voice/...): an account without it is refused there, and
// its Talk Partner Edition events (voice.dialout, so click-to-dial) never fire; `voice.error`
// reports a failed subscription to them ("All locations" > Talk Partner Edition events).
import { refusesTalkPartnerEdition } from '../zendesk/gateway';
import type { ZafClient, ZafResponse } from '../zendesk/zaf';

export type TalkPartnerEdition =
  | { kind: 'unknown' }
  | { kind: 'available' }
  /** Zendesk refused a Talk Partner Edition endpoint: this request, this status. */
  | { kind: 'missing'; status: number; method: string; path: string };

const VOICE_CHANNEL = /^\/api\/v2\/channels\/voice\//;

/** What one answer says about Talk Partner Edition, or null when it says nothing. */
export function talkPartnerEditionFrom(method: string, url: string, res: Pick<ZafResponse, 'status' | 'responseJSON'>): TalkPartnerEdition | null {
  const path = url.split('?')[0] ?? url;
  if (!VOICE_CHANNEL.test(path)) return null;
  if (res.status >= 200 && res.status < 300) return { kind: 'available' };
  // A 404 that names a record (a display call for an unknown agent or ticket: RecordNotFound)
  // is about that record; a refused or missing endpoint is about the account.
  const code = (res.responseJSON as { error?: unknown } | null)?.error;
  if (refusesTalkPartnerEdition(res.status, code)) return { kind: 'missing', status: res.status, method, path };
  return null;
}

/** The same ZAF client, whose requests report each Talk Partner Edition answer to `see`. */
export function watchTalkPartnerEdition(zaf: ZafClient, see: (status: TalkPartnerEdition) => void): ZafClient {
  const look = (method: string, url: string, res: unknown) => {
    if (typeof res !== 'object' || res === null || typeof (res as ZafResponse).status !== 'number') return;
    const s = talkPartnerEditionFrom(method, url, res as ZafResponse);
    if (s) see(s);
  };
  return {
    request: (options) =>
      zaf.request(options).then(
        (res) => {
          look(options.type, options.url, res);
          return res;
        },
        (err: unknown) => {
          look(options.type, options.url, err);
          throw err;
        },
      ),
    get: ((path: string) => zaf.get(path)) as ZafClient['get'],
    metadata: () => zaf.metadata(),
    context: () => zaf.context(),
    invoke: ((name: string, ...args: unknown[]) => zaf.invoke(name, ...args)) as ZafClient['invoke'],
    on: (event, handler) => zaf.on(event, handler),
    off: (event, handler) => zaf.off?.(event, handler),
    trigger: (event, payload) => zaf.trigger(event, payload),
    instance: (guid) => zaf.instance(guid),
  };
}

/** The text of a `voice.error` payload (Zendesk documents no shape: a string or an object with a message). */
export function voiceErrorText(payload: unknown): string {
  if (typeof payload === 'string' && payload.trim()) return payload.trim();
  if (payload && typeof payload === 'object') {
    const p = payload as Record<string, unknown>;
    for (const k of ['message', 'description', 'error', 'msg']) {
      const v = p[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (v && typeof v === 'object') return voiceErrorText(v);
    }
    try {
      const json = JSON.stringify(payload);
      if (json && json !== '{}') return json;
    } catch {
      // not serialisable: fall through
    }
  }
  return '';
}
