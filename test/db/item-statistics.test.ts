import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterWithCode } from '../../src/app/respondent/enter-with-code.ts';
import { completeSurvey, saveBlock } from '../../src/app/respondent/respondent-survey.ts';
import { savePaperEntry } from '../../src/app/paper/save-paper-entry.ts';
import { rebuildItemStatistics } from '../../src/db/item-statistics-store.ts';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The stored sufficient statistics must always equal a fresh aggregate over the answers of the
// completed responses, whichever way a response was completed: on the web (with routed-away
// answers dropped at completion), typed from paper, or inserted in bulk.

let t: TestApp;
let roundId: string;
let codes: string[];

beforeAll(async () => {
  t = await createTestApp();
  ({ roundId, codes } = await createFieldworkRound(t.database.db, t.orgA, { codes: 10 }));
});
afterAll(async () => t.close());

type Cells = Record<string, number>;

/** The statistics as stored, as "item|kind|value|option" → count, plus moments. */
async function stored(): Promise<{ cells: Cells; moments: Cells }> {
  const rows = await sql<{ item_key: string; kind: string; value: number; option_code: string; count: number }>`
    select item_key, kind, value, option_code, count from item_statistics where round_id = ${roundId}`.execute(t.database.db);
  const moments = await sql<{ item_key: string; n: number; sum: number; sum_squares: number }>`
    select item_key, n, sum, sum_squares from item_moments where round_id = ${roundId}`.execute(t.database.db);
  const cells: Cells = {};
  for (const r of rows.rows) if (Number(r.count) > 0) cells[`${r.item_key}|${r.kind}|${r.value}|${r.option_code}`] = Number(r.count);
  const m: Cells = {};
  for (const r of moments.rows) Object.assign(m, { [`${r.item_key}|n`]: Number(r.n), [`${r.item_key}|sum`]: Number(r.sum), [`${r.item_key}|sum2`]: Number(r.sum_squares) });
  return { cells, moments: m };
}

/** The same figures computed here, in plain JavaScript, from the raw answer rows. */
async function fresh(): Promise<{ cells: Cells; moments: Cells }> {
  const answers = await sql<{ response_id: string; item_key: string; option_code: string; value_num: number | null; value_text: string | null; not_applicable: boolean }>`
    select a.response_id, a.item_key, a.option_code, a.value_num, a.value_text, a.not_applicable
    from answers a join responses r on r.id = a.response_id
    where a.round_id = ${roundId} and r.status = 'completed'`.execute(t.database.db);
  const cells: Cells = {};
  const moments: Cells = {};
  const add = (target: Cells, key: string, by: number) => { target[key] = (target[key] ?? 0) + by; };
  const respondents = new Map<string, Set<string>>();
  for (const a of answers.rows) {
    const value = a.value_num === null ? null : Number(a.value_num);
    if (a.not_applicable) add(cells, `${a.item_key}|not_applicable|0|`, 1);
    else {
      if (!respondents.has(a.item_key)) respondents.set(a.item_key, new Set());
      respondents.get(a.item_key)!.add(a.response_id);
      if (a.option_code) add(cells, `${a.item_key}|option|0|${a.option_code}`, 1);
      else if (a.value_text !== null) add(cells, `${a.item_key}|text|0|`, 1);
      else if (Number.isInteger(value) && Math.abs(value!) <= 1000) add(cells, `${a.item_key}|value|${value}|`, 1);
    }
    if (value !== null) {
      add(moments, `${a.item_key}|n`, 1);
      add(moments, `${a.item_key}|sum`, value);
      add(moments, `${a.item_key}|sum2`, value * value);
    }
  }
  for (const [key, set] of respondents) cells[`${key}|respondents|0|`] = set.size;
  // The round's own row (item key ''): its completed responses.
  const completed = await sql<{ n: number }>`select count(*)::int as n from responses where round_id = ${roundId} and status = 'completed'`.execute(t.database.db);
  if (completed.rows[0]!.n > 0) cells['|respondents|0|'] = completed.rows[0]!.n;
  return { cells, moments };
}

