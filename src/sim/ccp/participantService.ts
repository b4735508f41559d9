// The Amazon Connect Participant Service as ChatJS reaches it from the agent's page: the HTTP
// API of its reference (CreateParticipantConnection, GetTranscript, SendMessage, SendEvent,
// DisconnectParticipant), answered from the simulated agent's chats. ChatJS 5 calls it through
// the AWS SDK v3 fetch handler, so this is the page's `fetch`; anything else is a network error.
import type { ConnectAgentSim } from './connectAgent';

const JSON_TYPE = { 'content-type': 'application/json' };

export function participantServiceFetch(agent: ConnectAgentSim, win: Window & typeof globalThis): typeof fetch {
  const w = win as unknown as Record<string, unknown>;
  // The SDK builds its requests with the page's Request/Headers, which jsdom does not have.
  w.Request = Request;
  w.Response = Response;
  w.Headers = Headers;
  w.AbortController = AbortController;
  w.ReadableStream = ReadableStream;
  w.TextEncoder = TextEncoder;
  w.TextDecoder = TextDecoder;
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(req.url);
    if (!/^participant\.connect\.[a-z0-9-]+\.amazonaws\.com$/.test(url.hostname)) throw new TypeError('Failed to fetch');
    const bearer = req.headers.get('x-amz-bearer') ?? '';
    const body = (await req.text()) || '{}';
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return error(400, 'ValidationException', 'The request body is not JSON.');
    }
    switch (url.pathname) {
      case '/participant/connection':
        if (!agent.transcriptItems(bearer)) return error(403, 'AccessDeniedException', 'The participant token is not valid.');
        return ok({
          ConnectionCredentials: { ConnectionToken: bearer, Expiry: new Date(agent.nowMs() + 12 * 3600_000).toISOString() },
          Websocket: { Url: 'wss://sim.invalid/chat', ConnectionExpiry: new Date(agent.nowMs() + 2 * 3600_000).toISOString() },
        });
      case '/participant/transcript':
        return transcript(agent, bearer, params);
      case '/participant/message':
      case '/participant/event':
        if (!agent.transcriptItems(bearer)) return error(403, 'AccessDeniedException', 'The connection token is not valid.');
        return ok({ Id: `sim-${Math.random().toString(36).slice(2)}`, AbsoluteTime: new Date(agent.nowMs()).toISOString() });
      case '/participant/disconnect':
        return ok({});
      default:
        return error(404, 'ResourceNotFoundException', `No such operation: ${url.pathname}`);
    }
  };
}

/**
 * GetTranscript: ScanDirection BACKWARD (the default) starts from the newest message, FORWARD
 * from the oldest; SortOrder orders the page; MaxResults defaults to 15, at most 100; NextToken
 * continues the scan.
 */
function transcript(agent: ConnectAgentSim, bearer: string, p: Record<string, unknown>): Response {
  const items = agent.transcriptItems(bearer);
  if (!items) return error(403, 'AccessDeniedException', 'The connection token is not valid.');
  const max = p.MaxResults === undefined ? 15 : Number(p.MaxResults);
  if (!Number.isInteger(max) || max < 0 || max > 100) return error(400, 'ValidationException', 'MaxResults must be between 0 and 100.');
  const forward = p.ScanDirection === 'FORWARD';
  const scan = forward ? items : [...items].reverse();
  const start = typeof p.NextToken === 'string' && p.NextToken ? Number(p.NextToken) : 0;
  if (!Number.isInteger(start) || start < 0) return error(400, 'ValidationException', 'NextToken is not valid.');
  const page = scan.slice(start, start + max);
  const ascending = p.SortOrder !== 'DESCENDING';
  const timeOf = (i: Record<string, unknown>) => Date.parse(String(i.AbsoluteTime));
  page.sort((a, b) => (ascending ? timeOf(a) - timeOf(b) : timeOf(b) - timeOf(a)));
  const next = start + max < scan.length ? String(start + max) : undefined;
  const first = items[0];
  return ok({ InitialContactId: first?.InitialContactId ?? null, Transcript: page, ...(next ? { NextToken: next } : {}) });
}

function ok(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: JSON_TYPE });
}

function error(status: number, type: string, message: string): Response {
  return new Response(JSON.stringify({ message }), { status, headers: { ...JSON_TYPE, 'x-amzn-errortype': type } });
}
