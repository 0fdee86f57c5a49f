import type { Kysely } from 'kysely';
import { findOrganisationBySlug } from '../../db/organisation-store.ts';
import type { DB } from '../../db/schema.ts';
import { withSystem } from '../../db/tenant-transaction.ts';
import { createOrganisation } from '../create-organisation.ts';
import { createUser } from '../create-user.ts';
import { ensureStandardQuestionnaire } from '../ensure-standard-questionnaire.ts';
import { analyzeTables } from '../../db/analyze-tables.ts';
import {
  DEMO_BENCHMARK_ORGANISER,
  DEMO_PASSWORD,
  DEMO_SIGN_IN_EMAIL,
  DEMO_SLUG,
  demoOrganisationId,
  OTHER_ORGANISATIONS,
  VOORBEELDSTAD,
  type DemoOrganisation,
  type DemoUser,
} from './demo-organisations.ts';
import { seedDemoRound } from './seed-demo-round.ts';
import { findUserByEmail } from '../../db/user-store.ts';
import { seedDemoPlan } from './seed-demo-plan.ts';
import { seedDemoAdvice } from './seed-demo-advice.ts';
import { seedDemoCoding } from './seed-demo-coding.ts';
import { seedDemoBenchmark } from './seed-demo-benchmark.ts';
import { seedDemoHistory } from './seed-demo-history.ts';
import { seedDemoStudy } from './seed-demo-study.ts';

export { demoAccessCodes } from './demo-access-codes.ts';

// The demo data `npm start` loads into an empty database and `cli seed-demo` loads on request:
// Gemeente Voorbeeldstad with three rounds, four users and an improvement plan on its 2024
// round, seven more organisations with a 2025 round each (a reference group for the
// benchmark), a benchmark organiser, and the 2025 benchmark's reference figures in each. Deterministic:
// the same rows every time, so screenshots, tests and support conversations agree.

export interface SeedDemoResult {
  /** False when the demo was already there; nothing was changed then. */
  readonly created: boolean;
  readonly signIn: { readonly email: string; readonly password: string };
}

async function addUser(db: Kysely<DB>, user: DemoUser, organisationId?: string): Promise<void> {
  const result = await createUser(db, {
    email: user.email,
    name: user.name,
    password: DEMO_PASSWORD,
    ...(organisationId && user.role ? { organisationId, role: user.role } : {}),
    isBenchmarkOrganiser: user.isBenchmarkOrganiser ?? false,
    actorId: null,
  });
  if (!result.ok) throw new Error(`Demo user ${user.email} could not be created: ${result.error}`);
}

/** False when the organisation exists already (another process seeded it, or an earlier run). */
async function seedOrganisation(db: Kysely<DB>, organisation: DemoOrganisation, sourceVersionId: string): Promise<boolean> {
  const created = await createOrganisation(db, {
    id: demoOrganisationId(organisation.slug),
    slug: organisation.slug,
    name: organisation.name,
    inhabitants: organisation.inhabitants,
    region: organisation.region,
  });
  if (!created.ok) {
    if (created.error === 'slug-taken') return false;
    throw new Error(`Demo organisation ${organisation.slug} could not be created: ${created.error}`);
  }
  for (const user of organisation.users) await addUser(db, user, created.value.id);
  for (const round of organisation.rounds) await seedDemoRound(db, created.value, round, sourceVersionId);
  return true;
}

/**
 * Loads the demo unless organisation 'voorbeeldstad' exists. Voorbeeldstad is seeded last, so the
 * next run finishes an interrupted one; organisations that exist are skipped whole, so one that
 * was cut off halfway stays incomplete (start from an empty database to repair that).
 */
export async function seedDemo(db: Kysely<DB>): Promise<SeedDemoResult> {
  const signIn = { email: DEMO_SIGN_IN_EMAIL, password: DEMO_PASSWORD };
  if (await withSystem(db, (tx) => findOrganisationBySlug(tx, DEMO_SLUG))) return { created: false, signIn };
  const standard = await ensureStandardQuestionnaire(db);
  await addUser(db, DEMO_BENCHMARK_ORGANISER);
  for (const organisation of OTHER_ORGANISATIONS) await seedOrganisation(db, organisation, standard.id);
  const created = await seedOrganisation(db, VOORBEELDSTAD, standard.id);
  if (created) await seedDemoHistory(db, demoOrganisationId(DEMO_SLUG));
  if (created) await seedDemoPlan(db, demoOrganisationId(DEMO_SLUG), DEMO_SLUG);
  if (created) await seedDemoAdvice(db);
  if (created) await seedDemoBenchmark(db, [...OTHER_ORGANISATIONS, VOORBEELDSTAD]);
  if (created) {
    const researcher = await withSystem(db, (tx) => findUserByEmail(tx, DEMO_SIGN_IN_EMAIL));
    await seedDemoCoding(db, demoOrganisationId(DEMO_SLUG), DEMO_SLUG, researcher!.id);
    await seedDemoStudy(db, researcher!.id);
  }
  await analyzeTables(db);
  return { created, signIn };
}
