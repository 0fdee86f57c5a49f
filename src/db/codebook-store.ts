import type { Tx } from './tenant-transaction.ts';

export interface CodebookRow {
  readonly key: string;
  readonly label: { readonly nl: string; readonly en: string };
  readonly definition: { readonly nl: string; readonly en: string };
  readonly examples: readonly string[];
  readonly archived: boolean;
}

export async function codebookOf(tx: Tx, organisationId: string): Promise<CodebookRow[]> {
  const rows = await tx
    .selectFrom('codebook_codes')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('key')
    .execute();
  return rows.map((row) => ({
    key: row.key,
    label: { nl: row.label_nl, en: row.label_en },
    definition: { nl: row.definition_nl, en: row.definition_en },
    examples: row.examples,
    archived: row.archived,
  }));
}

/** Adds codes that are not there yet (by key); existing codes keep their edits. */
export async function addCodebookCodes(tx: Tx, organisationId: string, codes: readonly Omit<CodebookRow, 'archived'>[], firstPosition: number): Promise<void> {
  if (codes.length === 0) return;
  await tx
    .insertInto('codebook_codes')
    .values(codes.map((code, index) => ({
      organisation_id: organisationId,
      key: code.key,
      label_nl: code.label.nl,
      label_en: code.label.en,
      definition_nl: code.definition.nl,
      definition_en: code.definition.en,
      examples: [...code.examples],
      position: firstPosition + index,
    })))
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doNothing())
    .execute();
}

export async function updateCodebookCode(tx: Tx, organisationId: string, code: CodebookRow): Promise<boolean> {
  const result = await tx
    .updateTable('codebook_codes')
    .set({
      label_nl: code.label.nl,
      label_en: code.label.en,
      definition_nl: code.definition.nl,
      definition_en: code.definition.en,
      examples: [...code.examples],
      archived: code.archived,
    })
    .where('organisation_id', '=', organisationId)
    .where('key', '=', code.key)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
