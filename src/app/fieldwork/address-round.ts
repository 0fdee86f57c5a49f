import { getRoundSample } from '../../db/invitee-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { Tx } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';

// The rules for changing a round's addresses, shared by upload, import, the job and the draw:
// only before closing (no invitations after closing), and never after the sample is drawn
// (codes and letters refer to those invitees).

export interface FieldworkActor {
  readonly organisationId: string;
  readonly userId: string;
}

export type AddressRoundProblem = 'not-found' | 'round-closed' | 'sample-drawn';

export function acceptsAddresses(status: Round['status']): boolean {
  return status === 'draft' || status === 'fieldwork';
}

/** The round, when its addresses may still change. */
export async function addressRound(tx: Tx, organisationId: string, roundId: string): Promise<Result<Round, AddressRoundProblem>> {
  const round = await getRound(tx, organisationId, roundId);
  if (!round) return err('not-found');
  if (!acceptsAddresses(round.status)) return err('round-closed');
  if (await getRoundSample(tx, roundId)) return err('sample-drawn');
  return ok(round);
}
