// The app's installation settings, as Zendesk (or a scenario file) hands them over, checked and
// defaulted. Every problem is an English sentence addressed to the Zendesk admin.
//
// In Zendesk every setting arrives as text (checkboxes as booleans, or "true"/"false"); the two
// mappings arrive as JSON text; scenario files give JSON values. Values are trimmed and an empty
// value means "use the default". Unknown keys are ignored (the manifest may have more).
import type { AppSettings, QueueToBrandRule, SettingsProblem } from './config';
import { MAX_QUEUE_PATTERN_LENGTH } from './brand';
import { knownCountry, normalizeE164 } from './phone';

export const DEFAULT_TICKET_NUMBER_ATTRIBUTE = 'zendesk_ticket';

export const DEFAULT_SETTINGS: Readonly<AppSettings> = Object.freeze({
  ccpUrl: null,
  loginUrl: null,
  region: null,
  createTicketAfterMinutes: 0,
  ticketNumberAttribute: DEFAULT_TICKET_NUMBER_ATTRIBUTE,
  defaultEntryPointNumber: null,
  defaultCountry: null,
  mediaLess: false,
  queueToBrand: [],
  brandToQueue: {},
});

/**
 * The host families of Amazon Connect's agent application (where the CCP lives), as recognised
 * by amazon-connect-streams itself and the AWS documentation:
 *   <alias>.my.connect.aws        current commercial regions (CCP at /ccp-v2)
 *   <alias>.awsapps.com           instances created before the my.connect.aws domain (CCP at /connect/ccp-v2)
 *   <alias>.govcloud.connect.aws  AWS GovCloud (US) (CCP at /ccp-v2)
 * Amazon Connect has no China-region (amazonaws.cn) agent domain.
 */
const CCP_HOSTS: { suffix: string; defaultPath: string }[] = [
  { suffix: '.my.connect.aws', defaultPath: '/ccp-v2' },
  { suffix: '.govcloud.connect.aws', defaultPath: '/ccp-v2' },
  { suffix: '.awsapps.com', defaultPath: '/connect/ccp-v2' },
];

/** An instance alias: letters, digits and inner hyphens (one DNS label). */
const ALIAS = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const CCP_EXAMPLE =
  'https://your-instance.my.connect.aws/ccp-v2 (or https://your-instance.awsapps.com/connect/ccp-v2 for older instances, https://your-instance.govcloud.connect.aws/ccp-v2 in AWS GovCloud)';

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const chars = Array.from(text);
  return chars.length <= 120 ? text : chars.slice(0, 119).join('') + '…';
}

/** Text of a scalar setting, trimmed; null when absent or empty; undefined when not a scalar. */
function scalarText(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The playground (`npm start`) only: its local page standing in for the CCP, at
 * http://localhost:<port>/ccp-v2/, so that Streams' real initCCP frames it. The flag is true only
 * in playground/vite.config.ts; the app's vite.config.ts defines it false, which compiles this out
 * of the package, and outside a Vite build (Node, Vitest) it is not defined: the check is Amazon's.
 */
const PLAYGROUND_BUILD = typeof __ACZ_PLAYGROUND__ !== 'undefined' && __ACZ_PLAYGROUND__ === true;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

function isPlaygroundStandIn(url: URL): boolean {
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    LOOPBACK_HOSTS.includes(url.hostname) &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/ccp-v2/' &&
    url.search === '' &&
    url.hash === ''
  );
}

/** Checks a CCP address; returns the address to use (a default path added) or a problem. */
export function checkCcpUrl(raw: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: `The CCP address (ccpUrl) "${shown(raw)}" is not a web address. It should look like ${CCP_EXAMPLE}.` };
  }
  if (PLAYGROUND_BUILD && isPlaygroundStandIn(url)) return { url: url.toString() };
  if (url.protocol !== 'https:') {
    return { problem: `The CCP address (ccpUrl) "${shown(raw)}" must start with https://. It should look like ${CCP_EXAMPLE}.` };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const family = CCP_HOSTS.find((h) => host.endsWith(h.suffix));
  const alias = family ? host.slice(0, -family.suffix.length) : '';
  if (!family || !ALIAS.test(alias) || url.username !== '' || url.password !== '' || url.port !== '') {
    return {
      problem: `The CCP address (ccpUrl) "${shown(raw)}" is not an Amazon Connect address (the host is "${host}"). It should look like ${CCP_EXAMPLE}.`,
    };
  }
  if (url.pathname === '' || url.pathname === '/') url.pathname = family.defaultPath;
  return { url: url.toString() };
}

function checkHttpsUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A non-negative number of minutes from a number or numeric text; null when it is not one. */
export function parseMinutes(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** true/false, "true"/"false" (any case); null for anything else. */
export function parseBooleanText(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const t = value.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  return null;
}

/** A positive integer id from a number or digit text. */
function parseId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  }
  return null;
}

/** Parses a mapping setting: JSON text or an already-parsed value; undefined means "empty". */
function jsonValue(
  value: unknown,
  setting: 'queueToBrand' | 'brandToQueue',
  label: string,
  problems: SettingsProblem[],
): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (t === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(t);
    return parsed === null ? undefined : parsed;
  } catch {
    problems.push({ setting, message: `The ${label} setting is not valid JSON, so no mapping is used. Open the app's Settings tab and save the mapping again.` });
    return undefined;
  }
}

function parseQueueToBrand(value: unknown, problems: SettingsProblem[]): QueueToBrandRule[] {
  const label = 'queues to brands';
  const v = jsonValue(value, 'queueToBrand', label, problems);
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    problems.push({ setting: 'queueToBrand', message: `The ${label} setting should be a list of {"queue", "brand_id"} rows, but it is ${shown(v)}; no mapping is used.` });
    return [];
  }
  const rules: QueueToBrandRule[] = [];
  const seen = new Set<string>();
  v.forEach((row: unknown, index) => {
    const n = index + 1;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push({ setting: 'queueToBrand', message: `Row ${n} of the ${label} mapping is not a {"queue", "brand_id"} row (${shown(row)}); it is ignored.` });
      return;
    }
    const r = row as Record<string, unknown>;
    const queue = typeof r.queue === 'string' ? r.queue.trim() : '';
    const brandId = parseId(r.brand_id);
    if (queue === '') {
      problems.push({ setting: 'queueToBrand', message: `Row ${n} of the ${label} mapping has no queue name; it is ignored.` });
      return;
    }
    if (Array.from(queue).length > MAX_QUEUE_PATTERN_LENGTH) {
      problems.push({ setting: 'queueToBrand', message: `Row ${n} of the ${label} mapping has a queue name longer than ${MAX_QUEUE_PATTERN_LENGTH} characters; it is ignored.` });
      return;
    }
    if (brandId === null) {
      problems.push({ setting: 'queueToBrand', message: `Row ${n} of the ${label} mapping (queue "${shown(queue)}") has the brand id ${shown(r.brand_id ?? null)}, which is not a brand id; it is ignored.` });
      return;
    }
    const key = queue.toLowerCase();
    if (seen.has(key)) {
      problems.push({ setting: 'queueToBrand', message: `Row ${n} of the ${label} mapping repeats the queue "${shown(queue)}"; only the first row for it is used.` });
      return;
    }
    seen.add(key);
    rules.push({ queue, brand_id: brandId });
  });
  return rules;
}

function parseBrandToQueue(value: unknown, problems: SettingsProblem[]): Record<string, string> {
  const label = 'brands to queues';
  const v = jsonValue(value, 'brandToQueue', label, problems);
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    problems.push({ setting: 'brandToQueue', message: `The ${label} setting should map brand ids to queue names, like {"2": "Sales"}, but it is ${shown(v)}; no mapping is used.` });
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, queue] of Object.entries(v as Record<string, unknown>)) {
    const id = parseId(key);
    if (id === null) {
      problems.push({ setting: 'brandToQueue', message: `The ${label} mapping has the key "${shown(key)}", which is not a brand id; it is ignored.` });
      continue;
    }
    if (typeof queue !== 'string' || queue.trim() === '') {
      if (queue === null || (typeof queue === 'string' && queue.trim() === '')) continue; // brand left unmapped
      problems.push({ setting: 'brandToQueue', message: `The ${label} mapping gives brand ${id} the value ${shown(queue)}, which is not a queue name; it is ignored.` });
      continue;
    }
    if (Array.from(queue.trim()).length > MAX_QUEUE_PATTERN_LENGTH) {
      problems.push({ setting: 'brandToQueue', message: `The ${label} mapping gives brand ${id} a queue name longer than ${MAX_QUEUE_PATTERN_LENGTH} characters; it is ignored.` });
      continue;
    }
    out[String(id)] = queue.trim();
  }
  return out;
}

