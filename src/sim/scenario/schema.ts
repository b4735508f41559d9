// The scenario file format (see FORMAT.md in the shared scenarios folder), as zod schemas.
// Browser-safe: no Node imports. Every object is strict: unknown fields are errors.
//
// `ScenarioSchema` validates a parsed JSON document, runs the cross-checks (agents, contact
// ids, timeline) and returns a normalised `Scenario` in which every step has `at`, `agent`
// and `tab`, and every contact's declaring event has `initiation`. Use `loadScenario`
// (./load.ts) to get one clear error line instead of zod issues.
import { z } from 'zod';
import { ScenarioExpectSchema, type ScenarioExpect } from './expect';
import { anyJson, closest, isPlainObject, strict, unknownFieldMessage, type Json, type Simplify } from './strict';

export type { Json } from './strict';

// ---------------------------------------------------------------------------------------
// Vocabulary

export const SETTING_NAMES = [
  'ccpUrl',
  'loginUrl',
  'region',
  'createTicketAfterMinutes',
  'ticketNumberAttribute',
  'defaultEntryPointNumber',
  'defaultCountry',
  'mediaLess',
  'queueToBrand',
  'brandToQueue',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

export const USER_ROLES = ['end-user', 'agent', 'admin'] as const;
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export const CHANNELS = ['voice', 'chat', 'task', 'email'] as const;
export const INITIATIONS = ['inbound', 'outbound', 'transfer', 'queue_transfer', 'callback', 'api'] as const;
export const CONTACT_EVENTS = [
  'incoming',
  'dialing',
  'accepted',
  'connected',
  'hold',
  'resume',
  'message',
  'voiceid',
  'missed',
  'rejected',
  'ended',
  'destroyed',
] as const;
export const MESSAGE_ROLES = ['CUSTOMER', 'AGENT', 'SYSTEM'] as const;
export const VOICEID_STATUSES = ['ENROLLED', 'OPTED_OUT', ''] as const;
export const ACTIONS = [
  'view',
  'create_ticket',
  'attach_to_current',
  'no_ticket',
  'dial',
  'select_outbound_queue',
  'reset_outbound_queue',
  'switch_contact',
  'reload',
  'open_tab',
  'close_tab',
] as const;
export const ZENDESK_CHANGES = ['create_user', 'update_user', 'update_ticket', 'create_ticket'] as const;
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export type UserRole = (typeof USER_ROLES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type Channel = (typeof CHANNELS)[number];
export type Initiation = (typeof INITIATIONS)[number];
export type ContactEventName = (typeof CONTACT_EVENTS)[number];
export type ActionName = (typeof ACTIONS)[number];

// ---------------------------------------------------------------------------------------
// Building blocks

const Id = z.int().min(1);
const IsoTime = z.iso.datetime();
const Text = z.string();

// ---------------------------------------------------------------------------------------
// settings

const settingsShape = Object.fromEntries(SETTING_NAMES.map((n) => [n, anyJson().optional()])) as {
  [K in SettingName]: z.ZodOptional<z.ZodType<Json>>;
};
export const ScenarioSettingsSchema = z.strictObject(settingsShape, {
  error: (iss) => {
    if (iss.code !== 'unrecognized_keys') return undefined;
    const guess = closest(String(iss.keys[0]), SETTING_NAMES);
    return guess ? `unknown setting (did you mean "${guess}"?)` : `unknown setting; the settings are ${SETTING_NAMES.join(', ')}`;
  },
});
/** App settings by manifest parameter name, as JSON values (deliberately not validated further). */
export type ScenarioSettings = z.output<typeof ScenarioSettingsSchema>;

// ---------------------------------------------------------------------------------------
// zendesk

export const ZendeskUserSpecSchema = strict({
  id: Id,
  name: Text,
  role: z.enum(USER_ROLES),
  phone: Text.optional(),
  email: Text.optional(),
  user_fields: z.record(z.string(), anyJson()).optional(),
  external_id: Text.optional(),
  organization_id: Id.optional(),
  tags: z.array(Text).optional(),
  /** End users: further phone numbers, found by search and lookups like `phone`. */
  identities: z.array(strict({ type: z.literal('phone_number'), value: Text.min(1) })).optional(),
  /** Agents: false = creating or updating end users gets 403. */
  can_manage_end_users: z.boolean().optional(),
  /** Agents: the tickets they see; elsewhere 403, and lists leave the others out. */
  ticket_access: z.enum(['all', 'groups', 'assigned']).optional(),
  group_ids: z.array(Id).optional(),
  /** Agents: brand memberships; brands are then listed only to their members. */
  brand_ids: z.array(Id).optional(),
});
export type ZendeskUserSpec = z.output<typeof ZendeskUserSpecSchema>;

const CustomFieldValueSchema = strict({ id: Id, value: anyJson() });

export const ZendeskTicketSpecSchema = strict({
  id: Id,
  requester_id: Id,
  status: z.enum(TICKET_STATUSES),
  subject: Text.optional(),
  description: Text.optional(),
  created_at: IsoTime.optional(),
  updated_at: IsoTime.optional(),
  brand_id: Id.optional(),
  tags: z.array(Text).optional(),
  custom_fields: z.array(CustomFieldValueSchema).optional(),
  external_id: Text.optional(),
  via_id: z.int().optional(),
  assignee_id: Id.optional(),
  group_id: Id.optional(),
});
export type ZendeskTicketSpec = z.output<typeof ZendeskTicketSpecSchema>;

export const ZendeskBrandSpecSchema = strict({
  id: Id,
  name: Text,
  default: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type ZendeskBrandSpec = z.output<typeof ZendeskBrandSpecSchema>;

/** Zendesk's ticket fields have an id and a title, no key; an inactive one is still listed. */
export const ZendeskTicketFieldSpecSchema = strict({ id: Id, title: Text, type: Text, active: z.boolean().optional() });
export type ZendeskTicketFieldSpec = z.output<typeof ZendeskTicketFieldSpecSchema>;

export const ZendeskUserFieldSpecSchema = strict({ key: Text, type: Text, title: Text.optional() });
export type ZendeskUserFieldSpec = z.output<typeof ZendeskUserFieldSpecSchema>;

export const ZendeskInitSpecSchema = strict({
  start: IsoTime,
  search_index_delay_seconds: z.number().min(0).default(0),
  latency_ms: z.number().min(0).default(0),
  users: z.array(ZendeskUserSpecSchema).default([]),
  tickets: z.array(ZendeskTicketSpecSchema).default([]),
  brands: z.array(ZendeskBrandSpecSchema).default([]),
  ticket_fields: z.array(ZendeskTicketFieldSpecSchema).default([]),
  user_fields: z.array(ZendeskUserFieldSpecSchema).default([]),
  /** The account's API limit, shared by every agent and tab; unset: none. */
  rate_limit_per_minute: z.int().min(1).optional(),
  /** A user phone not in E.164 gets 422. */
  validate_phone_numbers: z.boolean().optional(),
  /** Longer comment bodies are cut there, silently (default 65536). */
  comment_max_bytes: z.int().min(1).optional(),
  /** false: no Talk Partner Edition: its endpoints answer 403 and voice.dialout never fires (default true). */
  talk_partner_edition: z.boolean().optional(),
});
export type ZendeskInitSpec = z.output<typeof ZendeskInitSpecSchema>;

// ---------------------------------------------------------------------------------------
// agents

export const RoutingProfileSpecSchema = strict({
  name: Text,
  queues: z.array(Text.min(1)).min(1),
  default_outbound_queue: Text.optional(),
});
export type RoutingProfileSpec = z.output<typeof RoutingProfileSpecSchema>;

/** A Zendesk locale tag as currentUser.locale gives it: "en-US", "de", "pt-br", "zh-cn". */
const LocaleTag = Text.regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'expected a locale such as "en-US" or "de"');

export const ScenarioAgentSchema = strict({
  name: Text.min(1),
  zendesk_user_id: Id,
  /** The agent's Zendesk locale (currentUser.locale); default "en-US". */
  locale: LocaleTag.optional(),
  routing_profile: RoutingProfileSpecSchema,
});
export type ScenarioAgent = z.output<typeof ScenarioAgentSchema>;

// ---------------------------------------------------------------------------------------
// steps

type AnyObjectSchema = z.ZodObject<z.core.$ZodLooseShape, z.core.$strict>;

/**
 * A schema that picks one of `variants` by the string in field `tag` and validates the
 * object with it. Fields that belong to another variant get a precise message
 * (`only "message" events have this field`) instead of "unknown field".
 */
function tagged<M extends Record<string, AnyObjectSchema>>(tag: string, variants: M, plural: string) {
  type Out = z.output<M[keyof M]>;
  const names = Object.keys(variants);
  const owners = new Map<string, string[]>();
  for (const [name, schema] of Object.entries(variants)) {
    for (const key of Object.keys(schema.shape)) owners.set(key, [...(owners.get(key) ?? []), name]);
  }
  return z.unknown().transform((input, ctx): Out => {
    if (!isPlainObject(input)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'object', input });
      return z.NEVER;
    }
    const value = input[tag];
    const schema = typeof value === 'string' && Object.hasOwn(variants, value) ? variants[value] : undefined;
    if (!schema) {
      // Still point out fields no variant knows: a typo'd tag name is most likely among them.
      for (const key of Object.keys(input)) {
        if (!owners.has(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: unknownFieldMessage(key, [...owners.keys()]), input: input[key] });
        }
      }
      ctx.addIssue(
        value === undefined
          ? { code: 'invalid_type', expected: 'string', input: undefined, path: [tag] }
          : { code: 'invalid_value', values: names, input: value, path: [tag] },
      );
      return z.NEVER;
    }
    const own = schema.shape;
    const rest: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(input)) {
      const others = owners.get(key);
      if (!Object.hasOwn(own, key) && others) {
        const list = others.map((o) => `"${o}"`);
        const who = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
        ctx.addIssue({ code: 'custom', path: [key], message: `only ${who} ${plural} have this field`, input: v });
      } else {
        rest[key] = v;
      }
    }
    const r = schema.safeParse(rest, { reportInput: true });
    if (!r.success) {
      ctx.issues.push(...(r.error.issues as unknown as typeof ctx.issues));
      return z.NEVER;
    }
    if (ctx.issues.length) return z.NEVER;
    return r.data as Out;
  });
}

