import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisedBenchmark } from '../support/organised-benchmark.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The organiser's dashboard on the benchmark of test/support/organised-benchmark.ts: Noord 7,5
// (named), Zuid 6,5 (anonymous), Oost nothing yet; all together (140 + 160 + 60 + 70) / 60 = 7,17.

let t: TestApp;
let benchmarkId = '';

beforeAll(async () => {
  t = await createTestApp();
  benchmarkId = await organisedBenchmark(t.database.db, t.orgA);
});
afterAll(async () => t.close());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function researcher(email = 'researcher@alfa.nl'): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

describe('the benchmark organiser\'s dashboard', () => {
  it('lists the benchmarks the organisation organises', async () => {
    const page = await (await researcher()).get('/benchmarks');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/benchmarks/${benchmarkId}">KTO-benchmark 2026</a>`);
  });

  it('shows who contributed and the spread per question, anonymous participants without their name', async () => {
    const page = await (await researcher()).get(`/benchmarks/${benchmarkId}`);
    expect(page.statusCode).toBe(200);
    const shown = text(page.body);
    expect(shown).toContain('2 van de 3 deelnemers hebben hun bijdrage gestuurd.');
    expect(shown).toMatch(/Gemeente Oost met naam — — nog niet/);
    expect(shown).toContain('2 organisaties, 60 antwoorden. Alle deelnemers samen: 7,2; laagste organisatie 6,5, hoogste 7,5.');
    const table = shown.slice(shown.indexOf('Cijfers bij de grafiek'));
    expect(table).toMatch(/Gemeente Noord 40 7,5/);
    expect(table).toMatch(/Deelnemer \(anoniem\) 20 6,5/);
    expect(table.indexOf('Gemeente Noord')).toBeLessThan(table.indexOf('Deelnemer (anoniem)'));
  });

  it('exports the figures for a national publication with named organisations only', async () => {
    const csv = await (await researcher()).get(`/benchmarks/${benchmarkId}/publication.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^algemeen\.cijfer,.*,mark,Alle deelnemers,2,60,7\.17,/);
    expect(lines[2]).toMatch(/,mark,Gemeente Noord,1,40,7\.50,/);
    expect(csv.body).not.toContain('Zuid');
  });

  it('is not there for another organisation, nor for viewers', async () => {
    expect((await (await researcher('researcher@beta.nl')).get(`/benchmarks/${benchmarkId}`)).statusCode).toBe(404);
    expect(text((await (await researcher('researcher@beta.nl')).get('/benchmarks')).body)).toContain('Uw organisatie organiseert nog geen benchmark.');
    expect((await (await researcher('viewer@alfa.nl')).get(`/benchmarks/${benchmarkId}`)).statusCode).toBe(403);
  });
});
