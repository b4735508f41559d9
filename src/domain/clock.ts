/** Time as the app sees it. The real one is Date/setTimeout; the simulator's is virtual. */
export interface Clock {
  nowMs(): number;
  /** Resolves after `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
}
