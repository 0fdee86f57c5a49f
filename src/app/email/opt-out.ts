import type { Kysely } from 'kysely';
import { inviteeOrganisation, optOutState, setOptedOut } from '../../db/email-store.ts';
import type { DB } from '../../db/schema.ts';
import { withSystem, withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { readOptOutToken } from './opt-out-token.ts';

// Opting out from an e-mail link: no account, only the signed token. An unknown token and an
// invitee already deleted by the purge look the same to the visitor.

export interface OptOutView {
  readonly organisationName: string;
  readonly optedOut: boolean;
}

async function locate(db: Kysely<DB>, secret: string, token: string): Promise<{ inviteeId: string; organisationId: string } | undefined> {
  const inviteeId = readOptOutToken(secret, token);
  if (!inviteeId) return undefined;
  const organisationId = await withSystem(db, (tx) => inviteeOrganisation(tx, inviteeId));
  return organisationId ? { inviteeId, organisationId } : undefined;
}

export async function optOutView(db: Kysely<DB>, secret: string, token: string): Promise<Result<OptOutView, 'unknown'>> {
  const found = await locate(db, secret, token);
  if (!found) return err('unknown');
  const state = await withTenant(db, found.organisationId, (tx) => optOutState(tx, found.inviteeId));
  return state ? ok(state) : err('unknown');
}

/** Sets opted_out: no more reminders by e-mail. Doing it twice is fine. */
export async function optOut(db: Kysely<DB>, secret: string, token: string): Promise<Result<OptOutView, 'unknown'>> {
  const found = await locate(db, secret, token);
  if (!found) return err('unknown');
  return withTenant(db, found.organisationId, async (tx) => {
    const state = await optOutState(tx, found.inviteeId);
    if (!state) return err('unknown' as const);
    await setOptedOut(tx, found.inviteeId);
    return ok({ ...state, optedOut: true });
  });
}
