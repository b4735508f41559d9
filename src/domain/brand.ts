// Queue → brand mapping (administrator guide, "Brands and Queue Mapping").
//
// A mapping's queue pattern is one of:
//   - a plain queue name, compared case-insensitively after trimming;
//   - a wild card: "Sales *" (names starting with "Sales "), "* Sales" (ending with " Sales"),
//     "*Sales*" (containing "Sales"); the phrase between the stars is compared case-insensitively
//     and keeps its inner spaces;
//   - a regular expression "/source/flags", for advanced users, used with the flags as written
//     (add "i" to ignore case). Flags g, y and d are dropped (they do not change a match).
// An invalid wild card (a star in the middle, "**", a lone "*") or an invalid or unsafe regular
// expression is treated as a plain queue name, e.g. "Special queue for 5* ratings"; the admin
// screen shows a warning for it (validateQueuePattern) but lets it be saved.
import type { QueueToBrandRule } from './config';

/** Longest queue pattern (and queue name in the brand → queue mapping) the admin screen accepts. */
export const MAX_QUEUE_PATTERN_LENGTH = 128;
/** Queue names are cut to this many characters before a regular expression sees them. */
export const MAX_TESTED_QUEUE_NAME_LENGTH = 256;
/** More variable quantifiers than this in one regular expression is treated as unsafe. */
const MAX_VARIABLE_QUANTIFIERS = 3;

export type QueuePattern =
  | { kind: 'name'; text: string }
  | { kind: 'prefix'; text: string }
  | { kind: 'suffix'; text: string }
  | { kind: 'contains'; text: string }
  | { kind: 'regex'; regex: RegExp };

export interface CompiledQueuePattern {
  pattern: QueuePattern;
  /** Why the pattern fell back to a plain name, for the admin; empty when it did not. */
  warnings: string[];
}

function fold(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

function codePointLength(text: string): number {
  return Array.from(text).length;
}

/**
 * A conservative check for regular expressions that can backtrack catastrophically. Rejects:
 * a quantified group that itself contains a quantifier or an alternation ("(a+)+", "(a*)*",
 * "(a|a)*", "(.*)*", "(ab?)+"), back-references, and more than three variable quantifiers.
 * Returns the reason, or null when the source looks safe.
 */
export function regexSafetyProblem(source: string): string | null {
  interface Frame {
    hasQuantifier: boolean;
    hasAlternation: boolean;
  }
  const stack: Frame[] = [{ hasQuantifier: false, hasAlternation: false }];
  let variableQuantifiers = 0;
  // What the previous atom was, so a quantifier knows what it applies to.
  let lastAtom: { isGroup: boolean; risky: boolean } | null = null;
  let i = 0;

  const readQuantifier = (at: number): { length: number; min: number; max: number } | null => {
    const ch = source[at];
    if (ch === '*') return { length: 1, min: 0, max: Infinity };
    if (ch === '+') return { length: 1, min: 1, max: Infinity };
    if (ch === '?') return { length: 1, min: 0, max: 1 };
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
      return { length: m[0].length, min, max };
    }
    return null;
  };

  while (i < source.length) {
    const ch = source[i]!;
    const top = stack[stack.length - 1]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return 'it uses a back-reference';
      i += 2;
      // \u{…}, \uXXXX, \xXX, \cX, \p{…} consume more, but as one atom; skip their bodies.
      if (next === 'u' && source[i] === '{') i = source.indexOf('}', i) + 1 || source.length;
      else if ((next === 'p' || next === 'P') && source[i] === '{') i = source.indexOf('}', i) + 1 || source.length;
      lastAtom = { isGroup: false, risky: false };
      continue;
    }
    if (ch === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      lastAtom = { isGroup: false, risky: false };
      continue;
    }
    if (ch === '(') {
      stack.push({ hasQuantifier: false, hasAlternation: false });
      const lookbehindOrNamed = /^\(\?(<[=!]|<[A-Za-z_$][\w$]*>|[:=!])/.exec(source.slice(i));
      i += lookbehindOrNamed ? lookbehindOrNamed[0].length : 1;
      lastAtom = null;
      continue;
    }
    if (ch === ')') {
      const frame = stack.length > 1 ? stack.pop()! : top;
      const parent = stack[stack.length - 1]!;
      parent.hasQuantifier ||= frame.hasQuantifier;
      parent.hasAlternation ||= frame.hasAlternation;
      lastAtom = { isGroup: true, risky: frame.hasQuantifier || frame.hasAlternation };
      i++;
      continue;
    }
    if (ch === '|') {
      top.hasAlternation = true;
      lastAtom = null;
      i++;
      continue;
    }
    const q = readQuantifier(i);
    if (q && lastAtom) {
      i += q.length;
      if (source[i] === '?') i++; // lazy
      if (q.max > q.min) variableQuantifiers++;
      if (lastAtom.isGroup && lastAtom.risky && q.max > 1) {
        return 'it repeats a group that already contains a repetition or an alternative (catastrophic backtracking)';
      }
      top.hasQuantifier = true;
      lastAtom = null;
      continue;
    }
    lastAtom = { isGroup: false, risky: false };
    i++;
  }
  if (variableQuantifiers > MAX_VARIABLE_QUANTIFIERS) {
    return `it has more than ${MAX_VARIABLE_QUANTIFIERS} open-ended repetitions`;
  }
  return null;
}

