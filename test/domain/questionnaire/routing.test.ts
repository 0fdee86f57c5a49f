import { describe, expect, it } from 'vitest';
import type { AnswerLookup, AnswerValue } from '../../../src/domain/questionnaire/answer-value.ts';
import type { Block, Item, Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';
import {
  isBlockVisible,
  isItemVisible,
  routingCondition,
  visibleBlocks,
  visibleItems,
} from '../../../src/domain/questionnaire/routing.ts';
import { parsedFixture } from './questionnaire-fixture.ts';

const questionnaire = parsedFixture();
const lookup = (values: Record<string, AnswerValue>): AnswerLookup => (key) => values[key];
const keysOf = (blocks: readonly Block[]): string[] => blocks.map((block) => block.key);
const itemKeys = (items: readonly Item[]): string[] => items.map((item) => item.key);

describe('visibleBlocks and visibleItems', () => {
  it('shows the intake block only after a yes to the intake question', () => {
    const yes = lookup({ 'contact.intake': { kind: 'bool', value: true } });
    const no = lookup({ 'contact.intake': { kind: 'bool', value: false } });
    expect(keysOf(visibleBlocks(questionnaire, yes))).toEqual(['algemeen', 'contact', 'intake', 'achtergrond']);
    expect(keysOf(visibleBlocks(questionnaire, no))).toEqual(['algemeen', 'contact', 'achtergrond']);
    expect(keysOf(visibleBlocks(questionnaire, lookup({})))).toEqual(['algemeen', 'contact', 'achtergrond']);
    expect(keysOf(visibleBlocks(questionnaire, lookup({ 'contact.intake': { kind: 'notApplicable' } })))).toEqual([
      'algemeen',
      'contact',
      'achtergrond',
    ]);
  });

  it('shows routed items only when their condition holds', () => {
    const answers = lookup({
      'algemeen.cijfer': { kind: 'number', value: 5 },
      'algemeen.kanaal': { kind: 'options', codes: ['balie'] },
      'contact.intake': { kind: 'bool', value: true },
    });
    expect(itemKeys(visibleItems(questionnaire, answers))).toEqual([
      'algemeen.cijfer',
      'algemeen.kanaal',
      'algemeen.contacten',
      'algemeen.opmerking',
      'contact.intake',
      'contact.wachttijd',
      'intake.cijfer',
      'intake.uitleg',
      'achtergrond.leeftijd',
    ]);
    const satisfied = lookup({
      'algemeen.cijfer': { kind: 'number', value: 8 },
      'algemeen.kanaal': { kind: 'options', codes: ['telefoon'] },
      'contact.intake': { kind: 'bool', value: true },
    });
    expect(itemKeys(visibleItems(questionnaire, satisfied))).toEqual([
      'algemeen.cijfer',
      'algemeen.kanaal',
      'algemeen.contacten',
      'algemeen.opmerking',
      'contact.intake',
      'intake.cijfer',
      'achtergrond.leeftijd',
    ]);
  });

  it('ignores answers to questions that are hidden', () => {
    // Block "vervolg" depends on an item of the routed intake block; when the intake block is
    // hidden, an earlier answer inside it must not show "vervolg".
    const followUp: Block = {
      key: 'vervolg',
      module: 'intake',
      title: { nl: 'Vervolg', en: 'Follow-up' },
      showIf: 'intake.cijfer < 6',
      items: [{ key: 'vervolg.waarom', type: 'open', text: { nl: 'Waarom?', en: 'Why?' }, maxLength: 2000, allowNotApplicable: false, required: false, standard: false }],
    };
    const extended: Questionnaire = { ...questionnaire, blocks: [...questionnaire.blocks.slice(0, 3), followUp, ...questionnaire.blocks.slice(3)] };
    const stale = lookup({ 'contact.intake': { kind: 'bool', value: false }, 'intake.cijfer': { kind: 'number', value: 3 } });
    expect(keysOf(visibleBlocks(extended, stale))).toEqual(['algemeen', 'contact', 'achtergrond']);
    const current = lookup({ 'contact.intake': { kind: 'bool', value: true }, 'intake.cijfer': { kind: 'number', value: 3 } });
    expect(keysOf(visibleBlocks(extended, current))).toEqual(['algemeen', 'contact', 'intake', 'vervolg', 'achtergrond']);
  });

  it('skips a block whose items are all hidden', () => {
    const onlyRouted: Block = {
      key: 'balie',
      module: 'contact',
      title: { nl: 'Balie', en: 'Desk' },
      items: [
        {
          key: 'balie.drukte',
          type: 'agree5',
          text: { nl: 'Het was niet te druk.', en: 'It was not too busy.' },
          showIf: "algemeen.kanaal contains 'balie'",
          allowNotApplicable: false,
          required: false,
          standard: false,
        },
      ],
    };
    const extended: Questionnaire = { ...questionnaire, blocks: [questionnaire.blocks[0]!, onlyRouted] };
    expect(keysOf(visibleBlocks(extended, lookup({})))).toEqual(['algemeen']);
    expect(keysOf(visibleBlocks(extended, lookup({ 'algemeen.kanaal': { kind: 'options', codes: ['balie'] } })))).toEqual([
      'algemeen',
      'balie',
    ]);
  });
});

describe('isBlockVisible and isItemVisible', () => {
  it('evaluates only the own condition, and is true without one', () => {
    const intakeBlock = questionnaire.blocks[2]!;
    expect(isBlockVisible(intakeBlock, lookup({ 'contact.intake': { kind: 'bool', value: true } }))).toBe(true);
    expect(isBlockVisible(intakeBlock, lookup({}))).toBe(false);
    expect(isBlockVisible(questionnaire.blocks[0]!, lookup({}))).toBe(true);
    const wachttijd = questionnaire.blocks[1]!.items[1]!;
    expect(isItemVisible(wachttijd, lookup({ 'algemeen.kanaal': { kind: 'options', codes: ['email', 'balie'] } }))).toBe(true);
    expect(isItemVisible(wachttijd, lookup({ 'algemeen.kanaal': { kind: 'notApplicable' } }))).toBe(false);
    expect(isItemVisible(questionnaire.blocks[0]!.items[0]!, lookup({}))).toBe(true);
  });
});

describe('routingCondition', () => {
  it('parses a source once and reuses the tree', () => {
    const first = routingCondition('contact.intake = ja');
    expect(routingCondition('contact.intake = ja')).toBe(first);
    expect(first).toMatchObject({ type: 'compare', key: 'contact.intake', operator: '=' });
  });

  it('throws on an invalid condition, which a validated questionnaire cannot contain', () => {
    expect(() => routingCondition('contact.intake == ja')).toThrow(
      `Invalid routing condition "contact.intake == ja" at position 15: use '=' instead of '=='.`,
    );
  });
});
