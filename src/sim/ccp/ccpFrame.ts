// The page inside the CCP iframe, as Streams sees it from the parent window: it acknowledges,
// answers SYNCHRONIZE, takes CONFIGURE, relays API and master requests to the agent's worker and
// their answers back, re-broadcasts BROADCAST to every frame of the agent, and passes the worker's
// `agent::update` and websocket traffic down. What the real CCP page does (core.js
// initSharedWorker: all upstream passed downstream, all downstream passed upstream; worker.js:
// SYNCHRONIZE -> ACKNOWLEDGE, ACKNOWLEDGE {id} on connect, handleAPIRequest, handleMasterRequest).
// The same code serves the jsdom pages of the simulator and the playground's CCP stand-in page.
import type { CcpPort, ConnectAgentSim } from './connectAgent';
import type { WireMessage, WireRequest, WireResponse } from './wire';
import { Wire } from './wire';

/** How the frame talks to its parent window: postMessage out, message events in. */
export interface FrameLink {
  post(message: WireMessage): void;
  listen(handler: (message: WireMessage) => void): void;
  /**
   * Opens the Amazon Connect SDK channel: the CCP posts `cross-domain-adapter-init` to the parent
   * with a MessagePort, and SDK requests (contact/getInstanceDetails...) travel on that port.
   */
  openSdkChannel?(onMessage: (message: SdkMessage) => void): (message: SdkMessage) => void;
}

/** A message of the Amazon Connect SDK's cross-domain protocol (@amazon-connect/core, site proxy). */
export interface SdkMessage {
  type: string;
  [key: string]: unknown;
}

export interface CcpFrameOptions {
  /** A CCP that never answers (not allowed in this origin, or down): nothing is sent. */
  silent?: boolean;
  /** The agent is not signed in: the worker reports auth_fail instead of agent data. */
  signedOut?: boolean;
  /** The signed-in user may not use the CCP: the worker reports access_denied instead of agent data. */
  accessDenied?: boolean;
}

export class CcpFrame implements CcpPort {
  readonly id: string;
  private configured = false;
  private closed = false;

  constructor(
    private readonly agent: ConnectAgentSim,
    private readonly link: FrameLink,
    private readonly options: CcpFrameOptions = {},
  ) {
    // The worker numbers its ports (each stand-in page may load its own copy of this module).
    this.id = agent.newPortId();
    if (options.silent) return;
    agent.attach(this);
    link.listen((m) => this.receive(m));
    // The worker greets each new port with its id (worker.js onconnect).
    this.send(Wire.ACKNOWLEDGE, { id: this.id });
    if (link.openSdkChannel) {
      const reply = link.openSdkChannel((m) => this.sdk(m, reply));
    }
  }

  /** The SDK channel: the site says ready, the CCP acknowledges, then answers requests. */
  private sdk(m: SdkMessage, reply: (m: SdkMessage) => void): void {
    if (this.closed) return;
    if (m.type === 'cross-domain-site-ready') {
      // healthCheckInterval 0: the site runs no health checks on this channel.
      reply({ type: 'acknowledge', connectionId: `${this.id}-sdk`, status: 'ready', healthCheckInterval: 0 });
      return;
    }
    if (m.type !== 'request') return;
    const { namespace, command, requestId } = m;
    const base = { type: 'response', namespace, command, requestId };
    const data = this.agent.handleSdk(String(namespace), String(command), (m.data ?? {}) as Record<string, unknown>);
    if (data === undefined) {
      reply({ ...base, isError: true, errorKey: 'unsupportedCommand', reason: `No handler for ${String(command)}`, details: { command } });
    } else {
      reply({ ...base, isError: false, data });
    }
  }

  send(event: string, data?: unknown): void {
    if (this.closed) return;
    this.link.post(data === undefined ? { event } : { event, data });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.agent.detach(this.id);
  }

  private receive(m: WireMessage): void {
    if (this.closed || !m || typeof m.event !== 'string') return;
    switch (m.event) {
      case Wire.SYNCHRONIZE:
        this.send(Wire.ACKNOWLEDGE);
        return;
      case Wire.CONFIGURE:
        if (this.options.signedOut) {
          this.send(Wire.AUTH_FAIL, {});
          return;
        }
        if (this.options.accessDenied) {
          this.send(Wire.ACCESS_DENIED, {});
          return;
        }
        if (!this.configured) {
          this.configured = true;
          this.agent.pushUpdate(this);
        }
        return;
      case Wire.API_REQUEST: {
        const req = m.data as WireRequest;
        const res = this.agent.handleApi(this, req.method, req.params ?? {});
        const response: WireResponse = res.ok
          ? { event: Wire.API_RESPONSE, requestId: req.requestId, data: res.data, err: null }
          : { event: Wire.API_RESPONSE, requestId: req.requestId, data: res.data ?? null, err: JSON.stringify(res.err) };
        this.send(Wire.API_RESPONSE, response);
        return;
      }
      case Wire.MASTER_REQUEST: {
        const req = m.data as WireRequest;
        const data = this.agent.handleMaster(this.id, req.method, req.params ?? {});
        this.send(Wire.MASTER_RESPONSE, { event: Wire.MASTER_RESPONSE, requestId: req.requestId, data, err: null });
        return;
      }
      case Wire.BROADCAST: {
        const b = m.data as WireMessage;
        if (b && typeof b.event === 'string') this.agent.broadcast(b.event, b.data);
        return;
      }
      case Wire.WS_SUBSCRIBE: {
        const topics = Array.isArray(m.data) ? (m.data as unknown[]).map(String) : [];
        if (topics.includes('aws/chat')) this.agent.subscribeChat(this.id);
        this.send(Wire.WS_SUBSCRIPTION_UPDATE, { topics, connectionId: this.id });
        return;
      }
      case Wire.TERMINATE:
        this.send(Wire.TERMINATED);
        this.close();
        return;
      default:
        // Logs, metrics, iframe style, tab ids: the CCP takes them and answers nothing.
        return;
    }
  }
}
