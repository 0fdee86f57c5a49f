import { PDFDocument } from 'pdf-lib';
import type { LetterText } from '../../app/letters/default-letter-texts.ts';
import type { LetterTexts } from '../../app/letters/letter-texts.ts';
import { codeLink, type LetterContext, type LetterLanguage } from '../../app/letters/letter-values.ts';
import type { PreparedLetter } from '../../app/letters/letter-batch.ts';
import type { LetterKind, LetterSettings } from '../../db/letter-store.ts';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import type { PdfPrinter } from '../paper/pdf-printer.ts';
import { LETTER_PRINT, letterSheet, lettersHtml } from './letter-document.ts';
import { addQuestionnaireFor, overlayFonts, questionnaireTemplate, type QuestionnaireTemplate } from './questionnaire-pages.ts';

// Many letters as one PDF: Chromium prints them in chunks (one print of 5,000 letters would hold
// everything in memory twice), pdf-lib joins the chunks. With the questionnaire attached, each
// set is: the letter, its empty back, the form, and an empty page when the form has an odd
// number of pages. Every set then has an even page count, so duplex printing never puts one
// person's letter on the back of another's form, and the form (sent back anonymously) never
// carries the name and address on its back.

export const LETTERS_PER_PRINT = 200;

export interface LettersPdfInput {
  readonly kind: LetterKind;
  readonly settings: LetterSettings;
  readonly texts: LetterTexts;
  readonly context: LetterContext;
  readonly date: string;
  readonly letters: readonly PreparedLetter[];
  /** Set when the paper questionnaire goes with each letter. */
  readonly questionnaire: Questionnaire | undefined;
  readonly printer: PdfPrinter;
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => Promise<void>;
  readonly signal?: AbortSignal;
}

export interface LettersPdf {
  readonly pdf: Uint8Array;
  readonly letters: number;
  readonly pages: number;
}

/** A letter text ran over one page: the text must be shortened (checked on saving, too). */
export class LetterOverflowError extends Error {
  constructor() {
    super('A letter runs over one page; shorten the letter text.');
  }
}

export async function lettersPdf(input: LettersPdfInput): Promise<LettersPdf> {
  const merged = await PDFDocument.create();
  merged.setTitle(input.context.roundName);
  merged.setCreator('Klantstem');
  const fonts = input.questionnaire ? await overlayFonts(merged) : undefined;
  const templates = new Map<LetterLanguage, QuestionnaireTemplate>();
  const templateFor = async (language: LetterLanguage): Promise<QuestionnaireTemplate> => {
    let template = templates.get(language);
    if (!template) {
      template = await questionnaireTemplate(merged, input.printer, {
        questionnaire: input.questionnaire!, organisationName: input.context.organisationName,
        roundName: input.context.roundName, language, publicUrl: input.context.publicUrl,
      });
      templates.set(language, template);
    }
    return template;
  };
  const layout = { settings: input.settings, context: input.context, date: input.date };
  const textFor = (language: LetterLanguage): LetterText => input.texts[input.kind][language];
  const size = input.chunkSize ?? LETTERS_PER_PRINT;
  const total = input.letters.length;

  for (let start = 0; start < total; start += size) {
    if (input.signal?.aborted) throw input.signal.reason ?? new Error('Aborted.');
    const chunk = input.letters.slice(start, start + size);
    const sheets = await Promise.all(chunk.map((letter) => letterSheet(layout, { ...letter, text: textFor(letter.language) })));
    const printed = await PDFDocument.load(await input.printer.print(lettersHtml(input.settings, sheets, input.context.roundName), LETTER_PRINT));
    if (printed.getPageCount() !== chunk.length) throw new LetterOverflowError();
    const pages = await merged.copyPages(printed, printed.getPageIndices());
    for (const [i, page] of pages.entries()) {
      merged.addPage(page);
      if (!input.questionnaire || !fonts) continue;
      const [width, height] = [page.getWidth(), page.getHeight()];
      merged.addPage([width, height]);
      const letter = chunk[i]!;
      const added = await addQuestionnaireFor(merged, await templateFor(letter.language), fonts, letter.code, codeLink(input.context.publicUrl, letter.code));
      if (added % 2 === 1) merged.addPage([width, height]);
    }
    await input.onProgress?.(Math.min(start + size, total), total);
  }
  return { pdf: await merged.save(), letters: total, pages: merged.getPageCount() };
}

/** Splits a file into parts of at most maxBytes (job_files keeps each part in its own row). */
export function splitIntoParts(bytes: Uint8Array, maxBytes: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += maxBytes) parts.push(Buffer.from(bytes.subarray(offset, offset + maxBytes)));
  return parts.length ? parts : [Buffer.alloc(0)];
}
