// Injected faults: the next `times` matching requests fail with the given status.

import { json } from './http';
import type { HttpMethod, ZendeskFault, ZendeskResponse } from './types';

interface ArmedFault {
  fault: ZendeskFault;
  prefix: string;
  left: number;
}

export class FaultQueue {
  private armed: ArmedFault[] = [];

  inject(fault: ZendeskFault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fault times must be a positive integer, got ${String(fault.times)}`);
    if (fault.status !== 'hang' && (!Number.isInteger(fault.status) || fault.status < 0 || fault.status > 599)) {
      throw new Error(`fault status must be 0, "hang" or an HTTP status, got ${String(fault.status)}`);
    }
    const prefix = fault.path.split('?')[0] ?? fault.path;
    this.armed.push({ fault: { ...fault }, prefix, left: times });
  }

  /** Consumes one use of the first fault armed for this request, if any. */
  take(method: HttpMethod, path: string): ZendeskFault | undefined {
    const i = this.armed.findIndex(
      (a) =>
        (a.fault.method === undefined || a.fault.method === '*' || a.fault.method.toUpperCase() === method) &&
        path.startsWith(a.prefix),
    );
    if (i < 0) return undefined;
    const a = this.armed[i]!;
    a.left--;
    if (a.left <= 0) this.armed.splice(i, 1);
    return a.fault;
  }

  /** Uses still armed, over all faults. */
  pending(): number {
    return this.armed.reduce((n, a) => n + a.left, 0);
  }

  clear(): void {
    this.armed = [];
  }
}

const BODIES: Record<number, { error: string; description: string }> = {
  400: { error: 'InvalidValue', description: 'Bad request' },
  401: { error: "Couldn't authenticate you", description: 'Unauthorized' },
  403: {
    error: 'Forbidden',
    description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.',
  },
  404: { error: 'RecordNotFound', description: 'Not found' },
  409: { error: 'UpdateConflict', description: 'The resource was updated by another request. Please try again.' },
  422: { error: 'RecordInvalid', description: 'Record validation errors' },
  429: { error: 'TooManyRequests', description: 'You have exceeded the rate limit. Please try again later.' },
  500: { error: 'InternalServerError', description: 'Something went wrong on our side.' },
  502: { error: 'BadGateway', description: 'Bad gateway' },
  503: { error: 'ServiceUnavailable', description: 'The service is temporarily unavailable. Please try again later.' },
  504: { error: 'GatewayTimeout', description: 'The request timed out.' },
};

/**
 * The answer of a fault. `real` is what Zendesk would have answered (for a delayed or odd-bodied
 * success, and for after_write). Zendesk's 429 carries Retry-After in seconds unless the fault
 * says otherwise (null: no header at all).
 */
export function faultResponse(f: ZendeskFault, real: ZendeskResponse | null = null): ZendeskResponse {
  const extra = { ...(f.delay_ms !== undefined ? { delayMs: f.delay_ms } : {}) };
  if (f.status === 'hang') return { status: 0, body: null, headers: {}, hang: true };
  if (f.status === 0) return { status: 0, body: null, headers: {}, ...extra };
  const headers: Record<string, string> = {};
  if (f.retry_after !== null && (f.status === 429 || f.retry_after !== undefined)) headers['Retry-After'] = String(f.retry_after ?? 60);
  if (f.body !== undefined) {
    headers['Content-Type'] = f.content_type ?? 'text/html; charset=utf-8';
    return { status: f.status, body: null, headers, rawText: f.body, ...extra };
  }
  if (f.status < 400 && real) return { ...real, headers: { ...real.headers, ...headers }, ...extra };
  const body = BODIES[f.status] ?? (f.status >= 500 ? BODIES[503]! : { error: 'Error', description: `HTTP ${f.status}` });
  return { ...json(f.status, { ...body }, headers), ...extra };
}
