import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashAccessCode, newAccessCode } from '../../src/app/access-code-hash.ts';
import { sealText } from '../../src/app/sealed-text.ts';
import type { DB } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';

// Invitees as the address import and the sample leave them: a person, an access code and the
// sealed link between them. Built directly so e-mail tests do not depend on the import.

export interface InviteeSpec {
  readonly email?: string | null;
  readonly language?: string | null;
  readonly initials?: string | null;
  readonly prefix?: string | null;
  readonly surname?: string | null;
  readonly street?: string | null;
  readonly houseNumber?: string | null;
  readonly postcode?: string | null;
  readonly town?: string | null;
  readonly sampled?: boolean;
}

export interface BuiltInvitee {
  readonly inviteeId: string;
  readonly accessCodeId: string;
  /** The plain code, as printed. */
  readonly code: string;
  readonly email: string | null;
}

export async function addInvitees(
  db: Kysely<DB>,
  input: { secret: string; organisationId: string; roundId: string; people: readonly InviteeSpec[] },
): Promise<BuiltInvitee[]> {
  return withTenant(db, input.organisationId, async (tx) => {
    const built: BuiltInvitee[] = [];
    for (const [index, person] of input.people.entries()) {
      const inviteeId = randomUUID();
      const accessCodeId = randomUUID();
      const code = newAccessCode();
      await tx.insertInto('access_codes').values({ id: accessCodeId, organisation_id: input.organisationId, round_id: input.roundId, code_hash: hashAccessCode(code) }).execute();
      await tx.insertInto('invitees').values({
        id: inviteeId,
        organisation_id: input.organisationId,
        round_id: input.roundId,
        row_number: index + 1,
        initials: person.initials === undefined ? 'A.' : person.initials,
        prefix: person.prefix ?? null,
        surname: person.surname === undefined ? `Persoon${index + 1}` : person.surname,
        street: person.street ?? null,
        house_number: person.houseNumber ?? null,
        house_number_addition: null,
        postcode: person.postcode ?? null,
        town: person.town ?? null,
        email: person.email === undefined ? `persoon${index + 1}@example.nl` : person.email,
        language: person.language ?? 'nl',
        import_id: null,
        age_band: null,
        district: null,
        benefit_type: null,
        sampled: person.sampled ?? true,
      }).execute();
      await tx.insertInto('invitee_codes').values({
        organisation_id: input.organisationId,
        invitee_id: inviteeId,
        access_code_id: accessCodeId,
        code_sealed: sealText(input.secret, 'access-code', code),
      }).execute();
      built.push({ inviteeId, accessCodeId, code, email: person.email === undefined ? `persoon${index + 1}@example.nl` : person.email });
    }
    return built;
  });
}
