import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPublishedFigures } from '../../src/app/history-import/import-published-figures.ts';
import { createRound } from '../../src/app/round-design.ts';
import { roundReport } from '../../src/app/round-report.ts';
import { ensureStandardQuestionnaire } from '../../src/app/ensure-standard-questionnaire.ts';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// A round from before Klantstem, typed over from its report, and the next round compared with it.
//   2021 (report): mark n 200, mean 6,8, sd 1,6, 9 % insufficient; telephone reachability 40 % of 150 agree.
//   2022 (answers): marks 7×50, 8×50 → mean 7,5, sd √(25/99) = 0,50252; reachability 45 of 100 agree (4 × 45, 2 × 55).
// Welch on the mark: se² = 1,6²/200 + 0,25253/100 = 0,0153253, t = 0,7/0,12380 = 5,65 → p < 0,001, "significant hoger".
// Reachability: 60 of 150 against 45 of 100, pooled 105/250 = 0,42, se = 0,063718, z = 0,78471, p = 0,43263: "in lijn".

let t: TestApp;
const actor = () => ({ organisationId: t.orgA, userId: null });
const roundCount = async () => (await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('rounds').select('id').execute())).length;

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

describe('a round from the figures of an old report', () => {
  it('refuses a file with problems, row by row, and stores nothing', async () => {
    const before = await roundCount();
    const csv = 'item;n;gemiddelde;sd;aandeel\nalgemeen.cijfer;200;6,8;1,6;9%\nbestaat.niet;10;7;;\ntelefoon.bereikbaarheid;150;3,4;;\nbalie.bejegening;veel;;;60%\nalgemeen.cijfer;100;7;;\n';
    const result = await importPublishedFigures(t.database.db, actor(), { name: 'KTO 2021', year: 2021, text: csv, source: '' });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'rows') throw new Error('expected row problems');
    expect(result.error.reading.rowProblems).toEqual([
      { row: 3, problem: { kind: 'unknown-item', key: 'bestaat.niet' } },
      { row: 4, problem: { kind: 'figure', problem: 'mean-not-used' } },
      { row: 5, problem: { kind: 'number', column: 'n', text: 'veel' } },
      { row: 6, problem: { kind: 'duplicate-item', key: 'algemeen.cijfer' } },
    ]);
    expect((await importPublishedFigures(t.database.db, actor(), { name: 'KTO 2021', year: 2021, text: 'vraag;aantal\n', source: '' })))
      .toEqual({ ok: false, error: { kind: 'file', problem: { kind: 'missing-columns', columns: ['mean', 'share'] } } });
    expect((await importPublishedFigures(t.database.db, actor(), { name: 'KTO 2021', year: 1980, text: csv, source: '' })))
      .toEqual({ ok: false, error: { kind: 'fields', fields: ['year'], latest: new Date().getUTCFullYear() } });
    expect(await roundCount()).toBe(before);
  });

  it('checks a correct file in a dry run without storing it, then imports it as a closed round', async () => {
    const csv = 'item,n,mean,sd,share\nalgemeen.cijfer,200,6.8,1.6,9 %\ntelefoon.bereikbaarheid,150,,,40\n';
    const before = await roundCount();
    const dry = await importPublishedFigures(t.database.db, actor(), { name: 'KTO 2021', year: 2021, text: csv, source: 'Rapport 2021, tabel 2', dryRun: true });
    expect(dry.ok && dry.value.roundId).toBeNull();
    expect(dry.ok && dry.value.reading.figures).toEqual([
      { itemKey: 'algemeen.cijfer', n: 200, mean: 6.8, sd: 1.6, share: 0.09 },
      { itemKey: 'telefoon.bereikbaarheid', n: 150, mean: null, sd: null, share: 0.4 },
    ]);
    expect(await roundCount()).toBe(before);

    const imported = await importPublishedFigures(t.database.db, actor(), { name: 'KTO 2021', year: 2021, text: csv, source: 'Rapport 2021, tabel 2' });
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    const roundId = imported.value.roundId!;
    const rows = await withTenant(t.database.db, t.orgA, async (tx) => ({
      round: await tx.selectFrom('rounds').select(['status', 'year']).where('id', '=', roundId).executeTakeFirstOrThrow(),
      figures: await tx.selectFrom('published_figures').select(['item_key', 'source']).where('round_id', '=', roundId).orderBy('item_key').execute(),
    }));
    expect(rows.round).toEqual({ status: 'closed', year: 2021 });
    expect(rows.figures).toEqual([{ item_key: 'algemeen.cijfer', source: 'Rapport 2021, tabel 2' }, { item_key: 'telefoon.bereikbaarheid', source: 'Rapport 2021, tabel 2' }]);
    // Another organisation does not see them.
    const foreign = await withTenant(t.database.db, t.orgB, (tx) => tx.selectFrom('published_figures').select('item_key').execute());
    expect(foreign).toEqual([]);
  });

  it('is the previous round of the next one, with the tests its figures allow', async () => {
    const db = t.database.db;
    const standard = await ensureStandardQuestionnaire(db);
    const id = randomUUID();
    const created = await createRound(db, { organisationId: t.orgA, actorId: null, id, sourceVersionId: standard.id, design: {
      name: 'KTO 2022', year: 2022, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: '2022-03-01', fieldworkEnd: '2022-04-01', access: 'codes',
    } });
    if (!created.ok) throw new Error('round');
    await withTenant(db, t.orgA, async (tx) => {
      await insertCompletedResponses(tx, t.orgA, id, Array.from({ length: 100 }, (_, i) => ({
        id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2022-03-02', completedOn: '2022-03-02',
        answers: [{ itemKey: 'algemeen.cijfer', valueNum: i < 50 ? 7 : 8 }, { itemKey: 'telefoon.bereikbaarheid', valueNum: i < 45 ? 4 : 2 }],
      })));
      await setRoundStatus(tx, id, 'closed');
    });
    const view = (await roundReport(db, t.orgA, id))!;
    const report = view.report;
    expect(report.previousRound).toEqual({ year: 2021, name: 'KTO 2021', completed: 200, fromReport: true });
    const items = new Map(report.modules.flatMap((m) => m.items).map((i) => [i.key, i]));
    const overall = report.overall!;
    expect(overall.previous?.figure?.value).toBe(6.8);
    expect(overall.previous?.n).toBe(200);
    expect(overall.comparison?.label).toBe('significant-higher');
    expect(overall.comparison!.p).toBeLessThan(0.001);
    const reachability = items.get('telefoon.bereikbaarheid')!;
    expect(reachability.previous?.figure?.value).toBe(0.4);
    expect(reachability.comparison!.p).toBeCloseTo(0.43263, 4);
    expect(reachability.comparison!.label).toBe('in-line');
    expect(overall.trend.map((p) => [p.year, p.n, p.figure?.value])).toEqual([[2021, 200, 6.8], [2022, 100, 7.5]]);

    const researcher = new Client(t.app);
    await researcher.signIn('researcher@alfa.nl');
    const page = (await researcher.get(`/rounds/${id}/report`)).body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(page).toContain('De cijfers van KTO 2021 komen uit het rapport van die ronde en zijn hier overgenomen.');
    for (const url of [`/rounds/${id}/report/items/algemeen.cijfer`, `/rounds/${id}/report/items/telefoon.bereikbaarheid`, `/rounds/${id}/report/document`]) {
      const shown = await researcher.get(url);
      expect(shown.statusCode, url).toBeLessThan(400);
    }
    const item = (await researcher.get(`/rounds/${id}/report/items/algemeen.cijfer`)).body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(item).toContain('KTO 2021');
    expect(item).toContain('6,8');
  });
});
