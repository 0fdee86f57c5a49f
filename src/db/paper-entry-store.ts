import type { Generated, JSONColumnType, Transaction } from 'kysely';
import type { StoredAnswer } from '../domain/questionnaire/answer-encoding.ts';
import type { DB } from './schema.ts';
import type { Tx } from './tenant-transaction.ts';

// Tables of migrations/0003-paper-entry.ts. They are typed here, next to their only store, so
// schema.ts (shared by everyone) stays untouched; PaperTx is the same transaction seen with them.

interface PaperEntrySettingsTable {
  organisation_id: string;
  round_id: string;
  double_entry: boolean;
}

interface PendingPaperEntriesTable {
  id: string;
  organisation_id: string;
  round_id: string;
  access_code_id: string;
  language: string;
  first_entered_by: string;
  first_answers: JSONColumnType<StoredAnswer[]>;
  second_entered_by: string | null;
  second_answers: JSONColumnType<StoredAnswer[] | null, string | null, string | null>;
  created_at: Generated<Date>;
}

type PaperTx = Transaction<DB & { paper_entry_settings: PaperEntrySettingsTable; pending_paper_entries: PendingPaperEntriesTable }>;
const paper = (tx: Tx): PaperTx => tx as unknown as PaperTx;

export async function isDoubleEntry(tx: Tx, roundId: string): Promise<boolean> {
  const row = await paper(tx).selectFrom('paper_entry_settings').select('double_entry').where('round_id', '=', roundId).executeTakeFirst();
  return row?.double_entry ?? false;
}

export async function setDoubleEntry(tx: Tx, input: { organisationId: string; roundId: string; on: boolean }): Promise<void> {
  await paper(tx)
    .insertInto('paper_entry_settings')
    .values({ organisation_id: input.organisationId, round_id: input.roundId, double_entry: input.on })
    .onConflict((oc) => oc.column('round_id').doUpdateSet({ double_entry: input.on }))
    .execute();
}

export interface PendingEntry {
  readonly id: string;
  readonly language: string;
  readonly firstBy: string;
  readonly firstAnswers: readonly StoredAnswer[];
  readonly secondBy: string | null;
  readonly secondAnswers: readonly StoredAnswer[] | null;
}

export async function findPendingEntry(tx: Tx, accessCodeId: string): Promise<PendingEntry | undefined> {
  return paper(tx)
    .selectFrom('pending_paper_entries')
    .select(['id', 'language', 'first_entered_by as firstBy', 'first_answers as firstAnswers', 'second_entered_by as secondBy', 'second_answers as secondAnswers'])
    .where('access_code_id', '=', accessCodeId)
    .executeTakeFirst();
}

export async function insertPendingEntry(
  tx: Tx,
  entry: { id: string; organisationId: string; roundId: string; accessCodeId: string; language: string; enteredBy: string; answers: readonly StoredAnswer[] },
): Promise<void> {
  await paper(tx)
    .insertInto('pending_paper_entries')
    .values({
      id: entry.id,
      organisation_id: entry.organisationId,
      round_id: entry.roundId,
      access_code_id: entry.accessCodeId,
      language: entry.language,
      first_entered_by: entry.enteredBy,
      first_answers: JSON.stringify(entry.answers),
    })
    .execute();
}

export async function setSecondEntry(tx: Tx, id: string, enteredBy: string, answers: readonly StoredAnswer[]): Promise<void> {
  await paper(tx)
    .updateTable('pending_paper_entries')
    .set({ second_entered_by: enteredBy, second_answers: JSON.stringify(answers) })
    .where('id', '=', id)
    .execute();
}

export async function deletePendingEntry(tx: Tx, accessCodeId: string): Promise<void> {
  await paper(tx).deleteFrom('pending_paper_entries').where('access_code_id', '=', accessCodeId).execute();
}

export async function countPendingEntries(tx: Tx, roundId: string): Promise<number> {
  const row = await paper(tx)
    .selectFrom('pending_paper_entries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
