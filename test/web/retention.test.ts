import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { tablesContaining } from '../support/tables-containing.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

/** Two invitees with a code each, a letters file, and a failed e-mail quoting the address. */
async function personalData(organisationId: string, roundId: string): Promise<void> {
  await withSystem(t.database.db, async (tx) => {
    const job = randomUUID();
    await sql`insert into jobs (id, organisation_id, round_id, kind, status, payload, message) values (${job}, ${organisationId}, ${roundId}, 'letters', 'done', '{"kind":"invitation"}', 'klaar')`.execute(tx);
    await sql`insert into job_files (id, organisation_id, job_id, name, content_type, bytes) values (${randomUUID()}, ${organisationId}, ${job}, 'brieven.pdf', 'application/pdf', ${Buffer.from('%PDF Jansen Dorpsstraat')})`.execute(tx);
    for (const [surname, street, email] of [['Jansen', 'Dorpsstraat', 'jansen@example.nl'], ['Bakker', 'Kerkweg', 'bakker@example.nl']] as const) {
      const invitee = randomUUID(), code = randomUUID();
      await sql`insert into invitees (id, organisation_id, round_id, surname, street, house_number, postcode, town, email, sampled)
        values (${invitee}, ${organisationId}, ${roundId}, ${surname}, ${street}, '1', '1234 AB', 'Voorbeeldstad', ${email}, true)`.execute(tx);
      await sql`insert into access_codes (id, organisation_id, round_id, code_hash) values (${code}, ${organisationId}, ${roundId}, ${randomUUID()})`.execute(tx);
      await sql`insert into invitee_codes (organisation_id, invitee_id, access_code_id, code_sealed) values (${organisationId}, ${invitee}, ${code}, 'v1.x.y.z')`.execute(tx);
      await sql`insert into email_messages (id, organisation_id, round_id, invitee_id, kind, status, error) values (${randomUUID()}, ${organisationId}, ${roundId}, ${invitee}, 'invitation', 'bounced', ${'550 unknown user ' + email})`.execute(tx);
    }
  });
}

