import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { saveQuestionnaireVersion } from '../db/questionnaire-store.ts';
import { getRound, insertRound, listRounds, type Round, type RoundSummary } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { Item, Questionnaire } from '../domain/questionnaire/questionnaire.ts';
import { OWN_MODULE_KEY } from '../domain/questionnaire/compose-questionnaire.ts';
import { err, ok, type Result } from '../domain/result.ts';
import type { RoundAction } from '../domain/round-lifecycle.ts';
import { changeRoundStatus } from './change-round-status.ts';
import { changeRoundDesign, type RoundDesignProblem } from './round-design.ts';
import { roundReport, type RoundReportView } from './round-report.ts';

// The client council's own survey: a round with only the council's questions, answered through
// an open link, marked as the council's (owner_kind) so it stays out of the organisation's
// trend and the reference group. The council starts and closes it itself; publishing and
// reopening stay with the organisation's staff.

export interface CouncilActor {
  readonly organisationId: string;
  readonly userId: string | null;
}

export const COUNCIL_BLOCK = 'raad';

const COUNCIL_BASE: Questionnaire = { key: 'clientenraad', title: { nl: 'Onderzoek van de cliëntenraad', en: 'Client council survey' }, languages: ['nl', 'en'], modules: [], blocks: [] };

export function councilSurveys(db: Kysely<DB>, organisationId: string): Promise<RoundSummary[]> {
  return withTenant(db, organisationId, async (tx) => (await listRounds(tx, organisationId)).filter((r) => r.ownerKind === 'council'));
}

/** The round when it is one of the council's surveys of this organisation. */
export function councilSurvey(db: Kysely<DB>, organisationId: string, roundId: string): Promise<Round | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    return round?.ownerKind === 'council' ? round : undefined;
  });
}

export async function createCouncilSurvey(
  db: Kysely<DB>, actor: CouncilActor, input: { name: string; year: number },
): Promise<Result<Round, RoundDesignProblem>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    // An empty questionnaire of the organisation's own as the source: the standard one has
    // required modules, and a council asks only its own questions of its own members.
    const base = await saveQuestionnaireVersion(tx, { organisationId: actor.organisationId, isStandard: false }, COUNCIL_BASE);
    const id = randomUUID();
    const design = {
      name: input.name, year: input.year, targetGroup: '', fieldworkStart: null, fieldworkEnd: null, access: 'open' as const,
      disabledModules: [], ownBlocks: [],
    };
    // Without questions a composed questionnaire is not valid yet: the round starts on the empty
    // base, and each question added composes a version of its own (changeRoundDesign).
    const round: Round = { id, organisationId: actor.organisationId, questionnaireVersionId: base.id, sourceVersionId: base.id, status: 'draft', ownerKind: 'council', ...design };
    await insertRound(tx, round);
    await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: 'round-created', details: { roundId: id, owner: 'council' } });
    return ok(round);
  });
}

/** Adds a question to a draft council survey. */
export async function addCouncilQuestion(db: Kysely<DB>, actor: CouncilActor, roundId: string, item: Item): Promise<Result<Round, RoundDesignProblem>> {
  const round = await councilSurvey(db, actor.organisationId, roundId);
  if (!round) return err({ kind: 'not-found' });
  const existing = round.ownBlocks.find((b) => b.key === COUNCIL_BLOCK);
  const block = existing
    ? { ...existing, items: [...existing.items, item] }
    : { key: COUNCIL_BLOCK, module: OWN_MODULE_KEY, title: { nl: 'Vragen van de cliëntenraad', en: 'Questions of the client council' }, items: [item] };
  return changeRoundDesign(db, {
    organisationId: actor.organisationId, actorId: actor.userId, roundId,
    design: { ...round, ownBlocks: [...round.ownBlocks.filter((b) => b.key !== COUNCIL_BLOCK), block] },
    actingFor: 'council',
  });
}

export type CouncilAction = Extract<RoundAction, 'start-fieldwork' | 'close'>;

/** Starts or closes the council's own survey, with the lifecycle rules a researcher has. */
export async function changeCouncilSurveyStatus(db: Kysely<DB>, actor: CouncilActor, roundId: string, action: CouncilAction) {
  if (!(await councilSurvey(db, actor.organisationId, roundId))) return err('not-found' as const);
  return changeRoundStatus(db, { organisationId: actor.organisationId, actorId: actor.userId, role: 'researcher', roundId, action, actingFor: 'council' });
}

/** The report of a council survey (counts per answer come from it). */
export async function councilSurveyReport(db: Kysely<DB>, organisationId: string, roundId: string): Promise<RoundReportView | undefined> {
  return (await councilSurvey(db, organisationId, roundId)) ? roundReport(db, organisationId, roundId) : undefined;
}
