// Builds a round's questionnaire from the standard one: modules switched off, the organisation's
// own blocks added. Standard items are reused as they are, so answers stay comparable across
// organisations; the result is validated again, and nothing is dropped without saying so.

import { err, ok, type Result } from '../result.ts';
import { unknownItemMessage } from './condition-checker.ts';
import { parseCondition } from './condition-parser.ts';
import { conditionKeys } from './condition.ts';
import type { Block, Module, Questionnaire } from './questionnaire.ts';
import type { QuestionnaireIssue } from './questionnaire-issue.ts';
import { parseQuestionnaire } from './questionnaire-schema.ts';

export interface CompositionChoice {
  readonly disabledModules: readonly string[];
  readonly ownBlocks: readonly Block[];
}

/** Module of the organisation's own blocks; added to the questionnaire when a block uses it. */
export const OWN_MODULE_KEY = 'eigen';
export const OWN_ITEM_KEY_PREFIX = 'eigen.';
/** Own blocks go before the background questions, which close every questionnaire. */
export const BACKGROUND_MODULE_KEY = 'achtergrond';

type Source = { readonly kind: 'standard' | 'own'; readonly index: number };

/**
 * Issue paths point at what the researcher can change: `disabledModules[i]` and `ownBlocks[i]...`
 * into the choice, `blocks[i]...` and `modules[i]...` into the standard questionnaire.
 */
export function composeQuestionnaire(
  standard: Questionnaire,
  choice: CompositionChoice,
): Result<Questionnaire, QuestionnaireIssue[]> {
  const issues: QuestionnaireIssue[] = [];
  const add = (path: string, nl: string, en: string): void => {
    issues.push({ path, message: { nl, en } });
  };

  const modules = new Map(standard.modules.map((module) => [module.key, module]));
  const disabled = new Set<string>();
  choice.disabledModules.forEach((key, index) => {
    const module = modules.get(key);
    const path = `disabledModules[${index}]`;
    if (!module) {
      const known = standard.modules.map((candidate) => candidate.key).join(', ');
      add(path, `module '${key}' bestaat niet; kies uit ${known}`, `module '${key}' does not exist; choose from ${known}`);
    } else if (module.required) {
      add(path, `module '${key}' is verplicht en kan niet uit`, `module '${key}' is required and cannot be switched off`);
    } else {
      disabled.add(key);
    }
  });

  choice.ownBlocks.forEach((block, blockIndex) => {
    const path = `ownBlocks[${blockIndex}]`;
    if (disabled.has(block.module)) {
      add(
        `${path}.module`,
        `module '${block.module}' staat uit; zet hem aan of kies module '${OWN_MODULE_KEY}'`,
        `module '${block.module}' is switched off; switch it on or choose module '${OWN_MODULE_KEY}'`,
      );
    }
    block.items.forEach((item, itemIndex) => {
      const itemPath = `${path}.items[${itemIndex}]`;
      if (item.standard) {
        add(
          `${itemPath}.standard`,
          'een eigen vraag heeft standard: false; standaardvragen komen alleen uit de standaardvragenlijst',
          'an own question has standard: false; standard questions come only from the standard questionnaire',
        );
      }
      if (!item.key.startsWith(OWN_ITEM_KEY_PREFIX)) {
        add(
          `${itemPath}.key`,
          `de sleutel van een eigen vraag begint met '${OWN_ITEM_KEY_PREFIX}', zoals 'eigen.parkeren' (nu '${item.key}')`,
          `the key of an own question starts with '${OWN_ITEM_KEY_PREFIX}', such as 'eigen.parkeren' (now '${item.key}')`,
        );
      }
    });
  });

  const kept = standard.blocks
    .map((block, index) => ({ block, source: { kind: 'standard', index } as Source }))
    .filter(({ block }) => !disabled.has(block.module));
  const own = choice.ownBlocks.map((block, index) => ({ block, source: { kind: 'own', index } as Source }));
  const background = kept.findIndex(({ block }) => block.module === BACKGROUND_MODULE_KEY);
  const placed = background === -1 ? [...kept, ...own] : [...kept.slice(0, background), ...own, ...kept.slice(background)];

  const keptModules = standard.modules.filter((module) => !disabled.has(module.key));
  if (own.some(({ block }) => block.module === OWN_MODULE_KEY) && !modules.has(OWN_MODULE_KEY)) {
    keptModules.push(ownModule(standard.languages));
  }
  const composed: Questionnaire = { ...standard, modules: keptModules, blocks: placed.map(({ block }) => block) };

  const sources = placed.map(({ source }) => source);
  const removed = removedItems(standard, disabled);
  const brokenReferences = new Map<string, string[]>();
  placed.forEach(({ block, source }) => {
    const blockPath = sourcePath(source);
    const conditions = [
      { showIf: block.showIf, path: `${blockPath}.showIf`, owner: { nl: `blok '${block.key}'`, en: `block '${block.key}'` } },
      ...block.items.map((item, index) => ({
        showIf: item.showIf,
        path: `${blockPath}.items[${index}].showIf`,
        owner: { nl: `vraag '${item.key}'`, en: `question '${item.key}'` },
      })),
    ];
    for (const { showIf, path, owner } of conditions) {
      const parsed = showIf === undefined ? undefined : parseCondition(showIf);
      if (!parsed?.ok) continue;
      for (const key of conditionKeys(parsed.value)) {
        const module = removed.get(key);
        if (module === undefined) continue;
        brokenReferences.set(path, [...(brokenReferences.get(path) ?? []), key]);
        const remedy = remedyFor(source, block.module, module, modules.get(block.module));
        add(
          path,
          `de voorwaarde van ${owner.nl} (module '${block.module}') verwijst naar '${key}' uit module '${module}', die uit staat; ${remedy.nl}`,
          `the condition of ${owner.en} (module '${block.module}') refers to '${key}' in module '${module}', which is switched off; ${remedy.en}`,
        );
      }
    }
  });

  const validated = parseQuestionnaire(composed);
  if (!validated.ok) {
    for (const issue of validated.error) {
      const path = choicePath(issue.path, sources, standard.modules, keptModules);
      // Already reported above, with the switched-off module named.
      const known = (brokenReferences.get(path) ?? []).some((key) => issue.message.en.endsWith(unknownItemMessage(key).en));
      if (!known) issues.push({ ...issue, path });
    }
  }
  if (issues.length > 0 || !validated.ok) return err(issues);
  return ok(validated.value);
}

