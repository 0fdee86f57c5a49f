import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../domain/questionnaire/canonical-json.ts';
import type { Questionnaire } from '../domain/questionnaire/questionnaire.ts';
import type { Tx } from './tenant-transaction.ts';

export interface QuestionnaireVersion {
  readonly id: string;
  readonly questionnaireId: string;
  readonly organisationId: string | null;
  readonly version: number;
  readonly definition: Questionnaire;
  readonly contentHash: string;
  readonly createdAt: Date;
}

export function contentHash(questionnaire: Questionnaire): string {
  return createHash('sha256').update(canonicalJson(questionnaire)).digest('hex');
}

const versionColumns = [
  'v.id',
  'v.questionnaire_id as questionnaireId',
  'v.organisation_id as organisationId',
  'v.version',
  'v.definition',
  'v.content_hash as contentHash',
  'v.created_at as createdAt',
] as const;

function toVersion(row: { definition: unknown } & Omit<QuestionnaireVersion, 'definition'>): QuestionnaireVersion {
  // Definitions are validated before they are stored; a version never changes afterwards.
  return { ...row, definition: row.definition as Questionnaire };
}

export async function getVersion(tx: Tx, id: string): Promise<QuestionnaireVersion | undefined> {
  const row = await tx
    .selectFrom('questionnaire_versions as v')
    .select(versionColumns)
    .where('v.id', '=', id)
    .executeTakeFirst();
  return row && toVersion(row);
}

export async function latestVersion(tx: Tx, questionnaireId: string): Promise<QuestionnaireVersion | undefined> {
  const row = await tx
    .selectFrom('questionnaire_versions as v')
    .select(versionColumns)
    .where('v.questionnaire_id', '=', questionnaireId)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toVersion(row);
}

export async function findQuestionnaireId(
  tx: Tx,
  organisationId: string | null,
  key: string,
): Promise<string | undefined> {
  let query = tx.selectFrom('questionnaires').select('id').where('key', '=', key);
  query = organisationId === null
    ? query.where('organisation_id', 'is', null)
    : query.where('organisation_id', '=', organisationId);
  return (await query.executeTakeFirst())?.id;
}

/**
 * Stores a questionnaire definition as a new version unless the latest version already has the
 * same content. Versions are immutable (a trigger refuses updates), so a round keeps meaning.
 */
export async function saveQuestionnaireVersion(
  tx: Tx,
  owner: { organisationId: string | null; isStandard: boolean },
  questionnaire: Questionnaire,
): Promise<QuestionnaireVersion> {
  let questionnaireId = await findQuestionnaireId(tx, owner.organisationId, questionnaire.key);
  if (!questionnaireId) {
    questionnaireId = randomUUID();
    await tx
      .insertInto('questionnaires')
      .values({
        id: questionnaireId,
        organisation_id: owner.organisationId,
        key: questionnaire.key,
        title: JSON.stringify(questionnaire.title),
        is_standard: owner.isStandard,
      })
      .execute();
  }
  const latest = await latestVersion(tx, questionnaireId);
  const hash = contentHash(questionnaire);
  if (latest && latest.contentHash === hash) return latest;
  const version = {
    id: randomUUID(),
    questionnaireId,
    organisationId: owner.organisationId,
    version: (latest?.version ?? 0) + 1,
    definition: questionnaire,
    contentHash: hash,
    createdAt: new Date(),
  };
  await tx
    .insertInto('questionnaire_versions')
    .values({
      id: version.id,
      questionnaire_id: questionnaireId,
      organisation_id: owner.organisationId,
      version: version.version,
      definition: JSON.stringify(questionnaire),
      content_hash: hash,
    })
    .execute();
  return version;
}

export interface StandardVersionSummary {
  readonly id: string;
  readonly version: number;
  readonly key: string;
  readonly createdAt: Date;
}

export async function listStandardVersions(tx: Tx): Promise<StandardVersionSummary[]> {
  return tx
    .selectFrom('questionnaire_versions as v')
    .innerJoin('questionnaires as q', 'q.id', 'v.questionnaire_id')
    .select(['v.id', 'v.version', 'q.key', 'v.created_at as createdAt'])
    .where('q.is_standard', '=', true)
    .orderBy('v.version', 'desc')
    .execute();
}

// Versions never change, so the parsed definition (tens of kilobytes of JSON) is kept in memory
// after the first read. The cache is keyed by id and remembers the owner, so a hit is served
// only to that organisation (or, for the shared standard, to any): row-level security's rule.
const versionCache = new Map<string, QuestionnaireVersion>();
const VERSION_CACHE_LIMIT = 500;

export async function getVersionOf(
  tx: Tx,
  organisationId: string,
  id: string,
): Promise<QuestionnaireVersion | undefined> {
  const cached = versionCache.get(id);
  if (cached && (cached.organisationId === null || cached.organisationId === organisationId)) return cached;
  const version = await getVersion(tx, id);
  if (version) {
    if (versionCache.size >= VERSION_CACHE_LIMIT) versionCache.delete(versionCache.keys().next().value!);
    versionCache.set(id, version);
  }
  return version;
}