/** Checks and defaults the app's settings. Never throws. */
export function parseSettings(raw: Record<string, unknown>): { settings: AppSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const input = raw ?? {};
  const settings: AppSettings = {
    ...DEFAULT_SETTINGS,
    queueToBrand: [],
    brandToQueue: {},
  };
  const notText = (setting: keyof AppSettings, value: unknown) =>
    problems.push({ setting, message: `The ${setting} setting should be text, but it is ${shown(value)}; it is ignored.` });

  // ccpUrl
  const ccp = scalarText(input.ccpUrl);
  if (ccp === undefined) notText('ccpUrl', input.ccpUrl);
  else if (ccp === null) {
    problems.push({ setting: 'ccpUrl', message: `The CCP address (ccpUrl) is not set. Enter your Amazon Connect instance's address, like ${CCP_EXAMPLE}.` });
  } else {
    const checked = checkCcpUrl(ccp);
    if ('url' in checked) settings.ccpUrl = checked.url;
    else problems.push({ setting: 'ccpUrl', message: checked.problem });
  }

  // loginUrl (optional)
  const login = scalarText(input.loginUrl);
  if (login === undefined) notText('loginUrl', input.loginUrl);
  else if (login !== null) {
    if (checkHttpsUrl(login)) settings.loginUrl = login;
    else problems.push({ setting: 'loginUrl', message: `The sign-in address (loginUrl) "${shown(login)}" is not an https:// web address; it is ignored.` });
  }

  // region (optional)
  const region = scalarText(input.region);
  if (region === undefined) notText('region', input.region);
  else if (region !== null) {
    const r = region.toLowerCase();
    if (/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(r)) settings.region = r;
    else problems.push({ setting: 'region', message: `The region "${shown(region)}" is not an AWS region code like eu-west-2 or us-east-1; it is ignored.` });
  }

  // createTicketAfterMinutes
  const minutesRaw = input.createTicketAfterMinutes;
  if (!(minutesRaw === undefined || minutesRaw === null || (typeof minutesRaw === 'string' && minutesRaw.trim() === ''))) {
    const minutes = parseMinutes(minutesRaw);
    if (minutes === null) {
      problems.push({ setting: 'createTicketAfterMinutes', message: `"Create ticket after minutes" is ${shown(minutesRaw)}, which is not a number of minutes (0 or more); 0 (off) is used.` });
    } else settings.createTicketAfterMinutes = minutes;
  }

  // ticketNumberAttribute
  const attr = scalarText(input.ticketNumberAttribute);
  if (attr === undefined) notText('ticketNumberAttribute', input.ticketNumberAttribute);
  else if (attr !== null) {
    if (/\s/.test(attr)) {
      problems.push({ setting: 'ticketNumberAttribute', message: `The ticket number attribute name "${shown(attr)}" contains spaces, which a contact attribute name cannot have; "${DEFAULT_TICKET_NUMBER_ATTRIBUTE}" is used.` });
    } else settings.ticketNumberAttribute = attr;
  }

  // defaultEntryPointNumber
  const entry = scalarText(input.defaultEntryPointNumber);
  if (entry === undefined) notText('defaultEntryPointNumber', input.defaultEntryPointNumber);
  else if (entry !== null) {
    const e164 = normalizeE164(entry);
    if (e164) settings.defaultEntryPointNumber = e164;
    else problems.push({ setting: 'defaultEntryPointNumber', message: `The default entry point phone number "${shown(entry)}" is not a phone number in E.164 format (like +442079460000); it is ignored.` });
  }

  // defaultCountry
  const country = scalarText(input.defaultCountry);
  if (country === undefined) notText('defaultCountry', input.defaultCountry);
  else if (country !== null) {
    const code = knownCountry(country);
    if (code) settings.defaultCountry = code;
    else {
      const hint = country.trim().toUpperCase() === 'UK' ? ' (for the United Kingdom use GB)' : '';
      problems.push({ setting: 'defaultCountry', message: `The default country "${shown(country)}" is not a two-letter ISO country code${hint}; numbers without a country code will not be recognised.` });
    }
  }

  // mediaLess
  const ml = input.mediaLess;
  if (!(ml === undefined || ml === null || (typeof ml === 'string' && ml.trim() === ''))) {
    const b = parseBooleanText(ml);
    if (b === null) problems.push({ setting: 'mediaLess', message: `The media-less mode setting is ${shown(ml)}, which is not true or false; media-less mode is off.` });
    else settings.mediaLess = b;
  }

  settings.queueToBrand = parseQueueToBrand(input.queueToBrand, problems);
  settings.brandToQueue = parseBrandToQueue(input.brandToQueue, problems);

  return { settings, problems };
}