/** Reads a pattern as the app will use it. Never throws. */
export function compileQueuePattern(pattern: string): CompiledQueuePattern {
  const text = String(pattern).trim();
  const shown = clip(text);

  if (text.startsWith('/')) {
    const m = /^\/([\s\S]+)\/([a-z]*)$/.exec(text);
    if (!m) {
      return {
        pattern: { kind: 'name', text },
        warnings: [`"${shown}" starts with "/" but is not a regular expression of the form /expression/flags; it will be matched as a plain queue name.`],
      };
    }
    const source = m[1]!;
    const rawFlags = m[2]!;
    const flags = rawFlags.replace(/[gyd]/g, '');
    if (!/^[imsuv]*$/.test(flags) || new Set(flags).size !== flags.length) {
      return {
        pattern: { kind: 'name', text },
        warnings: [`The regular expression "${shown}" has invalid flags "${rawFlags}"; it will be matched as a plain queue name.`],
      };
    }
    let regex: RegExp;
    try {
      regex = new RegExp(source, flags);
    } catch {
      return {
        pattern: { kind: 'name', text },
        warnings: [`"${shown}" is not a valid regular expression; it will be matched as a plain queue name.`],
      };
    }
    const unsafe = regexSafetyProblem(source);
    if (unsafe) {
      return {
        pattern: { kind: 'name', text },
        warnings: [`The regular expression "${shown}" is not used because ${unsafe}, which can freeze the browser; it will be matched as a plain queue name.`],
      };
    }
    return { pattern: { kind: 'regex', regex }, warnings: [] };
  }

  if (text.includes('*')) {
    const stars = text.split('*').length - 1;
    const inner = text.replace(/^\*/, '').replace(/\*$/, '');
    const valid =
      inner.length > 0 &&
      !inner.includes('*') &&
      stars <= 2 &&
      (text.startsWith('*') || text.endsWith('*'));
    if (!valid) {
      return {
        pattern: { kind: 'name', text },
        warnings: [`"${shown}" is not a valid wild card: use * only at the start and/or the end of a phrase (e.g. "Sales *", "* Support", "*VIP*"); it will be matched as a plain queue name.`],
      };
    }
    const starts = text.startsWith('*');
    const ends = text.endsWith('*');
    const kind = starts && ends ? 'contains' : ends ? 'prefix' : 'suffix';
    return { pattern: { kind, text: inner }, warnings: [] };
  }

  return { pattern: { kind: 'name', text }, warnings: [] };
}

function clip(text: string, max = 80): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** Whether a queue name matches a compiled pattern. */
export function matchCompiled(pattern: QueuePattern, queueName: string): boolean {
  const name = String(queueName).trim();
  switch (pattern.kind) {
    case 'name':
      return fold(name) === fold(pattern.text);
    case 'prefix':
      return fold(name).startsWith(fold(pattern.text));
    case 'suffix':
      return fold(name).endsWith(fold(pattern.text));
    case 'contains':
      return fold(name).includes(fold(pattern.text));
    case 'regex': {
      const capped = Array.from(name).slice(0, MAX_TESTED_QUEUE_NAME_LENGTH).join('');
      pattern.regex.lastIndex = 0;
      return pattern.regex.test(capped);
    }
  }
}

/** Whether a queue name matches a mapping's pattern (see the top of this file). */
export function matchQueuePattern(pattern: string, queueName: string): boolean {
  return matchCompiled(compileQueuePattern(pattern).pattern, queueName);
}

export interface PatternValidation {
  /** The mapping cannot be saved. */
  errors: string[];
  /** The mapping can be saved, but will not work as the admin probably meant. */
  warnings: string[];
}

