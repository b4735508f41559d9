// Response builders with Zendesk's error bodies, URL and body parsing, pagination, time.

import type { ZendeskResponse } from './types';

export const SUBDOMAIN = 'sim';
export const BASE_URL = `https://${SUBDOMAIN}.zendesk.com`;

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ZendeskResponse {
  return { status, body, headers: { ...JSON_HEADERS, ...headers } };
}

export const ok = (body: unknown): ZendeskResponse => json(200, body);

export const created = (body: unknown, location: string): ZendeskResponse =>
  json(201, body, { Location: `${BASE_URL}${location}` });

export const recordNotFound = (): ZendeskResponse =>
  json(404, { error: 'RecordNotFound', description: 'Not found' });

export const invalidEndpoint = (): ZendeskResponse =>
  json(404, { error: 'InvalidEndpoint', description: 'Not found' });

export const forbidden = (): ZendeskResponse =>
  json(403, {
    error: 'Forbidden',
    description:
      'You do not have access to this page. Please contact the account owner of this help desk for further help.',
  });

export const unauthorized = (): ZendeskResponse => json(401, { error: "Couldn't authenticate you" });

/** Malformed JSON or a missing/invalid root key. */
export const invalidAttribute = (root: string): ZendeskResponse =>
  json(400, {
    error: {
      title: 'Invalid attribute',
      message: `You passed an invalid value for the ${root} attribute. must be a Hash`,
    },
  });

export const badRequest = (description: string): ZendeskResponse =>
  json(400, { error: 'InvalidValue', description });

export interface FieldError {
  description: string;
  error?: string;
}
export type ValidationDetails = Record<string, FieldError[]>;

export const recordInvalid = (details: ValidationDetails): ZendeskResponse =>
  json(422, { error: 'RecordInvalid', description: 'Record validation errors', details });

/** Turns an epoch ms into Zendesk's timestamp form: "2026-01-05T09:00:00Z". */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function parseIso(text: string | undefined, fallbackMs: number): number {
  if (text === undefined) return fallbackMs;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not an ISO 8601 time: ${JSON.stringify(text)}`);
  return ms;
}

export function digitsOf(text: string | null | undefined): string {
  return text ? text.replace(/\D+/g, '') : '';
}

export interface ParsedUrl {
  /** Decoded path without query, with any origin and trailing slash removed. */
  path: string;
  query: URLSearchParams;
}

export function parseUrl(url: string): ParsedUrl {
  const u = new URL(url, BASE_URL);
  let path = decodeURIComponent(u.pathname);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return { path, query: u.searchParams };
}

export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false };

/** The request body as a JSON object (a JSON string is parsed). */
export function bodyObject(body: unknown): BodyResult {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return { ok: false };
    }
  }
  return isObject(value) ? { ok: true, value } : { ok: false };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object under `root` in the body, or undefined when the body is malformed or lacks it. */
export function rootObject(body: unknown, root: string): Record<string, unknown> | undefined {
  const b = bodyObject(body);
  if (!b.ok) return undefined;
  const inner = b.value[root];
  return isObject(inner) ? inner : undefined;
}

export interface Page<T> {
  items: T[];
  count: number;
  next_page: string | null;
  previous_page: string | null;
}

export const MAX_PER_PAGE = 100;

function positiveInt(text: string | null, fallback: number): number {
  if (text === null) return fallback;
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Offset pagination: `per_page` (default and max 100) and `page` (from 1). */
export function paginate<T>(all: readonly T[], query: URLSearchParams, basePath: string): Page<T> {
  const perPage = Math.min(positiveInt(query.get('per_page'), MAX_PER_PAGE), MAX_PER_PAGE);
  const page = positiveInt(query.get('page'), 1);
  const start = (page - 1) * perPage;
  const items = all.slice(start, start + perPage);
  const link = (n: number): string => {
    const q = new URLSearchParams(query);
    q.set('page', String(n));
    return `${basePath}?${q.toString()}`;
  };
  return {
    items,
    count: all.length,
    next_page: start + perPage < all.length ? link(page + 1) : null,
    previous_page: page > 1 ? link(page - 1) : null,
  };
}

/** Ids from "1,2,3"; non-numbers are dropped, duplicates kept once, order kept. */
export function idList(text: string | null): number[] {
  if (!text) return [];
  const seen = new Set<number>();
  for (const part of text.split(',')) {
    const n = Number(part.trim());
    if (part.trim() !== '' && Number.isInteger(n)) seen.add(n);
  }
  return [...seen];
}

/** A numeric id from a JSON value (number or numeric string), else undefined. */
export function asId(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}
