// The plain text of a document a researcher uploads for qualitative coding: a .txt, .docx or
// .odt. The file comes from outside, so its content must match its name, its size is capped
// before and after inflating, and every refusal is a value with a message that says what to do.

import { assertNever } from '../questionnaire/questionnaire.ts';
import { err, ok, type Result } from '../result.ts';
import { docxParagraphs } from './docx-paragraphs.ts';
import { odtParagraphs } from './odt-paragraphs.ts';
import { readZipEntry } from './zip-entry.ts';

export type DocumentFormat = 'txt' | 'docx' | 'odt';

export type DocumentRefusal =
  | { code: 'unknown-format' }
  | { code: 'not-utf8' }
  | { code: 'corrupt' }
  | { code: 'too-large' }
  | { code: 'encrypted' }
  | { code: 'empty' };

export const DOCUMENT_LIMITS = {
  /** Bytes of the uploaded file. */
  inputBytes: 5_000_000,
  /** Bytes of one inflated part (word/document.xml, content.xml): stops a zip bomb. */
  partBytes: 20_000_000,
  /** Characters (code points) of the resulting text. */
  characters: 200_000,
} as const;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: an old .doc, or a .docx that Office encrypted with a password.
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function documentText(bytes: Uint8Array, fileName: string): Result<string, DocumentRefusal> {
  const format = formatOf(fileName);
  if (format === undefined) return refuse('unknown-format');
  if (bytes.byteLength > DOCUMENT_LIMITS.inputBytes) return refuse('too-large');
  const text = extract(bytes, format);
  if (!text.ok) return text;
  const normalised = normalise(text.value);
  if (normalised === '') return refuse('empty');
  if (codePoints(normalised) > DOCUMENT_LIMITS.characters) return refuse('too-large');
  return ok(normalised);
}

function extract(bytes: Uint8Array, format: DocumentFormat): Result<string, DocumentRefusal> {
  switch (format) {
    case 'txt': return plainText(bytes);
    case 'docx': return docxText(bytes);
    case 'odt': return odtText(bytes);
    default: return assertNever(format);
  }
}

function formatOf(fileName: string): DocumentFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return extension === 'txt' || extension === 'docx' || extension === 'odt' ? extension : undefined;
}

function plainText(bytes: Uint8Array): Result<string, DocumentRefusal> {
  let text: string;
  try {
    // A UTF-8 byte order mark is dropped; a UTF-16 one is not valid UTF-8 and refused.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not-utf8');
  }
  // NUL is valid UTF-8 but never in real text: it is the mark of UTF-16 without a byte order mark.
  return text.includes('\u0000') ? refuse('not-utf8') : ok(text);
}

function docxText(bytes: Uint8Array): Result<string, DocumentRefusal> {
  if (startsWith(bytes, CFB_MAGIC)) return refuse(containsEncryptedPackage(bytes) ? 'encrypted' : 'unknown-format');
  if (!startsWith(bytes, ZIP_MAGIC)) return refuse('unknown-format');
  const part = readZipEntry(bytes, 'word/document.xml', DOCUMENT_LIMITS.partBytes);
  if (!part.ok) return refuse(part.error === 'missing' ? 'corrupt' : part.error);
  const paragraphs = docxParagraphs(part.value);
  return paragraphs.ok ? ok(joinParagraphs(paragraphs.value)) : refuse(paragraphs.error);
}

function odtText(bytes: Uint8Array): Result<string, DocumentRefusal> {
  if (!startsWith(bytes, ZIP_MAGIC)) return refuse('unknown-format');
  // An encrypted ODF package keeps a readable manifest that lists how each part is encrypted.
  const manifest = readZipEntry(bytes, 'META-INF/manifest.xml', DOCUMENT_LIMITS.partBytes);
  if (!manifest.ok && manifest.error !== 'missing') return refuse(manifest.error);
  if (manifest.ok && /<(?:[\w.-]+:)?encryption-data\b/.test(new TextDecoder().decode(manifest.value))) return refuse('encrypted');
  const part = readZipEntry(bytes, 'content.xml', DOCUMENT_LIMITS.partBytes);
  if (!part.ok) return refuse(part.error === 'missing' ? 'corrupt' : part.error);
  const paragraphs = odtParagraphs(part.value);
  return paragraphs.ok ? ok(joinParagraphs(paragraphs.value)) : refuse(paragraphs.error);
}

function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '').join('\n\n');
}

/** Line ends as LF, no white space at line ends, at most one blank line in a row, trimmed. */
function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function codePoints(text: string): number {
  if (text.length <= DOCUMENT_LIMITS.characters) return text.length;
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Office stores an encrypted .docx as a CFB file with an "EncryptedPackage" stream (name in UTF-16LE). */
function containsEncryptedPackage(bytes: Uint8Array): boolean {
  const name = [...'EncryptedPackage'].flatMap((character) => [character.charCodeAt(0), 0]);
  const first = name[0]!;
  for (let at = bytes.indexOf(first); at !== -1 && at + name.length <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    if (name.every((byte, index) => bytes[at + index] === byte)) return true;
  }
  return false;
}

function refuse(code: DocumentRefusal['code']): { readonly ok: false; readonly error: DocumentRefusal } {
  return err({ code });
}

const MESSAGES: Readonly<Record<DocumentRefusal['code'], { readonly nl: string; readonly en: string }>> = {
  'unknown-format': {
    nl: 'Dit soort bestand kan Klantstem niet lezen. Sla het bestand op als .docx, .odt of platte tekst en probeer het opnieuw.',
    en: 'Klantstem cannot read this kind of file. Save the file as .docx, .odt or plain text and try again.',
  },
  'not-utf8': {
    nl: 'Het tekstbestand is niet opgeslagen als UTF-8. Sla het opnieuw op met de codering UTF-8 (in Kladblok: Opslaan als, Codering: UTF-8) en probeer het opnieuw.',
    en: 'The text file is not saved as UTF-8. Save it again with the encoding UTF-8 (in Notepad: Save as, Encoding: UTF-8) and try again.',
  },
  corrupt: {
    nl: 'Het bestand is beschadigd of onvolledig. Open het in uw tekstverwerker, sla het opnieuw op als .docx of .odt en probeer het opnieuw.',
    en: 'The file is damaged or incomplete. Open it in your word processor, save it again as .docx or .odt and try again.',
  },
  'too-large': {
    nl: 'Het bestand is te groot: het mag hoogstens 5 MB zijn en 200.000 tekens tekst bevatten. Verdeel de tekst over kleinere bestanden en probeer het opnieuw.',
    en: 'The file is too large: it may be at most 5 MB and hold 200,000 characters of text. Split the text into smaller files and try again.',
  },
  encrypted: {
    nl: 'Het bestand is beveiligd met een wachtwoord. Sla het op zonder wachtwoord en probeer het opnieuw.',
    en: 'The file is protected with a password. Save it without a password and try again.',
  },
  empty: {
    nl: 'Het bestand bevat geen tekst. Controleer of u het juiste bestand hebt gekozen en probeer het opnieuw.',
    en: 'The file contains no text. Check that you chose the right file and try again.',
  },
};

export function describeDocumentRefusal(refusal: DocumentRefusal, language: 'nl' | 'en'): string {
  return MESSAGES[refusal.code][language];
}
