import type { Kysely } from 'kysely';
import { codedAnswersOfOrganisation, loadCodingModel, saveCodingModel } from '../../db/open-answer-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { multiLabelAgreement } from '../../domain/open-answers/agreement.ts';
import { trainNaiveBayes, type TrainingAnswer } from '../../domain/open-answers/naive-bayes.ts';
import { polarityOfItem } from '../../domain/open-answers/rank-points.ts';
import { MIN_TRAINING_ANSWERS, suggestCodes } from '../../domain/open-answers/suggest-codes.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { ensureCodebook } from './codebook.ts';

// Trains the organisation's suggestion model on every answer its researchers coded (first
// coder), and measures first how well suggestions agree with people on answers the model did
// not see: every fourth coded answer is held out, the model is trained on the rest, and the
// suggestions for the held-out answers are compared with the people's codes. The stored model
// is then trained on all coded answers.

export interface ModelEvaluation {
  readonly trainedOn: number;
  readonly heldOut: number;
  readonly f1: number | null;
  readonly kappa: number | null;
  readonly precision: number | null;
  readonly recall: number | null;
  /** The same measures for the lexicon alone, to show what the organisation's model adds. */
  readonly lexiconF1: number | null;
  readonly lexiconKappa: number | null;
}

export async function trainCodingModel(db: Kysely<DB>, organisationId: string): Promise<Result<ModelEvaluation, { code: 'too-few'; coded: number }>> {
  const { rows, codeKeys } = await withTenant(db, organisationId, async (tx) => ({
    rows: await codedAnswersOfOrganisation(tx, organisationId),
    codeKeys: (await ensureCodebook(tx, organisationId)).filter((code) => !code.archived).map((code) => code.key),
  }));
  if (rows.length < MIN_TRAINING_ANSWERS) return err({ code: 'too-few', coded: rows.length });
  const answers: TrainingAnswer[] = rows.map((row) => {
    const question = polarityOfItem(row.itemKey);
    return { text: row.text, codes: row.codes, ...(question ? { question } : {}) };
  });
  const heldOut = answers.filter((_, index) => index % 4 === 3);
  const training = answers.filter((_, index) => index % 4 !== 3);
  const trial = trainNaiveBayes(training);
  const human = heldOut.map((answer, index) => ({ id: String(index), codes: answer.codes }));
  const suggested = (withModel: boolean) =>
    heldOut.map((answer, index) => ({
      id: String(index),
      codes: suggestCodes(answer.text, { codebookKeys: codeKeys, ...(withModel ? { model: trial } : {}), ...(answer.question ? { question: answer.question } : {}) }).map((s) => s.code),
    }));
  const both = multiLabelAgreement(suggested(true), human, { codeKeys });
  const lexicon = multiLabelAgreement(suggested(false), human, { codeKeys });
  const evaluation: ModelEvaluation = {
    trainedOn: answers.length,
    heldOut: heldOut.length,
    f1: both.f1,
    kappa: both.kappa,
    precision: both.precision,
    recall: both.recall,
    lexiconF1: lexicon.f1,
    lexiconKappa: lexicon.kappa,
  };
  const model = trainNaiveBayes(answers);
  await withTenant(db, organisationId, (tx) => saveCodingModel(tx, organisationId, model, evaluation));
  return ok(evaluation);
}

export async function modelEvaluationOf(db: Kysely<DB>, organisationId: string): Promise<(ModelEvaluation & { trainedAt: Date }) | undefined> {
  const stored = await withTenant(db, organisationId, (tx) => loadCodingModel(tx, organisationId));
  return stored && { ...(stored.evaluation as ModelEvaluation), trainedAt: stored.trainedAt };
}
