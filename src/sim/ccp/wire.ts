// The names and envelopes of the messages the CCP iframe and Streams exchange over postMessage,
// as amazon-connect-streams 2.x defines them (src/event.js: EventType, AgentEvents,
// ContactEvents, WebSocketEvents; src/event.js EventFactory for request/response envelopes).
// Only the simulated CCP uses these; the app never sees them.

export const Wire = {
  ACKNOWLEDGE: 'acknowledge',
  SYNCHRONIZE: 'synchronize',
  CONFIGURE: 'configure',
  API_REQUEST: 'api_request',
  API_RESPONSE: 'api_response',
  MASTER_REQUEST: 'master_request',
  MASTER_RESPONSE: 'master_response',
  BROADCAST: 'broadcast',
  TERMINATE: 'terminate',
  TERMINATED: 'terminated',
  AUTH_FAIL: 'auth_fail',
  ACCESS_DENIED: 'access_denied',
  AGENT_UPDATE: 'agent::update',
  CONTACT_VIEW: 'contact::view',
  CONTACT_ACCEPTED: 'contact::accepted',
  WS_SUBSCRIBE: 'webSocket::subscribe',
  WS_SUBSCRIPTION_UPDATE: 'webSocket::subscription_update',
  WS_ALL_MESSAGE: 'webSocket::all_message',
  WS_SEND: 'webSocket::send',
  WS_CONNECTION_GAIN: 'webSocket::connection_gain',
} as const;

/** Every message on the wire: `{event, data}` (streams.js Conduit.sendUpstream/sendDownstream). */
export interface WireMessage {
  event: string;
  data?: unknown;
}

/** EventFactory.createRequest. */
export interface WireRequest {
  event: string;
  requestId: string;
  method: string;
  params: Record<string, unknown>;
}

/** EventFactory.createResponse: `err` is the JSON text of the failure (worker.js handleAPIRequest). */
export interface WireResponse {
  event: string;
  requestId: string;
  data: unknown;
  err: string | null;
}

/** A failure as Connect's API answers it, before the worker turns it into JSON text. */
export interface ApiFailure {
  type: string;
  message: string;
  status?: number;
}

export type ApiResult = { ok: true; data: unknown } | { ok: false; err: ApiFailure; data?: unknown };
