// The paragraphs of a .docx main part (word/document.xml), as a reader sees them once every
// tracked change is accepted: deleted and moved-away text is left out, inserted text kept.
// Comments, footnotes and headers live in other parts and are never read; comments may hold
// reviewer remarks that are no part of the text.

import { ok, type Result } from '../result.ts';
import { ParagraphCollector } from './paragraph-collector.ts';
import { walkXml, type XmlElement } from './walk-xml.ts';

const WORDPROCESSING = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Elements whose content is not visible text: tracked deletions, field codes, properties. */
const SKIPPED = new Set(['del', 'delText', 'moveFrom', 'instrText', 'delInstrText', 'pPr', 'rPr', 'sectPr']);

/** Run content that stands for a character (w:tab also defines tab stops inside w:pPr, which is skipped). */
const RUN_CHARACTERS: Readonly<Record<string, string>> = { tab: ' ', br: '\n', cr: '\n', noBreakHyphen: '-' };

export function docxParagraphs(xml: Uint8Array): Result<string[], 'corrupt' | 'too-large'> {
  const collector = new ParagraphCollector();
  const stack: string[] = [];
  let skipFrom: number | undefined;

  const keyOf = (element: XmlElement): string => {
    if (WORDPROCESSING.has(element.uri)) return element.local;
    // mc:Fallback repeats the content of mc:Choice for old readers (text boxes would appear twice).
    if (element.uri === MARKUP_COMPATIBILITY) return `mc:${element.local}`;
    return `other:${element.local}`;
  };

  const result = walkXml(xml, {
    open(element) {
      const key = keyOf(element);
      stack.push(key);
      if (skipFrom !== undefined) return;
      if (SKIPPED.has(key) || key === 'mc:Fallback') skipFrom = stack.length;
      else if (key === 'p') collector.begin();
      else if (key in RUN_CHARACTERS && stack.at(-2) === 'r') collector.add(RUN_CHARACTERS[key]!);
    },
    close() {
      const key = stack.pop();
      if (skipFrom !== undefined) {
        if (stack.length < skipFrom) skipFrom = undefined;
        return;
      }
      if (key === 'p') collector.end();
    },
    text(text) {
      if (skipFrom === undefined && stack.at(-1) === 't') collector.add(text);
    },
  });
  return result.ok ? ok(collector.paragraphs) : result;
}
