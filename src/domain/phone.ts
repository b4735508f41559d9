// Phone numbers: what the caller's CLI is, how to find a Zendesk user by it, how to show it.
// Uses libphonenumber-js with its default ("min") metadata. Only the *possible* check (length
// per country) is applied, never the stricter *valid* check: the min metadata is coarse, and
// fictional/test ranges (e.g. UK 07700 900xxx) must still work.
// The library (a fifth of the top bar's own weight) is fetched right after a page starts, in
// parallel with the CCP, rather than in its first load: loadPhoneNumbers() before any use.
import type { CountryCode, PhoneNumber } from 'libphonenumber-js';

type PhoneLib = typeof import('libphonenumber-js');
let lib: PhoneLib | null = null;

/** Fetches libphonenumber-js; every function below needs it. Safe to call more than once. */
export async function loadPhoneNumbers(): Promise<void> {
  lib ??= await import('libphonenumber-js');
}

function phoneLib(): PhoneLib {
  if (!lib) throw new Error('Phone number support is not loaded yet: call loadPhoneNumbers() first.');
  return lib;
}

export type CallerNumber =
  | { kind: 'anonymous' }
  /** `e164` is "+<digits>"; `digits` is the same without the "+". Extensions are dropped. */
  | { kind: 'number'; e164: string; digits: string }
  /** Not a number we can read; `raw` is the trimmed original (still useful to show or store). */
  | { kind: 'unparseable'; raw: string };

/**
 * Words carriers and Amazon Connect use instead of a withheld CLI, compared after lower-casing
 * and dropping everything that is not a letter ("Anonymous Caller" → "anonymouscaller").
 */
const ANONYMOUS_WORDS = new Set([
  'anonymous',
  'anonymouscaller',
  'anon',
  'private',
  'privatenumber',
  'privatecaller',
  'restricted',
  'restrictednumber',
  'unknown',
  'unknowncaller',
  'unknownnumber',
  'unavailable',
  'notavailable',
  'withheld',
  'numberwithheld',
  'blocked',
  'nocallerid',
  'callerid',
  'hidden',
  'hiddennumber',
  'presentationrestricted',
  'null',
  'undefined',
]);

/** "ANONYMOUS" typed on a phone keypad; some carriers deliver it as the CLI of withheld calls. */
const KEYPAD_ANONYMOUS = '266696687';

/** Upper-cased ISO country when libphonenumber knows it, else null. */
export function knownCountry(code: string | null | undefined): CountryCode | null {
  if (code == null) return null;
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return null;
  return phoneLib().isSupportedCountry(upper) ? (upper as CountryCode) : null;
}

/**
 * Removes a display name (`"Anonymous" <sip:…>`), a `tel:`/`sip:`/`sips:` scheme, a SIP host
 * (`@…`) and URI parameters (`;…`), leaving the user part.
 */
function stripAddress(raw: string): string {
  let s = raw.trim();
  const angle = /<([^>]*)>/.exec(s);
  if (angle) s = (angle[1] ?? '').trim();
  const scheme = /^(tel|sips?):/i.exec(s);
  if (scheme) {
    const isSip = scheme[1]!.toLowerCase() !== 'tel';
    s = s.slice(scheme[0].length);
    if (isSip) {
      const at = s.indexOf('@');
      if (at >= 0) s = s.slice(0, at);
    }
    const semi = s.indexOf(';');
    if (semi >= 0) s = s.slice(0, semi);
  }
  return s.trim();
}

function parsePossible(text: string, country: CountryCode | null): PhoneNumber | null {
  let parsed: PhoneNumber | undefined;
  try {
    parsed = phoneLib().parsePhoneNumberFromString(text, country ?? undefined);
  } catch {
    parsed = undefined;
  }
  return parsed && parsed.isPossible() ? parsed : null;
}

/**
 * What the customer's endpoint turned out to be. National numbers are read with
 * `defaultCountry`; without one, only international forms ("+…", or "00…") are readable.
 */
export function classifyCallerNumber(raw: string | null | undefined, defaultCountry: string | null): CallerNumber {
  if (raw == null) return { kind: 'anonymous' };
  const trimmed = String(raw).trim();
  if (trimmed === '') return { kind: 'anonymous' };

  const user = stripAddress(trimmed);
  const digits = user.replace(/\D/g, '');
  const letters = user.toLowerCase().replace(/[^a-z]/g, '');

  if (digits === '') {
    if (letters === '' || ANONYMOUS_WORDS.has(letters)) return { kind: 'anonymous' };
    return { kind: 'unparseable', raw: trimmed };
  }
  if (/^0+$/.test(digits)) return { kind: 'anonymous' };
  if (digits === KEYPAD_ANONYMOUS && letters === '') return { kind: 'anonymous' };

  const country = knownCountry(defaultCountry);
  let text = user;
  if (!text.startsWith('+') && country === null && /^\s*00/.test(text)) {
    // The common international prefix, readable without knowing the country.
    text = '+' + text.replace(/^\s*00/, '');
  }
  if (!text.startsWith('+') && country === null) return { kind: 'unparseable', raw: trimmed };

  const parsed = parsePossible(text, country);
  if (!parsed) return { kind: 'unparseable', raw: trimmed };
  const e164 = parsed.number as string;
  return { kind: 'number', e164, digits: e164.slice(1) };
}

