// SPSS syntax (.sps) that reads the codes CSV of responses-csv.ts: the same columns in the same
// order (both come from exportColumns), with variable labels, value labels and the
// not-applicable codes as user-missing values, so that SPSS leaves them out of means.

import { agreeLabel, localize, type Item, type Questionnaire } from '../questionnaire/questionnaire.ts';
import { exportColumns, notApplicableCode, type ExportColumn, type ExportLanguage } from './export-columns.ts';

export interface SpssOptions {
  readonly language: ExportLanguage;
  /** Name of the codes CSV the syntax reads. */
  readonly fileName?: string;
  readonly disabledModules?: readonly string[];
}

const WORDS = {
  nl: { poor: 'heel slecht', excellent: 'uitstekend', no: 'nee', yes: 'ja', notChosen: 'niet gekozen', chosen: 'gekozen', notApplicable: 'niet van toepassing' },
  en: { poor: 'very poor', excellent: 'excellent', no: 'no', yes: 'yes', notChosen: 'not chosen', chosen: 'chosen', notApplicable: 'not applicable' },
} as const;

/** At most max UTF-8 bytes, cut at a character boundary: SPSS limits labels in bytes. */
function truncateBytes(text: string, max: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= max) return text;
  let out = '';
  for (const char of text) {
    if (encoder.encode(out + char).length > max - 3) break;
    out += char;
  }
  return `${out}...`;
}

/** A quoted SPSS string on one line: quotes doubled, line breaks as spaces. */
export function spssString(text: string, maxBytes = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `'${truncateBytes(flat, maxBytes).replace(/'/g, "''")}'`;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function format(column: ExportColumn): string {
  switch (column.kind) {
    case 'response':
      return 'F8.0';
    case 'channel':
    case 'language':
      return 'A8';
    case 'completed_on':
      return 'SDATE10';
    case 'option':
      return 'F2.0';
    case 'item': {
      const item = column.item;
      switch (item.type) {
        case 'mark':
        case 'agree5':
        case 'yesno':
        case 'multi':
          return 'F2.0';
        case 'number': {
          const width = Math.max(10, String(notApplicableCode(item)).length + 4);
          return item.integer ? `F${width}.0` : `F${width}.2`;
        }
        case 'single':
          return `A${Math.max(3, ...item.options.map((o) => byteLength(o.code)))}`;
        case 'open':
          // Worst case four UTF-8 bytes per character; SPSS strings hold at most 32767 bytes.
          return `A${Math.min(32767, Math.max(3, item.maxLength * 4))}`;
      }
    }
  }
}

function variableLabel(column: ExportColumn, language: ExportLanguage): string | undefined {
  if (column.kind === 'item') return localize(column.item.text, language);
  if (column.kind === 'option') return `${localize(column.item.text, language)}: ${localize(column.option.label, language)}`;
  return undefined;
}

function valueLabels(column: ExportColumn, language: ExportLanguage): [string, string][] {
  const w = WORDS[language];
  if (column.kind === 'option') return [['0', w.notChosen], ['1', w.chosen], [String(notApplicableCode(column.item)), w.notApplicable]];
  if (column.kind !== 'item') return [];
  const item: Item = column.item;
  const code = notApplicableCode(item);
  const na: [string, string] = [typeof code === 'number' ? String(code) : spssString(code), w.notApplicable];
  switch (item.type) {
    case 'mark':
      return [['1', w.poor], ['10', w.excellent], na];
    case 'agree5':
      return [...[1, 2, 3, 4, 5].map((v): [string, string] => [String(v), agreeLabel(v, language)]), na];
    case 'yesno':
      return [['0', w.no], ['1', w.yes], na];
    case 'single':
      return [...item.options.map((o): [string, string] => [spssString(o.code), localize(o.label, language)]), na];
    case 'number':
    case 'open':
      return [na];
    case 'multi':
      return [];
  }
}

/** The syntax that reads the codes CSV into SPSS with labels and missing values. */
export function spssSyntax(questionnaire: Questionnaire, options: SpssOptions): string {
  const { language } = options;
  const columns = exportColumns(questionnaire, options.disabledModules);
  const fileName = options.fileName ?? 'klantstem.csv';
  const lines: string[] = [
    `* Klantstem: ${localize(questionnaire.title, language).replace(/\s+/g, ' ')}.`,
    `* Reads the codes CSV (values=codes). Not applicable: 98 for marks, agreement, yes/no and options;`,
    `* 'nvt' for single choice and open answers; number items a code above their maximum. See MISSING VALUES.`,
    'GET DATA /TYPE=TXT',
    `  /FILE=${spssString(fileName, 250)}`,
    "  /ENCODING='UTF8'",
    '  /DELIMITERS=","',
    `  /QUALIFIER='"'`,
    '  /ARRANGEMENT=DELIMITED',
    '  /FIRSTCASE=2',
    '  /VARIABLES=',
    ...columns.map((c) => `    ${c.spssName} ${format(c)}`),
    '.',
    'CACHE.',
  ];

  const labelled = columns.flatMap((c) => {
    const label = variableLabel(c, language);
    return label === undefined ? [] : [`${c.spssName} ${spssString(label)}`];
  });
  if (labelled.length > 0) lines.push('VARIABLE LABELS', `  ${labelled.join('\n  /')}`, '.');

  const valued = columns.flatMap((c) => {
    const labels = valueLabels(c, language);
    if (labels.length === 0) return [];
    return [[c.spssName, ...labels.map(([value, label]) => `    ${value} ${spssString(label)}`)].join('\n')];
  });
  if (valued.length > 0) lines.push('VALUE LABELS', `  ${valued.join('\n  /')}`, '.');

  const missing = columns.flatMap((c) => {
    if (c.kind !== 'item' && c.kind !== 'option') return [];
    const code = notApplicableCode(c.item);
    return [`${c.spssName} (${typeof code === 'number' ? String(code) : spssString(code)})`];
  });
  if (missing.length > 0) lines.push('MISSING VALUES', `  ${missing.join('\n  /')}`, '.');

  lines.push('EXECUTE.');
  return `${lines.join('\n')}\n`;
}
