import type { Kysely } from 'kysely';
import { findOrganisationBySlug } from '../../db/organisation-store.ts';
import type { DB } from '../../db/schema.ts';
import { withSystem, withTenant } from '../../db/tenant-transaction.ts';
import { formatAccessCode, makeAccessCode } from '../../domain/access-code.ts';
import { hashAccessCode } from '../access-code-hash.ts';
import { DEMO_CURRENT_YEAR, DEMO_SLUG, demoRoundId, VOORBEELDSTAD } from './demo-organisations.ts';
import { seededRandom, seededUuid } from './seeded-random.ts';

// Demo access codes are made by the seeded generator, not by crypto.randomInt: the database keeps
// only hashes, so the codes a demo user can type are found again by regenerating them. That makes
// demo codes guessable by anyone who has this source; demo data must never hold real responses.

export interface DemoCode {
  readonly id: string;
  /** Normalised code (no dashes). */
  readonly code: string;
  readonly codeHash: string;
}

/** The round's codes, in generation order; the same slug and year always give the same codes. */
export function demoRoundCodes(slug: string, year: number, count: number): DemoCode[] {
  const random = seededRandom('access-codes', slug, year);
  const seen = new Set<string>();
  const codes: DemoCode[] = [];
  while (codes.length < count) {
    const code = makeAccessCode((max) => random.int(max));
    if (seen.has(code)) continue;
    seen.add(code);
    codes.push({ id: seededUuid(slug, year, 'access-code', codes.length), code, codeHash: hashAccessCode(code) });
  }
  return codes;
}

/**
 * Up to count codes of Voorbeeldstad's current round that nobody has used yet and whose letter
 * was delivered, formatted for display ("ABCD-EFGH-JKMN"). Fewer when fewer are left; throws when
 * the demo data was never seeded.
 */
export async function demoAccessCodes(db: Kysely<DB>, count: number): Promise<string[]> {
  const organisation = await withSystem(db, (tx) => findOrganisationBySlug(tx, DEMO_SLUG));
  const round = VOORBEELDSTAD.rounds.find((r) => r.year === DEMO_CURRENT_YEAR);
  if (!organisation || !round) throw new Error(`No demo data: organisation '${DEMO_SLUG}' does not exist.`);
  const unused = await withTenant(db, organisation.id, async (tx) => {
    const rows = await tx
      .selectFrom('access_codes')
      .select('code_hash')
      .where('organisation_id', '=', organisation.id)
      .where('round_id', '=', demoRoundId(DEMO_SLUG, DEMO_CURRENT_YEAR))
      .where('state', '=', 'unused')
      .where('delivered', '=', true)
      .execute();
    return new Set(rows.map((row) => row.code_hash));
  });
  return demoRoundCodes(DEMO_SLUG, DEMO_CURRENT_YEAR, round.codes)
    .filter((code) => unused.has(code.codeHash))
    .slice(0, Math.max(0, count))
    .map((code) => formatAccessCode(code.code));
}
