// Maps one LimeSurvey question to our items. Some types map one to one; arrays and multiple
// numeric/text questions become one item per subquestion; types we have no equivalent for are
// not imported, and every such decision becomes an entry in the import report.

import type { Item, LocalizedText, Option } from '../questionnaire/questionnaire.ts';
import { QUESTIONNAIRE_LIMITS } from '../questionnaire/questionnaire-schema.ts';
import { reportEntry, type ImportReportEntry } from './import-report.ts';
import type { LimeAnswer, LimeQuestion, LimeSubquestion, LimeText } from './lime-survey.ts';

export interface QuestionTexts {
  /** Our localized text of a LimeSurvey text, or undefined when it is empty in every language. */
  localize(text: LimeText, question: string): LocalizedText | undefined;
  /** The same fixed label in every language of the questionnaire (Dutch and English given). */
  label(nl: string, en: string): LocalizedText;
  /** A unique item key derived from a LimeSurvey code. */
  itemKey(code: string): string;
}

/** An item still without routing, with the relevance that still has to be translated. */
export interface PendingItem {
  readonly code: string;
  readonly item: Item;
  readonly relevance: readonly string[];
}

export interface MappedQuestion {
  readonly items: readonly PendingItem[];
  /** Text of a text-display question, shown as introduction of its page. */
  readonly intro?: LocalizedText;
  readonly report: readonly ImportReportEntry[];
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  '1': 'array dual scale', '5': '5 point choice', A: 'array 5 point', B: 'array 10 point', C: 'array yes/uncertain/no',
  D: 'date', E: 'array increase/same/decrease', F: 'array', G: 'gender', H: 'array by column', I: 'language switch',
  K: 'multiple numerical', L: 'list radio', M: 'multiple choice', N: 'numerical', O: 'list with comment',
  P: 'multiple choice with comments', Q: 'multiple short text', R: 'ranking', S: 'short text', T: 'long text',
  U: 'huge text', X: 'text display', Y: 'yes/no', '!': 'list dropdown', ':': 'array numbers', ';': 'array texts',
  '|': 'file upload', '*': 'equation',
};

// Attributes that change what a respondent sees or may answer; losing them changes the question.
const LOGIC_ATTRIBUTES = new Set([
  'array_filter', 'array_filter_exclude', 'em_validation_q', 'em_validation_sq', 'equals_num_value',
  'min_answers', 'min_num_value', 'max_num_value', 'exclude_all_others', 'random_group', 'random_order',
  'hidden', 'max_subquestions', 'min_max_cols',
]);

export function typeName(type: string): string {
  return `${type} (${TYPE_NAMES[type] ?? 'unknown'})`;
}

const numeric = (value: string | undefined): number | undefined =>
  value !== undefined && /^-?[0-9]+(\.[0-9]+)?$/.test(value.trim()) ? Number(value) : undefined;

