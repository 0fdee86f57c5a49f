// Code suggestions for one open answer, for the researcher who codes: the lexicon from the
// first answer on, and once the organisation has coded enough answers, a naive Bayes model
// trained on them. The researcher decides; a suggestion is never stored as a code by itself.
import { lexiconScores } from './code-lexicon.ts';
import { predictCodes, type NaiveBayesModel } from './naive-bayes.ts';
import { isNonAnswer } from './non-answer.ts';
import type { QuestionPolarity } from './standard-codebook.ts';

export interface CodeSuggestion {
  readonly code: string;
  /** Between 0 and 1; a ranking score, not a calibrated probability. */
  readonly confidence: number;
  readonly source: 'lexicon' | 'model' | 'both';
}

export interface SuggestOptions {
  /** The organisation's trained model, if any. */
  readonly model?: NaiveBayesModel;
  /** The codes of the organisation's codebook: nothing else is suggested. */
  readonly codebookKeys: readonly string[];
  readonly question?: QuestionPolarity;
  /** Suggestions below it are not returned; SUGGESTION_THRESHOLD when absent. */
  readonly threshold?: number;
}

/**
 * Shown when the combined score reaches 0.5: one strong lexicon cue (0.65) is enough, one weak
 * cue (0.41) is not, the model alone needs p ≥ 0.84 (see MODEL_WEIGHT). In 4-fold
 * cross-validation on the training part of test/fixtures/open-answers, thresholds from 0.45 to
 * 0.65 gave the same micro F1 within 0.01; 0.5 keeps a little more recall, which costs the
 * researcher one click to reject. Below 0.45 false alarms grow fast (F1 0.74 at 0.35); above
 * 0.65 a single strong cue no longer counts (F1 0.56 at 0.75).
 */
export const SUGGESTION_THRESHOLD = 0.5;

/**
 * Below this many coded answers the model is not used: with a few dozen answers most codes
 * have one or two examples and naive Bayes would echo whichever words they happened to share.
 */
export const MIN_TRAINING_ANSWERS = 30;

/** A code needs this many coded examples before the model speaks for it; else only the lexicon. */
export const MIN_CODE_EXAMPLES = 3;

/**
 * How much of the model's probability counts. Naive Bayes is overconfident (it multiplies
 * evidence from words that are not independent), so on its own the model needs p ≥ 0.84 to
 * reach the threshold, while a weak lexicon cue (0.41) plus a modest p = 0.3 does too.
 */
export const MODEL_WEIGHT = 0.6;

export function suggestCodes(text: string, options: SuggestOptions): CodeSuggestion[] {
  if (isNonAnswer(text)) return [];
  const threshold = options.threshold ?? SUGGESTION_THRESHOLD;
  const lexicon = lexiconScores(text);
  const model = options.model !== undefined && options.model.documents >= MIN_TRAINING_ANSWERS ? options.model : undefined;
  const modelScores = new Map<string, number>();
  if (model !== undefined) {
    for (const { code, probability } of predictCodes(model, text, options.question)) {
      if ((model.codes[code]?.documents ?? 0) >= MIN_CODE_EXAMPLES) modelScores.set(code, probability);
    }
  }
  const suggestions: CodeSuggestion[] = [];
  for (const code of new Set(options.codebookKeys)) {
    const fromLexicon = lexicon.get(code) ?? 0;
    const fromModel = modelScores.get(code);
    // Noisy-OR: the suggestion is wrong only if both sources are; either can raise it.
    const confidence = fromModel === undefined ? fromLexicon : 1 - (1 - fromLexicon) * (1 - MODEL_WEIGHT * fromModel);
    if (confidence < threshold) continue;
    suggestions.push({ code, confidence, source: sourceOf(fromLexicon, fromModel, threshold) });
  }
  return suggestions.sort((a, b) => b.confidence - a.confidence || a.code.localeCompare(b.code));
}

function sourceOf(fromLexicon: number, fromModel: number | undefined, threshold: number): CodeSuggestion['source'] {
  if (fromModel === undefined) return 'lexicon';
  const lexiconSays = fromLexicon >= threshold;
  const modelSays = MODEL_WEIGHT * fromModel >= threshold;
  // Both alone, or neither alone but together.
  if (lexiconSays === modelSays) return 'both';
  return modelSays ? 'model' : 'lexicon';
}