describe('item statistics', () => {
  it('start empty for a new round', async () => {
    expect(await stored()).toEqual({ cells: {}, moments: {} });
  });

  it('count a web response once, without the answers routing dropped at completion', async () => {
    const entered = await enterWithCode(t.database.db, { code: codes[0]!, language: 'nl' });
    if (!entered.ok) throw new Error(entered.error);
    const ticket = entered.value;
    const save = async (blockKey: string, body: Record<string, string>) => {
      const saved = await saveBlock(t.database.db, ticket, { blockKey, body, language: 'nl' });
      expect(saved.ok && saved.value.kind, blockKey).toBe('saved');
    };
    await save('algemeen', { 'algemeen.cijfer': '8' });
    await save('situatie', { 'situatie.intake': '1', 'situatie.inkomensconsulent': '0', 'situatie.werk': '0', 'situatie.schuldhulp': '0' });
    await save('contact', { 'balie.bejegening': '4', 'balie.wachttijd': 'na' });
    await save('intake', { 'intake.rechten_plichten': '5', 'intake.cijfer': '9' });
    // Routed away from the intake afterwards: its answers must not be counted.
    await save('situatie', { 'situatie.intake': '0', 'situatie.inkomensconsulent': '0', 'situatie.werk': '0', 'situatie.schuldhulp': '0' });
    // Nothing is counted before completion.
    expect((await stored()).cells).toEqual({});
    const done = await completeSurvey(t.database.db, ticket);
    expect(done.ok).toBe(true);
    const after = await stored();
    expect(after.cells['algemeen.cijfer|value|8|']).toBe(1);
    expect(after.cells['balie.wachttijd|not_applicable|0|']).toBe(1);
    expect(after.cells['intake.cijfer|value|9|']).toBeUndefined();
    expect(after).toEqual(await fresh());
    // Completing again changes nothing.
    expect((await completeSurvey(t.database.db, ticket)).ok).toBe(false);
    expect(await stored()).toEqual(after);
  });

  it('count a typed paper form', async () => {
    const user = await withSystem(t.database.db, (tx) => tx.selectFrom('users').select('id').where('email', '=', 'researcher@alfa.nl').executeTakeFirstOrThrow());
    const saved = await savePaperEntry(t.database.db, { organisationId: t.orgA, roundId, userId: user.id }, {
      code: codes[1]!, language: 'nl',
      body: { 'algemeen.cijfer': '6', 'situatie.intake': '0', 'balie.bejegening': '2', 'achtergrond.leeftijd': '45-54' },
    });
    expect(saved.ok && saved.value.kind, JSON.stringify(saved.ok && saved.value.kind === 'invalid' ? [...saved.value.read.problems] : saved)).toBe('saved');
    const after = await stored();
    expect(after.cells['algemeen.cijfer|value|6|']).toBe(1);
    expect(after.cells['achtergrond.leeftijd|option|0|45-54']).toBe(1);
    expect(after).toEqual(await fresh());
  });

  it('count bulk inserts: choices, n.v.t., open text, and numbers that are not small integers', async () => {
    const response = (answers: Parameters<typeof insertCompletedResponses>[3][number]['answers']) => ({
      id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers,
    });
    await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, roundId, [
      response([{ itemKey: 'algemeen.cijfer', valueNum: 8 }, { itemKey: 'eigen.kanalen', optionCode: 'balie' }, { itemKey: 'eigen.kanalen', optionCode: 'telefoon' }]),
      response([{ itemKey: 'algemeen.cijfer', notApplicable: true }, { itemKey: 'eigen.kanalen', optionCode: 'balie' }, { itemKey: 'open.pluspunten', valueText: 'Snel geholpen' }]),
      response([{ itemKey: 'eigen.bedrag', valueNum: 2500 }, { itemKey: 'eigen.bedrag2', valueNum: 3.5 }, { itemKey: 'eigen.kanalen', notApplicable: true }]),
      response([{ itemKey: 'eigen.bedrag', valueNum: 12 }]),
    ]));
    const after = await stored();
    // algemeen.cijfer: 8 (web), 6 (paper), 8 (bulk) → two eights, one six, one n.v.t.
    expect(after.cells['algemeen.cijfer|value|8|']).toBe(2);
    // Completed responses: 1 web + 1 paper + 4 bulk.
    expect(after.cells['|respondents|0|']).toBe(6);
    expect(after.cells['algemeen.cijfer|respondents|0|']).toBe(3);
    // Multiple choice: three ticks by two respondents.
    expect(after.cells['eigen.kanalen|option|0|balie']).toBe(2);
    expect(after.cells['eigen.kanalen|respondents|0|']).toBe(2);
    expect(after.cells['open.pluspunten|text|0|']).toBe(1);
    // 2500 and 3.5 are not counted per value; the moments hold every number: n 2, Σ 2512, Σx² 6250144.
    expect(after.cells['eigen.bedrag|value|12|']).toBe(1);
    expect(after.cells['eigen.bedrag|value|2500|']).toBeUndefined();
    expect(after.moments['eigen.bedrag|n']).toBe(2);
    expect(after.moments['eigen.bedrag|sum']).toBe(2512);
    expect(after.moments['eigen.bedrag|sum2']).toBe(2500 * 2500 + 144);
    expect(after.moments['eigen.bedrag2|sum']).toBe(3.5);
    expect(after).toEqual(await fresh());
  });

  it('ignore unfinished responses, and rebuild to the same figures', async () => {
    await enterWithCode(t.database.db, { code: codes[2]!, language: 'nl' }).then(async (entered) => {
      if (!entered.ok) throw new Error(entered.error);
      await saveBlock(t.database.db, entered.value, { blockKey: 'algemeen', body: { 'algemeen.cijfer': '1' }, language: 'nl' });
    });
    const before = await stored();
    expect(before).toEqual(await fresh());
    expect(before.cells['algemeen.cijfer|value|1|']).toBeUndefined();
    await sql`update item_statistics set count = count + 5 where round_id = ${roundId}`.execute(t.database.db);
    await rebuildItemStatistics(t.database.db, roundId);
    expect(await stored()).toEqual(before);
  });

  it('are readable only by their own organisation', async () => {
    const seen = await withTenant(t.database.db, t.orgB, (tx) => sql<{ n: number }>`select count(*)::int as n from item_statistics`.execute(tx));
    expect(seen.rows[0]!.n).toBe(0);
  });
});
