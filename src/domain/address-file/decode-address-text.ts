import { err, ok, type Result } from '../result.ts';

// Address files come from benefits systems and from Excel's "Save as CSV", which writes UTF-8
// (often with a byte-order mark) or Windows-1252. Valid UTF-8 is taken as UTF-8: Windows-1252
// text with accented letters (ë = EB) is almost never valid UTF-8, because a lead byte must be
// followed by continuation bytes (80-BF). Everything else is read as Windows-1252, which maps
// every byte to a character. UTF-16 ("Unicode text" in Excel) and binary files (old .xls,
// PDF, images) are refused: reading them as text would produce garbage without an error.

export type TextEncodingName = 'utf-8' | 'windows-1252';
export type DecodeProblem = 'empty' | 'utf16' | 'binary';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  // Without a byte-order mark: ASCII text in UTF-16 has a zero in every other byte.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? zeroEven++ : zeroOdd++;
  const half = sample.length / 2;
  return half >= 2 && (zeroEven > half * 0.6 || zeroOdd > half * 0.6);
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    // Control characters other than tab, line feed, carriage return and form feed.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length * 0.01;
}

// Windows-1252 differs from Latin-1 in 80-9F. Node 20's TextDecoder('windows-1252') decodes
// those bytes as Latin-1 control characters (U+0080-U+009F), so they are mapped here as the
// WHATWG Encoding Standard says; the five undefined bytes stay as they are.
const C1_TO_WINDOWS_1252: Readonly<Record<number, string>> = {
  0x80: '\u20ac', 0x82: '\u201a', 0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021',
  0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017d',
  0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014',
  0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a', 0x9c: '\u0153', 0x9e: '\u017e', 0x9f: '\u0178',
};

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => C1_TO_WINDOWS_1252[c.charCodeAt(0)] ?? c);
}

/** The text of a CSV file, with the byte-order mark removed, or why it cannot be read. */
export function decodeAddressText(bytes: Uint8Array): Result<DecodedText, DecodeProblem> {
  if (bytes.length === 0) return err('empty');
  if (looksLikeUtf16(bytes)) return err('utf16');
  if (looksBinary(bytes)) return err('binary');
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return ok({ text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' });
  } catch {
    return ok({ text: decodeWindows1252(body), encoding: 'windows-1252' });
  }
}
