import type { PaperAnswer, PaperJump, PaperSkip } from '../../domain/paper/paper-routing.ts';
import { assertNever, localize, type Item } from '../../domain/questionnaire/questionnaire.ts';
import type { Language, Translate } from '../i18n/translate.ts';

// Routing as instructions a respondent can follow with a pen: "Nee → ga naar vraag 14" next
// to the box, and "Beantwoord de vragen 17 tot en met 22 alleen als …" above the questions.

export function paperAnswerLabel(answer: PaperAnswer, item: Item | undefined, t: Translate, language: Language): string {
  switch (answer.kind) {
    case 'yes':
      return t('common.yes');
    case 'no':
      return t('common.no');
    case 'na':
      return t('paper.na');
    case 'option': {
      const options = item?.type === 'single' || item?.type === 'multi' ? item.options : [];
      const option = options.find((o) => o.code === answer.code);
      return option ? localize(option.label, language) : answer.code;
    }
    default:
      return assertNever(answer);
  }
}

/** "ga naar vraag 14", or "ga naar het einde" when nothing follows. */
export function jumpText(jump: PaperJump, t: Translate): string {
  return jump.goTo === undefined ? t('paper.jumpEnd') : t('paper.jump', { number: jump.goTo });
}

function quotedList(labels: readonly string[], t: Translate): string {
  const quoted = labels.map((l) => `‘${l}’`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${t('paper.or')} ${quoted[quoted.length - 1]}`;
}

/** The instruction above routed questions, with where to go otherwise. */
export function skipText(skip: PaperSkip, items: ReadonlyMap<string, Item>, t: Translate, language: Language): string {
  const one = skip.from === skip.to;
  const range = { from: skip.from, to: skip.to };
  let rule: string;
  if (skip.rule.kind === 'answers') {
    const item = items.get(skip.rule.itemKey);
    const answers = quotedList(skip.rule.answers.map((a) => paperAnswerLabel(a, item, t, language)), t);
    rule = t(one ? 'paper.skip.one' : 'paper.skip.range', { ...range, question: skip.rule.question, answers });
  } else {
    rule = t(one ? 'paper.skip.describedOne' : 'paper.skip.describedRange', { ...range, condition: skip.rule.text });
  }
  const otherwise = skip.otherwise === undefined ? t('paper.skip.otherwiseEnd') : t('paper.skip.otherwise', { number: skip.otherwise });
  return `${rule} ${otherwise}`;
}