const stepCommon = {
  /** Seconds since zendesk.start; never decreasing; default: the previous step's. */
  at: z.number().min(0).optional(),
  /** Agent name; default: the first agent. */
  agent: Text.optional(),
  /** The agent's app instance (Zendesk browser tab); default 1. */
  tab: z.int().min(1).optional(),
};

/** Fields that the first event of a contact (incoming / dialing) declares. */
const contactDeclaration = {
  channel: z.enum(CHANNELS).optional(),
  initiation: z.enum(INITIATIONS).optional(),
  customer: Text.optional(),
  system: Text.optional(),
  initial_contact_id: Text.optional(),
  previous_contact_id: Text.optional(),
  name: Text.optional(),
  description: Text.optional(),
  references: z.record(z.string(), z.string()).optional(),
  monitoring: z.boolean().optional(),
};

/** What any event may change: the queue (transfers) and user-defined attributes (merged). */
const contactChange = {
  queue: Text.optional(),
  attributes: z.record(z.string(), z.string()).optional(),
};

function contactEvent<E extends ContactEventName, X extends z.core.$ZodLooseShape>(event: E, extra: X) {
  return strict({ ...stepCommon, contact: Text.min(1), event: z.literal(event), ...contactChange, ...extra });
}

const declaring = <E extends 'incoming' | 'dialing'>(e: E) => contactEvent(e, contactDeclaration);
const plain = <E extends ContactEventName>(e: E) => contactEvent(e, {});

