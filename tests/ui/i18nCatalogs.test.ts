// @vitest-environment jsdom
// Every language speaks every string: exactly en's keys, the same {{placeholders}}, nothing
// empty; the agent's Zendesk locale picks the language, falling back to English key by key.
// The manifest's translations (translations/*.json) have the same shape as en's.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import { LOCALES, catalog, currentLocale, resolveLocale, setLocale, t, type MessageKey } from '../../src/i18n';
import { preloadLocales } from '../../src/i18n';

// Languages other than English are fetched on demand in the app; here all are loaded first
// (before the suites below read them).
await preloadLocales();

afterEach(() => setLocale('en'));

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
const enKeys = Object.keys(en).sort();

describe('UI catalogs', () => {
  it('offers English, German, French, Spanish and Japanese', () => {
    expect([...LOCALES].sort()).toEqual(['de', 'en', 'es', 'fr', 'ja']);
  });

  for (const locale of ['de', 'fr', 'es', 'ja']) {
    describe(locale, () => {
      const strings = catalog(locale) as Record<string, string>;

      it("has exactly en's keys", () => {
        expect(Object.keys(strings).sort()).toEqual(enKeys);
      });

      it("uses the same {{placeholders}} as en in every string", () => {
        for (const key of enKeys) {
          expect(placeholders(strings[key] ?? ''), `${locale} ${key}`).toEqual(placeholders(en[key as MessageKey]));
        }
      });

      it('has no empty string and is really translated', () => {
        for (const key of enKeys) expect((strings[key] ?? '').trim(), `${locale} ${key}`).not.toBe('');
        // Product names and codes stay; most sentences must differ from English.
        const same = enKeys.filter((k) => strings[k] === en[k as MessageKey]);
        expect(same.length, `${locale}: untranslated keys ${same.join(', ')}`).toBeLessThan(enKeys.length / 10);
      });
    });
  }
});

describe('locale choice', () => {
  it("picks the agent's Zendesk locale: exact, then the language, then English", () => {
    expect(resolveLocale('de')).toBe('de');
    expect(resolveLocale('fr-CA')).toBe('fr');
    expect(resolveLocale('es-419')).toBe('es');
    expect(resolveLocale('ja')).toBe('ja');
    expect(resolveLocale('JA-jp')).toBe('ja');
    expect(resolveLocale('pt-BR')).toBe('en');
    expect(resolveLocale('')).toBe('en');
  });

  it('translates, fills placeholders, and falls back to English per key', () => {
    setLocale('de-DE');
    expect(currentLocale()).toBe('de');
    expect(t('ringer.label')).toBe('Zweiter Klingelton');
    expect(t('contact.ticket', { id: 7 })).toBe('Ticket #7');
    setLocale('ja');
    expect(t('ringer.none')).toBe('— セカンダリ着信音なし —');
    // A key a catalog lacks (simulated) comes from English.
    const ja = catalog('ja') as Record<string, string>;
    const saved = ja['dial.call'];
    delete ja['dial.call'];
    try {
      expect(t('dial.call')).toBe('Call');
    } finally {
      ja['dial.call'] = saved!;
    }
  });
});

describe('manifest translations', () => {
  const dir = resolve(__dirname, '../../translations');
  const shape = (o: unknown, prefix = ''): string[] =>
    Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? shape(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  const read = (f: string) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as unknown;
  const enShape = shape(read('en.json')).sort();

  it('exist for de, fr, es and ja', () => {
    expect(readdirSync(dir).sort()).toEqual(['de.json', 'en.json', 'es.json', 'fr.json', 'ja.json']);
  });

  for (const locale of ['de', 'fr', 'es', 'ja']) {
    it(`${locale}.json has the keys of en.json, all filled`, () => {
      const doc = read(`${locale}.json`);
      expect(shape(doc).sort()).toEqual(enShape);
      const values = (o: unknown): string[] =>
        Object.values(o as Record<string, unknown>).flatMap((v) => (typeof v === 'object' && v !== null ? values(v) : [String(v)]));
      for (const v of values(doc)) expect(v.trim()).not.toBe('');
    });
  }
});
