import { encodeAnswer } from '../../domain/questionnaire/answer-encoding.ts';
import type { AnswerInput, CompletedResponseInput } from '../../db/response-store.ts';
import type { AnswerLookup, AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { assertNever, type Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { isBlockVisible, isItemVisible } from '../../domain/questionnaire/routing.ts';
import { drawItemAnswer, type ItemContext } from './draw-item-answer.ts';
import { drawRespondent } from './draw-respondent.ts';
import { drawResponseDates, type Fieldwork } from './draw-response-dates.ts';
import { normalQuantile, seededRandom, seededUuid } from './seeded-random.ts';

// Completed responses for one demo round, pure and deterministic: the same plan gives the same
// responses, ids included. Every random stream is keyed by what it decides (respondent, item),
// so adding an item to the questionnaire leaves the answers to the other items unchanged.

export interface ResponsePlan extends Fieldwork {
  /** Identifies the round's streams, e.g. ['voorbeeldstad', 2025]. */
  readonly seed: readonly (string | number)[];
  readonly count: number;
  /** Target mean of the overall mark; all items move with it. */
  readonly overallMark: number;
  /** Extra shifts in latent standard deviations, by item key or key prefix ending in '.'. */
  readonly shifts: Readonly<Record<string, number>>;
}

/** Latent standard deviations per report-mark point, for turning a target mark into a level. */
const MARK_POINTS_PER_SD = 1.2;
const REFERENCE_MARK = 7.0;

function shiftFor(key: string, shifts: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [pattern, shift] of Object.entries(shifts)) {
    if (pattern === key || (pattern.endsWith('.') && key.startsWith(pattern))) total += shift;
  }
  return total;
}

/** One row per answer, or per chosen option for multiple choice, as the answers table stores them. */

/**
 * Latent satisfaction for n respondents, stratified: one draw from each of n equal slices of the
 * normal distribution, shuffled. The round's mean mark then lands close to its target even for
 * small rounds, while individual answers stay random.
 */
function stratifiedThetas(plan: ResponsePlan): number[] {
  const random = seededRandom(...plan.seed, 'theta');
  const thetas = Array.from({ length: plan.count }, (_, i) => normalQuantile((i + random.next()) / plan.count));
  return random.shuffle(thetas);
}

export function generateResponses(questionnaire: Questionnaire, plan: ResponsePlan): CompletedResponseInput[] {
  const level = (plan.overallMark - REFERENCE_MARK) / MARK_POINTS_PER_SD;
  const itemShift = new Map<string, number>();
  for (const item of questionnaire.blocks.flatMap((block) => block.items)) {
    itemShift.set(item.key, level + shiftFor(item.key, plan.shifts));
  }
  return stratifiedThetas(plan).map((theta, index) => {
    const random = seededRandom(...plan.seed, 'respondent', index);
    const respondent = drawRespondent(random, theta, questionnaire.languages);
    const moduleFactors = new Map<string, number>();
    const moduleFactor = (module: string): number => {
      let factor = moduleFactors.get(module);
      if (factor === undefined) {
        factor = seededRandom(...plan.seed, 'module', index, module).normal();
        moduleFactors.set(module, factor);
      }
      return factor;
    };
    const answers = new Map<string, AnswerValue>();
    const lookup: AnswerLookup = (key) => answers.get(key);
    for (const block of questionnaire.blocks) {
      if (!isBlockVisible(block, lookup)) continue;
      // Decide the whole page first: conditions refer to earlier pages only (as in routing.ts).
      const shown = block.items.filter((item) => isItemVisible(item, lookup));
      for (const item of shown) {
        const context: ItemContext = {
          respondent,
          random: seededRandom(...plan.seed, 'answer', index, item.key),
          moduleFactor: moduleFactor(block.module),
          shift: itemShift.get(item.key) ?? level,
        };
        const value = drawItemAnswer(item, context);
        if (value) answers.set(item.key, value);
      }
    }
    return {
      id: seededUuid(...plan.seed, 'response', index),
      channel: respondent.channel,
      language: respondent.language,
      ...drawResponseDates(random, plan, respondent.channel),
      answers: [...answers].flatMap(([key, value]) => encodeAnswer(key, value)),
    };
  });
}
