// The app's own UI strings. Every visible text goes through t(); English is the source and the
// fallback, key by key. Other languages are <locale>.json next to en.json, listed in CATALOGS;
// tests/ui/i18n.test.ts checks that each has exactly en's keys and placeholders.
// The locale comes from the Zendesk agent's profile (currentUser.locale, e.g. "en-US", "fr-CA").
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import ja from './ja.json';

export type MessageKey = keyof typeof en;
type Catalog = Partial<Record<MessageKey, string>>;

const CATALOGS: Record<string, Catalog> = { en, de, fr, es, ja };

/** The languages the app speaks, English first. */
export const LOCALES: readonly string[] = Object.keys(CATALOGS);

/** A language's own strings (for tests and tools). */
export function catalog(locale: string): Readonly<Catalog> | undefined {
  return CATALOGS[locale];
}

let active: Catalog = en;
let activeLocale = 'en';

/** Picks the best catalog for a locale tag: exact ("pt-br"), then the language ("pt"), then English. */
export function resolveLocale(locale: string | null | undefined): string {
  const tag = String(locale ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (tag && CATALOGS[tag]) return tag;
  const lang = tag.split('-')[0] ?? '';
  if (lang && CATALOGS[lang]) return lang;
  return 'en';
}

export function setLocale(locale: string | null | undefined): string {
  activeLocale = resolveLocale(locale);
  active = CATALOGS[activeLocale] ?? en;
  return activeLocale;
}

export function currentLocale(): string {
  return activeLocale;
}

/** The text for `key` in the current locale (English when missing), with {{name}} filled from vars. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const template = active[key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}
