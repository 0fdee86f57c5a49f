// Rules that span several fields of a well-formed questionnaire: unique keys, existing modules,
// complete translations, consistent options and ranges, and routing that type-checks. Every
// problem is reported, so a researcher can fix a file in one pass.

import { checkCondition, itemLocations, type ConditionContext } from './condition-checker.ts';
import { parseCondition } from './condition-parser.ts';
import type { ConditionIssue } from './condition.ts';
import { assertNever, type Item, type LocalizedText, type Questionnaire } from './questionnaire.ts';
import type { QuestionnaireIssue } from './questionnaire-issue.ts';

export function validateQuestionnaire(questionnaire: Questionnaire): QuestionnaireIssue[] {
  const issues: QuestionnaireIssue[] = [];
  const add = (path: string, nl: string, en: string): void => {
    issues.push({ path, message: { nl, en } });
  };

  const languages = [...new Set(questionnaire.languages)];
  checkLanguages(questionnaire.languages, add);
  const translated = (text: LocalizedText | undefined, path: string): void => {
    if (text === undefined) return;
    for (const language of languages) {
      if ((text[language] ?? '').trim() === '') {
        add(
          `${path}.${language}`,
          `vertaling in '${language}' ontbreekt; elke tekst is nodig in alle talen van de vragenlijst (${languages.join(', ')})`,
          `translation in '${language}' is missing; every text is needed in all languages of the questionnaire (${languages.join(', ')})`,
        );
      }
    }
  };

  translated(questionnaire.title, 'title');
  const moduleKeys = new Set<string>();
  questionnaire.modules.forEach((module, index) => {
    const path = `modules[${index}]`;
    if (moduleKeys.has(module.key)) add(`${path}.key`, `module '${module.key}' komt twee keer voor`, `module '${module.key}' occurs twice`);
    moduleKeys.add(module.key);
    translated(module.title, `${path}.title`);
  });

  const blockKeys = new Set<string>();
  /** Block key by item key, to say where the first of two equal keys is. */
  const itemBlocks = new Map<string, string>();
  const locations = itemLocations(questionnaire);
  const findItem: ConditionContext['findItem'] = (key) => locations.get(key);
  questionnaire.blocks.forEach((block, blockIndex) => {
    const path = `blocks[${blockIndex}]`;
    if (blockKeys.has(block.key)) add(`${path}.key`, `blok '${block.key}' komt twee keer voor`, `block '${block.key}' occurs twice`);
    blockKeys.add(block.key);
    if (!moduleKeys.has(block.module)) {
      const known = [...moduleKeys].join(', ');
      add(
        `${path}.module`,
        `module '${block.module}' bestaat niet; voeg hem toe aan 'modules' of kies uit ${known}`,
        `module '${block.module}' does not exist; add it to 'modules' or choose from ${known}`,
      );
    }
    translated(block.title, `${path}.title`);
    translated(block.intro, `${path}.intro`);
    const context: ConditionContext = { findItem, blockIndex };
    if (block.showIf !== undefined) issues.push(...conditionIssues(block.showIf, context, `${path}.showIf`));

    block.items.forEach((item, itemIndex) => {
      const itemPath = `${path}.items[${itemIndex}]`;
      const earlierItem = itemBlocks.get(item.key);
      if (earlierItem === undefined) itemBlocks.set(item.key, block.key);
      else {
        add(
          `${itemPath}.key`,
          `vraagsleutel '${item.key}' komt al voor in blok '${earlierItem}'; elke vraag heeft een eigen sleutel`,
          `question key '${item.key}' already occurs in block '${earlierItem}'; every question needs its own key`,
        );
      }
      translated(item.text, `${itemPath}.text`);
      translated(item.help, `${itemPath}.help`);
      checkItem(item, itemPath, add, translated);
      if (item.showIf !== undefined) issues.push(...conditionIssues(item.showIf, context, `${itemPath}.showIf`));
    });
  });
  return issues;
}

type Add = (path: string, nl: string, en: string) => void;

function checkLanguages(languages: readonly string[], add: Add): void {
  if (languages[0] !== 'nl') {
    add(
      languages.length === 0 ? 'languages' : 'languages[0]',
      "de eerste taal moet 'nl' zijn: Nederlands is de brontaal van elke vragenlijst",
      "the first language must be 'nl': Dutch is the source language of every questionnaire",
    );
  }
  languages.forEach((language, index) => {
    if (languages.indexOf(language) !== index) {
      add(`languages[${index}]`, `taal '${language}' komt twee keer voor`, `language '${language}' occurs twice`);
    }
  });
}

function checkItem(item: Item, path: string, add: Add, translated: (text: LocalizedText, path: string) => void): void {
  switch (item.type) {
    case 'single':
    case 'multi': {
      const codes = new Set<string>();
      item.options.forEach((option, index) => {
        if (!codes.has(option.code)) codes.add(option.code);
        else {
          add(
            `${path}.options[${index}].code`,
            `antwoordcode '${option.code}' komt twee keer voor bij deze vraag`,
            `answer code '${option.code}' occurs twice in this question`,
          );
        }
        translated(option.label, `${path}.options[${index}].label`);
      });
      if (item.type === 'multi' && item.maxChoices !== undefined && item.maxChoices > item.options.length) {
        add(
          `${path}.maxChoices`,
          `maxChoices (${item.maxChoices}) is groter dan het aantal antwoordopties (${item.options.length})`,
          `maxChoices (${item.maxChoices}) is larger than the number of options (${item.options.length})`,
        );
      }
      return;
    }
    case 'number':
      if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
        add(`${path}.max`, `max (${item.max}) is kleiner dan min (${item.min})`, `max (${item.max}) is less than min (${item.min})`);
      }
      for (const bound of ['min', 'max'] as const) {
        const value = item[bound];
        if (item.integer && value !== undefined && !Number.isInteger(value)) {
          add(
            `${path}.${bound}`,
            `${bound} (${value}) moet een heel getal zijn, want de vraag vraagt om een heel getal (integer)`,
            `${bound} (${value}) must be a whole number, because the question asks for a whole number (integer)`,
          );
        }
      }
      return;
    case 'mark':
    case 'agree5':
    case 'yesno':
    case 'open':
      return;
    default:
      assertNever(item);
  }
}

function conditionIssues(source: string, context: ConditionContext, path: string): QuestionnaireIssue[] {
  const problems = conditionProblems(source, context);
  const shown = source.length > 80 ? `${source.slice(0, 77)}...` : source;
  return problems.map((problem) => ({
    path,
    message: {
      nl: `voorwaarde "${shown}", bij teken ${problem.position + 1}: ${problem.message.nl}`,
      en: `condition "${shown}", at character ${problem.position + 1}: ${problem.message.en}`,
    },
  }));
}

function conditionProblems(source: string, context: ConditionContext): readonly ConditionIssue[] {
  const parsed = parseCondition(source);
  if (!parsed.ok) return [parsed.error];
  const checked = checkCondition(parsed.value, context);
  return checked.ok ? [] : checked.error;
}
