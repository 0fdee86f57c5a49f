// The file format of a questionnaire (JSON): the model types with defaults, strict objects so a
// misspelt field is reported instead of silently ignored, and size caps so a hostile file cannot
// make the server do unbounded work. Rules that span several fields live in validate-questionnaire.ts.

import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';
import { MAX_CONDITION_LENGTH } from './condition-parser.ts';
import type { Questionnaire } from './questionnaire.ts';
import { issuesFromZod, type QuestionnaireIssue, type SchemaMessageKey } from './questionnaire-issue.ts';
import { validateQuestionnaire } from './validate-questionnaire.ts';

export type { QuestionnaireIssue } from './questionnaire-issue.ts';

export const ITEM_KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
/** Keys of the questionnaire, its blocks and modules. */
export const KEY_PATTERN = /^[a-z][a-z0-9_-]*$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}$/;
// Empty passes here so that an empty code gets only the clearer "must not be empty".
const TRIMMED = /^(?:\S(?:[\s\S]*\S)?)?$/;

export const QUESTIONNAIRE_LIMITS = {
  /** Items in the whole questionnaire. */
  items: 500,
  /** Items on one page; also bounds the work before the total is checked. */
  itemsPerBlock: 100,
  blocks: 100,
  modules: 30,
  options: 100,
  languages: 20,
  text: 2000,
  key: 100,
  optionCode: 100,
  openMaxLength: 10_000,
} as const;

const message = (key: SchemaMessageKey): { error: string } => ({ error: key });

const localizedText = z
  .record(z.string().regex(LANGUAGE_PATTERN), z.string().min(1).max(QUESTIONNAIRE_LIMITS.text))
  .refine((text) => Object.keys(text).length <= QUESTIONNAIRE_LIMITS.languages, message('tooManyLanguages'));

const key = z.string().max(QUESTIONNAIRE_LIMITS.key).regex(KEY_PATTERN, message('key'));

const option = z.strictObject({
  code: z.string().min(1).max(QUESTIONNAIRE_LIMITS.optionCode).regex(TRIMMED, message('optionCode')),
  label: localizedText,
});
const options = z.array(option).min(2).max(QUESTIONNAIRE_LIMITS.options);

const itemBase = {
  key: z.string().max(QUESTIONNAIRE_LIMITS.key).regex(ITEM_KEY_PATTERN, message('itemKey')),
  text: localizedText,
  help: localizedText.optional(),
  allowNotApplicable: z.boolean().default(false),
  required: z.boolean().default(false),
  showIf: z.string().max(MAX_CONDITION_LENGTH).optional(),
  standard: z.boolean().default(false),
};

const item = z.discriminatedUnion('type', [
  z.strictObject({ ...itemBase, type: z.literal('mark') }),
  z.strictObject({ ...itemBase, type: z.literal('agree5') }),
  z.strictObject({ ...itemBase, type: z.literal('yesno') }),
  z.strictObject({ ...itemBase, type: z.literal('single'), options }),
  z.strictObject({ ...itemBase, type: z.literal('multi'), options, maxChoices: z.number().int().min(1).optional() }),
  z.strictObject({
    ...itemBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
  }),
  z.strictObject({
    ...itemBase,
    type: z.literal('open'),
    maxLength: z.number().int().min(1).max(QUESTIONNAIRE_LIMITS.openMaxLength).default(2000),
  }),
]);

const block = z.strictObject({
  key,
  module: key,
  title: localizedText,
  intro: localizedText.optional(),
  showIf: z.string().max(MAX_CONDITION_LENGTH).optional(),
  items: z.array(item).min(1).max(QUESTIONNAIRE_LIMITS.itemsPerBlock),
});

const module = z.strictObject({
  key,
  title: localizedText,
  required: z.boolean().default(false),
});

export const questionnaireSchema = z.strictObject({
  key,
  title: localizedText,
  languages: z.array(z.string().regex(LANGUAGE_PATTERN, message('language'))).min(1).max(QUESTIONNAIRE_LIMITS.languages),
  modules: z.array(module).min(1).max(QUESTIONNAIRE_LIMITS.modules),
  blocks: z
    .array(block)
    .min(1)
    .max(QUESTIONNAIRE_LIMITS.blocks)
    .refine(
      (blocks) => blocks.reduce((count, { items }) => count + items.length, 0) <= QUESTIONNAIRE_LIMITS.items,
      message('tooManyItems'),
    ),
});

/**
 * Validates a questionnaire file (already JSON-parsed; cap its size in bytes before parsing).
 * The shape is checked first and every shape problem is reported; the rules across fields
 * (unique keys, translations, routing) need a well-formed file and are reported once it is.
 */
export function parseQuestionnaire(input: unknown): Result<Questionnaire, QuestionnaireIssue[]> {
  const parsed = questionnaireSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return err(issuesFromZod(parsed.error.issues));
  const questionnaire: Questionnaire = parsed.data;
  const issues = validateQuestionnaire(questionnaire);
  return issues.length === 0 ? ok(questionnaire) : err(issues);
}
