import type { Kysely } from 'kysely';
import { carriedVariablesOf, itemCellsByGroup, type BreakdownSource } from '../db/breakdown-queries.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { ReportItem, ReportModule } from '../domain/report/build-round-report.ts';
import { canBreakDown, itemBreakdown, type BreakdownGroupCounts, type ItemBreakdown } from '../domain/report/item-breakdown.ts';
import { NO_ANSWERS } from '../domain/report/item-figures.ts';
import { countsFromCells } from '../domain/report/round-counts.ts';
import { itemsOf, type Item, type Questionnaire } from '../domain/questionnaire/questionnaire.ts';
import { roundReport, type RoundReportView } from './round-report.ts';

/** The background module of the standard questionnaire: its single-choice items are breakdowns. */
export const BACKGROUND_MODULE = 'achtergrond';
const CHANNEL_ORDER = ['web', 'paper', 'phone'];

export interface ModuleReportView extends RoundReportView {
  readonly module: ReportModule;
}

export async function moduleReport(db: Kysely<DB>, organisationId: string, roundId: string, moduleKey: string): Promise<ModuleReportView | undefined> {
  const view = await roundReport(db, organisationId, roundId);
  const module = view?.report.modules.find((m) => m.key === moduleKey);
  return view && module ? { ...view, module } : undefined;
}

export interface ItemReportView extends ModuleReportView {
  readonly item: ReportItem;
  readonly definition: Item;
  /** Only breakdowns with at least two groups with answers; small groups already hidden. */
  readonly breakdowns: readonly ItemBreakdown[];
}

function sourcesFor(questionnaire: Questionnaire, item: Item, carried: readonly string[]): { dimension: string; source: BreakdownSource; order: readonly string[] }[] {
  const background = questionnaire.blocks
    .filter((b) => b.module === BACKGROUND_MODULE)
    .flatMap((b) => b.items)
    .filter((i) => i.type === 'single' && i.key !== item.key);
  return [
    { dimension: 'channel', source: { kind: 'channel' }, order: CHANNEL_ORDER },
    { dimension: 'language', source: { kind: 'language' }, order: questionnaire.languages },
    ...background.map((i) => ({ dimension: `item:${i.key}`, source: { kind: 'item', itemKey: i.key } as const, order: i.type === 'single' ? i.options.map((o) => o.code) : [] })),
    ...carried.map((variable) => ({ dimension: `carried:${variable}`, source: { kind: 'carried', variable } as const, order: [] })),
  ];
}

/** Known values in their natural order, then the others alphabetically, "unknown" ('') last. */
function ordered(groups: BreakdownGroupCounts[], order: readonly string[]): BreakdownGroupCounts[] {
  const rank = (g: string) => (g === '' ? Number.MAX_SAFE_INTEGER : order.includes(g) ? order.indexOf(g) : order.length);
  return [...groups].sort((a, b) => rank(a.group) - rank(b.group) || a.group.localeCompare(b.group));
}

/**
 * One item of a round: its figure, distribution, trend, reference group, and breakdowns by
 * channel, language, background items and carried variables, with small groups hidden.
 */
export async function itemReport(db: Kysely<DB>, organisationId: string, roundId: string, itemKey: string): Promise<ItemReportView | undefined> {
  const view = await roundReport(db, organisationId, roundId);
  if (!view) return undefined;
  const module = view.report.modules.find((m) => m.items.some((i) => i.key === itemKey));
  const item = module?.items.find((i) => i.key === itemKey);
  const definition = itemsOf(view.questionnaire).find((i) => i.key === itemKey);
  if (!module || !item || !definition) return undefined;
  if (item.nClass === 'hidden' || !canBreakDown(definition)) return { ...view, module, item, definition, breakdowns: [] };
  const breakdowns = await withTenant(db, organisationId, async (tx) => {
    const carried = await carriedVariablesOf(tx, organisationId, roundId);
    const result: ItemBreakdown[] = [];
    for (const { dimension, source, order } of sourcesFor(view.questionnaire, definition, carried)) {
      const groups = (await itemCellsByGroup(tx, organisationId, roundId, itemKey, source)).map((g) => ({
        group: g.group,
        counts: countsFromCells(g.cells, [{ itemKey, ...g.moments }]).get(itemKey) ?? NO_ANSWERS,
      }));
      const breakdown = itemBreakdown(definition, dimension, ordered(groups, order), view.report.thresholds);
      if (breakdown) result.push(breakdown);
    }
    return result;
  });
  return { ...view, module, item, definition, breakdowns };
}
