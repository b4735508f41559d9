// Small zod helpers shared by the scenario schema and the expect schema (browser-safe).
import { z } from 'zod';

/** A JSON value, as it came out of JSON.parse. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const jsonSchema: z.ZodType<Json> = z.json() as unknown as z.ZodType<Json>;
/** Any JSON value. */
export const anyJson = (): z.ZodType<Json> => jsonSchema;

/** Edit distance (optimal string alignment), for "did you mean" hints. */
function distance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name closest to `name`, if it is close enough to be a likely typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dd = k.toLowerCase() === name.toLowerCase() ? 0 : distance(name.toLowerCase(), k.toLowerCase());
    if (dd < bestD) {
      bestD = dd;
      best = k;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  return bestD <= limit ? best : undefined;
}

export function unknownFieldMessage(key: string, known: readonly string[], noun = 'field'): string {
  const guess = closest(key, known);
  return guess ? `unknown ${noun} (did you mean "${guess}"?)` : `unknown ${noun}`;
}

/**
 * z.strictObject whose "unrecognized keys" issue carries a readable message about the FIRST
 * unknown key (the loader points the path at that key).
 */
export function strict<T extends z.core.$ZodLooseShape>(shape: T, noun = 'field', known?: readonly string[]) {
  const names = known ?? Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? unknownFieldMessage(String(iss.keys[0]), names, noun) : undefined),
  });
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flattens intersections for readable hover types. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};
