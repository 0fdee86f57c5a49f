import type { Kysely } from 'kysely';
import { deleteTemplate, listTemplates, saveTemplate, type MessageTemplate } from '../../db/message-template-store.ts';
import { getRound } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { checkTemplate, type TemplateValues } from '../../domain/fieldwork/fill-template.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { defaultEmailText, EMAIL_LANGUAGES, EMAIL_TEMPLATE_KINDS, type EmailLanguage, type EmailTemplateKind, type EmailText } from './default-email-templates.ts';
import { fullName, salutation, writtenDate } from './compose-email.ts';

// E-mail texts per round, kind and language: the round's own text, else the built-in one (Dutch
// and English), else Dutch. A person gets the e-mail in their language when there is a text for
// it, otherwise in Dutch.

export type TemplateSource = 'own' | 'default' | 'dutch';

export interface EmailTemplateView extends EmailText {
  readonly kind: EmailTemplateKind;
  readonly language: EmailLanguage;
  readonly source: TemplateSource;
}

/** The text used for this language, and the language it is actually in. */
export function resolveEmailText(stored: readonly MessageTemplate[], kind: EmailTemplateKind, language: string): { language: string; text: EmailText } {
  const own = stored.find((t) => t.kind === kind && t.language === language);
  if (own) return { language, text: own };
  const builtIn = defaultEmailText(kind, language);
  if (builtIn) return { language, text: builtIn };
  const dutch = stored.find((t) => t.kind === kind && t.language === 'nl');
  return { language: 'nl', text: dutch ?? defaultEmailText(kind, 'nl')! };
}

export async function storedEmailTemplates(db: Kysely<DB>, organisationId: string, roundId: string): Promise<MessageTemplate[]> {
  return withTenant(db, organisationId, (tx) => listTemplates(tx, roundId, EMAIL_TEMPLATE_KINDS));
}

export function templateViews(stored: readonly MessageTemplate[]): EmailTemplateView[] {
  return EMAIL_TEMPLATE_KINDS.flatMap((kind) =>
    EMAIL_LANGUAGES.map((language) => {
      const resolved = resolveEmailText(stored, kind, language);
      const own = stored.some((t) => t.kind === kind && t.language === language);
      const source: TemplateSource = own ? 'own' : resolved.language === language ? 'default' : 'dutch';
      return { kind, language, source, subject: resolved.text.subject, body: resolved.text.body };
    }));
}

export type TemplateProblem =
  | { readonly field: 'subject' | 'body'; readonly problem: 'unknown' | 'unclosed'; readonly placeholder: string }
  | { readonly field: 'subject' | 'body'; readonly problem: 'missing' | 'too-long' }
  | { readonly field: 'body'; readonly problem: 'no-link' | 'no-opt-out' };

const MAX_SUBJECT = 200;
const MAX_BODY = 20_000;

/** Problems with a text before it is saved; the names of unknown placeholders are reported. */
export function checkEmailText(text: EmailText): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    const value = text[field];
    if (!value.trim()) problems.push({ field, problem: 'missing' });
    else if (value.length > (field === 'subject' ? MAX_SUBJECT : MAX_BODY)) problems.push({ field, problem: 'too-long' });
    for (const p of checkTemplate(value)) problems.push({ field, problem: p.kind, placeholder: p.placeholder });
  }
  if (text.body.trim()) {
    if (!text.body.includes('{link}') && !text.body.includes('{code}')) problems.push({ field: 'body', problem: 'no-link' });
    if (!text.body.includes('{afmeldlink}')) problems.push({ field: 'body', problem: 'no-opt-out' });
  }
  return problems;
}

/**
 * Saves a round's own text for one kind and language. Both fields empty removes it, so the
 * built-in text (or Dutch) is used again.
 */
export async function saveEmailTemplate(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; kind: EmailTemplateKind; language: EmailLanguage; subject: string; body: string },
): Promise<Result<'saved' | 'reset', TemplateProblem[] | 'not-found'>> {
  const subject = input.subject.replace(/[\r\n]+/g, ' ').trim();
  const body = input.body.replace(/\r\n/g, '\n').trim();
  const reset = subject === '' && body === '';
  const problems = reset ? [] : checkEmailText({ subject, body });
  if (problems.length > 0) return err(problems);
  return withTenant(db, input.organisationId, async (tx) => {
    if (!(await getRound(tx, input.organisationId, input.roundId))) return err('not-found' as const);
    if (reset) {
      await deleteTemplate(tx, input.roundId, input.kind, input.language);
      return ok('reset' as const);
    }
    await saveTemplate(tx, { organisationId: input.organisationId, roundId: input.roundId, kind: input.kind, language: input.language, subject, body });
    return ok('saved' as const);
  });
}

/** Values for the preview: an invented person and code, the real organisation and round. */
export function exampleValues(input: { language: string; publicUrl: string; organisationName: string; roundName: string; fieldworkEnd: string | null }): TemplateValues {
  const base = input.publicUrl.replace(/\/+$/, '');
  const person = { initials: 'J.', prefix: 'de', surname: 'Vries' };
  return {
    aanhef: salutation(input.language, person),
    naam: fullName(person),
    code: 'ABCD-EFGH-JK2M',
    link: `${base}/r/ABCDEFGHJK2M`,
    webadres: `${base}/r`,
    organisatie: input.organisationName,
    ronde: input.roundName,
    einddatum: writtenDate(input.language, input.fieldworkEnd) || writtenDate(input.language, '2026-12-31'),
    afmeldlink: `${base}/afmelden/voorbeeld`,
  };
}
