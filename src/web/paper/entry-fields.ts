import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { agreeLabel, assertNever, localize, type Item } from '../../domain/questionnaire/questionnaire.ts';
import { formValues } from '../../domain/respondent/form-values.ts';
import { NOT_APPLICABLE, type AnswerProblem } from '../../domain/respondent/read-block-answers.ts';
import { html, type Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';

// Compact fields for typing in a paper form by keyboard: a mark or number is typed, choices are
// a row of radio buttons that starts on "leeg" (so a slip can be undone with the keyboard), and
// every box shows the key that picks it (see assets/paper-entry.js).

export interface EntryFieldState {
  readonly answer: AnswerValue | undefined;
  /** What was typed, shown again after a problem or a routing warning. */
  readonly raw: readonly string[] | undefined;
  readonly problem: AnswerProblem | undefined;
}

export function entryFieldId(item: Item): string {
  return `pe-${item.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** The first focusable element of a question, for error links and autofocus. */
export function entryInputId(item: Item): string {
  return `${entryFieldId(item)}-${item.type === 'mark' || item.type === 'number' || item.type === 'open' ? 'input' : '0'}`;
}

export function entryProblemText(t: Translate, item: Item, problem: AnswerProblem): string {
  switch (problem.kind) {
    case 'required': return t('paperEntry.problem.required');
    case 'invalid-choice': return item.type === 'mark' ? t('paperEntry.problem.mark') : t('paperEntry.problem.choice');
    case 'not-a-number': return t('paperEntry.problem.notANumber');
    case 'not-whole': return t('paperEntry.problem.notWhole');
    case 'too-small': return t('paperEntry.problem.tooSmall', { min: problem.min });
    case 'too-large': return t('paperEntry.problem.tooLarge', { max: problem.max });
    case 'too-many': return t('paperEntry.problem.tooMany', { max: problem.max });
    case 'too-long': return t('paperEntry.problem.tooLong', { max: problem.max });
    case 'na-with-answer': return t('paperEntry.problem.naWithAnswer');
    default: return assertNever(problem);
  }
}

function valuesOf(state: EntryFieldState): string[] {
  return state.raw ? [...state.raw] : formValues(state.answer);
}

interface Box { readonly value: string; readonly key: string; readonly label: string }

function boxes(item: Item, t: Translate, language: Language): Box[] {
  const na: Box[] = item.allowNotApplicable ? [{ value: NOT_APPLICABLE, key: 'n', label: t('paperEntry.na') }] : [];
  switch (item.type) {
    case 'agree5':
      return [...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), key: String(n), label: agreeLabel(n, language) })), ...na];
    case 'yesno':
      return [{ value: '1', key: '1', label: t('common.yes') }, { value: '0', key: '0', label: t('common.no') }, ...na];
    case 'single':
    case 'multi':
      return [...item.options.map((o, i) => ({ value: o.code, key: i < 9 ? String(i + 1) : '', label: localize(o.label, language) })), ...na];
    case 'mark':
    case 'number':
    case 'open':
      return [];
    default:
      return assertNever(item);
  }
}

function naCheckbox(item: Item, id: string, values: readonly string[], t: Translate): Html {
  if (!item.allowNotApplicable) return html``;
  return html`<span class="pe-choice"><input type="checkbox" id="${id}-na" name="${item.key}.na" value="${NOT_APPLICABLE}" ${values.includes(NOT_APPLICABLE) ? 'checked' : ''}><label for="${id}-na">${t('paperEntry.na')}</label></span>`;
}

export function entryField(item: Item, number: number, state: EntryFieldState, ctx: { t: Translate; language: Language; autofocus: boolean; note?: Html }): Html {
  const { t, language } = ctx;
  const id = entryFieldId(item);
  const values = valuesOf(state);
  const errorId = `${id}-error`;
  const invalid = state.problem ? html`aria-invalid="true"` : html``;
  const focus = ctx.autofocus ? html`autofocus` : html``;
  const error = state.problem ? html`<p class="utrecht-form-field-error-message" id="${errorId}">${entryProblemText(t, item, state.problem)}</p>` : '';
  let control: Html;
  if (item.type === 'mark' || item.type === 'number' || item.type === 'open') {
    const text = values[0] === NOT_APPLICABLE ? '' : (values[0] ?? '');
    const label = item.type === 'mark' ? t('paperEntry.mark') : item.type === 'number' ? t('paperEntry.number') : t('paperEntry.open');
    const input = item.type === 'open'
      ? html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea pe-open" id="${id}-input" name="${item.key}" rows="2" maxlength="${item.maxLength}" ${invalid} ${focus}>${text}</textarea>`
      : html`<input class="utrecht-textbox utrecht-textbox--html-input pe-number" type="text" inputmode="${item.type === 'mark' ? 'numeric' : 'decimal'}" autocomplete="off" id="${id}-input" name="${item.key}" value="${text}" ${invalid} ${focus}>`;
    control = html`<span class="pe-typed"><label class="pe-sub" for="${id}-input">${label}</label>${input}</span>${naCheckbox(item, id, values, t)}`;
  } else {
    const multi = item.type === 'multi';
    const list = boxes(item, t, language);
    const empty = !multi
      ? html`<span class="pe-choice pe-choice--empty"><input type="radio" id="${id}-0" name="${item.key}" value="" data-key="-" ${values.length === 0 || values[0] === '' ? 'checked' : ''} ${focus}><label for="${id}-0"><span class="pe-key" aria-hidden="true">-</span> ${t('paperEntry.empty')}</label></span>`
      : html``;
    control = html`${empty}${list.map((box, i) => {
      const boxId = `${id}-${multi ? i : i + 1}`;
      return html`<span class="pe-choice"><input type="${multi ? 'checkbox' : 'radio'}" id="${boxId}" name="${item.key}" value="${box.value}" ${box.key ? html`data-key="${box.key}"` : ''} ${values.includes(box.value) ? 'checked' : ''} ${multi && i === 0 ? focus : ''}><label for="${boxId}">${box.key ? html`<span class="pe-key" aria-hidden="true">${box.key}</span> ` : ''}${box.label}</label></span>`;
    })}`;
  }
  return html`<fieldset class="pe-q${state.problem ? ' pe-q--invalid' : ''}" id="${id}" ${state.problem ? html`aria-describedby="${errorId}"` : ''}>
<legend><span class="pe-n">${number}</span> ${localize(item.text, language)}</legend>
${ctx.note ?? ''}${error}<div class="pe-row">${control}</div>
</fieldset>`;
}
