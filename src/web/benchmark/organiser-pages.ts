import type { Benchmark } from '../../db/benchmark-store.ts';
import { SIZE_CLASS_KEYS } from '../../domain/benchmark/size-class.ts';
import { textField, radioField } from '../form-field.ts';
import { html, type Html } from '../html.ts';
import { csrfField } from '../layout.ts';
import { fileField, formPage, publicKeyFields, sizeClassLabel, sizeClassSelect, submitButton, type FormCtx } from './benchmark-forms.ts';

// The organiser's forms: a new benchmark, a participant registered by its public key, a
// contribution file to import, and the reference figures to download for one participant.

export interface NewBenchmarkValues {
  readonly name: string;
  readonly year: string;
  readonly questionnaireVersion: string;
}

export function newBenchmarkForm(ctx: FormCtx, values: NewBenchmarkValues): Html {
  const { t, errors } = ctx;
  return formPage(ctx, {
    back: { href: '/benchmarks', label: t('benchmarkFiles.overview.title') },
    title: t('benchmarkFiles.create.title'),
    intro: t('benchmarkFiles.create.intro'),
    form: html`<form method="post" action="/benchmarks/new" novalidate>${csrfField(ctx.csrfToken)}
${textField(errors, 'name', t('benchmarkFiles.field.name'), values.name)}
${textField(errors, 'year', t('benchmarkFiles.field.year'), values.year, { hint: t('benchmarkFiles.field.yearHint'), width: 'ks-width-s', inputmode: 'numeric' })}
${textField(errors, 'questionnaireVersion', t('benchmarkFiles.field.version'), values.questionnaireVersion, { hint: t('benchmarkFiles.field.versionHint'), width: 'ks-width-m' })}
${submitButton(t('benchmarkFiles.create.submit'))}
</form>`,
  });
}

export interface ParticipantValues {
  readonly participant: string;
  readonly publicKey: string;
  readonly consent: string;
  readonly sizeClass: string;
  readonly region: string;
}

export function registerParticipantForm(ctx: FormCtx, benchmark: Benchmark, values: ParticipantValues): Html {
  const { t, errors } = ctx;
  const name = `${benchmark.name} ${benchmark.year}`;
  return formPage(ctx, {
    back: { href: `/benchmarks/${benchmark.id}`, label: name },
    title: t('benchmarkFiles.register.title', { name }),
    intro: t('benchmarkFiles.register.intro'),
    form: html`<form method="post" action="/benchmarks/${benchmark.id}/participants/new" enctype="multipart/form-data" novalidate>${csrfField(ctx.csrfToken)}
${textField(errors, 'participant', t('benchmarkFiles.field.participant'), values.participant)}
${publicKeyFields(ctx, 'publicKey', t('benchmarkFiles.key.public'), values.publicKey)}
${radioField(errors, 'consent', t('benchmarkFiles.field.consent'), [
    { value: 'named', label: t('benchmarkFiles.consent.named') }, { value: 'anonymous', label: t('benchmarkFiles.consent.anonymous') },
  ], values.consent)}
${sizeClassSelect(ctx, 'sizeClass', values.sizeClass)}
${textField(errors, 'region', t('benchmarkFiles.field.region'), values.region, { width: 'ks-width-m' })}
${submitButton(t('benchmarkFiles.register.submit'))}
</form>`,
  });
}

export function contributionUploadForm(ctx: FormCtx, benchmark: Benchmark): Html {
  const { t, errors } = ctx;
  const name = `${benchmark.name} ${benchmark.year}`;
  return formPage(ctx, {
    back: { href: `/benchmarks/${benchmark.id}`, label: name },
    title: t('benchmarkFiles.contribution.title', { name }),
    intro: t('benchmarkFiles.contribution.intro'),
    form: html`<form method="post" action="/benchmarks/${benchmark.id}/contributions/new" enctype="multipart/form-data" novalidate>${csrfField(ctx.csrfToken)}
${fileField(errors, 'file', t('benchmarkFiles.field.file'), t('benchmarkFiles.contribution.fileHint'), '.json,application/json')}
${submitButton(t('benchmarkFiles.contribution.submit'))}
</form>`,
  });
}

export interface ReferenceChoice {
  readonly sizeClasses: readonly string[];
  readonly regions: readonly string[];
}

/** A GET form: downloading changes nothing, and the choice stays in the address to repeat it. */
export function referenceForm(ctx: FormCtx, benchmark: Benchmark, participant: { id: string; name: string }, regions: readonly string[], chosen: ReferenceChoice): Html {
  const { t } = ctx;
  const name = `${benchmark.name} ${benchmark.year}`;
  const checkboxes = (field: string, options: readonly { value: string; label: string }[], picked: readonly string[]) => html`<ul class="ks-code-list">${options.map((option, index) => html`<li><input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="${field}-${index}" name="${field}" value="${option.value}" ${picked.includes(option.value) ? 'checked' : ''}>
<label class="utrecht-form-label utrecht-form-label--checkbox" for="${field}-${index}">${option.label}</label></li>`)}</ul>`;
  return formPage(ctx, {
    back: { href: `/benchmarks/${benchmark.id}`, label: name },
    title: t('benchmarkFiles.reference.title', { participant: participant.name }),
    intro: t('benchmarkFiles.reference.intro', { participant: participant.name }),
    form: html`<form method="get" action="/benchmarks/${benchmark.id}/participants/${participant.id}/reference.json">
<fieldset class="utrecht-form-fieldset" aria-describedby="filter-hint">
<legend class="utrecht-form-fieldset__legend">${t('benchmarkFiles.reference.filter')}</legend>
<p class="utrecht-form-field-description" id="filter-hint">${t('benchmarkFiles.reference.filterHint')}</p>
<fieldset class="utrecht-form-fieldset" id="sizeClass"><legend class="utrecht-form-fieldset__legend">${t('benchmarkFiles.reference.sizeClasses')}</legend>
${checkboxes('sizeClass', SIZE_CLASS_KEYS.map((key) => ({ value: key, label: sizeClassLabel(key) })), chosen.sizeClasses)}</fieldset>
${regions.length ? html`<fieldset class="utrecht-form-fieldset" id="region"><legend class="utrecht-form-fieldset__legend">${t('benchmarkFiles.reference.regions')}</legend>
${checkboxes('region', regions.map((region) => ({ value: region, label: region })), chosen.regions)}</fieldset>` : ''}
</fieldset>
${submitButton(t('benchmarkFiles.reference.submit'))}
</form>`,
  });
}

export function participantKeyForm(ctx: FormCtx, benchmark: Benchmark, participant: { id: string; name: string }, pasted: string): Html {
  const { t } = ctx;
  return formPage(ctx, {
    back: { href: `/benchmarks/${benchmark.id}`, label: `${benchmark.name} ${benchmark.year}` },
    title: t('benchmarkFiles.participantKey.title', { participant: participant.name }),
    intro: t('benchmarkFiles.participantKey.intro'),
    form: html`<form method="post" action="/benchmarks/${benchmark.id}/participants/${participant.id}/key" enctype="multipart/form-data" novalidate>${csrfField(ctx.csrfToken)}
${publicKeyFields(ctx, 'publicKey', t('benchmarkFiles.key.public'), pasted)}
${submitButton(t('benchmarkFiles.participantKey.submit'))}
</form>`,
  });
}
