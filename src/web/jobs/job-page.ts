import type { JobFile, JobView } from '../../app/jobs/job-queries.ts';
import { html, type Html } from '../html.ts';
import { formatDateTime, type Language, type Translate } from '../i18n/translate.ts';
import { csrfField } from '../layout.ts';
import { progressBar } from './job-summary-list.ts';
import { fileSizeText, jobIsActive, jobKindLabel, jobProgressText, jobStatusLabel } from './job-words.ts';

// The job page shows where a background task stands. While it runs, a small script polls
// progress.json and updates the page in place (no reload, so a screen reader keeps its place);
// without JavaScript the user can reload, or choose a page that reloads itself every 2 seconds.

export interface JobPageProps {
  readonly job: JobView;
  readonly files: readonly JobFile[];
  readonly canManage: boolean;
  readonly autoRefresh: boolean;
  readonly t: Translate;
  readonly language: Language;
}

function when(date: Date | null, t: Translate, language: Language): string {
  return date ? formatDateTime(language, date) : t('jobs.notYet');
}

export function jobTitle(job: JobView, t: Translate): string {
  return t('jobs.title', { kind: jobKindLabel(job.kind, t) });
}

export function jobPageBody({ job, files, canManage, autoRefresh, t, language }: JobPageProps): Html {
  const active = jobIsActive(job);
  const kind = jobKindLabel(job.kind, t);
  const back = job.roundId
    ? html`<a class="utrecht-link" href="/rounds/${job.roundId}">← ${t('jobs.back.round')}</a>`
    : html`<a class="utrecht-link" href="/rounds">← ${t('jobs.back.rounds')}</a>`;
  const ended = job.status === 'failed'
    ? html`<div class="utrecht-alert utrecht-alert--error"><p class="utrecht-paragraph">${t('jobs.failed.text')}</p></div>`
    : job.status === 'cancelled'
      ? html`<div class="utrecht-alert utrecht-alert--warning"><p class="utrecht-paragraph">${t('jobs.cancelled.text')}</p></div>`
      : '';
  const refresh = !active
    ? ''
    : autoRefresh
      ? html`<p class="utrecht-paragraph">${t('jobs.refresh.hint')} <a class="utrecht-link" href="/jobs/${job.id}">${t('jobs.refresh.stop')}</a></p>`
      : html`<p class="utrecht-paragraph" data-job-refresh><a class="utrecht-link" href="/jobs/${job.id}">${t('jobs.refresh')}</a> · <a class="utrecht-link" href="/jobs/${job.id}?refresh=2">${t('jobs.refresh.auto')}</a></p>`;
  return html`<p class="utrecht-paragraph">${back}</p>
<h1 class="utrecht-heading-1">${jobTitle(job, t)}</h1>
${ended}
${refresh}
<div class="ks-job" ${active && !autoRefresh ? html`data-job-poll="/jobs/${job.id}/progress.json"` : ''}>
<dl class="ks-facts">
  <dt>${t('rounds.col.status')}</dt><dd data-job-status>${jobStatusLabel(job.status, t)}</dd>
  <dt>${t('jobs.progress')}</dt><dd>${progressBar(job, t('jobs.progress.label', { kind }), 'job-progress')} <span data-job-count>${jobProgressText(job, t, language)}</span></dd>
  <dt>${t('jobs.message')}</dt><dd data-job-message>${job.message ?? '—'}</dd>
  <dt>${t('jobs.created')}</dt><dd>${formatDateTime(language, job.createdAt)}</dd>
  <dt>${t('jobs.started')}</dt><dd>${when(job.startedAt, t, language)}</dd>
  <dt>${t('jobs.finished')}</dt><dd>${when(job.finishedAt, t, language)}</dd>
  ${job.attempts > 1 ? html`<dt>${t('jobs.attempt')}</dt><dd>${job.attempts}</dd>` : ''}
</dl>
<p class="ks-visually-hidden" role="status" data-job-live data-job-finished-text="${t('jobs.live.finished')}"></p>
</div>
<h2 class="utrecht-heading-2">${t('jobs.files')}</h2>
${fileList(job, files, canManage, t, language)}
${canManage && active
    ? html`<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/jobs/${job.id}/cancel">${t('jobs.cancel')}</a></p>`
    : ''}
${active && !autoRefresh ? html`<script src="/jobs/job-progress.js" defer></script>` : ''}`;
}

function fileList(job: JobView, files: readonly JobFile[], canManage: boolean, t: Translate, language: Language): Html {
  if (files.length === 0) return html`<p class="utrecht-paragraph">${t('jobs.files.none')}</p>`;
  if (!canManage) {
    return html`<ul class="utrecht-unordered-list">${files.map((file) => html`<li>${file.name} (${fileSizeText(file.bytes, language)})</li>`)}</ul>
<p class="utrecht-paragraph">${t('jobs.files.designersOnly')}</p>`;
  }
  return html`<ul class="utrecht-unordered-list">${files.map(
    (file) => html`<li><a class="utrecht-link" href="/jobs/${job.id}/files/${file.id}" download>${t('jobs.files.download', { name: file.name, size: fileSizeText(file.bytes, language) })}</a></li>`,
  )}</ul>`;
}

export function cancelPageBody(job: JobView, csrfToken: string, t: Translate): Html {
  const active = jobIsActive(job);
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/jobs/${job.id}">← ${jobTitle(job, t)}</a></p>
<h1 class="utrecht-heading-1">${t('jobs.cancel.title')}</h1>
${active
    ? html`<p class="utrecht-paragraph">${t('jobs.cancel.text')}</p>
<form method="post" action="/jobs/${job.id}/cancel">${csrfField(csrfToken)}
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action" type="submit">${t('jobs.cancel.yes')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/jobs/${job.id}">${t('jobs.cancel.no')}</a></div></form>`
    : html`<div class="utrecht-alert utrecht-alert--error" role="alert"><p class="utrecht-paragraph">${t('jobs.cancel.ended')}</p></div>`}`;
}
