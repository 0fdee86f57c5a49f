import type { Kysely } from 'kysely';
import { focusPointsOf, latestPlanBefore, planWithBaseline, type FocusPoint, type Plan } from '../../db/improvement-plan-store.ts';
import { getVersionOf } from '../../db/questionnaire-store.ts';
import { roundsAnswerCounts } from '../../db/report-queries.ts';
import { getReportSettings } from '../../db/report-settings-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { linkableItems, type LinkableModule } from '../../domain/plan/linkable-items.ts';
import { planEffect, type PlanEffect } from '../../domain/plan/plan-effect.ts';
import { itemsOf, type Item, type Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import type { ReportingThresholds } from '../../domain/statistics/reporting-thresholds.ts';
import { organisationThresholds } from '../round-report.ts';

/** A plan with its focus points and measures. */
export interface PlanContent {
  readonly plan: Plan;
  readonly focusPoints: readonly FocusPoint[];
}

/** A plan of an earlier round, judged in this round. */
export interface EarlierPlan extends PlanContent {
  readonly effect: PlanEffect;
  /** This round's status: a round in fieldwork gives a provisional effect. */
  readonly provisional: boolean;
}

export interface PlanOfRound {
  readonly round: Round;
  readonly questionnaire: Questionnaire;
  /** Items of this round a focus point may be linked to, by module. */
  readonly linkable: readonly LinkableModule[];
  /** Every item by key (this round's, then the earlier plan's baseline round's), for labels. */
  readonly items: ReadonlyMap<string, Item>;
  /** The plan with this round as its baseline. */
  readonly own: PlanContent | undefined;
  /** The latest plan of an earlier year, with its effect in this round. */
  readonly earlier: EarlierPlan | undefined;
  /** Only a closed or published round's results can be declared the baseline. */
  readonly canBeBaseline: boolean;
  readonly thresholds: ReportingThresholds;
}

async function loadPlan(tx: Tx, organisationId: string, plan: Plan | undefined): Promise<PlanContent | undefined> {
  return plan && { plan, focusPoints: await focusPointsOf(tx, organisationId, plan.id) };
}

/**
 * The improvement plan page of a round: its own plan (when it is a baseline) and the plan of
 * an earlier round with the change of each linked item since that baseline. Undefined when the
 * round is not the organisation's.
 */
export async function planOfRound(db: Kysely<DB>, organisationId: string, roundId: string): Promise<PlanOfRound | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    const version = round && (await getVersionOf(tx, organisationId, round.questionnaireVersionId));
    if (!round || !version) return undefined;
    const questionnaire = version.definition;
    const thresholds = organisationThresholds(await getReportSettings(tx, organisationId));
    const own = await loadPlan(tx, organisationId, await planWithBaseline(tx, organisationId, round.id));
    const items = new Map(itemsOf(questionnaire).map((i) => [i.key, i]));
    let earlier: EarlierPlan | undefined;
    const before = await loadPlan(tx, organisationId, await latestPlanBefore(tx, organisationId, round.year));
    if (before) {
      const baselineRound = await getRound(tx, organisationId, before.plan.baselineRoundId);
      const baselineVersion = baselineRound && (await getVersionOf(tx, organisationId, baselineRound.questionnaireVersionId));
      for (const item of baselineVersion ? itemsOf(baselineVersion.definition) : []) if (!items.has(item.key)) items.set(item.key, item);
      const keys = [...new Set(before.focusPoints.flatMap((f) => f.itemKeys))];
      const counts = await roundsAnswerCounts(tx, organisationId, [before.plan.baselineRoundId, round.id], keys);
      const effect = planEffect({
        focusPoints: before.focusPoints.map((f) => ({ id: f.id, itemKeys: f.itemKeys })),
        items, thresholds,
        baseline: counts.get(before.plan.baselineRoundId) ?? new Map(),
        current: counts.get(round.id) ?? new Map(),
        asked: new Set(questionnaire.blocks.filter((b) => !round.disabledModules.includes(b.module)).flatMap((b) => b.items.map((i) => i.key))),
      });
      earlier = { ...before, effect, provisional: round.status === 'fieldwork' };
    }
    return {
      round, questionnaire, items, own, earlier, thresholds,
      linkable: linkableItems(questionnaire, round.disabledModules),
      canBeBaseline: round.status === 'closed' || round.status === 'published',
    };
  });
}
