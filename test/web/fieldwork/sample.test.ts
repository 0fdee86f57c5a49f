import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashAccessCode } from '../../../src/app/access-code-hash.ts';
import { enterWithCode } from '../../../src/app/respondent/enter-with-code.ts';
import { openSealedText } from '../../../src/app/sealed-text.ts';
import { withTenant } from '../../../src/db/tenant-transaction.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { ADDRESS_FIXTURE, drawSample, roundWithAddresses as roundWithAddresses_, TEST_SECRET } from './fieldwork-steps.ts';
import { UploadClient } from './upload-client.ts';

const FIXTURE = ADDRESS_FIXTURE;
const SECRET = TEST_SECRET;
const roundWithAddresses = (client: UploadClient, name: string) => roundWithAddresses_(t, client, name);
const draw = drawSample;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function signedIn(email = 'researcher@alfa.nl'): Promise<UploadClient> {
  const client = new UploadClient(t.app);
  await client.signIn(email);
  return client;
}

const sampledRows = async (roundId: string) =>
  (await t.database.db.selectFrom('invitees').select('row_number').where('round_id', '=', roundId).where('sampled', '=', true).orderBy('row_number').execute()).map((r) => r.row_number);

describe('sample and access codes', () => {
  it('draws a stratified sample with a seed; the same seed on the same file gives the same people in another round', async () => {
    const client = await signedIn();
    const first = await roundWithAddresses(client, 'Steekproef 1');
    const page = await client.get(`/rounds/${first}/sample`);
    expect(page.body).toContain('Aantal mensen in het adresbestand: 1.985.');
    expect(page.body).toMatch(/Verdeling naar wijk/);
    expect(page.body).toMatch(/name="seed" type="text" value="\d{8}"/);

    const invalid = await client.post(`/rounds/${first}/sample`, { method: 'stratified', stratifyBy: '', size: '5000', seed: '' });
    expect(invalid.statusCode).toBe(400);
    for (const field of ['#size', '#seed', '#stratifyBy']) expect(invalid.body).toContain(`href="${field}"`);

    const { confirm, drawn } = await draw(client, first, { method: 'stratified', stratifyBy: 'district', size: '600', seed: 'kto-2026', carried: ['district', 'age_band'] });
    expect(confirm.body).toContain('Er worden 600 van de 1.985 mensen gekozen');
    expect(drawn.headers.location).toBe(`/rounds/${first}/sample?done=drawn`);
    const result = await client.get(`/rounds/${first}/sample?done=drawn`);
    expect(result.body).toContain('De steekproef is getrokken: 600 mensen hebben een code.');
    expect(result.body).toContain('kto-2026');

    const rowsFirst = await sampledRows(first);
    expect(rowsFirst).toHaveLength(600);
    // Proportional allocation per district, within one of the exact quota.
    const population = await t.database.db.selectFrom('invitees').select(['district', 'sampled']).where('round_id', '=', first).execute();
    for (const district of new Set(population.map((p) => p.district))) {
      const inDistrict = population.filter((p) => p.district === district);
      const quota = (600 * inDistrict.length) / population.length;
      expect(Math.abs(inDistrict.filter((p) => p.sampled).length - quota)).toBeLessThan(1);
    }

    const second = await roundWithAddresses(client, 'Steekproef 2');
    await draw(client, second, { method: 'stratified', stratifyBy: 'district', size: '600', seed: 'kto-2026' });
    expect(await sampledRows(second)).toEqual(rowsFirst);
    const third = await roundWithAddresses(client, 'Steekproef 3');
    await draw(client, third, { method: 'stratified', stratifyBy: 'district', size: '600', seed: 'kto-2027' });
    expect(await sampledRows(third)).not.toEqual(rowsFirst);

    const sample = await t.database.db.selectFrom('round_samples').selectAll().where('round_id', '=', first).executeTakeFirstOrThrow();
    expect([sample.method, sample.stratify_by, sample.seed, sample.population, sample.size, sample.carried]).toEqual(['stratified', 'district', 'kto-2026', 1985, 600, ['district', 'age_band']]);
  });

  it('gives every sampled invitee one code: only the hash is stored, the sealed code opens to it, carried values only for groups of 10 or more', async () => {
    const client = await signedIn();
    const roundId = await roundWithAddresses(client, 'Codes');
    await draw(client, roundId, { method: 'simple', size: '400', seed: '12345678', carried: ['district', 'age_band', 'benefit_type'] });
    const db = t.database.db;
    const links = await db.selectFrom('invitee_codes').innerJoin('invitees', 'invitees.id', 'invitee_codes.invitee_id')
      .select(['invitee_codes.code_sealed', 'invitee_codes.access_code_id', 'invitees.sampled', 'invitees.district', 'invitees.age_band', 'invitees.benefit_type'])
      .where('invitees.round_id', '=', roundId).execute();
    expect(links).toHaveLength(400);
    expect(links.every((l) => l.sampled)).toBe(true);
    const codes = await db.selectFrom('access_codes').selectAll().where('round_id', '=', roundId).execute();
    expect(codes).toHaveLength(400);
    const byId = new Map(codes.map((c) => [c.id, c]));
    for (const link of links.slice(0, 50)) {
      const plain = openSealedText(SECRET, 'access-code', link.code_sealed);
      expect(plain).toMatch(/^[A-Z2-9]{12}$/);
      expect(byId.get(link.access_code_id)!.code_hash).toBe(hashAccessCode(plain));
      expect(JSON.stringify(codes)).not.toContain(plain);
    }
    // Carried: the district + age band + benefit combination, only where 10 or more sampled share it.
    const key = (l: (typeof links)[number]) => `${l.district}|${l.age_band}|${l.benefit_type}`;
    const groups = new Map<string, number>();
    for (const l of links) groups.set(key(l), (groups.get(key(l)) ?? 0) + 1);
    for (const l of links) {
      const carried = byId.get(l.access_code_id)!.carried;
      if (groups.get(key(l))! >= 10) expect(carried).toEqual({ district: l.district, age_band: l.age_band, benefit_type: l.benefit_type });
      else expect(carried).toEqual({});
    }
    expect([...groups.values()].some((n) => n < 10)).toBe(true);
    expect([...groups.values()].some((n) => n >= 10)).toBe(true);

    // A response started with a code carries the code's values.
    const link = links.find((l) => Object.keys(byId.get(l.access_code_id)!.carried).length > 0)!;
    const entered = await enterWithCode(db, { code: openSealedText(SECRET, 'access-code', link.code_sealed), language: 'nl' });
    expect(entered.ok).toBe(true);
    const response = await withTenant(db, t.orgA, (tx) => tx.selectFrom('responses').select('carried').where('id', '=', entered.ok ? entered.value.responseId : '').executeTakeFirstOrThrow());
    expect(response.carried).toEqual({ district: link.district, age_band: link.age_band, benefit_type: link.benefit_type });

    // After the draw the address file can no longer change, and the draw is not repeated.
    const addresses = await client.get(`/rounds/${roundId}/addresses`);
    expect(addresses.body).toContain('De steekproef is getrokken.');
    expect(addresses.body).not.toContain('type="file"');
    const again = await client.upload(`/rounds/${roundId}/addresses`, { name: 'x.csv', bytes: FIXTURE });
    expect(again.body).toContain('De steekproef is al getrokken.');
    const redraw = await client.post(`/rounds/${roundId}/sample/draw`, { method: 'all', size: '', seed: 'x' });
    expect(redraw.statusCode).toBe(409);
    expect(await db.selectFrom('access_codes').select('id').where('round_id', '=', roundId).execute()).toHaveLength(400);
  });

  it('shows another organisation nothing and refuses viewers', async () => {
    const client = await signedIn();
    const roundId = await roundWithAddresses(client, 'Alleen alfa');
    const beta = await signedIn('administrator@beta.nl');
    expect((await beta.get(`/rounds/${roundId}/sample`)).statusCode).toBe(404);
    await beta.get('/rounds');
    expect((await beta.post(`/rounds/${roundId}/sample/draw`, { method: 'all', seed: 'x' })).statusCode).toBe(404);
    const betaSees = await withTenant(t.database.db, t.orgB, (tx) => tx.selectFrom('invitees').select('id').execute());
    expect(betaSees).toHaveLength(0);
    expect((await (await signedIn('viewer@alfa.nl')).get(`/rounds/${roundId}/sample`)).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('round_samples').select('round_id').where('round_id', '=', roundId).execute()).toHaveLength(0);
  });
});
