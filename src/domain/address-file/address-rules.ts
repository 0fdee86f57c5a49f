// Rules for single values of an address-file row.

/**
 * A Dutch postcode: four digits not starting with 0, then two letters, optionally separated by
 * a space; SA, SD and SS are never issued (they recall the Second World War). Returns the
 * normalised form "1234 AB", or undefined.
 */
export function normalisePostcode(input: string): string | undefined {
  const match = /^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$/.exec(input);
  if (!match) return undefined;
  const letters = match[2]!.toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return undefined;
  return `${match[1]} ${letters}`;
}

/**
 * E-mail syntax as an address book accepts it: one @, a local part without spaces, a domain of
 * dot-separated labels with a top-level part of at least two letters. Not a full RFC 5322
 * parser: quoted local parts never occur in client files, and the bounce tells the rest.
 */
export function isEmailAddress(input: string): boolean {
  if (input.length > 254) return false;
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/.test(input)
    && !input.startsWith('.') && !input.includes('..') && !input.split('@')[0]!.endsWith('.');
}

/** A house number starts with a digit ("12", "12a" is allowed; the addition has its own column). */
export function isHouseNumber(input: string): boolean {
  return /^[0-9]/.test(input.trim());
}

export const INVITEE_LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl'] as const;
export type InviteeLanguage = (typeof INVITEE_LANGUAGES)[number];

const LANGUAGE_NAMES: Readonly<Record<string, InviteeLanguage>> = {
  nl: 'nl', nederlands: 'nl', dutch: 'nl', nld: 'nl', dut: 'nl',
  en: 'en', engels: 'en', english: 'en', eng: 'en',
  ar: 'ar', arabisch: 'ar', arabic: 'ar', ara: 'ar',
  tr: 'tr', turks: 'tr', turkish: 'tr', tur: 'tr',
  pl: 'pl', pools: 'pl', polish: 'pl', pol: 'pl',
};

/** The invitation language: empty means Dutch; a code or a name in Dutch or English. */
export function normaliseLanguage(input: string): InviteeLanguage | undefined {
  const key = input.trim().toLowerCase();
  if (key === '') return 'nl';
  return LANGUAGE_NAMES[key];
}
