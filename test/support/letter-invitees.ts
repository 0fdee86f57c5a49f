import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashAccessCode, newAccessCode } from '../../src/app/access-code-hash.ts';
import { sealText } from '../../src/app/sealed-text.ts';
import type { DB } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';

// Invitees with an access code and the sealed invitee <-> code link, made directly in the
// database (the address import and the sample are built elsewhere).

export interface InviteeSpec {
  readonly initials?: string | null;
  readonly prefix?: string | null;
  readonly surname?: string | null;
  readonly street?: string | null;
  readonly houseNumber?: string | null;
  readonly houseNumberAddition?: string | null;
  readonly postcode?: string | null;
  readonly town?: string | null;
  readonly email?: string | null;
  readonly language?: string | null;
  readonly sampled?: boolean;
  readonly optedOut?: boolean;
  readonly state?: 'unused' | 'started' | 'completed';
}

export interface LetterInvitee extends Required<InviteeSpec> {
  readonly id: string;
  /** Plain, normalised code. */
  readonly code: string;
}

const STREETS = ['Dorpsstraat', 'Kerkweg', 'Molenlaan', 'Stationsplein', 'Burgemeester de Withstraat', 'Lindenhof'];
const SURNAMES = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Yılmaz', 'El Amrani', 'Nowak'];

/** A realistic invitee number i, with a distinct surname and street so text search can find it. */
export function exampleInvitee(i: number, overrides: InviteeSpec = {}): InviteeSpec {
  const surname = SURNAMES[i % SURNAMES.length]!;
  const [prefix, rest] = surname.startsWith('de ') ? ['de', surname.slice(3)] : [null, surname];
  return {
    initials: `${String.fromCharCode(65 + (i % 26))}.`,
    prefix,
    surname: `${rest}${i}`,
    street: `${STREETS[i % STREETS.length]!}`,
    houseNumber: String(1 + (i % 180)),
    houseNumberAddition: i % 7 === 0 ? 'A' : null,
    postcode: `${1000 + (i % 9000)}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`,
    town: i % 2 ? 'Voorbeeldstad' : 'Utrecht',
    email: null,
    language: 'nl',
    ...overrides,
  };
}

export async function createLetterInvitees(
  db: Kysely<DB>,
  input: { secret: string; organisationId: string; roundId: string; invitees: readonly InviteeSpec[] },
): Promise<LetterInvitee[]> {
  const made: LetterInvitee[] = input.invitees.map((spec) => ({
    id: randomUUID(),
    code: newAccessCode(),
    initials: spec.initials ?? null,
    prefix: spec.prefix ?? null,
    surname: spec.surname ?? null,
    street: spec.street ?? null,
    houseNumber: spec.houseNumber ?? null,
    houseNumberAddition: spec.houseNumberAddition ?? null,
    postcode: spec.postcode ?? null,
    town: spec.town ?? null,
    email: spec.email ?? null,
    language: spec.language ?? null,
    sampled: spec.sampled ?? true,
    optedOut: spec.optedOut ?? false,
    state: spec.state ?? 'unused',
  }));
  for (let start = 0; start < made.length; start += 500) {
    const batch = made.slice(start, start + 500);
    const codeIds = batch.map(() => randomUUID());
    await withTenant(db, input.organisationId, async (tx) => {
      await tx.insertInto('invitees').values(batch.map((p) => ({
        id: p.id, organisation_id: input.organisationId, round_id: input.roundId,
        initials: p.initials, prefix: p.prefix, surname: p.surname, street: p.street, house_number: p.houseNumber,
        house_number_addition: p.houseNumberAddition, postcode: p.postcode, town: p.town, email: p.email,
        language: p.language, sampled: p.sampled, opted_out: p.optedOut,
      }))).execute();
      await tx.insertInto('access_codes').values(batch.map((p, i) => ({
        id: codeIds[i]!, organisation_id: input.organisationId, round_id: input.roundId,
        code_hash: hashAccessCode(p.code), state: p.state,
      }))).execute();
      await tx.insertInto('invitee_codes').values(batch.map((p, i) => ({
        organisation_id: input.organisationId, invitee_id: p.id, access_code_id: codeIds[i]!,
        code_sealed: sealText(input.secret, 'access-code', p.code),
      }))).execute();
    });
  }
  return made;
}
