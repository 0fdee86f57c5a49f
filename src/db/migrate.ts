import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { ensureAppRole } from './app-role.ts';
import * as foundation from './migrations/0001-foundation.ts';
import * as respondent from './migrations/0002-respondent.ts';
import * as paperEntry from './migrations/0003-paper-entry.ts';
import * as fieldwork from './migrations/0004-fieldwork.ts';
import * as itemStatistics from './migrations/0009-item-statistics.ts';
import * as publication from './migrations/0010-publication.ts';
import * as weighting from './migrations/0016-weighting.ts';
import * as rateLimits from './migrations/0017-rate-limits.ts';
import * as twoFactor from './migrations/0018-two-factor.ts';
import * as openAnswers from './migrations/0019-open-answers.ts';
import * as improvementPlan from './migrations/0020-improvement-plan.ts';
import * as councilAdvice from './migrations/0021-council-advice.ts';
import * as benchmark from './migrations/0022-benchmark.ts';
import * as questionnaireImports from './migrations/0023-questionnaire-imports.ts';
import * as publishedFigures from './migrations/0024-published-figures.ts';
import * as responseUploads from './migrations/0025-response-uploads.ts';
import * as qualitativeStudies from './migrations/0027-qualitative-studies.ts';
import * as benchmarkSigningKeys from './migrations/0028-benchmark-signing-keys.ts';
import * as responseRevision from './migrations/0029-response-revision.ts';

// Migrations are listed here rather than read from disk so they work the same under tsx, in
// tests and in any bundle.
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-respondent': respondent,
  '0003-paper-entry': paperEntry,
  '0004-fieldwork': fieldwork,
  '0009-item-statistics': itemStatistics,
  '0010-publication': publication,
  '0016-weighting': weighting,
  '0017-rate-limits': rateLimits,
  '0018-two-factor': twoFactor,
  '0019-open-answers': openAnswers,
  '0020-improvement-plan': improvementPlan,
  '0021-council-advice': councilAdvice,
  '0022-benchmark': benchmark,
  '0023-questionnaire-imports': questionnaireImports,
  '0024-published-figures': publishedFigures,
  '0025-response-uploads': responseUploads,
  '0027-qualitative-studies': qualitativeStudies,
  '0028-benchmark-signing-keys': benchmarkSigningKeys,
  '0029-response-revision': responseRevision,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Names of every migration this version of the program knows (for the readiness check). */
export function knownMigrationNames(): string[] {
  return Object.keys(migrations);
}

export interface MigrateOutcome {
  readonly applied: string[];
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrateOutcome> {
  // Unordered: work on several features lands migrations with numbers that do not arrive in
  // order; each runs once, whatever ran before it.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await ensureAppRole(db);
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
