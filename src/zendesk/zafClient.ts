// The real ZAF client, created from the global `ZAFClient` that the location page loads with
// <script src=".../zaf_sdk.min.js">, behind our typed ZafClient face (zaf.ts).
//
// Requests always ask for the complete response, so status and headers (Retry-After) are seen.
// ZAF resolves with { responseJSON, responseText, status, headers } and rejects with the first
// argument of the framework's failure callback: normally a similar object for an HTTP error, but
// it can be an Error (timeout, framework trouble) or an object with missing fields. Both sides
// are normalised here so that the transport always gets { status, responseJSON, responseText,
// headers } with lower-case header names; status 0 means "no HTTP answer".
import type { ZafClient, ZafContext, ZafHandler, ZafInstance, ZafMetadata, ZafRequestOptions, ZafResponse } from './zaf';

/** The part of the SDK's client object this app calls. */
interface RawZafClient {
  request(options: Record<string, unknown>): Promise<unknown>;
  get(path: string | string[]): Promise<Record<string, unknown>>;
  metadata(): Promise<unknown>;
  context(): Promise<unknown>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: ZafHandler): void;
  off?(event: string, handler: ZafHandler): void;
  trigger(event: string, payload?: unknown): void;
  instance(guid: string): { invoke(name: string, ...args: unknown[]): Promise<unknown>; trigger(event: string, payload?: unknown): void };
}

interface ZafSdkGlobal {
  init(callback?: (context: unknown) => void): RawZafClient | false | null | undefined;
}

function sdk(): ZafSdkGlobal | null {
  const g = (globalThis as { ZAFClient?: ZafSdkGlobal }).ZAFClient;
  return g && typeof g.init === 'function' ? g : null;
}

/** The ZAF client of this app instance; null outside Zendesk (no SDK, or no origin/app_guid in the URL). */
export function initZafClient(): ZafClient | null {
  const s = sdk();
  if (!s) return null;
  let raw: RawZafClient | false | null | undefined;
  try {
    raw = s.init();
  } catch {
    return null;
  }
  return raw ? wrapZafClient(raw) : null;
}

/** Our ZafClient over an SDK client object (exported for tests). */
export function wrapZafClient(raw: RawZafClient): ZafClient {
  const client: ZafClient = {
    async request(options: ZafRequestOptions): Promise<ZafResponse> {
      let res: unknown;
      try {
        res = await raw.request({
          url: options.url,
          type: options.type,
          ...(options.contentType ? { contentType: options.contentType } : {}),
          ...(options.data !== undefined ? { data: options.data } : {}),
          httpCompleteResponse: true,
          autoRetry: options.autoRetry,
          timeout: options.timeout,
        });
      } catch (err) {
        throw normaliseResponse(err, 0);
      }
      const out = normaliseResponse(res, 200);
      // Defensive: an error status that arrived as a resolution is still an error.
      if (out.status === 0 || out.status >= 400) throw out;
      return out;
    },
    get: ((path: string) => raw.get(path)) as ZafClient['get'],
    metadata: () => raw.metadata() as Promise<ZafMetadata>,
    context: () => raw.context() as Promise<ZafContext>,
    invoke: ((name: string, ...args: unknown[]) => raw.invoke(name, ...args)) as ZafClient['invoke'],
    on: (event, handler) => raw.on(event, handler),
    off: (event, handler) => raw.off?.(event, handler),
    trigger: (event, payload) => raw.trigger(event, payload),
    instance(guid: string): ZafInstance {
      const other = raw.instance(guid);
      return {
        invoke: (name, ...args) => other.invoke(name, ...args),
        trigger: (event, payload) => other.trigger(event, payload),
      };
    },
  };
  return client;
}

/** Any success or failure value as a ZafResponse; `fallbackStatus` when it carries no status. */
export function normaliseResponse(value: unknown, fallbackStatus: number): ZafResponse {
  if (value instanceof Error) return { status: 0, responseJSON: null, responseText: value.message, headers: {} };
  if (value === null || typeof value !== 'object') {
    return { status: fallbackStatus, responseJSON: value ?? null, responseText: typeof value === 'string' ? value : '', headers: {} };
  }
  const v = value as Record<string, unknown>;
  const hasShape = 'status' in v || 'responseJSON' in v || 'responseText' in v;
  if (!hasShape) {
    // A bare body (the SDK without httpCompleteResponse would resolve with it).
    return { status: fallbackStatus, responseJSON: value, responseText: safeStringify(value), headers: {} };
  }
  const status = Number(v.status);
  const responseText = typeof v.responseText === 'string' ? v.responseText : '';
  let responseJSON: unknown = v.responseJSON;
  if (responseJSON === undefined) {
    responseJSON = null;
    if (responseText) {
      try {
        responseJSON = JSON.parse(responseText);
      } catch {
        responseJSON = null;
      }
    }
  }
  return {
    status: Number.isInteger(status) && status >= 0 ? status : fallbackStatus,
    responseJSON,
    responseText,
    headers: normaliseHeaders(v.headers ?? v.responseHeaders),
  };
}

function normaliseHeaders(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (typeof h === 'string') {
    // The raw "name: value\r\n" block of XMLHttpRequest.getAllResponseHeaders().
    for (const line of h.split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    return out;
  }
  if (typeof (h as { forEach?: unknown }).forEach === 'function' && typeof (h as { get?: unknown }).get === 'function') {
    (h as Headers).forEach((value, name) => (out[name.toLowerCase()] = value));
    return out;
  }
  if (typeof h === 'object') {
    for (const [k, val] of Object.entries(h as Record<string, unknown>)) {
      if (val === undefined || val === null) continue;
      out[k.toLowerCase()] = Array.isArray(val) ? val.map(String).join(', ') : String(val);
    }
  }
  return out;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
