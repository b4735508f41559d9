// The only place that talks to client.request: retries, Retry-After, unknown outcomes.
import type { Clock } from '../domain/clock';
import { ZendeskError } from './errors';
import { RateGate, type Priority } from './rateGate';
import type { ZafClient, ZafResponse } from './zaf';

export type { Priority } from './rateGate';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  maxAttempts: number;
  /** First backoff for 5xx/network/409; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wait after a 429 whose Retry-After is missing or unreadable. */
  defaultRetryAfterMs: number;
  /** Longest wait a Retry-After can ask for. */
  maxRetryAfterMs?: number;
  /** How long one request may take before it counts as lost. */
  requestTimeoutMs?: number;
}

/**
 * Zendesk's rate limits are counted per minute, so no honest Retry-After asks for more than a
 * minute or so: 120 s is the most a 429 can make a contact wait (a header of 1e9 seconds, or a
 * date far ahead, is taken as 120 s and tried again then).
 */
export const MAX_RETRY_AFTER_MS = 120_000;
/** A request Zendesk has not answered in 30 s is lost: ZAF rejects it, and writes are checked before they are repeated. */
export const REQUEST_TIMEOUT_MS = 30_000;

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 30000,
  defaultRetryAfterMs: 10000,
  maxRetryAfterMs: MAX_RETRY_AFTER_MS,
  requestTimeoutMs: REQUEST_TIMEOUT_MS,
};

export interface RequestOptions {
  /** What the request is for: a ringing contact's lookups go before ticket writes, and those before call details (rateGate.ts). */
  priority?: Priority;
}

export interface WriteOptions<T> extends RequestOptions {
  /**
   * Called after a write failed with an unknown outcome (5xx, network), before repeating it:
   * returns the record if the write did happen, so it is never applied twice.
   */
  verify?: () => Promise<T | null>;
}

export interface TransportEvents {
  /** Zendesk failed transiently and the app is waiting to try again. */
  onTrouble?(err: ZendeskError, retryInMs: number): void;
  /** A request succeeded after trouble. */
  onRecovered?(): void;
}

export class Transport {
  private troubled = false;
  private readonly gate: RateGate;

  constructor(
    private readonly client: ZafClient,
    private readonly clock: Clock,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly events: TransportEvents = {},
    /** Seeds the rate gate's jitter (differs per app instance; fixed in a replay). */
    seed: number = Math.floor(Math.random() * 2 ** 32),
  ) {
    this.gate = new RateGate(clock, seed);
  }

