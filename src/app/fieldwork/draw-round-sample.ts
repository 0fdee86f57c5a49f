import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { runningImportJob } from '../../db/address-import-store.ts';
import { insertInviteeCodes, insertRoundSample, markSampled, roundPopulation } from '../../db/invitee-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { savePopulationCounts } from '../../db/weighting-store.ts';
import type { CoarseField } from '../../domain/address-file/address-mapping.ts';
import { carriedValues } from '../../domain/fieldwork/carried-values.ts';
import { drawSample, type SampleMethod, type SampleProblem } from '../../domain/fieldwork/draw-sample.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../domain/statistics/reporting-thresholds.ts';
import { hashAccessCode, newAccessCode } from '../access-code-hash.ts';
import { sealText } from '../sealed-text.ts';
import { addressRound, type AddressRoundProblem, type FieldworkActor } from './address-round.ts';

export interface SampleChoice {
  readonly method: SampleMethod;
  readonly size: number;
  readonly seed: string;
  readonly stratifyBy: CoarseField | null;
  readonly carried: readonly CoarseField[];
}

export type DrawProblem = AddressRoundProblem | SampleProblem | 'import-running';

/**
 * Draws the round's sample once, in one transaction: marks the sampled invitees, records the
 * draw (method, seed, sizes, carried variables) and gives each sampled invitee a fresh random
 * access code. Only the hash goes into access_codes, with the carried values when the
 * combination is shared by enough sampled invitees; the person <-> code link keeps the code
 * sealed under the server secret so letters and reminders can print it.
 */
export async function drawRoundSample(
  db: Kysely<DB>,
  actor: FieldworkActor & { secret: string },
  roundId: string,
  choice: SampleChoice,
): Promise<Result<{ size: number; population: number }, DrawProblem>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const round = await addressRound(tx, actor.organisationId, roundId);
    if (!round.ok) return round;
    if (await runningImportJob(tx, roundId)) return err('import-running' as const);
    const population = await roundPopulation(tx, roundId);
    const stratifyBy = choice.method === 'stratified' ? choice.stratifyBy : null;
    const drawn = drawSample(population, choice, (m) => (stratifyBy ? (m[stratifyBy] ?? '') : ''));
    if (!drawn.ok) return drawn;
    const sampled = drawn.value.indices.map((i) => population[i]!);
    const carried = carriedValues(sampled, choice.carried, DEFAULT_REPORTING_THRESHOLDS.hideBelow);
    await markSampled(tx, sampled.map((m) => m.id));
    await insertRoundSample(tx, {
      organisationId: actor.organisationId,
      roundId,
      method: choice.method,
      stratifyBy,
      seed: choice.seed,
      population: population.length,
      size: sampled.length,
      carried: choice.carried,
      drawnBy: actor.userId,
    });
    // The address file is the population: its counts per carried variable are what the
    // round's figures can later be weighted to (counts of groups, kept after the purge).
    for (const field of choice.carried) {
      const counts = new Map<string, number>();
      for (const member of population) {
        const value = member[field];
        if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      await savePopulationCounts(tx, actor.organisationId, roundId, { source: 'carried', variable: field }, counts);
    }
    await insertInviteeCodes(
      tx,
      actor.organisationId,
      roundId,
      sampled.map((m, i) => {
        const code = newAccessCode();
        return { inviteeId: m.id, accessCodeId: randomUUID(), codeHash: hashAccessCode(code), codeSealed: sealText(actor.secret, 'access-code', code), carried: carried[i]! };
      }),
    );
    return ok({ size: sampled.length, population: population.length });
  });
}
