import type { Tx } from './tenant-transaction.ts';

/** Security-relevant actions. Details never hold personal data of respondents or passwords. */
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'user-added'
  | 'role-changed'
  | 'user-removed'
  | 'api-token-created'
  | 'round-created'
  | 'published-figures-imported'
  | 'raw-responses-imported'
  | 'questionnaire-imported'
  | 'round-updated'
  | 'round-status-changed'
  | 'export'
  | 'report-settings-changed'
  | 'personal-data-purged'
  | 'smtp-settings-changed'
  | 'job-cancelled'
  | 'weighting-changed'
  | 'second-factor-on'
  | 'second-factor-off'
  | 'second-factor-reset'
  | 'second-factor-failed'
  | 'council-advice-started'
  | 'council-advice-point-added'
  | 'council-advice-sent'
  | 'council-advice-response'
  | 'benchmark-key-generated'
  | 'deletion';

export interface AuditEntry {
  readonly organisationId: string | null;
  readonly userId: string | null;
  readonly action: AuditAction;
  readonly details?: Record<string, unknown>;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      organisation_id: entry.organisationId,
      user_id: entry.userId,
      action: entry.action,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditRow {
  readonly at: Date;
  readonly action: string;
  readonly userName: string | null;
  readonly details: unknown;
}

export async function listAudit(tx: Tx, organisationId: string, limit = 100): Promise<AuditRow[]> {
  return tx
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.at', 'a.action', 'u.name as userName', 'a.details'])
    .where('a.organisation_id', '=', organisationId)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}
