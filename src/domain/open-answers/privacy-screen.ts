// Flags personal data in an open answer before anyone but the coding researcher sees it
// (domain.md: an open answer is shown only after review). It is a screen that helps the
// reviewer, not a guarantee:
//
// - BSN: nine digits, optionally grouped with spaces, dots or hyphens, that pass the 11-test.
//   A nine-digit number failing the test is not flagged; an eight-digit BSN written without its
//   leading zero is not recognised.
// - phone: Dutch numbers of ten digits starting with 0 ("06-12345678", "020 123 4567",
//   "(020) 1234567") or with +31 / 0031 and nine digits. Service numbers (0800, 0900, 14 020)
//   are not a person's number and are left alone.
// - email: anything shaped like name@domain.tld.
// - postcode-address: a postcode with or without house number ("1234 AB 5", "1234ab"), and a
//   street name with a common Dutch street suffix plus a number ("Kerkstraat 12", "hoofdweg
//   3a"). Streets without such a suffix ("Markt 5", "Lange Voorhout 1") are missed.
// - case-number: a number after "klantnummer", "dossier(nummer)", "zaaknummer", "kenmerk",
//   "BSN-nummer" and the like. Only the number is flagged, so the text stays readable.
// - name: a capitalised word after a salutation or a role ("mevrouw Jansen", "meneer De Vries",
//   "klantmanager Petra", "mijn consulent Ahmed"). Names written in lower case, names without a
//   title ("Petra was super") and names in other scripts are missed; a capitalised common word
//   after a role word ("de klantmanager Vorige week ...") is a false alarm.
export type PersonalDataKind = 'bsn' | 'phone' | 'email' | 'postcode-address' | 'case-number' | 'name';

export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  /** Offsets in the text as UTF-16 code units, like String.prototype.slice. */
  readonly start: number;
  readonly end: number;
  readonly match: string;
}

export const REDACTION_LABEL: Readonly<Record<PersonalDataKind, string>> = {
  bsn: '[BSN]',
  phone: '[telefoonnummer]',
  email: '[e-mailadres]',
  'postcode-address': '[adres]',
  'case-number': '[dossiernummer]',
  name: '[naam]',
};

const NOT_AFTER_DIGIT = '(?<![\\p{N}][ .\\-]?)';
const NOT_BEFORE_DIGIT = '(?![ .\\-]?\\p{N})';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE = new RegExp(
  [
    `(?:\\+31|0031)[ \\-]?(?:\\(0\\)[ \\-]?)?\\d(?:[ \\-]?\\d){8}${NOT_BEFORE_DIGIT}`,
    `${NOT_AFTER_DIGIT}\\(0\\d{2}\\)[ \\-]?\\d(?:[ \\-]?\\d){6}${NOT_BEFORE_DIGIT}`,
    `${NOT_AFTER_DIGIT}\\(0\\d{3}\\)[ \\-]?\\d(?:[ \\-]?\\d){5}${NOT_BEFORE_DIGIT}`,
    `${NOT_AFTER_DIGIT}0(?!800|900|90[69])\\d(?:[ \\-]?\\d){8}${NOT_BEFORE_DIGIT}`,
  ].join('|'),
  'gu',
);
const NINE_DIGITS = new RegExp(`${NOT_AFTER_DIGIT}\\d(?:[ .\\-]?\\d){8}${NOT_BEFORE_DIGIT}`, 'gu');
const CASE_NUMBER_VALUE = '((?:[A-Z]{1,4}[-\\s]?)?\\d[\\d\\-/.]*\\d)';
const CASE_NUMBER = new RegExp(
  [
    `\\b(?:klant|dossier|zaak|relatie|registratie|referentie|client|cliënt)[-\\s]?(?:nummer|nr\\.?|no\\.?)\\s*(?:is|was|:|#)?\\s*${CASE_NUMBER_VALUE}`,
    `\\b(?:dossier|zaak|kenmerk)\\s*(?:is|:)?\\s*${CASE_NUMBER_VALUE}`,
  ].join('|'),
  'giu',
);
const POSTCODE = /\b[1-9]\d{3}\s?(?:[A-Z]{2}|[a-z]{2})\b(?:,?\s*(?:nr\.?\s*)?\d{1,5}(?:\s?[a-zA-Z]\b|\s?-\s?\d{1,4})?)?/gu;
// Not "ring", "oord" or "dam": "vergadering 2", "antwoord 3", "Amsterdam 2019" are no addresses.
const STREET_SUFFIX = 'straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|pad|steeg|park|baan|markt|veld|wal|plantsoen|burg|haven|akker|weide';
const NOT_A_QUANTITY = '(?!\\s*(?:weken|week|dagen|dag|maanden|maand|jaar|jaren|keer|uur|minuten|euro|procent|%))';
const STREET = new RegExp(
  `(?<![\\p{L}])\\p{L}{2,}(?:${STREET_SUFFIX})\\s+\\d{1,5}(?:\\s?[a-zA-Z]\\b|\\s?-\\s?\\d{1,4})?${NOT_BEFORE_DIGIT}${NOT_A_QUANTITY}`,
  'giu',
);
// A dot after an abbreviation ("mevr.", "dhr.") is part of the title; after a full word it ends
// a sentence ("Weer een andere consulent. Je moet ..."), and the next capital is no name.
const TITLE = /\b(?:(?:mevr|mw|mnr|dhr|mr|mrs|ms)\.?|mevrouw|meneer|de heer|juffrouw|miss|sir|(?:klant\s?)?manager|klantman(?:a|e)?ger|klanmanager|consulente?|consultant|inkomensconsulent|casemanager|case\s?worker|werkcoach|coach|begeleid(?:st)?er|contactpersoon|medewerk(?:st)?er|schuldhulpverlener|maatschappelijk\s+werk(?:st)?er|jobcoach|trajectbegeleider|collega)\s+/giu;
const PARTICLE = "(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Ee]l|[Aa]l|[Ll]a|[Ll]e|'t|[Ii]n ['’]t)\\s+)*";
const CAPITALISED = "\\p{Lu}[\\p{Ll}'’-]+";
const NAME_AFTER_TITLE = new RegExp(`${PARTICLE}${CAPITALISED}(?:\\s+${PARTICLE}${CAPITALISED})?`, 'uy');
/** Capitalised words that start a sentence or are not names, so "meneer Ik" is not flagged. */
const NOT_A_NAME: ReadonlySet<string> = new Set([
  'ik', 'het', 'de', 'die', 'dat', 'een', 'en', 'maar', 'was', 'is', 'heeft', 'had', 'zij', 'hij', 'ze', 'we', 'je', 'jij', 'u',
  'wij', 'ook', 'niet', 'nooit', 'altijd', 'toen', 'daarna', 'dan', 'als', 'bij', 'van', 'voor', 'in', 'op',
  'the', 'and', 'he', 'she', 'they', 'i', 'it', 'wmo', 'uwv', 'dwi', 'sociale', 'gemeente',
]);

