import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCcpUrl, DEFAULT_SETTINGS, parseSettings } from '../../src/domain/settings';
import type { AppSettings } from '../../src/domain/config';

const CCP = 'https://acme.my.connect.aws/ccp-v2';
const parse = (raw: Record<string, unknown>) => parseSettings({ ccpUrl: CCP, ...raw });
const problemsFor = (raw: Record<string, unknown>, setting: keyof AppSettings) =>
  parse(raw).problems.filter((p) => p.setting === setting);

describe('parseSettings: defaults', () => {
  it('only ccpUrl given: everything else is default, no problems', () => {
    const { settings, problems } = parse({});
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, ccpUrl: CCP });
    expect(settings.ticketNumberAttribute).toBe('zendesk_ticket');
    expect(settings.createTicketAfterMinutes).toBe(0);
    expect(settings.queueToBrand).toEqual([]);
    expect(settings.brandToQueue).toEqual({});
  });

  it('empty and blank values mean default', () => {
    const { settings, problems } = parse({
      loginUrl: '',
      region: ' ',
      createTicketAfterMinutes: '  ',
      ticketNumberAttribute: '',
      defaultEntryPointNumber: '',
      defaultCountry: ' ',
      mediaLess: '',
      queueToBrand: '',
      brandToQueue: '  ',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, ccpUrl: CCP });
  });

  it('never shares the default mapping objects', () => {
    const a = parse({}).settings;
    a.queueToBrand.push({ queue: 'x', brand_id: 1 });
    expect(parse({}).settings.queueToBrand).toEqual([]);
  });

  it('unknown keys are ignored', () => {
    expect(parse({ somethingElse: 'x' }).problems).toEqual([]);
  });
});

describe('parseSettings: ccpUrl', () => {
  it.each([
    ['https://acme.my.connect.aws/ccp-v2', 'https://acme.my.connect.aws/ccp-v2'],
    ['  https://acme.my.connect.aws/ccp-v2/  ', 'https://acme.my.connect.aws/ccp-v2/'],
    ['https://ACME.my.connect.aws/ccp-v2', 'https://acme.my.connect.aws/ccp-v2'],
    ['https://acme-prod-01.my.connect.aws/ccp-v2#/', 'https://acme-prod-01.my.connect.aws/ccp-v2#/'],
    ['https://acme.awsapps.com/connect/ccp-v2', 'https://acme.awsapps.com/connect/ccp-v2'],
    ['https://acme.govcloud.connect.aws/ccp-v2', 'https://acme.govcloud.connect.aws/ccp-v2'],
    ['https://acme.my.connect.aws', 'https://acme.my.connect.aws/ccp-v2'],
    ['https://acme.my.connect.aws/', 'https://acme.my.connect.aws/ccp-v2'],
    ['https://acme.awsapps.com', 'https://acme.awsapps.com/connect/ccp-v2'],
  ])('%j is accepted as %j', (raw, url) => {
    const { settings, problems } = parseSettings({ ccpUrl: raw });
    expect(problems).toEqual([]);
    expect(settings.ccpUrl).toBe(url);
  });

  it.each([
    ['http://acme.my.connect.aws/ccp-v2', /must start with https/],
    ['https://example.com/connect/ccp-v2', /not an Amazon Connect address.*"example\.com"/],
    ['https://acme.my.connect.aws.evil.com/ccp-v2', /not an Amazon Connect address/],
    ['https://my.connect.aws/ccp-v2', /not an Amazon Connect address/],
    ['https://a.b.my.connect.aws/ccp-v2', /not an Amazon Connect address/],
    ['https://awsapps.com/connect/ccp-v2', /not an Amazon Connect address/],
    ['https://acme.awsapps.cn/connect/ccp-v2', /not an Amazon Connect address/],
    ['https://acme.connect.aws.a2z.com/ccp-v2', /not an Amazon Connect address/],
    ['https://user:pw@acme.my.connect.aws/ccp-v2', /not an Amazon Connect address/],
    ['https://acme.my.connect.aws:8443/ccp-v2', /not an Amazon Connect address/],
    ['acme.my.connect.aws/ccp-v2', /not a web address/],
    ['javascript:alert(1)', /must start with https/],
  ])('%j is refused', (raw, message) => {
    const { settings, problems } = parseSettings({ ccpUrl: raw });
    expect(settings.ccpUrl).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.setting).toBe('ccpUrl');
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.message).toContain(raw);
  });

  it.each([undefined, null, '', '   '])('missing (%j) is "not set"', (raw) => {
    const { settings, problems } = parseSettings({ ccpUrl: raw });
    expect(settings.ccpUrl).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ setting: 'ccpUrl' });
    expect(problems[0]!.message).toMatch(/is not set/);
  });

  it('checkCcpUrl is usable on its own', () => {
    expect(checkCcpUrl('https://x.my.connect.aws/ccp-v2')).toEqual({ url: 'https://x.my.connect.aws/ccp-v2' });
    expect('problem' in checkCcpUrl('https://x.example.org/')).toBe(true);
  });
});

