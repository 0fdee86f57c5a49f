// The organiser's view of a benchmark: who contributed, and per question the pooled figure and
// the spread of the organisations' own figures (mean mark, or share agreeing / yes). Only
// aggregates were shared, so this is all there is; an organisation's own figure is shown only
// on at least hideBelow answers, and with its name only when it consented to be named.

import { classifyN, type ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import type { BenchmarkItemKind, Contribution, ItemContribution } from './contribution.ts';
import { figureSet, pool } from './reference-figures.ts';

export interface OverviewParticipant {
  readonly id: string;
  readonly name: string;
  readonly named: boolean;
  readonly contribution: Contribution | null;
}

export interface OrganisationFigure {
  readonly participantId: string;
  /** Null for an organisation that did not consent to be named. */
  readonly name: string | null;
  readonly n: number;
  readonly value: number;
  /** Its 95 % interval (t for a mean mark, Wilson for a share). */
  readonly interval: { readonly lower: number; readonly upper: number } | null;
}

export interface ItemOverview {
  readonly itemKey: string;
  readonly kind: BenchmarkItemKind;
  /** Organisations with answers to the item. */
  readonly organisations: number;
  readonly n: number;
  /** The pooled headline figure: mean mark, or share (helemaal) eens / ja. */
  readonly value: number | null;
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  /** Organisations' own figures (on enough answers), highest first. */
  readonly figures: readonly OrganisationFigure[];
}

export interface BenchmarkOverview {
  readonly participants: number;
  readonly contributed: number;
  readonly items: readonly ItemOverview[];
}

/** The figure an item is compared on, with its interval: the mean of a mark, the share agreeing or answering yes otherwise. */
export function headline(item: ItemContribution): { readonly value: number; readonly interval: { readonly lower: number; readonly upper: number } | null } | null {
  const figures = figureSet(item);
  if (item.kind === 'mark') return figures.mean.mean === null ? null : { value: figures.mean.mean, interval: figures.mean.ci };
  return figures.share ? { value: figures.share.share, interval: figures.share.ci } : null;
}

export function benchmarkOverview(participants: readonly OverviewParticipant[], thresholds: ReportingThresholds): BenchmarkOverview {
  const contributing = participants.filter((p): p is OverviewParticipant & { contribution: Contribution } => p.contribution !== null);
  const keys = [...new Set(contributing.flatMap((p) => Object.keys(p.contribution.items)))].sort();
  const items = keys.map((itemKey): ItemOverview => {
    const parts = contributing.flatMap((p) => {
      const item = p.contribution.items[itemKey];
      return item && item.n > 0 ? [{ participant: p, item }] : [];
    });
    const kind = parts[0]?.item.kind ?? 'mark';
    const pooled = parts.length ? pool(kind, parts.map((p) => p.item)) : null;
    const figures = parts
      .filter(({ item }) => classifyN(item.n, thresholds) !== 'hidden')
      .flatMap(({ participant, item }) => {
        const figure = headline(item);
        return figure === null ? [] : [{ participantId: participant.id, name: participant.named ? participant.name : null, n: item.n, ...figure }];
      })
      .sort((a, b) => b.value - a.value);
    const all = pooled ? headline(pooled) : null;
    return { itemKey, kind, organisations: parts.length, n: pooled?.n ?? 0, value: all?.value ?? null, interval: all?.interval ?? null, figures };
  });
  return { participants: participants.length, contributed: contributing.length, items };
}
