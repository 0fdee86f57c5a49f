import type { JoinedBenchmark } from '../../app/benchmark/joined-benchmarks.ts';
import { textField } from '../form-field.ts';
import { html, type Html } from '../html.ts';
import { csrfField, describedBy, errorSummary, fieldError, invalid } from '../layout.ts';
import { formatDate, type Language } from '../i18n/translate.ts';
import { fileField, formPage, publicKeyFields, submitButton, type FormCtx } from './benchmark-forms.ts';

// The participant's pages: joining a benchmark with the organiser's public key, and per joined
// benchmark exporting the contribution of a closed round and importing the reference figures.

export interface JoinValues {
  readonly name: string;
  readonly year: string;
  readonly questionnaireVersion: string;
  readonly organiserKey: string;
}

export function joinForm(ctx: FormCtx, values: JoinValues, hasKey: boolean): Html {
  const { t, errors } = ctx;
  return formPage(ctx, {
    back: { href: '/benchmarks', label: t('benchmarkFiles.overview.title') },
    title: t('benchmarkFiles.join.title'),
    intro: t('benchmarkFiles.join.intro'),
    form: html`${hasKey ? '' : html`<div class="utrecht-alert utrecht-alert--warning" role="note"><p class="utrecht-paragraph">${t('benchmarkFiles.join.needKey')} <a class="utrecht-link" href="/benchmark-key">${t('benchmarkFiles.overview.key')}</a></p></div>`}
<form method="post" action="/benchmarks/join" enctype="multipart/form-data" novalidate>${csrfField(ctx.csrfToken)}
${textField(errors, 'name', t('benchmarkFiles.field.name'), values.name)}
${textField(errors, 'year', t('benchmarkFiles.field.year'), values.year, { hint: t('benchmarkFiles.field.yearHint'), width: 'ks-width-s', inputmode: 'numeric' })}
${textField(errors, 'questionnaireVersion', t('benchmarkFiles.field.version'), values.questionnaireVersion, { hint: t('benchmarkFiles.field.versionHint'), width: 'ks-width-m' })}
${publicKeyFields(ctx, 'organiserKey', t('benchmarkFiles.join.organiserKey'), values.organiserKey)}
${submitButton(t('benchmarkFiles.join.submit'))}
</form>`,
  });
}

export function joinedBenchmarkPage(ctx: FormCtx & { readonly language: Language }, joined: JoinedBenchmark, chosenRound = '', organiserKey = ''): Html {
  const { t, errors, language } = ctx;
  const { benchmark } = joined;
  const exportErrors = errors.filter((e) => e.field === 'round');
  const importErrors = errors.filter((e) => e.field === 'file');
  const exportForm = joined.rounds.length === 0
    ? html`<p class="utrecht-paragraph">${t('benchmarkFiles.participant.noRounds', { year: benchmark.year })}</p>`
    : html`<form method="get" action="/benchmarks/joined/${benchmark.id}/contribution.json">
<div class="utrecht-form-field ${exportErrors.length ? 'utrecht-form-field--invalid' : ''}">
  <label class="utrecht-form-label" for="round">${t('benchmarkFiles.participant.round')}</label>
  ${fieldError(errors, 'round')}
  <select class="utrecht-select utrecht-select--html-select" id="round" name="round" ${describedBy(errors, 'round')} ${invalid(errors, 'round')}>
    ${joined.rounds.map((r) => html`<option value="${r.id}" ${r.id === chosenRound ? 'selected' : ''}>${r.name}</option>`)}
  </select>
</div>
${submitButton(t('benchmarkFiles.participant.exportSubmit'))}
</form>`;
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/benchmarks">← ${t('benchmarkFiles.overview.title')}</a></p>
<h1 class="utrecht-heading-1">${benchmark.name} ${benchmark.year}</h1>
${errorSummary(t, errors)}
<p class="utrecht-paragraph">${t('benchmarkFiles.participant.intro', { version: benchmark.questionnaireVersion })}</p>
${joined.keyMatches ? '' : html`<div class="utrecht-alert utrecht-alert--warning" role="note"><div><p class="utrecht-paragraph">${t('benchmarkFiles.participant.keyMismatch')}</p>
<form method="post" action="/benchmarks/joined/${benchmark.id}/key">${csrfField(ctx.csrfToken)}<button class="utrecht-button utrecht-button--secondary-action" type="submit">${t('benchmarkFiles.participant.useKey')}</button></form></div></div>`}
<section aria-labelledby="export-title">
<h2 class="utrecht-heading-2" id="export-title">${t('benchmarkFiles.participant.export')}</h2>
<p class="utrecht-paragraph">${t('benchmarkFiles.participant.exportIntro', { year: benchmark.year })}</p>
${exportForm}
</section>
<section aria-labelledby="import-title">
<h2 class="utrecht-heading-2" id="import-title">${t('benchmarkFiles.participant.import')}</h2>
<p class="utrecht-paragraph" id="reference-status">${joined.reference
    ? t('benchmarkFiles.participant.referenceShown', { date: formatDate(language, joined.reference.importedAt), organisations: joined.reference.organisations })
    : t('benchmarkFiles.participant.referenceNone')}</p>
${joined.reference && joined.rounds.length ? html`<ul class="utrecht-unordered-list">${joined.rounds.map((r) => html`<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/rounds/${r.id}/report">${t('benchmarkFiles.participant.reportLink', { round: r.name })}</a></li>`)}</ul>` : ''}
<p class="utrecht-paragraph">${t('benchmarkFiles.participant.importIntro')}</p>
<form method="post" action="/benchmarks/joined/${benchmark.id}/reference" enctype="multipart/form-data" novalidate>${csrfField(ctx.csrfToken)}
${fileField(importErrors, 'file', t('benchmarkFiles.field.file'), t('benchmarkFiles.participant.fileHint'), '.json,application/json')}
${submitButton(t('benchmarkFiles.participant.importSubmit'))}
</form>
</section>
<section aria-labelledby="organiser-key-title">
<h2 class="utrecht-heading-2" id="organiser-key-title">${t('benchmarkFiles.participant.organiserKey')}</h2>
<p class="utrecht-paragraph">${t('benchmarkFiles.participant.organiserKeyIntro')}</p>
<form method="post" action="/benchmarks/joined/${benchmark.id}/organiser-key" enctype="multipart/form-data" novalidate>${csrfField(ctx.csrfToken)}
${publicKeyFields(ctx, 'organiserKey', t('benchmarkFiles.join.organiserKey'), organiserKey, 'organiserKeyFile')}
${submitButton(t('benchmarkFiles.participant.organiserKeySubmit'))}
</form>
</section>`;
}
