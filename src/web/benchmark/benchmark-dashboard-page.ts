import type { BenchmarkDashboard } from '../../app/benchmark/benchmark-dashboard.ts';
import type { Benchmark } from '../../db/benchmark-store.ts';
import type { ItemOverview } from '../../domain/benchmark/benchmark-overview.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../domain/statistics/reporting-thresholds.ts';
import { formatFigure } from '../charts/figure-format.ts';
import { intervalBarChart } from '../charts/interval-bar-chart.ts';
import { html, type Html } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';

// The organiser's pages: the benchmarks it runs, and per benchmark the participation and the
// spread of the organisations' figures per question, with a chart and its table.

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
}

/** The organisation's benchmarks on both sides, and where to start one, join one or get the key. */
export function benchmarksPage(ctx: Ctx, organised: readonly Benchmark[], joined: readonly Benchmark[]): Html {
  const { t } = ctx;
  const list = (benchmarks: readonly Benchmark[], href: (b: Benchmark) => string) =>
    html`<ul class="utrecht-unordered-list">${benchmarks.map((b) => html`<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${href(b)}">${b.name} ${b.year}</a></li>`)}</ul>`;
  const button = (href: string, label: string, kind = 'secondary') =>
    html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${kind}-action" href="${href}">${label}</a>`;
  return html`<h1 class="utrecht-heading-1">${t('benchmarkFiles.overview.title')}</h1>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/benchmark-key">${t('benchmarkFiles.overview.key')}</a></p>
<section aria-labelledby="organised">
<h2 class="utrecht-heading-2" id="organised">${t('benchmarks.title')}</h2>
<p class="utrecht-paragraph">${t('benchmarks.intro')}</p>
${organised.length === 0 ? html`<p class="utrecht-paragraph">${t('benchmarks.none')}</p>` : list(organised, (b) => `/benchmarks/${b.id}`)}
<div class="utrecht-button-group ks-actions">${button('/benchmarks/new', t('benchmarkFiles.overview.create'))}</div>
</section>
<section aria-labelledby="joined">
<h2 class="utrecht-heading-2" id="joined">${t('benchmarkFiles.overview.joined')}</h2>
${joined.length === 0 ? html`<p class="utrecht-paragraph">${t('benchmarkFiles.overview.joinedNone')}</p>` : list(joined, (b) => `/benchmarks/joined/${b.id}`)}
<div class="utrecht-button-group ks-actions">${button('/benchmarks/join', t('benchmarkFiles.overview.join'))}</div>
</section>`;
}

function participationTable(ctx: Ctx, dashboard: BenchmarkDashboard): Html {
  const { t, language } = ctx;
  return html`<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-labelledby="participation"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('benchmarks.col.participant')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('benchmarks.col.publication')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('benchmarks.col.sizeClass')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('benchmarks.col.region')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('benchmarks.col.contribution')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('benchmarkFiles.dashboard.reference')}</th>
<th class="utrecht-table__header-cell" scope="col">${t('benchmarkFiles.dashboard.key')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${dashboard.participants.map((p) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${p.name}</th>
<td class="utrecht-table__cell">${t(p.named ? 'benchmarks.named' : 'benchmarks.anonymous')}</td>
<td class="utrecht-table__cell">${p.sizeClass ?? '—'}</td>
<td class="utrecht-table__cell">${p.region ?? '—'}</td>
<td class="utrecht-table__cell">${p.contributedAt ? formatDate(language, p.contributedAt.toISOString().slice(0, 10)) : html`<span class="ks-muted">${t('benchmarks.notYet')}</span>`}</td>
<td class="utrecht-table__cell">${p.contributedAt ? html`<a class="utrecht-link" href="/benchmarks/${dashboard.benchmark.id}/participants/${p.id}/reference" aria-label="${t('benchmarkFiles.dashboard.referenceLink', { participant: p.name })}">${t('benchmarkFiles.dashboard.reference')}</a>` : '—'}</td>
<td class="utrecht-table__cell"><a class="utrecht-link" href="/benchmarks/${dashboard.benchmark.id}/participants/${p.id}/key" aria-label="${t('benchmarkFiles.participantKey.title', { participant: p.name })}">${t('benchmarkFiles.dashboard.keyLink')}</a></td>
</tr>`)}</tbody></table></div>`;
}

function itemSection(ctx: Ctx, dashboard: BenchmarkDashboard, item: ItemOverview, index: number): Html {
  const { t, language } = ctx;
  const question = dashboard.items.get(item.itemKey);
  const text = question ? localize(question.text, language) : item.itemKey;
  const kind = item.kind === 'mark' ? 'mean' : 'share';
  const valueName = t(item.kind === 'mark' ? 'benchmarks.value.mark' : item.kind === 'agree5' ? 'benchmarks.value.agree' : 'benchmarks.value.yes');
  const id = `item-${index + 1}`;
  return html`<section aria-labelledby="${id}">