describe('retention of personal data', () => {
  it('closing schedules the purge after the retention period; reopening cancels it', async () => {
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA);
    const researcher = await signedIn('researcher@alfa.nl');
    await researcher.get(`/rounds/${roundId}/retention`);
    expect((await researcher.post(`/rounds/${roundId}/retention`, { days: '400' })).statusCode).toBe(400);
    expect((await researcher.post(`/rounds/${roundId}/retention`, { days: 'veertien' })).body).toContain('Vul een heel getal in van 0 tot en met 365.');
    expect((await researcher.post(`/rounds/${roundId}/retention`, { days: '14' })).headers.location).toBe(`/rounds/${roundId}/retention?done=saved`);

    await researcher.get(`/rounds/${roundId}/status/close`);
    await researcher.post(`/rounds/${roundId}/status/close`, {});
    const round = await t.database.db.selectFrom('rounds').select(['fieldwork_end', 'purge_due_on']).where('id', '=', roundId).executeTakeFirstOrThrow();
    const end = new Date(`${round.fieldwork_end}T12:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 14);
    expect(round.purge_due_on).toBe(end.toISOString().slice(0, 10));
    const jobs = await t.database.db.selectFrom('jobs').select(['status', 'run_after']).where('round_id', '=', roundId).where('kind', '=', 'purge-personal-data').execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.status).toBe('queued');
    expect(new Date(jobs[0]!.run_after).toISOString()).toBe(`${round.purge_due_on}T02:00:00.000Z`);

    // A longer period moves the planned purge.
    await researcher.post(`/rounds/${roundId}/retention`, { days: '60' });
    const moved = await t.database.db.selectFrom('jobs').select(['status']).where('round_id', '=', roundId).where('kind', '=', 'purge-personal-data').orderBy('created_at').execute();
    expect(moved.map((j) => j.status)).toEqual(['cancelled', 'queued']);

    const admin = await signedIn('administrator@alfa.nl');
    await admin.get(`/rounds/${roundId}/status/reopen`);
    await admin.post(`/rounds/${roundId}/status/reopen`, {});
    const after = await t.database.db.selectFrom('jobs').select('status').where('round_id', '=', roundId).where('kind', '=', 'purge-personal-data').execute();
    expect(after.every((j) => j.status === 'cancelled')).toBe(true);
    expect((await t.database.db.selectFrom('rounds').select('purge_due_on').where('id', '=', roundId).executeTakeFirstOrThrow()).purge_due_on).toBeNull();
  });

  it('deletes at once after a confirmation, only once fieldwork is closed, and logs it', async () => {
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA);
    await personalData(t.orgA, roundId);
    const researcher = await signedIn('researcher@alfa.nl');
    const during = await researcher.get(`/rounds/${roundId}/retention`);
    expect(during.body).toContain('U kunt de gegevens pas verwijderen als het veldwerk is gesloten.');
    expect(during.body.replace(/\s+/g, ' ')).toContain('<dt>Adressen uit het adresbestand</dt><dd>2</dd>');
    expect((await researcher.post(`/rounds/${roundId}/retention/purge`, {})).headers.location).toBe(`/rounds/${roundId}/retention`);
    expect(Number((await sql<{ n: number }>`select count(*) as n from invitees where round_id = ${roundId}`.execute(t.database.db)).rows[0]!.n)).toBe(2);

    await researcher.get(`/rounds/${roundId}/status/close`);
    await researcher.post(`/rounds/${roundId}/status/close`, {});
    const confirm = await researcher.get(`/rounds/${roundId}/retention/purge`);
    expect(confirm.body).toContain('Dit verwijdert 2 adressen');
    const viewer = await signedIn('viewer@alfa.nl');
    expect((await viewer.get(`/rounds/${roundId}/retention/purge`)).statusCode).toBe(403);
    const beta = await signedIn('researcher@beta.nl');
    await beta.get('/rounds');
    expect((await beta.post(`/rounds/${roundId}/retention/purge`, {})).statusCode).toBe(404);
    expect(Number((await sql<{ n: number }>`select count(*) as n from invitees where round_id = ${roundId}`.execute(t.database.db)).rows[0]!.n)).toBe(2);

    const done = await researcher.post(`/rounds/${roundId}/retention/purge`, {});
    expect(done.headers.location).toBe(`/rounds/${roundId}/retention?done=2`);
    expect((await researcher.get(String(done.headers.location))).body).toContain('De persoonsgegevens zijn verwijderd: 2 adressen.');

    for (const name of ['Jansen', 'Dorpsstraat', 'jansen@example.nl', 'Bakker', 'Kerkweg', 'bakker@example.nl']) {
      expect(await tablesContaining(t.database.db, name), name).toEqual([]);
    }
    const counts = await sql<{ invitees: number; links: number; files: number; emails: number; queued: number }>`select
      (select count(*) from invitees where round_id = ${roundId})::int as invitees,
      (select count(*) from invitee_codes l join access_codes c on c.id = l.access_code_id where c.round_id = ${roundId})::int as links,
      (select count(*) from job_files f join jobs j on j.id = f.job_id where j.round_id = ${roundId})::int as files,
      (select count(*) from email_messages where round_id = ${roundId} and status = 'bounced')::int as emails,
      (select count(*) from jobs where round_id = ${roundId} and kind = 'purge-personal-data' and status = 'queued')::int as queued`.execute(t.database.db);
    // The bounce counts stay for the monitor; the scheduled purge is no longer needed.
    expect(counts.rows[0]).toEqual({ invitees: 0, links: 0, files: 0, emails: 2, queued: 0 });
    const log = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'personal-data-purged').execute();
    expect(log.map((l) => l.details)).toContainEqual(expect.objectContaining({ roundId, invitees: 2, links: 2, documents: 1, scheduled: false }));
  });
});
