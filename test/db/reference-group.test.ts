import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/app/create-organisation.ts';
import { ensureStandardQuestionnaire } from '../../src/app/ensure-standard-questionnaire.ts';
import { changeReportSettings } from '../../src/app/report-settings.ts';
import { roundReport } from '../../src/app/round-report.ts';
import type { Database } from '../../src/db/connect.ts';
import { referenceCounts } from '../../src/db/report-queries.ts';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestDatabase, testDatabaseKind } from '../support/test-database.ts';

// The reference group through the one cross-tenant path (reference_item_counts), checked
// against counts added up by hand.

let database: Database;
const orgs = new Map<string, string>();
let ownRound: string;

async function organisation(slug: string): Promise<string> {
  const created = await createOrganisation(database.db, { slug, name: `Gemeente ${slug}` });
  if (!created.ok) throw new Error(created.error);
  orgs.set(slug, created.value.id);
  return created.value.id;
}

/** A round of `slug` with the given marks (value → how many) for algemeen.cijfer, plus extras. */
async function round(slug: string, marks: Record<number, number>, options: { status?: 'closed' | 'published' | 'fieldwork'; year?: number; extra?: AnswerInput[] } = {}): Promise<string> {
  const orgId = orgs.get(slug) ?? (await organisation(slug));
  const { roundId } = await createFieldworkRound(database.db, orgId, { name: `KTO ${slug}` });
  const responses = Object.entries(marks).flatMap(([value, count]) => Array.from({ length: count }, () => [{ itemKey: 'algemeen.cijfer', valueNum: Number(value) }, ...(options.extra ?? [])]));
  await withTenant(database.db, orgId, (tx) => insertCompletedResponses(tx, orgId, roundId, responses.map((answers) => ({
    id: randomUUID(), channel: 'web', language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers,
  }))));
  await withSystem(database.db, (tx) => tx.updateTable('rounds').set({ status: options.status ?? 'closed', year: options.year ?? 2026 }).where('id', '=', roundId).execute());
  return roundId;
}

const wachttijd = (value: number): AnswerInput[] => [{ itemKey: 'balie.wachttijd', valueNum: value }];

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureStandardQuestionnaire(database.db);
  // The organisation looking: marks 7×20 and 8×20, mean 7,5 on n = 40. Its own round may still be in fieldwork.
  ownRound = await round('eigen', { 7: 20, 8: 20 }, { status: 'fieldwork', extra: wachttijd(5) });
  // Five contributing organisations of 2026. balie.wachttijd is asked by four of them only.
  await round('een', { 8: 10 }, { extra: wachttijd(4) });
  await round('twee', { 6: 10 }, { extra: wachttijd(4) });
  await round('drie', { 7: 20 }, { status: 'published', extra: wachttijd(2) });
  await round('vier', { 9: 5, 5: 5 }, { extra: wachttijd(5) });
  await round('vijf', { 6: 100 });
  // Not part of it: no consent, still in fieldwork, another year.
  await round('geen-toestemming', { 1: 50 }, { extra: wachttijd(1) });
  await withSystem(database.db, (tx) => sql`update organisations set contributes_to_reference = false where slug = 'geen-toestemming'`.execute(tx));
  await round('veldwerk', { 1: 50 }, { status: 'fieldwork' });
  await round('vorig-jaar', { 1: 50 }, { year: 2025 });
  // Nor the client council's own survey of a contributing organisation.
  const councilSurvey = await round('een', { 1: 50 });
  await withSystem(database.db, (tx) => tx.updateTable('rounds').set({ owner_kind: 'council' }).where('id', '=', councilSurvey).execute());
}, 120_000);
afterAll(async () => database.close());

