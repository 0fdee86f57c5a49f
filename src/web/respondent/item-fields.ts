import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { assertNever, type Item } from '../../domain/questionnaire/questionnaire.ts';
import { formValues } from '../../domain/respondent/form-values.ts';
import { NOT_APPLICABLE, type AnswerProblem } from '../../domain/respondent/read-block-answers.ts';
import { escapeHtml, html, trusted, type Html, type Printable } from '../html.ts';
import type { RespondentTranslate } from '../i18n/respondent-translate.ts';
import { localText, plainText, textAttrs } from './respondent-layout.ts';

/** What the field shows: the submitted text after a problem, else the stored answer. */
export interface FieldState {
  readonly answer: AnswerValue | undefined;
  readonly raw: readonly string[] | undefined;
  readonly problem: AnswerProblem | undefined;
}

export function questionId(key: string): string {
  return `q-${key.replace(/\./g, '-')}`;
}

/** The element an error-summary link points to: the first input of the question. */
export function firstInputId(item: Item): string {
  return `${questionId(item.key)}-${item.type === 'number' || item.type === 'open' ? 'input' : '0'}`;
}

export function problemText(t: RespondentTranslate, problem: AnswerProblem): string {
  switch (problem.kind) {
    case 'required': return t('error.required');
    case 'invalid-choice': return t('error.invalidChoice');
    case 'not-a-number': return t('error.notANumber');
    case 'not-whole': return t('error.notWhole');
    case 'too-small': return t('error.tooSmall', { min: problem.min });
    case 'too-large': return t('error.tooLarge', { max: problem.max });
    case 'too-many': return t('error.tooMany', { max: problem.max });
    case 'too-long': return t('error.tooLong', { max: problem.max });
    case 'na-with-answer': return t('error.naWithAnswer');
    default: return assertNever(problem);
  }
}

function chosen(state: FieldState): string[] {
  return state.raw ? [...state.raw] : formValues(state.answer);
}

interface Choice { readonly value: string; readonly label: Html; readonly na?: boolean }

function choices(item: Item, t: RespondentTranslate, language: string): Choice[] {
  switch (item.type) {
    case 'mark':
      return Array.from({ length: 10 }, (_, i) => ({
        value: String(i + 1),
        label: i === 0 ? html`1<span class="ks-visually-hidden"> (${t('mark.low')})</span>` : i === 9 ? html`10<span class="ks-visually-hidden"> (${t('mark.high')})</span>` : html`${i + 1}`,
      }));
    case 'agree5':
      return ([1, 2, 3, 4, 5] as const).map((n) => ({ value: String(n), label: html`${t(`agree.${n}`)}` }));
    case 'yesno':
      return [{ value: '1', label: html`${t('yes')}` }, { value: '0', label: html`${t('no')}` }];
    case 'single':
    case 'multi':
      return item.options.map((o) => ({ value: o.code, label: localText(o.label, language) }));
    case 'number':
    case 'open':
      return [];
    default:
      return assertNever(item);
  }
}

/** The parts of a field that depend on the answer (' checked' or nothing, the text typed). */
interface Marks {
  checked(value: string): Printable;
  text(): Printable;
  notApplicable(): Printable;
}

/** The marks of a field state (a class, so a page view makes no closures). */
class StateMarks implements Marks {
  private readonly values: string[];
  constructor(private readonly state: FieldState) {
    this.values = chosen(state);
  }
  checked(value: string): string {
    return this.values.includes(value) ? ' checked' : '';
  }
  text(): string {
    return this.values[0] === NOT_APPLICABLE ? '' : (this.values[0] ?? '');
  }
  notApplicable(): string {
    return this.values.includes(NOT_APPLICABLE) || this.state.answer?.kind === 'notApplicable' ? ' checked' : '';
  }
}

function marksOf(state: FieldState): Marks {
  return new StateMarks(state);
}

// A field without a problem is the same markup for every respondent but for which boxes are
// checked and what text is filled in. It is rendered once per item, language and number with
// marked places (SLOT … SLOT) for those, and filled in per page view.
const SLOT = '\u0001';
const templates = new WeakMap<Item, Map<string, readonly string[]>>();

function templateOf(item: Item, t: RespondentTranslate, language: string, number: number): readonly string[] | undefined {
  const key = `${language}|${number}`;
  let perItem = templates.get(item);
  if (!perItem) {
    perItem = new Map();
    templates.set(item, perItem);
  }
  let parts = perItem.get(key);
  if (!parts) {
    const slot = (mark: string) => trusted(`${SLOT}${mark}${SLOT}`);
    parts = renderField(item, undefined, { checked: (value) => slot(`c${value}`), text: () => slot('t'), notApplicable: () => slot('n') }, t, language, number).value.split(SLOT);
    // A text that itself holds the marker would shift the places: such an item is rendered
    // in full every time ([] = no template).
    const unanswered = marksOf({ answer: undefined, raw: undefined, problem: undefined });
    if (fill(parts, unanswered) !== renderField(item, undefined, unanswered, t, language, number).value) parts = [];
    perItem.set(key, parts);
  }
  return parts.length > 0 ? parts : undefined;
}

