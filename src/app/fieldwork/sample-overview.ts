import type { Kysely } from 'kysely';
import { runningImportJob } from '../../db/address-import-store.ts';
import { countByValue, getRoundSample, inviteeCodeCount, inviteeCount, type RoundSample } from '../../db/invitee-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { COARSE_FIELDS, type CoarseField } from '../../domain/address-file/address-mapping.ts';
import { acceptsAddresses, type FieldworkActor } from './address-round.ts';

export interface SampleOverview {
  readonly round: Round;
  readonly population: number;
  /** Population per value of each coarse variable that has any value filled in. */
  readonly variables: readonly { readonly field: CoarseField; readonly counts: readonly { value: string | null; count: number }[] }[];
  readonly sample: RoundSample | undefined;
  readonly codes: number;
  readonly canDraw: boolean;
  readonly importRunning: boolean;
}

export async function sampleOverview(db: Kysely<DB>, actor: FieldworkActor, roundId: string): Promise<SampleOverview | undefined> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const round = await getRound(tx, actor.organisationId, roundId);
    if (!round) return undefined;
    const population = (await inviteeCount(tx, roundId)).total;
    const variables = [];
    for (const field of COARSE_FIELDS) {
      const counts = await countByValue(tx, roundId, field);
      if (counts.some((c) => c.value !== null)) variables.push({ field, counts });
    }
    const sample = await getRoundSample(tx, roundId);
    const importRunning = (await runningImportJob(tx, roundId)) !== undefined;
    return {
      round,
      population,
      variables,
      sample,
      codes: await inviteeCodeCount(tx, roundId),
      canDraw: acceptsAddresses(round.status) && !sample && population > 0 && !importRunning,
      importRunning,
    };
  });
}
