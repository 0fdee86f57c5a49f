import { addCodebookCodes, codebookOf, type CodebookRow } from '../../db/codebook-store.ts';
import type { Tx } from '../../db/tenant-transaction.ts';
import { STANDARD_CODEBOOK } from '../../domain/open-answers/standard-codebook.ts';

/** The organisation's codebook; on first use it starts as a copy of the standard codebook. */
export async function ensureCodebook(tx: Tx, organisationId: string): Promise<CodebookRow[]> {
  const codes = await codebookOf(tx, organisationId);
  if (codes.length > 0) return codes;
  await addCodebookCodes(tx, organisationId, STANDARD_CODEBOOK, 1);
  return codebookOf(tx, organisationId);
}