  async get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('GET', path, undefined, options);
  }

  async write<T>(method: Exclude<Method, 'GET'>, path: string, body: unknown, options: WriteOptions<T> = {}): Promise<T> {
    return this.send<T>(method, path, body, options);
  }

  private async send<T>(method: Method, path: string, body: unknown, options: WriteOptions<T>): Promise<T> {
    let attempt = 0;
    for (;;) {
      // Unless told: a read decides what the agent sees; a write puts a contact on its ticket.
      const release = await this.gate.admit(options.priority ?? (method === 'GET' ? 'pop' : 'ticket'));
      try {
        const res = await this.request(method, path, body);
        this.gate.observe(res, null);
        release();
        if (res.status === 0 || res.status >= 400) throw toError(res, method, path);
        // A success whose body is not Zendesk's JSON (a proxy's HTML page): no usable answer,
        // and a write's outcome is unknown.
        if (res.status !== 204 && (res.responseJSON === null || typeof res.responseJSON !== 'object')) {
          throw new ZendeskError(0, 'NotJson', `the answer (${res.status}) was not Zendesk's JSON`, method, path);
        }
        if (this.troubled) {
          this.troubled = false;
          this.events.onRecovered?.();
        }
        return res.responseJSON as T;
      } catch (raw) {
        const err = raw instanceof ZendeskError ? raw : toError(raw, method, path);
        // A 429 is a refusal, not a failure: the request did nothing and runs again when Zendesk
        // has room, however long the account stays full. Only other transient errors use up attempts.
        const limited = err.status === 429;
        const retryAfter = limited
          ? retryAfterMs(raw, this.clock.nowMs(), this.policy.defaultRetryAfterMs, this.policy.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS)
          : null;
        if (isResponse(raw)) this.gate.observe(raw, retryAfter);
        release();
        if (!limited) {
          attempt++;
          if (!err.transient || attempt >= this.policy.maxAttempts) throw err;
        }
        const wait = retryAfter ?? this.backoff(attempt);
        this.troubled = true;
        this.events.onTrouble?.(err, wait);
        // After a 429 the gate holds this instance's requests until Retry-After has passed.
        if (!limited) await this.clock.sleep(wait);
        if (method !== 'GET' && err.outcomeUnknown && options.verify) {
          const done = await options.verify();
          if (done !== null) return done;
        }
      }
    }
  }

  /**
   * One request with ZAF's own retries off and its time limit on. ZAF rejects a request that
   * runs out of time; should the framework itself never settle, the same limit (and a second
   * more) ends it here, as a lost answer.
   */
  private request(method: Method, path: string, body: unknown): Promise<ZafResponse> {
    const timeout = this.policy.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    const sent = this.client.request({
      url: path,
      type: method,
      httpCompleteResponse: true,
      autoRetry: false,
      timeout,
      ...(body === undefined ? {} : { contentType: 'application/json' as const, data: JSON.stringify(body) }),
    });
    let settled = false;
    const guard = this.clock.sleep(timeout + 1000).then(() => {
      if (!settled) throw new ZendeskError(0, 'Timeout', `no answer within ${Math.round(timeout / 1000)} s`, method, path);
      return new Promise<never>(() => undefined);
    });
    return Promise.race([
      sent.finally(() => {
        settled = true;
      }),
      guard,
    ]);
  }

  private backoff(attempt: number): number {
    return Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
  }
}

function isResponse(x: unknown): x is ZafResponse {
  return typeof x === 'object' && x !== null && 'status' in x && typeof (x as { status: unknown }).status === 'number';
}

function toError(raw: unknown, method: string, path: string): ZendeskError {
  if (!isResponse(raw)) return new ZendeskError(0, 'NetworkError', raw instanceof Error ? raw.message : '', method, path);
  const body = (raw.responseJSON ?? {}) as { error?: unknown; description?: unknown; details?: unknown };
  const code = typeof body.error === 'string' ? body.error : typeof body.error === 'object' && body.error ? JSON.stringify(body.error) : '';
  let description = typeof body.description === 'string' ? body.description : '';
  if (body.details && typeof body.details === 'object') {
    const parts = Object.values(body.details as Record<string, { description?: string }[]>)
      .flat()
      .map((d) => d?.description)
      .filter((d): d is string => typeof d === 'string');
    if (parts.length) description = parts.join('; ');
  }
  return new ZendeskError(raw.status, code, description, method, path);
}

/**
 * Retry-After as RFC 9110 gives it: delay-seconds or an HTTP-date. Missing, empty or unreadable
 * (a 429 rejected without headers, "abc"): the fallback. Never more than `cap`.
 */
export function retryAfterMs(raw: unknown, nowMs: number, fallback: number, cap: number): number {
  const h = isResponse(raw) ? raw.headers ?? {} : {};
  const v = (h['retry-after'] ?? h['Retry-After'] ?? '').trim();
  let ms = NaN;
  if (/^\d+(\.\d+)?$/.test(v)) ms = Number(v) * 1000;
  else if (v !== '' && /[a-z]/i.test(v)) {
    const at = Date.parse(v);
    if (Number.isFinite(at)) ms = Math.max(0, at - nowMs);
  }
  if (!Number.isFinite(ms)) ms = fallback;
  return Math.min(Math.max(0, ms), cap);
}
