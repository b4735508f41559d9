// The app's own UI strings. Every visible text goes through t(); English is the source and the
// fallback, key by key. Other languages are <locale>.json next to en.json, listed in CATALOGS;
// tests/ui/i18n.test.ts checks that each has exactly en's keys and placeholders.
// The locale comes from the Zendesk agent's profile (currentUser.locale, e.g. "en-US", "fr-CA").
// Only English is in every page's first load; another language is fetched when it is chosen.
import en from './en.json';

export type MessageKey = keyof typeof en;
type Catalog = Partial<Record<MessageKey, string>>;

const LOADERS: Record<string, () => Promise<{ default: Catalog }>> = {
  de: () => import('./de.json'),
  fr: () => import('./fr.json'),
  es: () => import('./es.json'),
  ja: () => import('./ja.json'),
};

const CATALOGS: Record<string, Catalog> = { en };

/** The languages the app speaks, English first. */
export const LOCALES: readonly string[] = ['en', ...Object.keys(LOADERS)];

/** A loaded language's own strings (for tests and tools; see preloadLocales). */
export function catalog(locale: string): Readonly<Catalog> | undefined {
  return CATALOGS[locale];
}

async function fetchCatalog(locale: string): Promise<void> {
  const load = LOADERS[locale];
  if (load && !CATALOGS[locale]) CATALOGS[locale] = (await load()).default;
}

/**
 * Fetches the best language for a locale tag without making it current (the page's UI language
 * stays): for the agent messages one app instance renders for its agent; returns the language.
 */
export async function loadCatalog(locale: string | null | undefined): Promise<string> {
  const chosen = resolveLocale(locale);
  await fetchCatalog(chosen).catch(() => undefined); // unreachable: English stays
  return chosen;
}

/** A loaded language's strings (English when that language is not loaded). */
export function catalogFor(locale: string): Readonly<Catalog> {
  return CATALOGS[locale] ?? en;
}

/** Fetches the best language for a locale tag and makes it current; returns the language chosen. */
export async function loadLocale(locale: string | null | undefined): Promise<string> {
  return setLocale(await loadCatalog(locale));
}

/** Every language loaded (tests, tools). */
export async function preloadLocales(): Promise<void> {
  await Promise.all(LOCALES.map(fetchCatalog));
}

let active: Catalog = en;
let activeLocale = 'en';

/** Picks the best catalog for a locale tag: exact ("pt-br"), then the language ("pt"), then English. */
export function resolveLocale(locale: string | null | undefined): string {
  const tag = String(locale ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (tag && LOCALES.includes(tag)) return tag;
  const lang = tag.split('-')[0] ?? '';
  if (lang && LOCALES.includes(lang)) return lang;
  return 'en';
}

/** Makes a language current; one not loaded yet shows English until loadLocale has fetched it. */
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
