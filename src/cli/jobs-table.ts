import type { JobView } from '../app/jobs/job-queries.ts';

// The `jobs` command's output: one line per job, in columns, times in Dutch time.

const time = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

function at(date: Date | null): string {
  return date ? time.format(date) : '-';
}

export function jobsTable(jobs: readonly (JobView & { organisationSlug: string })[]): string {
  if (jobs.length === 0) return 'No jobs.';
  const header = ['created', 'organisation', 'kind', 'status', 'progress', 'started', 'finished', 'id'];
  const rows = jobs.map((job) => [
    at(job.createdAt),
    job.organisationSlug,
    job.kind,
    job.attempts > 1 ? `${job.status} (attempt ${job.attempts})` : job.status,
    job.total === null ? String(job.progress) : `${job.progress}/${job.total}`,
    at(job.startedAt),
    at(job.finishedAt),
    job.id,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const messages = jobs.filter((job) => job.status === 'failed' && job.message).map((job) => `  ${job.id}: ${job.message}`);
  return [line(header), ...rows.map(line), ...(messages.length ? ['', 'Failed:', ...messages] : [])].join('\n');
}
