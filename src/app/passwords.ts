import { hash, verify } from '@node-rs/argon2';
import { isCommonPassword } from '../domain/password-deny-list.ts';

// argon2id with the library's defaults (19 MiB, 2 passes), the OWASP minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Spent on unknown e-mail addresses so that timing does not tell which addresses exist.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('klantstem-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

/**
 * NCSC guidance: length and a deny-list instead of composition rules or forced changes; at
 * least 12 characters, at most 256, not a common password nor the user's own address or name.
 */
export type PasswordProblem = 'too-short' | 'too-long' | 'too-common';
export function checkPasswordRules(password: string, context: { email?: string; name?: string } = {}): PasswordProblem | undefined {
  if ([...password].length < 12) return 'too-short';
  if (password.length > 256) return 'too-long';
  if (isCommonPassword(password, context)) return 'too-common';
  return undefined;
}
