// Decides which blocks (pages) and items a respondent sees. Answers to questions that are hidden
// do not count: a respondent who goes back and changes an answer that hides a block must not be
// routed on what they said inside that block before.

import type { AnswerLookup } from './answer-value.ts';
import type { Condition } from './condition.ts';
import { evaluateCondition } from './condition-evaluator.ts';
import { parseCondition } from './condition-parser.ts';
import type { Block, Item, Questionnaire } from './questionnaire.ts';

// The same few conditions are evaluated on every page of every response; sources come from
// validated questionnaires, so the map stays small. The limit only guards against misuse.
const parsedConditions = new Map<string, Condition>();
const CACHE_LIMIT = 10_000;

/** The parsed condition; throws on invalid source, because questionnaires are validated before use. */
export function routingCondition(source: string): Condition {
  const cached = parsedConditions.get(source);
  if (cached) return cached;
  const parsed = parseCondition(source);
  if (!parsed.ok) {
    throw new Error(
      `Invalid routing condition "${source}" at position ${parsed.error.position}: ${parsed.error.message.en}. ` +
        'Questionnaires must be validated with parseQuestionnaire before they are used.',
    );
  }
  if (parsedConditions.size >= CACHE_LIMIT) parsedConditions.clear();
  parsedConditions.set(source, parsed.value);
  return parsed.value;
}

function holds(showIf: string | undefined, answers: AnswerLookup): boolean {
  return showIf === undefined || evaluateCondition(routingCondition(showIf), answers);
}

/** The block's own condition only; use visibleBlocks to route a whole questionnaire. */
export function isBlockVisible(block: Block, answers: AnswerLookup): boolean {
  return holds(block.showIf, answers);
}

/** The item's own condition only; use visibleItems to route a whole questionnaire. */
export function isItemVisible(item: Item, answers: AnswerLookup): boolean {
  return holds(item.showIf, answers);
}

interface Route {
  readonly blocks: Block[];
  readonly items: Item[];
}

function route(questionnaire: Questionnaire, answers: AnswerLookup): Route {
  const shownKeys = new Set<string>();
  const lookup: AnswerLookup = (key) => (shownKeys.has(key) ? answers(key) : undefined);
  const blocks: Block[] = [];
  const items: Item[] = [];
  for (const block of questionnaire.blocks) {
    if (!isBlockVisible(block, lookup)) continue;
    // Conditions only refer to earlier blocks, so this block's items are added after all of them
    // are decided; that keeps the outcome independent of item order within the page.
    const shown = block.items.filter((item) => isItemVisible(item, lookup));
    if (shown.length === 0) continue;
    blocks.push(block);
    items.push(...shown);
    for (const item of shown) shownKeys.add(item.key);
  }
  return { blocks, items };
}

/**
 * Blocks to show, in order: the block's condition holds and at least one of its items is shown
 * (an empty page is skipped). Conditions see only answers to items that are themselves shown.
 */
export function visibleBlocks(questionnaire: Questionnaire, answers: AnswerLookup): Block[] {
  return route(questionnaire, answers).blocks;
}

/** Items to show, in order, by the same rules as visibleBlocks; answers to other items should be discarded. */
export function visibleItems(questionnaire: Questionnaire, answers: AnswerLookup): Item[] {
  return route(questionnaire, answers).items;
}
