import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStandardQuestionnaire } from '../../src/app/ensure-standard-questionnaire.ts';
import type { Database } from '../../src/db/connect.ts';
import { latestVersion, saveQuestionnaireVersion } from '../../src/db/questionnaire-store.ts';
import { withSystem } from '../../src/db/tenant-transaction.ts';
import type { Questionnaire } from '../../src/domain/questionnaire/questionnaire.ts';
import { createTestDatabase } from '../support/test-database.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('questionnaire versions', () => {
  it('stores the shipped standard once, however often start-up runs', async () => {
    const first = await ensureStandardQuestionnaire(database.db);
    const again = await ensureStandardQuestionnaire(database.db);
    expect(again.id).toBe(first.id);
    expect(first.version).toBe(1);
    const count = await database.db.selectFrom('questionnaire_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('makes a new version only when the content changes, and never changes an old one', async () => {
    const standard = (await ensureStandardQuestionnaire(database.db)).definition;
    const reworded: Questionnaire = {
      ...standard,
      blocks: standard.blocks.map((b, i) => (i === 0 ? { ...b, title: { ...b.title, nl: 'Algemeen oordeel' } } : b)),
    };
    const v2 = await withSystem(database.db, (tx) => saveQuestionnaireVersion(tx, { organisationId: null, isStandard: true }, reworded));
    expect(v2.version).toBe(2);
    const same = await withSystem(database.db, (tx) => saveQuestionnaireVersion(tx, { organisationId: null, isStandard: true }, reworded));
    expect(same.id).toBe(v2.id);
    const latest = await withSystem(database.db, (tx) => latestVersion(tx, v2.questionnaireId));
    expect(latest?.definition.blocks[0]?.title.nl).toBe('Algemeen oordeel');
    await expect(sql`update questionnaire_versions set definition = '{}' where id = ${v2.id}`.execute(database.db)).rejects.toThrow(/immutable/);
  });
});
