import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { assertNever, type Item } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import type { RespondentTranslate } from '../i18n/respondent-translate.ts';
import { localText } from './respondent-layout.ts';

/** An answer as the respondent chose it, for the check page. */
export function answerText(item: Item, answer: AnswerValue | undefined, t: RespondentTranslate, language: string): Html {
  if (answer === undefined) return html`<span class="ks-muted">${t('check.notAnswered')}</span>`;
  if (answer.kind === 'notApplicable') return html`${t('na')}`;
  switch (item.type) {
    case 'mark':
    case 'number':
      return html`${answer.kind === 'number' ? answer.value.toLocaleString(language) : ''}`;
    case 'agree5':
      return answer.kind === 'number' && answer.value >= 1 && answer.value <= 5 ? html`${t(`agree.${answer.value as 1 | 2 | 3 | 4 | 5}`)}` : html``;
    case 'yesno':
      return html`${answer.kind === 'bool' ? (answer.value ? t('yes') : t('no')) : ''}`;
    case 'single': {
      const option = answer.kind === 'option' ? item.options.find((o) => o.code === answer.code) : undefined;
      return option ? localText(option.label, language) : html``;
    }
    case 'multi': {
      const codes = answer.kind === 'options' ? answer.codes : [];
      const labels = item.options.filter((o) => codes.includes(o.code)).map((o) => localText(o.label, language));
      return html`${labels.map((l, i) => html`${i > 0 ? ', ' : ''}${l}`)}`;
    }
    case 'open':
      return html`${answer.kind === 'text' ? answer.value : ''}`;
    default:
      return assertNever(item);
  }
}
