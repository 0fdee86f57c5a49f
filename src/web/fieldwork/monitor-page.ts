import type { ResponseMonitor } from '../../domain/fieldwork/response-monitor.ts';
import { html, type Html } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { responseChart } from './response-chart.ts';

const CHANNELS = ['web', 'paper', 'phone'] as const;

function percent(language: Language, share: number): string {
  return `${formatNumber(language, share * 100, 1)} %`;
}

function carriedTables(monitor: ResponseMonitor, t: Translate, language: Language, minimum: number): Html {
  const variables = Object.keys(monitor.carried);
  if (variables.length === 0) return html``;
  const cell = (value: number | undefined, format: (n: number) => string): Html =>
    value === undefined
      ? html`<td class="utrecht-table__cell utrecht-table__cell--numeric ks-muted">${t('monitor.hidden')}</td>`
      : html`<td class="utrecht-table__cell utrecht-table__cell--numeric">${format(value)}</td>`;
  return html`<h2 class="utrecht-heading-2">${t('monitor.byVariable')}</h2>
<p class="utrecht-paragraph">${t('monitor.byVariable.intro', { minimum })}</p>
${variables.map((variable) => html`<div class="ks-scroll" tabindex="0" role="region" aria-labelledby="var-${variable}">
<table class="utrecht-table"><caption class="utrecht-table__caption" id="var-${variable}">${t(`monitor.variable.${variable}` as 'monitor.variable.district')}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('monitor.col.value')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.col.delivered')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.col.completed')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.col.rate')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${monitor.carried[variable]!.map((c) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${c.value}</th>
${cell(c.delivered, (n) => formatNumber(language, n))}${cell(c.completed, (n) => formatNumber(language, n))}${cell(c.rate, (n) => percent(language, n))}
</tr>`)}</tbody></table></div>`)}`;
}

export function monitorPage(monitor: ResponseMonitor, props: { t: Translate; language: Language; roundName: string; provisional: boolean; minimum: number }): Html {
  const { t, language } = props;
  const c = monitor.counts;
  const n = (value: number): string => formatNumber(language, value);
  return html`<h1 class="utrecht-heading-1">${t('monitor.title', { name: props.roundName })}</h1>
${props.provisional ? html`<p class="utrecht-paragraph"><strong>${t('monitor.provisional')}</strong></p>` : ''}
<h2 class="utrecht-heading-2">${t('monitor.keyFigures')}</h2>
<dl class="ks-facts">
  <dt>${t('monitor.codes')}</dt><dd>${n(c.codes)}</dd>
  <dt>${t('monitor.letters')}</dt><dd>${n(c.lettersSent)}</dd>
  <dt>${t('monitor.emails')}</dt><dd>${n(c.emailsSent)}</dd>
  <dt>${t('monitor.bounced')}</dt><dd>${n(c.emailsBounced)}</dd>
  <dt>${t('monitor.delivered')}</dt><dd>${n(c.delivered)}</dd>
  <dt>${t('monitor.started')}</dt><dd>${n(monitor.startedTotal)}</dd>
  <dt>${t('monitor.completed')}</dt><dd>${n(monitor.completedTotal)}</dd>
  <dt>${t('monitor.rate')}</dt><dd>${monitor.responseRate === undefined
    ? t('monitor.rate.none')
    : t('monitor.rate.value', { percent: percent(language, monitor.responseRate), completed: n(monitor.completedTotal), delivered: n(c.delivered) })}</dd>
</dl>
<p class="utrecht-paragraph ks-muted">${t('monitor.rate.note')}</p>
<h2 class="utrecht-heading-2">${t('monitor.byChannel')}</h2>
<div class="ks-scroll" tabindex="0" role="region" aria-label="${t('monitor.byChannel')}">
<table class="utrecht-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('monitor.col.channel')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.col.started')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.col.completed')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${CHANNELS.map((channel) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${t(`monitor.channel.${channel}`)}</th>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${n(c.started[channel])}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${n(c.completed[channel])}</td>
</tr>`)}</tbody></table></div>
<h2 class="utrecht-heading-2">${t('monitor.byDay')}</h2>
${responseChart(monitor, t, language)}
${carriedTables(monitor, t, language, props.minimum)}`;
}
