// A clock the in-memory Zendesk tests move by hand.
export const START = Date.parse('2026-01-05T09:00:00Z');

export class TestClock {
  t = START;
  nowMs(): number {
    return this.t;
  }
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
}
