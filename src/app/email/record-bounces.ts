import type { Kysely } from 'kysely';
import { inviteesByEmail, markBounced } from '../../db/email-store.ts';
import { getRound } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';

// Bounces that arrive later in the sender's mailbox: the researcher pastes the addresses (one per
// line; anything around an address, like "Jan <jan@example.nl>", is ignored).

export interface BounceOutcome {
  /** Addresses found in the text. */
  readonly addresses: number;
  readonly marked: number;
  readonly alreadyMarked: number;
  /** Addresses that are not (sampled) invitees of this round. */
  readonly unknown: number;
}

const ADDRESS = /[^\s<>()[\]",;:]+@[^\s<>()[\]",;:]+\.[A-Za-z]{2,}/g;
export const MAX_BOUNCE_ADDRESSES = 10_000;

export function findAddresses(text: string): string[] {
  return [...new Set([...text.matchAll(ADDRESS)].map((m) => m[0].toLowerCase()))];
}

export async function recordReportedBounces(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; text: string },
): Promise<Result<BounceOutcome, 'not-found' | 'empty' | 'too-many'>> {
  const addresses = findAddresses(input.text);
  if (addresses.length === 0) return err('empty');
  if (addresses.length > MAX_BOUNCE_ADDRESSES) return err('too-many');
  return withTenant(db, input.organisationId, async (tx) => {
    if (!(await getRound(tx, input.organisationId, input.roundId))) return err('not-found' as const);
    const invitees = await inviteesByEmail(tx, input.roundId, addresses);
    let marked = 0;
    let alreadyMarked = 0;
    for (const invitee of invitees) {
      if (invitee.bounced) alreadyMarked++;
      else {
        await markBounced(tx, invitee.id);
        marked++;
      }
    }
    const found = new Set(invitees.map((i) => i.email.toLowerCase()));
    return ok({ addresses: addresses.length, marked, alreadyMarked, unknown: addresses.filter((a) => !found.has(a)).length });
  });
}
