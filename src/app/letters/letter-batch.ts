import type { Kysely } from 'kysely';
import { getLetterSettings, listLetterRecipients, recordMailing, type LetterSettings } from '../../db/letter-store.ts';
import { getOrganisation } from '../../db/organisation-store.ts';
import { getVersion } from '../../db/questionnaire-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { normaliseAccessCode } from '../../domain/access-code.ts';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { openSealedText } from '../sealed-text.ts';
import { EMPTY_LETTER_SETTINGS } from './letter-settings.ts';
import { letterTextsIn, type LetterTexts } from './letter-texts.ts';
import { letterLanguageOf, type Addressee, type LetterLanguage } from './letter-values.ts';
import { canSendLetters, type LettersRequest } from './start-letters.ts';

// Everything the letters job prints, read in one tenant transaction: the round, its layout and
// texts, the questionnaire when it is attached, and each addressee with the plain code opened.

export interface PreparedLetter {
  readonly addressee: Addressee;
  /** Normalised access code. */
  readonly code: string;
  readonly language: LetterLanguage;
}

export interface LetterBatch {
  readonly round: Round;
  readonly organisationName: string;
  readonly settings: LetterSettings;
  readonly texts: LetterTexts;
  /** Set when the paper questionnaire goes with each letter. */
  readonly questionnaire: Questionnaire | undefined;
  readonly letters: readonly PreparedLetter[];
}

export async function loadLetterBatch(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; secret: string; request: LettersRequest },
): Promise<Result<LetterBatch, 'not-found' | 'round-closed'>> {
  return withTenant(db, input.organisationId, async (tx) => {
    const round = await getRound(tx, input.organisationId, input.roundId);
    const organisation = await getOrganisation(tx, input.organisationId);
    if (!round || !organisation) return err('not-found' as const);
    if (!canSendLetters(round.status)) return err('round-closed' as const);
    const settings = (await getLetterSettings(tx, round.id)) ?? EMPTY_LETTER_SETTINGS;
    const version = settings.attachQuestionnaire ? await getVersion(tx, round.questionnaireVersionId) : undefined;
    const rows = await listLetterRecipients(tx, round.id, input.request);
    const letters = rows.map((row): PreparedLetter => {
      const code = normaliseAccessCode(openSealedText(input.secret, 'access-code', row.codeSealed));
      // A sealed value that opens but is no code is a bug upstream; never print it.
      if (!code.ok) throw new Error('A sealed access code is not a valid code.');
      return {
        addressee: row,
        code: code.value,
        language: input.request.language === 'invitee' ? letterLanguageOf(row.language) : input.request.language,
      };
    });
    return ok({
      round,
      organisationName: organisation.name,
      settings,
      texts: await letterTextsIn(tx, round.id),
      questionnaire: version?.definition,
      letters,
    });
  });
}

/** Stores the finished PDF and the mailing record in one transaction. */
export function saveLetterMailing(
  db: Kysely<DB>,
  input: { organisationId: string; roundId: string; jobId: string; request: LettersRequest; letters: number; fileName: string; parts: readonly Buffer[] },
): Promise<string> {
  return withTenant(db, input.organisationId, (tx) => recordMailing(tx, {
    organisationId: input.organisationId, roundId: input.roundId, jobId: input.jobId,
    kind: input.request.kind, reminderNumber: input.request.reminderNumber, letters: input.letters,
    fileName: input.fileName, parts: input.parts,
  }));
}
