// The organiser's export for a national publication: per question the figure of all
// participants together and of each organisation that consented to be named, with n and the
// 95 % interval. Anonymous organisations are in the totals only. Comma-separated, decimal
// points, one header row: for any spreadsheet or statistics package.

import { csvText } from '../export/responses-csv.ts';
import type { BenchmarkOverview } from './benchmark-overview.ts';

const number = (value: number | null | undefined, digits: number) => (value === null || value === undefined ? '' : value.toFixed(digits));

export function publicationCsv(overview: BenchmarkOverview, questionText: (itemKey: string) => string, allLabel: string): string {
  const lines = ['item_key,question,kind,organisation,organisations,n,figure,lower,upper'];
  for (const item of overview.items) {
    const digits = item.kind === 'mark' ? 2 : 4;
    const row = (organisation: string, organisations: number, n: number, value: number | null, interval: { lower: number; upper: number } | null) =>
      [csvText(item.itemKey), csvText(questionText(item.itemKey)), item.kind, csvText(organisation), organisations, n, number(value, digits), number(interval?.lower, digits), number(interval?.upper, digits)].join(',');
    lines.push(row(allLabel, item.organisations, item.n, item.value, item.interval));
    for (const figure of item.figures) if (figure.name !== null) lines.push(row(figure.name, 1, figure.n, figure.value, figure.interval));
  }
  return `${lines.join('\r\n')}\r\n`;
}
