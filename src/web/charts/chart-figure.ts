// Every chart is a <figure>: a caption, the drawing and the same numbers as a table. The
// drawing comes twice, laid out for a phone (narrow) and for a wide column or A4 paper (wide);
// CSS shows one of them (report.css), so the text in a chart stays readable at 360 px instead
// of being a wide chart shrunk to a third. The table is the accessible version and the one to
// copy figures from.

import { html, trusted, type Html, type Printable } from '../html.ts';
import type { Translate } from '../i18n/translate.ts';

/** 'open': the table shows under the chart (paper); 'details': behind a disclosure (screen). */
export type TableDisplay = 'open' | 'details';

export interface ChartFigureParts {
  readonly id: string;
  readonly caption: string;
  /** SVG markup for a wide column and for a phone; null when nothing may be drawn. */
  readonly drawing: { readonly wide: string; readonly narrow: string } | null;
  readonly table: Html;
  /** Notes under the chart: what an asterisk means, what was left out. */
  readonly notes: readonly Printable[];
  readonly tableDisplay: TableDisplay;
  /** Keys to the colours, in HTML so they wrap on a phone; the table names every series too. */
  readonly legend?: readonly LegendEntry[];
}

export interface LegendEntry {
  readonly name: string;
  readonly colour: string;
  readonly shape: 'box' | 'line' | 'dashed';
}

function legendList(entries: readonly LegendEntry[]): Html {
  // The colour is an SVG attribute, not a style attribute: the Content-Security-Policy blocks
  // inline styles.
  const key = (entry: LegendEntry) =>
    entry.shape === 'box'
      ? html`<svg class="ks-chart__key" viewBox="0 0 10 10" focusable="false"><rect width="10" height="10" fill="${entry.colour}"/></svg>`
      : html`<svg class="ks-chart__key ks-chart__key--line" viewBox="0 0 20 4" focusable="false"><line x1="0" y1="2" x2="20" y2="2" stroke="${entry.colour}" stroke-width="3"${entry.shape === 'dashed' ? html` stroke-dasharray="5 3"` : ''}/></svg>`;
  return html`<ul class="ks-chart__legend" aria-hidden="true">${entries.map((entry) => html`<li>${key(entry)}${entry.name}</li>`)}</ul>`;
}

export function chartFigure(t: Translate, parts: ChartFigureParts): Html {
  const drawing = parts.drawing
    ? html`<div class="ks-chart__drawing ks-chart__drawing--wide">${trusted(parts.drawing.wide)}</div>
<div class="ks-chart__drawing ks-chart__drawing--narrow">${trusted(parts.drawing.narrow)}</div>`
    : html`<p class="ks-chart__empty">${t('chart.nothingToDraw')}</p>`;
  const notes = parts.notes.filter((note) => note !== '' && note !== null && note !== undefined);
  const table = parts.tableDisplay === 'open'
    ? html`<div class="ks-chart__data">${parts.table}</div>`
    : html`<details class="ks-chart__data"><summary>${t('chart.showNumbers')}</summary>${parts.table}</details>`;
  return html`<figure class="ks-chart" id="${parts.id}">
<figcaption class="ks-chart__caption">${parts.caption}</figcaption>
${parts.drawing && parts.legend?.length ? legendList(parts.legend) : ''}
${drawing}
${notes.length ? html`<ul class="ks-chart__notes">${notes.map((note) => html`<li>${note}</li>`)}</ul>` : ''}
${table}
</figure>`;
}

/** A table of chart numbers: header cells, then rows whose first cell is the row header. */
export function chartTable(caption: string, headers: readonly { readonly label: string; readonly numeric?: boolean }[], rows: readonly (readonly Printable[])[]): Html {
  const head = headers.map((h) => html`<th class="utrecht-table__header-cell${h.numeric ? ' utrecht-table__header-cell--numeric' : ''}" scope="col">${h.label}</th>`);
  const body = rows.map((cells) => html`<tr class="utrecht-table__row">${cells.map((cell, index) => index === 0
    ? html`<th class="utrecht-table__header-cell" scope="row">${cell}</th>`
    : html`<td class="utrecht-table__cell${headers[index]?.numeric ? ' utrecht-table__cell--numeric' : ''}" data-label="${headers[index]?.label ?? ''}">${cell}</td>`)}</tr>`);
  return html`<div class="utrecht-table-container"><table class="utrecht-table utrecht-table--html-table ks-chart-table">
<caption class="ks-visually-hidden">${caption}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">${head}</tr></thead>
<tbody class="utrecht-table__body">${body}</tbody>
</table></div>`;
}
