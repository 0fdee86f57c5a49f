import { formatAccessCode, makeAccessCode } from '../../domain/access-code.ts';
import type { TemplateValues } from '../../domain/fieldwork/fill-template.ts';

// What one letter says about its addressee: the address block as PostNL wants it and the values
// for the {placeholders}. Pure, so the preview (example data) and the job use the same rules.

export type LetterLanguage = 'nl' | 'en';
export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['nl', 'en'];

export interface Addressee {
  readonly initials: string | null;
  readonly prefix: string | null;
  readonly surname: string | null;
  readonly street: string;
  readonly houseNumber: string | null;
  readonly houseNumberAddition: string | null;
  readonly postcode: string;
  readonly town: string;
}

export interface LetterContext {
  readonly organisationName: string;
  readonly roundName: string;
  /** Last day of fieldwork (YYYY-MM-DD), if set. */
  readonly fieldworkEnd: string | null;
  /** e.g. https://kto.voorbeeldstad.nl, without a trailing slash. */
  readonly publicUrl: string;
}

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** "J.M. van der Berg" */
export function fullName(a: Pick<Addressee, 'initials' | 'prefix' | 'surname'>): string {
  return [clean(a.initials), clean(a.prefix), clean(a.surname)].filter(Boolean).join(' ');
}

/** "Van der Berg": without initials in front, a Dutch prefix starts with a capital. */
function surnameWithPrefix(a: Pick<Addressee, 'prefix' | 'surname'>): string {
  const prefix = clean(a.prefix);
  const surname = clean(a.surname);
  if (!surname) return '';
  return prefix ? `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${surname}` : surname;
}

/** The salutation; the address file has no gender, so both forms are named. */
export function salutation(a: Pick<Addressee, 'prefix' | 'surname'>, language: LetterLanguage): string {
  const name = surnameWithPrefix(a);
  if (language === 'en') return name ? `Dear Sir or Madam ${name}` : 'Dear Sir or Madam';
  return name ? `Geachte heer/mevrouw ${name}` : 'Geachte heer of mevrouw';
}

/** "1234AB" or "1234 ab" becomes "1234 AB"; anything else is left as it was. */
export function formatPostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : clean(postcode);
}

/**
 * Name, street and house number, postcode and town: PostNL asks for one space inside the
 * postcode, two spaces before the town and the town in capitals.
 */
export function addressLines(a: Addressee): string[] {
  // Non-breaking spaces keep the house number with the last word of the street when a long
  // street name has to wrap in the window.
  const number = [clean(a.houseNumber), clean(a.houseNumberAddition)].filter(Boolean).join('\u00a0');
  return [
    fullName(a),
    [clean(a.street), number].filter(Boolean).join('\u00a0'),
    `${formatPostcode(a.postcode)}\u00a0\u00a0${clean(a.town).toUpperCase()}`,
  ].filter(Boolean);
}

export function longDate(language: LetterLanguage, isoDate: string): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' })
    .format(new Date(`${isoDate}T12:00:00Z`));
}

/** The direct link a QR code and {link} point to. */
export function codeLink(publicUrl: string, code: string): string {
  return `${publicUrl}/r/${code}`;
}

export function letterValues(a: Addressee, code: string, language: LetterLanguage, context: LetterContext): TemplateValues {
  return {
    aanhef: salutation(a, language),
    naam: fullName(a),
    code: formatAccessCode(code),
    link: codeLink(context.publicUrl, code),
    webadres: `${context.publicUrl}/r`,
    organisatie: context.organisationName,
    ronde: context.roundName,
    einddatum: context.fieldworkEnd ? longDate(language, context.fieldworkEnd) : '',
    afmeldlink: '',
  };
}

/** The invitee's own language when there is a letter text for it, else Dutch. */
export function letterLanguageOf(inviteeLanguage: string | null): LetterLanguage {
  const code = clean(inviteeLanguage).toLowerCase().slice(0, 2);
  return (LETTER_LANGUAGES as readonly string[]).includes(code) ? (code as LetterLanguage) : 'nl';
}

/** Example addressee for the preview: long names, so the preview shows the worst case. */
export const EXAMPLE_ADDRESSEE: Addressee = {
  initials: 'J.M.',
  prefix: 'van der',
  surname: 'Berg-Schoonhoven',
  street: 'Burgemeester van Nispen tot Sevenaerstraat',
  houseNumber: '123',
  houseNumberAddition: 'bis',
  postcode: '5211AB',
  town: "'s-Hertogenbosch",
};

/** A valid code for the preview; it belongs to no one. */
export const EXAMPLE_CODE = ((): string => {
  let i = 0;
  return makeAccessCode((max) => (i++ * 7 + 3) % max);
})();
