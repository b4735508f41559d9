// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { initZafClient, normaliseResponse, wrapZafClient } from '../../src/zendesk/zafClient';

function rawClient(request: (o: Record<string, unknown>) => Promise<unknown>) {
  const calls: Record<string, unknown>[] = [];
  const triggered: [string, string, unknown][] = [];
  const raw = {
    request: (o: Record<string, unknown>) => {
      calls.push(o);
      return request(o);
    },
    get: async (path: string | string[]) => ({ [String(path)]: 1 }),
    metadata: async () => ({ settings: {} }),
    context: async () => ({ location: 'top_bar' }),
    invoke: async () => undefined,
    on: () => undefined,
    trigger: () => undefined,
    instance: (guid: string) => ({ invoke: async () => undefined, trigger: (e: string, p: unknown) => void triggered.push([guid, e, p]) }),
  };
  return { raw, calls, triggered };
}

const g = globalThis as { ZAFClient?: unknown };
afterEach(() => delete g.ZAFClient);

describe('initZafClient', () => {
  it('is null outside Zendesk: no SDK, or init() gives false', () => {
    expect(initZafClient()).toBeNull();
    g.ZAFClient = { init: () => false };
    expect(initZafClient()).toBeNull();
  });

  it('wraps the SDK client when Zendesk is there', () => {
    g.ZAFClient = { init: () => rawClient(async () => ({ status: 200, responseJSON: {}, responseText: '{}', headers: {} })).raw };
    expect(initZafClient()).not.toBeNull();
  });
});

describe('request', () => {
  it('always asks for the complete response and passes JSON bodies', async () => {
    const { raw, calls } = rawClient(async () => ({ status: 201, responseJSON: { ticket: { id: 5 } }, responseText: '{"ticket":{"id":5}}', headers: { 'Content-Type': 'application/json' } }));
    const zaf = wrapZafClient(raw);
    const res = await zaf.request({ url: '/api/v2/tickets.json', type: 'POST', contentType: 'application/json', data: '{"ticket":{}}', httpCompleteResponse: true, autoRetry: false, timeout: 30000 });
    expect(calls[0]).toEqual({ url: '/api/v2/tickets.json', type: 'POST', contentType: 'application/json', data: '{"ticket":{}}', httpCompleteResponse: true, autoRetry: false, timeout: 30000 });
    expect(res).toEqual({ status: 201, responseJSON: { ticket: { id: 5 } }, responseText: '{"ticket":{"id":5}}', headers: { 'content-type': 'application/json' } });
  });

  it('rejects with {status, responseJSON, responseText, headers}, lower-case header names', async () => {
    const { raw } = rawClient(async () => {
      throw { status: 429, responseText: '{"error":"TooManyRequests"}', headers: { 'Retry-After': '7' } };
    });
    const err = await wrapZafClient(raw).request({ url: '/api/v2/users.json', type: 'GET', httpCompleteResponse: true, autoRetry: false, timeout: 30000 }).catch((e: unknown) => e);
    expect(err).toEqual({ status: 429, responseJSON: { error: 'TooManyRequests' }, responseText: '{"error":"TooManyRequests"}', headers: { 'retry-after': '7' } });
  });

  it('turns an Error or an empty rejection into status 0 (no HTTP answer)', async () => {
    for (const thrown of [new Error('Invocation request timeout'), undefined]) {
      const { raw } = rawClient(async () => {
        throw thrown;
      });
      const err = (await wrapZafClient(raw).request({ url: '/x', type: 'GET', httpCompleteResponse: true, autoRetry: false, timeout: 30000 }).catch((e: unknown) => e)) as { status: number };
      expect(err.status).toBe(0);
    }
  });

  it('treats an error status that arrives as a resolution as a rejection', async () => {
    const { raw } = rawClient(async () => ({ status: 404, responseJSON: { error: 'RecordNotFound' }, responseText: '', headers: {} }));
    await expect(wrapZafClient(raw).request({ url: '/x', type: 'GET', httpCompleteResponse: true, autoRetry: false, timeout: 30000 })).rejects.toMatchObject({ status: 404 });
  });
});

describe('normaliseResponse', () => {
  it('reads raw header blocks', () => {
    expect(normaliseResponse({ status: 503, responseText: '', headers: 'Retry-After: 30\r\nX-Thing: a' }, 0).headers).toEqual({ 'retry-after': '30', 'x-thing': 'a' });
  });
});

describe('instance messaging', () => {
  it('reaches another instance by guid', () => {
    const { raw, triggered } = rawClient(async () => ({}));
    wrapZafClient(raw).instance('g-1').trigger('acz.viewing', { kind: 'ticket', id: 5 });
    expect(triggered).toEqual([['g-1', 'acz.viewing', { kind: 'ticket', id: 5 }]]);
  });
});