describe('parseSettings: scalar settings', () => {
  it.each<[unknown, number]>([
    ['15', 15],
    [15, 15],
    [' 15 ', 15],
    ['0', 0],
    ['2.5', 2.5],
    [0, 0],
  ])('createTicketAfterMinutes %j → %d', (raw, minutes) => {
    const { settings, problems } = parse({ createTicketAfterMinutes: raw });
    expect(problems).toEqual([]);
    expect(settings.createTicketAfterMinutes).toBe(minutes);
  });

  it.each<unknown>(['-5', -5, 'abc', '15 minutes', NaN, Infinity, {}, true])('createTicketAfterMinutes %j → problem + 0', (raw) => {
    const { settings, problems } = parse({ createTicketAfterMinutes: raw });
    expect(settings.createTicketAfterMinutes).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.setting).toBe('createTicketAfterMinutes');
  });

  it.each<[unknown, string | null, number]>([
    ['gb', 'GB', 0],
    [' AU ', 'AU', 0],
    ['us', 'US', 0],
    ['XX', null, 1],
    ['UK', null, 1],
    ['United Kingdom', null, 1],
  ])('defaultCountry %j → %j', (raw, country, n) => {
    const { settings } = parse({ defaultCountry: raw });
    expect(settings.defaultCountry).toBe(country);
    expect(problemsFor({ defaultCountry: raw }, 'defaultCountry')).toHaveLength(n);
  });

  it('UK gets a hint', () => {
    expect(problemsFor({ defaultCountry: 'UK' }, 'defaultCountry')[0]!.message).toMatch(/GB/);
  });

  it.each<[unknown, string | null, number]>([
    ['+442079460000', '+442079460000', 0],
    [' +44 20 7946 0000 ', '+442079460000', 0],
    ['02079460000', null, 1],
    ['442079460000', null, 1],
    ['phone', null, 1],
  ])('defaultEntryPointNumber %j → %j', (raw, number, n) => {
    expect(parse({ defaultEntryPointNumber: raw }).settings.defaultEntryPointNumber).toBe(number);
    expect(problemsFor({ defaultEntryPointNumber: raw }, 'defaultEntryPointNumber')).toHaveLength(n);
  });

  it.each<[unknown, boolean, number]>([
    [true, true, 0],
    [false, false, 0],
    ['true', true, 0],
    ['TRUE', true, 0],
    [' false ', false, 0],
    ['yes', false, 1],
    [1, false, 1],
  ])('mediaLess %j → %s', (raw, value, n) => {
    expect(parse({ mediaLess: raw }).settings.mediaLess).toBe(value);
    expect(problemsFor({ mediaLess: raw }, 'mediaLess')).toHaveLength(n);
  });

  it.each<[unknown, string | null, number]>([
    ['https://sso.example.com/app/amazon_connect/exk1/sso/saml', 'https://sso.example.com/app/amazon_connect/exk1/sso/saml', 0],
    ['http://sso.example.com/', null, 1],
    ['not a url', null, 1],
  ])('loginUrl %j → %j', (raw, url, n) => {
    expect(parse({ loginUrl: raw }).settings.loginUrl).toBe(url);
    expect(problemsFor({ loginUrl: raw }, 'loginUrl')).toHaveLength(n);
  });

  it.each<[unknown, string | null, number]>([
    ['eu-west-2', 'eu-west-2', 0],
    ['US-GOV-WEST-1', 'us-gov-west-1', 0],
    ['ap-southeast-2', 'ap-southeast-2', 0],
    ['London', null, 1],
  ])('region %j → %j', (raw, region, n) => {
    expect(parse({ region: raw }).settings.region).toBe(region);
    expect(problemsFor({ region: raw }, 'region')).toHaveLength(n);
  });

  it.each<[unknown, string, number]>([
    ['ticket_no', 'ticket_no', 0],
    ['  ticketNumber  ', 'ticketNumber', 0],
    ['ticket number', 'zendesk_ticket', 1],
  ])('ticketNumberAttribute %j → %j', (raw, name, n) => {
    expect(parse({ ticketNumberAttribute: raw }).settings.ticketNumberAttribute).toBe(name);
    expect(problemsFor({ ticketNumberAttribute: raw }, 'ticketNumberAttribute')).toHaveLength(n);
  });

  it('a non-text value for a text setting is a problem', () => {
    expect(problemsFor({ loginUrl: { a: 1 } }, 'loginUrl')).toHaveLength(1);
  });
});

