import { createHash } from 'node:crypto';

/**
 * A version-4-shaped UUID that follows from its parts (SHA-256), so the same row gets the same
 * id every time: demo rows in every database, a restarted job's rows. Never for secrets.
 */
export function uuidFromParts(...parts: readonly (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('\u001f')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
