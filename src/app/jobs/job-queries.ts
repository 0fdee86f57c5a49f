import type { Kysely } from 'kysely';
import {
  findJob, findJobFile, jobFilePart, jobFilePartIds, jobFiles, jobsOfRound, recentJobs, recentJobsOfAllOrganisations,
  type JobFile, type JobView,
} from '../../db/job-store.ts';
import type { DB } from '../../db/schema.ts';
import { withSystem, withTenant } from '../../db/tenant-transaction.ts';

// What the pages and the CLI read about jobs. Tenant reads go through withTenant, so another
// organisation's job is simply not found.

export type { JobFile, JobView };

export async function jobWithFiles(
  db: Kysely<DB>, organisationId: string, jobId: string,
): Promise<{ job: JobView; files: JobFile[] } | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const job = await findJob(tx, organisationId, jobId);
    if (!job) return undefined;
    return { job, files: await jobFiles(tx, organisationId, jobId) };
  });
}

export async function jobSummary(db: Kysely<DB>, organisationId: string, jobId: string): Promise<JobView | undefined> {
  return withTenant(db, organisationId, (tx) => findJob(tx, organisationId, jobId));
}

export async function roundJobs(db: Kysely<DB>, organisationId: string, roundId: string, limit = 20): Promise<JobView[]> {
  return withTenant(db, organisationId, (tx) => jobsOfRound(tx, organisationId, roundId, limit));
}

export async function organisationJobs(db: Kysely<DB>, organisationId: string, limit = 20): Promise<JobView[]> {
  return withTenant(db, organisationId, (tx) => recentJobs(tx, organisationId, limit));
}

/** For the CLI: the latest jobs of every organisation. */
export async function allRecentJobs(db: Kysely<DB>, limit = 50): Promise<(JobView & { organisationSlug: string })[]> {
  return withSystem(db, (tx) => recentJobsOfAllOrganisations(tx, limit));
}

export interface JobDownload {
  readonly file: JobFile;
  /** The file's bytes, part after part; each part is read in its own short transaction. */
  readonly parts: AsyncIterable<Buffer>;
}

export async function jobDownload(
  db: Kysely<DB>, organisationId: string, jobId: string, fileId: string,
): Promise<JobDownload | undefined> {
  const found = await withTenant(db, organisationId, async (tx) => {
    const file = await findJobFile(tx, organisationId, jobId, fileId);
    return file ? { file, partIds: await jobFilePartIds(tx, organisationId, jobId, file.name) } : undefined;
  });
  if (!found) return undefined;
  async function* parts(): AsyncGenerator<Buffer> {
    for (const partId of found!.partIds) {
      const bytes = await withTenant(db, organisationId, (tx) => jobFilePart(tx, organisationId, partId));
      if (bytes) yield bytes;
    }
  }
  return { file: found.file, parts: parts() };
}
