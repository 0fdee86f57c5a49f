import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBenchmarkKeyPair, signBenchmarkFile } from '../../../src/app/benchmark/signed-file.ts';
import { insertCompletedResponses } from '../../../src/db/response-store.ts';
import { setRoundStatus } from '../../../src/db/round-store.ts';
import { withTenant } from '../../../src/db/tenant-transaction.ts';
import type { ContributionPayload, ReferencePayload } from '../../../src/domain/benchmark/benchmark-file.ts';
import { buildContribution } from '../../../src/domain/benchmark/contribution.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../../src/domain/statistics/reporting-thresholds.ts';
import { countsOf, scaleItem } from '../../domain/benchmark/benchmark-fixtures.ts';
import { createFieldworkRound } from '../../support/builders.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { UploadClient } from '../fieldwork/upload-client.ts';

// Two installations, each with a database of its own (createTestApp makes a fresh PGlite, or a
// fresh schema under TEST_DATABASE_URL), and the benchmark between them run through the web
// pages only: keys, creating, registering, joining, the contribution downloaded and uploaded,
// the reference figures downloaded and uploaded, and the comparison in the round report.
// The municipality is organisation "alfa" of the first installation, the organiser "alfa" of
// the second; five more municipalities send their files from elsewhere (made here, uploaded
// through the same page).

let municipality: TestApp;
let organiser: TestApp;
let roundId = '';
const BENCHMARK = { name: 'KTO-benchmark', year: 2026, questionnaireVersion: 'standaard-kto 1' };
/** The five others: 20 × (4 + i) and 20 × (5 + i), means 5,5 … 9,5; pooled 7,5 on 200 answers. */
const OTHERS = [1, 2, 3, 4, 5].map((i) => ({ name: `Gemeente ${i}`, keys: generateBenchmarkKeyPair(), marks: [...Array(20).fill(4 + i), ...Array(20).fill(5 + i)] as number[] }));
/** The municipality's own answers: 40 × 8 and 40 × 9, mean 8,5 on 80. */
const OWN_MARKS = [...Array(40).fill(8), ...Array(40).fill(9)] as number[];

beforeAll(async () => {
  [municipality, organiser] = await Promise.all([createTestApp(), createTestApp()]);
  const db = municipality.database.db;
  ({ roundId } = await createFieldworkRound(db, municipality.orgA, { name: 'KTO 2026' }));
  await withTenant(db, municipality.orgA, async (tx) => {
    await insertCompletedResponses(tx, municipality.orgA, roundId, OWN_MARKS.map((mark) => ({
      id: randomUUID(), channel: 'paper', language: 'nl', startedOn: '2026-11-12', completedOn: '2026-11-12',
      answers: [{ itemKey: 'algemeen.cijfer', valueNum: mark }],
    })));
    await setRoundStatus(tx, roundId, 'closed');
  });
}, 120_000);
afterAll(async () => {
  await Promise.all([municipality?.close(), organiser?.close()]);
});

const bytes = (text: string) => new TextEncoder().encode(text);
const jsonFile = (name: string, text: string) => ({ name, bytes: bytes(text), type: 'application/json' });
const visible = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const locationOf = (response: LightMyRequestResponse) => String(response.headers.location ?? '');

async function signedIn(app: TestApp, email: string): Promise<UploadClient> {
  const client = new UploadClient(app.app);
  await client.signIn(email);
  await client.get('/benchmarks');
  return client;
}

function otherContribution(other: (typeof OTHERS)[number]): string {
  const contribution = buildContribution([scaleItem('algemeen.cijfer', 'mark')], new Map([['algemeen.cijfer', countsOf(other.marks)]]), [], DEFAULT_REPORTING_THRESHOLDS);
  return signBenchmarkFile('contribution', {
    fileId: randomUUID(), createdOn: '2026-12-01', benchmark: BENCHMARK, participant: { sizeClass: null, region: null }, hideBelow: 10, contribution,
  }, other.keys.privateKey);
}

async function storedRows(app: TestApp, table: 'benchmark_contributions' | 'benchmark_reference_figures'): Promise<string[]> {
  return (await app.database.db.selectFrom(table).select('file_id').orderBy('file_id').execute()).map((r) => r.file_id);
}

