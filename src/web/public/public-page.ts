// The public results page of a published round: key figures in plain words, a table per
// published module, how to read them. Only prints the public report model: hidden figures,
// small option counts and open answers are not in it.

import type { PublicResults } from '../../app/public-results.ts';
import type { PublicItem, PublicModule, PublicReport } from '../../domain/publication/public-report.ts';
import type { Figure } from '../../domain/report/item-figures.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { moduleCharts, overallTrendChart } from './public-charts.ts';
import { publicPlanSection } from '../plan/public-plan-section.ts';
import { benchmarkSection } from '../research/benchmark-section.ts';
import { studiesSection } from '../qualitative/study-chapter-section.ts';

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
}

const percent = (language: Language, share: number) => `${formatNumber(language, 100 * share, 0)}%`;

function value(ctx: Ctx, figure: Figure): string {
  return figure.kind === 'mean' ? formatNumber(ctx.language, figure.value, 1) : percent(ctx.language, figure.value);
}

function margin(ctx: Ctx, figure: Figure | null): string {
  if (!figure?.ci) return '';
  const { lower, upper } = figure.ci;
  return figure.kind === 'mean'
    ? `${formatNumber(ctx.language, lower, 1)} – ${formatNumber(ctx.language, upper, 1)}`
    : `${formatNumber(ctx.language, 100 * lower, 0)} – ${percent(ctx.language, upper)}`;
}

function indicative(ctx: Ctx, item: PublicItem): Printable {
  return item.nClass === 'indicative' ? html` <span class="ks-badge">${ctx.t('publish.page.indicative')}</span>` : '';
}

function result(ctx: Ctx, item: PublicItem, hideBelow: number): Printable {
  const { t, language } = ctx;
  if (item.options) {
    return html`<ul class="ks-public-options">${item.options.options.map((o) => {
      const choice = item.choices.find((c) => c.code === o.code);
      return html`<li>${choice ? localize(choice.label, language) : o.code}: ${o.share ? percent(language, o.share.share) : '—'}</li>`;
    })}</ul>${item.optionsLeftOut ? html`<span class="ks-public-note">${t('publish.page.options.left', { hide: hideBelow })}</span>` : ''}`;
  }
  if (!item.figure) return '';
  const unit = item.type === 'mark' ? '' : ` ${t(item.type === 'yesno' ? 'publish.page.yes' : 'publish.page.agree')}`;
  return html`<strong>${value(ctx, item.figure)}</strong>${unit}`;
}

