import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findOrganisationBySlug } from '../../db/organisation-store.ts';
import { insertStartedResponse } from '../../db/respondent-store.ts';
import { getRound } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withSystem, withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { todayInNetherlands } from '../today.ts';
import type { RespondentTicket } from './enter-with-code.ts';

export interface OpenRoundInfo {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly roundId: string;
  readonly roundName: string;
}

/** An open-link round (no codes), addressed as /o/<organisation>/<round id>. */
export async function findOpenRound(db: Kysely<DB>, slug: string, roundId: string): Promise<Result<OpenRoundInfo, 'unknown' | 'not-open'>> {
  const organisation = await withSystem(db, (tx) => findOrganisationBySlug(tx, slug));
  if (!organisation) return err('unknown');
  return withTenant(db, organisation.id, async (tx) => {
    const round = await getRound(tx, organisation.id, roundId);
    if (!round || round.access !== 'open') return err('unknown' as const);
    if (round.status !== 'fieldwork') return err('not-open' as const);
    return ok({ organisationId: organisation.id, organisationName: organisation.name, roundId: round.id, roundName: round.name });
  });
}

export async function startOpenResponse(
  db: Kysely<DB>,
  input: { round: OpenRoundInfo; language: string; now?: Date },
): Promise<RespondentTicket> {
  const responseId = randomUUID();
  await withTenant(db, input.round.organisationId, (tx) =>
    insertStartedResponse(tx, {
      id: responseId,
      organisationId: input.round.organisationId,
      roundId: input.round.roundId,
      channel: 'web',
      language: input.language,
      today: todayInNetherlands(input.now),
      accessCodeId: null,
    }),
  );
  return { organisationId: input.round.organisationId, responseId };
}
