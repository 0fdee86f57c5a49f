import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { agreeLabel, assertNever, localize, type Item } from '../../domain/questionnaire/questionnaire.ts';
import type { Language, Translate } from '../i18n/translate.ts';

/** An entered answer in words, for the list of differences between two entries. */
export function entryAnswerText(item: Item, answer: AnswerValue | undefined, t: Translate, language: Language): string {
  if (answer === undefined) return t('paperEntry.empty');
  if (answer.kind === 'notApplicable') return t('paperEntry.na');
  switch (item.type) {
    case 'mark':
    case 'number':
      return answer.kind === 'number' ? answer.value.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 6 }) : '';
    case 'agree5':
      return answer.kind === 'number' ? agreeLabel(answer.value, language) : '';
    case 'yesno':
      return answer.kind === 'bool' ? (answer.value ? t('common.yes') : t('common.no')) : '';
    case 'single':
    case 'multi': {
      const codes = answer.kind === 'option' ? [answer.code] : answer.kind === 'options' ? answer.codes : [];
      return item.options.filter((o) => codes.includes(o.code)).map((o) => localize(o.label, language)).join(', ') || t('paperEntry.empty');
    }
    case 'open':
      return answer.kind === 'text' ? answer.value : '';
    default:
      return assertNever(item);
  }
}
