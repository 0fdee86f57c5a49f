import { err, ok, type Result } from './result.ts';

// Access codes: 11 random characters plus 1 check character from an alphabet without look-alikes
// (no 0/O, 1/I/L). 31 symbols is prime, so the weighted check sum below catches every single
// mistyped character and every swap of two neighbours before the database is asked.

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_DATA_LENGTH = 11;
export const CODE_LENGTH = CODE_DATA_LENGTH + 1;

const base = CODE_ALPHABET.length;

function checkCharacter(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += (i + 2) * CODE_ALPHABET.indexOf(data[i]!);
  return CODE_ALPHABET[(base - (sum % base)) % base]!;
}

/** Makes a code from random integers (any source); the caller supplies cryptographic randomness. */
export function makeAccessCode(randomIndex: (exclusiveMax: number) => number): string {
  let data = '';
  for (let i = 0; i < CODE_DATA_LENGTH; i++) data += CODE_ALPHABET[randomIndex(base)];
  return data + checkCharacter(data);
}

/** Groups of four for reading and printing: "ABCD-EFGH-JKMN". */
export function formatAccessCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

export type AccessCodeProblem = 'empty' | 'length' | 'characters' | 'check';

/** Case-insensitive; spaces and dashes are ignored. */
export function normaliseAccessCode(input: string): Result<string, AccessCodeProblem> {
  const code = input.toUpperCase().replace(/[\s\-.]/g, '');
  if (code.length === 0) return err('empty');
  if (code.length !== CODE_LENGTH) return err('length');
  if (![...code].every((c) => CODE_ALPHABET.includes(c))) return err('characters');
  if (checkCharacter(code.slice(0, CODE_DATA_LENGTH)) !== code[CODE_DATA_LENGTH]) return err('check');
  return ok(code);
}
