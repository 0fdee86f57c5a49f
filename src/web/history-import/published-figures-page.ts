import type { FiguresReading, FiguresRowProblem } from '../../domain/report/read-published-figures.ts';
import type { Item } from '../../domain/questionnaire/questionnaire.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { html, trusted, type Html } from '../html.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid, type FieldError } from '../layout.ts';

// /history/figures: the figures of an old report, pasted from a spreadsheet (or typed), checked
// and then stored as a closed round. The check shows what was read before anything is stored.

export interface FiguresFormValues {
  readonly name: string;
  readonly year: string;
  readonly source: string;
  readonly figures: string;
}

export const emptyFiguresForm: FiguresFormValues = { name: '', year: '', source: '', figures: '' };

interface Props {
  readonly t: Translate;
  readonly language: Language;
  readonly csrfToken: string;
  readonly errors: readonly FieldError[];
  readonly items: ReadonlyMap<string, Item>;
}

export function figuresRowMessage(t: Translate, problem: FiguresRowProblem): string {
  switch (problem.kind) {
    case 'unknown-item': return t('figures.row.unknownItem', { key: problem.key });
    case 'duplicate-item': return t('figures.row.duplicate', { key: problem.key });
    case 'number': return t('figures.row.number', { text: problem.text, column: t(`figures.column.${problem.column}`) });
    case 'figure': return t(`figures.problem.${problem.problem}` as MessageKey);
  }
}

/** attributes: fixed markup of this file, never user input. */
function textField(name: keyof FiguresFormValues, label: string, value: string, errors: readonly FieldError[], hint?: string, attributes = ''): Html {
  return html`<div class="utrecht-form-field ${errors.some((e) => e.field === name) ? 'utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="${name}">${label}</label>
${hint ? html`<p class="utrecht-form-field-description" id="${name}-hint">${hint}</p>` : ''}
${fieldError(errors, name)}
<input class="utrecht-textbox utrecht-textbox--html-input" id="${name}" name="${name}" type="text" value="${value}" ${trusted(attributes)} ${describedBy(errors, name, !!hint)} ${invalid(errors, name)}>
</div>`;
}

/** The figures as read, for the researcher to check before importing. */
function readingTable(reading: FiguresReading, props: Props): Html {
  const { t, language, items } = props;
  const number = (value: number | null, digits: number) => (value === null ? '—' : formatNumber(language, value, digits));
  return html`<h2 class="utrecht-heading-2" id="check-heading">${t('figures.check.title', { count: reading.figures.length })}</h2>
<div class="utrecht-table-container ks-scroll" tabindex="0" role="region" aria-labelledby="check-heading"><table class="utrecht-table utrecht-table--html-table">
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="col">${t('figures.column.item')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">n</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('figures.column.mean')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('figures.column.sd')}</th>
<th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">${t('figures.column.share')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${reading.figures.map((f) => html`<tr class="utrecht-table__row">
<th class="utrecht-table__header-cell" scope="row">${items.get(f.itemKey) ? localize(items.get(f.itemKey)!.text, language) : f.itemKey} <code class="ks-code">${f.itemKey}</code></th>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${formatNumber(language, f.n)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${number(f.mean, 1)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${number(f.sd, 2)}</td>
<td class="utrecht-table__cell utrecht-table__cell--numeric">${f.share === null ? '—' : `${formatNumber(language, f.share * 100, 0)} %`}</td>
</tr>`)}</tbody></table></div>
${reading.figures.some((f) => f.mean !== null && f.sd === null) ? html`<p class="utrecht-paragraph">${t('figures.check.noSd')}</p>` : ''}`;
}

export function figuresPage(values: FiguresFormValues, props: Props & { readonly reading?: FiguresReading }): Html {
  const { t, csrfToken, errors, items, language } = props;
  const examples = (['mark', 'agree5', 'yesno'] as const).flatMap((type) => [...items.values()].find((i) => i.type === type) ?? []);
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds">← ${t('rounds.title')}</a></p>
<h1 class="utrecht-heading-1">${t('figures.title')}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('figures.intro')}</p>
<form method="post" action="/history/figures" novalidate>${csrfField(csrfToken)}
${textField('name', t('figures.field.name'), values.name, errors, undefined, 'maxlength="200" autocomplete="off"')}
${textField('year', t('figures.field.year'), values.year, errors, undefined, 'inputmode="numeric" maxlength="4"')}
${textField('source', t('figures.field.source'), values.source, errors, t('figures.field.source.hint'), 'maxlength="500"')}
<div class="utrecht-form-field ${errors.some((e) => e.field === 'figures') ? 'utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="figures">${t('figures.field.figures')}</label>
<div class="utrecht-form-field-description" id="figures-hint"><p class="utrecht-paragraph">${t('figures.field.figures.hint')}</p>
<pre class="ks-code">item;n;mean;sd;share
${examples.map((item) => (item.type === 'mark' ? `${item.key};250;6,9;1,5;8 %` : `${item.key};240;;;62 %`)).join('\n')}</pre></div>
${fieldError(errors, 'figures')}
<textarea class="utrecht-textarea utrecht-textarea--html-textarea ks-code" id="figures" name="figures" rows="12" spellcheck="false" ${describedBy(errors, 'figures', true)} ${invalid(errors, 'figures')}>${values.figures}</textarea>
</div>
${props.reading ? readingTable(props.reading, props) : ''}
<div class="utrecht-button-group">
<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="action" value="check">${t('figures.action.check')}</button>
${props.reading ? html`<button class="utrecht-button utrecht-button--primary-action" type="submit" name="action" value="import">${t('figures.action.import', { count: props.reading.figures.length })}</button>` : ''}
</div>
</form>
<details class="ks-details"><summary>${t('figures.items.title')}</summary>
<ul class="utrecht-unordered-list">${[...items.values()].map((item) => html`<li class="utrecht-unordered-list__item"><code class="ks-code">${item.key}</code> ${localize(item.text, language)} <span class="ks-muted">(${t(item.type === 'mark' ? 'figures.items.mark' : 'figures.items.share')})</span></li>`)}</ul>
</details>`;
}
