// Which page comes next, which came before, and "Stap 3 van 8": all follow the routing, so the
// count changes when an answer opens or closes a block.

import type { AnswerLookup, AnswerValue } from '../questionnaire/answer-value.ts';
import type { Block, Item, Questionnaire } from '../questionnaire/questionnaire.ts';
import { visibleBlocks, visibleItems } from '../questionnaire/routing.ts';

export function lookupOf(answers: ReadonlyMap<string, AnswerValue | undefined>): AnswerLookup {
  return (key) => answers.get(key);
}

export interface PageFlow {
  /** Pages the respondent sees, in order, given the answers so far. */
  readonly pages: readonly Block[];
  /** Items on those pages that are shown (item-level routing applied). */
  readonly items: readonly Item[];
}

export function pageFlow(questionnaire: Questionnaire, answers: ReadonlyMap<string, AnswerValue | undefined>): PageFlow {
  const lookup = lookupOf(answers);
  return { pages: visibleBlocks(questionnaire, lookup), items: visibleItems(questionnaire, lookup) };
}

export interface Step {
  readonly number: number;
  readonly of: number;
}

/** 1-based position of a page among the visible pages; the check page is the last step. */
export function stepOf(flow: PageFlow, blockKey: string | 'check'): Step {
  const of = flow.pages.length + 1;
  if (blockKey === 'check') return { number: of, of };
  const index = flow.pages.findIndex((b) => b.key === blockKey);
  return { number: index + 1, of };
}

function indexIn(questionnaire: Questionnaire, blockKey: string): number {
  return questionnaire.blocks.findIndex((b) => b.key === blockKey);
}

/** The visible page after blockKey in questionnaire order, or 'check' after the last one. */
export function nextPage(questionnaire: Questionnaire, flow: PageFlow, blockKey: string): string {
  const from = indexIn(questionnaire, blockKey);
  const next = flow.pages.find((b) => indexIn(questionnaire, b.key) > from);
  return next?.key ?? 'check';
}

/** The visible page before blockKey ('check' goes back to the last page), or undefined at the start. */
export function previousPage(questionnaire: Questionnaire, flow: PageFlow, blockKey: string | 'check'): string | undefined {
  const from = blockKey === 'check' ? questionnaire.blocks.length : indexIn(questionnaire, blockKey);
  const before = flow.pages.filter((b) => indexIn(questionnaire, b.key) < from);
  return before[before.length - 1]?.key;
}

/** Where a returning respondent continues: the page they last saved leads to the next one. */
export function resumePage(questionnaire: Questionnaire, flow: PageFlow, lastSavedBlock: string | null): string {
  if (lastSavedBlock === null || indexIn(questionnaire, lastSavedBlock) < 0) return flow.pages[0]?.key ?? 'check';
  return nextPage(questionnaire, flow, lastSavedBlock);
}
