// Languages and texts of an imported survey. Our questionnaires have Dutch as source language;
// a survey without Dutch gets its base-language texts as Dutch placeholders to translate (and
// keeps them under its own language code too). Texts become plain text (see plain-text.ts).

import type { LocalizedText } from '../questionnaire/questionnaire.ts';
import { LANGUAGE_PATTERN, QUESTIONNAIRE_LIMITS } from '../questionnaire/questionnaire-schema.ts';
import { reportEntry, type ImportReportEntry } from './import-report.ts';
import type { QuestionTexts } from './lime-question-items.ts';
import type { LimeSurvey, LimeText } from './lime-survey.ts';
import { plainText } from './plain-text.ts';

export interface ImportLanguages {
  /** Our language codes, Dutch first. */
  readonly languages: readonly string[];
  readonly texts: QuestionTexts & {
    /** Adds the entries that summarise the whole survey (missing translations, markup). */
    finish(): void;
  };
}

const KEY_PREFIX = 'import';

export function importLanguages(survey: LimeSurvey, report: ImportReportEntry[]): ImportLanguages {
  const note = (question: string, feature: [string, string], action: [string, string]): void => {
    report.push(reportEntry(question, feature, action));
  };
  /** Our code → LimeSurvey code it is read from. */
  const sources = new Map<string, string>();
  for (const limeCode of survey.languages) {
    const ours = limeCode.toLowerCase().split(/[-_]/)[0] ?? '';
    if (!LANGUAGE_PATTERN.test(ours)) {
      note('', [`taal '${limeCode}'`, `language '${limeCode}'`], ['onbekende taalcode: niet geïmporteerd', 'unknown language code: not imported']);
    } else if (sources.has(ours)) {
      note('', [`taal '${limeCode}'`, `language '${limeCode}'`], [`zelfde taal als '${sources.get(ours)}': niet geïmporteerd`, `same language as '${sources.get(ours)}': not imported`]);
    } else if (sources.size === QUESTIONNAIRE_LIMITS.languages - 1) {
      note('', [`taal '${limeCode}'`, `language '${limeCode}'`], ['meer dan 20 talen: niet geïmporteerd', 'more than 20 languages: not imported']);
    } else sources.set(ours, limeCode);
  }
  const base = survey.baseLanguage;
  if (!sources.has('nl')) {
    note('', [`brontaal '${base}', geen Nederlands`, `source language '${base}', no Dutch`], [
      `de teksten in '${base}' staan ook als Nederlandse tekst; vertaal ze voor gebruik`,
      `the texts in '${base}' are also used as Dutch text; translate them before use`,
    ]);
  }
  const languages = ['nl', ...[...sources.keys()].filter((code) => code !== 'nl')];
  const limeSource = (ours: string): string => sources.get(ours) ?? base;

  const missing = new Map<string, number>();
  let markup = false;
  const droppedReported = new Set<string>();
  const expressionReported = new Set<string>();
  const usedKeys = new Set<string>();

  const convert = (html: string, question: string): string => {
    if (/<[a-z!/]/i.test(html)) markup = true;
    const { text, dropped } = plainText(html);
    for (const element of dropped) {
      if (droppedReported.has(`${question}:${element}`)) continue;
      droppedReported.add(`${question}:${element}`);
      note(question, [`<${element}> in de tekst`, `<${element}> in the text`], ['verwijderd, met de inhoud', 'removed, with its content']);
    }
    if (/\{[^}]*\}/.test(text) && !expressionReported.has(question)) {
      expressionReported.add(question);
      note(question, ['expressie {…} in de tekst', 'expression {…} in the text'], ['niet uitgerekend: staat er letterlijk; pas de tekst aan', 'not evaluated: shown as written; edit the text']);
    }
    if (text.length <= QUESTIONNAIRE_LIMITS.text) return text;
    note(question, ['tekst langer dan 2000 tekens', 'text longer than 2000 characters'], ['ingekort', 'shortened']);
    return `${text.slice(0, QUESTIONNAIRE_LIMITS.text - 1)}…`;
  };

  const texts: ImportLanguages['texts'] = {
    localize(text: LimeText, question: string): LocalizedText | undefined {
      const read = (limeCode: string): string => {
        const html = text.get(limeCode) ?? text.get('') ?? '';
        return html === '' ? '' : convert(html, question);
      };
      const baseText = read(base);
      if (baseText === '') return undefined;
      const result: Record<string, string> = {};
      for (const language of languages) {
        const source = limeSource(language);
        const translated = source === base ? baseText : read(source);
        if (translated === '') missing.set(language, (missing.get(language) ?? 0) + 1);
        result[language] = translated === '' ? baseText : translated;
      }
      return result;
    },
    label(nl: string, en: string): LocalizedText {
      return Object.fromEntries(languages.map((language) => [language, language === 'nl' ? nl : en]));
    },
    itemKey(code: string): string {
      const slug = code.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 60) || 'vraag';
      let key = `${KEY_PREFIX}.${slug}`;
      for (let suffix = 2; usedKeys.has(key); suffix += 1) key = `${KEY_PREFIX}.${slug}_${suffix}`;
      if (key !== `${KEY_PREFIX}.${slug}`) {
        note(code, ['vraagcode komt vaker voor', 'question code occurs more than once'], [`sleutel '${key}' gegeven`, `given the key '${key}'`]);
      }
      usedKeys.add(key);
      return key;
    },
    finish(): void {
      if (markup) note('', ['HTML-opmaak in teksten', 'HTML markup in texts'], ['overgenomen als platte tekst met regelovergangen', 'taken over as plain text with line breaks']);
      for (const [language, count] of missing) {
        note('', [`${count} teksten zonder vertaling in '${language}'`, `${count} texts without translation in '${language}'`], [
          `tekst uit '${base}' gebruikt; vertaal ze`,
          `text from '${base}' used; translate them`,
        ]);
      }
    },
  };
  return { languages, texts };
}