describe('the benchmark between two installations, through the web pages', () => {
  let organiserBenchmark = '';
  let joinedBenchmark = '';
  let contribution = '';
  let reference = '';
  let participantId = '';
  let municipalityKeyId = '';

  it('sets up keys, the benchmark, the registration and the joining', async () => {
    const orgAdmin = await signedIn(organiser, 'administrator@alfa.nl');
    await orgAdmin.get('/benchmark-key');
    expect((await orgAdmin.post('/benchmark-key', {})).headers.location).toBe('/benchmark-key?done=created');
    const organiserKeyPage = await orgAdmin.get('/benchmark-key?done=created');
    expect(visible(organiserKeyPage.body)).toContain('Het sleutelpaar is gemaakt.');
    const organiserPub = await orgAdmin.get('/benchmark-key/public.pem');
    expect(organiserPub.statusCode).toBe(200);
    expect(organiserPub.headers['content-disposition']).toBe('attachment; filename="alfa.pub"');
    expect(organiserPub.body).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    // Generating again asks for confirmation; only the confirmed form replaces the key.
    expect((await orgAdmin.post('/benchmark-key', {})).statusCode).toBe(409);
    expect((await orgAdmin.get('/benchmark-key/public.pem')).body).toBe(organiserPub.body);

    const researcher = await signedIn(organiser, 'researcher@alfa.nl');
    await researcher.get('/benchmarks/new');
    const created = await researcher.post('/benchmarks/new', { name: BENCHMARK.name, year: '2026', questionnaireVersion: BENCHMARK.questionnaireVersion });
    expect(created.statusCode).toBe(303);
    organiserBenchmark = /^\/benchmarks\/([0-9a-f-]{36})\?done=created$/.exec(locationOf(created))![1]!;
    await researcher.get('/benchmarks/new');
    const again = await researcher.post('/benchmarks/new', { name: BENCHMARK.name, year: '2026', questionnaireVersion: BENCHMARK.questionnaireVersion });
    expect(again.statusCode).toBe(409);
    expect(visible(again.body)).toContain('Uw organisatie heeft al een benchmark met deze naam en dit jaar.');

    const munAdmin = await signedIn(municipality, 'administrator@alfa.nl');
    await munAdmin.get('/benchmark-key');
    await munAdmin.post('/benchmark-key', {});
    const municipalityPub = (await munAdmin.get('/benchmark-key/public.pem')).body;
    const keyPage = visible((await munAdmin.get('/benchmark-key')).body);
    municipalityKeyId = /Sleutel-id ([0-9a-f]{32})/.exec(keyPage)![1]!;

    // The organiser registers the municipality with its .pub file, and five others by pasting.
    await researcher.get(`/benchmarks/${organiserBenchmark}/participants/new`);
    const badKey = await researcher.upload(`/benchmarks/${organiserBenchmark}/participants/new`, null, researcher.csrf, { participant: 'Gemeente Alfa', publicKey: 'geen sleutel', consent: 'named', sizeClass: '', region: '' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.body).toContain('<a class="utrecht-link" href="#publicKey">Dit is geen Ed25519-publieke sleutel.');
    const registered = await researcher.upload(`/benchmarks/${organiserBenchmark}/participants/new`, { name: 'alfa.pub', bytes: bytes(municipalityPub), type: 'application/x-pem-file' }, researcher.csrf,
      { participant: 'Gemeente Alfa', publicKey: '', consent: 'named', sizeClass: '20000-50000', region: 'Noord' });
    expect(registered.statusCode, visible(registered.body)).toBe(303);
    expect(locationOf(registered)).toBe(`/benchmarks/${organiserBenchmark}?done=registered`);
    for (const other of OTHERS) {
      await researcher.get(`/benchmarks/${organiserBenchmark}/participants/new`);
      const response = await researcher.upload(`/benchmarks/${organiserBenchmark}/participants/new`, null, researcher.csrf, { participant: other.name, publicKey: other.keys.publicKey, consent: 'anonymous', sizeClass: '', region: '' });
      expect(response.statusCode).toBe(303);
      await researcher.get(`/benchmarks/${organiserBenchmark}/contributions/new`);
      expect((await researcher.upload(`/benchmarks/${organiserBenchmark}/contributions/new`, jsonFile('bijdrage.json', otherContribution(other)))).statusCode).toBe(303);
    }
    const dashboard = visible((await researcher.get(`/benchmarks/${organiserBenchmark}`)).body);
    expect(dashboard).toContain('5 van de 6 deelnemers hebben hun bijdrage gestuurd.');

    // The municipality joins with the organiser's public key, uploaded as its file.
    const munResearcher = await signedIn(municipality, 'researcher@alfa.nl');
    await munResearcher.get('/benchmarks/join');
    const joined = await munResearcher.upload('/benchmarks/join', { name: 'organisator.pub', bytes: bytes(organiserPub.body), type: 'application/x-pem-file' }, munResearcher.csrf,
      { name: BENCHMARK.name, year: '2026', questionnaireVersion: BENCHMARK.questionnaireVersion, organiserKey: '' });
    expect(joined.statusCode, visible(joined.body)).toBe(303);
    joinedBenchmark = /^\/benchmarks\/joined\/([0-9a-f-]{36})\?done=joined$/.exec(locationOf(joined))![1]!;
    const joinedPage = await munResearcher.get(locationOf(joined));
    expect(visible(joinedPage.body)).toContain('Uw organisatie neemt deel aan KTO-benchmark 2026.');
    expect(joinedPage.body).toMatch(new RegExp(`<option value="${roundId}"\\s*>KTO 2026</option>`));
    expect(visible((await researcher.get(`/benchmarks/${organiserBenchmark}`)).body)).toContain('Gemeente Alfa met naam 20000-50000 Noord nog niet');
  }, 120_000);

  it('downloads the contribution as a signed file of the closed round', async () => {
    const munResearcher = await signedIn(municipality, 'researcher@alfa.nl');
    const response = await munResearcher.get(`/benchmarks/joined/${joinedBenchmark}/contribution.json?round=${roundId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBe('attachment; filename="bijdrage-kto-benchmark-2026-alfa.json"');
    contribution = response.body;
    const file = JSON.parse(contribution) as { kind: string; payload: ContributionPayload; signature: { keyId: string } };
    expect(file.kind).toBe('contribution');
    // Signed with the key the municipality's key page shows, not with a key file.
    expect(file.signature.keyId).toBe(municipalityKeyId);
    expect(file.payload.benchmark).toEqual(BENCHMARK);
    expect(file.payload.contribution.items['algemeen.cijfer']).toMatchObject({ n: 80, sum: 40 * 8 + 40 * 9, sumSquares: 40 * 64 + 40 * 81, counts: { 8: 40, 9: 40 } });
  });

  it('imports the contribution at the organiser, refusing a tampered, a foreign-signed and a repeated file without changing what is stored', async () => {
    const researcher = await signedIn(organiser, 'researcher@alfa.nl');
    const url = `/benchmarks/${organiserBenchmark}/contributions/new`;
    const before = await storedRows(organiser, 'benchmark_contributions');
    expect(before).toHaveLength(5);

    await researcher.get(url);
    const tampered = await researcher.upload(url, jsonFile('bijdrage.json', contribution.replace('"n": 80', '"n": 81')));
    expect(tampered.statusCode).toBe(422);
    expect(visible(tampered.body)).toContain('De handtekening klopt niet: het bestand is na ondertekening gewijzigd. Vraag de afzender het bestand opnieuw te exporteren en stuur het ongewijzigd door. Er is niets ingelezen');
    expect(tampered.body).toContain('href="#file"');

    const stranger = generateBenchmarkKeyPair();
    const parsed = JSON.parse(contribution) as { payload: ContributionPayload };
    const foreign = signBenchmarkFile('contribution', { ...parsed.payload, fileId: randomUUID() }, stranger.privateKey);
    const refusedForeign = await researcher.upload(url, jsonFile('bijdrage.json', foreign));
    expect(refusedForeign.statusCode).toBe(422);
    expect(visible(refusedForeign.body)).toContain('Het bestand is ondertekend met een sleutel die hier niet is geregistreerd.');

    const unsigned = JSON.stringify({ ...JSON.parse(contribution), signature: undefined });
    const refusedUnsigned = await researcher.upload(url, jsonFile('bijdrage.json', unsigned));
    expect(refusedUnsigned.statusCode).toBe(422);
    expect(visible(refusedUnsigned.body)).toContain('Het bestand is niet ondertekend. Vraag de afzender het bestand opnieuw te exporteren uit Klantstem');

    const otherVersion = await researcher.upload(url, jsonFile('bijdrage.json', contribution.replace('"version": 1', '"version": 2')));
    expect(otherVersion.statusCode).toBe(422);
    expect(visible(otherVersion.body)).toContain('Deze versie van het bestandsformaat wordt niet ondersteund. (version 2, expected 1) Vraag de afzender Klantstem bij te werken');
    expect(await storedRows(organiser, 'benchmark_contributions')).toEqual(before);

    const imported = await researcher.upload(url, jsonFile('bijdrage.json', contribution));
    expect(imported.statusCode).toBe(303);
    const dashboard = visible((await researcher.get(locationOf(imported))).body);
    expect(dashboard).toContain('De bijdrage van Gemeente Alfa is ingelezen.');
    expect(dashboard).toContain('6 van de 6 deelnemers hebben hun bijdrage gestuurd.');
    const after = await storedRows(organiser, 'benchmark_contributions');
    expect(after).toHaveLength(6);

    await researcher.get(url);
    const repeated = await researcher.upload(url, jsonFile('bijdrage.json', contribution));
    expect(repeated.statusCode).toBe(409);
    expect(visible(repeated.body)).toContain('Dit bestand is al eerder ingelezen.');
    expect(await storedRows(organiser, 'benchmark_contributions')).toEqual(after);

    const english = await researcher.upload(`${url}?lang=en`, jsonFile('bijdrage.json', contribution));
    expect(english.statusCode).toBe(409);
    expect(visible(english.body)).toMatch(/This file has already been imported\. \(file [0-9a-f-]{36}\) Nothing needs doing: the figures are already stored\./);
  });

  it('downloads the reference figures for the participant, signed with the organiser key', async () => {
    const researcher = await signedIn(organiser, 'researcher@alfa.nl');
    const dashboard = (await researcher.get(`/benchmarks/${organiserBenchmark}`)).body;
    participantId = new RegExp(`href="/benchmarks/${organiserBenchmark}/participants/([0-9a-f-]{36})/reference" aria-label="Referentiecijfers voor Gemeente Alfa"`).exec(dashboard)![1]!;
    const form = await researcher.get(`/benchmarks/${organiserBenchmark}/participants/${participantId}/reference`);
    expect(form.statusCode).toBe(200);
    expect(visible(form.body)).toContain('Referentiecijfers voor Gemeente Alfa');

    // None of the others has a size class, so filtering on one leaves nobody to compare with.
    const tooFew = await researcher.get(`/benchmarks/${organiserBenchmark}/participants/${participantId}/reference.json?sizeClass=20000-50000`);
    expect(tooFew.statusCode).toBe(409);
    expect(visible(tooFew.body)).toContain('De referentiegroep zou 0 andere organisaties hebben; er zijn er minstens vijf nodig.');

    const response = await researcher.get(`/benchmarks/${organiserBenchmark}/participants/${participantId}/reference.json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="referentie-kto-benchmark-2026-gemeente-alfa.json"');
    reference = response.body;
    const payload = (JSON.parse(reference) as { payload: ReferencePayload }).payload;
    const item = payload.figures.items.find((i) => i.itemKey === 'algemeen.cijfer')!;
    expect(item.status).toBe('shown');
    if (item.status !== 'shown') return;
    // Counts added over the five others: (Σ of all their marks) / 200.
    const all = OTHERS.flatMap((o) => o.marks);
    expect(item.reference.n).toBe(200);
    expect(item.reference.mean.mean).toBeCloseTo(all.reduce((a, b) => a + b, 0) / all.length, 12);
    expect(item.reference.mean.mean).toBeCloseTo(7.5, 12);
    expect(item.own.n).toBe(80);
    expect([item.lowestMean, item.highestMean]).toEqual([5.5, 9.5]);
  });

  it('imports the reference figures at the participant, refusing bad files, and shows them in the round report', async () => {
    const munResearcher = await signedIn(municipality, 'researcher@alfa.nl');
    const page = `/benchmarks/joined/${joinedBenchmark}`;
    const url = `${page}/reference`;
    await munResearcher.get(page);

    const wrongKind = await munResearcher.upload(url, jsonFile('bijdrage.json', contribution));
    expect(wrongKind.statusCode).toBe(422);
    expect(visible(wrongKind.body)).toContain('Dit is een ander soort benchmarkbestand dan hier verwacht.');
    const stranger = generateBenchmarkKeyPair();
    const payload = (JSON.parse(reference) as { payload: ReferencePayload }).payload;
    const foreign = await munResearcher.upload(url, jsonFile('referentie.json', signBenchmarkFile('reference', { ...payload, fileId: randomUUID() }, stranger.privateKey)));
    expect(foreign.statusCode).toBe(422);
    expect(visible(foreign.body)).toContain('Het bestand is ondertekend met een sleutel die hier niet is geregistreerd.');
    const tampered = await munResearcher.upload(url, jsonFile('referentie.json', reference.replace('"n": 200', '"n": 201')));
    expect(tampered.statusCode).toBe(422);
    expect(visible(tampered.body)).toContain('De handtekening klopt niet');
    expect(visible(tampered.body)).toContain('Er zijn nog geen referentiecijfers ingelezen.');
    expect(await storedRows(municipality, 'benchmark_reference_figures')).toEqual([]);

    const imported = await munResearcher.upload(url, jsonFile('referentie.json', reference));
    expect(imported.statusCode).toBe(303);
    const shown = visible((await munResearcher.get(locationOf(imported))).body);
    expect(shown).toContain('De referentiecijfers zijn ingelezen: vergeleken met 5 andere organisaties.');
    const stored = await storedRows(municipality, 'benchmark_reference_figures');
    expect(stored).toEqual([payload.fileId]);

    const repeated = await munResearcher.upload(url, jsonFile('referentie.json', reference));
    expect(repeated.statusCode).toBe(409);
    expect(visible(repeated.body)).toContain('Dit bestand is al eerder ingelezen.');
    expect(await storedRows(municipality, 'benchmark_reference_figures')).toEqual(stored);

    const report = await munResearcher.get(`/rounds/${roundId}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Vergelijking met andere organisaties: KTO-benchmark 2026');
    const start = report.body.indexOf('<table', report.body.indexOf('Vergelijking met andere organisaties'));
    const row = visible(report.body.slice(start, report.body.indexOf('</tr>', report.body.indexOf('<tbody', start))));
    expect(row).toContain('8,5 (n = 80)');
    expect(row).toMatch(/7,5 \(\d,\d – \d,\d\) \(n = 200; 5 organisaties\)/);
    expect(row).toContain('5,5 – 9,5');
    expect(row).toContain('significant hoger dan de referentiegroep');
  });

  it('carries on after the organiser replaced its key: the participant registers the new one', async () => {
    const orgAdmin = await signedIn(organiser, 'administrator@alfa.nl');
    await orgAdmin.get('/benchmark-key/replace');
    expect((await orgAdmin.post('/benchmark-key/replace', {})).headers.location).toBe('/benchmark-key?done=replaced');
    const newOrganiserKey = (await orgAdmin.get('/benchmark-key/public.pem')).body;
    const researcher = await signedIn(organiser, 'researcher@alfa.nl');
    const again = await researcher.get(`/benchmarks/${organiserBenchmark}/participants/${participantId}/reference.json`);
    expect(again.statusCode).toBe(200);

    const munResearcher = await signedIn(municipality, 'researcher@alfa.nl');
    const page = `/benchmarks/joined/${joinedBenchmark}`;
    await munResearcher.get(page);
    const before = await storedRows(municipality, 'benchmark_reference_figures');
    const refused = await munResearcher.upload(`${page}/reference`, jsonFile('referentie.json', again.body));
    expect(refused.statusCode).toBe(422);
    expect(visible(refused.body)).toContain('Het bestand is ondertekend met een sleutel die hier niet is geregistreerd.');
    expect(await storedRows(municipality, 'benchmark_reference_figures')).toEqual(before);

    const badKey = await munResearcher.upload(`${page}/organiser-key`, null, munResearcher.csrf, { organiserKey: 'geen sleutel' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.body).toContain('href="#organiserKey"');
    const saved = await munResearcher.upload(`${page}/organiser-key`, null, munResearcher.csrf, { organiserKey: newOrganiserKey });
    expect(saved.statusCode).toBe(303);
    expect(visible((await munResearcher.get(locationOf(saved))).body)).toContain('De nieuwe sleutel van de organisator is geregistreerd.');
    const imported = await munResearcher.upload(`${page}/reference`, jsonFile('referentie.json', again.body));
    expect(imported.statusCode).toBe(303);
    expect(await storedRows(municipality, 'benchmark_reference_figures')).toHaveLength(2);
  });
});
