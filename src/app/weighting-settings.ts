import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { savePopulationCounts, setWeightingChoice, type WeightingChoice } from '../db/weighting-store.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { sameChoice, weightedReport } from './weighted-report.ts';

export interface WeightingActor {
  readonly organisationId: string;
  readonly userId: string | null;
}

/** The largest population count accepted: more than all Dutch households. */
export const MAX_POPULATION_COUNT = 10_000_000;

export type ChooseWeightingProblem = 'not-found' | 'unknown-variable';

/** Chooses the variable to weight the round by, or switches weighting off (null). Logged. */
export async function chooseWeighting(
  db: Kysely<DB>, actor: WeightingActor, roundId: string, choice: WeightingChoice | null,
): Promise<Result<void, ChooseWeightingProblem>> {
  const view = await weightedReport(db, actor.organisationId, roundId);
  if (!view) return err('not-found');
  if (choice && !view.variables.some((v) => sameChoice(v, choice))) return err('unknown-variable');
  await withTenant(db, actor.organisationId, async (tx) => {
    await setWeightingChoice(tx, actor.organisationId, roundId, choice, actor.userId);
    await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: 'weighting-changed', details: { roundId, weighting: choice } });
  });
  return ok(undefined);
}

export type PopulationProblem =
  | { readonly code: 'not-found' }
  | { readonly code: 'no-choice' }
  | { readonly code: 'invalid-count'; readonly stratum: string }
  | { readonly code: 'no-population' };

/**
 * Saves the population size of each stratum of the chosen variable, as typed: a whole number
 * from 0, or empty for "unknown". Nothing is saved when one value is wrong. Logged.
 */
export async function savePopulation(
  db: Kysely<DB>, actor: WeightingActor, roundId: string, typed: ReadonlyMap<string, string>,
): Promise<Result<void, PopulationProblem[]>> {
  const view = await weightedReport(db, actor.organisationId, roundId);
  if (!view) return err([{ code: 'not-found' }]);
  if (!view.choice) return err([{ code: 'no-choice' }]);
  const problems: PopulationProblem[] = [];
  const counts = new Map<string, number>();
  for (const { value } of view.strata) {
    const text = (typed.get(value) ?? '').replace(/[.\s]/g, '');
    if (text === '') continue;
    const count = /^\d{1,8}$/.test(text) ? Number(text) : NaN;
    if (!(count >= 0 && count <= MAX_POPULATION_COUNT)) problems.push({ code: 'invalid-count', stratum: value });
    else counts.set(value, count);
  }
  if (problems.length === 0 && ![...counts.values()].some((c) => c > 0)) problems.push({ code: 'no-population' });
  if (problems.length > 0) return err(problems);
  const choice = view.choice;
  await withTenant(db, actor.organisationId, async (tx) => {
    await savePopulationCounts(tx, actor.organisationId, roundId, choice, counts);
    await recordAudit(tx, { organisationId: actor.organisationId, userId: actor.userId, action: 'weighting-changed', details: { roundId, population: choice, strata: counts.size } });
  });
  return ok(undefined);
}