/**
 * A number an admin or a contact flow gave "in E.164 format only". Spaces, dashes, dots and
 * brackets are tolerated and removed ("+44 20 7946 0000" → "+442079460000"); a number without
 * the leading "+" or that cannot be a phone number gives null.
 */
export function normalizeE164(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = String(raw).trim();
  if (!/^\+[\d\s().\-/]+$/.test(s)) return null;
  const digits = s.replace(/\D/g, '');
  if (!/^[1-9]\d{1,14}$/.test(digits)) return null;
  const parsed = parsePossible('+' + digits, null);
  return parsed ? (parsed.number as string) : null;
}

/**
 * Digit strings to search for so that any stored format of the number matches a Zendesk
 * `phone:*<digits>` (suffix) search: "+44 7700 900123", "07700 900123", "+44 (0)7700 900123"
 * and "447700900123" all end with the national significant number "7700900123".
 * Numbers libphonenumber cannot read fall back to all their digits.
 */
export function phoneSearchKeys(e164: string): string[] {
  const parsed = parsePossible(String(e164).trim(), null);
  if (parsed) return [parsed.nationalNumber as string];
  const digits = String(e164).replace(/\D/g, '');
  return digits === '' ? [] : [digits];
}

/** The Zendesk search query for end users with this number, or null for nothing searchable. */
export function phoneSearchQuery(e164: string): string | null {
  const [key] = phoneSearchKeys(e164);
  return key === undefined ? null : `role:end-user phone:*${key}`;
}

/**
 * Whether two stored numbers are the same line. International forms ("+…", "00…") are read as
 * they are; a national form is read with `defaultCountry` and also in the country of the other
 * number when that one is international (so "07700 900123" equals "+44 7700 900123" even
 * without a default country). Extensions are ignored; unreadable numbers compare by digits.
 */
export function samePhone(a: string | null | undefined, b: string | null | undefined, defaultCountry: string | null): boolean {
  if (a == null || b == null) return false;
  const ua = stripAddress(String(a));
  const ub = stripAddress(String(b));
  const da = ua.replace(/\D/g, '');
  const db = ub.replace(/\D/g, '');
  if (da === '' || db === '') return false;

  const international = (user: string): PhoneNumber | null => {
    if (user.startsWith('+')) return parsePossible(user, null);
    if (/^00/.test(user)) return parsePossible('+' + user.slice(2), null);
    return null;
  };
  const ia = international(ua);
  const ib = international(ub);
  const readings = (user: string, own: PhoneNumber | null, other: PhoneNumber | null): Set<string> => {
    const out = new Set<string>();
    if (own) {
      out.add(own.number as string);
      return out;
    }
    if (user.startsWith('+') || /^00/.test(user)) return out;
    const countries = new Set<CountryCode>();
    const dc = knownCountry(defaultCountry);
    if (dc) countries.add(dc);
    if (other) {
      // The min metadata may not pin the country of a fictional range (+44 7700 900…); the
      // first country sharing the calling code is the main one and reads national forms alike.
      const c = other.country ?? other.getPossibleCountries()[0];
      if (c) countries.add(c);
    }
    for (const c of countries) {
      const p = parsePossible(user, c);
      if (p) out.add(p.number as string);
    }
    return out;
  };
  const ra = readings(ua, ia, ib);
  const rb = readings(ub, ib, ia);
  if (ra.size > 0 && rb.size > 0) {
    for (const x of ra) if (rb.has(x)) return true;
    return false;
  }
  if (ra.size === 0 && rb.size === 0) return da === db;
  // One side readable, the other not: the other's digits (leading zeros dropped) must be the
  // national significant number or the full international digits.
  const known = ra.size > 0 ? ia ?? parsePossible([...ra][0]!, null) : ib ?? parsePossible([...rb][0]!, null);
  const rest = (ra.size > 0 ? db : da).replace(/^0+/, '');
  if (!known || rest === '') return false;
  return rest === known.nationalNumber || rest === (known.number as string).slice(1);
}

/** International format for people ("+44 7700 900123"); anything unreadable is returned as given. */
export function formatForDisplay(e164: string): string {
  const parsed = parsePossible(String(e164).trim(), null);
  if (!parsed) return e164;
  return parsed.formatInternational();
}