describe('parseSettings: queueToBrand', () => {
  it.each<[string, unknown]>([
    ['JSON text', '[{"queue":"Sales *","brand_id":2},{"queue":"Support","brand_id":"3"}]'],
    ['parsed JSON', [{ queue: 'Sales *', brand_id: 2 }, { queue: 'Support', brand_id: '3' }]],
  ])('%s', (_label, raw) => {
    const { settings, problems } = parse({ queueToBrand: raw });
    expect(problems).toEqual([]);
    expect(settings.queueToBrand).toEqual([
      { queue: 'Sales *', brand_id: 2 },
      { queue: 'Support', brand_id: 3 },
    ]);
  });

  it('malformed JSON is a problem and no mapping', () => {
    const { settings, problems } = parse({ queueToBrand: '[{"queue": "Sales"' });
    expect(settings.queueToBrand).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.setting).toBe('queueToBrand');
    expect(problems[0]!.message).toMatch(/not valid JSON/);
  });

  it('not a list is a problem', () => {
    expect(problemsFor({ queueToBrand: '{"Sales": 2}' }, 'queueToBrand')).toHaveLength(1);
  });

  it('bad rows are problems; valid rows are kept in order', () => {
    const { settings, problems } = parse({
      queueToBrand: [
        { queue: ' Sales ', brand_id: 2 },
        'Sales',
        { queue: '', brand_id: 2 },
        { queue: 'Support', brand_id: 'abc' },
        { queue: 'Support', brand_id: 0 },
        { queue: 'Support', brand_id: 1.5 },
        { queue: 'x'.repeat(129), brand_id: 2 },
        { queue: 'sales', brand_id: 3 },
        { queue: 'Billing', brand_id: '4' },
        null,
      ],
    });
    expect(settings.queueToBrand).toEqual([
      { queue: 'Sales', brand_id: 2 },
      { queue: 'Billing', brand_id: 4 },
    ]);
    expect(problems.map((p) => p.setting)).toEqual(Array(8).fill('queueToBrand'));
    expect(problems[0]!.message).toMatch(/Row 2/);
    expect(problems.some((p) => /repeats the queue "sales"/.test(p.message))).toBe(true);
  });

  it('JSON null is no mapping', () => {
    expect(parse({ queueToBrand: 'null' })).toMatchObject({ problems: [], settings: { queueToBrand: [] } });
  });
});

