// The typed questionnaire model. Files are validated into this shape by questionnaire-schema.ts;
// everything else (routing, preview, respondent form, statistics) works on these types.

/** Text per language code ("nl", "en", "ar", ...). Dutch is always present. */
export type LocalizedText = Readonly<Record<string, string>>;

export interface Option {
  /** Stable code stored in answers, e.g. "18-26". */
  readonly code: string;
  readonly label: LocalizedText;
}

interface ItemBase {
  /** Stable key linking the same question across rounds, organisations and languages. */
  readonly key: string;
  readonly text: LocalizedText;
  readonly help?: LocalizedText;
  /** Offers "niet van toepassing / weet niet"; such answers are excluded from means and shares. */
  readonly allowNotApplicable: boolean;
  readonly required: boolean;
  /** Routing expression in the safe expression language; the item shows only when it holds. */
  readonly showIf?: string;
  /** True for items of the standard questionnaire: they cannot be reworded. */
  readonly standard: boolean;
}

/** Report mark 1-10 ("rapportcijfer"). */
export interface MarkItem extends ItemBase {
  readonly type: 'mark';
}
/** Five-point agreement scale, stored 1 (helemaal oneens) .. 5 (helemaal eens). */
export interface AgreeItem extends ItemBase {
  readonly type: 'agree5';
}
/** Yes/no, stored 1 = yes, 0 = no. */
export interface YesNoItem extends ItemBase {
  readonly type: 'yesno';
}
export interface SingleChoiceItem extends ItemBase {
  readonly type: 'single';
  readonly options: readonly Option[];
}
export interface MultipleChoiceItem extends ItemBase {
  readonly type: 'multi';
  readonly options: readonly Option[];
  readonly maxChoices?: number;
}
export interface NumberItem extends ItemBase {
  readonly type: 'number';
  readonly min?: number;
  readonly max?: number;
  readonly integer: boolean;
}
export interface OpenItem extends ItemBase {
  readonly type: 'open';
  readonly maxLength: number;
}

export type Item =
  | MarkItem
  | AgreeItem
  | YesNoItem
  | SingleChoiceItem
  | MultipleChoiceItem
  | NumberItem
  | OpenItem;

export type ItemType = Item['type'];

export const ITEM_TYPES: readonly ItemType[] = [
  'mark',
  'agree5',
  'yesno',
  'single',
  'multi',
  'number',
  'open',
];

export interface Block {
  readonly key: string;
  /** Module the block belongs to; modules can be switched off per round. */
  readonly module: string;
  readonly title: LocalizedText;
  readonly intro?: LocalizedText;
  readonly showIf?: string;
  readonly items: readonly Item[];
}

export interface Module {
  readonly key: string;
  readonly title: LocalizedText;
  /** A required module cannot be switched off (e.g. "algemeen"). */
  readonly required: boolean;
}

export interface Questionnaire {
  readonly key: string;
  readonly title: LocalizedText;
  /** Languages the item texts are complete in; the first is the source language ("nl"). */
  readonly languages: readonly string[];
  readonly modules: readonly Module[];
  readonly blocks: readonly Block[];
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

/** All items in questionnaire order. */
export function itemsOf(questionnaire: Questionnaire): Item[] {
  return questionnaire.blocks.flatMap((block) => block.items);
}

/** Text in the requested language, falling back to Dutch. */
export function localize(text: LocalizedText, language: string): string {
  return text[language] ?? text.nl ?? Object.values(text)[0] ?? '';
}

const AGREE5_LABELS: Readonly<Record<'nl' | 'en', readonly string[]>> = {
  nl: ['Helemaal oneens', 'Oneens', 'Niet eens, niet oneens', 'Eens', 'Helemaal eens'],
  en: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
};

/** Label of a point on the five-point agreement scale (1..5); Dutch for languages without labels. */
export function agreeLabel(value: number, language: string): string {
  const labels = language === 'en' ? AGREE5_LABELS.en : AGREE5_LABELS.nl;
  return labels[value - 1] ?? String(value);
}
