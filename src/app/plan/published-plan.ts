import { focusPointsOf, latestPlanBefore, planWithBaseline } from '../../db/improvement-plan-store.ts';
import type { Tx } from '../../db/tenant-transaction.ts';
import type { MeasureStatus } from '../../domain/plan/measure-status.ts';

// What the public results page shows of an improvement plan: focus points and measures with
// their target date and status. Owners and notes stay inside: an owner is often a person's
// name, and notes are working text.

export interface PublishedPlan {
  readonly title: string;
  readonly baselineRoundName: string;
  readonly focusPoints: readonly {
    readonly title: string;
    readonly description: string;
    readonly measures: readonly { readonly description: string; readonly targetDate: string | null; readonly status: MeasureStatus }[];
  }[];
}

/** The round's own plan when published, else the published plan of an earlier round it is judged against. */
export async function publishedPlanOf(tx: Tx, organisationId: string, round: { readonly id: string; readonly year: number }): Promise<PublishedPlan | undefined> {
  const own = await planWithBaseline(tx, organisationId, round.id);
  const plan = own ? (own.published ? own : undefined) : await latestPlanBefore(tx, organisationId, round.year);
  if (!plan?.published) return undefined;
  const focusPoints = await focusPointsOf(tx, organisationId, plan.id);
  return {
    title: plan.title,
    baselineRoundName: plan.baselineRoundName,
    focusPoints: focusPoints.map((f) => ({
      title: f.title, description: f.description,
      measures: f.measures.map((m) => ({ description: m.description, targetDate: m.targetDate, status: m.status })),
    })),
  };
}
