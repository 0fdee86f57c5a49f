import { fillTemplate, type TemplateValues } from '../../domain/fieldwork/fill-template.ts';
import type { EmailText } from './default-email-templates.ts';

// Turns a template and the values for one person into the e-mail: plain text, plus a simple
// HTML alternative in which everything is escaped and only web addresses become links.

export interface Addressee {
  readonly initials: string | null;
  readonly prefix: string | null;
  readonly surname: string | null;
}

const clean = (value: string | null): string => (value ?? '').trim();

/** "J. de Vries". */
export function fullName(person: Addressee): string {
  return [clean(person.initials), clean(person.prefix), clean(person.surname)].filter(Boolean).join(' ');
}

/** "Geachte heer/mevrouw De Vries": a prefix starts with a capital when no initials precede it. */
export function salutation(language: string, person: Addressee): string {
  const prefix = clean(person.prefix);
  const surname = clean(person.surname);
  const name = surname ? [prefix ? prefix[0]!.toUpperCase() + prefix.slice(1) : '', surname].filter(Boolean).join(' ') : '';
  if (language === 'en') return name ? `Dear Mr or Ms ${name}` : 'Dear Sir or Madam';
  return name ? `Geachte heer/mevrouw ${name}` : 'Geachte heer/mevrouw';
}

/** "31 december 2026" / "31 December 2026". */
export function writtenDate(language: string, isoDate: string | null): string {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : language === 'en' ? 'en-GB' : language, {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

export interface ComposedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]!);

function toHtml(text: string, language: string): string {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => {
    const escaped = escape(paragraph).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
    return `<p>${escaped.replace(/\n/g, '<br>\n')}</p>`;
  });
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html>\n<html lang="${escape(language)}" dir="${dir}"><head><meta charset="utf-8"></head>\n<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5;">\n${paragraphs.join('\n')}\n</body></html>`;
}

export function composeEmail(template: EmailText, values: TemplateValues, language: string): ComposedEmail {
  // A subject is one line: a newline in it would start a new header.
  const subject = fillTemplate(template.subject, values).replace(/[\r\n]+/g, ' ').trim();
  const text = fillTemplate(template.body, values).replace(/\r\n/g, '\n');
  return { subject, text, html: toHtml(text, language) };
}
