import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem } from '../../src/db/tenant-transaction.ts';
import { responseMonitor, suppressCarried } from '../../src/domain/fieldwork/response-monitor.ts';
import { createFieldworkRound } from '../support/builders.ts';
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

/**
 * 38 codes in three age bands (12, 11, 15), 2 of band 35-64's codes undelivered (a bounce):
 * delivered 36. Completed: band 18-34 10, 35-64 3, 65+ 11 = 24 (web 20, paper 4); 3 more started
 * on the web and not finished. Response rate 24 / 36 = 66,7 %.
 */
async function fillRound(organisationId: string, roundId: string): Promise<void> {
  const bands = [
    { band: '18-34', codes: 12, undelivered: 0, completed: 10 },
    { band: '35-64', codes: 11, undelivered: 2, completed: 3 },
    { band: '65+', codes: 15, undelivered: 0, completed: 11 },
  ];
  let paperLeft = 4;
  let startedLeft = 3;
  await withSystem(t.database.db, async (tx) => {
    for (const b of bands) {
      for (let i = 0; i < b.codes; i++) {
        const completed = i < b.completed;
        const delivered = i >= b.codes - b.undelivered ? false : true;
        const started = !completed && startedLeft > 0 && delivered;
        if (started) startedLeft--;
        await sql`insert into access_codes (id, organisation_id, round_id, code_hash, state, delivered, carried)
          values (${randomUUID()}, ${organisationId}, ${roundId}, ${randomUUID()}, ${completed ? 'completed' : started ? 'started' : 'unused'}, ${delivered}, ${JSON.stringify({ age_band: b.band })})`.execute(tx);
        if (completed || started) {
          const channel = completed && paperLeft-- > 0 ? 'paper' : 'web';
          const day = completed ? `2026-11-0${(i % 3) + 2}` : null;
          await sql`insert into responses (id, organisation_id, round_id, channel, language, status, started_on, completed_on)
            values (${randomUUID()}, ${organisationId}, ${roundId}, ${channel}, 'nl', ${completed ? 'completed' : 'in_progress'}, '2026-11-02', ${day})`.execute(tx);
        }
      }
    }
    await sql`insert into letter_mailings (id, organisation_id, round_id, kind, letters, created_on) values (${randomUUID()}, ${organisationId}, ${roundId}, 'invitation', 38, '2026-11-01')`.execute(tx);
  });
}

describe('response monitor', () => {
  it('hides a small cell and the next smallest, so the hidden one cannot be worked out from the total', () => {
    const cells = suppressCarried([
      { value: '18-34', delivered: 12, completed: 10 },
      { value: '35-64', delivered: 9, completed: 3 },
      { value: '65+', delivered: 15, completed: 11 },
    ], 10);
    expect(cells).toEqual([{ value: '18-34' }, { value: '35-64' }, { value: '65+', delivered: 15, completed: 11, rate: 11 / 15 }]);
    // Two cells already hidden: nothing more to hide.
    expect(suppressCarried([{ value: 'a', delivered: 5, completed: 2 }, { value: 'b', delivered: 8, completed: 1 }, { value: 'c', delivered: 30, completed: 20 }], 10).map((c) => c.rate))
      .toEqual([undefined, undefined, 20 / 30]);
  });

  it('fills the days between the first and last event, with a running total', () => {
    const monitor = responseMonitor({
      codes: 0, delivered: 0, lettersSent: 0, emailsSent: 0, emailsBounced: 0,
      started: { web: 0, paper: 0, phone: 0 }, completed: { web: 0, paper: 0, phone: 0 }, carried: {},
      days: [{ date: '2026-10-30', started: 2, completed: 1, emailsSent: 0, letters: 0 }, { date: '2026-11-02', started: 0, completed: 3, emailsSent: 0, letters: 0 }],
    }, 10);
    expect(monitor.series.map((d) => [d.date, d.completed, d.completedSoFar])).toEqual([
      ['2026-10-30', 1, 1], ['2026-10-31', 0, 1], ['2026-11-01', 0, 1], ['2026-11-02', 3, 4],
    ]);
    expect(monitor.responseRate).toBeUndefined();
  });

  it('shows invitations, delivery, response by channel, by day and by group, with the rate over delivered codes', async () => {
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Monitorronde' });
    await fillRound(t.orgA, roundId);
    const viewer = await signedIn('viewer@alfa.nl');
    const page = await viewer.get(`/rounds/${roundId}/monitor`);
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/\s+/g, ' ');
    expect(text).toContain('<dt>Codes uitgedeeld</dt><dd>38</dd>');
    expect(text).toContain('<dt>Uitnodigingen bezorgd</dt><dd>36</dd>');
    expect(text).toContain('<dt>Brieven gemaakt</dt><dd>38</dd>');
    expect(text).toContain('<dt>Begonnen</dt><dd>27</dd>');
    expect(text).toContain('<dt>Ingevuld</dt><dd>24</dd>');
    expect(text).toContain('66,7 % (24 van 36)');
    expect(text).toMatch(/Internet<\/th> <td[^>]*>23<\/td> <td[^>]*>20<\/td>/);
    expect(text).toMatch(/Papier<\/th> <td[^>]*>4<\/td> <td[^>]*>4<\/td>/);
    // Band 35-64 has 3 completed: hidden, and 18-34 (10) with it; 65+ shows 11 of 15 = 73,3 %.
    expect(text).toMatch(/35-64<\/th> <td class="utrecht-table__cell utrecht-table__cell--numeric ks-muted">te klein/);
    expect(text).toMatch(/18-34<\/th> <td class="utrecht-table__cell utrecht-table__cell--numeric ks-muted">te klein/);
    expect(text).toMatch(/65\+<\/th> <td[^>]*>15<\/td><td[^>]*>11<\/td><td[^>]*>73,3 %<\/td>/);
    expect(text).toContain('<svg class="ks-chart" aria-hidden="true"');
    // Per-day table: 1 Nov letters, then completions on 2, 3 and 4 Nov (24 in total).
    expect(text).toMatch(/1 nov 2026<\/th> <td[^>]*>38<\/td>/);
    expect(text).toMatch(/4 nov 2026<\/th>( <td[^>]*>\d+<\/td>){4} <td[^>]*>24<\/td>/);
    expect(page.body).toContain('Het veldwerk loopt nog');
  });

  it('is the organisation\'s own: another organisation gets 404', async () => {
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA);
    const beta = await signedIn('researcher@beta.nl');
    expect((await beta.get(`/rounds/${roundId}/monitor`)).statusCode).toBe(404);
    expect((await beta.get(`/rounds/${roundId}/fieldwork`)).statusCode).toBe(404);
  });

  it('the fieldwork page lists the steps with where they stand; viewers see only the monitor', async () => {
    const { roundId } = await createFieldworkRound(t.database.db, t.orgA);
    const researcher = await signedIn('researcher@alfa.nl');
    const hub = await researcher.get(`/rounds/${roundId}/fieldwork`);
    for (const path of ['addresses', 'sample', 'letters', 'email', 'entry', 'monitor', 'retention']) expect(hub.body).toContain(`href="/rounds/${roundId}/${path}"`);
    expect(hub.body).toContain('Nog geen adresbestand');
    expect(hub.body).toContain('Wordt 30 dagen na het sluiten verwijderd');
    const viewer = await signedIn('viewer@alfa.nl');
    const seen = await viewer.get(`/rounds/${roundId}/fieldwork`);
    expect(seen.body).toContain(`href="/rounds/${roundId}/monitor"`);
    expect(seen.body).not.toContain(`href="/rounds/${roundId}/addresses"`);
  });
});
