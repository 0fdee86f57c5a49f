import { ITEM_TYPES, type Block, type Item, type ItemType, type Option } from '../../domain/questionnaire/questionnaire.ts';
import type { Translate } from '../i18n/translate.ts';
import type { FieldError } from '../layout.ts';

export const OWN_BLOCK_KEY = 'eigen';
export const OWN_MODULE_KEY = 'eigen';

export interface OwnItemFormValues {
  readonly key: string;
  readonly type: ItemType;
  readonly textNl: string;
  readonly textEn: string;
  readonly options: string;
  readonly allowNotApplicable: boolean;
  readonly required: boolean;
  readonly showIf: string;
}

export const emptyOwnItem: OwnItemFormValues = {
  key: '',
  type: 'agree5',
  textNl: '',
  textEn: '',
  options: '',
  allowNotApplicable: true,
  required: false,
  showIf: '',
};

export function ownItemFormValues(body: Record<string, unknown>): OwnItemFormValues {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  const type = text('type');
  return {
    key: text('key').toLowerCase(),
    type: (ITEM_TYPES as readonly string[]).includes(type) ? (type as ItemType) : 'agree5',
    textNl: text('textNl'),
    textEn: text('textEn'),
    options: text('options'),
    allowNotApplicable: body.allowNotApplicable === 'on',
    required: body.required === 'on',
    showIf: text('showIf'),
  };
}

/** "code = Nederlands | English", one per line. */
function parseOptions(source: string): Option[] | undefined {
  const options: Option[] = [];
  for (const line of source.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const match = /^([a-z0-9][a-z0-9_-]{0,39})\s*=\s*([^|]+?)\s*\|\s*(.+)$/i.exec(line);
    if (!match) return undefined;
    options.push({ code: match[1]!.toLowerCase(), label: { nl: match[2]!, en: match[3]!.trim() } });
  }
  return options.length >= 2 ? options : undefined;
}

/** Builds an own item from the form, checking what the form itself can check. */
export function ownItemFromForm(
  values: OwnItemFormValues,
  existingKeys: ReadonlySet<string>,
  t: Translate,
): { item?: Item; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const key = `eigen.${values.key}`;
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(values.key)) errors.push({ field: 'key', message: t('ownItem.error.key') });
  else if (existingKeys.has(key)) errors.push({ field: 'key', message: t('ownItem.error.keyTaken') });
  if (values.textNl === '' || values.textEn === '' || values.textNl.length > 2000 || values.textEn.length > 2000) {
    errors.push({ field: values.textNl === '' ? 'textNl' : 'textEn', message: t('ownItem.error.text') });
  }
  const needsOptions = values.type === 'single' || values.type === 'multi';
  const options = needsOptions ? parseOptions(values.options) : [];
  if (needsOptions && !options) errors.push({ field: 'options', message: t('ownItem.error.options') });
  if (errors.length) return { errors };
  const base = {
    key,
    text: { nl: values.textNl, en: values.textEn },
    allowNotApplicable: values.type === 'open' ? false : values.allowNotApplicable,
    required: values.required,
    standard: false,
    ...(values.showIf ? { showIf: values.showIf } : {}),
  };
  const item: Item =
    values.type === 'single' || values.type === 'multi'
      ? { ...base, type: values.type, options: options! }
      : values.type === 'number'
        ? { ...base, type: 'number', integer: true }
        : values.type === 'open'
          ? { ...base, type: 'open', maxLength: 2000 }
          : { ...base, type: values.type };
  return { item, errors };
}

export function withOwnItem(ownBlocks: readonly Block[], item: Item): Block[] {
  const existing = ownBlocks.find((b) => b.key === OWN_BLOCK_KEY);
  const block: Block = existing
    ? { ...existing, items: [...existing.items, item] }
    : {
        key: OWN_BLOCK_KEY,
        module: OWN_MODULE_KEY,
        title: { nl: 'Eigen vragen', en: 'Additional questions' },
        items: [item],
      };
  return [...ownBlocks.filter((b) => b.key !== OWN_BLOCK_KEY), block];
}

export function withoutOwnItem(ownBlocks: readonly Block[], key: string): Block[] {
  return ownBlocks
    .map((b) => ({ ...b, items: b.items.filter((i) => i.key !== key) }))
    .filter((b) => b.items.length > 0);
}
