import { describe, expect, it } from 'vitest';
import { parseQuestionnaire, type QuestionnaireIssue } from '../../../src/domain/questionnaire/questionnaire-schema.ts';
import { editJson as edit, questionnaireFixture, type Json } from './questionnaire-fixture.ts';

function issuesOf(input: unknown): QuestionnaireIssue[] {
  const result = parseQuestionnaire(input);
  if (result.ok) throw new Error('expected the questionnaire to be rejected');
  for (const issue of result.error) {
    expect(issue.message.nl.length, issue.path).toBeGreaterThan(5);
    expect(issue.message.en.length, issue.path).toBeGreaterThan(5);
    expect(issue.message.nl, issue.path).not.toBe(issue.message.en);
  }
  return result.error;
}

function pathsOf(input: unknown): string[] {
  return issuesOf(input).map((issue) => issue.path);
}

const minimal = {
  key: 'mini',
  title: { nl: 'Mini' },
  languages: ['nl'],
  modules: [{ key: 'algemeen', title: { nl: 'Algemeen' } }],
  blocks: [
    {
      key: 'algemeen',
      module: 'algemeen',
      title: { nl: 'Algemeen' },
      items: [{ key: 'algemeen.cijfer', type: 'mark', text: { nl: 'Welk cijfer geeft u?' } }],
    },
  ],
};

describe('parseQuestionnaire: valid files', () => {
  it('accepts a minimal file and fills in the defaults', () => {
    const result = parseQuestionnaire(minimal);
    expect(result).toEqual({
      ok: true,
      value: {
        key: 'mini',
        title: { nl: 'Mini' },
        languages: ['nl'],
        modules: [{ key: 'algemeen', title: { nl: 'Algemeen' }, required: false }],
        blocks: [
          {
            key: 'algemeen',
            module: 'algemeen',
            title: { nl: 'Algemeen' },
            items: [
              {
                key: 'algemeen.cijfer',
                type: 'mark',
                text: { nl: 'Welk cijfer geeft u?' },
                allowNotApplicable: false,
                required: false,
                standard: false,
              },
            ],
          },
        ],
      },
    });
  });

  it('accepts a full file with every item type, routing and defaults per type', () => {
    const result = parseQuestionnaire(questionnaireFixture());
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const q = result.value;
    expect(q.modules.map((module) => [module.key, module.required])).toEqual([
      ['algemeen', true],
      ['contact', false],
      ['intake', false],
      ['achtergrond', false],
    ]);
    const items = q.blocks.flatMap((block) => block.items);
    expect(items.map((item) => item.type)).toEqual(['mark', 'multi', 'number', 'open', 'yesno', 'agree5', 'mark', 'agree5', 'single']);
    expect(items[2]).toMatchObject({ type: 'number', min: 0, max: 50, integer: true, required: false });
    expect(items[3]).toMatchObject({ type: 'open', maxLength: 2000, help: { nl: 'Noem geen namen.', en: 'Do not mention names.' } });
    expect(items[5]).toMatchObject({ allowNotApplicable: true, showIf: "algemeen.kanaal contains 'balie'" });
    expect(q.blocks[2]?.showIf).toBe('contact.intake = ja');
    expect(q.blocks[3]?.intro).toEqual({ nl: 'Tot slot een paar vragen over uzelf.', en: 'Finally, a few questions about you.' });
  });

  it('keeps explicit values over defaults', () => {
    const json = questionnaireFixture();
    edit(json, 'blocks[0].items[2].integer', false);
    edit(json, 'blocks[0].items[2].min', 0.5);
    edit(json, 'blocks[0].items[3].maxLength', 500);
    const result = parseQuestionnaire(json);
    expect(result.ok && result.value.blocks[0]?.items[2]).toMatchObject({ integer: false, min: 0.5 });
    expect(result.ok && result.value.blocks[0]?.items[3]).toMatchObject({ maxLength: 500 });
  });

  it('allows translations in languages beyond those of the questionnaire', () => {
    const json = questionnaireFixture();
    edit(json, 'blocks[0].items[0].text.ar', 'ما هي الدرجة التي تعطيها للبلدية؟');
    const result = parseQuestionnaire(json);
    expect(result.ok && result.value.blocks[0]?.items[0]?.text.ar).toBe('ما هي الدرجة التي تعطيها للبلدية؟');
  });
});

