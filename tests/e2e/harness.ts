// A tiny end-to-end test harness: cases are plain async functions that get a fresh browser
// page already on the playground, plus a few waiting helpers (playwright-core has no
// `expect`). The runner is ./run.ts.
import type { Locator, Page } from 'playwright-core';

export interface E2EContext {
  page: Page;
  baseUrl: string;
  /** console.error messages and uncaught page errors seen so far in this case. */
  consoleErrors: string[];
}

export interface E2ECase {
  name: string;
  run(t: E2EContext): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** Polls `check` until it returns a truthy value; fails with `what` and the last value seen. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T> | T,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await check();
      if (last) return last as NonNullable<T>;
    } catch (err) {
      last = err instanceof Error ? err.message : err;
    }
    if (Date.now() > until) throw new AssertionError(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${short(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** Waits until the locator is visible. */
export async function visible(locator: Locator, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new AssertionError(`timed out after ${timeoutMs} ms waiting for ${what} to be visible`);
  }
  return locator.first();
}

/** Waits until the locator's text contains `text`. */
export async function hasText(locator: Locator, text: string, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  let seen = '(nothing)';
  try {
    await waitFor(`${what} to contain ${JSON.stringify(text)}`, async () => {
      const all = await locator.allInnerTexts();
      seen = all.join(' | ') || '(nothing)';
      return all.some((s) => s.includes(text));
    }, timeoutMs);
  } catch {
    throw new AssertionError(`timed out after ${timeoutMs} ms waiting for ${what} to contain ${JSON.stringify(text)} (last: ${short(seen)})`);
  }
}
