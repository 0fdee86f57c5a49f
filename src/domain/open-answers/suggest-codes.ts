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
 * Shown when the combined score reaches 0.5: for the model that is "more likely than not";
 * for the lexicon, one strong cue (0.65) is enough and one weak cue (0.41) is not.
 */
export const SUGGESTION_THRESHOLD = 0.5;

/**
 * Below this many coded answers the model is not used: with a few dozen answers most codes
 * have one or two examples and naive Bayes would echo whichever words they happened to share.
 */
export const MIN_TRAINING_ANSWERS = 30;

/** A code needs this many coded examples before the model speaks for it; else only the lexicon. */
export const MIN_CODE_EXAMPLES = 3;

/** Weight of the model against the lexicon where both speak for a code. */
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
    const confidence = fromModel === undefined ? fromLexicon : MODEL_WEIGHT * fromModel + (1 - MODEL_WEIGHT) * fromLexicon;
    if (confidence < threshold) continue;
    suggestions.push({ code, confidence, source: sourceOf(fromLexicon, fromModel, threshold) });
  }
  return suggestions.sort((a, b) => b.confidence - a.confidence || a.code.localeCompare(b.code));
}

function sourceOf(fromLexicon: number, fromModel: number | undefined, threshold: number): CodeSuggestion['source'] {
  if (fromModel === undefined) return 'lexicon';
  const lexiconSays = fromLexicon >= threshold;
  const modelSays = fromModel >= threshold;
  if (lexiconSays === modelSays) return 'both';
  return modelSays ? 'model' : 'lexicon';
}