export function mapLimeQuestion(question: LimeQuestion, texts: QuestionTexts): MappedQuestion {
  const report: ImportReportEntry[] = [];
  const note = (feature: [string, string], action: [string, string], code = question.code): void => {
    report.push(reportEntry(code, feature, action));
  };
  const type = typeName(question.type);
  const text = texts.localize(question.text, question.code) ?? texts.label(question.code.trim() || 'Vraag', question.code.trim() || 'Question');
  const help = texts.localize(question.help, question.code);
  const base = (code: string, itemText: LocalizedText) => ({
    key: texts.itemKey(code),
    text: itemText,
    ...(help ? { help } : {}),
    allowNotApplicable: false,
    required: question.mandatory,
    standard: false,
  });
  const single = (answers: readonly { code: string; label: LocalizedText }[]): Item => ({
    ...base(question.code, text), type: 'single', options: answers,
  });
  const one = (item: Item): MappedQuestion => ({ items: [{ code: question.code, item, relevance: [question.relevance] }], report });

  const options = (answers: readonly (LimeAnswer | LimeSubquestion)[], code: string): Option[] | undefined => {
    const seen = new Set<string>();
    const result: Option[] = [];
    for (const answer of answers) {
      const optionCode = answer.code.trim();
      if (optionCode === '' || optionCode.length > QUESTIONNAIRE_LIMITS.optionCode || seen.has(optionCode)) {
        note(['antwoordcode ongeldig of dubbel', 'answer code invalid or repeated'], [`optie '${optionCode}' overgeslagen`, `option '${optionCode}' skipped`], code);
        continue;
      }
      if (result.length === QUESTIONNAIRE_LIMITS.options) {
        note(['meer dan 100 antwoordopties', 'more than 100 answer options'], ['de rest is niet geïmporteerd', 'the rest was not imported'], code);
        break;
      }
      seen.add(optionCode);
      result.push({ code: optionCode, label: texts.localize(answer.text, code) ?? texts.label(optionCode, optionCode) });
    }
    if (result.length >= 2) return result;
    note(['minder dan twee antwoordopties', 'fewer than two answer options'], ['vraag niet geïmporteerd', 'question not imported'], code);
    return undefined;
  };
  const fixed = (pairs: readonly [code: string, nl: string, en: string][]) => pairs.map(([code, nl, en]) => ({ code, label: texts.label(nl, en) }));

  if (question.hasScript) {
    note(['JavaScript bij de vraag', 'JavaScript in the question'], ['niet geïmporteerd en nooit uitgevoerd', 'not imported and never run']);
  }
  for (const [attribute, value] of question.attributes) {
    if (LOGIC_ATTRIBUTES.has(attribute) && value.trim() !== '' && value.trim() !== '0') {
      note([`instelling ${attribute} = ${value.trim()}`, `attribute ${attribute} = ${value.trim()}`], ['niet geïmporteerd: Klantstem kent dit niet', 'not imported: Klantstem has no equivalent']);
    }
  }
  if (question.other) {
    note([`${type}: optie 'Anders' met vrije tekst`, `${type}: 'Other' option with free text`], ['niet geïmporteerd; voeg zo nodig een open vraag toe', 'not imported; add an open question if needed']);
  }
  // Subquestion rows: one item each, with the question text in front so the item reads on its own.
  const perSubquestion = (scale: number, make: (code: string, itemText: LocalizedText) => Item | undefined, split = true): MappedQuestion => {
    const items: PendingItem[] = [];
    for (const sub of question.subquestions.filter((candidate) => candidate.scale === scale)) {
      const code = `${question.code}_${sub.code}`;
      const subText = texts.localize(sub.text, code) ?? texts.label(sub.code.trim() || 'Deelvraag', sub.code.trim() || 'Subquestion');
      const combined = Object.fromEntries(Object.entries(text).map(([language, value]) => [language, `${value}\n${subText[language] ?? ''}`.slice(0, QUESTIONNAIRE_LIMITS.text)]));
      const item = make(code, combined);
      if (item) items.push({ code, item, relevance: [question.relevance, sub.relevance] });
    }
    if (split && items.length > 0) {
      note([`${type}: één vraag met ${items.length} deelvragen`, `${type}: one question with ${items.length} subquestions`], ['geïmporteerd als losse vragen, één per getoonde deelvraag', 'imported as separate questions, one per subquestion shown']);
    }
    if (items.length === 0) note([`${type} zonder deelvragen`, `${type} without subquestions`], ['niet geïmporteerd', 'not imported']);
    return { items, report };
  };
  const arrayOf = (answers: Option[] | undefined) =>
    answers ? perSubquestion(0, (code, itemText) => ({ ...base(code, itemText), type: 'single', options: answers })) : { items: [], report };

  switch (question.type) {
    case 'L':
    case '!':
    case 'O': {
      if (question.type === 'O') note([`${type}: opmerkingveld`, `${type}: comment field`], ['niet geïmporteerd', 'not imported']);
      const answers = options(question.answers.filter((answer) => answer.scale === 0), question.code);
      return answers ? one(single(answers)) : { items: [], report };
    }
    case 'M':
    case 'P': {
      if (question.type === 'P') note([`${type}: opmerking per optie`, `${type}: comment per option`], ['niet geïmporteerd', 'not imported']);
      const live = question.subquestions.filter((sub) => sub.scale === 0 && sub.relevance !== '0');
      for (const sub of question.subquestions) {
        if (sub.relevance !== '' && sub.relevance !== '1') {
          note(['voorwaarde op een antwoordoptie', 'condition on an answer option'], [sub.relevance === '0' ? 'optie nooit getoond: niet geïmporteerd' : `optie altijd getoond (voorwaarde: ${sub.relevance})`, sub.relevance === '0' ? 'option never shown: not imported' : `option always shown (condition: ${sub.relevance})`], `${question.code}_${sub.code}`);
        }
      }
      const answers = options(live, question.code);
      const max = numeric(question.attributes.get('max_answers'));
      return answers
        ? one({ ...base(question.code, text), type: 'multi', options: answers, ...(max !== undefined && max >= 1 && max <= answers.length && Number.isInteger(max) ? { maxChoices: max } : {}) })
        : { items: [], report };
    }
    case 'Y':
      return one({ ...base(question.code, text), type: 'yesno' });
    case 'G':
      return one(single(fixed([['F', 'Vrouw', 'Female'], ['M', 'Man', 'Male']])));
    case '5':
      return one(single(fixed([['1', '1', '1'], ['2', '2', '2'], ['3', '3', '3'], ['4', '4', '4'], ['5', '5', '5']])));
    case 'N':
    case 'K': {
      const min = numeric(question.attributes.get('min_num_value_n'));
      const max = numeric(question.attributes.get('max_num_value_n'));
      for (const [name, value] of [['min_num_value_n', question.attributes.get('min_num_value_n')], ['max_num_value_n', question.attributes.get('max_num_value_n')]] as const) {
        if (value !== undefined && value.trim() !== '' && numeric(value) === undefined) {
          note([`grens ${name} als expressie: ${value}`, `limit ${name} as an expression: ${value}`], ['grens niet geïmporteerd', 'limit not imported']);
        }
      }
      const make = (code: string, itemText: LocalizedText): Item => ({
        ...base(code, itemText), type: 'number', integer: question.attributes.get('num_value_int_only') === '1',
        ...(min !== undefined ? { min } : {}), ...(max !== undefined && (min === undefined || max >= min) ? { max } : {}),
      });
      return question.type === 'N' ? one(make(question.code, text)) : perSubquestion(0, make);
    }
    case 'S':
    case 'T':
    case 'U':
    case 'D':
    case 'Q': {
      if (question.type === 'D') note([type, type], ['geïmporteerd als open vraag', 'imported as an open question']);
      const limit = numeric(question.attributes.get('maximum_chars'));
      const maxLength = limit !== undefined && Number.isInteger(limit) && limit >= 1 && limit <= QUESTIONNAIRE_LIMITS.openMaxLength ? limit : 2000;
      const make = (code: string, itemText: LocalizedText): Item => ({ ...base(code, itemText), type: 'open', maxLength });
      return question.type === 'Q' ? perSubquestion(0, make) : one(make(question.code, text));
    }
    case 'A':
      return arrayOf(fixed([['1', '1', '1'], ['2', '2', '2'], ['3', '3', '3'], ['4', '4', '4'], ['5', '5', '5']]));
    case 'B':
      return perSubquestion(0, (code, itemText) => ({ ...base(code, itemText), type: 'mark' }));
    case 'C':
      return arrayOf(fixed([['Y', 'Ja', 'Yes'], ['U', 'Weet niet', 'Uncertain'], ['N', 'Nee', 'No']]));
    case 'E':
      return arrayOf(fixed([['I', 'Meer', 'Increase'], ['S', 'Gelijk', 'Same'], ['D', 'Minder', 'Decrease']]));
    case 'F':
    case 'H':
      return arrayOf(options(question.answers.filter((answer) => answer.scale === 0), question.code));
    case '1': {
      const scales = [0, 1].map((scale) => options(question.answers.filter((answer) => answer.scale === scale), question.code));
      const items: PendingItem[] = [];
      for (const [index, answers] of scales.entries()) {
        if (!answers) continue;
        const part = perSubquestion(0, (code, itemText) => ({ ...base(`${code}_${index + 1}`, itemText), type: 'single', options: answers }), false);
        items.push(...part.items);
      }
      if (items.length > 0) note([`${type}: twee schalen per deelvraag`, `${type}: two scales per subquestion`], [`geïmporteerd als ${items.length} losse vragen, één per schaal`, `imported as ${items.length} separate questions, one per scale`]);
      return { items, report };
    }
    case 'X': {
      note([type, type], ['tekst opgenomen in de inleiding van de pagina', 'text added to the introduction of the page']);
      return { items: [], intro: text, report };
    }
    default:
      note([type, type], ['geen overeenkomend vraagtype: niet geïmporteerd', 'no matching question type: not imported']);
      return { items: [], report };
  }
}