const contactVariants = {
  incoming: declaring('incoming'),
  dialing: declaring('dialing'),
  accepted: plain('accepted'),
  connected: plain('connected'),
  hold: plain('hold'),
  resume: plain('resume'),
  message: contactEvent('message', {
    role: z.enum(MESSAGE_ROLES),
    text: Text,
    display_name: Text.optional(),
  }),
  voiceid: contactEvent('voiceid', {
    status: z.enum(VOICEID_STATUSES),
    speaker_id: Text.optional(),
  }),
  /** `state: "error"`: the CCP reports the contact in error (a softphone failure) instead of missed. */
  missed: contactEvent('missed', { state: z.enum(['missed', 'error']).optional() }),
  rejected: plain('rejected'),
  ended: plain('ended'),
  destroyed: plain('destroyed'),
};
export const ContactStepSchema = tagged('event', contactVariants, 'events');

function action<A extends ActionName, X extends z.core.$ZodLooseShape>(name: A, extra: X) {
  return strict({ ...stepCommon, action: z.literal(name), ...extra });
}

const actionVariants = {
  view: action('view', { ticket: Id.optional(), user: Id.optional() }).superRefine((s, ctx) => {
    if ((s.ticket === undefined) === (s.user === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a "view" action needs exactly one of "ticket" or "user"' });
    }
  }),
  create_ticket: action('create_ticket', { contact: Text.min(1) }),
  attach_to_current: action('attach_to_current', { contact: Text.min(1) }),
  no_ticket: action('no_ticket', { contact: Text.min(1) }),
  dial: action('dial', { number: Text.min(1), ticket: Id.optional(), user: Id.optional() }).superRefine((s, ctx) => {
    if (s.ticket !== undefined && s.user !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'a "dial" action takes "ticket" or "user", not both' });
    }
  }),
  select_outbound_queue: action('select_outbound_queue', { queue: Text.min(1) }),
  reset_outbound_queue: action('reset_outbound_queue', {}),
  switch_contact: action('switch_contact', { contact: Text.min(1) }),
  reload: action('reload', {}),
  open_tab: action('open_tab', {}),
  close_tab: action('close_tab', {}),
};
export const ActionStepSchema = tagged('action', actionVariants, 'actions');

