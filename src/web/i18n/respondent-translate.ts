import { respondentAr } from './respondent-ar.ts';
import { respondentEn } from './respondent-en.ts';
import { respondentNl, type RespondentKey } from './respondent-nl.ts';
import { respondentPl } from './respondent-pl.ts';
import { respondentTr } from './respondent-tr.ts';

export type RespondentLanguage = 'nl' | 'en' | 'ar' | 'tr' | 'pl';
export const RESPONDENT_LANGUAGES: readonly RespondentLanguage[] = ['nl', 'en', 'ar', 'tr', 'pl'];

const catalogues: Record<RespondentLanguage, Record<RespondentKey, string>> = {
  nl: respondentNl,
  en: respondentEn,
  ar: respondentAr,
  tr: respondentTr,
  pl: respondentPl,
};

export function isRespondentLanguage(value: unknown): value is RespondentLanguage {
  return typeof value === 'string' && (RESPONDENT_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export type RespondentTranslate = (key: RespondentKey, params?: Record<string, string | number>) => string;

function makeTranslator(language: RespondentLanguage): RespondentTranslate {
  const catalogue = catalogues[language];
  return (key, params) => {
    const text = catalogue[key] ?? respondentNl[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}

// One translator per language, made once (a page asks for it several times).
const translators = new Map(RESPONDENT_LANGUAGES.map((language) => [language, makeTranslator(language)]));

export function respondentTranslator(language: RespondentLanguage): RespondentTranslate {
  return translators.get(language) ?? makeTranslator(language);
}

export function languageName(language: RespondentLanguage): string {
  return catalogues[language]['lang.name'];
}

/** The first supported language in an Accept-Language header, for the first page a respondent sees. */
export function preferredLanguage(header: string | undefined): RespondentLanguage | undefined {
  for (const part of (header ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isRespondentLanguage(code)) return code;
  }
  return undefined;
}