describe('parseSettings: brandToQueue', () => {
  it.each<[string, unknown]>([
    ['JSON text', '{"2": "Sales", "3": " Support "}'],
    ['parsed JSON', { '2': 'Sales', '3': ' Support ' }],
  ])('%s', (_label, raw) => {
    const { settings, problems } = parse({ brandToQueue: raw });
    expect(problems).toEqual([]);
    expect(settings.brandToQueue).toEqual({ '2': 'Sales', '3': 'Support' });
  });

  it('bad entries are problems; valid entries are kept; empty ones are unmapped', () => {
    const { settings, problems } = parse({
      brandToQueue: { '2': 'Sales', abc: 'Support', '4': 42, '5': '', '6': null, '7': 'x'.repeat(129) },
    });
    expect(settings.brandToQueue).toEqual({ '2': 'Sales' });
    expect(problems).toHaveLength(3);
    expect(problems.every((p) => p.setting === 'brandToQueue')).toBe(true);
  });

  it.each(['[1,2]', '"Sales"', '{bad'])('%j is a problem', (raw) => {
    const { settings, problems } = parse({ brandToQueue: raw });
    expect(settings.brandToQueue).toEqual({});
    expect(problems).toHaveLength(1);
  });
});

describe('parseSettings: messages', () => {
  it('every problem is an English sentence', () => {
    const { problems } = parseSettings({
      ccpUrl: 'http://x',
      loginUrl: 'x',
      region: 'x',
      createTicketAfterMinutes: 'x',
      ticketNumberAttribute: 'a b',
      defaultEntryPointNumber: 'x',
      defaultCountry: 'x',
      mediaLess: 'x',
      queueToBrand: 'x',
      brandToQueue: 'x',
    });
    expect(problems).toHaveLength(10);
    for (const p of problems) expect(p.message).toMatch(/^[A-Z"].*\.$/);
  });
});

// The playground's local CCP stand-in (http://localhost:<port>/ccp-v2/) is allowed only in the
// playground's build, where Vite defines __ACZ_PLAYGROUND__ true.
const STAND_INS = ['http://localhost:5173/ccp-v2/', 'http://127.0.0.1:40123/ccp-v2/', 'http://[::1]:5173/ccp-v2/'];

describe('ccpUrl: the playground stand-in', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it.each(STAND_INS)('the app refuses %j', (raw) => {
    const { settings, problems } = parseSettings({ ccpUrl: raw });
    expect(settings.ccpUrl).toBeNull();
    expect(problems.map((p) => p.setting)).toEqual(['ccpUrl']);
    expect(problems[0]!.message).toMatch(/must start with https|not an Amazon Connect address/);
    expect('problem' in checkCcpUrl(raw.replace('http:', 'https:'))).toBe(true);
  });

  it('with the flag defined false (the package build) it is refused too', async () => {
    vi.stubGlobal('__ACZ_PLAYGROUND__', false);
    vi.resetModules();
    const m = await import('../../src/domain/settings');
    expect('problem' in m.checkCcpUrl('http://localhost:5173/ccp-v2/')).toBe(true);
  });

  it('the playground build takes the stand-in on a loopback host, and nothing else it would not take anyway', async () => {
    vi.stubGlobal('__ACZ_PLAYGROUND__', true);
    vi.resetModules();
    const m = await import('../../src/domain/settings');
    for (const raw of STAND_INS) expect(m.checkCcpUrl(raw)).toEqual({ url: raw });
    for (const raw of [
      'http://localhost:5173/',
      'http://localhost:5173/ccp-v2',
      'http://localhost:5173/ccp-v2/?x=1',
      'http://user@localhost:5173/ccp-v2/',
      'http://example.com/ccp-v2/',
      'http://acme.my.connect.aws/ccp-v2',
      'file:///ccp-v2/',
    ]) {
      expect('problem' in m.checkCcpUrl(raw), raw).toBe(true);
    }
    expect(m.checkCcpUrl(CCP)).toEqual({ url: CCP });
  });
});
