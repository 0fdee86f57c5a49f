// Gathers the text of paragraphs while an XML part is walked. Paragraphs may nest (a text box
// inside a paragraph), so each open paragraph has its own buffer; a nested one is emitted first.

import { TooMuchText } from './walk-xml.ts';

/** Raw characters collected before trimming; far above the 200,000 a document may have. */
export const RAW_TEXT_LIMIT = 1_000_000;

export class ParagraphCollector {
  readonly paragraphs: string[] = [];
  private readonly open: string[] = [];
  private collected = 0;

  begin(): void {
    this.open.push('');
  }

  end(): void {
    const text = this.open.pop();
    if (text !== undefined) this.paragraphs.push(text);
  }

  get inParagraph(): boolean {
    return this.open.length > 0;
  }

  /** The last character of the innermost open paragraph, '' at its start. */
  lastCharacter(): string {
    return this.open.at(-1)?.at(-1) ?? '';
  }

  add(text: string): void {
    const last = this.open.length - 1;
    if (last < 0 || text === '') return;
    this.collected += text.length;
    // Also stops text:s c="1000000000" from building a string the size of the heap.
    if (this.collected > RAW_TEXT_LIMIT) throw new TooMuchText();
    this.open[last] += text;
  }
}
