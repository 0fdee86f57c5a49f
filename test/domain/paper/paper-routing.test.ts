import { describe, expect, it } from 'vitest';
import { entryDifferences, mergeEntries } from '../../../src/domain/paper/entry-differences.ts';
import { paperRouting } from '../../../src/domain/paper/paper-routing.ts';
import { paperItems, routePaperAnswers } from '../../../src/domain/paper/route-paper-answers.ts';
import type { AnswerValue } from '../../../src/domain/questionnaire/answer-value.ts';
import { parseQuestionnaire } from '../../../src/domain/questionnaire/questionnaire-schema.ts';
import type { Block, Item, Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';
import { standardQuestionnaireJson } from '../../../src/domain/questionnaire/standard/standard-questionnaire.ts';

const parsed = parseQuestionnaire(standardQuestionnaireJson);
if (!parsed.ok) throw new Error('standard questionnaire invalid');
const standard = parsed.value;

const yesno = (key: string, showIf?: string): Item => ({ key, type: 'yesno', text: { nl: key }, allowNotApplicable: false, required: false, standard: false, ...(showIf ? { showIf } : {}) });
const mark = (key: string, showIf?: string): Item => ({ key, type: 'mark', text: { nl: key }, allowNotApplicable: true, required: true, standard: false, ...(showIf ? { showIf } : {}) });
const block = (key: string, items: Item[], showIf?: string): Block => ({ key, module: 'm', title: { nl: key }, items, ...(showIf ? { showIf } : {}) });
const questionnaire = (blocks: Block[]): Questionnaire => ({ key: 'q', title: { nl: 'Q' }, languages: ['nl'], modules: [{ key: 'm', title: { nl: 'M' }, required: true }], blocks });

describe('routing on paper', () => {
  it('numbers as the web form and writes "Nee → ga naar" only where the skipped block follows', () => {
    const routing = paperRouting(standard, 'nl');
    expect(routing.numbers.get('algemeen.cijfer')).toBe(1);
    expect(routing.numbers.get('achtergrond.taal')).toBe(56);
    expect(routing.blockSkips.get('intake')).toEqual({ from: 17, to: 22, otherwise: 23, rule: { kind: 'answers', question: 2, itemKey: 'situatie.intake', answers: [{ kind: 'yes' }] } });
    // question 2 is far from the intake block: no jump there, or people would skip 6 to 16
    expect(routing.jumps.get('situatie.intake')).toBeUndefined();
    expect(routing.jumps.get('minima.aangevraagd')).toEqual([{ answer: { kind: 'no' }, goTo: 47 }]);
    expect(routing.blockSkips.get('schuldhulp')?.otherwise).toBe(51);
  });

  it('skips consecutive blocks on one condition together, to the end when nothing follows', () => {
    const q = questionnaire([
      block('a', [yesno('a.q'), mark('a.cijfer')]),
      block('b', [mark('b.1')], 'a.q = nee'),
      block('c', [mark('c.1'), mark('c.2')], 'a.q = nee'),
      block('d', [mark('d.1', 'a.cijfer < 6')]),
      block('e', [mark('e.1')], 'a.q != ja'),
    ]);
    const routing = paperRouting(q, 'nl');
    expect(routing.blockSkips.get('b')).toMatchObject({ from: 3, to: 3, otherwise: 6 });
    expect(routing.blockSkips.get('c')).toMatchObject({ from: 4, to: 5, otherwise: 6 });
    expect(routing.blockSkips.get('e')).toMatchObject({ from: 7, otherwise: undefined, rule: { kind: 'answers', answers: [{ kind: 'no' }] } });
    const described = routing.itemSkips.get('d.1')!;
    expect(described.rule).toEqual({ kind: 'described', text: 'alleen als "a.cijfer" is beantwoord met minder dan 6' });
    expect(routing.jumps.get('a.q')).toBeUndefined(); // a.cijfer lies between a.q and block b
  });
});

describe('paper answers', () => {
  const answers = (entries: [string, AnswerValue | undefined][]) => new Map(entries);

  it('keeps answers on the route and reports real answers the routing skips', () => {
    const routed = routePaperAnswers(standard, answers([
      ['situatie.intake', { kind: 'bool', value: false }],
      ['intake.cijfer', { kind: 'number', value: 9 }],
      ['intake.besluit_snel', { kind: 'notApplicable' }],
      ['algemeen.cijfer', { kind: 'number', value: 7 }],
    ]));
    expect([...routed.kept.keys()]).toEqual(['algemeen.cijfer', 'situatie.intake']);
    expect(routed.skipped.map((i) => i.key)).toEqual(['intake.cijfer']);
    expect(paperItems(questionnaire([block('a', [mark('a.1')])]))[0]!.required).toBe(false);
  });

  it('compares two entries (order of ticked boxes aside) and merges by choice', () => {
    const items = paperItems(standard);
    const first = answers([['algemeen.cijfer', { kind: 'number', value: 7 }], ['achtergrond.taal', { kind: 'option', code: 'nl' }]]);
    const second = answers([['algemeen.cijfer', { kind: 'number', value: 8 }], ['achtergrond.taal', { kind: 'option', code: 'nl' }], ['open.pluspunten', { kind: 'text', value: 'Vriendelijk' }]]);
    expect(entryDifferences(items, first, second).map((d) => d.itemKey)).toEqual(['algemeen.cijfer', 'open.pluspunten']);
    expect(mergeEntries(items, first, second, new Map([['algemeen.cijfer', 'first']]))).toBeUndefined();
    const merged = mergeEntries(items, first, second, new Map([['algemeen.cijfer', 'first'], ['open.pluspunten', 'second']]))!;
    expect(merged.get('algemeen.cijfer')).toEqual({ kind: 'number', value: 7 });
    expect(merged.get('open.pluspunten')).toEqual({ kind: 'text', value: 'Vriendelijk' });
    const multi = [{ key: 'x', type: 'multi', text: { nl: 'x' }, options: [], allowNotApplicable: false, required: false, standard: false } as Item];
    expect(entryDifferences(multi, answers([['x', { kind: 'options', codes: ['a', 'b'] }]]), answers([['x', { kind: 'options', codes: ['b', 'a'] }]]))).toEqual([]);
  });
});
