import type { Kysely } from 'kysely';
import { addressImportFile, getAddressImport, rememberedMapping, type AddressImport } from '../../db/address-import-store.ts';
import { getRoundSample, inviteeCount } from '../../db/invitee-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { mappingFromJson, suggestMapping, type AddressField } from '../../domain/address-file/address-mapping.ts';
import type { AddressTable } from '../../domain/address-file/parse-csv.ts';
import { validateAddressRows, type ValidatedRows } from '../../domain/address-file/validate-address-rows.ts';
import type { FieldworkActor } from './address-round.ts';
import { readAddressFile } from './read-address-file.ts';

export interface ColumnPreview {
  readonly index: number;
  readonly header: string;
  /** The first two non-empty values, to recognise the column. */
  readonly samples: readonly string[];
}

export interface AddressImportReview {
  readonly round: Round;
  readonly upload: AddressImport;
  readonly table: AddressTable;
  readonly columns: readonly ColumnPreview[];
  /** The chosen mapping, or else a suggestion. */
  readonly mapping: ReadonlyMap<number, AddressField>;
  readonly mappingChosen: boolean;
  /** Present once a mapping was chosen. */
  readonly validation: ValidatedRows | undefined;
  /** Invitees of the round now (a new import replaces them). */
  readonly currentInvitees: number;
  readonly sampleDrawn: boolean;
}

/** The stored file of an upload as a table, or undefined when it is gone or unreadable. */
export async function uploadTable(tx: Tx, importId: string): Promise<AddressTable | undefined> {
  const file = await addressImportFile(tx, importId);
  if (!file) return undefined;
  const read = await readAddressFile(file);
  return read.ok ? read.value.table : undefined;
}

export function columnPreviews(table: AddressTable): ColumnPreview[] {
  return table.headers.map((header, index) => {
    const samples: string[] = [];
    for (const row of table.rows) {
      const value = row[index] ?? '';
      if (value !== '') samples.push(value);
      if (samples.length === 2) break;
    }
    return { index, header, samples };
  });
}

/** Everything the mapping and check pages show of one upload, for its own organisation only. */
export async function reviewAddressImport(
  db: Kysely<DB>,
  actor: FieldworkActor,
  roundId: string,
  importId: string,
): Promise<AddressImportReview | undefined> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const round = await getRound(tx, actor.organisationId, roundId);
    const upload = round && (await getAddressImport(tx, roundId, importId));
    if (!round || !upload || upload.status !== 'uploaded') return undefined;
    const table = await uploadTable(tx, importId);
    if (!table) return undefined;
    const chosen = upload.mapping ? mappingFromJson(upload.mapping) : undefined;
    const mapping = chosen ?? suggestMapping(table.headers, await rememberedMapping(tx, actor.organisationId));
    return {
      round,
      upload,
      table,
      columns: columnPreviews(table),
      mapping,
      mappingChosen: chosen !== undefined,
      validation: chosen ? validateAddressRows(table, chosen) : undefined,
      currentInvitees: (await inviteeCount(tx, roundId)).total,
      sampleDrawn: (await getRoundSample(tx, roundId)) !== undefined,
    };
  });
}
