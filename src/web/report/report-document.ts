// The report as one HTML document: cover, summary in plain words, method, a chapter per module
// with charts and their tables, and an appendix with every item's figures. The same HTML is
// the page /rounds/:id/report/document and, printed by Chromium, the A4 PDF. Plus and
// improvement points (open answers) get a chapter once they are coded (issue #8); the position
// in a benchmark gets one once reference figures are imported.

import fs from 'node:fs';
import path from 'node:path';
import type { ReportDocumentData } from '../../app/report-document.ts';
import { summaryInputFromReport, writeSummary } from '../../domain/report/write-summary.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { escapeHtml, html, trusted, type Html } from '../html.ts';
import { formatDate, formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import type { PrintOptions } from '../paper/pdf-printer.ts';
import { benchmarkSection } from '../research/benchmark-section.ts';
import { studiesSection } from '../qualitative/study-chapter-section.ts';
import { moduleTable } from '../research/report-page.ts';
import { methodChapter } from './method-chapter.ts';
import { marksChart, moduleCharts, overallTrendChart, type ChartContext } from './report-charts.ts';

const assets = path.resolve(import.meta.dirname, '../assets');
// Chart rules come from the screen's stylesheet, so charts look the same everywhere.
const STYLES = ['report.css', 'report-document.css'].map((file) => fs.readFileSync(path.join(assets, file), 'utf8')).join('\n')
  .replace(/var\(--ks-muted\)/g, '#4b5563').replace(/var\(--ks-border\)/g, '#c6cbd3');

export interface ReportDocumentInput {
  readonly data: ReportDocumentData;
  readonly organisationName: string;
  readonly t: Translate;
  readonly language: Language;
  /** The date printed on the cover. */
  readonly date: Date;
  /**
   * Links at the top of the screen version, which also loads its stylesheets from /assets (the
   * page's content security policy allows no inline style); the PDF has no links and carries
   * its styles inline, because Chromium prints it without fetching anything.
   */
  readonly screenLinks: { readonly back: string; readonly pdf: string; readonly otherLanguage: string } | null;
}

function cover(input: ReportDocumentInput): Html {
  const { t, language, data } = input;
  return html`<header class="ks-doc__cover">
<p class="ks-doc__org">${input.organisationName}</p>
<h1>${t('doc.cover.title', { year: data.round.year })}</h1>
${data.round.name !== t('doc.cover.title', { year: data.round.year }) ? html`<p class="ks-doc__subtitle">${data.round.name}</p>` : ''}
<p>${t('doc.cover.date', { date: formatDate(language, input.date) })}</p>
${data.report.provisional ? html`<p class="ks-doc__provisional">${t('doc.cover.provisional')}</p>` : ''}
</header>`;
}

function summary(input: ReportDocumentInput, chartCtx: ChartContext): Html {
  const { t, language, data } = input;
  const paragraphs = writeSummary(summaryInputFromReport(data.report, language, data.round.year));
  const charts = data.report.completed > 0
    ? [marksChart(chartCtx, data.report), overallTrendChart(chartCtx, data.report, input.organisationName)]
    : [];
  return html`<section class="ks-doc__chapter ks-doc__summary" aria-labelledby="summary">
<h2 id="summary">${t('doc.summary.title')}</h2>
${paragraphs.map((sentences) => html`<p>${sentences.join(' ')}</p>`)}
${charts}
</section>`;
}

function moduleChapter(input: ReportDocumentInput, chartCtx: ChartContext, index: number): Html {
  const { t, language, data } = input;
  const module = data.report.modules[index]!;
  const charts = moduleCharts(chartCtx, module, data.report, data.agreement);
  const marks = module.items.filter((item) => item.type === 'mark');
  const id = `chapter-${module.key}`;
  return html`<section class="ks-doc__chapter" aria-labelledby="${id}">
<h2 id="${id}">${localize(module.title, language)}</h2>
${marks.map((item) => html`<p>${item.figure && item.nClass !== 'hidden'
    ? t(item.nClass === 'indicative' ? 'doc.module.markIndicative' : 'doc.module.mark', { question: localize(item.text, language), mark: formatNumber(language, item.figure.value, 1), n: formatNumber(language, item.n) })
    : t('doc.module.markHidden', { question: localize(item.text, language) })}</p>`)}
${charts.length ? charts : html`<p>${t('doc.module.noCharts')}</p>`}
<p>${t('doc.module.appendix')}</p>
</section>`;
}

function appendix(input: ReportDocumentInput): Html {
  const { t, language, data } = input;
  const withPrevious = data.report.previousRound !== null;
  return html`<section class="ks-doc__chapter" aria-labelledby="appendix">
<h2 id="appendix">${t('doc.appendix.title')}</h2>
<p>${t('doc.appendix.intro')}</p>
${data.report.modules.map((m) => moduleTable({ t, language }, m, withPrevious, [], { level: 3, idPrefix: 'appendix' }))}
</section>`;
}

export function reportDocumentHtml(input: ReportDocumentInput): string {
  const { t, language, data } = input;
  const chartCtx: ChartContext = { t, language, tableDisplay: 'open', idPrefix: 'doc' };
  const links = input.screenLinks;
  const hasAnswers = data.report.completed > 0;
  return html`<!doctype html>
<html lang="${language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('doc.title', { name: data.round.name, organisation: input.organisationName })}</title>
${links ? html`<link rel="stylesheet" href="/assets/report.css"><link rel="stylesheet" href="/assets/report-document.css">` : html`<style>${trusted(STYLES)}</style>`}
</head>
<body class="ks-doc">
${links ? html`<nav class="ks-doc__tools" aria-label="${t('doc.tools')}"><ul>
<li><a href="${links.back}">← ${t('doc.back')}</a></li>
<li><a href="${links.pdf}">${t('doc.link.pdf')}</a></li>
<li><a href="${links.otherLanguage}" lang="${language === 'nl' ? 'en' : 'nl'}">${language === 'nl' ? 'English version' : 'Nederlandse versie'}</a></li>
</ul></nav>` : ''}
<main>
${cover(input)}
${summary(input, chartCtx)}
${methodChapter({ t, language }, data)}
${hasAnswers ? data.report.modules.map((_, index) => moduleChapter(input, chartCtx, index)) : ''}
${data.benchmarks.length > 0 ? benchmarkSection({ t, language }, data.benchmarks, data.report, true) : ''}
${studiesSection(data.studies, { t, language })}
${hasAnswers ? appendix(input) : ''}
</main>
</body>
</html>`.value;
}

const FONT = "font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 8.5pt; color: #333;";

/** Page numbers and the report's name at the foot of every page but the cover's content. */
export function reportPrintOptions(input: Pick<ReportDocumentInput, 't' | 'organisationName' | 'data'>): PrintOptions {
  const pageText = escapeHtml(input.t('doc.page', { page: '\u0001', pages: '\u0002' }))
    .replace('\u0001', '<span class="pageNumber"></span>')
    .replace('\u0002', '<span class="totalPages"></span>');
  const footer = `<div style="${FONT} width: 100%; margin: 0 18mm; display: flex; justify-content: space-between;"><span>${escapeHtml(`${input.organisationName} · ${input.data.round.name}`)}${input.data.report.provisional ? escapeHtml(` · ${input.t('doc.cover.provisional')}`) : ''}</span><span>${pageText}</span></div>`;
  return { headerTemplate: '<div></div>', footerTemplate: footer, margin: { top: '16mm', bottom: '18mm', left: '18mm', right: '18mm' } };
}
