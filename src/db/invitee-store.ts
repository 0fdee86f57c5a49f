import { sql } from 'kysely';
import type { CoarseField } from '../domain/address-file/address-mapping.ts';
import type { AddressRow } from '../domain/address-file/validate-address-rows.ts';
import type { SampleMethod } from '../domain/fieldwork/draw-sample.ts';
import type { Tx } from './tenant-transaction.ts';

// Invitees (the people of the address file), the sample drawn from them, and their access codes.

/** Rows per statement: 1,000 rows x 19 columns stays far below PostgreSQL's 65,535 parameters. */
export const INVITEE_BATCH = 1000;

export async function insertInvitees(
  tx: Tx,
  target: { organisationId: string; roundId: string; importId: string; ids: readonly string[] },
  rows: readonly AddressRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INVITEE_BATCH) {
    await tx
      .insertInto('invitees')
      .values(
        rows.slice(i, i + INVITEE_BATCH).map((r, k) => ({
          id: target.ids[i + k]!,
          organisation_id: target.organisationId,
          round_id: target.roundId,
          import_id: target.importId,
          row_number: r.rowNumber,
          initials: r.initials,
          prefix: r.prefix,
          surname: r.surname,
          street: r.street,
          house_number: r.houseNumber,
          house_number_addition: r.addition,
          postcode: r.postcode,
          town: r.town,
          email: r.email,
          language: r.language,
          age_band: r.ageBand,
          district: r.district,
          benefit_type: r.benefitType,
        })),
      )
      .execute();
  }
}

/** Row numbers of the file already inserted by this import (to resume after a crash). */
export async function importedRowNumbers(tx: Tx, importId: string): Promise<Set<number>> {
  const rows = await tx.selectFrom('invitees').select('row_number').where('import_id', '=', importId).execute();
  return new Set(rows.map((r) => r.row_number!));
}

/** Removes the round's invitees of every earlier import (a re-import replaces them). */
export async function deleteInviteesExcept(tx: Tx, roundId: string, importId: string): Promise<number> {
  const result = await tx
    .deleteFrom('invitees')
    .where('round_id', '=', roundId)
    .where((eb) => eb.or([eb('import_id', 'is', null), eb('import_id', '!=', importId)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function inviteeCount(tx: Tx, roundId: string): Promise<{ total: number; sampled: number; withEmail: number }> {
  const row = await tx
    .selectFrom('invitees')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where sampled))::int`.as('sampled'),
      sql<number>`(count(email))::int`.as('withEmail'),
    ])
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return row;
}

// A type alias, not an interface, so it fits the record type carriedValues takes.
export type PopulationMember = {
  readonly id: string;
  readonly age_band: string | null;
  readonly district: string | null;
  readonly benefit_type: string | null;
};

/** The population in its fixed order (file row number), so a seed reproduces the draw. */
export async function roundPopulation(tx: Tx, roundId: string): Promise<PopulationMember[]> {
  return tx
    .selectFrom('invitees')
    .select(['id', 'age_band', 'district', 'benefit_type'])
    .where('round_id', '=', roundId)
    .orderBy('row_number')
    .orderBy('id')
    .execute();
}

/** Population count per value of a coarse variable (null = not filled in), largest first. */
export async function countByValue(tx: Tx, roundId: string, variable: CoarseField): Promise<{ value: string | null; count: number }[]> {
  return tx
    .selectFrom('invitees')
    .select([sql<string | null>`${sql.ref(variable)}`.as('value'), sql<number>`count(*)::int`.as('count')])
    .where('round_id', '=', roundId)
    .groupBy(variable)
    .orderBy('count', 'desc')
    .orderBy(variable)
    .execute();
}

export async function markSampled(tx: Tx, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += INVITEE_BATCH) {
    await tx.updateTable('invitees').set({ sampled: true }).where('id', 'in', ids.slice(i, i + INVITEE_BATCH)).execute();
  }
}

export interface RoundSample {
  readonly method: SampleMethod;
  readonly stratifyBy: string | null;
  readonly seed: string;
  readonly population: number;
  readonly size: number;
  readonly carried: readonly string[];
  readonly drawnAt: Date;
}

export async function getRoundSample(tx: Tx, roundId: string): Promise<RoundSample | undefined> {
  return tx
    .selectFrom('round_samples')
    .select(['method', 'stratify_by as stratifyBy', 'seed', 'population', 'size', 'carried', 'drawn_at as drawnAt'])
    .where('round_id', '=', roundId)
    .executeTakeFirst();
}

export async function insertRoundSample(
  tx: Tx,
  sample: Omit<RoundSample, 'drawnAt'> & { organisationId: string; roundId: string; drawnBy: string },
): Promise<void> {
  await tx
    .insertInto('round_samples')
    .values({
      organisation_id: sample.organisationId,
      round_id: sample.roundId,
      method: sample.method,
      stratify_by: sample.stratifyBy,
      seed: sample.seed,
      population: sample.population,
      size: sample.size,
      carried: [...sample.carried],
      drawn_by: sample.drawnBy,
    })
    .execute();
}

export interface NewInviteeCode {
  readonly inviteeId: string;
  readonly accessCodeId: string;
  readonly codeHash: string;
  readonly codeSealed: string;
  readonly carried: Readonly<Record<string, string>>;
}

/** The access codes (hash and carried values only) and, separately, the person <-> code link. */
export async function insertInviteeCodes(tx: Tx, organisationId: string, roundId: string, codes: readonly NewInviteeCode[]): Promise<void> {
  for (let i = 0; i < codes.length; i += INVITEE_BATCH) {
    const slice = codes.slice(i, i + INVITEE_BATCH);
    await tx
      .insertInto('access_codes')
      .values(slice.map((c) => ({ id: c.accessCodeId, organisation_id: organisationId, round_id: roundId, code_hash: c.codeHash, carried: JSON.stringify(c.carried) })))
      .execute();
    await tx
      .insertInto('invitee_codes')
      .values(slice.map((c) => ({ organisation_id: organisationId, invitee_id: c.inviteeId, access_code_id: c.accessCodeId, code_sealed: c.codeSealed })))
      .execute();
  }
}

export async function inviteeCodeCount(tx: Tx, roundId: string): Promise<number> {
  const row = await tx
    .selectFrom('invitee_codes')
    .innerJoin('invitees', 'invitees.id', 'invitee_codes.invitee_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('invitees.round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return row.n;
}
