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
  const firstModule = new Map<string, number>();
  questionnaire.modules.forEach((module, index) => {
    const path = `modules[${index}]`;
    const earlier = firstModule.get(module.key);
    if (earlier === undefined) firstModule.set(module.key, index);
    else add(`${path}.key`, `module '${module.key}' komt al voor (modules[${earlier}])`, `module '${module.key}' already occurs (modules[${earlier}])`);
    moduleKeys.add(module.key);
    translated(module.title, `${path}.title`);
  });

  const firstBlock = new Map<string, number>();
  const firstItem = new Map<string, string>();
  const locations = itemLocations(questionnaire);
  const findItem: ConditionContext['findItem'] = (key) => locations.get(key);
  questionnaire.blocks.forEach((block, blockIndex) => {
    const path = `blocks[${blockIndex}]`;
    const earlier = firstBlock.get(block.key);
    if (earlier === undefined) firstBlock.set(block.key, blockIndex);
    else add(`${path}.key`, `blok '${block.key}' komt al voor (blocks[${earlier}])`, `block '${block.key}' already occurs (blocks[${earlier}])`);
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
      const earlierItem = firstItem.get(item.key);
      if (earlierItem === undefined) firstItem.set(item.key, itemPath);
      else {
        add(
          `${itemPath}.key`,
          `vraagsleutel '${item.key}' komt al voor (${earlierItem}); elke vraag heeft een eigen sleutel`,
          `question key '${item.key}' already occurs (${earlierItem}); every question needs its own key`,
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
    const first = languages.indexOf(language);
    if (first !== index) {
      add(`languages[${index}]`, `taal '${language}' komt al voor (languages[${first}])`, `language '${language}' already occurs (languages[${first}])`);
    }
  });
}

function checkItem(item: Item, path: string, add: Add, translated: (text: LocalizedText, path: string) => void): void {
  switch (item.type) {
    case 'single':
    case 'multi': {
      const firstOption = new Map<string, number>();
      item.options.forEach((option, index) => {
        const earlier = firstOption.get(option.code);
        if (earlier === undefined) firstOption.set(option.code, index);
        else {
          add(
            `${path}.options[${index}].code`,
            `antwoordcode '${option.code}' komt al voor bij deze vraag (options[${earlier}])`,
            `answer code '${option.code}' already occurs in this question (options[${earlier}])`,
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
