import type { Kysely } from 'kysely';
import type { LetterKind } from '../../db/letter-store.ts';
import { listTemplates, saveTemplate } from '../../db/message-template-store.ts';
import { getRound } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { checkTemplate, type TemplateProblem } from '../../domain/fieldwork/fill-template.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { defaultLetterText, type LetterText } from './default-letter-texts.ts';
import { LETTER_LANGUAGES, type LetterLanguage } from './letter-values.ts';

// The letter texts of a round, per kind and language, in message_templates (kinds
// letter-invitation and letter-reminder; the subject column holds the letter's subject line).

export const LETTER_KINDS: readonly LetterKind[] = ['invitation', 'reminder'];
const MAX_SUBJECT = 150;
const MAX_BODY = 4000;

export type LetterTexts = Record<LetterKind, Record<LetterLanguage, LetterText & { readonly custom: boolean }>>;

export async function letterTextsIn(tx: Tx, roundId: string): Promise<LetterTexts> {
  const stored = await listTemplates(tx, roundId, ['letter-invitation', 'letter-reminder']);
  const pick = (kind: LetterKind, language: LetterLanguage) => {
    const found = stored.find((t) => t.kind === `letter-${kind}` && t.language === language);
    return found ? { subject: found.subject, body: found.body, custom: true } : { ...defaultLetterText(kind, language), custom: false };
  };
  const texts = {} as Record<LetterKind, Record<LetterLanguage, LetterText & { custom: boolean }>>;
  for (const kind of LETTER_KINDS) {
    texts[kind] = { nl: pick(kind, 'nl'), en: pick(kind, 'en') };
  }
  return texts;
}

export function letterTextsOf(db: Kysely<DB>, organisationId: string, roundId: string): Promise<LetterTexts> {
  return withTenant(db, organisationId, (tx) => letterTextsIn(tx, roundId));
}

export interface LetterTextInput {
  readonly kind: LetterKind;
  readonly language: LetterLanguage;
  readonly subject: string;
  readonly body: string;
}

export type LetterTextProblem =
  | { readonly kind: LetterKind; readonly language: LetterLanguage; readonly field: 'subject' | 'body'; readonly problem: 'required' | 'too-long' }
  | { readonly kind: LetterKind; readonly language: LetterLanguage; readonly field: 'subject' | 'body'; readonly problem: 'placeholder'; readonly placeholders: readonly TemplateProblem[] }
  | { readonly kind: LetterKind; readonly language: LetterLanguage; readonly field: 'body'; readonly problem: 'too-long-for-page' };

/** Answers whether a letter with this text still fits on one A4 (the layout knows; web passes it in). */
export type FitsOnePage = (text: LetterTextInput) => Promise<boolean>;

/**
 * Saves every text, or none when one has a problem: an unknown or unclosed {placeholder}, an
 * empty field, or a text that no longer fits on one page.
 */
export async function changeLetterTexts(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; texts: readonly LetterTextInput[]; fitsOnePage: FitsOnePage },
): Promise<Result<void, LetterTextProblem[] | 'not-found'>> {
  const problems: LetterTextProblem[] = [];
  const cleaned = input.texts.map((text) => ({
    ...text,
    subject: text.subject.replace(/\s+/g, ' ').trim(),
    body: text.body.replace(/\r\n?/g, '\n').trim(),
  }));
  for (const text of cleaned) {
    const at = { kind: text.kind, language: text.language };
    for (const field of ['subject', 'body'] as const) {
      const value = text[field];
      const placeholders = checkTemplate(value);
      if (!value) problems.push({ ...at, field, problem: 'required' });
      else if (value.length > (field === 'subject' ? MAX_SUBJECT : MAX_BODY)) problems.push({ ...at, field, problem: 'too-long' });
      else if (placeholders.length) problems.push({ ...at, field, problem: 'placeholder', placeholders });
    }
  }
  if (problems.length === 0) {
    for (const text of cleaned) {
      if (!(await input.fitsOnePage(text))) problems.push({ kind: text.kind, language: text.language, field: 'body', problem: 'too-long-for-page' });
    }
  }
  if (problems.length) return err(problems);
  return withTenant(db, input.organisationId, async (tx) => {
    if (!(await getRound(tx, input.organisationId, input.roundId))) return err('not-found' as const);
    for (const text of cleaned) {
      if (!LETTER_LANGUAGES.includes(text.language)) continue;
      await saveTemplate(tx, {
        organisationId: input.organisationId, roundId: input.roundId, kind: `letter-${text.kind}`,
        language: text.language, subject: text.subject, body: text.body,
      });
    }
    return ok(undefined);
  });
}
