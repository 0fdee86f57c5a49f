import { en } from './messages-en.ts';
import { nl, type MessageKey } from './messages-nl.ts';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => {
    const text = catalogue[key] ?? nl[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}

/** Number formatting per language: Dutch output uses the decimal comma ("7,1"). */
export function formatNumber(language: Language, value: number, decimals = 0): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

export function formatDate(language: Language, isoDate: string | Date): string {
  const date = typeof isoDate === 'string' ? new Date(`${isoDate}T12:00:00Z`) : isoDate;
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(date);
}

export function formatDateTime(language: Language, date: Date): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}
