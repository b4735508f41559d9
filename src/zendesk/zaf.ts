// A typed face of the Zendesk Apps Framework client: only the calls this app makes.
// No public typings exist; the real one is created in zafClient.ts around ZAFClient.init().

export interface ZafRequestOptions {
  url: string;
  type: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  contentType?: 'application/json';
  /** JSON text for writes. */
  data?: string;
  /** Always true here, so that status and headers (Retry-After) are visible. */
  httpCompleteResponse: true;
  /** Always false: the app's transport is the one retry policy (ZAF would retry 429s under it). */
  autoRetry: false;
  /** Milliseconds after which ZAF gives up on the request and rejects it. */
  timeout: number;
}

export interface ZafResponse {
  status: number;
  responseJSON: unknown;
  responseText: string;
  headers: Record<string, string>;
}

/** ZAF rejects a request with this shape on non-2xx; status 0 is a network failure. */
export type ZafRequestError = ZafResponse;

export interface ZafCurrentUser {
  id: number;
  name: string;
  email: string;
  role: string;
  locale: string;
}

export interface ZafContext {
  location: 'top_bar' | 'background' | 'ticket_sidebar' | 'user_sidebar' | 'nav_bar' | string;
  instanceGuid: string;
  ticketId?: number;
  userId?: number;
}

export interface ZafMetadata {
  appId: number;
  installationId: number;
  settings: Record<string, unknown>;
}

export type ZafHandler = (payload: unknown) => void;

export interface ZafInstance {
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  trigger(event: string, payload?: unknown): void;
}

export interface ZafClient {
  request(options: ZafRequestOptions): Promise<ZafResponse>;
  get(path: 'currentUser'): Promise<{ currentUser: ZafCurrentUser }>;
  get(path: 'instances'): Promise<{ instances: Record<string, { location: string }> }>;
  get(path: string): Promise<Record<string, unknown>>;
  metadata(): Promise<ZafMetadata>;
  context(): Promise<ZafContext>;
  invoke(name: 'routeTo', kind: 'ticket' | 'user', id: number): Promise<unknown>;
  invoke(name: 'notify', text: string, kind: 'notice' | 'alert' | 'error', options?: { sticky?: boolean }): Promise<unknown>;
  invoke(name: 'popover', action: 'show' | 'hide' | { width: number; height: number }): Promise<unknown>;
  invoke(name: 'resize', size: { width: string; height: string }): Promise<unknown>;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
  on(event: string, handler: ZafHandler): void;
  off?(event: string, handler: ZafHandler): void;
  trigger(event: string, payload?: unknown): void;
  instance(guid: string): ZafInstance;
}
