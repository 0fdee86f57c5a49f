// A conversation summary is coded passage by passage; a passage is one paragraph (text between
// blank lines, or a line of its own when the summary has no blank lines at all). Editing a
// summary keeps the coding and review of every paragraph whose text did not change.

export const MAX_PASSAGES = 400;

export function passagesOf(summary: string): string[] {
  const text = summary.replace(/\r\n?/g, '\n').trim();
  if (text === '') return [];
  const byBlankLine = text.split(/\n\s*\n/);
  const parts = byBlankLine.length > 1 ? byBlankLine : text.split('\n');
  return parts.map((part) => part.replace(/[ \t]+\n/g, '\n').trim()).filter((part) => part !== '');
}

export interface KeptPassage<T> {
  readonly text: string;
  /** The earlier passage with the same text, whose coding and review carry over. */
  readonly earlier: T | undefined;
}

/** Pairs each new paragraph with an unused earlier passage of the same text, in order. */
export function carryOver<T extends { readonly text: string }>(earlier: readonly T[], texts: readonly string[]): KeptPassage<T>[] {
  const unused = [...earlier];
  return texts.map((text) => {
    const index = unused.findIndex((p) => p.text === text);
    const match = index >= 0 ? unused.splice(index, 1)[0] : undefined;
    return { text, earlier: match };
  });
}
