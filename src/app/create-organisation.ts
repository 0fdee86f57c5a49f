import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findOrganisationBySlug, insertOrganisation, type Organisation } from '../db/organisation-store.ts';
import type { DB } from '../db/schema.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { err, ok, type Result } from '../domain/result.ts';

export type CreateOrganisationProblem = 'slug-invalid' | 'slug-taken' | 'name-missing';

export async function createOrganisation(
  db: Kysely<DB>,
  input: { slug: string; name: string; inhabitants?: number | null; region?: string | null; id?: string },
): Promise<Result<Organisation, CreateOrganisationProblem>> {
  const slug = input.slug.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) return err('slug-invalid');
  if (input.name.trim() === '') return err('name-missing');
  return withSystem(db, async (tx) => {
    if (await findOrganisationBySlug(tx, slug)) return err('slug-taken' as const);
    const organisation: Organisation = {
      id: input.id ?? randomUUID(),
      slug,
      name: input.name.trim(),
      inhabitants: input.inhabitants ?? null,
      region: input.region ?? null,
    };
    await insertOrganisation(tx, organisation);
    return ok(organisation);
  });
}
