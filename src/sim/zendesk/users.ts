// Creating and updating users with Zendesk's validation.

import { isObject, type ValidationDetails } from './http';
import { FULL_ACCESS, normaliseTags, type UserState, type ZendeskData } from './records';
import type { UserRole } from './types';

export type OpResult<T> = { ok: true; value: T } | { ok: false; details: ValidationDetails };

export interface UserPatch {
  name?: string;
  email?: string | null;
  phone?: string | null;
  role?: UserRole;
  user_fields?: Record<string, unknown>;
  external_id?: string | null;
  organization_id?: number | null;
  tags?: string[];
}

const ROLES: readonly UserRole[] = ['end-user', 'agent', 'admin'];
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function textOrNull(v: unknown): string | null | undefined {
  if (v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Reads the `user` object of a request (or a scenario change). */
export function parseUserPatch(raw: Record<string, unknown>, forCreate: boolean): OpResult<UserPatch> {
  const details: ValidationDetails = {};
  const patch: UserPatch = {};
  if ('name' in raw || forCreate) {
    const name = typeof raw.name === 'string' ? raw.name.trim() : typeof raw.name === 'number' ? String(raw.name) : '';
    if (name === '') {
      details.name = [{ description: 'Name:  is too short (minimum one character)', error: 'ValueTooShort' }];
    } else patch.name = name;
  }
  if ('email' in raw) {
    const email = textOrNull(raw.email);
    if (email === undefined || (email !== null && !EMAIL_RE.test(email))) {
      details.email = [{ description: `Email: ${String(raw.email)} is not properly formatted`, error: 'InvalidFormat' }];
    } else patch.email = email;
  }
  if ('phone' in raw) {
    const phone = textOrNull(raw.phone);
    if (phone === undefined) details.phone = [{ description: 'Phone: is invalid', error: 'InvalidValue' }];
    else patch.phone = phone;
  }
  if ('role' in raw && raw.role !== null && raw.role !== undefined) {
    if (typeof raw.role === 'string' && (ROLES as readonly string[]).includes(raw.role)) patch.role = raw.role as UserRole;
    else details.role = [{ description: `Role: ${String(raw.role)} is not valid`, error: 'InvalidValue' }];
  }
  if ('user_fields' in raw && raw.user_fields !== null && raw.user_fields !== undefined) {
    if (isObject(raw.user_fields)) patch.user_fields = { ...raw.user_fields };
    else details.user_fields = [{ description: 'User fields: is invalid', error: 'InvalidValue' }];
  }
  if ('external_id' in raw) {
    const ext = textOrNull(raw.external_id);
    if (ext === undefined) details.external_id = [{ description: 'External: is invalid', error: 'InvalidValue' }];
    else patch.external_id = ext;
  }
  if ('organization_id' in raw) {
    const org = raw.organization_id;
    if (org === null || (typeof org === 'number' && Number.isInteger(org))) patch.organization_id = org;
    else details.organization_id = [{ description: 'Organization: is invalid', error: 'InvalidValue' }];
  }
  if ('tags' in raw && raw.tags !== undefined) {
    if (Array.isArray(raw.tags)) patch.tags = normaliseTags(raw.tags as unknown[]);
    else details.tags = [{ description: 'Tags: is invalid', error: 'InvalidValue' }];
  }
  return Object.keys(details).length > 0 ? { ok: false, details } : { ok: true, value: patch };
}

export interface UserWriteOptions {
  /** API writes ignore user field keys that are not defined, as Zendesk does. */
  strictFields: boolean;
  wantedId?: number;
}

/** Admin Center's "validate user phone numbers": E.164, a "+" and up to 15 digits, nothing else. */
const E164_RE = /^\+[1-9]\d{1,14}$/;

function merged(
  data: ZendeskData,
  base: UserState | null,
  patch: UserPatch,
  opts: UserWriteOptions,
): OpResult<Omit<UserState, 'id' | 'createdMs' | 'updatedMs' | 'phoneDigits' | 'allPhoneDigits'>> {
  if (data.validatePhoneNumbers && patch.phone !== undefined && patch.phone !== null && !E164_RE.test(patch.phone)) {
    return { ok: false, details: { phone: [{ description: `Phone: ${patch.phone} is not a valid phone number (E.164 format)`, error: 'InvalidFormat' }] } };
  }
  const externalId = patch.external_id !== undefined ? patch.external_id : (base?.external_id ?? null);
  if (externalId !== null && externalId.toLowerCase() !== base?.external_id?.toLowerCase()) {
    // A user's external_id is unique in the account.
    if (data.liveUsersByExternalId(externalId).some((u) => u.id !== base?.id)) {
      return { ok: false, details: { external_id: [{ description: `External: ${externalId} has already been taken`, error: 'DuplicateValue' }] } };
    }
  }
  const email = patch.email !== undefined ? patch.email : (base?.email ?? null);
  if (email !== null && email.toLowerCase() !== base?.email?.toLowerCase()) {
    const taken = data.liveUsersByEmail(email).some((u) => u.id !== base?.id);
    if (taken) {
      return {
        ok: false,
        details: {
          email: [{ description: `Email: ${email} is already being used by another user`, error: 'DuplicateValue' }],
        },
      };
    }
  }
  const userFields: Record<string, unknown> = { ...(base?.user_fields ?? {}) };
  for (const [key, value] of Object.entries(patch.user_fields ?? {})) {
    if (opts.strictFields && !data.userFieldKeys.has(key)) continue;
    userFields[key] = value;
  }
  return {
    ok: true,
    value: {
      name: patch.name ?? base?.name ?? '',
      email,
      phone: patch.phone !== undefined ? patch.phone : (base?.phone ?? null),
      role: patch.role ?? base?.role ?? 'end-user',
      user_fields: userFields,
      external_id: externalId,
      organization_id: patch.organization_id !== undefined ? patch.organization_id : (base?.organization_id ?? null),
      tags: patch.tags ?? base?.tags ?? [],
      phoneIdentities: base?.phoneIdentities ?? [],
      access: base?.access ?? FULL_ACCESS,
    },
  };
}

export function createUser(data: ZendeskData, patch: UserPatch, opts: UserWriteOptions): OpResult<UserState> {
  if (patch.name === undefined) {
    return { ok: false, details: { name: [{ description: 'Name:  is too short (minimum one character)', error: 'ValueTooShort' }] } };
  }
  const m = merged(data, null, patch, opts);
  if (!m.ok) return m;
  const now = data.nowMs();
  const state = data.makeUserState({ ...m.value, id: data.allocateUserId(opts.wantedId), createdMs: now, updatedMs: now });
  data.writeUser(state, now);
  return { ok: true, value: state };
}

export function updateUser(data: ZendeskData, base: UserState, patch: UserPatch, opts: UserWriteOptions): OpResult<UserState> {
  const m = merged(data, base, patch, opts);
  if (!m.ok) return m;
  const now = data.nowMs();
  const state = data.makeUserState({ ...m.value, id: base.id, createdMs: base.createdMs, updatedMs: now });
  data.writeUser(state, now);
  return { ok: true, value: state };
}
