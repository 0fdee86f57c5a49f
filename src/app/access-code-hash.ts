import { createHash, randomInt } from 'node:crypto';
import { makeAccessCode } from '../domain/access-code.ts';

/** Only this hash of a (normalised) code is stored; the plain code exists on the letter alone. */
export function hashAccessCode(normalisedCode: string): string {
  return createHash('sha256').update(`klantstem-code:${normalisedCode}`).digest('hex');
}

export function newAccessCode(): string {
  return makeAccessCode((max) => randomInt(max));
}
