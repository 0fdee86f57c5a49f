import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../../src/domain/questionnaire/questionnaire-schema.ts';
import { itemsOf, type Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';
import { standardQuestionnaireJson } from '../../../src/domain/questionnaire/standard/standard-questionnaire.ts';

function parsedStandard(): Questionnaire {
  const result = parseQuestionnaire(standardQuestionnaireJson);
  if (!result.ok) {
    const lines = result.error.map((issue) => `${issue.path}: ${issue.message.en}`);
    throw new Error(`standard questionnaire is invalid:\n${lines.join('\n')}`);
  }
  return result.value;
}

describe('standard questionnaire (standaard-kto)', () => {
  it('is valid according to the questionnaire schema', () => {
    const result = parseQuestionnaire(standardQuestionnaireJson);
    expect(result.ok ? [] : result.error.map((issue) => `${issue.path}: ${issue.message.en}`)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has the standard key and is complete in Dutch and English', () => {
    const questionnaire = parsedStandard();
    expect(questionnaire.key).toBe('standaard-kto');
    expect(questionnaire.languages).toEqual(['nl', 'en']);
  });

  it('has the standard modules in order, with only "algemeen" required', () => {
    const questionnaire = parsedStandard();
    expect(questionnaire.modules.map((module) => module.key)).toEqual([
      'algemeen',
      'eerste_contact',
      'intake',
      'inkomensconsulent',
      'werk',
      'bejegening',
      'minima',
      'schuldhulp',
      'open',
      'achtergrond',
    ]);
    expect(questionnaire.modules.filter((module) => module.required).map((module) => module.key)).toEqual([
      'algemeen',
    ]);
    for (const module of questionnaire.modules) {
      expect(questionnaire.blocks.some((block) => block.module === module.key), module.key).toBe(true);
    }
  });

  it('has between 45 and 60 items with unique, well-formed keys', () => {
    const items = itemsOf(parsedStandard());
    expect(items.length).toBeGreaterThanOrEqual(45);
    expect(items.length).toBeLessThanOrEqual(60);
    const keys = items.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/);
  });

  it('contains the benchmark items by their stable keys', () => {
    const byKey = new Map(itemsOf(parsedStandard()).map((item) => [item.key, item]));
    const expected: Record<string, string> = {
      'algemeen.cijfer': 'mark',
      'situatie.intake': 'yesno',
      'situatie.werk': 'yesno',
      'balie.bejegening': 'agree5',
      'balie.wachttijd': 'agree5',
      'telefoon.bereikbaarheid': 'agree5',
      'informatie.brieven': 'agree5',
      'informatie.website': 'agree5',
      'eerste_contact.cijfer': 'mark',
      'intake.rechten_plichten': 'agree5',
      'intake.cijfer': 'mark',
      'inkomensconsulent.luisteren': 'agree5',
      'inkomensconsulent.cijfer': 'mark',
      'werk.past_situatie': 'agree5',
      'werk.resultaat': 'agree5',
      'werk.cijfer': 'mark',
      'bejegening.respect': 'agree5',
      'bejegening.clientondersteuning': 'yesno',
      'minima.bekend': 'yesno',
      'minima.aangevraagd': 'yesno',
      'minima.aanvraag_makkelijk': 'agree5',
      'minima.cijfer': 'mark',
      'schuldhulp.cijfer': 'mark',
      'open.pluspunten': 'open',
      'open.verbeterpunten': 'open',
      'achtergrond.leeftijd': 'single',
      'achtergrond.huishouden': 'single',
      'achtergrond.duur_uitkering': 'single',
      'achtergrond.taal': 'single',
    };
    for (const [key, type] of Object.entries(expected)) {
      expect(byKey.get(key)?.type, key).toBe(type);
    }
  });

  it('has Dutch and English text for every item, help text and option', () => {
    const questionnaire = parsedStandard();
    const complete = (text: Readonly<Record<string, string>> | undefined, where: string): void => {
      expect(text?.nl?.trim(), `${where} (nl)`).toBeTruthy();
      expect(text?.en?.trim(), `${where} (en)`).toBeTruthy();
    };
    complete(questionnaire.title, 'title');
    for (const module of questionnaire.modules) complete(module.title, `module ${module.key}`);
    for (const block of questionnaire.blocks) {
      complete(block.title, `block ${block.key}`);
      if (block.intro) complete(block.intro, `intro ${block.key}`);
    }
    for (const item of itemsOf(questionnaire)) {
      complete(item.text, item.key);
      if (item.help) complete(item.help, `${item.key} help`);
      if (item.type === 'single' || item.type === 'multi') {
        for (const option of item.options) complete(option.label, `${item.key} ${option.code}`);
      }
    }
  });

  it('marks every item as standard and keeps routing questions optional', () => {
    const items = itemsOf(parsedStandard());
    for (const item of items) expect(item.standard, item.key).toBe(true);
    for (const item of items.filter((candidate) => candidate.type === 'yesno')) {
      expect(item.required, item.key).toBe(false);
    }
  });

  it('routes the conditional blocks on answers from earlier blocks', () => {
    const questionnaire = parsedStandard();
    const showIf = Object.fromEntries(questionnaire.blocks.map((block) => [block.key, block.showIf]));
    expect(showIf).toEqual({
      algemeen: undefined,
      situatie: undefined,
      contact: undefined,
      informatie: undefined,
      intake: 'situatie.intake = ja',
      inkomensconsulent: 'situatie.inkomensconsulent = ja',
      werk: 'situatie.werk = ja',
      bejegening: undefined,
      minima: undefined,
      minima_aanvraag: 'minima.aangevraagd = ja',
      schuldhulp: 'situatie.schuldhulp = ja',
      open: undefined,
      achtergrond: undefined,
    });
    // The routing questions sit in the block right after the overall mark, before any routed block.
    const blockKeys = questionnaire.blocks.map((block) => block.key);
    expect(blockKeys.slice(0, 2)).toEqual(['algemeen', 'situatie']);
    expect(blockKeys.indexOf('minima')).toBeLessThan(blockKeys.indexOf('minima_aanvraag'));
  });

  it('offers "niet van toepassing" where clients may lack the experience', () => {
    const byKey = new Map(itemsOf(parsedStandard()).map((item) => [item.key, item]));
    for (const key of ['balie.bejegening', 'balie.wachttijd', 'telefoon.bereikbaarheid', 'informatie.website']) {
      expect(byKey.get(key)?.allowNotApplicable, key).toBe(true);
    }
    expect(byKey.get('algemeen.cijfer')?.allowNotApplicable).toBe(false);
  });

  it('uses realistic background categories', () => {
    const byKey = new Map(itemsOf(parsedStandard()).map((item) => [item.key, item]));
    const codes = (key: string): string[] => {
      const item = byKey.get(key);
      return item?.type === 'single' ? item.options.map((option) => option.code) : [];
    };
    expect(codes('achtergrond.leeftijd')).toEqual(['18-26', '27-44', '45-54', '55-66', '67plus']);
    expect(codes('achtergrond.huishouden')).toEqual([
      'alleenstaand',
      'alleenstaand_kinderen',
      'samenwonend',
      'samenwonend_kinderen',
      'anders',
    ]);
    expect(codes('achtergrond.duur_uitkering')).toEqual(['lt1', '1-2', '2-5', '5plus', 'geen']);
    expect(codes('achtergrond.taal')).toEqual(['nl', 'ar', 'tr', 'pl', 'ti', 'anders']);
  });
});
