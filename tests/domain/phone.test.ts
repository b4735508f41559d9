import { describe, expect, it } from 'vitest';
import {
  classifyCallerNumber,
  formatForDisplay,
  knownCountry,
  normalizeE164,
  phoneSearchKeys,
  phoneSearchQuery,
  samePhone,
} from '../../src/domain/phone';

describe('classifyCallerNumber: anonymous', () => {
  it.each([
    null,
    undefined,
    '',
    '   ',
    'anonymous',
    'Anonymous',
    'ANONYMOUS',
    '+anonymous',
    'private',
    'Private Number',
    'restricted',
    'unknown',
    'unavailable',
    'withheld',
    'Number Withheld',
    'sip:anonymous@anonymous.invalid',
    '"Anonymous" <sip:anonymous@anonymous.invalid>',
    'sip:Restricted@10.0.0.1;transport=udp',
    'tel:anonymous',
    '+266696687',
    '0',
    '+0000000000',
  ])('%j', (raw) => {
    expect(classifyCallerNumber(raw as string | null, 'GB')).toEqual({ kind: 'anonymous' });
  });
});

describe('classifyCallerNumber: numbers', () => {
  it.each<[string, string | null, string]>([
    ['+61400111222', null, '+61400111222'],
    ['+61 400 111 222', null, '+61400111222'],
    ['tel:+61400111222', null, '+61400111222'],
    ['sip:+61400111222@connect.example.com', null, '+61400111222'],
    ['tel:+1-202-555-0123;phone-context=example.com', null, '+12025550123'],
    ['+447700900123', null, '+447700900123'], // fictional range: possible, not "valid"
    ['07700 900123', 'GB', '+447700900123'],
    ['07700 900123', 'gb', '+447700900123'],
    ['(020) 7946 0000', 'GB', '+442079460000'],
    ['0400 111 222', 'AU', '+61400111222'],
    ['0011 61 400 111 222', 'AU', '+61400111222'],
    ['0044 7700 900123', null, '+447700900123'],
    ['00 44 7700 900123', 'GB', '+447700900123'],
    ['(202) 555-0123', 'US', '+12025550123'],
    ['+1 202 555 0123 ext. 5', null, '+12025550123'],
    ['+44 (0) 7700 900123', null, '+447700900123'],
    ['+390612345678', null, '+390612345678'],
  ])('%j (%s) → %s', (raw, country, e164) => {
    expect(classifyCallerNumber(raw, country)).toEqual({ kind: 'number', e164, digits: e164.slice(1) });
  });
});

describe('classifyCallerNumber: unparseable', () => {
  it.each<[string, string | null]>([
    ['07700 900123', null], // national, no default country
    ['07700 900123', 'XX'], // unknown default country
    ['12', 'GB'],
    ['+4412', null],
    ['hello world', 'GB'],
    ['+1 800 FLOWERS', null],
  ])('%j (%s)', (raw, country) => {
    expect(classifyCallerNumber(raw, country)).toEqual({ kind: 'unparseable', raw: raw.trim() });
  });
});

describe('phoneSearchKeys / phoneSearchQuery', () => {
  it.each([
    ['+447700900123', '7700900123'],
    ['+61400111222', '400111222'],
    ['+12025550123', '2025550123'],
    ['+390612345678', '0612345678'], // Italy keeps its leading 0 in every format
    ['+442079460000', '2079460000'],
  ])('%s → %s', (e164, key) => {
    expect(phoneSearchKeys(e164)).toEqual([key]);
    expect(phoneSearchQuery(e164)).toBe(`role:end-user phone:*${key}`);
  });

  it('the key is a suffix of every common stored format', () => {
    const stored = ['+44 7700 900123', '07700 900123', '+44 (0)7700 900123', '447700900123', '+447700900123', '0044 7700 900 123'];
    const [key] = phoneSearchKeys('+447700900123');
    for (const s of stored) expect(s.replace(/\D/g, '').endsWith(key!)).toBe(true);
  });

  it('unreadable input falls back to its digits; nothing gives null', () => {
    expect(phoneSearchKeys('+4412')).toEqual(['4412']);
    expect(phoneSearchKeys('abc')).toEqual([]);
    expect(phoneSearchQuery('abc')).toBeNull();
  });
});

describe('samePhone', () => {
  it.each<[string | null, string | null, string | null, boolean]>([
    ['+447700900123', '+44 7700 900123', null, true],
    ['+447700900123', '07700 900123', 'GB', true],
    ['+447700900123', '07700 900123', null, true], // read in the other's country
    ['07700 900123', '+447700900123', null, true],
    ['+447700900123', '+44 (0)7700 900123', null, true],
    ['+447700900123', '0044 7700 900123', null, true],
    ['+61400111222', '0400 111 222', 'GB', true], // default country is wrong, other side's country wins
    ['+61400111222', '+61400111223', null, false],
    ['+447700900123', '+617700900123', null, false],
    ['+12025550123', '(202) 555-0123', 'US', true],
    ['+12025550123', '+1 202 555 0123 ext. 9', null, true],
    ['+447700900123', null, 'GB', false],
    [null, null, 'GB', false],
    ['abc', 'abc', null, false],
    ['12345', '12-345', null, true], // unreadable both: digits
    ['07700 900123', '07700 900123', null, true],
    ['07700 900123', '07700 900124', null, false],
  ])('%j vs %j (%s) → %s', (a, b, country, same) => {
    expect(samePhone(a, b, country)).toBe(same);
    expect(samePhone(b, a, country)).toBe(same);
  });
});

describe('formatForDisplay / normalizeE164 / knownCountry', () => {
  it.each([
    ['+447700900123', '+44 7700 900123'],
    ['+442079460000', '+44 20 7946 0000'],
    ['+61290000000', '+61 2 9000 0000'],
    ['+12025550123', '+1 202 555 0123'],
    ['not a number', 'not a number'],
  ])('formatForDisplay(%j) = %j', (e164, shown) => {
    expect(formatForDisplay(e164)).toBe(shown);
  });

  it.each<[string | null, string | null]>([
    ['+442079460000', '+442079460000'],
    [' +44 20 7946 0000 ', '+442079460000'],
    ['+1 (202) 555-0123', '+12025550123'],
    ['02079460000', null],
    ['442079460000', null],
    ['+0442079460000', null],
    ['+44', null],
    ['+4420794600001234567', null],
    ['+44 20 7946 0000 ext 1', null],
    ['', null],
    [null, null],
  ])('normalizeE164(%j) = %j', (raw, out) => {
    expect(normalizeE164(raw)).toBe(out);
  });

  it.each<[string | null, string | null]>([
    ['gb', 'GB'],
    [' AU ', 'AU'],
    ['XX', null],
    ['UK', null],
    ['GBR', null],
    [null, null],
  ])('knownCountry(%j) = %j', (code, out) => {
    expect(knownCountry(code)).toBe(out);
  });
});
