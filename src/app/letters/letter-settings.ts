import type { Kysely } from 'kysely';
import { getLetterSettings, saveLetterSettings, type LetterSettings } from '../../db/letter-store.ts';
import { getRound } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';

// Letter layout settings: sender, return address, signer, and two images. Images are checked by
// their first bytes (not by the name or the type the browser claims) and stored as data URLs.

export const MAX_IMAGE_BYTES = 500 * 1024;
const MAX_TEXT = 200;

export const EMPTY_LETTER_SETTINGS: LetterSettings = {
  senderName: '', returnAddress: '', signerName: '', signerTitle: '',
  logoDataUrl: null, signatureDataUrl: null, attachQuestionnaire: false,
};

export interface UploadedImage {
  readonly bytes: Buffer;
}

export interface LetterSettingsInput {
  readonly senderName: string;
  readonly returnAddress: string;
  readonly signerName: string;
  readonly signerTitle: string;
  readonly attachQuestionnaire: boolean;
  /** A new image replaces the stored one; undefined keeps it, unless remove is set. */
  readonly logo: UploadedImage | undefined;
  readonly removeLogo: boolean;
  readonly signature: UploadedImage | undefined;
  readonly removeSignature: boolean;
}

export type LetterSettingsField = 'senderName' | 'returnAddress' | 'signerName' | 'signerTitle' | 'logo' | 'signature';
export type LetterSettingsProblem =
  | { readonly field: LetterSettingsField; readonly kind: 'required' | 'too-long' | 'not-image' | 'too-large' }
  | { readonly field: 'round'; readonly kind: 'not-found' };

function imageType(bytes: Buffer): 'image/png' | 'image/jpeg' | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

function checkImage(field: 'logo' | 'signature', image: UploadedImage, problems: LetterSettingsProblem[]): string | undefined {
  const type = imageType(image.bytes);
  if (!type) problems.push({ field, kind: 'not-image' });
  else if (image.bytes.length > MAX_IMAGE_BYTES) problems.push({ field, kind: 'too-large' });
  else return `data:${type};base64,${image.bytes.toString('base64')}`;
  return undefined;
}

export function letterSettingsOf(db: Kysely<DB>, organisationId: string, roundId: string): Promise<LetterSettings> {
  return withTenant(db, organisationId, async (tx) => (await getLetterSettings(tx, roundId)) ?? EMPTY_LETTER_SETTINGS);
}

/** Saves all settings, or nothing when any field has a problem (stored images are kept then). */
export async function changeLetterSettings(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; settings: LetterSettingsInput },
): Promise<Result<void, LetterSettingsProblem[]>> {
  const s = input.settings;
  const problems: LetterSettingsProblem[] = [];
  const text = (field: LetterSettingsField, value: string, required: boolean): string => {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    if (required && !trimmed) problems.push({ field, kind: 'required' });
    else if (trimmed.length > MAX_TEXT) problems.push({ field, kind: 'too-long' });
    return trimmed;
  };
  const senderName = text('senderName', s.senderName, true);
  const returnAddress = text('returnAddress', s.returnAddress, true);
  const signerName = text('signerName', s.signerName, false);
  const signerTitle = text('signerTitle', s.signerTitle, false);
  const logo = s.logo ? checkImage('logo', s.logo, problems) : undefined;
  const signature = s.signature ? checkImage('signature', s.signature, problems) : undefined;
  if (problems.length) return err(problems);
  return withTenant(db, input.organisationId, async (tx) => {
    if (!(await getRound(tx, input.organisationId, input.roundId))) return err([{ field: 'round', kind: 'not-found' } as const]);
    const stored = (await getLetterSettings(tx, input.roundId)) ?? EMPTY_LETTER_SETTINGS;
    await saveLetterSettings(tx, input.organisationId, input.roundId, {
      senderName, returnAddress, signerName, signerTitle,
      attachQuestionnaire: s.attachQuestionnaire,
      logoDataUrl: logo ?? (s.removeLogo ? null : stored.logoDataUrl),
      signatureDataUrl: signature ?? (s.removeSignature ? null : stored.signatureDataUrl),
    });
    return ok(undefined);
  });
}
