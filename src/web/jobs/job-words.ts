import type { JobView } from '../../app/jobs/job-queries.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';

// How a job is described in words, the same on its page, in lists and in the live updates.

const KNOWN_KINDS = new Set(['address-import', 'letters', 'email-invitations', 'email-reminders', 'purge-personal-data', 'raw-responses-import']);

/** The kind in words; a kind this version has no words for is shown by its name. */
export function jobKindLabel(kind: string, t: Translate): string {
  return KNOWN_KINDS.has(kind) ? t(`jobs.kind.${kind}` as MessageKey) : kind;
}

export function jobStatusLabel(status: JobView['status'], t: Translate): string {
  return t(`jobs.status.${status}`);
}

/** "1.200 van 5.000", or "1.200 gedaan" when the total is not known. */
export function jobProgressText(job: Pick<JobView, 'progress' | 'total'>, t: Translate, language: Language): string {
  const done = formatNumber(language, job.progress);
  return job.total === null
    ? t('jobs.progress.countUnknown', { done })
    : t('jobs.progress.count', { done, total: formatNumber(language, job.total) });
}

export function jobIsActive(job: Pick<JobView, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** File sizes as people read them: "850 kB", "12,4 MB". */
export function fileSizeText(bytes: number, language: Language): string {
  if (bytes < 1000) return `${formatNumber(language, bytes)} B`;
  if (bytes < 1_000_000) return `${formatNumber(language, Math.round(bytes / 1000))} kB`;
  return `${formatNumber(language, bytes / 1_000_000, 1)} MB`;
}
