import { PDFDocument } from 'pdf-lib';
import type { LetterTextInput } from '../../app/letters/letter-texts.ts';
import type { LetterTexts } from '../../app/letters/letter-texts.ts';
import { EXAMPLE_ADDRESSEE, EXAMPLE_CODE, type LetterContext, type LetterLanguage } from '../../app/letters/letter-values.ts';
import { todayInNetherlands } from '../../app/today.ts';
import type { LetterKind, LetterSettings } from '../../db/letter-store.ts';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import type { PdfPrinter } from '../paper/pdf-printer.ts';
import { LETTER_PRINT, letterSheet, lettersHtml } from './letter-document.ts';
import { lettersPdf } from './letters-pdf.ts';

// One letter with example data: on the page (HTML), as a PDF, and to check that a text still
// fits on one A4 before it is saved.

export interface PreviewInput {
  readonly settings: LetterSettings;
  readonly texts: LetterTexts;
  readonly context: LetterContext;
  readonly kind: LetterKind;
  readonly language: LetterLanguage;
}

const SCREEN = `<style>@media screen { body { background: #d9dde3; padding: 6mm 0; } .sheet { background: #fff; margin: 0 auto; min-height: 297mm; box-shadow: 0 0 2mm #8a8f98; } }</style>`;

export async function previewHtml(input: PreviewInput): Promise<string> {
  const layout = { settings: input.settings, context: input.context, date: todayInNetherlands() };
  const sheet = await letterSheet(layout, { addressee: EXAMPLE_ADDRESSEE, code: EXAMPLE_CODE, language: input.language, text: input.texts[input.kind][input.language] });
  return lettersHtml(input.settings, [sheet], input.context.roundName).replace('</head>', `${SCREEN}</head>`);
}

export async function previewPdf(input: PreviewInput & { questionnaire: Questionnaire | undefined; printer: PdfPrinter }): Promise<Uint8Array> {
  const result = await lettersPdf({
    kind: input.kind, settings: input.settings, texts: input.texts, context: input.context, date: todayInNetherlands(),
    letters: [{ addressee: EXAMPLE_ADDRESSEE, code: EXAMPLE_CODE, language: input.language }],
    questionnaire: input.questionnaire, printer: input.printer,
  });
  return result.pdf;
}

/** Prints the example letter with this text (the longest example name) and counts its pages. */
export function fitsOnePageWith(printer: PdfPrinter, settings: LetterSettings, context: LetterContext) {
  return async (text: LetterTextInput): Promise<boolean> => {
    const layout = { settings, context, date: todayInNetherlands() };
    const sheet = await letterSheet(layout, { addressee: EXAMPLE_ADDRESSEE, code: EXAMPLE_CODE, language: text.language, text });
    const pdf = await printer.print(lettersHtml(settings, [sheet], context.roundName), LETTER_PRINT);
    return (await PDFDocument.load(pdf)).getPageCount() === 1;
  };
}
