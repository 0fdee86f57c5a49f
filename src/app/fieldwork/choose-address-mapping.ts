import type { Kysely } from 'kysely';
import { getAddressImport, saveImportMapping } from '../../db/address-import-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { checkMapping, mappingToJson, type ColumnMapping, type MappingProblem } from '../../domain/address-file/address-mapping.ts';
import { validateAddressRows } from '../../domain/address-file/validate-address-rows.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { FieldworkActor } from './address-round.ts';
import { uploadTable } from './review-address-import.ts';

/**
 * Stores the researcher's column mapping on the upload with the row counts it gives. A mapping
 * that uses a field twice or maps no address at all is refused with its problems.
 */
export async function chooseAddressMapping(
  db: Kysely<DB>,
  actor: FieldworkActor,
  input: { roundId: string; importId: string; mapping: ColumnMapping },
): Promise<Result<{ total: number; invalid: number }, 'not-found' | MappingProblem[]>> {
  return withTenant(db, actor.organisationId, async (tx) => {
    const upload = await getAddressImport(tx, input.roundId, input.importId);
    const table = upload?.status === 'uploaded' ? await uploadTable(tx, input.importId) : undefined;
    if (!upload || !table) return err('not-found' as const);
    const width = table.headers.length;
    const inFile = new Map([...input.mapping].filter(([column]) => column >= 0 && column < width));
    const checked = checkMapping(inFile);
    if (!checked.ok) return checked;
    const validation = validateAddressRows(table, checked.value);
    const counts = { total: validation.total, valid: validation.valid.length, invalid: validation.invalidRows };
    await saveImportMapping(tx, input.importId, mappingToJson(checked.value), counts);
    return ok({ total: counts.total, invalid: counts.invalid });
  });
}
