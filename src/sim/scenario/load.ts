// Loads a scenario file's text into a normalised Scenario, or ONE clear error line:
//   `<file>: <json path>: <what is wrong>`      e.g. `a.json: steps[3].event: "acept" is not one of incoming, ...`
//   `<file>: line L column C: <what is wrong>`  for JSON syntax errors
// Browser-safe (used by the playground); the Node file reader is in ./loadFile.ts.
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './schema';
import { isPlainObject } from './strict';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

type Path = readonly PropertyKey[];
type Issue = z.core.$ZodIssue;

/** Parses and validates a scenario file's text. */
export function loadScenario(fileLabel: string, jsonText: string): LoadResult {
  const text = jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${fileLabel}: ${describeJsonError(text, e)}` };
  }
  return parseScenario(fileLabel, doc);
}

/** Validates an already parsed document (for example one edited in the playground). */
export function parseScenario(fileLabel: string, doc: unknown): LoadResult {
  const r = ScenarioSchema.safeParse(doc);
  if (r.success) return { ok: true, scenario: r.data };
  const problems = r.error.issues.map((iss) => describeIssue(iss, doc, []));
  problems.sort((a, b) => compareRank(rank(doc, a.path), rank(doc, b.path)));
  const first = problems[0];
  if (!first) return { ok: false, error: `${fileLabel}: not a valid scenario` };
  const where = formatPath(first.path);
  return { ok: false, error: where ? `${fileLabel}: ${where}: ${first.message}` : `${fileLabel}: ${first.message}` };
}

// ---------------------------------------------------------------------------------------
// Paths

/** `steps[3].event`, `zendesk.users[1].role`, `steps[0].attributes["my key"]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(seg))) out += out ? `.${String(seg)}` : String(seg);
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

function valueAt(doc: unknown, path: Path): { present: boolean; value: unknown } {
  let v = doc;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number' && seg < v.length) v = v[seg];
    else if (isPlainObject(v) && Object.hasOwn(v, String(seg))) v = v[String(seg)];
    else return { present: false, value: undefined };
  }
  return { present: true, value: v };
}

/** Position of a path in the document: key order as written, array indexes; missing keys last. */
function rank(doc: unknown, path: Path): number[] {
  const out: number[] = [];
  let v = doc;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') {
      out.push(seg);
      v = v[seg];
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      const k = keys.indexOf(String(seg));
      out.push(k < 0 ? keys.length : k);
      v = k < 0 ? undefined : v[String(seg)];
    } else {
      out.push(0);
      v = undefined;
    }
  }
  // A problem with a whole object or list (e.g. "needs exactly one of …") comes after the
  // problems of its own fields.
  if (isPlainObject(v)) out.push(Object.keys(v).length + 1);
  else if (Array.isArray(v)) out.push(v.length + 1);
  return out;
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------
// Messages

function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** How a value found in the document reads in a message. */
function got(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(clip(v));
  if (Array.isArray(v)) return v.length ? 'a list' : 'an empty list';
  if (isPlainObject(v)) return 'an object';
  return String(v);
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  bigint: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  tuple: 'a list',
  null: 'null',
};
const expectedName = (e: string) => EXPECTED[e] ?? e;

function optionName(v: unknown): string {
  return typeof v === 'string' && /^[\w.+-]+$/.test(v) ? v : JSON.stringify(v);
}

function orList(items: string[]): string {
  const u = [...new Set(items)];
  return u.length <= 1 ? (u[0] ?? '') : `${u.slice(0, -1).join(', ')} or ${u[u.length - 1]}`;
}

/** `"errors": 0` in an expect block: point to `errors_count`. */
function countHint(path: PropertyKey[], expected: string, value: unknown): string {
  const key = path[path.length - 1];
  if (path[0] !== 'expect' || path.length !== 2 || expected !== 'array' || typeof key !== 'string') return '';
  return typeof value === 'number' || isPlainObject(value) ? ` (to count them, write "${key}_count")` : '';
}

interface Problem {
  path: PropertyKey[];
  message: string;
}