function fill(parts: readonly string[], marks: Marks): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0) out += part;
    else if (part === 't') out += escapeHtml(String(marks.text()));
    else if (part === 'n') out += String(marks.notApplicable());
    else out += String(marks.checked(part.slice(1)));
  }
  return out;
}

export function itemField(item: Item, state: FieldState, t: RespondentTranslate, language: string, number: number): Html {
  const parts = state.problem || state.raw ? undefined : templateOf(item, t, language, number);
  return parts ? trusted(fill(parts, marksOf(state))) : renderField(item, state.problem, marksOf(state), t, language, number);
}

function renderField(item: Item, problem: AnswerProblem | undefined, marks: Marks, t: RespondentTranslate, language: string, number: number): Html {
  const id = questionId(item.key);
  const errorId = `${id}-error`;
  const hintIds: string[] = [];
  let hint: Html = html``;
  if (item.help) {
    hintIds.push(`${id}-help`);
    hint = html`${hint}<p class="utrecht-form-field-description" id="${id}-help"${textAttrs(item.help, language)}>${plainText(item.help, language)}</p>`;
  }
  if (item.type === 'mark') {
    hintIds.push(`${id}-scale`);
    hint = html`${hint}<p class="ks-scale-ends" id="${id}-scale"><span>${t('mark.low')}</span><span>${t('mark.high')}</span></p>`;
  }
  if (item.type === 'multi') {
    hintIds.push(`${id}-multi`);
    hint = html`${hint}<p class="utrecht-form-field-description" id="${id}-multi">${item.maxChoices ? t('multi.max', { max: item.maxChoices }) : t('multi.hint')}</p>`;
  }
  if (item.type === 'open') {
    hintIds.push(`${id}-open`);
    hint = html`${hint}<p class="utrecht-form-field-description" id="${id}-open">${t('open.hint')}</p>`;
  }
  const describedBy = [...hintIds, ...(problem ? [errorId] : [])].join(' ');
  const error = problem ? html`<p class="utrecht-form-field-error-message" id="${errorId}"><span class="ks-visually-hidden">${t('error.summary')}: </span>${problemText(t, problem)}</p>` : '';
  const inputType = item.type === 'multi' ? 'checkbox' : 'radio';
  const list = choices(item, t, language);
  if (item.allowNotApplicable && item.type !== 'number') list.push({ value: NOT_APPLICABLE, label: html`${t('na')}`, na: true });
  const invalid = problem ? html` aria-invalid="true"` : html``;
  let control: Html;
  if (item.type === 'number' || item.type === 'open') {
    const input = item.type === 'number'
      ? html`<input class="utrecht-textbox utrecht-textbox--html-input ks-width-m" type="text" inputmode="decimal" autocomplete="off" id="${id}-input" name="${item.key}" value="${marks.text()}"${invalid}>`
      : html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="${id}-input" name="${item.key}" rows="5" maxlength="${item.maxLength}"${invalid}>${marks.text()}</textarea>`;
    const naBox = item.type === 'number' && item.allowNotApplicable
      ? html`<label class="ks-choice ks-choice--na"><input type="checkbox" id="${id}-na" name="${item.key}.na" value="${NOT_APPLICABLE}"${marks.notApplicable()}><span>${t('na')}</span></label>`
      : '';
    control = html`<div class="utrecht-form-field"><label class="utrecht-form-label" for="${id}-input">${t('answer')}</label>${input}</div>${naBox}`;
  } else {
    // Each choice is a label around its box: the whole box is the touch target. Only the first
    // box has an id, for the links of the error summary and the check page.
    control = html`<div class="${item.type === 'mark' ? 'ks-marks' : 'ks-choices'}">${list.filter((c) => !c.na).map(
      (c, i) => html`<label class="ks-choice"><input type="${inputType}"${i === 0 ? html` id="${firstInputId(item)}"` : ''} name="${item.key}" value="${c.value}"${marks.checked(c.value)}${invalid}><span>${c.label}</span></label>`,
    )}</div>${list.filter((c) => c.na).map(
      (c) => html`<label class="ks-choice ks-choice--na"><input type="${inputType}" name="${item.key}" value="${c.value}"${marks.checked(c.value)}${invalid}><span>${c.label}</span></label>`,
    )}`;
  }
  return html`<fieldset class="ks-question${problem ? ' ks-question--invalid' : ''}" id="${id}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
<legend${textAttrs(item.text, language)}><span class="ks-qnumber" dir="ltr">${number}.</span> ${plainText(item.text, language)}</legend>
${hint}${error}${control}
</fieldset>`;
}