describe('parseQuestionnaire: shape', () => {
  it('rejects an unknown property and suggests the intended one', () => {
    const issues = issuesOf(edit(questionnaireFixture(), 'titel', { nl: 'x', en: 'x' }));
    expect(issues).toEqual([
      { path: 'titel', message: { nl: "onbekend veld 'titel'; bedoelt u 'title'?", en: "unknown field 'titel'; did you mean 'title'?" } },
    ]);
  });

  it('rejects unknown properties deep inside, one issue per property', () => {
    const json = questionnaireFixture();
    edit(json, 'blocks[1].items[0].verplicht', true);
    edit(json, 'blocks[1].items[0].showif', 'x');
    expect(pathsOf(json)).toEqual(['blocks[1].items[0].verplicht', 'blocks[1].items[0].showif']);
    expect(issuesOf(json)[1]?.message.en).toBe("unknown field 'showif'; did you mean 'showIf'?");
  });

  it.each([
    ['a missing item text', 'blocks[0].items[0].text', undefined, 'blocks[0].items[0].text', "veld 'text' ontbreekt", "field 'text' is missing"],
    ['an unknown item type', 'blocks[0].items[0].type', 'slider', 'blocks[0].items[0].type', 'onbekend vraagtype "slider"; kies uit mark, agree5, yesno, single, multi, number, open', 'unknown question type "slider"; choose from mark, agree5, yesno, single, multi, number, open'],
    ['a missing item type', 'blocks[0].items[0].type', undefined, 'blocks[0].items[0].type', 'vraagtype ontbreekt; kies uit mark, agree5, yesno, single, multi, number, open', 'question type is missing; choose from mark, agree5, yesno, single, multi, number, open'],
    ['a text that is a number', 'blocks[0].title.nl', 5, 'blocks[0].title.nl', 'moet tekst zijn, niet 5', 'must be text, not 5'],
    ['a boolean written as text', 'blocks[0].items[0].required', 'ja', 'blocks[0].items[0].required', 'moet true of false zijn, niet "ja"', 'must be true or false, not "ja"'],
    ['a language code in capitals', 'title.EN', 'x', 'title.EN', `"EN" is geen taalcode; gebruik 2 of 3 kleine letters, zoals 'en' of 'ar'`, `"EN" is not a language code; use 2 or 3 lower-case letters, such as 'en' or 'ar'`],
    ['an empty option code', 'blocks[3].items[0].options[0].code', '', 'blocks[3].items[0].options[0].code', 'mag niet leeg zijn', 'must not be empty'],
    ['an option code with a space', 'blocks[3].items[0].options[0].code', '18-26 ', 'blocks[3].items[0].options[0].code', 'een antwoordcode mag niet met een spatie beginnen of eindigen', 'an answer code must not start or end with a space'],
    ['a single choice with one option', 'blocks[3].items[0].options', [{ code: 'a', label: { nl: 'A', en: 'A' } }], 'blocks[3].items[0].options', 'moet minstens 2 elementen hebben (nu 1)', 'must have at least 2 entries (now 1)'],
    ['a block without items', 'blocks[1].items', [], 'blocks[1].items', 'mag niet leeg zijn', 'must not be empty'],
    ['maxChoices of zero', 'blocks[0].items[1].maxChoices', 0, 'blocks[0].items[1].maxChoices', 'moet minstens 1 zijn', 'must be at least 1'],
    ['a fractional maxLength', 'blocks[0].items[3].maxLength', 10.5, 'blocks[0].items[3].maxLength', 'moet een heel getal zijn, niet 10.5', 'must be a whole number, not 10.5'],
    ['a huge maxLength', 'blocks[0].items[3].maxLength', 100_000, 'blocks[0].items[3].maxLength', 'mag hoogstens 10000 zijn', 'must be at most 10000'],
    ['a number bound written as text', 'blocks[0].items[2].min', '0', 'blocks[0].items[2].min', 'moet een getal zijn, niet "0"', 'must be a number, not "0"'],
    ['an item key in capitals', 'blocks[0].items[0].key', 'Algemeen.Cijfer', 'blocks[0].items[0].key', "ongeldige vraagsleutel; gebruik kleine letters, cijfers en _ in delen gescheiden door een punt, zoals 'balie.wachttijd'", "invalid question key; use lower-case letters, digits and _ in parts separated by a dot, such as 'balie.wachttijd'"],
    ['a block key with a space', 'blocks[0].key', 'mijn blok', 'blocks[0].key', "ongeldige sleutel; begin met een kleine letter en gebruik alleen kleine letters, cijfers, _ en -, zoals 'eerste_contact'", "invalid key; start with a lower-case letter and use only lower-case letters, digits, _ and -, such as 'eerste_contact'"],
    ['an invalid language', 'languages[1]', 'English', 'languages[1]', "ongeldige taalcode; gebruik 2 of 3 kleine letters, zoals 'nl', 'en' of 'ar'", "invalid language code; use 2 or 3 lower-case letters, such as 'nl', 'en' or 'ar'"],
    ['no languages', 'languages', [], 'languages', 'mag niet leeg zijn', 'must not be empty'],
    ['blocks that are not a list', 'blocks', {}, 'blocks', 'moet een lijst [ ... ] zijn, niet {...}', 'must be a list [ ... ], not {...}'],
  ])('rejects %s', (_name, path, value, issuePath, nl, en) => {
    expect(issuesOf(edit(questionnaireFixture(), path, value))).toEqual([{ path: issuePath, message: { nl, en } }]);
  });

  it('rejects item keys without a dot or with a trailing dot', () => {
    for (const key of ['wachttijd', 'balie.', '1balie.x', 'balie..x', 'balie.wacht-tijd']) {
      expect(pathsOf(edit(questionnaireFixture(), 'blocks[0].items[0].key', key)), key).toEqual(['blocks[0].items[0].key']);
    }
  });

  it('rejects a text longer than 2000 characters', () => {
    expect(issuesOf(edit(questionnaireFixture(), 'blocks[0].items[0].text.nl', 'x'.repeat(2001)))).toEqual([
      {
        path: 'blocks[0].items[0].text.nl',
        message: { nl: 'mag hoogstens 2000 tekens hebben (nu 2001)', en: 'must have at most 2000 characters (now 2001)' },
      },
    ]);
  });

  it.each([[null], ['questionnaire'], [42], [[]]])('rejects %j as a whole file', (input) => {
    expect(pathsOf(input)).toEqual(['']);
  });

  it('survives hostile values: deep nesting and huge field names', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const json = edit(questionnaireFixture(), 'blocks[0].items[0].text.nl', deep);
    edit(json, 'x'.repeat(100_000), true);
    const issues = issuesOf(json);
    expect(issues.map((issue) => issue.path)).toEqual(['blocks[0].items[0].text.nl', `${'x'.repeat(97)}...`]);
    expect(issues[0]?.message.en).toBe('must be text, not [...]');
    expect(issues[1]?.message.en.length).toBeLessThan(150);
  });

  it('caps the number of blocks before looking inside them', () => {
    const json = questionnaireFixture();
    edit(json, 'blocks', Array.from({ length: 101 }, () => ({ nonsense: true })));
    expect(issuesOf(json)).toEqual([
      { path: 'blocks', message: { nl: 'mag hoogstens 100 elementen hebben (nu 101)', en: 'must have at most 100 entries (now 101)' } },
    ]);
  });

  it('caps the number of items in the questionnaire at 500', () => {
    const json = questionnaireFixture();
    const item = (index: number): Json => ({ key: `veel.v${index}`, type: 'mark', text: { nl: 'Cijfer?', en: 'Mark?' } });
    const blocks = Array.from({ length: 6 }, (_, b) => ({
      key: `blok${b}`,
      module: 'algemeen',
      title: { nl: 'Blok', en: 'Block' },
      items: Array.from({ length: 100 }, (_, i) => item(b * 100 + i)),
    }));
    edit(json, 'blocks', blocks);
    expect(issuesOf(json)).toEqual([
      {
        path: 'blocks',
        message: {
          nl: 'te veel vragen: een vragenlijst heeft hoogstens 500 vragen',
          en: 'too many questions: a questionnaire has at most 500 questions',
        },
      },
    ]);
  });

  it('collects all shape problems instead of stopping at the first', () => {
    const json = questionnaireFixture();
    edit(json, 'key', undefined);
    edit(json, 'blocks[0].items[0].type', 'slider');
    edit(json, 'blocks[3].items[0].options[1].label', 'Jong');
    edit(json, 'modules[1].verplicht', true);
    expect(pathsOf(json)).toEqual(['key', 'modules[1].verplicht', 'blocks[0].items[0].type', 'blocks[3].items[0].options[1].label']);
  });
});
