import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/questionnaire/canonical-json.ts';
import { composeQuestionnaire } from '../../../src/domain/questionnaire/compose-questionnaire.ts';
import type { Block, Item, Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';
import type { QuestionnaireIssue } from '../../../src/domain/questionnaire/questionnaire-schema.ts';
import { parseQuestionnaire } from '../../../src/domain/questionnaire/questionnaire-schema.ts';
import { standardQuestionnaireJson } from '../../../src/domain/questionnaire/standard/standard-questionnaire.ts';
import { parsedFixture } from './questionnaire-fixture.ts';

// Fixture: modules algemeen (required), contact, intake, achtergrond; blocks in that order;
// the intake block is routed on contact.intake.
const standard = parsedFixture();

function ownItem(overrides: Partial<Item> = {}): Item {
  return {
    key: 'eigen.parkeren',
    type: 'agree5',
    text: { nl: 'Er is genoeg parkeerruimte bij het gemeentehuis.', en: 'There is enough parking at the town hall.' },
    allowNotApplicable: true,
    required: false,
    standard: false,
    ...overrides,
  } as Item;
}

function ownBlock(overrides: Partial<Block> = {}): Block {
  return { key: 'eigen', module: 'eigen', title: { nl: 'Eigen vragen', en: 'Own questions' }, items: [ownItem()], ...overrides };
}

function composed(choice: { disabledModules?: string[]; ownBlocks?: Block[] }): Questionnaire {
  const result = composeQuestionnaire(standard, { disabledModules: [], ownBlocks: [], ...choice });
  if (!result.ok) throw new Error(JSON.stringify(result.error, null, 2));
  return result.value;
}

function issues(choice: { disabledModules?: string[]; ownBlocks?: Block[] }): QuestionnaireIssue[] {
  const result = composeQuestionnaire(standard, { disabledModules: [], ownBlocks: [], ...choice });
  if (result.ok) throw new Error('expected the composition to be refused');
  for (const issue of result.error) {
    expect(issue.message.nl.length).toBeGreaterThan(5);
    expect(issue.message.en.length).toBeGreaterThan(5);
  }
  return result.error;
}

describe('composeQuestionnaire', () => {
  it('returns the standard unchanged when nothing is chosen', () => {
    const result = composed({});
    expect(result).toEqual(standard);
    expect(canonicalJson(result)).toBe(canonicalJson(standard));
  });

  it('removes the blocks and the module of a switched-off module', () => {
    const result = composed({ disabledModules: ['intake'] });
    expect(result.blocks.map((block) => block.key)).toEqual(['algemeen', 'contact', 'achtergrond']);
    expect(result.modules.map((module) => module.key)).toEqual(['algemeen', 'contact', 'achtergrond']);
    expect(result.blocks[1]).toEqual(standard.blocks[1]);
  });

  it('refuses to switch off a required module', () => {
    expect(issues({ disabledModules: ['intake', 'algemeen'] })).toEqual([
      {
        path: 'disabledModules[1]',
        message: {
          nl: "module 'algemeen' is verplicht en kan niet uit",
          en: "module 'algemeen' is required and cannot be switched off",
        },
      },
    ]);
  });

  it('refuses an unknown module', () => {
    expect(issues({ disabledModules: ['schuldhulp'] })).toEqual([
      {
        path: 'disabledModules[0]',
        message: {
          nl: "module 'schuldhulp' bestaat niet; kies uit algemeen, contact, intake, achtergrond",
          en: "module 'schuldhulp' does not exist; choose from algemeen, contact, intake, achtergrond",
        },
      },
    ]);
  });

  it('places own blocks before the background blocks and adds the own module', () => {
    const second = ownBlock({ key: 'eigen2', items: [ownItem({ key: 'eigen.bus', type: 'yesno', text: { nl: 'Komt u met de bus?', en: 'Do you come by bus?' } })] });
    const result = composed({ ownBlocks: [ownBlock(), second] });
    expect(result.blocks.map((block) => block.key)).toEqual(['algemeen', 'contact', 'intake', 'eigen', 'eigen2', 'achtergrond']);
    expect(result.modules[result.modules.length - 1]).toEqual({
      key: 'eigen',
      title: { nl: 'Eigen vragen', en: 'Own questions' },
      required: false,
    });
    expect(result.blocks[3]?.items[0]).toEqual(ownItem());
  });

  it('places own blocks at the end when the background module is switched off', () => {
    const result = composed({ disabledModules: ['achtergrond'], ownBlocks: [ownBlock()] });
    expect(result.blocks.map((block) => block.key)).toEqual(['algemeen', 'contact', 'intake', 'eigen']);
  });

  it('lets own blocks use an existing module and route on earlier standard items', () => {
    const routed = ownBlock({ module: 'contact', showIf: "algemeen.kanaal contains 'balie'" });
    const result = composed({ ownBlocks: [routed] });
    expect(result.modules.map((module) => module.key)).toEqual(['algemeen', 'contact', 'intake', 'achtergrond']);
    expect(result.blocks[3]?.showIf).toBe("algemeen.kanaal contains 'balie'");
  });

  it('requires own items to be non-standard with keys starting with eigen.', () => {
    const block = ownBlock({ items: [ownItem({ standard: true }), ownItem({ key: 'balie.parkeren' })] });
    expect(issues({ ownBlocks: [block] })).toEqual([
      {
        path: 'ownBlocks[0].items[0].standard',
        message: {
          nl: 'een eigen vraag heeft standard: false; standaardvragen komen alleen uit de standaardvragenlijst',
          en: 'an own question has standard: false; standard questions come only from the standard questionnaire',
        },
      },
      {
        path: 'ownBlocks[0].items[1].key',
        message: {
          nl: "de sleutel van een eigen vraag begint met 'eigen.', zoals 'eigen.parkeren' (nu 'balie.parkeren')",
          en: "the key of an own question starts with 'eigen.', such as 'eigen.parkeren' (now 'balie.parkeren')",
        },
      },
    ]);
  });

  it('reports routing into a switched-off module once, naming both modules', () => {
    expect(issues({ disabledModules: ['contact'] })).toEqual([
      {
        path: 'blocks[2].showIf',
        message: {
          nl: "de voorwaarde van blok 'intake' (module 'intake') verwijst naar 'contact.intake' uit module 'contact', die uit staat; zet module 'contact' aan of zet ook module 'intake' uit",
          en: "the condition of block 'intake' (module 'intake') refers to 'contact.intake' in module 'contact', which is switched off; switch module 'contact' on or switch module 'intake' off too",
        },
      },
    ]);
    expect(composed({ disabledModules: ['contact', 'intake'] }).blocks.map((block) => block.key)).toEqual(['algemeen', 'achtergrond']);
  });

  it('reports an own question routed into a switched-off module', () => {
    const block = ownBlock({ items: [ownItem({ showIf: 'intake.cijfer < 6' })] });
    expect(issues({ disabledModules: ['intake'], ownBlocks: [block] })).toEqual([
      {
        path: 'ownBlocks[0].items[0].showIf',
        message: {
          nl: "de voorwaarde van vraag 'eigen.parkeren' (module 'eigen') verwijst naar 'intake.cijfer' uit module 'intake', die uit staat; zet module 'intake' aan of pas de voorwaarde aan",
          en: "the condition of question 'eigen.parkeren' (module 'eigen') refers to 'intake.cijfer' in module 'intake', which is switched off; switch module 'intake' on or change the condition",
        },
      },
    ]);
  });

  it('refuses an own block in a switched-off module', () => {
    expect(issues({ disabledModules: ['intake'], ownBlocks: [ownBlock({ module: 'intake' })] })).toEqual([
      {
        path: 'ownBlocks[0].module',
        message: {
          nl: "module 'intake' staat uit; zet hem aan of kies module 'eigen'",
          en: "module 'intake' is switched off; switch it on or choose module 'eigen'",
        },
      },
      {
        path: 'ownBlocks[0].module',
        message: {
          nl: "module 'intake' bestaat niet; voeg hem toe aan 'modules' of kies uit algemeen, contact, achtergrond",
          en: "module 'intake' does not exist; add it to 'modules' or choose from algemeen, contact, achtergrond",
        },
      },
    ]);
  });

  it('re-validates own blocks and reports problems at their place in the choice', () => {
    const block = ownBlock({
      items: [
        ownItem({ text: { nl: 'Alleen Nederlands' } }),
        ownItem({ key: 'eigen.wachten', showIf: 'achtergrond.leeftijd = 3' }),
        ownItem({ key: 'eigen.parkeren' }),
      ],
    });
    expect(issues({ ownBlocks: [block] }).map((issue) => [issue.path, issue.message.en])).toEqual([
      ['ownBlocks[0].items[0].text.en', "translation in 'en' is missing; every text is needed in all languages of the questionnaire (nl, en)"],
      [
        'ownBlocks[0].items[1].showIf',
        `condition "achtergrond.leeftijd = 3", at character 1: 'achtergrond.leeftijd' is in a later block ('achtergrond'); a condition can only refer to questions in earlier blocks (each block is one page)`,
      ],
      ['ownBlocks[0].items[2].key', "question key 'eigen.parkeren' already occurs in block 'eigen'; every question needs its own key"],
    ]);
  });

  it('maps problems in standard blocks to their index in the standard questionnaire', () => {
    const clash = ownBlock({ key: 'achtergrond' });
    expect(issues({ disabledModules: ['intake'], ownBlocks: [clash] }).map((issue) => [issue.path, issue.message.en])).toEqual([
      ['blocks[3].key', "block 'achtergrond' occurs twice"],
    ]);
  });

  it('reports all problems of a choice together', () => {
    const block = ownBlock({ items: [ownItem({ standard: true })] });
    expect(issues({ disabledModules: ['algemeen', 'contact'], ownBlocks: [block] }).map((issue) => issue.path)).toEqual([
      'disabledModules[0]',
      'ownBlocks[0].items[0].standard',
      'blocks[2].showIf',
    ]);
  });

  it('composes the shipped standard questionnaire', () => {
    const parsed = parseQuestionnaire(standardQuestionnaireJson);
    if (!parsed.ok) throw new Error('standard questionnaire is invalid');
    const result = composeQuestionnaire(parsed.value, { disabledModules: [], ownBlocks: [ownBlock()] });
    expect(result.ok && result.value.blocks.map((block) => block.module).slice(-2)).toEqual(['eigen', 'achtergrond']);
  });
});
