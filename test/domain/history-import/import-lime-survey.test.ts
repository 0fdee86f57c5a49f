import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLimeSurvey, type LimeSurveyImport } from '../../../src/domain/history-import/import-lime-survey.ts';
import { parseQuestionnaire } from '../../../src/domain/questionnaire/questionnaire-schema.ts';
import { itemsOf } from '../../../src/domain/questionnaire/questionnaire.ts';
import { buildLss, encode } from './lss-builder.ts';

const FIXTURES = new URL('../../fixtures/limesurvey/', import.meta.url);
const fixture = (name: string): Uint8Array => readFileSync(new URL(name, FIXTURES));

function imported(bytes: Uint8Array): LimeSurveyImport {
  const result = importLimeSurvey(bytes, 'limesurvey-import');
  if (!result.ok) throw new Error(result.error.message.en);
  return result.value;
}

/** Report entries as "question | feature | action" in English, for exact comparisons. */
const lines = (result: LimeSurveyImport): string[] =>
  result.report.map((entry) => `${entry.question} | ${entry.feature.en} | ${entry.action.en}`);

const NO_DUTCH = (language: string) =>
  ` | source language '${language}', no Dutch | the texts in '${language}' are also used as Dutch text; translate them before use`;

describe('importLimeSurvey on the real LimeSurvey fixtures', () => {
  const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.lss'));

  it.each(names)('%s becomes a valid draft questionnaire', (name) => {
    const result = imported(fixture(name));
    expect(parseQuestionnaire(result.questionnaire).ok).toBe(true);
    expect(result.questionnaire.languages[0]).toBe('nl');
    expect(itemsOf(result.questionnaire).every((item) => item.standard === false && item.key.startsWith('import.'))).toBe(true);
    for (const entry of result.report) {
      expect(entry.feature.nl).not.toBe('');
      expect(entry.action.nl).not.toBe('');
    }
  });

  it('ranking with condition: the list question is imported, the ranking is reported with its attribute', () => {
    const result = imported(fixture('limesurvey_survey_836215_ranking_with_condition.lss'));
    const [item] = itemsOf(result.questionnaire);
    expect(item).toMatchObject({
      key: 'import.q01',
      type: 'single',
      text: { nl: 'Pick one', fr: 'Pick one' },
      options: [
        { code: 'A1', label: { nl: 'Choice A', fr: 'Choice A' } },
        { code: 'A2', label: { nl: 'Choice B', fr: 'Choice B' } },
      ],
    });
    expect(itemsOf(result.questionnaire)).toHaveLength(1);
    expect(result.questionnaire.languages).toEqual(['nl', 'fr']);
    expect(lines(result)).toEqual([
      NO_DUTCH('fr'),
      'Q00 | attribute max_subquestions = 2 | not imported: Klantstem has no equivalent',
      'Q00 | R (ranking) | no matching question type: not imported',
    ]);
  });

  it('bilingual de/en: every text keeps both languages, German (the base) also stands in for Dutch', () => {
    const result = imported(fixture('limesurvey_survey_188432_answerSetsForEmTest.lss'));
    expect(result.questionnaire.languages).toEqual(['nl', 'de', 'en']);
    expect(result.questionnaire.blocks[0]!.title).toEqual({ nl: 'Erste Fragegruppe', de: 'Erste Fragegruppe', en: 'First Question Group' });
    const [item] = itemsOf(result.questionnaire);
    expect(item!.type === 'single' && item!.options.map((option) => option.label)).toEqual([
      { nl: 'Erster Eintrag', de: 'Erster Eintrag', en: 'First Entry' },
      { nl: 'Zweiter Eintrag', de: 'Zweiter Eintrag', en: 'Second Entry' },
      { nl: 'Dritter Eintrag', de: 'Dritter Eintrag', en: 'Third Entry' },
      { nl: 'Vierter Eintrag', de: 'Vierter Eintrag', en: 'Forth Entry' },
    ]);
    expect(lines(result)).toEqual([NO_DUTCH('de')]);
  });

  it('dual scale: one item per scale, with that scale’s answer options', () => {
    const result = imported(fixture('survey-dual-scale-question-api-test.lss'));
    const items = itemsOf(result.questionnaire);
    expect(items.map((item) => item.key)).toEqual(['import.q00_sq001_1', 'import.q00_sq001_2']);
    expect(items.every((item) => item.type === 'single' && item.options.length >= 2)).toBe(true);
    expect(lines(result)).toEqual([
      NO_DUTCH('en'),
      'Q00 | 1 (array dual scale): two scales per subquestion | imported as 2 separate questions, one per scale',
    ]);
  });

  it('duplicate question codes get their own keys, and the renaming is reported', () => {
    const result = imported(fixture('limesurvey_survey_17200_duplicate_codes.lss'));
    const keys = itemsOf(result.questionnaire).map((item) => item.key);
    expect(new Set(keys).size).toBe(12);
    expect(keys).toContain('import.fixedq03_2');
    expect(lines(result).filter((line) => line.includes('more than once'))).toEqual([
      "FixedQ03 | question code occurs more than once | given the key 'import.fixedq03_2'",
      "R2Q03 | question code occurs more than once | given the key 'import.r2q03_2'",
      "R2Q04 | question code occurs more than once | given the key 'import.r2q04_2'",
    ]);
    expect(lines(result).filter((line) => line.includes('random_group'))).toHaveLength(8);
    expect(lines(result)).toContain(" | page 'Random1 G1' in random order (Random1) | fixed order as in the file");
  });

  it('subquestions with relevance 0 are left out and reported; text displays become the page introduction', () => {
    const result = imported(fixture('limesurvey_survey_MinMaxCompareTest.lss'));
    const keys = itemsOf(result.questionnaire).map((item) => item.key);
    expect(keys.filter((key) => key.startsWith('import.multinum_'))).toEqual([
      'import.multinum_sq001', 'import.multinum_sq002', 'import.multinum_sq003', 'import.multinum_sblank',
    ]);
    expect(lines(result)).toContain('MultiNum_Snotrel | condition 0: never shown | not imported');
    expect(lines(result)).toContain(' | default answers (19) | not imported: Klantstem does not prefill answers');
    expect(lines(result)).toContain('MinMaxJS | X (text display) | text added to the introduction of the page');
    expect(lines(result)).toContain(" | page 'next' without questions | text not imported");
    expect(result.questionnaire.blocks[0]!.intro?.nl).toContain('{');
  });

  it('logic in attributes is reported rather than silently dropped', () => {
    const result = imported(fixture('ls205_subquestion_relevance.lss'));
    expect(lines(result)).toContain('afK | attribute array_filter = afSrcFilter | not imported: Klantstem has no equivalent');
    expect(lines(result)).toContain('afeK | attribute array_filter_exclude = afSrcFilter | not imported: Klantstem has no equivalent');
    expect(lines(result)).toContain("afSrcFilter | M (multiple choice): 'Other' option with free text | not imported; add an open question if needed");
  });

  it('array types map to our types: 10-point to mark, yes/uncertain/no and flexible arrays to single choice', () => {
    const result = imported(fixture('ls205_em_validation_q.lss'));
    const byKey = new Map(itemsOf(result.questionnaire).map((item) => [item.key, item]));
    expect(byKey.get('import.b_1')?.type).toBe('mark');
    const c1 = byKey.get('import.c_1');
    expect(c1?.type === 'single' && c1.options.map((option) => option.code)).toEqual(['Y', 'U', 'N']);
    const f1 = byKey.get('import.f_1');
    expect(f1?.type === 'single' && f1.options.map((option) => option.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(byKey.get('import.mc')?.type).toBe('multi');
    expect(lines(result)).toContain('r | R (ranking) | no matching question type: not imported');
  });
});

describe('importLimeSurvey: routing and mandatory flags', () => {
  const lss = buildLss({
    groups: [{ gid: 1, name: 'Contact' }, { gid: 2, name: 'Intake', relevance: 'intake == "Y"' }],
    questions: [
      { qid: 1, gid: 1, type: 'Y', code: 'intake', text: 'Had u een <b>intakegesprek</b>?', mandatory: true },
      { qid: 2, gid: 1, type: 'L', code: 'kanaal', text: 'Hoe nam u contact op?', answers: [['balie', 'Aan de balie'], ['tel', 'Telefoon']] },
      { qid: 3, gid: 1, type: 'S', code: 'balie', text: 'Wat vond u van de balie?', relevance: '((kanaal.NAOK == "balie"))' },
      { qid: 4, gid: 2, type: 'N', code: 'cijfer', text: 'Welk cijfer?', mandatory: true },
      { qid: 5, gid: 2, type: 'T', code: 'waarom', text: 'Waarom?', relevance: 'cijfer < 6 and !is_empty(cijfer)' },
      { qid: 6, gid: 2, type: 'T', code: 'raar', text: 'Nog iets?', relevance: 'sum(cijfer, 2) > 3' },
    ],
  });

  it('translates relevance into routing and splits a page where a question depends on one on the same page', () => {
    const result = imported(encode(lss));
    const { questionnaire } = result;
    expect(questionnaire.languages).toEqual(['nl']);
    expect(questionnaire.title).toEqual({ nl: 'Klanttevredenheid 2019' });
    expect(questionnaire.blocks.map((block) => [block.key, block.title.nl, block.showIf, block.items.map((item) => [item.key, item.required, item.showIf])])).toEqual([
      ['blok1', 'Contact', undefined, [['import.intake', true, undefined], ['import.kanaal', false, undefined]]],
      ['blok2', 'Contact', undefined, [['import.balie', false, "import.kanaal = 'balie'"]]],
      ['blok3', 'Intake', 'import.intake = ja', [['import.cijfer', true, undefined]]],
      ['blok4', 'Intake', 'import.intake = ja', [
        ['import.waarom', false, '(import.cijfer < 6) and (answered(import.cijfer))'],
        ['import.raar', false, undefined],
      ]],
    ]);
    expect(itemsOf(questionnaire)[0]!.text.nl).toBe('Had u een intakegesprek?');
    expect(lines(result)).toEqual([
      'balie | condition on a question on the same page | page split: the question is on a new page',
      'waarom | condition on a question on the same page | page split: the question is on a new page',
      'raar | condition: sum(cijfer, 2) > 3 | not translated (functie sum / function sum); question always shown',
      ' | HTML markup in texts | taken over as plain text with line breaks',
    ]);
  });
});

describe('importLimeSurvey: routing our checker refuses', () => {
  it('drops a condition on an answer code that does not exist, and says so', () => {
    const result = imported(encode(buildLss({
      groups: [{ gid: 1, name: 'G1' }, { gid: 2, name: 'G2' }],
      questions: [
        { qid: 1, gid: 1, type: 'L', code: 'Q01', text: 'a', answers: [['A1', 'a'], ['A2', 'b']] },
        { qid: 2, gid: 2, type: 'T', code: 'Q02', text: 't', relevance: 'Q01 == "A9"' },
      ],
    })));
    expect(itemsOf(result.questionnaire)[1]!.showIf).toBeUndefined();
    expect(lines(result)).toEqual([
      "Q02 | condition: import.q01 = 'A9' | left out, question always shown: condition \"import.q01 = 'A9'\", at character 14: 'import.q01' is a single-choice question; 'A9' is not an answer code of this question; choose from 'A1', 'A2'",
    ]);
  });
});
