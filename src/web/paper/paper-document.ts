import QRCode from 'qrcode';
import { paperRouting } from '../../domain/paper/paper-routing.ts';
import { itemsOf, localize, type AgreeItem, type Block, type Item, type Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { formatAccessCode } from '../../domain/access-code.ts';
import { escapeHtml, html, trusted, type Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';
import { agreeMatrix, paperQuestion, routeNote, type PaperContext } from './paper-question.ts';
import { skipText } from './paper-instructions.ts';
import { PAPER_MARGIN, PAPER_STYLES } from './paper-styles.ts';
import type { PrintOptions } from './pdf-printer.ts';

export interface PaperInput {
  readonly questionnaire: Questionnaire;
  readonly organisationName: string;
  readonly roundName: string;
  readonly t: Translate;
  readonly language: Language;
  /** Where respondents answer online, e.g. https://kto.example.nl/r */
  readonly entryUrl: string;
  /** Normalised access code, or undefined for a form with an empty code box. */
  readonly code: string | undefined;
}

export interface PaperDocument {
  readonly html: string;
  readonly print: PrintOptions;
}

/** Runs of agreement statements without their own routing become one grid. */
function blockBody(ctx: PaperContext, block: Block): Html[] {
  const parts: Html[] = [];
  let run: AgreeItem[] = [];
  const flush = () => {
    if (run.length >= 2) parts.push(agreeMatrix(ctx, run));
    else run.forEach((item) => parts.push(paperQuestion(ctx, item)));
    run = [];
  };
  for (const item of block.items) {
    if (item.type === 'agree5' && !item.showIf) {
      run.push(item);
      continue;
    }
    flush();
    parts.push(paperQuestion(ctx, item));
  }
  flush();
  return parts;
}

function howTo(input: PaperInput): Html {
  const { t } = input;
  const code = input.code ? formatAccessCode(input.code) : undefined;
  return html`<section class="howto">
<h2>${t('paper.howTo.title')}</h2>
<ul>
<li>${t('paper.howTo.pen')}</li>
<li>${t('paper.howTo.tick')} <span class="sample sample--ticked"></span></li>
<li>${t('paper.howTo.change')} <span class="sample sample--filled"></span></li>
<li>${t('paper.howTo.route')}</li>
<li>${t('paper.howTo.return')}</li>
</ul>
<p>${t('paper.anonymous')}</p>
<p>${code ? t('paper.onlineQr', { url: input.entryUrl, code }) : t('paper.online', { url: input.entryUrl })}</p>
</section>`;
}

/** The whole questionnaire as one printable HTML document. */
export function paperHtml(input: PaperInput): string {
  const { questionnaire, t, language } = input;
  const routing = paperRouting(questionnaire, language);
  const items = new Map<string, Item>(itemsOf(questionnaire).map((item) => [item.key, item]));
  const ctx: PaperContext = { t, language, routing, items };
  const blocks = questionnaire.blocks.filter((b) => b.items.length > 0).map((block) => {
    const skip = routing.blockSkips.get(block.key);
    return html`<section class="block">
<div class="block-head">
<h2>${localize(block.title, language)}</h2>
${skip ? routeNote(skipText(skip, items, t, language)) : ''}
${block.intro ? html`<p class="intro">${localize(block.intro, language)}</p>` : ''}
</div>
${blockBody(ctx, block)}
</section>`;
  });
  return html`<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${localize(questionnaire.title, language)}</title><style>${trusted(PAPER_STYLES)}</style></head>
<body>
<h1>${localize(questionnaire.title, language)}</h1>
<p class="sub">${input.organisationName} · ${input.roundName}</p>
${howTo(input)}
${blocks}
<p class="end">${t('paper.end')}</p>
</body>
</html>`.value;
}

const HEADER_FONT = "font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; color: #000; -webkit-print-color-adjust: exact;";

async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', '<svg width="19mm" height="19mm" ');
}

function emptyCodeBoxes(): Html {
  const cell = html`<span style="display:inline-block; width:5.6mm; height:7.5mm; border:0.3mm solid #000; margin-right:-0.3mm; background:#fff;"></span>`;
  const group = html`${[cell, cell, cell, cell]}`;
  return html`${group}<span style="padding:0 1mm;">-</span>${group}<span style="padding:0 1mm;">-</span>${group}`;
}

/**
 * Chromium's header and footer, printed on every page: the code (with a QR code to the online
 * form) or an empty code box, so a page that comes loose still belongs to its form.
 */
export async function paperPrintOptions(input: PaperInput): Promise<PrintOptions> {
  const { t } = input;
  const left = html`<span style="font-size:9pt; max-width:95mm;">${input.organisationName}<br>${input.roundName}</span>`;
  const right = input.code
    ? html`<span style="display:flex; align-items:center; gap:3mm;"><span style="text-align:right; font-size:9pt;">${t('paper.code')}<br><b style="font-size:13pt; letter-spacing:0.4pt; font-family:'DejaVu Sans Mono', monospace;">${formatAccessCode(input.code)}</b></span>${trusted(await qrSvg(`${input.entryUrl}/${input.code}`))}</span>`
    : html`<span style="display:flex; align-items:center; gap:2mm; font-size:9pt;"><span>${t('paper.codeEmpty')}</span><span style="display:flex; align-items:center;">${emptyCodeBoxes()}</span></span>`;
  const header = html`<div style="${HEADER_FONT} width:100%; margin:0 ${PAPER_MARGIN.left}; padding-top:5mm; display:flex; justify-content:space-between; align-items:center;">${left}${right}</div>`;
  const pageText = escapeHtml(t('paper.page', { page: '\u0001', pages: '\u0002' }))
    .replace('\u0001', '<span class="pageNumber"></span>')
    .replace('\u0002', '<span class="totalPages"></span>');
  const footer = html`<div style="${HEADER_FONT} width:100%; margin:0 ${PAPER_MARGIN.left}; font-size:9pt; display:flex; justify-content:space-between;"><span>${input.code ? formatAccessCode(input.code) : ''}</span><span>${trusted(pageText)}</span></div>`;
  return { headerTemplate: header.value, footerTemplate: footer.value, margin: { ...PAPER_MARGIN } };
}

export async function paperDocument(input: PaperInput): Promise<PaperDocument> {
  return { html: paperHtml(input), print: await paperPrintOptions(input) };
}