const userChange = {
  name: Text.optional(),
  phone: Text.optional(),
  email: Text.optional(),
  user_fields: z.record(z.string(), anyJson()).optional(),
  external_id: Text.optional(),
  organization_id: Id.optional(),
  tags: z.array(Text).optional(),
};
const ticketChange = {
  subject: Text.optional(),
  description: Text.optional(),
  brand_id: Id.optional(),
  tags: z.array(Text).optional(),
  custom_fields: z.array(CustomFieldValueSchema).optional(),
  external_id: Text.optional(),
  via_id: z.int().optional(),
  assignee_id: Id.optional(),
};

export const ZendeskChangeSchema = strict({
  /** A user created in Zendesk outside the app; `id` optional (the in-memory Zendesk picks one). */
  create_user: strict({ id: Id.optional(), role: z.enum(USER_ROLES).optional(), ...userChange, name: Text }).optional(),
  update_user: strict({ id: Id, role: z.enum(USER_ROLES).optional(), ...userChange }).optional(),
  update_ticket: strict({
    id: Id,
    requester_id: Id.optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    ...ticketChange,
  }).optional(),
  create_ticket: strict({
    id: Id.optional(),
    requester_id: Id,
    status: z.enum(TICKET_STATUSES).optional(),
    ...ticketChange,
  }).optional(),
}).superRefine((c, ctx) => {
  const keys = ZENDESK_CHANGES.filter((k) => c[k] !== undefined);
  if (keys.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: `needs exactly one of ${ZENDESK_CHANGES.slice(0, -1).join(', ')} or ${ZENDESK_CHANGES.at(-1)}${
        keys.length ? `; found ${keys.join(' and ')}` : ''
      }`,
    });
  }
});
export type ZendeskChange = z.output<typeof ZendeskChangeSchema>;

