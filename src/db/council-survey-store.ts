// Which rounds are the client council's own surveys (rounds.owner_kind = 'council').

import type { Tx } from './tenant-transaction.ts';

export async function markCouncilRound(tx: Tx, organisationId: string, roundId: string): Promise<void> {
  await tx.updateTable('rounds').set({ owner_kind: 'council' }).where('organisation_id', '=', organisationId).where('id', '=', roundId).execute();
}

export async function isCouncilRound(tx: Tx, organisationId: string, roundId: string): Promise<boolean> {
  const row = await tx.selectFrom('rounds').select('owner_kind').where('organisation_id', '=', organisationId).where('id', '=', roundId).executeTakeFirst();
  return row?.owner_kind === 'council';
}

export async function councilRoundIds(tx: Tx, organisationId: string): Promise<Set<string>> {
  const rows = await tx.selectFrom('rounds').select('id').where('organisation_id', '=', organisationId).where('owner_kind', '=', 'council').execute();
  return new Set(rows.map((r) => r.id));
}