describe(`reference group on ${testDatabaseKind}`, () => {
  it('pools the counts of the five contributing organisations, leaving out the organisation itself', async () => {
    const reference = await withTenant(database.db, orgs.get('eigen')!, (tx) => referenceCounts(tx, 2026, ['algemeen.cijfer', 'balie.wachttijd']));
    const mark = reference.items.get('algemeen.cijfer')!;
    expect(mark.organisations).toBe(5);
    // 8×10 + 6×10 + 7×20 + (9×5, 5×5) + 6×100: the value counts simply add up.
    expect(Object.fromEntries(mark.counts.values)).toEqual({ 5: 5, 6: 110, 7: 20, 8: 10, 9: 5 });
    // balie.wachttijd: only four other organisations asked it (the fifth did not consent): not shown.
    expect(reference.items.has('balie.wachttijd')).toBe(false);
  });

  it('shows the pooled figure, not a mean of means, and tests it in the Holm family', async () => {
    const view = (await roundReport(database.db, orgs.get('eigen')!, ownRound))!;
    const item = view.report.overall!;
    // Pooled: (5·5 + 6·110 + 7·20 + 8·10 + 9·5) / 150 = 950 / 150 = 6,333…; a mean of the five means would be 6,8.
    expect(item.reference!.n).toBe(150);
    expect(item.reference!.organisations).toBe(5);
    expect(item.reference!.figure!.value).toBeCloseTo(950 / 150, 10);
    // 7,5 against 6,333: se² = 0,25·40/39/40 + (6110 − 950²/150)/149/150 = 0,00641 + 0,00418, t = 1,167/0,1029 ≈ 11,3 — significantly higher, also after Holm.
    expect(item.referenceComparison!.label).toBe('significant-higher');
    expect(item.referenceComparison!.adjustedP).toBeGreaterThanOrEqual(item.referenceComparison!.p);
    expect(view.report.referenceGroup).toEqual({ year: 2026, minOrganisations: 5 });
    expect(view.report.holmTests).toBe(view.report.comparedItems + view.report.referenceComparedItems);
    const wait = view.report.modules.flatMap((m) => m.items).find((i) => i.key === 'balie.wachttijd')!;
    expect(wait.reference).toBeNull();
    expect(wait.referenceComparison).toBeNull();
  });

  it('counts each organisation for the others but never for itself', async () => {
    // Seen from "een": eigen's round is in fieldwork (not counted), so only four others remain.
    const fromOne = await withTenant(database.db, orgs.get('een')!, (tx) => referenceCounts(tx, 2026, ['algemeen.cijfer']));
    expect(fromOne.items.size).toBe(0);
  });

  it('drops an organisation that withdraws its consent, and then shows nothing under five', async () => {
    const admin = await withSystem(database.db, async (tx) => {
      const id = randomUUID();
      await tx.insertInto('users').values({ id, email: 'admin@twee.nl', name: 'Admin', password_hash: 'x' }).execute();
      return id;
    });
    const changed = await changeReportSettings(database.db, { organisationId: orgs.get('twee')!, actorId: admin, form: { contributesToReference: false, hideBelow: '', indicativeBelow: '' } });
    expect(changed.ok).toBe(true);
    const reference = await withTenant(database.db, orgs.get('eigen')!, (tx) => referenceCounts(tx, 2026, ['algemeen.cijfer']));
    expect(reference.items.size).toBe(0);
    const view = (await roundReport(database.db, orgs.get('eigen')!, ownRound))!;
    expect(view.report.overall!.reference).toBeNull();
    expect(view.report.referenceGroup).toBeNull();
    await changeReportSettings(database.db, { organisationId: orgs.get('twee')!, actorId: admin, form: { contributesToReference: true, hideBelow: '', indicativeBelow: '' } });
  });

  it('gives the application role no other way to read other organisations', async () => {
    const seen = await withTenant(database.db, orgs.get('eigen')!, (tx) =>
      sql<{ n: number }>`select count(distinct organisation_id)::int as n from item_statistics`.execute(tx));
    expect(seen.rows[0]!.n).toBe(1);
    // Without an organisation in the transaction the function returns nothing at all.
    const anonymous = await database.db.transaction().execute(async (tx) => {
      await sql`set local role klantstem_app`.execute(tx);
      return sql`select * from reference_item_counts(2026, '{algemeen.cijfer}'::text[])`.execute(tx);
    });
    expect(anonymous.rows).toEqual([]);
  });
});
