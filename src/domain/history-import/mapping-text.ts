// A column mapping written as text (for the command line): one line per column,
//   <column header, or #<column number from 1>> = <item key> [| <value>=<new value> ...]
// e.g.  "Q3 = balie.bejegening | Zeer eens=5 | Eens=4". Lines starting with # and a space are comments.

import { normaliseCell } from './read-answer-cell.ts';
import { parseRecoding, type ColumnMapping } from './read-response-file.ts';

export interface MappingTextProblem {
  readonly line: number;
  readonly text: string;
  readonly problem: 'syntax' | 'no-such-column' | 'recoding';
}

export function parseMappingText(text: string, headers: readonly string[]): { readonly mapping: ColumnMapping[]; readonly problems: MappingTextProblem[] } {
  const mapping: ColumnMapping[] = [];
  const problems: MappingTextProblem[] = [];
  const byHeader = new Map(headers.map((h, i) => [normaliseCell(h), i] as const));
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('# ')) return;
    const [target, ...recodes] = line.split('|');
    const at = target!.lastIndexOf('=');
    const columnText = at > 0 ? target!.slice(0, at).trim() : '';
    const itemKey = at > 0 ? target!.slice(at + 1).trim() : '';
    if (!columnText || !itemKey) {
      problems.push({ line: index + 1, text: line, problem: 'syntax' });
      return;
    }
    const numbered = /^#(\d+)$/.exec(columnText);
    const column = numbered ? Number(numbered[1]) - 1 : byHeader.get(normaliseCell(columnText));
    if (column === undefined || column < 0 || column >= headers.length) {
      problems.push({ line: index + 1, text: line, problem: 'no-such-column' });
      return;
    }
    const { recoding, badLines } = parseRecoding(recodes.join('\n'));
    if (badLines.length) problems.push({ line: index + 1, text: line, problem: 'recoding' });
    mapping.push({ column, itemKey, recoding });
  });
  return { mapping, problems };
}
