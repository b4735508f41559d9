// What the playground's own pages ask of the playground window they run under: a simulated
// Zendesk tab's page (tab.html) and the CCP stand-in Streams frames in it (ccp-v2/). They are
// all of the playground's origin, so they reach it as `window.top[HOST_KEY]`.
import type { CcpFrame, CcpFrameOptions, FrameLink } from '../src/sim/ccp/ccpFrame';
import type { ConnectAgentSim } from '../src/sim/ccp/connectAgent';

export const HOST_KEY = '__aczPlayground';

/** The simulated Connect behind one tab's CCP iframe. */
export interface CcpBinding {
  agent: ConnectAgentSim;
  /** "agent#tab". */
  label: string;
  options: CcpFrameOptions;
  /**
   * The CCP's side of the wire over `link`, closed with the tab. It is made in the playground
   * window: its port id must be unique among the agent's frames, and each page would count from 1.
   */
  open(link: FrameLink): CcpFrame;
  /** A message went over the CCP iframe's wire (the playground waits for the wire to go quiet). */
  heard(): void;
}

export interface StandInHost {
  /** Called by tab.html before it loads the libraries: the page's time and fetch are set up. */
  prepareTab(tab: Window): void;
  /** Called by tab.html once Streams, ChatJS and TaskJS are on its `connect`. */
  tabReady(tab: Window): void;
  /** The binding of the tab page `tab` (the stand-in's parent); null: not a playground tab. */
  ccpFor(tab: Window): CcpBinding | null;
}

/** The playground window's host, seen from one of its frames; null when opened on its own. */
export function findHost(from: Window): StandInHost | null {
  try {
    const host = (from.top as unknown as Record<string, unknown> | null)?.[HOST_KEY];
    return (host as StandInHost | undefined) ?? null;
  } catch {
    // Another origin above us: not the playground.
    return null;
  }
}
