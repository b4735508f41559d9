// @vitest-environment jsdom
import { afterEach, describe, expect, it, beforeAll } from 'vitest';
import en from '../../src/i18n/en.json';
import { resolveLocale, setLocale, t } from '../../src/i18n';
import { preloadLocales } from '../../src/i18n';

// Languages other than English are fetched on demand in the app; here all are loaded first.
beforeAll(() => preloadLocales());

afterEach(() => setLocale('en'));

describe('t', () => {
  it('fills {{vars}} and leaves unknown ones visible', () => {
    expect(t('contact.ticket', { id: 701 })).toBe('Ticket #701');
    expect(t('contact.selected', { what: 'User #20' })).toBe('Selected: User #20');
    expect(t('contact.ticket')).toBe('Ticket #{{id}}');
  });

  it('falls back to English for locales without a catalog', () => {
    expect(resolveLocale('fr-FR')).toBe('fr');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('pt-BR')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    setLocale('pt-BR');
    expect(t('outbound.label')).toBe('Outbound queue');
  });

  it('has no empty strings', () => {
    for (const [k, v] of Object.entries(en)) expect(v.trim(), k).not.toBe('');
  });
});