<h3 class="utrecht-heading-3" id="${id}">${text}</h3>
<p class="utrecht-paragraph">${t('benchmarks.item.summary', {
    organisations: item.organisations, n: formatNumber(language, item.n),
    value: item.value === null ? '—' : formatFigure(language, kind, item.value),
    lowest: item.figures.length ? formatFigure(language, kind, item.figures.at(-1)!.value) : '—',
    highest: item.figures.length ? formatFigure(language, kind, item.figures[0]!.value) : '—',
  })}</p>
${intervalBarChart(ctx, {
    id: `benchmark-${id}`,
    caption: t('benchmarks.chart.caption', { question: text }),
    kind,
    valueName,
    bars: item.figures.map((f) => ({ label: f.name ?? t('benchmarks.anonymousParticipant'), n: f.n, nClass: f.n < DEFAULT_REPORTING_THRESHOLDS.indicativeBelow ? 'indicative' as const : 'reportable' as const, value: f.value, interval: f.interval })),
    thresholds: DEFAULT_REPORTING_THRESHOLDS,
    tableDisplay: 'details',
  })}
</section>`;
}

export function dashboardPage(ctx: Ctx, dashboard: BenchmarkDashboard): Html {
  const { t } = ctx;
  const { benchmark, overview } = dashboard;
  return html`<link rel="stylesheet" href="/assets/report.css">
<p class="utrecht-paragraph"><a class="utrecht-link" href="/benchmarks">← ${t('benchmarkFiles.overview.title')}</a></p>
<h1 class="utrecht-heading-1">${benchmark.name} ${benchmark.year}</h1>
<p class="utrecht-paragraph">${t('benchmarks.participation', { contributed: overview.contributed, participants: overview.participants })}</p>
<h2 class="utrecht-heading-2" id="files">${t('benchmarkFiles.dashboard.actions')}</h2>
<div class="utrecht-button-group ks-actions">
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/benchmarks/${benchmark.id}/contributions/new">${t('benchmarkFiles.dashboard.import')}</a>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/benchmarks/${benchmark.id}/participants/new">${t('benchmarkFiles.dashboard.register')}</a>
</div>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/benchmarks/${benchmark.id}/publication.csv" download>${t('benchmarks.export')}</a></p>
<h2 class="utrecht-heading-2" id="participation">${t('benchmarks.participation.title')}</h2>
${participationTable(ctx, dashboard)}
<h2 class="utrecht-heading-2">${t('benchmarks.items.title')}</h2>
<p class="utrecht-paragraph">${t('benchmarks.items.intro', { hide: DEFAULT_REPORTING_THRESHOLDS.hideBelow })}</p>
${overview.items.length === 0 ? html`<p class="utrecht-paragraph">${t('benchmarks.items.none')}</p>` : overview.items.map((item, index) => itemSection(ctx, dashboard, item, index))}`;
}