export const ZendeskStepSchema = strict({ ...stepCommon, zendesk: ZendeskChangeSchema });

export const FaultSpecSchema = strict({
  method: z.enum(HTTP_METHODS),
  /** Matches requests whose path starts with this. */
  path: Text.startsWith('/api/v2/'),
  /** 0: network error; "hang": never answers; 200..599: that HTTP status (a 2xx with `body` or `delay_ms`). */
  status: z.union([
    z.literal('hang'),
    z.int().refine((s) => s === 0 || (s >= 200 && s <= 599), {
      error: (iss) => `must be 0 (a network error), "hang" or an HTTP status 200..599, got ${String(iss.input)}`,
    }),
  ]),
  /** Seconds, sent as the Retry-After header; a string is sent as it is; null: no header. */
  retry_after: z.union([z.number().min(0), z.string(), z.null()]).optional(),
  /** The answer comes this much later than usual (simulated milliseconds). */
  delay_ms: z.number().min(0).optional(),
  /** A body that is not Zendesk's JSON (an HTML error page), with its content type. */
  body: z.string().optional(),
  content_type: z.string().optional(),
  /** How many matching requests fail. */
  times: z.int().min(1).default(1),
  /** The request takes effect in Zendesk, but its response is lost (the app sees the failure). */
  after_write: z.boolean().default(false),
}).superRefine((f, ctx) => {
  // A success status is a fault only as a slow answer or one whose body is not Zendesk's JSON.
  if (typeof f.status === 'number' && f.status >= 200 && f.status < 400 && f.body === undefined && f.delay_ms === undefined) {
    ctx.addIssue({ code: 'custom', path: ['status'], message: `a success status (${f.status}) is a fault only with "body" or "delay_ms"` });
  }
});
export type FaultSpec = z.output<typeof FaultSpecSchema>;

export const FaultStepSchema = strict({ ...stepCommon, fault: FaultSpecSchema });

const STEP_KINDS = ['contact', 'action', 'zendesk', 'fault'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

type RawContactStep = z.output<typeof ContactStepSchema>;
type RawActionStep = z.output<typeof ActionStepSchema>;
type RawZendeskStep = z.output<typeof ZendeskStepSchema>;
type RawFaultStep = z.output<typeof FaultStepSchema>;
type RawStep = RawContactStep | RawActionStep | RawZendeskStep | RawFaultStep;

/** Every field name a step of any kind can have. */
const STEP_KEYS: readonly string[] = [
  ...new Set(
    [...Object.values(contactVariants), ...Object.values(actionVariants), ZendeskStepSchema, FaultStepSchema].flatMap((v) =>
      Object.keys(v.shape),
    ),
  ),
];

/** One step; the kind is chosen by which of contact(+event) / action / zendesk / fault it has. */
export const ScenarioStepSchema = z.unknown().transform((input, ctx): RawStep => {
  if (!isPlainObject(input)) {
    ctx.addIssue({ code: 'invalid_type', expected: 'object', input });
    return z.NEVER;
  }
  const kinds: StepKind[] = [];
  if ('event' in input || ('contact' in input && !('action' in input))) kinds.push('contact');
  if ('action' in input) kinds.push('action');
  if ('zendesk' in input) kinds.push('zendesk');
  if ('fault' in input) kinds.push('fault');
  if (kinds.length === 0) {
    for (const key of Object.keys(input)) {
      if (!STEP_KEYS.includes(key)) {
        ctx.addIssue({ code: 'custom', path: [key], message: unknownFieldMessage(key, STEP_KEYS), input: input[key] });
      }
    }
  }
  if (kinds.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      input,
      message:
        kinds.length === 0
          ? 'a step needs one of "contact" (with "event"), "action", "zendesk" or "fault"'
          : `a step has exactly one of "contact", "action", "zendesk" or "fault", but this one has ${kinds
              .map((k) => `"${k}"`)
              .join(' and ')}`,
    });
    return z.NEVER;
  }
  const schema = { contact: ContactStepSchema, action: ActionStepSchema, zendesk: ZendeskStepSchema, fault: FaultStepSchema }[
    kinds[0]!
  ];
  const r = (schema as z.ZodType<RawStep>).safeParse(input, { reportInput: true });
  if (!r.success) {
    ctx.issues.push(...(r.error.issues as unknown as typeof ctx.issues));
    return z.NEVER;
  }
  return r.data;
});

