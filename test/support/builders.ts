import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashAccessCode, newAccessCode } from '../../src/app/access-code-hash.ts';
import { ensureStandardQuestionnaire } from '../../src/app/ensure-standard-questionnaire.ts';
import { createRound } from '../../src/app/round-design.ts';
import { insertAccessCodes } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import type { DB } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import type { Block } from '../../src/domain/questionnaire/questionnaire.ts';

export interface FieldworkRound {
  readonly roundId: string;
  /** Plain codes, as printed on letters. */
  readonly codes: string[];
}

/** A round of the standard questionnaire in fieldwork, with fresh access codes. */
export async function createFieldworkRound(
  db: Kysely<DB>,
  organisationId: string,
  options: { codes?: number; access?: 'codes' | 'open'; disabledModules?: string[]; ownBlocks?: Block[]; name?: string } = {},
): Promise<FieldworkRound> {
  const standard = await ensureStandardQuestionnaire(db);
  const roundId = randomUUID();
  const created = await createRound(db, {
    organisationId,
    actorId: null,
    id: roundId,
    sourceVersionId: standard.id,
    design: {
      name: options.name ?? 'Testronde',
      year: 2026,
      disabledModules: options.disabledModules ?? [],
      ownBlocks: options.ownBlocks ?? [],
      targetGroup: '',
      fieldworkStart: '2026-11-01',
      fieldworkEnd: '2026-12-31',
      access: options.access ?? 'codes',
    },
  });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const codes = Array.from({ length: options.codes ?? 0 }, () => newAccessCode());
  await withTenant(db, organisationId, async (tx) => {
    await setRoundStatus(tx, roundId, 'fieldwork');
    await insertAccessCodes(tx, organisationId, roundId, codes.map((code) => ({ id: randomUUID(), codeHash: hashAccessCode(code) })));
  });
  return { roundId, codes };
}
