// A classifier that learns from the answers an organisation has already coded: multinomial
// naive Bayes, one binary model per code ("does this code apply?"), so an answer can get
// several codes. Naive Bayes because it learns something useful from a few hundred short
// texts, trains in one pass, and its whole state is a table of counts that can be stored as
// JSON, read by a person and updated.
//
// Per code c, over the training answers with c ("pos") and without c ("neg"):
//   P(t | pos) = (n_pos(t) + α) / (N_pos + α·|V|)      (Laplace smoothing, α = 1)
//   log-odds   = log P(pos) − log P(neg) + Σ_t [log P(t | pos) − log P(t | neg)]
//   probability = 1 / (1 + e^(−log-odds))
// where n_pos(t) counts the answers with c that contain token t, N_pos is the sum of n_pos over
// all tokens and V is the vocabulary. Each token counts once per answer (the "binarised"
// multinomial model: for short texts a repeated word adds little, and it keeps one emphatic
// answer — "bellen bellen bellen!!!" — from dominating). Tokens not seen in training are
// ignored. Priors are smoothed too ((N_c + 1) / (N + 2)), so a code no answer had gets a small
// probability instead of log 0. The probabilities are overconfident, as naive Bayes is:
// suggestCodes treats them as a ranking and combines them with the lexicon.
import { err, ok, type Result } from '../result.ts';
import { STEMMER_NAME, tokensOf } from './dutch-stem.ts';
import type { QuestionPolarity } from './standard-codebook.ts';

export interface TrainingAnswer {
  readonly text: string;
  readonly codes: readonly string[];
  /** The question the answer belongs to; a feature, as "alles" means something else under each. */
  readonly question?: QuestionPolarity;
}

interface CodeCounts {
  /** Training answers with this code. */
  readonly documents: number;
  /** Per token: in how many answers with this code it occurs. */
  readonly tokenCounts: Readonly<Record<string, number>>;
  readonly tokenTotal: number;
}

/** Plain JSON: store it with JSON.stringify, read it back with parseNaiveBayesModel. */
export interface NaiveBayesModel {
  readonly format: 'klantstem-naive-bayes';
  readonly version: 1;
  /** Tokens are stems of this stemmer; another stemmer would make the counts meaningless. */
  readonly stemmer: string;
  readonly alpha: number;
  /** Training answers (with or without codes). */
  readonly documents: number;
  /** Per token: in how many training answers it occurs. */
  readonly tokenCounts: Readonly<Record<string, number>>;
  readonly tokenTotal: number;
  readonly codes: Readonly<Record<string, CodeCounts>>;
}

export interface CodeProbability {
  readonly code: string;
  readonly probability: number;
}

export function trainNaiveBayes(
  answers: readonly TrainingAnswer[],
  options: { readonly alpha?: number } = {},
): NaiveBayesModel {
  const alpha = options.alpha ?? 1;
  if (!(alpha > 0)) throw new RangeError(`alpha must be positive, got ${alpha}`);
  const tokenCounts: Record<string, number> = {};
  let tokenTotal = 0;
  const codes: Record<string, { documents: number; tokenCounts: Record<string, number>; tokenTotal: number }> = {};
  for (const answer of answers) {
    const features = featuresOf(answer.text, answer.question);
    for (const token of features) tokenCounts[token] = count(tokenCounts, token) + 1;
    tokenTotal += features.length;
    for (const code of new Set(answer.codes)) {
      const counts = (codes[code] ??= { documents: 0, tokenCounts: {}, tokenTotal: 0 });
      counts.documents += 1;
      for (const token of features) counts.tokenCounts[token] = count(counts.tokenCounts, token) + 1;
      counts.tokenTotal += features.length;
    }
  }
  return { format: 'klantstem-naive-bayes', version: 1, stemmer: STEMMER_NAME, alpha, documents: answers.length, tokenCounts, tokenTotal, codes };
}

/** Probability of each code the model knows, highest first. */
export function predictCodes(model: NaiveBayesModel, text: string, question?: QuestionPolarity): CodeProbability[] {
  const vocabularySize = Object.keys(model.tokenCounts).length;
  const features = featuresOf(text, question).filter((t) => Object.hasOwn(model.tokenCounts, t));
  const predictions: CodeProbability[] = [];
  for (const [code, counts] of Object.entries(model.codes)) {
    const negativeDocuments = model.documents - counts.documents;
    let logOdds = Math.log((counts.documents + 1) / (negativeDocuments + 1));
    const positiveDenominator = counts.tokenTotal + model.alpha * vocabularySize;
    const negativeDenominator = model.tokenTotal - counts.tokenTotal + model.alpha * vocabularySize;
    for (const token of features) {
      const inPositive = count(counts.tokenCounts, token);
      const inNegative = count(model.tokenCounts, token) - inPositive;
      logOdds += Math.log((inPositive + model.alpha) / positiveDenominator);
      logOdds -= Math.log((inNegative + model.alpha) / negativeDenominator);
    }
    predictions.push({ code, probability: 1 / (1 + Math.exp(-logOdds)) });
  }
  return predictions.sort((a, b) => b.probability - a.probability || a.code.localeCompare(b.code));
}

/** Checks a stored model before use: right format, right stemmer, counts that add up. */
export function parseNaiveBayesModel(json: unknown): Result<NaiveBayesModel, string> {
  if (!isRecord(json) || json.format !== 'klantstem-naive-bayes') return err('not a naive Bayes model');
  if (json.version !== 1) return err(`unknown model version ${String(json.version)}`);
  if (json.stemmer !== STEMMER_NAME) return err(`model was trained with stemmer ${String(json.stemmer)}, not ${STEMMER_NAME}`);
  if (!isCount(json.documents) || !isCount(json.tokenTotal) || typeof json.alpha !== 'number' || !(json.alpha > 0)) {
    return err('invalid model totals');
  }
  if (!isCountTable(json.tokenCounts) || !isRecord(json.codes)) return err('invalid model counts');
  for (const [code, counts] of Object.entries(json.codes)) {
    if (!isRecord(counts) || !isCount(counts.documents) || !isCount(counts.tokenTotal) || !isCountTable(counts.tokenCounts)) {
      return err(`invalid counts for code ${code}`);
    }
    if (counts.documents > json.documents) return err(`code ${code} has more answers than the model`);
  }
  return ok(json as unknown as NaiveBayesModel);
}

function featuresOf(text: string, question: QuestionPolarity | undefined): string[] {
  const features = new Set(tokensOf(text));
  // A colon cannot occur in a token (tokens are letters only), so this cannot collide.
  if (question !== undefined) features.add(`question:${question}`);
  return [...features];
}

// Object.hasOwn, so that a token such as "constructor" does not read Object.prototype.
function count(table: Readonly<Record<string, number>>, token: string): number {
  return Object.hasOwn(table, token) ? table[token]! : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isCountTable(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every(isCount);
}