// ---------------------------------------------------------------------------------------
// Normalised types

export interface StepCommon {
  /** Seconds since zendesk.start. */
  at: number;
  /** Agent name. */
  agent: string;
  /** The agent's app instance (1 = the tab open from the start). */
  tab: number;
}
type Filled<T> = T extends unknown ? Simplify<Omit<T, 'at' | 'agent' | 'tab'> & StepCommon> : never;

/** A contact event. On the declaring (first) event of a contact `initiation` is always set. */
export type ContactStep = Filled<RawContactStep>;
export type ActionStep = Filled<RawActionStep>;
export type ZendeskStep = Filled<RawZendeskStep>;
export type FaultStep = Filled<RawFaultStep>;
export type ScenarioStep = ContactStep | ActionStep | ZendeskStep | FaultStep;
/** A contact event of one kind, e.g. `ContactEvent<'message'>` has `role` and `text`. */
export type ContactEvent<E extends ContactEventName> = Extract<ContactStep, { event: E }>;
/** An action of one kind, e.g. `ActionOf<'dial'>` has `number`. */
export type ActionOf<A extends ActionName> = Extract<ActionStep, { action: A }>;

export const isContactStep = (s: ScenarioStep): s is ContactStep => 'event' in s;
export const isActionStep = (s: ScenarioStep): s is ActionStep => 'action' in s;
export const isZendeskStep = (s: ScenarioStep): s is ZendeskStep => 'zendesk' in s;
export const isFaultStep = (s: ScenarioStep): s is FaultStep => 'fault' in s;
export function stepKind(s: ScenarioStep): StepKind {
  return isContactStep(s) ? 'contact' : isActionStep(s) ? 'action' : isZendeskStep(s) ? 'zendesk' : 'fault';
}

// ---------------------------------------------------------------------------------------
// The document

export const ScenarioDocumentSchema = strict({
  name: Text,
  settings: ScenarioSettingsSchema.default({}),
  zendesk: ZendeskInitSpecSchema,
  agents: z.array(ScenarioAgentSchema).min(1),
  steps: z.array(ScenarioStepSchema),
  expect: ScenarioExpectSchema.optional(),
});
/** The document as validated, before defaults that depend on other steps are filled in. */
export type ScenarioDocument = z.output<typeof ScenarioDocumentSchema>;

export type Scenario = Simplify<
  Omit<ScenarioDocument, 'steps' | 'expect'> & { steps: ScenarioStep[]; expect?: ScenarioExpect }
>;

const CONTACT_ACTIONS = new Set<string>(['create_ticket', 'attach_to_current', 'no_ticket', 'switch_contact']);
const EXPECT_LISTS = ['pops', 'notifications', 'dials', 'requests', 'errors', 'contacts'] as const;

type Ctx = z.core.$RefinementCtx<ScenarioDocument>;
type Path = (string | number)[];

