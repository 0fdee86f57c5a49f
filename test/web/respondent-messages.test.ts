import { describe, expect, it } from 'vitest';
import { respondentAr } from '../../src/web/i18n/respondent-ar.ts';
import { respondentEn } from '../../src/web/i18n/respondent-en.ts';
import { respondentNl, type RespondentKey } from '../../src/web/i18n/respondent-nl.ts';
import { respondentPl } from '../../src/web/i18n/respondent-pl.ts';
import { respondentTr } from '../../src/web/i18n/respondent-tr.ts';

const catalogues: Record<string, Record<RespondentKey, string>> = {
  en: respondentEn,
  ar: respondentAr,
  tr: respondentTr,
  pl: respondentPl,
};

/**
 * Keys whose text may equal the Dutch text, per language, and why:
 * - en 'privacy.link', 'privacy.title': "Privacy" is the same word in English and Dutch.
 * 'lang.name' is not listed: every language's own name differs from "Nederlands".
 */
const SAME_AS_DUTCH: Record<string, ReadonlySet<string>> = {
  en: new Set(['privacy.link', 'privacy.title']),
  ar: new Set(),
  tr: new Set(),
  pl: new Set(),
};

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

describe.each(Object.entries(catalogues))('respondent catalogue %s', (lang, catalogue) => {
  it('has exactly the keys of respondentNl, in the same order', () => {
    expect(Object.keys(catalogue)).toEqual(Object.keys(respondentNl));
  });

  it('uses the same placeholders for every key', () => {
    for (const key of Object.keys(respondentNl) as RespondentKey[]) {
      expect(placeholders(catalogue[key]), `${lang} ${key}`).toEqual(placeholders(respondentNl[key]));
    }
  });

  it('has no empty values', () => {
    for (const [key, value] of Object.entries(catalogue)) {
      expect(value.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('translates every value, apart from the justified exceptions', () => {
    const same = (Object.keys(respondentNl) as RespondentKey[]).filter((key) => catalogue[key] === respondentNl[key]);
    expect(same.filter((key) => !SAME_AS_DUTCH[lang]!.has(key))).toEqual([]);
  });
});

describe('Arabic respondent catalogue', () => {
  it('uses Arabic script in at least 90% of values', () => {
    const values = Object.values(respondentAr);
    const withArabic = values.filter((value) => ARABIC.test(value));
    expect(withArabic.length / values.length).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the Latin code example and excluded characters as is', () => {
    expect(respondentAr['entry.code.hint']).toContain('ABCD-EFGH-JK');
    for (const ch of ['O', 'I', 'L', '0', '1']) expect(respondentAr['entry.error.characters']).toContain(ch);
  });
});

describe('code example and excluded characters', () => {
  it('are kept as is in every language', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      expect(catalogue['entry.code.hint'], lang).toContain('ABCD-EFGH-JK');
      expect(catalogue['entry.error.characters'], lang).toMatch(/O\b.*\bI\b.*\bL\b.*\b0\b.*\b1\b/);
    }
  });
});
