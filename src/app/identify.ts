// Finding who is on the other end of a contact: only the lookups the rules need.
import type { AppSettings, ContactConfig } from '../domain/config';
import { classifyCallerNumber, phoneSearchQuery, samePhone } from '../domain/phone';
import type { CallerFact, UserFact } from '../domain/types';
import type { ZendeskGateway } from '../zendesk/gateway';

const endUsers = (users: UserFact[]) => users.filter((u) => u.role === 'end-user');

/** Users whose phone identities are read at most, per lookup, to tell a secondary number from a near miss. */
const MAX_IDENTITY_READS = 5;

interface Matches {
  users: UserFact[];
  /** Nothing may have been missed: every result was read and checked. */
  complete: boolean;
}

/**
 * One match is the customer only when nothing was left unread: with more results than were
 * read (or checked), it may be one of several, so the agent chooses.
 */
function fromMatches(m: Matches, unrecognised: CallerFact, by: 'phone' | 'email' | 'name' = 'phone'): CallerFact {
  // Not everything read: even no match among what was read is no proof of a new customer.
  if (!m.complete) return { kind: 'ambiguous', users: m.users, by };
  if (m.users.length === 1 && m.users[0]) return { kind: 'recognised', user: m.users[0] };
  if (m.users.length > 1) return { kind: 'ambiguous', users: m.users, by };
  return unrecognised;
}

/** End users of a search, kept when `keep` says so. */
async function searched(gw: ZendeskGateway, query: string, keep: (u: UserFact) => boolean): Promise<Matches> {
  const res = await gw.searchUsers(query);
  return { users: endUsers(res.users).filter(keep), complete: res.complete };
}

/**
 * End users of a phone search whose number is `same`: by the primary phone, else by a further
 * phone identity (search finds users through those too, the user record shows only the primary).
 */
async function byPhone(gw: ZendeskGateway, query: string, same: (phone: string | null) => boolean): Promise<Matches> {
  const res = await gw.searchUsers(query);
  const users: UserFact[] = [];
  let complete = res.complete;
  let reads = 0;
  for (const u of endUsers(res.users)) {
    if (same(u.phone)) users.push(u);
    else if (reads >= MAX_IDENTITY_READS) complete = false;
    else {
      reads++;
      if ((await gw.userPhones(u.id)).some(same)) users.push(u);
    }
  }
  return { users, complete };
}

/** zendesk_user > customer_number > the number Connect reports. */
export async function identifyByPhone(
  gw: ZendeskGateway,
  config: ContactConfig,
  endpoint: string | null,
  settings: AppSettings,
): Promise<CallerFact> {
  const byId = await userById(gw, config);
  if (byId) return byId;
  return lookupNumber(gw, config.customerNumber ?? endpoint, config.customerName, null, settings);
}

/** Chats: zendesk_user > customer_email > customer_number > customer_name. */
export async function identifyChatCustomer(gw: ZendeskGateway, config: ContactConfig, settings: AppSettings): Promise<CallerFact> {
  const byId = await userById(gw, config);
  if (byId) return byId;
  const unrecognised: CallerFact = {
    kind: 'unrecognised',
    number: config.customerNumber,
    email: config.customerEmail,
    name: config.customerName,
  };
  if (config.customerEmail) {
    const m = await searched(gw, `email:${config.customerEmail}`, () => true);
    if (m.users.length) return fromMatches(m, unrecognised, 'email');
  }
  if (config.customerNumber) {
    const fact = await lookupNumber(gw, config.customerNumber, config.customerName, config.customerEmail, settings);
    if (fact.kind !== 'unrecognised' && fact.kind !== 'anonymous') return fact;
  }
  if (config.customerName) {
    const name = config.customerName.replace(/"/g, '');
    const m = await searched(gw, `name:"${name}"`, (u) => u.name.trim().toLowerCase() === config.customerName?.trim().toLowerCase());
    if (m.users.length) return fromMatches(m, unrecognised, 'name');
  }
  if (!config.customerEmail && !config.customerNumber && !config.customerName) return { kind: 'anonymous', noData: true };
  return unrecognised;
}

async function userById(gw: ZendeskGateway, config: ContactConfig): Promise<CallerFact | null> {
  if (config.zendeskUserId === null) return null;
  const user = await gw.getUser(config.zendeskUserId);
  return user ? { kind: 'recognised', user } : null;
}

async function lookupNumber(
  gw: ZendeskGateway,
  raw: string | null,
  name: string | null,
  email: string | null,
  settings: AppSettings,
): Promise<CallerFact> {
  const n = classifyCallerNumber(raw, settings.defaultCountry);
  if (n.kind === 'anonymous') return { kind: 'anonymous' };
  if (n.kind === 'unparseable') {
    // A number libphonenumber cannot read (a short code, a malformed CLI): matched digit for digit.
    const d = n.raw.replace(/\D/g, '');
    if (d.length < 3) return { kind: 'unrecognised', number: null, email, name };
    const found = await byPhone(gw, `role:end-user phone:*${d}`, (p) => (p ?? '').replace(/\D/g, '') === d);
    return fromMatches(found, { kind: 'unrecognised', number: n.raw, email, name });
  }
  const query = phoneSearchQuery(n.e164);
  if (!query) return { kind: 'unrecognised', number: n.e164, email, name };
  const found = await byPhone(gw, query, (p) => samePhone(p, n.e164, settings.defaultCountry));
  return fromMatches(found, { kind: 'unrecognised', number: n.e164, email, name });
}
