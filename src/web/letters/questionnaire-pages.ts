import { PDFDocument, StandardFonts, rgb, type PDFEmbeddedPage, type PDFFont } from 'pdf-lib';
import QRCode from 'qrcode';
import type { LetterLanguage } from '../../app/letters/letter-values.ts';
import { formatAccessCode } from '../../domain/access-code.ts';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { html } from '../html.ts';
import { escapeHtml } from '../html.ts';
import { translator, type Translate } from '../i18n/translate.ts';
import { paperHtml } from '../paper/paper-document.ts';
import { PAPER_MARGIN } from '../paper/paper-styles.ts';
import type { PdfPrinter, PrintOptions } from '../paper/pdf-printer.ts';

// The paper questionnaire behind each letter. Chromium prints it once per language with the code
// area of the header left empty; each letter's set then reuses those pages (one shared copy in
// the PDF) and gets its own code and QR code drawn on top of every page. Printing the form anew
// for each of 5,000 codes would take hours and make a file many times larger.

const MM = 72 / 25.4;
const PAGE_HEIGHT_MM = 297;
const QR_MM = 19;

export interface QuestionnaireTemplate {
  readonly pages: readonly PDFEmbeddedPage[];
  readonly t: Translate;
}

const FONT = "font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; color: #000;";

/** Same header and footer as the paper form, but the code and QR code are left to the overlay. */
function templatePrintOptions(organisationName: string, roundName: string, t: Translate): PrintOptions {
  const header = html`<div style="${FONT} width:100%; margin:0 ${PAPER_MARGIN.left}; padding-top:5mm; height:${QR_MM + 5}mm; font-size:9pt;">${organisationName}<br>${roundName}</div>`;
  const pageText = escapeHtml(t('paper.page', { page: '\u0001', pages: '\u0002' }))
    .replace('\u0001', '<span class="pageNumber"></span>')
    .replace('\u0002', '<span class="totalPages"></span>');
  const footer = `<div style="${FONT} width:100%; margin:0 ${PAPER_MARGIN.left}; font-size:9pt; text-align:right;">${pageText}</div>`;
  return { headerTemplate: header.value, footerTemplate: footer, margin: { ...PAPER_MARGIN } };
}

/** Prints the form for one language and embeds its pages in the target document. */
export async function questionnaireTemplate(
  target: PDFDocument,
  printer: PdfPrinter,
  input: { questionnaire: Questionnaire; organisationName: string; roundName: string; language: LetterLanguage; publicUrl: string },
): Promise<QuestionnaireTemplate> {
  const t = translator(input.language);
  const documentHtml = paperHtml({
    questionnaire: input.questionnaire, organisationName: input.organisationName, roundName: input.roundName,
    t, language: input.language, entryUrl: `${input.publicUrl}/r`, code: undefined,
  });
  const pdf = await printer.print(documentHtml, templatePrintOptions(input.organisationName, input.roundName, t));
  const source = await PDFDocument.load(pdf);
  return { pages: await target.embedPages(source.getPages()), t };
}

export interface Fonts {
  readonly regular: PDFFont;
  readonly mono: PDFFont;
}

export async function overlayFonts(target: PDFDocument): Promise<Fonts> {
  return { regular: await target.embedFont(StandardFonts.Helvetica), mono: await target.embedFont(StandardFonts.CourierBold) };
}

/**
 * Adds the form's pages for one code: code and QR code at the top right of every page (where
 * the paper form has them) and the code at the bottom left, so a loose page still belongs to its
 * form. Returns the number of pages added.
 */
export async function addQuestionnaireFor(target: PDFDocument, template: QuestionnaireTemplate, fonts: Fonts, code: string, link: string): Promise<number> {
  const qr = await target.embedPng(await QRCode.toBuffer(link, { type: 'png', margin: 0, scale: 8, errorCorrectionLevel: 'M' }));
  const shown = formatAccessCode(code);
  const label = template.t('paper.code');
  const right = (210 - 16) * MM;
  const top = PAGE_HEIGHT_MM * MM;
  for (const embedded of template.pages) {
    const page = target.addPage([embedded.width, embedded.height]);
    page.drawPage(embedded);
    page.drawImage(qr, { x: right - QR_MM * MM, y: top - (5 + QR_MM) * MM, width: QR_MM * MM, height: QR_MM * MM });
    const textRight = right - (QR_MM + 3) * MM;
    page.drawText(label, { x: textRight - fonts.regular.widthOfTextAtSize(label, 9), y: top - 12 * MM, size: 9, font: fonts.regular, color: rgb(0, 0, 0) });
    page.drawText(shown, { x: textRight - fonts.mono.widthOfTextAtSize(shown, 13), y: top - 18.5 * MM, size: 13, font: fonts.mono, color: rgb(0, 0, 0) });
    page.drawText(shown, { x: 16 * MM, y: 6 * MM, size: 9, font: fonts.regular, color: rgb(0, 0, 0) });
  }
  return template.pages.length;
}
