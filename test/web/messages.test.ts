import { describe, expect, it } from 'vitest';
import { en } from '../../src/web/i18n/messages-en.ts';
import { nl } from '../../src/web/i18n/messages-nl.ts';

/**
 * Keys whose English text may equal the Dutch text, and why:
 * - 'app.name': the product name, Klantstem, is not translated.
 * - 'rounds.col.status', 'audit.col.details': "Status" and "Details" are the same word in both languages.
 * - 'common.none': an em dash for an empty cell, not a word.
 */
const SAME_IN_BOTH = new Set(['app.name', 'rounds.col.status', 'audit.col.details', 'common.none']);

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('message catalogues', () => {
  it('have exactly the same keys, in the same order', () => {
    expect(Object.keys(en)).toEqual(Object.keys(nl));
  });

  it('use the same placeholders for every key', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('have an English text that differs from the Dutch one, apart from the allow-list', () => {
    const untranslated = (Object.keys(nl) as (keyof typeof nl)[]).filter((key) => !SAME_IN_BOTH.has(key) && en[key] === nl[key]);
    expect(untranslated).toEqual([]);
  });

  it('has no allow-listed key that is translated differently after all', () => {
    for (const key of SAME_IN_BOTH) expect(en[key as keyof typeof nl], key).toBe(nl[key as keyof typeof nl]);
  });
});
