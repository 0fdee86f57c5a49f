import * as echarts from 'echarts';
import type { ResponseMonitor } from '../../domain/fieldwork/response-monitor.ts';
import { html, trusted, type Html } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';

/**
 * Completed responses per day (bars) and in total so far (line), as server-rendered SVG inside a
 * figure, followed by the same numbers as a table for screen readers and for reading exact values.
 */
export function responseChart(monitor: ResponseMonitor, t: Translate, language: Language): Html {
  const series = monitor.series;
  if (series.length === 0) return html`<p class="utrecht-paragraph">${t('monitor.chart.empty')}</p>`;
  const labels = series.map((d) => formatDate(language, d.date).replace(/ \d{4}$/, ''));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 300 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 12, color: '#1a1a1a' },
    grid: { left: 48, right: 56, top: 36, bottom: 64 },
    // Below the chart with room to spare: the server measures text with another font than the browser draws it in.
    legend: { bottom: 0, left: 40, itemGap: 48, data: [t('monitor.chart.perDay'), t('monitor.chart.soFar')] },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('monitor.chart.perDay'), nameTextStyle: { align: 'left' } },
      { type: 'value', minInterval: 1, name: t('monitor.chart.soFar'), nameTextStyle: { align: 'right' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('monitor.chart.perDay'), type: 'bar', data: series.map((d) => d.completed), itemStyle: { color: '#1d5b8f' } },
      { name: t('monitor.chart.soFar'), type: 'line', yAxisIndex: 1, data: series.map((d) => d.completedSoFar), itemStyle: { color: '#b3401a' }, lineStyle: { width: 2 }, symbol: 'none' },
    ],
  });
  const svg = chart.renderToSVGString().replace('<svg ', '<svg class="ks-chart" aria-hidden="true" focusable="false" ');
  chart.dispose();
  const rows = series.filter((d) => d.started + d.completed + d.emailsSent + d.letters > 0);
  return html`<figure class="ks-figure">
<figcaption class="utrecht-paragraph"><strong>${t('monitor.chart.caption')}</strong></figcaption>
${trusted(svg)}
<details class="ks-details"><summary>${t('monitor.chart.table')}</summary>
<div class="ks-scroll" tabindex="0" role="region" aria-label="${t('monitor.chart.table')}">
<table class="utrecht-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('monitor.col.date')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.col.letters')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.col.emails')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.col.started')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.col.completed')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('monitor.chart.soFar')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${rows.map(
    (d) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${formatDate(language, d.date)}</th>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, d.letters)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, d.emailsSent)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, d.started)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, d.completed)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, d.completedSoFar)}</td>
</tr>`,
  )}</tbody></table></div></details>
</figure>`;
}
