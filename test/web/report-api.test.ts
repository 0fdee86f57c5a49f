import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/api-tokens.ts';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';
import { parseCsv } from '../support/parse-csv.ts';

// GET /api/v1/rounds/:id/report against figures recomputed from the CSV export with plain
// arithmetic in this file: the API, the screen and the exports share one report model, and
// this checks that model from outside.

let t: TestApp;
let roundId: string;
let previousId: string;
let tokenA: string;
let tokenB: string;

interface ApiItem {
  key: string; type: string; n: number; notApplicable: number; threshold: string;
  figure?: { kind: string; value: number; ci?: { lower: number; upper: number } };
  insufficient?: { value: number };
  distribution?: { value: number; count: number; share?: number }[];
  options?: { code: string; count: number; share?: number }[];
  previous?: { n: number; threshold: string; figure?: { value: number } };
  comparison?: { verdict: string; p: number; adjustedP: number };
  trend?: { year: number; current: boolean; n: number; threshold: string; figure?: { value: number } }[];
}

const api = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

async function fill(round: string, answers: AnswerInput[][]): Promise<void> {
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, round, answers.map((list) => ({
    id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-03', answers: list,
  }))));
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  previousId = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2025' })).roundId;
  await fill(previousId, Array.from({ length: 50 }, (_, i) => [
    { itemKey: 'algemeen.cijfer', valueNum: 4 + (i % 4) },
    { itemKey: 'balie.bejegening', valueNum: 1 + (i % 5) },
  ]));
  await withSystem(db, (tx) => sql`update rounds set year = 2025, status = 'closed' where id = ${previousId}`.execute(tx));

  roundId = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2026', codes: 80 })).roundId;
  await fill(roundId, [
    ...Array.from({ length: 45 }, (_, i): AnswerInput[] => [
      { itemKey: 'algemeen.cijfer', valueNum: 6 + (i % 5) },
      ...(i < 22 ? [{ itemKey: 'balie.bejegening', valueNum: 2 + (i % 4) }] : []),
      ...(i < 6 ? [{ itemKey: 'balie.wachttijd', valueNum: 4 }] : []),
      ...(i < 14 ? [{ itemKey: 'situatie.intake', valueNum: i % 3 === 0 ? 1 : 0 }] : []),
      { itemKey: 'achtergrond.leeftijd', optionCode: ['18-26', '27-44', '45-54'][i % 3]! },
    ]),
    [{ itemKey: 'algemeen.cijfer', notApplicable: true }, { itemKey: 'balie.bejegening', notApplicable: true }],
  ]);
  await withSystem(db, (tx) => sql`update access_codes set delivered = false where round_id = ${roundId} and id in (select id from access_codes where round_id = ${roundId} limit 5)`.execute(tx));
  tokenA = await createApiToken(db, { organisationId: t.orgA, name: 'dashboard', role: 'viewer', actorId: null });
  tokenB = await createApiToken(db, { organisationId: t.orgB, name: 'dashboard', role: 'viewer', actorId: null });
});
afterAll(async () => t.close());

