import type { JobView } from '../../app/jobs/job-queries.ts';
import { html, type Html } from '../html.ts';
import { formatDateTime, type Language, type Translate } from '../i18n/translate.ts';
import { jobKindLabel, jobProgressText, jobStatusLabel } from './job-words.ts';

/** A table of jobs (kind linking to its page, status, progress, created), for any staff page. */
export function jobSummaryList(jobs: readonly JobView[], t: Translate, language: Language): Html {
  if (jobs.length === 0) return html`<p class="utrecht-paragraph">${t('jobs.list.empty')}</p>`;
  return html`<div class="utrecht-table-container ks-scroll"><table class="utrecht-table utrecht-table--html-table ks-jobs">
<caption class="utrecht-table__caption ks-visually-hidden">${t('jobs.list.caption')}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="col">${t('jobs.list.kind')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('rounds.col.status')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('jobs.list.progress')}</th>
  <th class="utrecht-table__header-cell" scope="col">${t('jobs.list.created')}</th>
</tr></thead>
<tbody class="utrecht-table__body">${jobs.map((job) => {
    const kind = jobKindLabel(job.kind, t);
    return html`<tr class="utrecht-table__row">
  <th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="/jobs/${job.id}">${kind}</a></th>
  <td class="utrecht-table__cell">${jobStatusLabel(job.status, t)}</td>
  <td class="utrecht-table__cell">${progressBar(job, t('jobs.progress.label', { kind }))} <span>${jobProgressText(job, t, language)}</span></td>
  <td class="utrecht-table__cell">${formatDateTime(language, job.createdAt)}</td>
</tr>`;
  })}</tbody></table></div>`;
}

/** A native progress bar; without a total it is indeterminate until the job ends. */
export function progressBar(job: Pick<JobView, 'progress' | 'total' | 'status'>, label: string, id?: string): Html {
  const max = job.total ?? (job.status === 'done' ? Math.max(job.progress, 1) : null);
  const value = job.status === 'done' && job.total === null ? max : job.progress;
  return max === null
    ? html`<progress class="ks-progress" ${id ? html`id="${id}"` : ''} aria-label="${label}"></progress>`
    : html`<progress class="ks-progress" ${id ? html`id="${id}"` : ''} max="${Math.max(max, 1)}" value="${Math.min(value ?? 0, Math.max(max, 1))}" aria-label="${label}"></progress>`;
}
