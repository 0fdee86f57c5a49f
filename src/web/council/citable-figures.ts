// The figures a council may cite in an advice point: every item of the round's report that has
// a figure shown, printed exactly as the report prints it, with its n. Hidden figures (too few
// answers) cannot be cited: the report does not show them either.

import type { RoundReportView } from '../../app/round-report.ts';
import type { Citation } from '../../db/council-schema.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { formatNumber } from '../i18n/translate.ts';
import { figureText, formatPercent, optionLabel, type ViewCtx } from '../research/item-report-format.ts';

export function citableFigures(view: RoundReportView, ctx: ViewCtx): Citation[] {
  const citations: Citation[] = [];
  const items = new Map(view.questionnaire.blocks.flatMap((b) => b.items).map((i) => [i.key, i]));
  for (const module of view.report.modules) {
    for (const item of module.items) {
      if (item.nClass === 'hidden') continue;
      const n = `n = ${formatNumber(ctx.language, item.n)}`;
      const indicative = item.nClass === 'indicative' ? `, ${ctx.t('report.indicative')}` : '';
      const label = localize(item.text, ctx.language);
      let value: string | undefined;
      if (item.figure) value = figureText(ctx, item.type, item.figure);
      else if (item.options && items.get(item.key)) {
        const question = items.get(item.key)!;
        value = item.options.options.filter((o) => o.share)
          .map((o) => `${optionLabel(ctx, question, o.code)} ${formatPercent(ctx.language, o.share!.share)}`).join('; ');
      }
      if (value) citations.push({ itemKey: item.key, label, value: `${value} (${n}${indicative})` });
    }
  }
  return citations;
}
