import type { Kysely } from 'kysely';
import {
  getVersion,
  latestVersion,
  listStandardVersions,
  findQuestionnaireId,
  type QuestionnaireVersion,
  type StandardVersionSummary,
} from '../db/questionnaire-store.ts';
import { getRound, listRounds, type Round, type RoundSummary } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';

export const STANDARD_KEY = 'standaard-kto';

export function roundsOf(db: Kysely<DB>, organisationId: string): Promise<RoundSummary[]> {
  return withTenant(db, organisationId, (tx) => listRounds(tx, organisationId));
}

/** Whether the round is one of the organisation's: checked before acting on a request about it. */
export function isOwnRound(db: Kysely<DB>, organisationId: string, roundId: string): Promise<boolean> {
  return withTenant(db, organisationId, async (tx) => (await getRound(tx, organisationId, roundId)) !== undefined);
}

export interface RoundWithQuestionnaire {
  readonly round: Round;
  readonly version: QuestionnaireVersion;
  readonly source: QuestionnaireVersion | undefined;
}

export function roundWithQuestionnaire(
  db: Kysely<DB>,
  organisationId: string,
  roundId: string,
): Promise<RoundWithQuestionnaire | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    if (!round) return undefined;
    const version = await getVersion(tx, round.questionnaireVersionId);
    if (!version) return undefined;
    const source = round.sourceVersionId ? await getVersion(tx, round.sourceVersionId) : undefined;
    return { round, version, source };
  });
}

export interface StandardQuestionnaireView {
  readonly latest: QuestionnaireVersion;
  readonly versions: readonly StandardVersionSummary[];
}

/** The standard questionnaire is shared: every tenant reads it, none can change it. */
export function standardQuestionnaire(db: Kysely<DB>, organisationId: string): Promise<StandardQuestionnaireView> {
  return withTenant(db, organisationId, async (tx) => {
    const id = await findQuestionnaireId(tx, null, STANDARD_KEY);
    const latest = id ? await latestVersion(tx, id) : undefined;
    if (!latest) throw new Error('The standard questionnaire has not been loaded (run migrate).');
    return { latest, versions: await listStandardVersions(tx) };
  });
}