/** Checks that need more than one field: references between parts of the document. */
function crossCheck(doc: ScenarioDocument, ctx: Ctx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message });

  const users = new Map<number, { index: number; name: string; role: UserRole }>();
  doc.zendesk.users.forEach((u, i) => {
    const seen = users.get(u.id);
    if (seen) issue(['zendesk', 'users', i, 'id'], `user id ${u.id} is used twice (also zendesk.users[${seen.index}])`);
    else users.set(u.id, { index: i, name: u.name, role: u.role });
  });
  const tickets = new Map<number, number>();
  doc.zendesk.tickets.forEach((t, i) => {
    const seen = tickets.get(t.id);
    if (seen !== undefined) issue(['zendesk', 'tickets', i, 'id'], `ticket id ${t.id} is used twice (also zendesk.tickets[${seen}])`);
    else tickets.set(t.id, i);
    if (!users.has(t.requester_id)) issue(['zendesk', 'tickets', i, 'requester_id'], `no user ${t.requester_id} in zendesk.users`);
    if (t.assignee_id !== undefined && !users.has(t.assignee_id)) {
      issue(['zendesk', 'tickets', i, 'assignee_id'], `no user ${t.assignee_id} in zendesk.users`);
    }
  });
  const brands = new Map<number, number>();
  doc.zendesk.brands.forEach((b, i) => {
    const seen = brands.get(b.id);
    if (seen !== undefined) issue(['zendesk', 'brands', i, 'id'], `brand id ${b.id} is used twice (also zendesk.brands[${seen}])`);
    else brands.set(b.id, i);
  });

  const agentNames = new Map<string, number>();
  const agentUsers = new Map<number, string>();
  doc.agents.forEach((a, i) => {
    if (agentNames.has(a.name)) issue(['agents', i, 'name'], `agent "${a.name}" is defined twice`);
    else agentNames.set(a.name, i);
    const u = users.get(a.zendesk_user_id);
    if (!u) issue(['agents', i, 'zendesk_user_id'], `no user ${a.zendesk_user_id} in zendesk.users`);
    else if (u.role === 'end-user') {
      issue(
        ['agents', i, 'zendesk_user_id'],
        `user ${a.zendesk_user_id} (${u.name}) is an end-user; an agent's Zendesk user has role agent or admin`,
      );
    } else if (agentUsers.has(a.zendesk_user_id)) {
      issue(['agents', i, 'zendesk_user_id'], `user ${a.zendesk_user_id} is already agent "${agentUsers.get(a.zendesk_user_id)}"`);
    } else agentUsers.set(a.zendesk_user_id, a.name);
  });
  const knownAgents = () => [...agentNames.keys()].map((n) => `"${n}"`).join(', ');
  const firstAgent = doc.agents[0]?.name ?? '';

  const contacts = new Map<string, { channel: Channel | undefined; step: number }>();
  const offered = new Set<string>(); // agent + NUL + contact id
  let prevAt = 0;
  doc.steps.forEach((step, i) => {
    const at = step.at ?? prevAt;
    if (at < prevAt) issue(['steps', i, 'at'], `${at} is earlier than the previous step's "at" (${prevAt}); "at" never decreases`);
    prevAt = Math.max(at, prevAt);
    let agent = step.agent ?? firstAgent;
    if (step.agent !== undefined && !agentNames.has(step.agent)) {
      issue(['steps', i, 'agent'], `no agent named "${step.agent}" (agents: ${knownAgents()})`);
      agent = '';
    }
    const mustBeOffered = (contact: string) => {
      if (!contacts.has(contact)) {
        issue(['steps', i, 'contact'], `contact "${contact}" has no earlier "incoming" or "dialing" event`);
      } else if (agent && !offered.has(`${agent}\0${contact}`)) {
        issue(
          ['steps', i],
          `contact "${contact}" was never offered to agent "${agent}" (no earlier "incoming" or "dialing" event of it for this agent)`,
        );
      }
    };
    if ('event' in step) {
      const c = contacts.get(step.contact);
      if (step.event === 'incoming' || step.event === 'dialing') {
        if (!c) {
          if (step.channel === undefined) {
            issue(['steps', i, 'channel'], 'required field missing (the first event of a contact declares its channel: voice, chat or task)');
          }
          contacts.set(step.contact, { channel: step.channel, step: i });
        } else if (step.channel !== undefined && c.channel !== undefined && step.channel !== c.channel) {
          issue(['steps', i, 'channel'], `contact "${step.contact}" is a ${c.channel} contact (declared at steps[${c.step}])`);
        }
        if (agent) offered.add(`${agent}\0${step.contact}`);
      } else {
        mustBeOffered(step.contact);
        if (c?.channel && step.event === 'message' && c.channel !== 'chat') {
          issue(['steps', i, 'event'], `"message" events are for chat contacts; "${step.contact}" is a ${c.channel} contact`);
        }
        if (c?.channel && step.event === 'voiceid' && c.channel !== 'voice') {
          issue(['steps', i, 'event'], `"voiceid" events are for voice contacts; "${step.contact}" is a ${c.channel} contact`);
        }
      }
    } else if ('action' in step && 'contact' in step && CONTACT_ACTIONS.has(step.action)) {
      mustBeOffered(step.contact);
    }
  });

  // expect: names and indexes it refers to must exist (typos otherwise just "fail").
  const ex = doc.expect;
  if (ex) {
    for (const list of EXPECT_LISTS) {
      for (const key of list === 'contacts' ? [list] : [list, `${list}_exact`, `${list}_none`]) {
        const entries = (ex as Record<string, unknown>)[key];
        if (!Array.isArray(entries)) continue;
        entries.forEach((e: Record<string, unknown>, j) => {
          if (typeof e.agent === 'string' && !agentNames.has(e.agent)) {
            issue(['expect', key, j, 'agent'], `no agent named "${e.agent}" (agents: ${knownAgents()})`);
          }
          if (typeof e.step === 'number' && e.step >= doc.steps.length) {
            issue(['expect', key, j, 'step'], `there is no step ${e.step} (steps are numbered 0..${doc.steps.length - 1})`);
          }
          if (list === 'contacts' && typeof e.id === 'string' && !contacts.has(e.id)) {
            issue(['expect', key, j, 'id'], `no contact "${e.id}" in the steps`);
          }
        });
      }
    }
  }
}

