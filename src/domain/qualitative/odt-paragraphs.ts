// The paragraphs of an OpenDocument text (content.xml): text:p and text:h, with the text of any
// span or link inside them. Comments (office:annotation), tracked deletions (kept apart in
// text:tracked-changes) and footnotes are left out. ODF collapses runs of white space in the XML
// to one space, as HTML does, and spells out intended spaces as text:s.

import { ok, type Result } from '../result.ts';
import { ParagraphCollector, RAW_TEXT_LIMIT } from './paragraph-collector.ts';
import { walkXml, type XmlElement } from './walk-xml.ts';

const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';

function isSkipped(element: XmlElement): boolean {
  if (element.uri === OFFICE) return element.local === 'annotation';
  return element.uri === TEXT && (element.local === 'tracked-changes' || element.local === 'note');
}

function isParagraph(element: XmlElement): boolean {
  return element.uri === TEXT && (element.local === 'p' || element.local === 'h');
}

export function odtParagraphs(xml: Uint8Array): Result<string[], 'corrupt' | 'too-large'> {
  const collector = new ParagraphCollector();
  let depth = 0;
  let skipFrom: number | undefined;

  const result = walkXml(xml, {
    open(element) {
      depth += 1;
      if (skipFrom !== undefined) return;
      if (isSkipped(element)) skipFrom = depth;
      else if (isParagraph(element)) collector.begin();
      else if (element.uri === TEXT && element.local === 's') collector.add(' '.repeat(spaceCount(element.attribute(TEXT, 'c'))));
      else if (element.uri === TEXT && element.local === 'tab') collector.add(' ');
      else if (element.uri === TEXT && element.local === 'line-break') collector.add('\n');
    },
    close(element) {
      depth -= 1;
      if (skipFrom !== undefined) {
        if (depth < skipFrom) skipFrom = undefined;
        return;
      }
      if (isParagraph(element)) collector.end();
    },
    text(text) {
      if (skipFrom !== undefined || !collector.inParagraph) return;
      let collapsed = text.replace(/[ \t\r\n]+/g, ' ');
      const last = collector.lastCharacter();
      if (collapsed.startsWith(' ') && (last === '' || last === ' ' || last === '\n')) collapsed = collapsed.slice(1);
      collector.add(collapsed);
    },
  });
  return result.ok ? ok(collector.paragraphs) : result;
}

function spaceCount(count: string | undefined): number {
  if (count === undefined) return 1;
  const parsed = Number.parseInt(count, 10);
  // Capped so that a hostile count cannot build a huge string before the collector's limit applies.
  return Number.isNaN(parsed) || parsed < 1 ? 1 : Math.min(parsed, RAW_TEXT_LIMIT + 1);
}
