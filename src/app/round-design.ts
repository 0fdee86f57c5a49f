import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { getVersion, saveQuestionnaireVersion } from '../db/questionnaire-store.ts';
import { getRound, insertRound, updateRoundDesign, type Round } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant-transaction.ts';
import { composeQuestionnaire } from '../domain/questionnaire/compose-questionnaire.ts';
import type { Block } from '../domain/questionnaire/questionnaire.ts';
import type { QuestionnaireIssue } from '../domain/questionnaire/questionnaire-schema.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { staffMayDesign } from '../domain/round-lifecycle.ts';

export interface RoundDesign {
  readonly name: string;
  readonly year: number;
  readonly disabledModules: readonly string[];
  readonly ownBlocks: readonly Block[];
  readonly targetGroup: string;
  readonly fieldworkStart: string | null;
  readonly fieldworkEnd: string | null;
  readonly access: 'codes' | 'open';
}

export type RoundDesignProblem =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-draft' }
  | { readonly kind: 'council-owned' }
  | { readonly kind: 'questionnaire'; readonly issues: readonly QuestionnaireIssue[] };

/** Composes the round's questionnaire from its source and stores it as a version of its own. */
async function composeVersion(
  tx: Tx,
  organisationId: string,
  roundId: string,
  sourceVersionId: string,
  design: RoundDesign,
): Promise<Result<string, RoundDesignProblem>> {
  const source = await getVersion(tx, sourceVersionId);
  if (!source) return err({ kind: 'not-found' });
  const composed = composeQuestionnaire(source.definition, {
    disabledModules: [...design.disabledModules],
    ownBlocks: [...design.ownBlocks],
  });
  if (!composed.ok) return err({ kind: 'questionnaire', issues: composed.error });
  const version = await saveQuestionnaireVersion(
    tx,
    { organisationId, isStandard: false },
    { ...composed.value, key: `round-${roundId}` },
  );
  return ok(version.id);
}

export async function createRound(
  db: Kysely<DB>,
  input: { organisationId: string; actorId: string | null; id: string; sourceVersionId: string; design: RoundDesign },
): Promise<Result<Round, RoundDesignProblem>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const version = await composeVersion(tx, input.organisationId, input.id, input.sourceVersionId, input.design);
    if (!version.ok) return version;
    const round: Round = {
      id: input.id,
      organisationId: input.organisationId,
      questionnaireVersionId: version.value,
      sourceVersionId: input.sourceVersionId,
      status: 'draft',
      ownerKind: 'organisation',
      ...input.design,
    };
    await insertRound(tx, round);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      userId: input.actorId,
      action: 'round-created',
      details: { roundId: round.id },
    });
    return ok(round);
  });
}

/** Only a draft round can change its questionnaire; each change that alters it adds a version. */
export async function changeRoundDesign(
  db: Kysely<DB>,
  input: { organisationId: string; actorId: string | null; roundId: string; design: RoundDesign; actingFor: 'staff' | 'council' },
): Promise<Result<Round, RoundDesignProblem>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const round = await getRound(tx, input.organisationId, input.roundId);
    if (!round || !round.sourceVersionId) return err({ kind: 'not-found' as const });
    if (input.actingFor === 'staff' && !staffMayDesign(round.ownerKind)) return err({ kind: 'council-owned' as const });
    if (round.status !== 'draft') return err({ kind: 'not-draft' as const });
    const version = await composeVersion(tx, input.organisationId, round.id, round.sourceVersionId, input.design);
    if (!version.ok) return version;
    await updateRoundDesign(tx, round.id, { ...input.design, questionnaireVersionId: version.value });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      userId: input.actorId,
      action: 'round-updated',
      details: { roundId: round.id, questionnaireVersionId: version.value },
    });
    return ok({ ...round, ...input.design, questionnaireVersionId: version.value });
  });
}
