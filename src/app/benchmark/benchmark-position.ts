// Where the organisation stands in the benchmarks of a round's year: the reference figures it
// imported last per benchmark (they were checked when imported; parsed again here so a row
// written by an older version cannot reach the page in a shape it does not expect).

import type { Kysely } from 'kysely';
import { referenceFiguresOfYear } from '../../db/benchmark-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { referencePayload } from '../../domain/benchmark/benchmark-file.ts';
import type { ReferenceFigures } from '../../domain/benchmark/reference-figures.ts';

export interface BenchmarkPosition {
  readonly name: string;
  readonly year: number;
  readonly figures: ReferenceFigures;
}

export async function benchmarkPositions(db: Kysely<DB>, organisationId: string, year: number): Promise<BenchmarkPosition[]> {
  const rows = await withTenant(db, organisationId, (tx) => referenceFiguresOfYear(tx, organisationId, year));
  return rows.flatMap((row) => {
    const parsed = referencePayload.shape.figures.safeParse(row.figures);
    return parsed.success ? [{ name: row.name, year: row.year, figures: parsed.data }] : [];
  }).sort((a, b) => a.name.localeCompare(b.name));
}
