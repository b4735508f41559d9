// The mapping screen's model, without React: what the admin edits, how each row reads and what
// is wrong with it (the decisions come from src/domain/brand.ts; here they only get their
// translated wording), what Save writes, and whether someone else changed the mappings meanwhile.
import {
  MAX_QUEUE_PATTERN_LENGTH,
  compileQueuePattern,
  validateBrandQueueName,
  validateQueuePattern,
  validateQueueToBrand,
} from '../../domain/brand';
import { parseSettings } from '../../domain/settings';
import type { MessageKey } from '../../i18n';

export interface BrandOption {
  id: number;
  name: string;
  active: boolean;
}

/** One row of "Queues to brands" as the admin edits it. */
export interface QueueRow {
  /** Stable React key; not saved. */
  key: string;
  queue: string;
  brandId: number | null;
}

/** A message for the screen: a translation key and its values. */
export interface Msg {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export interface Check {
  /** Saving is blocked while any row has an error. */
  errors: Msg[];
  /** Saving is allowed; the row will not work as the admin probably meant. */
  warnings: Msg[];
  /** How the app will read the pattern (absent while the row has an error). */
  reading?: Msg;
}

/** The two hidden settings, as the text Zendesk stores. */
export interface MappingTexts {
  queueToBrand: string;
  brandToQueue: string;
}

/** What the screen loaded: the editable state and the baseline for the concurrent-edit check. */
export interface LoadedMappings {
  rows: QueueRow[];
  /** Brand id → queue name, for every brand id found in the setting. */
  brandQueues: Record<string, string>;
  /** Problems the stored settings had (rows dropped, bad JSON), in the domain's words. */
  problems: string[];
  baseline: { texts: MappingTexts; updatedAt: string | null };
}

let keySeq = 0;
export function newRowKey(): string {
  return `row-${++keySeq}`;
}

/** The two settings' stored text (absent → ""); JSON values are written as JSON text. */
export function mappingTextsOf(settings: Record<string, unknown>): MappingTexts {
  const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return { queueToBrand: text(settings.queueToBrand), brandToQueue: text(settings.brandToQueue) };
}

/** A setting's text in a comparable form: JSON re-serialised; empty, null, [] and {} all "". */
function canonical(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  try {
    const v: unknown = JSON.parse(t);
    const s = JSON.stringify(v);
    return s === 'null' || s === '[]' || s === '{}' ? '' : s;
  } catch {
    return t;
  }
}

/** Whether two versions of the mappings are the same (formatting aside). */
export function sameMappings(a: MappingTexts, b: MappingTexts): boolean {
  return canonical(a.queueToBrand) === canonical(b.queueToBrand) && canonical(a.brandToQueue) === canonical(b.brandToQueue);
}

/**
 * Whether saving now would overwrite someone else's change. Save re-reads the installation
 * first: when its updated_at has not moved since the screen loaded, nobody wrote in between.
 * When it has moved, what matters is whether the two mappings differ from what the screen
 * loaded: another setting changed in Admin Center (updated_at moves, the mappings do not) is
 * no conflict, since Save writes the two mappings alone and Zendesk keeps the other settings.
 */
export function changedSince(baseline: LoadedMappings['baseline'], now: { texts: MappingTexts; updatedAt: string | null }): boolean {
  const untouched = baseline.updatedAt !== null && baseline.updatedAt === now.updatedAt;
  if (untouched && sameMappings(baseline.texts, now.texts)) return false;
  return !sameMappings(baseline.texts, now.texts);
}

/** Reads the stored settings into rows, with parseSettings' checks. */
export function loadMappings(settings: Record<string, unknown>, updatedAt: string | null): LoadedMappings {
  const texts = mappingTextsOf(settings);
  const { settings: parsed, problems } = parseSettings({ queueToBrand: settings.queueToBrand, brandToQueue: settings.brandToQueue });
  return {
    rows: parsed.queueToBrand.map((r) => ({ key: newRowKey(), queue: r.queue, brandId: r.brand_id })),
    brandQueues: { ...parsed.brandToQueue },
    problems: problems.filter((p) => p.setting === 'queueToBrand' || p.setting === 'brandToQueue').map((p) => p.message),
    baseline: { texts, updatedAt },
  };
}

/** The text Save writes. Brand ids not on the screen (inactive brands) keep their queue. */
export function mappingTextsToSave(rows: QueueRow[], brandQueues: Record<string, string>): MappingTexts {
  const queueToBrand = rows.map((r) => ({ queue: r.queue.trim(), brand_id: r.brandId }));
  const b2q: Record<string, string> = {};
  for (const [id, queue] of Object.entries(brandQueues)) if (queue.trim() !== '') b2q[id] = queue.trim();
  return { queueToBrand: JSON.stringify(queueToBrand), brandToQueue: JSON.stringify(b2q) };
}

function length(text: string): number {
  return Array.from(text).length;
}

/** The wording of a pattern's warning (the domain decided there is one). */
function patternWarning(text: string): Msg {
  if (!text.startsWith('/')) return { key: 'settings.warn.wildcard' };
  const m = /^\/([\s\S]+)\/([a-z]*)$/.exec(text);
  if (!m) return { key: 'settings.warn.regexForm' };
  try {
    new RegExp(m[1]!, m[2]!.replace(/[gyd]/g, ''));
  } catch {
    return { key: 'settings.warn.regexInvalid' };
  }
  return { key: 'settings.warn.regexUnsafe' };
}

function reading(text: string): Msg {
  const { pattern } = compileQueuePattern(text);
  switch (pattern.kind) {
    case 'prefix':
      return { key: 'settings.reads.prefix', vars: { text: pattern.text } };
    case 'suffix':
      return { key: 'settings.reads.suffix', vars: { text: pattern.text } };
    case 'contains':
      return { key: 'settings.reads.contains', vars: { text: pattern.text } };
    case 'regex':
      return { key: 'settings.reads.regex' };
    case 'name':
      return { key: 'settings.reads.name', vars: { text: pattern.text } };
  }
}

/** Checks every "Queues to brands" row (validateQueueToBrand decides; this words it). */
export function checkQueueRows(rows: QueueRow[], brands: BrandOption[]): Check[] {
  const listed = validateQueueToBrand(rows);
  return rows.map((row, i) => {
    const text = row.queue.trim();
    const single = validateQueuePattern(row.queue);
    const errors: Msg[] = [];
    const warnings: Msg[] = [];
    if (single.errors.length > 0) {
      errors.push(
        text === ''
          ? { key: 'settings.error.empty' }
          : { key: 'settings.error.tooLong', vars: { length: length(text), max: MAX_QUEUE_PATTERN_LENGTH } },
      );
    }
    if ((listed[i]?.errors.length ?? 0) > single.errors.length) errors.push({ key: 'settings.error.duplicate' });
    if (row.brandId === null) errors.push({ key: 'settings.error.noBrand' });
    else {
      const brand = brands.find((b) => b.id === row.brandId);
      if (!brand || !brand.active) warnings.push({ key: 'settings.warn.brandInactive', vars: { id: row.brandId } });
    }
    if (single.warnings.length > 0) warnings.push(patternWarning(text));
    const check: Check = { errors, warnings };
    if (single.errors.length === 0) check.reading = reading(text);
    return check;
  });
}

/** Checks one "Brands to queues" queue name (validateBrandQueueName decides). */
export function checkBrandQueue(queue: string): Check {
  const text = queue.trim();
  const v = validateBrandQueueName(queue);
  return {
    errors: v.errors.length ? [{ key: 'settings.error.tooLong', vars: { length: length(text), max: MAX_QUEUE_PATTERN_LENGTH } }] : [],
    warnings: v.warnings.length ? [{ key: 'settings.warn.literal' }] : [],
  };
}
