import type { Kysely } from 'kysely';
import {
  getLetterSettings, getMailingFile, listLetterMailings, listRunningLetterJobs,
  type LetterFile, type LetterMailing, type LetterSettings,
} from '../../db/letter-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { EMPTY_LETTER_SETTINGS } from './letter-settings.ts';
import { letterTextsIn, type LetterTexts } from './letter-texts.ts';

// What the letters page shows: settings, texts, earlier mailings and letter jobs still running.

export interface LettersOverview {
  readonly round: Round;
  readonly settings: LetterSettings;
  readonly texts: LetterTexts;
  readonly mailings: readonly LetterMailing[];
  readonly running: readonly { id: string; progress: number; total: number | null }[];
}

export function lettersOverview(db: Kysely<DB>, organisationId: string, roundId: string): Promise<LettersOverview | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    if (!round) return undefined;
    return {
      round,
      settings: (await getLetterSettings(tx, roundId)) ?? EMPTY_LETTER_SETTINGS,
      texts: await letterTextsIn(tx, roundId),
      mailings: await listLetterMailings(tx, roundId),
      running: await listRunningLetterJobs(tx, roundId),
    };
  });
}

/** The stored PDF of one mailing of this round. */
export function mailingFile(db: Kysely<DB>, organisationId: string, roundId: string, mailingId: string): Promise<LetterFile | undefined> {
  return withTenant(db, organisationId, (tx) => getMailingFile(tx, roundId, mailingId));
}
