import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { getRetention } from '../db/purge-store.ts';
import { getRound, setRoundStatus, type Round } from '../db/round-store.ts';
import type { DB, Role } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { nextStatus, staffMayAct, type LifecycleProblem, type RoundAction } from '../domain/round-lifecycle.ts';
import { schedulePurge, unschedulePurge } from './purge-personal-data.ts';
import { todayInNetherlands } from './today.ts';

/**
 * Moves a round through its lifecycle. Starting fieldwork fills in today as the start date when
 * none was planned; closing fills in the end date and schedules the purge of personal data after
 * the round's retention period; reopening cancels it. Every change is in the audit log.
 */
export async function changeRoundStatus(
  db: Kysely<DB>,
  input: { organisationId: string; actorId: string | null; role: Role; roundId: string; action: RoundAction; actingFor: 'staff' | 'council'; now?: Date },
): Promise<Result<Round, LifecycleProblem | 'not-found' | 'council-owned'>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const round = await getRound(tx, input.organisationId, input.roundId);
    if (!round) return err('not-found' as const);
    if (input.actingFor === 'staff' && !staffMayAct(round.ownerKind, input.action)) return err('council-owned' as const);
    const next = nextStatus(round.status, input.action, input.role);
    if (!next.ok) return next;
    const today = todayInNetherlands(input.now);
    const dates = {
      fieldworkStart: input.action === 'start-fieldwork' ? (round.fieldworkStart ?? today) : round.fieldworkStart,
      fieldworkEnd: input.action === 'close' && (round.fieldworkEnd === null || round.fieldworkEnd > today) ? today : round.fieldworkEnd,
    };
    await setRoundStatus(tx, round.id, next.value, dates);
    if (input.action === 'close') {
      const retention = await getRetention(tx, input.organisationId, round.id);
      if (retention && !retention.purgedAt) {
        await schedulePurge(tx, { organisationId: input.organisationId, roundId: round.id, today, days: retention.purgeAfterDays, actorId: input.actorId });
      }
    }
    if (input.action === 'reopen') await unschedulePurge(tx, input.organisationId, round.id);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      userId: input.actorId,
      action: 'round-status-changed',
      details: { roundId: round.id, from: round.status, to: next.value },
    });
    return ok({ ...round, status: next.value, ...dates });
  });
}