function ownModule(languages: readonly string[]): Module {
  // Module titles are seen by researchers, not respondents: English stands in for other languages.
  const title = Object.fromEntries(languages.map((language) => [language, language === 'nl' ? 'Eigen vragen' : 'Own questions']));
  return { key: OWN_MODULE_KEY, title, required: false };
}

function removedItems(standard: Questionnaire, disabled: ReadonlySet<string>): Map<string, string> {
  const removed = new Map<string, string>();
  for (const block of standard.blocks) {
    if (!disabled.has(block.module)) continue;
    for (const item of block.items) removed.set(item.key, block.module);
  }
  return removed;
}

function remedyFor(source: Source, ownerModule: string, removedModule: string, owner: Module | undefined): { nl: string; en: string } {
  if (source.kind === 'own') {
    return { nl: `zet module '${removedModule}' aan of pas de voorwaarde aan`, en: `switch module '${removedModule}' on or change the condition` };
  }
  if (owner?.required) {
    return { nl: `zet module '${removedModule}' aan`, en: `switch module '${removedModule}' on` };
  }
  return {
    nl: `zet module '${removedModule}' aan of zet ook module '${ownerModule}' uit`,
    en: `switch module '${removedModule}' on or switch module '${ownerModule}' off too`,
  };
}

function sourcePath(source: Source): string {
  return source.kind === 'own' ? `ownBlocks[${source.index}]` : `blocks[${source.index}]`;
}

/** Maps a path in the composed questionnaire back to the choice or the standard questionnaire. */
function choicePath(path: string, sources: readonly Source[], standardModules: readonly Module[], keptModules: readonly Module[]): string {
  const block = /^blocks\[(\d+)\](.*)$/.exec(path);
  if (block) {
    const source = sources[Number(block[1])];
    return source ? `${sourcePath(source)}${block[2]}` : path;
  }
  const module = /^modules\[(\d+)\](.*)$/.exec(path);
  if (module) {
    const key = keptModules[Number(module[1])]?.key;
    const index = standardModules.findIndex((candidate) => candidate.key === key);
    return index === -1 ? path : `modules[${index}]${module[2]}`;
  }
  return path;
}
