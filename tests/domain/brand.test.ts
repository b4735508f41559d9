import { describe, expect, it } from 'vitest';
import {
  chooseBrand,
  compileQueuePattern,
  matchQueuePattern,
  regexSafetyProblem,
  validateBrandQueueName,
  validateQueuePattern,
  validateQueueToBrand,
  type BrandFact,
} from '../../src/domain/brand';

describe('matchQueuePattern', () => {
  it.each<[string, string, boolean]>([
    // plain names
    ['Sales', 'Sales', true],
    ['sales', 'SALES', true],
    ['  Sales ', 'Sales', true],
    ['Sales', 'Sales EMEA', false],
    ['Special queue for 5* ratings', 'Special queue for 5* ratings', true], // invalid wild card = literal
    ['Special queue for 5* ratings', 'Special queue for 5 great ratings', false],
    // prefix
    ['MyCorp *', 'MyCorp Sales', true],
    ['MyCorp *', 'mycorp support', true],
    ['MyCorp *', 'MyCorpSales', false], // the space belongs to the phrase
    ['MyCorp *', 'Other MyCorp Sales', false],
    // suffix
    ['* Support', 'EMEA Support', true],
    ['* Support', 'EMEA Support Team', false],
    ['*support', 'TechSupport', true],
    // contains
    ['*VIP*', 'Gold VIP line', true],
    ['*vip*', 'VIP', true],
    ['*VIP*', 'Gold line', false],
    // misplaced stars are literal
    ['a*b', 'axxb', false],
    ['a*b', 'a*b', true],
    ['**', 'anything', false],
    ['**', '**', true],
    ['*', 'anything', false],
    ['*', '*', true],
    ['*a*b*', 'xaxbx', false],
    // regular expressions (flags as written)
    ['/^Sales (EU|US)$/', 'Sales EU', true],
    ['/^Sales (EU|US)$/', 'Sales APAC', false],
    ['/^sales/', 'Sales', false],
    ['/^sales/i', 'Sales EMEA', true],
    ['/^sales/gi', 'Sales EMEA', true], // g dropped: no lastIndex surprises
    ['/\\d{3}$/', 'Queue 123', true],
    // invalid regular expressions are literal
    ['/[unclosed/', '/[unclosed/', true],
    ['/[unclosed/', 'u', false],
    ['/abc/q', '/abc/q', true],
    ['/abc', '/abc', true],
    // unsafe regular expressions are literal
    ['/(a+)+$/', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', false],
    ['/(a+)+$/', '/(a+)+$/', true],
  ])('%j ~ %j → %s', (pattern, queue, matches) => {
    expect(matchQueuePattern(pattern, queue)).toBe(matches);
  });

  it('tests at most 256 characters of a queue name against a regex', () => {
    expect(matchQueuePattern('/^a{256}$/', 'a'.repeat(300))).toBe(true);
    expect(matchQueuePattern('/b$/', 'a'.repeat(300) + 'b')).toBe(false);
  });

  it('a regex is reusable (no lastIndex state)', () => {
    const { pattern } = compileQueuePattern('/sales/g');
    expect(pattern.kind).toBe('regex');
    expect(matchQueuePattern('/sales/g', 'sales')).toBe(true);
    expect(matchQueuePattern('/sales/g', 'sales')).toBe(true);
  });
});

describe('regexSafetyProblem', () => {
  it.each([
    '(a+)+',
    '(a*)*',
    '(a|a)*',
    '(.*)*',
    '(.*)+$',
    '^(\\w+\\s?)*$',
    '((ab)*)+',
    '(?:a+)+',
    '(a|b|c)+',
    '(x+){2,}',
    '(a)\\1',
    '(?<n>a)\\k<n>',
    '.*a.*b.*c.*d',
  ])('%j is unsafe', (source) => {
    expect(regexSafetyProblem(source)).not.toBeNull();
  });

  it.each([
    '^Sales',
    '^Sales (EU|US)$',
    '^[A-Z]{2,3}-\\w+-\\d+$',
    '.*VIP.*',
    '(ab)+',
    '[(a+)+]', // inside a character class nothing is a group
    '\\(a+\\)+', // escaped brackets
    '(?=Sales)\\w+',
    '^(?:EU|US) Sales$',
    '\\d{3}',
  ])('%j is safe', (source) => {
    expect(regexSafetyProblem(source)).toBeNull();
  });
});

describe('validateQueuePattern', () => {
  it.each<[string, number, number]>([
    ['Sales', 0, 0],
    ['Sales *', 0, 0],
    ['* Sales', 0, 0],
    ['*Sales*', 0, 0],
    ['/^Sales/i', 0, 0],
    ['a*b', 0, 1],
    ['**', 0, 1],
    ['*', 0, 1],
    ['/[bad/', 0, 1],
    ['/(a+)+/', 0, 1],
    ['/abc/z', 0, 1],
    ['x'.repeat(128), 0, 0],
    ['x'.repeat(129), 1, 0],
    ['   ', 1, 0],
  ])('%j → %d errors, %d warnings', (pattern, errors, warnings) => {
    const v = validateQueuePattern(pattern);
    expect(v.errors).toHaveLength(errors);
    expect(v.warnings).toHaveLength(warnings);
  });

  it('warnings name the pattern and say what happens', () => {
    expect(validateQueuePattern('Special queue for 5* ratings').warnings[0]).toMatch(/"Special queue for 5\* ratings".*plain queue name/);
    expect(validateQueuePattern('/(a+)+/').warnings[0]).toMatch(/backtracking/);
  });

  it('duplicates in the list are errors', () => {
    const v = validateQueueToBrand([{ queue: 'Sales' }, { queue: 'Support' }, { queue: ' sales ' }]);
    expect(v.map((x) => x.errors.length)).toEqual([0, 0, 1]);
  });

  it('brand → queue names: wild cards and regexes only warn', () => {
    expect(validateBrandQueueName('Sales')).toEqual({ errors: [], warnings: [] });
    expect(validateBrandQueueName('Sales *').warnings).toHaveLength(1);
    expect(validateBrandQueueName('/^Sales/').warnings).toHaveLength(1);
    expect(validateBrandQueueName('x'.repeat(129)).errors).toHaveLength(1);
  });
});

describe('chooseBrand', () => {
  const brands: BrandFact[] = [
    { id: 1, name: 'Acme', active: true },
    { id: 2, name: 'Acme Sales', active: true },
    { id: 3, name: 'Old Brand', active: false },
  ];
  const queueToBrand = [
    { queue: 'Legacy *', brand_id: 3 }, // inactive brand: skipped
    { queue: 'Sales *', brand_id: 2 },
    { queue: '*Sales*', brand_id: 1 },
    { queue: 'Legacy EU', brand_id: 1 },
  ];

  it.each<[string, string | null, string | null, number | null, string, boolean]>([
    ['first matching mapping wins', 'Sales EMEA', null, 2, 'queue', false],
    ['mapping order matters', 'Inside Sales', null, 1, 'queue', false],
    ['queue mapping beats ticket_brand', 'Sales EMEA', 'Acme', 2, 'queue', false],
    ['a mapping to an inactive brand is skipped', 'Legacy EU', null, 1, 'queue', false],
    ['no mapping: ticket_brand by name', 'Support', 'acme sales', 2, 'attribute', false],
    ['ticket_brand trimmed', null, '  Acme  ', 1, 'attribute', false],
    ['no mapping, no ticket_brand: default', 'Support', null, null, 'default', false],
    ['ticket_brand naming no brand warns', 'Support', 'Nope', null, 'default', true],
    ['ticket_brand naming an inactive brand warns', 'Support', 'Old Brand', null, 'default', true],
    ['empty ticket_brand is no ticket_brand', 'Support', '  ', null, 'default', false],
  ])('%s', (_label, queue, ticketBrandName, brandId, source, warns) => {
    const choice = chooseBrand({ queue, queueToBrand, ticketBrandName, brands });
    expect(choice.brandId).toBe(brandId);
    expect(choice.source).toBe(source);
    expect(choice.warning !== undefined).toBe(warns);
  });

  it('a matching mapping to a brand Zendesk does not list (deleted, or the agent is no member) says so, then the next rule applies', () => {
    const mapped = [
      { queue: 'Sales *', brand_id: 9 },
      { queue: '*Sales*', brand_id: 1 },
    ];
    const next = chooseBrand({ queue: 'Sales EMEA', queueToBrand: mapped, ticketBrandName: null, brands });
    expect(next.brandId).toBe(1);
    expect(next.warning).toMatch(/"Sales EMEA" is mapped to brand 9, which is deleted or not yours.*admin/);
    const none = chooseBrand({ queue: 'Sales EMEA', queueToBrand: [mapped[0]!], ticketBrandName: null, brands });
    expect(none).toMatchObject({ brandId: null, source: 'default' });
    expect(none.warning).toMatch(/default brand/);
    // An inactive brand is listed: skipped without a word, as before.
    expect(chooseBrand({ queue: 'Legacy X', queueToBrand, ticketBrandName: null, brands }).warning).toBeUndefined();
  });

  it('the warning names the brand', () => {
    expect(chooseBrand({ queue: null, queueToBrand: [], ticketBrandName: 'Nope', brands }).warning).toMatch(/ticket_brand.*"Nope".*default brand/);
  });
});

describe('regex cost stays bounded', () => {
  it('the worst accepted shapes finish quickly on a 256+ character name', () => {
    const t0 = performance.now();
    for (const p of ['/.*a.*b.*c$/', '/^(\\w+) (\\w+) x$/', '/^.*.*.*z$/']) {
      expect(compileQueuePattern(p).pattern.kind).toBe('regex');
      matchQueuePattern(p, 'a'.repeat(1000));
    }
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
