import type { Tx } from './tenant-transaction.ts';

export interface Organisation {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly inhabitants: number | null;
  readonly region: string | null;
}

export async function insertOrganisation(tx: Tx, organisation: Organisation): Promise<void> {
  await tx.insertInto('organisations').values(organisation).execute();
}

export async function findOrganisationBySlug(tx: Tx, slug: string): Promise<Organisation | undefined> {
  return tx
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'inhabitants', 'region'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function getOrganisation(tx: Tx, id: string): Promise<Organisation | undefined> {
  return tx
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'inhabitants', 'region'])
    .where('id', '=', id)
    .executeTakeFirst();
}