describe('GET /api/v1/rounds/:id/report', () => {
  it('needs a valid bearer token and finds no round of another organisation', async () => {
    expect((await api(`/api/v1/rounds/${roundId}/report`)).statusCode).toBe(401);
    expect((await api(`/api/v1/rounds/${roundId}/report`, 'ks_wrong')).statusCode).toBe(401);
    const other = await api(`/api/v1/rounds/${roundId}/report`, tokenB);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({ error: 'not-found' });
    expect((await api('/api/v1/rounds/not-a-uuid/report', tokenA)).statusCode).toBe(404);
    const listed = (await api('/api/v1/rounds', tokenA)).json() as { rounds: { id: string; owner: string }[] };
    expect(listed.rounds.find((r) => r.id === roundId)?.owner).toBe('organisation');
    expect((await api(`/api/v1/rounds/${roundId}`, tokenA)).json().owner).toBe('organisation');
    expect((await api(`/api/v1/rounds/${randomUUID()}/report`, tokenA)).statusCode).toBe(404);
    // A session cookie is no API credential.
    const client = new Client(t.app);
    await client.signIn('researcher@alfa.nl');
    expect((await client.get(`/api/v1/rounds/${roundId}/report`)).statusCode).toBe(401);
  });

  it('equals figures recomputed from the CSV export', async () => {
    const response = await api(`/api/v1/rounds/${roundId}/report`, tokenA);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const body = response.json();
    const items = new Map<string, ApiItem>((body.modules as { items: ApiItem[] }[]).flatMap((m) => m.items).map((i) => [i.key, i]));

    const client = new Client(t.app);
    await client.signIn('researcher@alfa.nl');
    const [header, ...rows] = parseCsv((await client.get(`/rounds/${roundId}/export.csv?values=codes`)).body.slice(1));
    const column = (key: string) => rows.map((r) => r[header!.indexOf(key)]!);
    const valid = (key: string) => column(key).filter((c) => c !== '' && c !== '98').map(Number);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const share = (xs: number[], test: (x: number) => boolean) => xs.filter(test).length / xs.length;

    expect(body.completed).toBe(rows.length);
    expect(body.delivered).toBe(75);
    expect(body.responseRate).toBeCloseTo(46 / 75, 12);
    expect(body.previousRound).toEqual({ name: 'KTO 2025', year: 2025, completed: 50 });
    expect(body.thresholds).toEqual({ hideBelow: 10, indicativeBelow: 30 });
    expect(body.overallItemKey).toBe('algemeen.cijfer');

    const marks = valid('algemeen.cijfer');
    const mark = items.get('algemeen.cijfer')!;
    expect(mark.n).toBe(marks.length);
    expect(mark.notApplicable).toBe(column('algemeen.cijfer').filter((c) => c === '98').length);
    expect(mark.threshold).toBe('reportable');
    expect(mark.figure!.kind).toBe('mean');
    expect(mark.figure!.value).toBeCloseTo(mean(marks), 12);
    expect(mark.insufficient!.value).toBeCloseTo(share(marks, (m) => m <= 5), 12);
    expect(mark.distribution!.map((d) => d.count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => marks.filter((m) => m === v).length));
    // t-interval by hand: mean ± t(0.975; 44) · s/√n, t from tables = 2.0153675744.
    const s = Math.sqrt(marks.reduce((a, m) => a + (m - mean(marks)) ** 2, 0) / (marks.length - 1));
    expect(mark.figure!.ci!.lower).toBeCloseTo(mean(marks) - 2.0153675744 * s / Math.sqrt(marks.length), 6);
    expect(mark.previous!.n).toBe(50);
    expect(mark.previous!.figure!.value).toBeCloseTo((13 * 4 + 13 * 5 + 12 * 6 + 12 * 7) / 50, 12);
    expect(mark.comparison!.verdict).toBe('significant-higher');
    expect(mark.distribution!.map((d) => d.share ?? 0).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(mark.trend!.map((p) => [p.year, p.current, p.n])).toEqual([[2025, false, 50], [2026, true, marks.length]]);
    expect(mark.trend![1]!.figure!.value).toBeCloseTo(mean(marks), 12);
    // No other organisation answered: no reference group, so no reference fields at all.
    expect(body.referenceGroup).toBeNull();
    expect(mark).not.toHaveProperty('reference');
    expect(mark).not.toHaveProperty('referenceComparison');

    const desk = valid('balie.bejegening');
    const agree = items.get('balie.bejegening')!;
    expect(agree.n).toBe(22);
    expect(agree.threshold).toBe('indicative');
    expect(agree.figure!.kind).toBe('share');
    expect(agree.figure!.value).toBeCloseTo(share(desk, (v) => v >= 4), 12);
    expect(agree.distribution!.find((d) => d.value === 5)!.count).toBe(desk.filter((v) => v === 5).length);

    const intake = valid('situatie.intake');
    expect(items.get('situatie.intake')!.figure!.value).toBeCloseTo(share(intake, (v) => v === 1), 12);

    const age = column('achtergrond.leeftijd').filter(Boolean);
    const options = items.get('achtergrond.leeftijd')!.options!;
    expect(options.find((o) => o.code === '27-44')!.count).toBe(age.filter((a) => a === '27-44').length);
    expect(options.find((o) => o.code === '27-44')!.share).toBeCloseTo(share(age.map((a) => (a === '27-44' ? 1 : 0)), (x) => x === 1), 12);
    expect(options.find((o) => o.code === '67plus')!.count).toBe(0);
  });

  it('omits hidden figures instead of sending zero', async () => {
    const body = (await api(`/api/v1/rounds/${roundId}/report`, tokenA)).json();
    const items = new Map<string, ApiItem>((body.modules as { items: ApiItem[] }[]).flatMap((m) => m.items).map((i) => [i.key, i]));
    const waiting = items.get('balie.wachttijd')!;
    expect(waiting).toEqual({ key: 'balie.wachttijd', type: 'agree5', text: expect.any(Object), n: 6, notApplicable: 0, threshold: 'hidden' });
    const never = items.get('intake.cijfer')!;
    expect(never.n).toBe(0);
    expect(never).not.toHaveProperty('figure');
    expect(never).not.toHaveProperty('distribution');
  });
});
