// Routing written for paper: a respondent cannot be routed by a server, so the form tells them
// where to go. Questions are numbered as on the web form (position in itemsOf), so "vraag 14"
// means the same question on paper, on screen and on the staff data-entry page.

import type { Condition, Literal } from '../questionnaire/condition.ts';
import { describeCondition, type DescriptionLanguage } from '../questionnaire/condition-describer.ts';
import { routingCondition } from '../questionnaire/routing.ts';
import { itemsOf, type Item, type Questionnaire } from '../questionnaire/questionnaire.ts';

/** An answer box on paper, labelled by the page that prints it. */
export type PaperAnswer =
  | { readonly kind: 'yes' }
  | { readonly kind: 'no' }
  | { readonly kind: 'option'; readonly code: string }
  | { readonly kind: 'na' };

/**
 * Why some questions may be skipped: either "only if you ticked one of these boxes at question
 * N" (a condition on one yes/no or single-choice question), or the condition in words.
 */
export type PaperRule =
  | { readonly kind: 'answers'; readonly question: number; readonly itemKey: string; readonly answers: readonly PaperAnswer[] }
  | { readonly kind: 'described'; readonly text: string };

export interface PaperSkip {
  /** First and last question number the rule applies to. */
  readonly from: number;
  readonly to: number;
  readonly rule: PaperRule;
  /** Where to go when the rule does not hold; undefined when nothing follows (the end). */
  readonly otherwise: number | undefined;
}

/** At a routing question: "Nee → ga naar vraag 14" (goTo undefined: to the end). */
export interface PaperJump {
  readonly answer: PaperAnswer;
  readonly goTo: number | undefined;
}

export interface PaperRouting {
  readonly numbers: ReadonlyMap<string, number>;
  readonly blockSkips: ReadonlyMap<string, PaperSkip>;
  readonly itemSkips: ReadonlyMap<string, PaperSkip>;
  readonly jumps: ReadonlyMap<string, readonly PaperJump[]>;
}

/** The boxes of a question that a routing rule can name, in printed order. */
export function paperAnswersOf(item: Item): PaperAnswer[] {
  const boxes: PaperAnswer[] =
    item.type === 'yesno' ? [{ kind: 'yes' }, { kind: 'no' }] : item.type === 'single' ? item.options.map((o) => ({ kind: 'option' as const, code: o.code })) : [];
  return item.allowNotApplicable ? [...boxes, { kind: 'na' }] : boxes;
}

function matches(answer: PaperAnswer, literal: Literal): boolean {
  if (literal.kind === 'bool') return (answer.kind === 'yes' && literal.value) || (answer.kind === 'no' && !literal.value);
  return literal.kind === 'string' && answer.kind === 'option' && answer.code === literal.value;
}

/**
 * The boxes for which a condition on one yes/no or single-choice question holds, or undefined
 * when the condition is anything else. "Niet van toepassing" never satisfies a comparison (see
 * condition-evaluator.ts), so it is never among them.
 */
function holdingAnswers(condition: Condition, item: Item | undefined): PaperAnswer[] | undefined {
  if (!item || (item.type !== 'yesno' && item.type !== 'single')) return undefined;
  const real = paperAnswersOf(item).filter((a) => a.kind !== 'na');
  if (condition.type === 'compare' && (condition.operator === '=' || condition.operator === '!=')) {
    const equal = real.filter((a) => matches(a, condition.value));
    return condition.operator === '=' ? equal : real.filter((a) => !equal.includes(a));
  }
  if (condition.type === 'in') {
    const listed = real.filter((a) => condition.values.some((v) => matches(a, v)));
    return condition.negated ? real.filter((a) => !listed.includes(a)) : listed;
  }
  return undefined;
}

function ruleFor(source: string, questionnaire: Questionnaire, items: ReadonlyMap<string, Item>, numbers: ReadonlyMap<string, number>, language: DescriptionLanguage): PaperRule {
  const condition = routingCondition(source);
  const key = condition.type === 'compare' || condition.type === 'in' ? condition.key : undefined;
  const answers = key ? holdingAnswers(condition, items.get(key)) : undefined;
  if (key && answers && answers.length > 0) return { kind: 'answers', question: numbers.get(key)!, itemKey: key, answers };
  return { kind: 'described', text: describeCondition(condition, questionnaire, language) };
}

export function paperRouting(questionnaire: Questionnaire, language: DescriptionLanguage): PaperRouting {
  const all = itemsOf(questionnaire);
  const numbers = new Map(all.map((item, i) => [item.key, i + 1]));
  const items = new Map(all.map((item) => [item.key, item]));
  const blockSkips = new Map<string, PaperSkip>();
  const itemSkips = new Map<string, PaperSkip>();
  const jumps = new Map<string, PaperJump[]>();
  const blocks = questionnaire.blocks.filter((b) => b.items.length > 0);

  const addJumps = (rule: PaperRule, from: number, otherwise: number | undefined): void => {
    // Only when the skipped questions come straight after the routing question; otherwise the
    // respondent would jump over questions meant for everyone.
    if (rule.kind !== 'answers' || rule.question + 1 !== from) return;
    const skipping = paperAnswersOf(items.get(rule.itemKey)!).filter((a) => !rule.answers.some((h) => sameAnswer(h, a)));
    jumps.set(rule.itemKey, [...(jumps.get(rule.itemKey) ?? []), ...skipping.map((answer) => ({ answer, goTo: otherwise }))]);
  };

  blocks.forEach((block, index) => {
    if (!block.showIf) return;
    // Consecutive blocks on the same condition are skipped together.
    let last = index;
    while (blocks[last + 1]?.showIf === block.showIf) last++;
    const from = numbers.get(block.items[0]!.key)!;
    const lastBlock = blocks[last]!;
    const to = numbers.get(lastBlock.items[lastBlock.items.length - 1]!.key)!;
    const otherwise = to < all.length ? to + 1 : undefined;
    const rule = ruleFor(block.showIf, questionnaire, items, numbers, language);
    blockSkips.set(block.key, { from: numbers.get(block.items[0]!.key)!, to: numbers.get(block.items[block.items.length - 1]!.key)!, rule, otherwise });
    if (blocks[index - 1]?.showIf !== block.showIf) addJumps(rule, from, otherwise);
  });
  for (const item of all) {
    if (!item.showIf) continue;
    const number = numbers.get(item.key)!;
    const rule = ruleFor(item.showIf, questionnaire, items, numbers, language);
    const otherwise = number < all.length ? number + 1 : undefined;
    itemSkips.set(item.key, { from: number, to: number, rule, otherwise });
    addJumps(rule, number, otherwise);
  }
  return { numbers, blockSkips, itemSkips, jumps };
}

export function sameAnswer(a: PaperAnswer, b: PaperAnswer): boolean {
  return a.kind === b.kind && (a.kind !== 'option' || (b.kind === 'option' && a.code === b.code));
}