function describeIssue(issue: Issue, doc: unknown, prefix: PropertyKey[]): Problem {
  const path = [...prefix, ...issue.path];
  const { present, value } = valueAt(doc, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      return { path: [...path, key], message: issue.message.startsWith('unknown') ? issue.message : 'unknown field' };
    }
    case 'invalid_type':
      if (!present) return { path, message: 'required field missing' };
      return { path, message: `expected ${expectedName(issue.expected)}, got ${got(value)}${countHint(path, issue.expected, value)}` };
    case 'invalid_value':
      if (issue.values.length === 1) return { path, message: `expected ${JSON.stringify(issue.values[0])}, got ${got(value)}` };
      return { path, message: `${got(value)} is not one of ${issue.values.map(optionName).join(', ')}` };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = Array.isArray(value) ? value.length : 0;
        return { path, message: `needs at least ${min} ${min === 1 ? 'entry' : 'entries'}, got ${n}` };
      }
      if (issue.origin === 'string') {
        return { path, message: min <= 1 ? 'must not be empty' : `must be at least ${min} characters long` };
      }
      return { path, message: `must be ${issue.inclusive ? 'at least' : 'more than'} ${min}, got ${got(value)}` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return { path, message: `has more than ${max} entries` };
      if (issue.origin === 'string') return { path, message: `must be at most ${max} characters long` };
      return { path, message: `must be ${issue.inclusive ? 'at most' : 'less than'} ${max}, got ${got(value)}` };
    }
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return { path, message: `expected an ISO 8601 UTC time like "2026-01-05T09:00:00Z", got ${got(value)}` };
      }
      if (issue.format === 'starts_with' && 'prefix' in issue) {
        return { path, message: `must start with ${JSON.stringify(issue.prefix)}, got ${got(value)}` };
      }
      return { path, message: `${issue.message}, got ${got(value)}` };
    case 'invalid_union': {
      // The branch whose type fits the value explains the problem best.
      const branches = issue.errors;
      const fitting = branches.find((b) => b.length && !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (fitting) {
        const inner = fitting.map((i) => describeIssue(i, doc, path));
        inner.sort((a, b) => compareRank(rank(doc, a.path), rank(doc, b.path)));
        return inner[0]!;
      }
      const expected = branches.flatMap((b) =>
        b.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => expectedName((i as { expected: string }).expected)),
      );
      if (!present) return { path, message: 'required field missing' };
      if (issue.message !== 'Invalid input') return { path, message: `${issue.message}, got ${got(value)}` };
      return { path, message: expected.length ? `expected ${orList(expected)}, got ${got(value)}` : issue.message };
    }
    default:
      return { path, message: issue.message };
  }
}

// ---------------------------------------------------------------------------------------
// JSON syntax errors, located independently of the JavaScript engine's wording.

class JsonSyntax {
  constructor(
    readonly pos: number,
    readonly message: string,
  ) {}
}

/** Finds the first syntax error of `text` (a tiny strict JSON scanner). */
export function findJsonSyntaxError(text: string): { pos: number; message: string } | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const found = (): string => {
    if (i >= text.length) return 'the end of the file';
    const c = text[i]!;
    if (c === '"') return 'a string';
    const word = /^[\w$.+-]+/.exec(text.slice(i, i + 30));
    return word ? JSON.stringify(word[0]) : JSON.stringify(c);
  };
  const fail = (message: string): never => {
    throw new JsonSyntax(i, message);
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('line break or control character inside a string (write it as \\n, \\t, …)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`invalid escape "\\${e ?? ''}" in a string`);
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') {
          fail(`expected a property name in double quotes, found ${found()}${text[i] === '}' ? ' (a comma too many?)' : ''}`);
        }
        string();
        ws();
        if (text[i] !== ':') fail(`expected ":" after the property name, found ${found()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected "," or "}" after a property value, found ${found()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('expected a value, found "]" (a comma too many?)');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected "," or "]" after a list item, found ${found()}`);
      }
    }
    if (c === '"') return string();
    const num = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    num.lastIndex = i;
    if (c !== undefined && /[-0-9]/.test(c) && num.test(text)) {
      i = num.lastIndex;
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i) && !/[\w$]/.test(text[i + lit.length] ?? '')) {
        i += lit.length;
        return;
      }
    }
    fail(`expected a value, found ${found()}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${found()} after the end of the JSON document`);
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntax) return { pos: e.pos, message: e.message };
    throw e;
  }
}

function describeJsonError(text: string, err: unknown): string {
  let located: { pos: number; message: string } | undefined;
  try {
    located = findJsonSyntaxError(text);
  } catch {
    located = undefined; // e.g. nesting too deep for the scanner: fall back to the engine's words
  }
  const raw = err instanceof Error ? err.message : String(err);
  const pos = located?.pos ?? Number(/position (\d+)/.exec(raw)?.[1] ?? NaN);
  const message = located?.message ?? `invalid JSON: ${raw}`;
  if (Number.isNaN(pos)) return message;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line} column ${column}: ${message}`;
}
