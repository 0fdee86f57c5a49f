import { sql } from 'kysely';
import type { Block } from '../domain/questionnaire/questionnaire.ts';
import type { RoundStatus } from './schema.ts';
import type { Tx } from './tenant-transaction.ts';

export interface Round {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly year: number;
  readonly questionnaireVersionId: string;
  readonly sourceVersionId: string | null;
  readonly disabledModules: readonly string[];
  readonly ownBlocks: readonly Block[];
  readonly access: 'codes' | 'open';
  readonly status: RoundStatus;
  readonly targetGroup: string;
  readonly fieldworkStart: string | null;
  readonly fieldworkEnd: string | null;
  /** A client council's own survey is the council's to change; it stays out of trends and references. */
  readonly ownerKind: 'organisation' | 'council';
}

export interface RoundSummary extends Round {
  readonly invitations: number;
  readonly completed: number;
}

const columns = [
  'r.id',
  'r.organisation_id as organisationId',
  'r.name',
  'r.year',
  'r.questionnaire_version_id as questionnaireVersionId',
  'r.source_version_id as sourceVersionId',
  'r.disabled_modules as disabledModules',
  'r.own_blocks as ownBlocks',
  'r.access',
  'r.status',
  'r.target_group as targetGroup',
  'r.fieldwork_start as fieldworkStart',
  'r.fieldwork_end as fieldworkEnd',
  'r.owner_kind as ownerKind',
] as const;

function toRound<T extends { ownBlocks: unknown }>(row: T): Omit<T, 'ownBlocks'> & { ownBlocks: Block[] } {
  return { ...row, ownBlocks: row.ownBlocks as Block[] };
}

export async function insertRound(tx: Tx, round: Round): Promise<void> {
  await tx
    .insertInto('rounds')
    .values({
      id: round.id,
      organisation_id: round.organisationId,
      name: round.name,
      year: round.year,
      questionnaire_version_id: round.questionnaireVersionId,
      source_version_id: round.sourceVersionId,
      disabled_modules: [...round.disabledModules],
      own_blocks: JSON.stringify(round.ownBlocks),
      access: round.access,
      status: round.status,
      target_group: round.targetGroup,
      fieldwork_start: round.fieldworkStart,
      fieldwork_end: round.fieldworkEnd,
      owner_kind: round.ownerKind,
    })
    .execute();
}

export async function updateRoundDesign(
  tx: Tx,
  id: string,
  design: Pick<Round, 'name' | 'year' | 'questionnaireVersionId' | 'disabledModules' | 'ownBlocks' | 'targetGroup' | 'fieldworkStart' | 'fieldworkEnd' | 'access'>,
): Promise<void> {
  await tx
    .updateTable('rounds')
    .set({
      name: design.name,
      year: design.year,
      questionnaire_version_id: design.questionnaireVersionId,
      disabled_modules: [...design.disabledModules],
      own_blocks: JSON.stringify(design.ownBlocks),
      target_group: design.targetGroup,
      fieldwork_start: design.fieldworkStart,
      fieldwork_end: design.fieldworkEnd,
      access: design.access,
    })
    .where('id', '=', id)
    .execute();
}

export async function getRound(tx: Tx, organisationId: string, id: string): Promise<Round | undefined> {
  const row = await tx
    .selectFrom('rounds as r')
    .select(columns)
    .where('r.organisation_id', '=', organisationId)
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row && toRound(row);
}

export async function listRounds(tx: Tx, organisationId: string): Promise<RoundSummary[]> {
  const rows = await tx
    .selectFrom('rounds as r')
    .select(columns)
    .select([
      sql<number>`(select count(*) from access_codes c where c.round_id = r.id)`.as('invitations'),
      sql<number>`(select count(*) from responses p where p.round_id = r.id and p.status = 'completed')`.as('completed'),
    ])
    .where('r.organisation_id', '=', organisationId)
    .orderBy('r.year', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
  return rows.map(toRound);
}

/** Lifecycle rules live in the domain (fieldwork issue); this only writes the outcome. */
export async function setRoundStatus(
  tx: Tx,
  id: string,
  status: RoundStatus,
  dates?: { fieldworkStart: string | null; fieldworkEnd: string | null },
): Promise<void> {
  await tx
    .updateTable('rounds')
    .set({
      status,
      ...(dates ? { fieldwork_start: dates.fieldworkStart, fieldwork_end: dates.fieldworkEnd } : {}),
    })
    .where('id', '=', id)
    .execute();
}
