import type { Kysely } from 'kysely';
import { listAddressImports, runningImportJob, type AddressImport } from '../../db/address-import-store.ts';
import { getRoundSample, inviteeCodeCount, inviteeCount, type RoundSample } from '../../db/invitee-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { acceptsAddresses, type FieldworkActor } from './address-round.ts';

export interface AddressesOverview {
  readonly round: Round;
  readonly invitees: { readonly total: number; readonly sampled: number; readonly withEmail: number };
  readonly codes: number;
  readonly imports: readonly AddressImport[];
  readonly sample: RoundSample | undefined;
  /** A new file may be uploaded (before closing and before the draw). */
  readonly canUpload: boolean;
  /** The latest upload still waiting for mapping, check or import. */
  readonly pending: AddressImport | undefined;
  /** An import job queued or running for this round. */
  readonly runningJobId: string | undefined;
}

export async function addressesOverview(db: Kysely<DB>, actor: FieldworkActor, roundId: string): Promise<AddressesOverview | undefined> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const round = await getRound(tx, actor.organisationId, roundId);
    if (!round) return undefined;
    const imports = await listAddressImports(tx, roundId);
    const sample = await getRoundSample(tx, roundId);
    const running = await runningImportJob(tx, roundId);
    return {
      round,
      invitees: await inviteeCount(tx, roundId),
      codes: await inviteeCodeCount(tx, roundId),
      imports,
      sample,
      canUpload: acceptsAddresses(round.status) && !sample,
      pending: imports.find((i) => i.status === 'uploaded'),
      runningJobId: running,
    };
  });
}
