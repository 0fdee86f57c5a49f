import type { Kysely } from 'kysely';
import { getRetention, personalDataHeld, setPurgeAfterDays, type PersonalDataHeld, type RetentionState } from '../db/purge-store.ts';
import { getRound } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { schedulePurge } from './purge-personal-data.ts';

export interface RetentionView {
  readonly retention: RetentionState;
  readonly held: PersonalDataHeld;
}

export function retentionView(db: Kysely<DB>, organisationId: string, roundId: string): Promise<RetentionView | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const retention = await getRetention(tx, organisationId, roundId);
    return retention && { retention, held: await personalDataHeld(tx, organisationId, roundId) };
  });
}

/** Days between closing and the purge: a whole number from 0 to 365. */
export function parseRetentionDays(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\s*\d{1,3}\s*$/.test(value)) return undefined;
  const days = Number(value.trim());
  return days <= 365 ? days : undefined;
}

export async function changeRetentionDays(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; days: number },
): Promise<Result<void, 'not-found' | 'purged'>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const retention = await getRetention(tx, input.organisationId, input.roundId);
    if (!retention) return err('not-found' as const);
    if (retention.purgedAt) return err('purged' as const);
    await setPurgeAfterDays(tx, input.organisationId, input.roundId, input.days);
    const round = await getRound(tx, input.organisationId, input.roundId);
    // A closed round already has a purge planned: move it to the new date.
    if (round && retention.purgeDueOn && round.fieldworkEnd) {
      await schedulePurge(tx, { organisationId: input.organisationId, roundId: input.roundId, today: round.fieldworkEnd, days: input.days, actorId: null });
    }
    return ok(undefined);
  });
}
