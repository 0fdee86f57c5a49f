import type { FieldworkOverview } from '../../app/fieldwork-overview.ts';
import type { Round } from '../../db/round-store.ts';
import { html, type Html } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';

interface Step {
  readonly href: string;
  readonly label: string;
  readonly status: string;
  readonly designersOnly: boolean;
}

/** The steps of fieldwork in order, each with where it stands. */
export function fieldworkPage(round: Round, overview: FieldworkOverview, props: { t: Translate; language: Language; canDesign: boolean }): Html {
  const { t, language } = props;
  const n = (value: number): string => formatNumber(language, value);
  const c = overview.counts;
  const completed = c.completed.web + c.completed.paper + c.completed.phone;
  const { retention } = overview;
  const retentionStatus = retention.purgedAt
    ? t('fieldwork.status.purged', { date: formatDate(language, retention.purgedAt) })
    : retention.purgeDueOn
      ? t('fieldwork.status.purgeDue', { date: formatDate(language, retention.purgeDueOn) })
      : t('fieldwork.status.purgeAfter', { days: retention.purgeAfterDays });
  const base = `/rounds/${round.id}`;
  const codeSteps: Step[] = round.access === 'codes'
    ? [
        { href: `${base}/addresses`, label: t('fieldwork.step.addresses'), designersOnly: true,
          status: overview.held.invitees > 0 ? t('fieldwork.status.invitees', { count: n(overview.held.invitees) }) : t('fieldwork.status.noInvitees') },
        { href: `${base}/sample`, label: t('fieldwork.step.sample'), designersOnly: true,
          status: overview.sampleSize === undefined ? t('fieldwork.status.noSample') : t('fieldwork.status.sample', { count: n(overview.sampleSize) }) },
        { href: `${base}/letters`, label: t('fieldwork.step.letters'), designersOnly: true, status: t('fieldwork.status.letters', { count: n(c.lettersSent) }) },
        { href: `${base}/email`, label: t('fieldwork.step.email'), designersOnly: true, status: t('fieldwork.status.emails', { count: n(c.emailsSent) }) },
        { href: `${base}/entry`, label: t('fieldwork.step.paper'), designersOnly: true, status: t('monitor.channel.paper') + ': ' + n(c.completed.paper) },
      ]
    : [];
  const steps: Step[] = [
    ...codeSteps,
    { href: `${base}/monitor`, label: t('fieldwork.step.monitor'), designersOnly: false, status: t('fieldwork.status.completed', { count: n(completed) }) },
    ...(round.access === 'codes'
      ? [{ href: `${base}/retention`, label: t('fieldwork.step.retention'), designersOnly: true, status: retentionStatus }]
      : []),
  ].filter((step) => props.canDesign || !step.designersOnly);
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${base}">← ${round.name}</a></p>
<h1 class="utrecht-heading-1">${t('fieldwork.title', { name: round.name })}</h1>
<p class="utrecht-paragraph">${t('fieldwork.intro')}</p>
<h2 class="utrecht-heading-2">${t('fieldwork.steps')}</h2>
<ol class="ks-steps">${steps.map((step) => html`<li>
<a class="utrecht-link" href="${step.href}">${step.label}</a>
<p class="utrecht-paragraph ks-muted">${step.status}</p>
</li>`)}</ol>`;
}