function moduleSection(ctx: Ctx, module: PublicModule, report: PublicReport): Html {
  const { t, language } = ctx;
  const title = localize(module.title, language);
  const withPrevious = report.previousRound !== null && module.items.some((i) => i.previous?.figure);
  const withReference = module.items.some((i) => i.reference?.figure);
  const head = (label: string) => html`<th class="utrecht-table__header-cell" scope="col">${label}</th>`;
  const cell = (label: string, content: Printable) => html`<td class="utrecht-table__cell" data-label="${label}">${content}</td>`;
  const rows = module.items.map((item) => {
    const previous = item.previous?.figure ? value(ctx, item.previous.figure) : '';
    const change = item.comparison ? t(`publish.page.compare.${item.comparison.label}`) : '';
    const reference = item.reference?.figure
      ? html`${value(ctx, item.reference.figure)}${item.referenceComparison ? html` <span class="ks-public-note">${t(`publish.page.reference.${item.referenceComparison.label}`)}</span>` : ''}`
      : '';
    return html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${localize(item.text, language)}</th>
${cell(t('publish.page.col.result'), html`${result(ctx, item, report.hideBelow)}${indicative(ctx, item)}`)}
${cell(t('publish.page.col.margin'), item.options ? '' : margin(ctx, item.figure))}
${cell(t('publish.page.col.n'), formatNumber(language, item.n))}
${withPrevious ? html`${cell(report.previousRound!.name, previous)}${cell(t('publish.page.col.change'), change)}` : ''}
${withReference ? cell(t('publish.page.col.reference'), reference) : ''}
</tr>`;
  });
  return html`<section aria-labelledby="module-${module.key}">
<h2 class="utrecht-heading-2" id="module-${module.key}">${title}</h2>
<div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table ks-public-table">
<caption class="ks-visually-hidden">${t('publish.page.caption', { module: title })}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
${head(t('publish.page.col.question'))}${head(t('publish.page.col.result'))}${head(t('publish.page.col.margin'))}${head(t('publish.page.col.n'))}
${withPrevious ? html`${head(report.previousRound!.name)}${head(t('publish.page.col.change'))}` : ''}
${withReference ? head(t('publish.page.col.reference')) : ''}
</tr></thead>
<tbody class="utrecht-table__body">${rows}</tbody>
</table></div>
${moduleCharts(ctx, module, report)}
</section>`;
}

function keyFigures(ctx: Ctx, report: PublicReport): Html {
  const { t, language } = ctx;
  const n = (x: number) => formatNumber(language, x);
  const lines: Printable[] = [];
  lines.push(report.responseRate !== null && report.delivered !== null
    ? t('publish.page.response', { completed: n(report.completed), delivered: n(report.delivered), rate: percent(language, report.responseRate) })
    : t('publish.page.completed', { completed: n(report.completed) }));
  const overall = report.overall;
  if (overall?.figure) {
    const mark = value(ctx, overall.figure);
    const previous = overall.previous?.figure && report.previousRound && overall.comparison
      ? html` ${t(`publish.page.previous.${overall.comparison.label}`, { previous: report.previousRound.name, mark: value(ctx, overall.previous.figure) })}`
      : '';
    lines.push(html`<span class="ks-public-mark">${t('publish.page.overall', { mark })}</span>${previous}
<span class="ks-public-note">${t('publish.page.overall.n', { n: n(overall.n) })}${overall.nClass === 'indicative' ? html` ${t('publish.page.indicative.note', { n: report.indicativeBelow })}` : ''}</span>`);
    if (overall.insufficient) lines.push(t('publish.page.insufficient', { share: percent(language, overall.insufficient.value) }));
  }
  return html`<section aria-labelledby="key-figures">
<h2 class="utrecht-heading-2" id="key-figures">${t('publish.page.keyFigures')}</h2>
<ul class="ks-public-keys">${lines.map((line) => html`<li>${line}</li>`)}</ul>
${overallTrendChart(ctx, report.overall, report)}
</section>`;
}

function howToRead(ctx: Ctx, report: PublicReport): Html {
  const { t } = ctx;
  return html`<section aria-labelledby="how-to-read">
<h2 class="utrecht-heading-2" id="how-to-read">${t('publish.page.howToRead')}</h2>
<p class="utrecht-paragraph">${t('publish.page.howToRead.marks')}</p>
<p class="utrecht-paragraph">${t('publish.page.howToRead.shares')}</p>
<p class="utrecht-paragraph">${t('publish.page.howToRead.margin')}</p>
${report.previousRound ? html`<p class="utrecht-paragraph">${t('publish.page.howToRead.compare')}</p>` : ''}
${report.referenceYear !== null ? html`<p class="utrecht-paragraph">${t('publish.page.howToRead.reference', { year: report.referenceYear })}</p>` : ''}
<p class="utrecht-paragraph">${t('publish.page.indicative.note', { n: report.indicativeBelow })}</p>
<p class="utrecht-paragraph">${t('publish.page.privacy', { hide: report.hideBelow })}</p>
</section>`;
}

export function publicPage(ctx: Ctx, results: PublicResults): Html {
  const { t } = ctx;
  const { report, settings } = results;
  const paragraphs = settings.introduction.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return html`<link rel="stylesheet" href="/assets/report.css">
<link rel="stylesheet" href="/p/public.css">
<p class="utrecht-paragraph ks-public-org">${results.organisation.name}</p>
<h1 class="utrecht-heading-1">${t('publish.page.title', { year: results.round.year })}</h1>
<p class="utrecht-paragraph ks-muted">${results.round.name}</p>
${paragraphs.length ? html`<div class="ks-public-intro">${paragraphs.map((p) => html`<p class="utrecht-paragraph">${p}</p>`)}</div>` : ''}
${keyFigures(ctx, report)}
${report.modules.length === 0 ? html`<p class="utrecht-paragraph">${t('publish.page.none')}</p>` : report.modules.map((m) => moduleSection(ctx, m, report))}
${results.benchmarks.length ? benchmarkSection(ctx, results.benchmarks, { modules: report.modules, thresholds: { hideBelow: report.hideBelow, indicativeBelow: report.indicativeBelow } }) : ''}
${results.plan ? publicPlanSection(ctx, results.plan, results.organisation.name) : ''}
${studiesSection(results.studies, ctx)}
${howToRead(ctx, report)}`;
}
