import type { Kysely } from 'kysely';
import { carriedVariablesOf } from '../db/breakdown-queries.ts';
import { getVersionOf } from '../db/questionnaire-store.ts';
import { getReportSettings } from '../db/report-settings-store.ts';
import { getRound, type Round } from '../db/round-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { getWeightingChoice, populationCounts, respondentsPerStratum, scaleCountsPerStratum, type WeightingChoice } from '../db/weighting-store.ts';
import type { Block, Item, Questionnaire } from '../domain/questionnaire/questionnaire.ts';
import { itemFigures, type Figure } from '../domain/report/item-figures.ts';
import { roundWeights, UNKNOWN_STRATUM, weightedItemFigures, type RoundWeights, type WeightedItemFigures } from '../domain/report/weighted-figures.ts';
import { mergeValueCounts } from '../domain/statistics/value-counts.ts';
import type { ReportingThresholds } from '../domain/statistics/reporting-thresholds.ts';
import { organisationThresholds } from './round-report.ts';

export interface StratumRow {
  readonly value: string;
  readonly respondents: number;
  /** Null when the researcher has not given this group's size in the population. */
  readonly population: number | null;
  readonly weight: number | null;
}

export interface WeightedItemRow {
  readonly item: Item;
  /** Unweighted number of answers (without "n.v.t."). */
  readonly n: number;
  readonly unweighted: Figure | null;
  readonly weighted: WeightedItemFigures;
}

export interface WeightingView {
  readonly round: Round;
  readonly questionnaire: Questionnaire;
  readonly thresholds: ReportingThresholds;
  /** What the figures can be weighted by: carried variables on the responses, single-choice items. */
  readonly variables: readonly WeightingChoice[];
  readonly choice: WeightingChoice | null;
  readonly strata: readonly StratumRow[];
  readonly unknownRespondents: number;
  readonly completed: number;
  /** Null without a choice, or when the population counts do not allow weights yet. */
  readonly weights: RoundWeights | null;
  readonly blocks: readonly { readonly block: Block; readonly items: readonly WeightedItemRow[] }[];
}

const WEIGHTED_TYPES = new Set(['mark', 'agree5', 'yesno']);

/** The variables the round can be weighted by. */
function weightingVariables(carried: readonly string[], questionnaire: Questionnaire, disabledModules: readonly string[]): WeightingChoice[] {
  const items = questionnaire.blocks.filter((b) => !disabledModules.includes(b.module)).flatMap((b) => b.items);
  return [
    ...carried.map((variable) => ({ source: 'carried' as const, variable })),
    ...items.filter((i) => i.type === 'single').map((i) => ({ source: 'item' as const, variable: i.key })),
  ];
}

export const sameChoice = (a: WeightingChoice, b: WeightingChoice): boolean => a.source === b.source && a.variable === b.variable;

/** The strata a choice has: the options of an item, or the values seen for a carried variable. */
function strataOf(choice: WeightingChoice, questionnaire: Questionnaire, population: ReadonlyMap<string, number>, respondents: ReadonlyMap<string, number>): string[] {
  const item = choice.source === 'item' ? questionnaire.blocks.flatMap((b) => b.items).find((i) => i.key === choice.variable) : undefined;
  const options = item?.type === 'single' ? item.options.map((o) => o.code) : [];
  const seen = [...population.keys(), ...respondents.keys()].filter((s) => s !== UNKNOWN_STRATUM && !options.includes(s)).sort();
  return [...options, ...new Set(seen)];
}

/**
 * The round's figures weighted to the population by the chosen variable, next to the unweighted
 * ones; undefined when the round is not the organisation's. Read in one tenant transaction.
 */
export async function weightedReport(db: Kysely<DB>, organisationId: string, roundId: string, requested?: WeightingChoice): Promise<WeightingView | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    const version = round && (await getVersionOf(tx, organisationId, round.questionnaireVersionId));
    if (!round || !version) return undefined;
    const questionnaire = version.definition;
    const thresholds = organisationThresholds(await getReportSettings(tx, organisationId));
    const variables = weightingVariables(await carriedVariablesOf(tx, organisationId, roundId), questionnaire, round.disabledModules);
    const stored = await getWeightingChoice(tx, organisationId, roundId);
    const wanted = requested ?? stored;
    const choice = wanted && variables.some((v) => sameChoice(v, wanted)) ? wanted : null;
    const blocks = questionnaire.blocks.filter((b) => !round.disabledModules.includes(b.module));
    const itemKeys = blocks.flatMap((b) => b.items).filter((i) => WEIGHTED_TYPES.has(i.type)).map((i) => i.key);
    const base = { round, questionnaire, thresholds, variables, choice };
    // Without a choice every response falls in the unknown stratum: the total of completed ones.
    const respondents = await respondentsPerStratum(tx, organisationId, roundId, choice ?? { source: 'carried', variable: '-' });
    const completed = [...respondents.values()].reduce((a, b) => a + b, 0);
    if (!choice) return { ...base, strata: [], unknownRespondents: 0, completed, weights: null, blocks: [] };

    const population = await populationCounts(tx, organisationId, roundId, choice);
    const computed = roundWeights(respondents, population);
    const weights = computed.ok ? computed.value : null;
    const strata = strataOf(choice, questionnaire, population, respondents).map((value) => ({
      value,
      respondents: respondents.get(value) ?? 0,
      population: population.get(value) ?? null,
      weight: weights?.weights.get(value) ?? null,
    }));
    const counts = await scaleCountsPerStratum(tx, organisationId, roundId, choice, itemKeys);
    const rows = blocks.map((block) => ({
      block,
      items: block.items.filter((i) => WEIGHTED_TYPES.has(i.type) && counts.has(i.key)).map((item) => {
        const perStratum = counts.get(item.key) ?? new Map<string, Map<number, number>>();
        const values = mergeValueCounts(...perStratum.values());
        const unweighted = itemFigures(item, { values, options: new Map(), notApplicable: 0, respondents: 0 });
        return {
          item,
          n: unweighted.n,
          unweighted: unweighted.figure,
          weighted: weights ? weightedItemFigures(item, perStratum, weights.weights) : { figure: null, insufficient: null },
        };
      }),
    })).filter((b) => b.items.length > 0);
    return { ...base, strata, unknownRespondents: respondents.get(UNKNOWN_STRATUM) ?? 0, completed, weights, blocks: rows };
  });
}
