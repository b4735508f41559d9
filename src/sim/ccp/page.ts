// A simulated Zendesk tab's page, as the scenario runner needs it: the `connect` global of the
// real Streams bundle loaded in it, the container the top bar gives initCCP, and its closing.
// In Node it is a jsdom window (streamsPage.ts); the playground opens real browser frames.
import type { VirtualClock } from '../virtualClock';
import type { ConnectAgentSim } from './connectAgent';

export interface SimPage {
  readonly connect: typeof connect;
  readonly container: HTMLElement;
  /** Errors the libraries logged or threw inside the page (Streams swallows handler errors). */
  readonly pageErrors: string[];
  close(): void;
}

export interface PageRequest {
  clock: VirtualClock;
  /** The agent's simulated Connect (the CCP's shared worker). */
  agent: ConnectAgentSim;
  /** "agent#tab", for labels and logs. */
  label: string;
}

export type PageFactory = (request: PageRequest) => SimPage | Promise<SimPage>;