/** Findings in text order; where two kinds overlap, the longer (then the more specific) wins. */
export function screenPersonalData(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  const add = (kind: PersonalDataKind, start: number, match: string): void => {
    found.push({ kind, start, end: start + match.length, match });
  };
  for (const m of text.matchAll(EMAIL)) add('email', m.index, m[0]);
  for (const m of text.matchAll(PHONE)) add('phone', m.index, m[0]);
  for (const m of text.matchAll(NINE_DIGITS)) {
    if (isValidBsn(m[0])) add('bsn', m.index, m[0]);
  }
  for (const m of text.matchAll(CASE_NUMBER)) {
    const number = m[1] ?? m[2]!;
    if ((number.match(/\d/g) ?? []).length < 3) continue;
    add('case-number', m.index + m[0].lastIndexOf(number), number);
  }
  for (const m of text.matchAll(POSTCODE)) {
    if (isPostcode(m[0])) add('postcode-address', m.index, m[0]);
  }
  for (const m of text.matchAll(STREET)) add('postcode-address', m.index, m[0]);
  for (const m of text.matchAll(TITLE)) {
    NAME_AFTER_TITLE.lastIndex = m.index + m[0].length;
    const name = NAME_AFTER_TITLE.exec(text);
    if (name && !NOT_A_NAME.has(firstCapitalisedWord(name[0]))) add('name', name.index, name[0]);
  }
  return withoutOverlaps(found);
}

const PARTICLE_WORDS: ReadonlySet<string> = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'te', 'el', 'al', 'la', 'le', "'t", 'in']);

/** "van der Berg" → "berg": the word to check against NOT_A_NAME. */
function firstCapitalisedWord(name: string): string {
  const words = name.toLowerCase().split(/\s+/);
  return words.find((w) => !PARTICLE_WORDS.has(w)) ?? words[0]!;
}

/** Replaces each finding by its label ("[BSN]", "[naam]"); overlapping findings are merged. */
export function redact(text: string, findings: readonly PersonalDataFinding[]): string {
  let result = '';
  let position = 0;
  for (const finding of withoutOverlaps(findings)) {
    result += text.slice(position, finding.start) + REDACTION_LABEL[finding.kind];
    position = finding.end;
  }
  return result + text.slice(position);
}

/**
 * The 11-test of the burgerservicenummer: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by
 * 11. Separators are ignored; 000000000 passes the test but is not a number anyone has.
 */
export function isValidBsn(candidate: string): boolean {
  const digits = candidate.replace(/[ .\-]/g, '');
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

const WORDS_LIKE_POSTCODE_LETTERS: ReadonlySet<string> = new Set([
  'en', 'of', 'is', 'in', 'op', 'al', 'na', 'ik', 'om', 'te', 'nu', 'er', 'ze', 'je', 'we', 'me', 'zo', 'ja',
  'da', 'nr', 'uw', 'hy', 'at', 'to', 'an', 'as', 'it', 'or', 'on', 'by', 'ok', 'jr', 'km', 'kg', 'uu', 'eu',
]);

function isPostcode(match: string): boolean {
  // "in 2024 en 2025", "SINDS 2023 IN DE BIJSTAND": four digits and a short word are common in
  // answers, so letters that form a word count only when written against the digits
  // ("1234EN"); SA, SD and SS are never used in Dutch postcodes.
  const letters = /^\d{4}\s?(\p{L}{2})/u.exec(match)![1]!.toLowerCase();
  if (['sa', 'sd', 'ss'].includes(letters)) return false;
  return !WORDS_LIKE_POSTCODE_LETTERS.has(letters) || /^\d{4}\p{L}/u.test(match);
}

const SPECIFICITY: Readonly<Record<PersonalDataKind, number>> = {
  email: 6, bsn: 5, phone: 4, 'case-number': 3, 'postcode-address': 2, name: 1,
};

function withoutOverlaps(findings: readonly PersonalDataFinding[]): PersonalDataFinding[] {
  const ranked = [...findings].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || SPECIFICITY[b.kind] - SPECIFICITY[a.kind] || a.start - b.start,
  );
  const kept: PersonalDataFinding[] = [];
  for (const finding of ranked) {
    if (kept.every((k) => finding.end <= k.start || finding.start >= k.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
