// The organisation's position in a benchmark, as a section of the round report: per item its own
// figure, the reference group's with its interval, the lowest and highest organisation mean,
// its rank and the verdict of the test. Figures come from the imported reference file; this file
// only formats them.

import type { BenchmarkPosition } from '../../app/benchmark/benchmark-position.ts';
import type { FigureSet, ItemReference } from '../../domain/benchmark/reference-figures.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import type { RoundReport } from '../../domain/report/build-round-report.ts';
import { compareLabel } from '../../domain/statistics/compare-label.ts';
import { classifyN, type ReportingThresholds } from '../../domain/statistics/reporting-thresholds.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
}

type Shown = Extract<ItemReference, { status: 'shown' }>;

/** Marks by their mean; agreement and yes/no by their share, as in the rest of the report. */
function headline(ctx: Ctx, item: Shown, figures: FigureSet, withInterval: boolean): string {
  const { language } = ctx;
  if (item.kind === 'mark') {
    const m = figures.mean;
    if (m.mean === null) return '—';
    const ci = withInterval && m.ci ? ` (${formatNumber(language, m.ci.lower, 1)} – ${formatNumber(language, m.ci.upper, 1)})` : '';
    return `${formatNumber(language, m.mean, 1)}${ci}`;
  }
  const s = figures.share;
  if (!s) return '—';
  const ci = withInterval ? ` (${formatNumber(language, 100 * s.ci.lower, 0)} – ${formatNumber(language, 100 * s.ci.upper, 0)}%)` : '';
  return `${formatNumber(language, 100 * s.share, 0)}%${ci}`;
}

function meanText(ctx: Ctx, item: Shown, mean: number | null): string {
  if (mean === null) return '—';
  return item.kind === 'yesno' ? `${formatNumber(ctx.language, 100 * mean, 0)}%` : formatNumber(ctx.language, mean, 1);
}

function verdict(ctx: Ctx, item: Shown): Printable {
  const test = item.kind === 'mark' ? item.meanTest : item.shareTest;
  if (!test.ok) return html`<span class="ks-muted">${ctx.t('benchmark.noTest')}</span>`;
  const label = compareLabel(test.value);
  const text = ctx.t(`benchmark.compare.${label}`);
  return label === 'in-line' ? text : html`<span class="ks-significant">${text}</span>`;
}

function row(ctx: Ctx, item: Shown, text: string, thresholds: ReportingThresholds): Html {
  const { t, language } = ctx;
  const cell = (key: Parameters<Translate>[0], content: Printable) => html`<td class="utrecht-table__cell" data-label="${t(key)}">${content}</td>`;
  const ownHidden = classifyN(item.own.n, thresholds) === 'hidden';
  const own = ownHidden ? html`<span class="ks-muted">${t('report.hidden')}</span>` : html`<strong>${headline(ctx, item, item.own, false)}</strong> <span class="ks-nowrap">(n = ${formatNumber(language, item.own.n)})</span>`;
  const reference = html`${headline(ctx, item, item.reference, true)} <span class="ks-nowrap">(n = ${formatNumber(language, item.reference.n)}; ${t('benchmark.organisations', { count: item.reference.organisations })})</span>`;
  const range = item.lowestMean === null ? '—' : `${meanText(ctx, item, item.lowestMean)} – ${meanText(ctx, item, item.highestMean)}`;
  const rank = item.rank ? t('benchmark.rank', { position: item.rank.position, of: item.rank.of }) : '—';
  return html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row">${text}</th>
  ${cell('benchmark.col.own', own)}${cell('benchmark.col.reference', reference)}${cell('benchmark.col.range', range)}
  ${cell('benchmark.col.rank', rank)}${cell('benchmark.col.comparison', ownHidden ? '—' : verdict(ctx, item))}
</tr>`;
}

/**
 * One section per benchmark the organisation imported reference figures for; `chapter` gives it
 * the report document's chapter layout (a new page when printed).
 */
export function benchmarkSection(ctx: Ctx, positions: readonly BenchmarkPosition[], report: Pick<RoundReport, 'modules' | 'thresholds'>, chapter = false): Html {
  const { t, language } = ctx;
  const itemTexts = new Map(report.modules.flatMap((m) => m.items.map((item) => [item.key, item.text] as const)));
  return html`${positions.map((position, index) => {
    const id = `benchmark-${index + 1}`;
    const shown = position.figures.items.filter((i): i is Shown => i.status === 'shown');
    const header = (key: Parameters<Translate>[0]) => html`<th class="utrecht-table__header-cell" scope="col">${t(key)}</th>`;
    const textOf = (key: string) => { const text = itemTexts.get(key); return text ? localize(text, language) : key; };
    return html`<section ${chapter ? html`class="ks-doc__chapter" ` : ''}aria-labelledby="${id}">
<h2 class="utrecht-heading-2" id="${id}">${t('benchmark.title', { name: `${position.name} ${position.year}` })}</h2>
<p class="utrecht-paragraph">${t('benchmark.intro', { count: position.figures.organisations })}</p>
${shown.length === 0 ? html`<p class="utrecht-paragraph">${t('benchmark.none')}</p>` : html`<div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table ks-report-table">
<caption class="ks-visually-hidden">${t('benchmark.caption', { name: position.name })}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  ${header('benchmark.col.item')}${header('benchmark.col.own')}${header('benchmark.col.reference')}${header('benchmark.col.range')}${header('benchmark.col.rank')}${header('benchmark.col.comparison')}
</tr></thead>
<tbody class="utrecht-table__body">${shown.map((item) => row(ctx, item, textOf(item.itemKey), report.thresholds))}</tbody>
</table></div>
<p class="utrecht-paragraph ks-muted">${t('benchmark.method')}</p>`}
</section>`;
  })}`;
}
