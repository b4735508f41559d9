// Finding who is on the other end of a contact: only the lookups the rules need.
import type { AppSettings, ContactConfig } from '../domain/config';
import { classifyCallerNumber, phoneSearchQuery, samePhone } from '../domain/phone';
import type { CallerFact, UserFact } from '../domain/types';
import type { ZendeskGateway } from '../zendesk/gateway';

const endUsers = (users: UserFact[]) => users.filter((u) => u.role === 'end-user');

function fromMatches(users: UserFact[], unrecognised: CallerFact, by: 'phone' | 'email' | 'name' = 'phone'): CallerFact {
  if (users.length === 1 && users[0]) return { kind: 'recognised', user: users[0] };
  if (users.length > 1) return { kind: 'ambiguous', users, by };
  return unrecognised;
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
    const users = endUsers(await gw.searchUsers(`email:${config.customerEmail}`));
    if (users.length) return fromMatches(users, unrecognised, 'email');
  }
  if (config.customerNumber) {
    const fact = await lookupNumber(gw, config.customerNumber, config.customerName, config.customerEmail, settings);
    if (fact.kind !== 'unrecognised' && fact.kind !== 'anonymous') return fact;
  }
  if (config.customerName) {
    const name = config.customerName.replace(/"/g, '');
    const users = endUsers(await gw.searchUsers(`name:"${name}"`)).filter(
      (u) => u.name.trim().toLowerCase() === config.customerName?.trim().toLowerCase(),
    );
    if (users.length) return fromMatches(users, unrecognised, 'name');
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
    const found = endUsers(await gw.searchUsers(`role:end-user phone:*${d}`)).filter((u) => (u.phone ?? '').replace(/\D/g, '') === d);
    return fromMatches(found, { kind: 'unrecognised', number: n.raw, email, name });
  }
  const query = phoneSearchQuery(n.e164);
  if (!query) return { kind: 'unrecognised', number: n.e164, email, name };
  const found = endUsers(await gw.searchUsers(query)).filter((u) => samePhone(u.phone, n.e164, settings.defaultCountry));
  return fromMatches(found, { kind: 'unrecognised', number: n.e164, email, name });
}
