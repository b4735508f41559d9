// The only place that talks to client.request: retries, Retry-After, unknown outcomes.
import type { Clock } from '../domain/clock';
import { ZendeskError } from './errors';
import type { ZafClient, ZafResponse } from './zaf';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  maxAttempts: number;
  /** First backoff for 5xx/network; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Retry-After when Zendesk gives none. */
  defaultRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 30000,
  defaultRetryAfterMs: 10000,
};

export interface WriteOptions<T> {
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

  constructor(
    private readonly client: ZafClient,
    private readonly clock: Clock,
    private readonly policy: RetryPolicy = DEFAULT_RETRY,
    private readonly events: TransportEvents = {},
  ) {}

  async get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path, undefined, {});
  }

  async write<T>(method: Exclude<Method, 'GET'>, path: string, body: unknown, options: WriteOptions<T> = {}): Promise<T> {
    return this.send<T>(method, path, body, options);
  }

  private async send<T>(method: Method, path: string, body: unknown, options: WriteOptions<T>): Promise<T> {
    let attempt = 0;
    for (;;) {
      attempt++;
      try {
        const res = await this.client.request({
          url: path,
          type: method,
          httpCompleteResponse: true,
          ...(body === undefined ? {} : { contentType: 'application/json' as const, data: JSON.stringify(body) }),
        });
        if (res.status === 0 || res.status >= 400) throw toError(res, method, path);
        if (this.troubled) {
          this.troubled = false;
          this.events.onRecovered?.();
        }
        return res.responseJSON as T;
      } catch (raw) {
        const err = raw instanceof ZendeskError ? raw : toError(raw, method, path);
        if (!err.transient || attempt >= this.policy.maxAttempts) throw err;
        const wait = err.status === 429 ? retryAfterMs(raw, this.policy.defaultRetryAfterMs) : this.backoff(attempt);
        this.troubled = true;
        this.events.onTrouble?.(err, wait);
        await this.clock.sleep(wait);
        if (method !== 'GET' && err.outcomeUnknown && options.verify) {
          const done = await options.verify();
          if (done !== null) return done;
        }
      }
    }
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

function retryAfterMs(raw: unknown, fallback: number): number {
  if (!isResponse(raw)) return fallback;
  const h = raw.headers ?? {};
  const v = h['retry-after'] ?? h['Retry-After'];
  const s = v === undefined ? NaN : Number(v);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : fallback;
}