/** Fills the defaults that depend on the position in the timeline. */
function normalise(doc: ScenarioDocument): Scenario {
  const firstAgent = doc.agents[0]!.name;
  const declared = new Set<string>();
  let prevAt = 0;
  const steps = doc.steps.map((raw): ScenarioStep => {
    const { at: givenAt, agent: givenAgent, tab: givenTab, ...rest } = raw;
    const at = givenAt ?? prevAt;
    prevAt = at;
    const filled = { at, agent: givenAgent ?? firstAgent, tab: givenTab ?? 1, ...rest } as ScenarioStep;
    if ('event' in filled && !declared.has(filled.contact)) {
      declared.add(filled.contact);
      if ((filled.event === 'incoming' || filled.event === 'dialing') && filled.initiation === undefined) {
        filled.initiation = filled.event === 'incoming' ? 'inbound' : 'outbound';
      }
    }
    return filled;
  });
  const { expect, ...restDoc } = doc;
  return expect === undefined ? { ...restDoc, steps } : { ...restDoc, steps, expect };
}

/**
 * The whole scenario file: validates, cross-checks, and returns the normalised `Scenario`.
 * Prefer `loadScenario` / `parseScenario` (./load.ts), which turn failures into one line.
 */
export const ScenarioSchema: z.ZodType<Scenario> = ScenarioDocumentSchema.superRefine(crossCheck).transform(normalise);
