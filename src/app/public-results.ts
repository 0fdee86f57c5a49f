import type { Kysely } from 'kysely';
import { findOrganisationBySlug } from '../db/organisation-store.ts';
import { getPublicationSettings, type PublicationSettings } from '../db/publication-store.ts';
import type { Round } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withSystem, withTenant } from '../db/tenant-transaction.ts';
import { publicReport, type PublicReport } from '../domain/publication/public-report.ts';
import { roundReport } from './round-report.ts';
import { publishedPlanOf, type PublishedPlan } from './plan/published-plan.ts';
import { benchmarkPositions, type BenchmarkPosition } from './benchmark/benchmark-position.ts';
import { studyChaptersOfRound } from './qualitative/study-workspace.ts';
import type { StudyChapter } from '../domain/qualitative/study-chapter.ts';

export interface PublicResults {
  readonly organisation: { readonly slug: string; readonly name: string };
  readonly round: Pick<Round, 'id' | 'name' | 'year'>;
  readonly settings: PublicationSettings;
  readonly report: PublicReport;
  /** The improvement plan, when the organisation chose to publish it. */
  readonly plan?: PublishedPlan;
  /**
   * Its position in benchmarks of the round's year, for the published questions only; empty when
   * the organisation chose not to show comparisons with other organisations.
   */
  readonly benchmarks: readonly BenchmarkPosition[];
  /** Qualitative studies the organisation chose to show publicly: reviewed passages only. */
  readonly studies: readonly StudyChapter[];
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The public results of a published round, for anyone without signing in; undefined for an
 * unknown organisation or round and for every round that is not published. Only the slug
 * lookup runs outside a tenant; everything else reads as that one organisation.
 */
export async function publicResults(db: Kysely<DB>, slug: string, roundId: string): Promise<PublicResults | undefined> {
  if (!SLUG.test(slug) || !UUID.test(roundId)) return undefined;
  const organisation = await withSystem(db, (tx) => findOrganisationBySlug(tx, slug));
  if (!organisation) return undefined;
  const view = await roundReport(db, organisation.id, roundId);
  if (!view || view.round.status !== 'published') return undefined;
  const { settings, plan } = await withTenant(db, organisation.id, async (tx) => ({
    settings: await getPublicationSettings(tx, organisation.id, roundId),
    plan: await publishedPlanOf(tx, organisation.id, view.round),
  }));
  const report = publicReport(view.report, settings);
  const published = new Set(report.modules.flatMap((m) => m.items.map((i) => i.key)));
  const benchmarks = settings.showReference
    ? (await benchmarkPositions(db, organisation.id, view.round.year))
      .map((position) => ({ ...position, figures: { ...position.figures, items: position.figures.items.filter((i) => published.has(i.itemKey)), cells: [] } }))
      .filter((position) => position.figures.items.some((i) => i.status === 'shown'))
    : [];
  return {
    organisation: { slug: organisation.slug, name: organisation.name },
    round: { id: view.round.id, name: view.round.name, year: view.round.year },
    settings,
    report,
    ...(plan ? { plan } : {}),
    benchmarks,
    studies: await studyChaptersOfRound(db, organisation.id, roundId, { publicOnly: true }),
  };
}
