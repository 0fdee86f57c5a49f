// The method chapter of the report document: who was asked, how, how many answered, how
// precise the figures are, and which rules and tests the report uses, in plain words.

import type { ReportDocumentData } from '../../app/report-document.ts';
import { describeShare } from '../../domain/statistics/describe-share.ts';
import { html, type Html, type Printable } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import { formatPercent } from '../charts/figure-format.ts';

interface Ctx {
  readonly t: Translate;
  readonly language: Language;
}

const p = (text: Printable) => html`<p>${text}</p>`;

function invitations(ctx: Ctx, data: ReportDocumentData): Html[] {
  const { t, language } = ctx;
  const { method, round } = data;
  const n = (value: number) => formatNumber(language, value);
  const out: Html[] = [];
  if (method.sample) {
    const population = { population: n(method.sample.population), size: n(method.sample.size), group: round.targetGroup };
    out.push(p(method.sample.method === 'all' ? t('doc.method.sampleAll', population) : t(`doc.method.sample.${method.sample.method}`, population)));
  } else if (round.access === 'codes') {
    out.push(p(t('doc.method.noSample')));
  }
  if (round.access === 'open') return [...out, p(t('doc.method.open'))];
  const { letters, emails } = method;
  if (letters.invitations + letters.reminders > 0) out.push(p(t('doc.method.letters', { invitations: n(letters.invitations), reminders: n(letters.reminders) })));
  if (emails.invitations + emails.reminders + emails.failed > 0) {
    out.push(p(t('doc.method.emails', { invitations: n(emails.invitations), reminders: n(emails.reminders), bounced: n(emails.bounced), failed: n(emails.failed) })));
  }
  out.push(p(t('doc.method.codes', { issued: n(method.codesIssued), delivered: n(method.codesDelivered) })));
  return out;
}

function response(ctx: Ctx, data: ReportDocumentData): Html[] {
  const { t, language } = ctx;
  const { report, method, round } = data;
  const n = (value: number) => formatNumber(language, value);
  const channels = ['web', 'paper', 'phone']
    .filter((c) => (method.completedByChannel.get(c) ?? 0) > 0)
    .map((c) => t(`doc.method.channel.${c}` as 'doc.method.channel.web', { count: n(method.completedByChannel.get(c)!) }));
  const out = [p(t('doc.method.completed', { completed: n(report.completed) }) + (channels.length ? ` ${t('doc.method.channels', { list: channels.join(', ') })}` : ''))];
  if (report.responseRate !== null && report.delivered !== null) {
    out.push(p(t('doc.method.rate', { rate: formatPercent(language, report.responseRate), completed: n(report.completed), delivered: n(report.delivered) })));
  }
  const start = round.fieldworkStart ? formatDate(language, round.fieldworkStart) : null;
  const end = round.fieldworkEnd ? formatDate(language, round.fieldworkEnd) : null;
  if (start && end) out.push(p(t('doc.method.fieldwork', { start, end })));
  else if (start) out.push(p(t('doc.method.fieldworkFrom', { start })));
  if (report.provisional) out.push(p(t('doc.method.provisional')));
  return out;
}

function margins(ctx: Ctx, data: ReportDocumentData): Html[] {
  const { t, language } = ctx;
  const { report } = data;
  const out: Html[] = [];
  const overall = report.overall;
  if (overall?.figure?.ci) {
    const { lower, upper } = overall.figure.ci;
    out.push(p(t('doc.method.marginMark', {
      mark: formatNumber(language, overall.figure.value, 1), n: formatNumber(language, overall.n),
      lower: formatNumber(language, lower, 1), upper: formatNumber(language, upper, 1),
      margin: formatNumber(language, (upper - lower) / 2, 1),
    })));
  }
  // The widest interval a percentage over all respondents can have is at 50 %.
  const half = report.completed >= report.thresholds.hideBelow ? describeShare(Math.round(report.completed / 2), report.completed) : null;
  if (half?.ci) {
    out.push(p(t('doc.method.marginShare', { n: formatNumber(language, report.completed), margin: formatNumber(language, (100 * (half.ci.upper - half.ci.lower)) / 2, 0) })));
  }
  out.push(p(t('report.method.interval')));
  return out;
}

function rules(ctx: Ctx, data: ReportDocumentData): Html[] {
  const { t } = ctx;
  const { report } = data;
  const out = [
    p(t('report.method.thresholds', { hide: report.thresholds.hideBelow, indicative: report.thresholds.indicativeBelow })),
    p(t('report.method.notApplicable')),
  ];
  if (report.previousRound || report.referenceGroup) {
    out.push(p(t('report.method.tests')));
    if (report.previousRound?.fromReport) out.push(p(t('report.method.fromReport', { previous: report.previousRound.name })));
    out.push(p(t('doc.method.holm', { count: report.holmTests })));
  }
  if (report.referenceGroup) out.push(p(t('doc.method.reference', { year: report.referenceGroup.year, min: report.referenceGroup.minOrganisations })));
  return out;
}

export function methodChapter(ctx: Ctx, data: ReportDocumentData): Html {
  const { t } = ctx;
  return html`<section class="ks-doc__chapter" aria-labelledby="method">
<h2 id="method">${t('doc.method.title')}</h2>
<h3>${t('doc.method.who')}</h3>
${invitations(ctx, data)}
<h3>${t('doc.method.response')}</h3>
${response(ctx, data)}
<h3>${t('doc.method.precision')}</h3>
${margins(ctx, data)}
<h3>${t('doc.method.rules')}</h3>
${rules(ctx, data)}
</section>`;
}