/** For the Queues to brands screen: one queue pattern. */
export function validateQueuePattern(pattern: string): PatternValidation {
  const text = String(pattern).trim();
  const errors: string[] = [];
  if (text === '') errors.push('Enter a queue name.');
  else if (codePointLength(text) > MAX_QUEUE_PATTERN_LENGTH) {
    errors.push(`The queue name is ${codePointLength(text)} characters long; at most ${MAX_QUEUE_PATTERN_LENGTH} are allowed.`);
  }
  const warnings = text === '' ? [] : compileQueuePattern(text).warnings;
  return { errors, warnings };
}

/**
 * For the Queues to brands screen: the whole list. Adds an error for each queue pattern that
 * repeats an earlier one (compared case-insensitively after trimming).
 */
export function validateQueueToBrand(rules: { queue: string }[]): PatternValidation[] {
  const seen = new Set<string>();
  return rules.map((rule) => {
    const v = validateQueuePattern(rule.queue);
    const key = fold(String(rule.queue).trim());
    if (key !== '' && seen.has(key)) v.errors.push(`The queue name "${clip(String(rule.queue).trim())}" is already mapped.`);
    seen.add(key);
    return v;
  });
}

/**
 * For the Brands to queues screen: the mapping is one to one, so a wild card or a regular
 * expression is only a warning (it is used as a plain queue name).
 */
export function validateBrandQueueName(queue: string): PatternValidation {
  const text = String(queue).trim();
  const errors: string[] = [];
  const warnings: string[] = [];
  if (codePointLength(text) > MAX_QUEUE_PATTERN_LENGTH) {
    errors.push(`The queue name is ${codePointLength(text)} characters long; at most ${MAX_QUEUE_PATTERN_LENGTH} are allowed.`);
  }
  if (text.includes('*') || /^\/.+\/[a-z]*$/s.test(text)) {
    warnings.push(`Wild cards and regular expressions do not apply here: "${clip(text)}" will be used as a plain queue name.`);
  }
  return { errors, warnings };
}

export interface BrandFact {
  id: number;
  name: string;
  active: boolean;
}

export interface BrandChoice {
  /** null: leave it to Zendesk (the default brand, or the agent's choice). */
  brandId: number | null;
  source: 'queue' | 'attribute' | 'default';
  /** For the agent: ticket_brand named no active brand, or a matching queue mapping names a brand Zendesk does not list. */
  warning?: string;
}

/**
 * The brand of a ticket created for an inbound contact: the first queue mapping (in the
 * admin's order) that matches the contact's queue and points to an active brand; otherwise the
 * ticket_brand attribute by name (case-insensitive, active brands only); otherwise null.
 */
export function chooseBrand(input: {
  queue: string | null;
  queueToBrand: QueueToBrandRule[];
  ticketBrandName: string | null;
  brands: BrandFact[];
}): BrandChoice {
  const active = new Map<number, BrandFact>();
  for (const b of input.brands) if (b.active) active.set(b.id, b);

  // A mapped brand Zendesk does not list to this agent: deleted, or the agent is not one of its
  // members (brand memberships show an agent only their brands). Said once, then the next rule.
  let unlisted: string | undefined;
  if (input.queue != null && input.queue.trim() !== '') {
    for (const rule of input.queueToBrand) {
      if (!matchQueuePattern(rule.queue, input.queue)) continue;
      if (active.has(rule.brand_id)) return withWarning({ brandId: rule.brand_id, source: 'queue' }, unlisted);
      if (unlisted === undefined && !input.brands.some((b) => b.id === rule.brand_id)) {
        unlisted = `Queue "${clip(input.queue)}" is mapped to brand ${rule.brand_id}, which is deleted or not yours; ask an admin to check the mappings.`;
      }
    }
  }

  const wanted = input.ticketBrandName?.trim() ?? '';
  if (wanted !== '') {
    const key = fold(wanted);
    const found = input.brands.find((b) => b.active && fold(b.name.trim()) === key);
    if (found) return withWarning({ brandId: found.id, source: 'attribute' }, unlisted);
    const inactive = input.brands.some((b) => !b.active && fold(b.name.trim()) === key);
    return {
      brandId: null,
      source: 'default',
      warning: inactive
        ? `The contact attribute ticket_brand names the brand "${clip(wanted)}", which is not active in Zendesk; the ticket gets the default brand.`
        : `The contact attribute ticket_brand names the brand "${clip(wanted)}", which does not exist in Zendesk; the ticket gets the default brand.`,
    };
  }
  return withWarning({ brandId: null, source: 'default' }, unlisted && `${unlisted} The ticket gets the default brand.`);
}

function withWarning(choice: BrandChoice, warning: string | undefined): BrandChoice {
  return warning ? { ...choice, warning } : choice;
}
