import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/questionnaire/canonical-json.ts';
import type { Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';
import { parsedFixture } from './questionnaire-fixture.ts';

const small: Questionnaire = {
  key: 'k',
  title: { nl: 'Titel', en: 'Title' },
  languages: ['nl', 'en'],
  modules: [{ key: 'm', title: { nl: 'M', en: 'M' }, required: false }],
  blocks: [
    {
      key: 'b',
      module: 'm',
      title: { nl: 'B', en: 'B' },
      items: [{ key: 'b.c', type: 'mark', text: { nl: 'Cijfer?', en: 'Mark?' }, allowNotApplicable: false, required: true, standard: true }],
    },
  ],
};

describe('canonicalJson', () => {
  it('writes object keys in sorted order at every level', () => {
    expect(canonicalJson(small)).toBe(
      '{"blocks":[{"items":[{"allowNotApplicable":false,"key":"b.c","required":true,"standard":true,"text":{"en":"Mark?","nl":"Cijfer?"},"type":"mark"}],' +
        '"key":"b","module":"m","title":{"en":"B","nl":"B"}}],"key":"k","languages":["nl","en"],' +
        '"modules":[{"key":"m","required":false,"title":{"en":"M","nl":"M"}}],"title":{"en":"Title","nl":"Titel"}}',
    );
  });

  it('does not depend on the order in which fields were written', () => {
    const reordered = JSON.parse(JSON.stringify(parsedFixture(), (_key, value: unknown) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).reverse());
    })) as Questionnaire;
    expect(Object.keys(reordered)).not.toEqual(Object.keys(parsedFixture()));
    expect(canonicalJson(reordered)).toBe(canonicalJson(parsedFixture()));
  });

  it('leaves out undefined fields', () => {
    const withUndefined = { ...small, blocks: [{ ...small.blocks[0]!, showIf: undefined, intro: undefined }] };
    expect(canonicalJson(withUndefined)).toBe(canonicalJson(small));
  });

  it('changes when anything meaningful changes, including array order', () => {
    const base = canonicalJson(parsedFixture());
    const reworded = parsedFixture();
    const swapped = { ...reworded, languages: ['en', 'nl'] };
    const retitled = { ...reworded, title: { ...reworded.title, en: 'Client survey' } };
    expect(canonicalJson(swapped)).not.toBe(base);
    expect(canonicalJson(retitled)).not.toBe(base);
  });

  it('round-trips through JSON.parse to an equal questionnaire', () => {
    const fixture = parsedFixture();
    expect(JSON.parse(canonicalJson(fixture))).toEqual(fixture);
  });
});
