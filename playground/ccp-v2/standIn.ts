// The playground's stand-in for the Amazon Connect CCP page: the page Streams' own iframe loads
// when the top bar calls initCCP with the playground's ccpUrl (http://localhost:<port>/ccp-v2/).
// Like the real CCP page it speaks Streams' postMessage protocol with its parent window (the
// simulated Zendesk tab), and the Amazon Connect SDK's channel over a MessagePort; what it says
// comes from a CcpFrame of the agent's simulated Connect, which lives in the playground window
// (the frame is made there too, over this page's link).
// It shows the agent what Connect reports (the agent's state, the contacts); picking a contact
// here is the CCP's own contact switch, which every frame of the agent hears of.
import type { FrameLink, SdkMessage } from '../../src/sim/ccp/ccpFrame';
import type { SimContactSummary } from '../../src/sim/ccp/connectAgent';
import { Wire, type WireMessage } from '../../src/sim/ccp/wire';
import { findHost, type CcpBinding } from '../standInHost';

/** postMessage with the parent, as a CCP page in an iframe has it. */
function parentLink(binding: CcpBinding, view: StandInView): FrameLink {
  const parent = window.parent;
  const post = (message: unknown, transfer: Transferable[] = []) => {
    try {
      parent.postMessage(message, '*', transfer);
    } catch {
      // The tab is going away.
    }
  };
  return {
    post(message) {
      view.sent(message);
      post(message);
    },
    listen(handler) {
      window.addEventListener('message', (ev: MessageEvent) => {
        // Streams' messages come from the window that framed us; anything else is not for the CCP.
        if (ev.source !== parent) return;
        binding.heard();
        handler(ev.data as WireMessage);
      });
    },
    openSdkChannel(onMessage) {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = (ev: MessageEvent) => {
        binding.heard();
        // The site proxy took our origin as the instance's: the SDK channel is up.
        if ((ev.data as SdkMessage | null)?.type === 'cross-domain-site-ready') view.root.dataset.sdk = 'ready';
        onMessage(ev.data as SdkMessage);
      };
      post({ type: 'cross-domain-adapter-init' }, [port2]);
      return (message) => port1.postMessage(message);
    },
  };
}

const STATE_LABEL: Record<string, string> = {
  incoming: 'Incoming callback',
  connecting: 'Incoming',
  connected: 'Connected',
  missed: 'Missed',
  error: 'Failed',
  ended: 'After contact work',
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class StandInView {
  private agentState: string;
  private scheduled = false;

  constructor(
    readonly root: HTMLElement,
    private readonly binding: CcpBinding,
  ) {
    this.agentState = binding.options.silent ? 'Not answering' : 'Signing in…';
  }

  /** What this page told Streams: the agent's state comes with each agent update. */
  sent(message: WireMessage): void {
    if (message.event === Wire.AGENT_UPDATE) {
      const state = (message.data as { snapshot?: { state?: { name?: unknown } } } | undefined)?.snapshot?.state?.name;
      if (typeof state === 'string') this.agentState = state;
    } else if (message.event === Wire.AUTH_FAIL) {
      this.agentState = 'Signed out';
    } else if (message.event === Wire.ACCESS_DENIED) {
      this.agentState = 'Access denied';
    }
    this.schedule();
  }

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.render();
    });
  }

  render(): void {
    const { agent } = this.binding;
    const contacts = agent.contactSummaries();
    const head = el('header', 'head');
    const state = el('span', 'agent-state', this.agentState);
    state.dataset.testid = 'stand-in-agent-state';
    head.append(el('strong', '', agent.agentName), state);
    const list = el('ul', 'contacts');
    list.setAttribute('aria-label', 'Contacts');
    if (contacts.length === 0) list.append(el('li', 'none', 'No contacts'));
    for (const c of contacts) list.append(this.row(c));
    const foot = el('p', 'foot', `Playground stand-in for the Amazon Connect CCP (${location.origin}${location.pathname}), framed by Streams' initCCP.`);
    this.root.replaceChildren(head, list, foot);
  }

  private row(c: SimContactSummary): HTMLLIElement {
    const li = el('li', '');
    const b = el('button', `contact state-${c.state}`);
    b.type = 'button';
    b.dataset.testid = `stand-in-contact-${c.id}`;
    b.dataset.state = c.state;
    b.title = 'Show this contact (the CCP switches to it, and so does the app)';
    const who = c.customer ?? (c.channel === 'voice' ? 'Anonymous' : c.channel);
    const state = c.state === 'connecting' && c.initiation === 'outbound' ? 'Dialling' : (STATE_LABEL[c.state] ?? c.state);
    const status = `${state}${c.onHold ? ' · on hold' : ''}${c.channel === 'chat' ? ` · ${c.messages} messages` : ''}`;
    b.append(el('span', 'channel', c.channel), el('span', 'who', who), el('span', 'queue', c.queue ?? ''), el('span', 'status', status));
    b.addEventListener('click', () => this.binding.agent.viewContact(c.id));
    li.append(b);
    return li;
  }
}

function start(): void {
  const root = document.getElementById('ccp') as HTMLElement;
  const binding = window.parent !== window ? findHost(window)?.ccpFor(window.parent) : null;
  if (!binding) {
    // Streams opens the CCP's address in a pop-up for the agent to sign in.
    root.textContent = window.opener
      ? "The playground's stand-in for Amazon Connect's sign-in page. The agent signs in when the playground's CCP page is set to answer."
      : "The playground's stand-in for the Amazon Connect CCP: Streams frames it inside the playground (npm start).";
    root.dataset.alone = 'yes';
    return;
  }
  const view = new StandInView(root, binding);
  const frame = binding.open(parentLink(binding, view));
  // A reload or a closed tab: the agent's Connect stops talking to this page.
  window.addEventListener('pagehide', () => frame.close());
  view.render();
}

start();
