import type { TemplateKind } from './fieldwork-schema.ts';
import type { Tx } from './tenant-transaction.ts';

// E-mail and letter texts per round, kind and language (message_templates). Generic over the
// kind so the e-mail pages and the letters share it; defaults live with their callers.

export interface MessageTemplate {
  readonly kind: TemplateKind;
  readonly language: string;
  readonly subject: string;
  readonly body: string;
  readonly updatedAt: Date;
}

/** The stored template for one round, kind and language, if any. */
export async function getTemplate(tx: Tx, roundId: string, kind: TemplateKind, language: string): Promise<MessageTemplate | undefined> {
  return tx
    .selectFrom('message_templates')
    .select(['kind', 'language', 'subject', 'body', 'updated_at as updatedAt'])
    .where('round_id', '=', roundId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .executeTakeFirst();
}

/** Every stored template of a round for the given kinds, ordered by kind and language. */
export async function listTemplates(tx: Tx, roundId: string, kinds: readonly TemplateKind[]): Promise<MessageTemplate[]> {
  if (kinds.length === 0) return [];
  return tx
    .selectFrom('message_templates')
    .select(['kind', 'language', 'subject', 'body', 'updated_at as updatedAt'])
    .where('round_id', '=', roundId)
    .where('kind', 'in', [...kinds])
    .orderBy('kind')
    .orderBy('language')
    .execute();
}

export interface TemplateToSave {
  readonly organisationId: string;
  readonly roundId: string;
  readonly kind: TemplateKind;
  readonly language: string;
  /** Letters have no subject; pass '' (the column's default). */
  readonly subject: string;
  readonly body: string;
}

/** Inserts or replaces the template for its round, kind and language. */
export async function saveTemplate(tx: Tx, template: TemplateToSave): Promise<void> {
  await tx
    .insertInto('message_templates')
    .values({
      organisation_id: template.organisationId,
      round_id: template.roundId,
      kind: template.kind,
      language: template.language,
      subject: template.subject,
      body: template.body,
    })
    .onConflict((oc) =>
      oc.columns(['round_id', 'kind', 'language']).doUpdateSet({ subject: template.subject, body: template.body, updated_at: new Date() }))
    .execute();
}

/** Removes a language's template, so the default (or Dutch) is used again. */
export async function deleteTemplate(tx: Tx, roundId: string, kind: TemplateKind, language: string): Promise<void> {
  await tx
    .deleteFrom('message_templates')
    .where('round_id', '=', roundId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .execute();
}
