// Walks the XML of a document part (word/document.xml, content.xml) with namespace-aware saxes.
// The part comes from outside: a DOCTYPE is refused before any entity is declared (saxes expands
// only the five predefined ones and does no I/O), and every parser error becomes a Result.

import { SaxesParser, type SaxesTagNS } from 'saxes';
import { err, ok, type Result } from '../result.ts';

export interface XmlElement {
  readonly uri: string;
  readonly local: string;
  attribute(uri: string, local: string): string | undefined;
}

export interface XmlHandlers {
  open(element: XmlElement): void;
  close(element: XmlElement): void;
  text(text: string): void;
}

/** Thrown by a handler that has collected more text than any accepted document holds. */
export class TooMuchText {}

class Malformed {}

export function walkXml(xml: Uint8Array, handlers: XmlHandlers): Result<void, 'corrupt' | 'too-large'> {
  let text: string;
  try {
    // TextDecoder drops a leading byte order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    return err('corrupt');
  }
  const parser = new SaxesParser({ xmlns: true });
  parser.on('doctype', () => {
    throw new Malformed();
  });
  parser.on('error', () => {
    throw new Malformed();
  });
  parser.on('opentag', (tag) => handlers.open(elementOf(tag)));
  parser.on('closetag', (tag) => handlers.close(elementOf(tag)));
  parser.on('text', (chunk) => handlers.text(chunk));
  parser.on('cdata', (chunk) => handlers.text(chunk));
  try {
    parser.write(text).close();
  } catch (caught) {
    if (caught instanceof Malformed) return err('corrupt');
    if (caught instanceof TooMuchText) return err('too-large');
    throw caught;
  }
  return ok(undefined);
}

function elementOf(tag: SaxesTagNS): XmlElement {
  return {
    uri: tag.uri,
    local: tag.local,
    attribute(uri, local) {
      for (const attribute of Object.values(tag.attributes)) {
        if (attribute.uri === uri && attribute.local === local) return attribute.value;
      }
      return undefined;
    },
  };
}
