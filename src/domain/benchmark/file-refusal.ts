// Why a benchmark file was not accepted. The command line prints Dutch first and English beside
// it, so an organiser abroad or a supplier reading the log understands it too; the upload screens
// show the page's language.

export type FileRefusalCode =
  | 'not-json'
  | 'not-a-benchmark-file'
  | 'unsigned'
  | 'wrong-version'
  | 'wrong-kind'
  | 'unknown-key'
  | 'bad-signature'
  | 'invalid-content'
  | 'duplicate'
  | 'other-benchmark'
  | 'other-participant';

export interface FileRefusal {
  readonly code: FileRefusalCode;
  /** What was wrong in detail (a field path, the version found), when that helps. */
  readonly detail?: string;
}

export const FILE_REFUSAL_MESSAGES: Readonly<Record<FileRefusalCode, { readonly nl: string; readonly en: string }>> = {
  'not-json': { nl: 'Het bestand is geen leesbare JSON.', en: 'The file is not readable JSON.' },
  'not-a-benchmark-file': { nl: 'Dit is geen benchmarkbestand van Klantstem.', en: 'This is not a Klantstem benchmark file.' },
  unsigned: { nl: 'Het bestand is niet ondertekend.', en: 'The file is not signed.' },
  'wrong-version': { nl: 'Deze versie van het bestandsformaat wordt niet ondersteund.', en: 'This version of the file format is not supported.' },
  'wrong-kind': { nl: 'Dit is een ander soort benchmarkbestand dan hier verwacht.', en: 'This is a different kind of benchmark file than expected here.' },
  'unknown-key': { nl: 'Het bestand is ondertekend met een sleutel die hier niet is geregistreerd.', en: 'The file is signed with a key that is not registered here.' },
  'bad-signature': { nl: 'De handtekening klopt niet: het bestand is na ondertekening gewijzigd.', en: 'The signature does not match: the file was changed after signing.' },
  'invalid-content': { nl: 'De inhoud van het bestand is ongeldig.', en: 'The content of the file is invalid.' },
  duplicate: { nl: 'Dit bestand is al eerder ingelezen.', en: 'This file has already been imported.' },
  'other-benchmark': { nl: 'Dit bestand hoort bij een andere benchmark (naam, jaar of vragenlijstversie verschilt).', en: 'This file belongs to another benchmark (name, year or questionnaire version differs).' },
  'other-participant': { nl: 'Deze referentiecijfers zijn voor een andere deelnemer.', en: 'These reference figures are for another participant.' },
};

/** "Dutch message / English message (detail)". */
export function describeFileRefusal(refusal: FileRefusal): string {
  const message = FILE_REFUSAL_MESSAGES[refusal.code];
  return `${message.nl} / ${message.en}${refusal.detail ? ` (${refusal.detail})` : ''}`;
}

/** The message in one language, with the detail when there is one (the upload screens). */
export function fileRefusalMessage(refusal: FileRefusal, language: 'nl' | 'en'): string {
  return `${FILE_REFUSAL_MESSAGES[refusal.code][language]}${refusal.detail ? ` (${refusal.detail})` : ''}`;
}
