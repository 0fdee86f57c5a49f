// The council's question form: a question in plain words and its answers, one per line. Keys
// and answer codes are made here, so council members never see them (the research form asks
// for keys, codes and routing; a council asks its members a few questions). English is
// optional: members who read the survey in English see the Dutch text where none is given.

import type { Item } from '../../domain/questionnaire/questionnaire.ts';
import type { Translate } from '../i18n/translate.ts';
import type { FieldError } from '../layout.ts';

export const COUNCIL_QUESTION_TYPES = ['single', 'multi', 'yesno', 'agree5'] as const;
export type CouncilQuestionType = (typeof COUNCIL_QUESTION_TYPES)[number];

export interface CouncilQuestionValues {
  readonly type: string;
  readonly text: string;
  readonly options: string;
  readonly textEn: string;
  readonly optionsEn: string;
}

export const emptyCouncilQuestion: CouncilQuestionValues = { type: '', text: '', options: '', textEn: '', optionsEn: '' };

export function councilQuestionValues(body: Record<string, unknown>): CouncilQuestionValues {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  return { type: text('type'), text: text('text'), options: text('options'), textEn: text('textEn'), optionsEn: text('optionsEn') };
}

const isType = (value: string): value is CouncilQuestionType => (COUNCIL_QUESTION_TYPES as readonly string[]).includes(value);

/** The question as an item numbered after the existing ones, or the problems with the form. */
export function councilQuestionFromForm(values: CouncilQuestionValues, number: number, t: Translate): { item?: Item; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isType(values.type)) errors.push({ field: 'type-single', message: t('councilSurvey.error.type') });
  if (values.text === '' || values.text.length > 500) errors.push({ field: 'text', message: t('councilSurvey.error.text') });
  if (values.textEn.length > 500) errors.push({ field: 'textEn', message: t('councilSurvey.error.textEn') });
  const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const labels = lines(values.options);
  const labelsEn = lines(values.optionsEn);
  const needsOptions = values.type === 'single' || values.type === 'multi';
  if (needsOptions && (labels.length < 2 || labels.length > 12 || labels.some((l) => l.length > 200) || new Set(labels).size !== labels.length)) {
    errors.push({ field: 'options', message: t('councilSurvey.error.options') });
  }
  if (needsOptions && labelsEn.length > 0 && (labelsEn.length !== labels.length || labelsEn.some((l) => l.length > 200))) {
    errors.push({ field: 'optionsEn', message: t('councilSurvey.error.optionsEn', { count: labels.length }) });
  }
  if (errors.length || !isType(values.type)) return { errors };
  const base = { key: `eigen.raad_${number}`, text: { nl: values.text, en: values.textEn || values.text }, allowNotApplicable: false, required: false, standard: false };
  const options = labels.map((label, i) => ({ code: `a${i + 1}`, label: { nl: label, en: labelsEn[i] ?? label } }));
  const item: Item = values.type === 'single' || values.type === 'multi' ? { ...base, type: values.type, options } : { ...base, type: values.type };
  return { item, errors };
}
