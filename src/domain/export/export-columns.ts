// The columns of a raw-data export, shared by the CSV and the SPSS syntax so that the two can
// never disagree: four fixed columns, then one per item in questionnaire order (one per option
// for multiple choice). The columns carry nothing that joins to other tables: the `response`
// column is a sequence number, never the response id (domain.md, anonymity).

import type { Item, Option, Questionnaire } from '../questionnaire/questionnaire.ts';

export type ExportLanguage = 'nl' | 'en';

interface ColumnBase {
  /** CSV header: the item key, or `key.optioncode` for an option of a multiple-choice item. */
  readonly name: string;
  /** A valid, unique SPSS variable name for the same column. */
  readonly spssName: string;
}

export type ExportColumn =
  | (ColumnBase & { readonly kind: 'response' | 'channel' | 'language' | 'completed_on' })
  | (ColumnBase & { readonly kind: 'item'; readonly item: Item })
  | (ColumnBase & { readonly kind: 'option'; readonly item: Item & { type: 'multi' }; readonly option: Option });

/** "Niet van toepassing" of a numeric column (marks, agreement, yes/no, multiple-choice options). */
export const NOT_APPLICABLE_NUMERIC = 98;
/** "Niet van toepassing" of a single-choice or open column (text columns). */
export const NOT_APPLICABLE_CHOICE = 'nvt';

/**
 * The not-applicable code of an item's column. A number item may allow 98 as a real answer, so
 * it gets the first of 98, 998, 9998, … above its maximum (999999999 without a maximum).
 */
export function notApplicableCode(item: Item): number | string {
  switch (item.type) {
    case 'single':
    case 'open':
      return NOT_APPLICABLE_CHOICE;
    case 'number': {
      if (item.max === undefined) return 999_999_999;
      let code = NOT_APPLICABLE_NUMERIC;
      while (code <= item.max) code = code * 10 + 18; // 98, 998, 9998, …
      return code;
    }
    default:
      return NOT_APPLICABLE_NUMERIC;
  }
}

const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);
export const SPSS_NAME_MAX = 64;

/** An SPSS variable name: ASCII letters, digits and _, starting with a letter, at most 64 long. */
export function spssBaseName(name: string): string {
  let base = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/_+$/, '');
  if (!/^[A-Za-z]/.test(base)) base = `v_${base}`;
  if (RESERVED.has(base.toUpperCase())) base = `v_${base}`;
  return base.slice(0, SPSS_NAME_MAX).replace(/_+$/, '') || 'v';
}

/** Gives each name a unique SPSS name (SPSS compares names case-insensitively). */
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = spssBaseName(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toUpperCase()); n += 1) {
      const suffix = `_${n}`;
      candidate = base.slice(0, SPSS_NAME_MAX - suffix.length) + suffix;
    }
    taken.add(candidate.toUpperCase());
    return candidate;
  });
}

/** Items that are exported: those of the modules switched on for the round. */
export function exportedItems(questionnaire: Questionnaire, disabledModules: readonly string[] = []): Item[] {
  return questionnaire.blocks.filter((b) => !disabledModules.includes(b.module)).flatMap((b) => b.items);
}

export function exportColumns(questionnaire: Questionnaire, disabledModules: readonly string[] = []): ExportColumn[] {
  type Draft = ExportColumn extends infer C ? (C extends ExportColumn ? Omit<C, 'spssName'> : never) : never;
  const drafts: Draft[] = [
    { kind: 'response', name: 'response' },
    { kind: 'channel', name: 'channel' },
    { kind: 'language', name: 'language' },
    { kind: 'completed_on', name: 'completed_on' },
  ];
  for (const item of exportedItems(questionnaire, disabledModules)) {
    if (item.type === 'multi') {
      for (const option of item.options) drafts.push({ kind: 'option', name: `${item.key}.${option.code}`, item, option });
    } else {
      drafts.push({ kind: 'item', name: item.key, item });
    }
  }
  const names = uniqueNames(drafts.map((d) => d.name));
  return drafts.map((d, index) => ({ ...d, spssName: names[index]! }) as ExportColumn);
}
