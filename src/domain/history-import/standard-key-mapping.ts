// Links imported questions to items of the standard questionnaire, so trends and benchmarks,
// which compare by key (domain.md), include the history. A link is allowed only where answers
// mean the same: the same answer type and, for choice questions, the same answer codes.
// The imported wording stays: it is what the respondents of that round were asked.

import { tokenizeCondition } from '../questionnaire/condition-tokenizer.ts';
import type { IssueMessage } from '../questionnaire/issue-message.ts';
import { itemsOf, type Block, type Item, type Questionnaire } from '../questionnaire/questionnaire.ts';
import { parseQuestionnaire } from '../questionnaire/questionnaire-schema.ts';
import { err, ok, type Result } from '../result.ts';

const sameCodes = (a: Item & { options: readonly { code: string }[] }, b: Item & { options: readonly { code: string }[] }): boolean =>
  a.options.length === b.options.length && a.options.every((option) => b.options.some((other) => other.code === option.code));

export function isCompatible(imported: Item, standard: Item): boolean {
  if (imported.type !== standard.type) return false;
  if ((imported.type === 'single' || imported.type === 'multi') && (standard.type === 'single' || standard.type === 'multi')) {
    return sameCodes(imported, standard);
  }
  return true;
}

/** Standard items an imported item may be linked to. */
export function compatibleStandardItems(imported: Item, standard: Questionnaire): Item[] {
  return itemsOf(standard).filter((candidate) => isCompatible(imported, candidate));
}

/** Replaces item keys inside a routing condition, token by token, so text values are never touched. */
function renameInCondition(source: string, renamed: ReadonlyMap<string, string>): string {
  const tokens = tokenizeCondition(source);
  if (!tokens.ok) return source;
  let result = source;
  for (const token of [...tokens.value].reverse()) {
    if (token.kind !== 'key') continue;
    const target = renamed.get(token.text);
    if (target) result = result.slice(0, token.position) + target + result.slice(token.position + token.text.length);
  }
  return result;
}

/**
 * The imported questionnaire with the chosen items renamed to standard keys (and routing
 * following them). `mapping` is imported key → standard key; an empty value means no link.
 */
export interface MappingIssue {
  /** Imported item key the problem is about; '' when it is about the whole questionnaire. */
  readonly key: string;
  readonly message: IssueMessage;
}

export function mapToStandardKeys(
  imported: Questionnaire,
  standard: Questionnaire,
  mapping: Readonly<Record<string, string>>,
): Result<Questionnaire, MappingIssue[]> {
  const issues: MappingIssue[] = [];
  const standardItems = new Map(itemsOf(standard).map((item) => [item.key, item]));
  const importedItems = new Map(itemsOf(imported).map((item) => [item.key, item]));
  const renamed = new Map<string, string>();
  const used = new Map<string, string>();
  for (const [from, to] of Object.entries(mapping)) {
    if (to === '') continue;
    const item = importedItems.get(from);
    const target = standardItems.get(to);
    if (!item) {
      issues.push({ key: from, message: { nl: `vraag '${from}' bestaat niet in deze import`, en: `question '${from}' does not exist in this import` } });
    } else if (!target) {
      issues.push({ key: from, message: { nl: `'${to}' is geen vraag van de standaardvragenlijst`, en: `'${to}' is not a question of the standard questionnaire` } });
    } else if (!isCompatible(item, target)) {
      issues.push({
        key: from,
        message: {
          nl: `'${from}' past niet bij '${to}': het antwoordtype of de antwoordcodes verschillen`,
          en: `'${from}' does not fit '${to}': the answer type or the answer codes differ`,
        },
      });
    } else if (used.has(to)) {
      issues.push({ key: from, message: { nl: `'${to}' is al gekoppeld aan '${used.get(to)}'`, en: `'${to}' is already linked to '${used.get(to)}'` } });
    } else if (importedItems.has(to) && to !== from) {
      issues.push({ key: from, message: { nl: `'${to}' bestaat al in deze import`, en: `'${to}' already exists in this import` } });
    } else {
      used.set(to, from);
      renamed.set(from, to);
    }
  }
  if (issues.length > 0) return err(issues);
  const rename = (showIf: string | undefined) => (showIf === undefined ? {} : { showIf: renameInCondition(showIf, renamed) });
  const blocks = imported.blocks.map((block): Block => ({
    ...block,
    ...rename(block.showIf),
    items: block.items.map((item) => ({ ...item, key: renamed.get(item.key) ?? item.key, ...rename(item.showIf) })),
  }));
  const parsed = parseQuestionnaire({ ...imported, blocks });
  if (!parsed.ok) return err(parsed.error.map((issue) => ({ key: '', message: { nl: `${issue.path}: ${issue.message.nl}`, en: `${issue.path}: ${issue.message.en}` } })));
  return ok(parsed.value);
}
