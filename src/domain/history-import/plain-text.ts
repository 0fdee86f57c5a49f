// LimeSurvey question texts are HTML written in a rich-text editor, sometimes with script. We keep
// none of the markup: the text becomes plain text with line breaks where blocks and <br> were,
// and our templates escape it when printing. Script and style elements are dropped with their
// content, so nothing of them survives even as visible text.

export interface PlainText {
  readonly text: string;
  /** Elements dropped with their content, lower case (`script`, `style`, `iframe`, ...). */
  readonly dropped: readonly string[];
}

const DROPPED_WITH_CONTENT = ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math'];
const LINE_BREAKING = /^(br|p|div|li|tr|h[1-6]|ul|ol|table|blockquote)$/;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  euro: '€',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      // Control characters and lone surrogates have no place in a question text.
      if (code < 32 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return ' ';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function plainText(html: string): PlainText {
  const dropped = new Set<string>();
  let text = html;
  for (const element of DROPPED_WITH_CONTENT) {
    // Unclosed elements are dropped to the end: a browser would treat the rest as their content.
    const pattern = new RegExp(`<${element}\\b[\\s\\S]*?(?:</${element}\\s*>|$)`, 'gi');
    text = text.replace(pattern, () => {
      dropped.add(element);
      return ' ';
    });
  }
  text = text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>?/gi, (_tag, name: string) => (LINE_BREAKING.test(name.toLowerCase()) ? '\n' : ''))
    // A lone '<' that starts no tag stays text; anything tag-like left over is removed above.
    .replace(/\r\n?/g, '\n');
  text = decodeEntities(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return { text, dropped: [...dropped] };
}
