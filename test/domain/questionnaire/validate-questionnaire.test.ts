import { describe, expect, it } from 'vitest';
import { parseQuestionnaire, type QuestionnaireIssue } from '../../../src/domain/questionnaire/questionnaire-schema.ts';
import { validateQuestionnaire } from '../../../src/domain/questionnaire/validate-questionnaire.ts';
import { editJson as edit, parsedFixture, questionnaireFixture, type Json } from './questionnaire-fixture.ts';

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

const withEdits = (...edits: [string, unknown][]): Json => {
  const json = questionnaireFixture();
  for (const [path, value] of edits) edit(json, path, value);
  return json;
};

describe('validateQuestionnaire', () => {
  it('finds nothing wrong with a valid questionnaire', () => {
    expect(validateQuestionnaire(parsedFixture())).toEqual([]);
  });

  it('requires Dutch as the first language', () => {
    expect(issuesOf(withEdits(['languages', ['en', 'nl']]))).toEqual([
      {
        path: 'languages[0]',
        message: {
          nl: "de eerste taal moet 'nl' zijn: Nederlands is de brontaal van elke vragenlijst",
          en: "the first language must be 'nl': Dutch is the source language of every questionnaire",
        },
      },
    ]);
  });

  it('reports a language listed twice', () => {
    expect(issuesOf(withEdits(['languages', ['nl', 'en', 'en']]))).toEqual([
      { path: 'languages[2]', message: { nl: "taal 'en' komt twee keer voor", en: "language 'en' occurs twice" } },
    ]);
  });

  it('reports a missing translation with the path of the missing language', () => {
    expect(issuesOf(withEdits(['blocks[1].items[0].text.en', undefined]))).toEqual([
      {
        path: 'blocks[1].items[0].text.en',
        message: {
          nl: "vertaling in 'en' ontbreekt; elke tekst is nodig in alle talen van de vragenlijst (nl, en)",
          en: "translation in 'en' is missing; every text is needed in all languages of the questionnaire (nl, en)",
        },
      },
    ]);
  });

  it('checks translations of every kind of text', () => {
    const json = withEdits(
      ['title.en', undefined],
      ['modules[2].title.en', undefined],
      ['blocks[3].title.en', undefined],
      ['blocks[3].intro.en', undefined],
      ['blocks[0].items[3].help.en', undefined],
      ['blocks[3].items[0].options[2].label.en', undefined],
    );
    expect(issuesOf(json).map((issue) => issue.path)).toEqual([
      'title.en',
      'modules[2].title.en',
      'blocks[0].items[3].help.en',
      'blocks[3].title.en',
      'blocks[3].intro.en',
      'blocks[3].items[0].options[2].label.en',
    ]);
  });

  it('needs every language of the questionnaire, not only English', () => {
    const issues = issuesOf(withEdits(['languages', ['nl', 'en', 'ar']]));
    // 1 title, 4 module titles, 4 block titles, 1 intro, 9 item texts, 1 help, 6 option labels.
    expect(issues).toHaveLength(26);
    expect(issues.every((issue) => issue.path.endsWith('.ar'))).toBe(true);
    expect(issues[0]?.path).toBe('title.ar');
  });

  it('treats a blank translation as missing', () => {
    expect(issuesOf(withEdits(['blocks[0].items[0].text.en', '   '])).map((issue) => issue.path)).toEqual([
      'blocks[0].items[0].text.en',
    ]);
  });

  it('reports duplicate item keys across blocks, naming the block of the first', () => {
    expect(issuesOf(withEdits(['blocks[2].items[0].key', 'algemeen.cijfer']))).toEqual([
      {
        path: 'blocks[2].items[0].key',
        message: {
          nl: "vraagsleutel 'algemeen.cijfer' komt al voor in blok 'algemeen'; elke vraag heeft een eigen sleutel",
          en: "question key 'algemeen.cijfer' already occurs in block 'algemeen'; every question needs its own key",
        },
      },
    ]);
  });

  it('reports duplicate block and module keys', () => {
    const issues = issuesOf(withEdits(['blocks[1].key', 'algemeen'], ['modules[3].key', 'intake']));
    expect(issues.map((issue) => [issue.path, issue.message.en])).toEqual([
      ['modules[3].key', "module 'intake' occurs twice"],
      ['blocks[1].key', "block 'algemeen' occurs twice"],
      ['blocks[3].module', "module 'achtergrond' does not exist; add it to 'modules' or choose from algemeen, contact, intake"],
    ]);
  });

  it('reports a block whose module does not exist', () => {
    expect(issuesOf(withEdits(['blocks[1].module', 'balie']))).toEqual([
      {
        path: 'blocks[1].module',
        message: {
          nl: "module 'balie' bestaat niet; voeg hem toe aan 'modules' of kies uit algemeen, contact, intake, achtergrond",
          en: "module 'balie' does not exist; add it to 'modules' or choose from algemeen, contact, intake, achtergrond",
        },
      },
    ]);
  });

  it('reports duplicate option codes within an item', () => {
    expect(issuesOf(withEdits(['blocks[3].items[0].options[2].code', '18-26']))).toEqual([
      {
        path: 'blocks[3].items[0].options[2].code',
        message: {
          nl: "antwoordcode '18-26' komt twee keer voor bij deze vraag",
          en: "answer code '18-26' occurs twice in this question",
        },
      },
    ]);
  });

  it('allows the same option code in different items', () => {
    const json = withEdits(['blocks[0].items[1].options[0].code', '18-26']);
    edit(json, 'blocks[1].items[1].showIf', "algemeen.kanaal contains '18-26'");
    expect(parseQuestionnaire(json).ok).toBe(true);
  });

  it('reports min above max and fractional bounds of a whole-number item', () => {
    expect(issuesOf(withEdits(['blocks[0].items[2].min', 60]))).toEqual([
      { path: 'blocks[0].items[2].max', message: { nl: 'max (50) is kleiner dan min (60)', en: 'max (50) is less than min (60)' } },
    ]);
    expect(issuesOf(withEdits(['blocks[0].items[2].min', 0.5])).map((issue) => [issue.path, issue.message.en])).toEqual([
      ['blocks[0].items[2].min', 'min (0.5) must be a whole number, because the question asks for a whole number (integer)'],
    ]);
  });

  it('reports maxChoices above the number of options', () => {
    expect(issuesOf(withEdits(['blocks[0].items[1].maxChoices', 4]))).toEqual([
      {
        path: 'blocks[0].items[1].maxChoices',
        message: {
          nl: 'maxChoices (4) is groter dan het aantal antwoordopties (3)',
          en: 'maxChoices (4) is larger than the number of options (3)',
        },
      },
    ]);
  });

  it('reports a showIf that does not parse, with the path of the showIf and the position', () => {
    expect(issuesOf(withEdits(['blocks[2].showIf', 'contact.intake == ja']))).toEqual([
      {
        path: 'blocks[2].showIf',
        message: {
          nl: `voorwaarde "contact.intake == ja", bij teken 16: gebruik '=' in plaats van '=='`,
          en: `condition "contact.intake == ja", at character 16: use '=' instead of '=='`,
        },
      },
    ]);
  });

  it('reports a showIf that does not type-check', () => {
    expect(issuesOf(withEdits(['blocks[2].items[1].showIf', 'algemeen.cijfer < 11']))).toEqual([
      {
        path: 'blocks[2].items[1].showIf',
        message: {
          nl: `voorwaarde "algemeen.cijfer < 11", bij teken 19: 'algemeen.cijfer' is een rapportcijfer (1-10); 11 kan niet`,
          en: `condition "algemeen.cijfer < 11", at character 19: 'algemeen.cijfer' is a report mark (1-10); 11 is not possible`,
        },
      },
    ]);
  });

  it("rejects a block's showIf that refers to its own items or later ones", () => {
    const issues = issuesOf(withEdits(['blocks[1].showIf', "contact.intake = ja or achtergrond.leeftijd = '18-26'"]));
    expect(issues.map((issue) => issue.message.en)).toEqual([
      `condition "contact.intake = ja or achtergrond.leeftijd = '18-26'", at character 1: 'contact.intake' is in the same block; a condition can only refer to questions in earlier blocks (each block is one page)`,
      `condition "contact.intake = ja or achtergrond.leeftijd = '18-26'", at character 24: 'achtergrond.leeftijd' is in a later block ('achtergrond'); a condition can only refer to questions in earlier blocks (each block is one page)`,
    ]);
    expect(issues.map((issue) => issue.path)).toEqual(['blocks[1].showIf', 'blocks[1].showIf']);
  });

  it('shortens a long condition in the message', () => {
    const long = `${Array.from({ length: 20 }, () => 'algemeen.cijfer = 6').join(' or ')} or x`;
    const [issue] = issuesOf(withEdits(['blocks[2].showIf', long]));
    expect(issue?.message.en.startsWith(`condition "${long.slice(0, 77)}...", at character ${long.length}: `)).toBe(true);
  });

  it('collects all rule problems in one pass', () => {
    const json = withEdits(
      ['blocks[2].items[0].key', 'algemeen.cijfer'],
      ['blocks[1].items[0].text.en', undefined],
      ['blocks[2].showIf', 'contact.intake = 1'],
      ['blocks[0].items[1].maxChoices', 9],
    );
    expect(issuesOf(json).map((issue) => issue.path)).toEqual([
      'blocks[0].items[1].maxChoices',
      'blocks[1].items[0].text.en',
      'blocks[2].showIf',
      'blocks[2].items[0].key',
    ]);
  });
});
