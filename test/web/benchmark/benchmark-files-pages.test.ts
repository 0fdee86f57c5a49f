import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBenchmarkKeyPair } from '../../../src/app/benchmark/signed-file.ts';
import { insertCompletedResponses } from '../../../src/db/response-store.ts';
import { setRoundStatus } from '../../../src/db/round-store.ts';
import { withTenant } from '../../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../../support/builders.ts';
import { organisedBenchmark } from '../../support/organised-benchmark.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { UploadClient } from '../fieldwork/upload-client.ts';

// The benchmark pages within one installation: the signing key (sealed at rest, replaced only
// after confirmation, by an administrator), form errors with their summary, and another
// organisation's benchmarks out of reach.

let t: TestApp;
let organised = '';
let roundId = '';

beforeAll(async () => {
  t = await createTestApp();
  organised = await organisedBenchmark(t.database.db, t.orgA);
  ({ roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'KTO 2026' }));
  await withTenant(t.database.db, t.orgA, async (tx) => {
    await insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 20 }, () => ({
      id: randomUUID(), channel: 'paper' as const, language: 'nl', startedOn: '2026-11-12', completedOn: '2026-11-12', answers: [{ itemKey: 'algemeen.cijfer', valueNum: 7 }],
    })));
    await setRoundStatus(tx, roundId, 'closed');
  });
}, 120_000);
afterAll(async () => t.close());

const visible = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

async function signedIn(email: string): Promise<UploadClient> {
  const client = new UploadClient(t.app);
  await client.signIn(email);
  await client.get('/benchmarks');
  return client;
}

describe('the signing key page', () => {
  it('keeps the private key sealed, lets only an administrator make or replace it, and asks before replacing', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const none = visible((await researcher.get('/benchmark-key')).body);
    expect(none).toContain('Uw organisatie heeft nog geen sleutelpaar.');
    expect(none).toContain('Alleen een beheerder kan het sleutelpaar maken of vervangen.');
    expect((await researcher.post('/benchmark-key', {})).statusCode).toBe(403);

    const admin = await signedIn('administrator@alfa.nl');
    await admin.get('/benchmark-key');
    expect((await admin.post('/benchmark-key', {})).statusCode).toBe(303);
    const row = await t.database.db.selectFrom('benchmark_signing_keys').selectAll().where('organisation_id', '=', t.orgA).executeTakeFirstOrThrow();
    expect(row.private_key_sealed).toMatch(/^v1\./);
    expect(row.private_key_sealed).not.toContain('PRIVATE KEY');
    const page = (await admin.get('/benchmark-key')).body;
    expect(visible(page)).toContain(`Sleutel-id ${row.key_id}`);
    expect(page).toContain('href="/benchmark-key/replace"');

    const confirm = await admin.get('/benchmark-key/replace');
    expect(visible(confirm.body)).toContain('Sleutelpaar vervangen?');
    expect(visible(confirm.body)).toContain('Bij benchmarks waaraan u al deelneemt, kiest u daarna op de pagina van de benchmark “Huidige sleutel gebruiken”.');
    expect((await admin.post('/benchmark-key/replace', {})).headers.location).toBe('/benchmark-key?done=replaced');
    const replaced = await t.database.db.selectFrom('benchmark_signing_keys').select('key_id').where('organisation_id', '=', t.orgA).executeTakeFirstOrThrow();
    expect(replaced.key_id).not.toBe(row.key_id);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('organisation_id', '=', t.orgA).where('action', '=', 'benchmark-key-generated').orderBy('at').execute();
    expect(audit.map((a) => a.details)).toEqual([{ keyId: row.key_id, replaced: null }, { keyId: replaced.key_id, replaced: row.key_id }]);

    const other = await signedIn('researcher@beta.nl');
    expect(visible((await other.get('/benchmark-key')).body)).toContain('Uw organisatie heeft nog geen sleutelpaar.');
    expect((await other.get('/benchmark-key/public.pem')).statusCode).toBe(404);
  });
});

describe('the benchmark forms', () => {
  it('shows an error summary linking to each field, in Dutch and in English', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    await researcher.get('/benchmarks/new');
    const refused = await researcher.post('/benchmarks/new', { name: 'KTO', year: '1999', questionnaireVersion: 'standaard-kto 1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<a class="utrecht-link" href="#year">Vul een jaar in tussen 2000 en 2100, bijvoorbeeld 2026.</a>');
    expect(refused.body).toMatch(/<input[^>]+id="year"[^>]+aria-describedby="year-hint year-error"[^>]+aria-invalid="true"/);
    const english = await researcher.post('/benchmarks/new?lang=en', { name: '', year: '2026', questionnaireVersion: 'standaard-kto 1' });
    expect(english.body).toContain('<a class="utrecht-link" href="#name">Enter the benchmark’s name (1 to 200 characters).</a>');
    const noVersion = await researcher.post('/benchmarks/new?lang=nl', { name: 'KTO', year: '2026', questionnaireVersion: '' });
    expect(noVersion.body).toContain('<a class="utrecht-link" href="#questionnaireVersion">Vul de vragenlijstversie in (1 tot 200 tekens), bijvoorbeeld “standaard-kto 1”.</a>');
    await researcher.get('/benchmarks?lang=nl');

    await researcher.get(`/benchmarks/${organised}/participants/new`);
    const missing = await researcher.upload(`/benchmarks/${organised}/participants/new`, null, researcher.csrf, { participant: '', publicKey: '', consent: '', sizeClass: 'groot', region: '' });
    expect(missing.statusCode).toBe(400);
    for (const field of ['participant', 'consent', 'sizeClass']) expect(missing.body).toContain(`href="#${field}"`);

    await researcher.get(`/benchmarks/${organised}/contributions/new`);
    const noFile = await researcher.upload(`/benchmarks/${organised}/contributions/new`, null);
    expect(noFile.statusCode).toBe(400);
    expect(visible(noFile.body)).toContain('Kies een bestand.');
    const notJson = await researcher.upload(`/benchmarks/${organised}/contributions/new`, { name: 'bijdrage.json', bytes: new TextEncoder().encode('geen json'), type: 'application/json' });
    expect(notJson.statusCode).toBe(422);
    expect(visible(notJson.body)).toContain('Het bestand is geen leesbare JSON. Kies het .json-bestand zoals Klantstem het maakte');

    // Too large: refused by the upload limit with the form again, not an error page.
    await researcher.get(`/benchmarks/${organised}/contributions/new`);
    const huge = await researcher.upload(`/benchmarks/${organised}/contributions/new`, { name: 'groot.json', bytes: new Uint8Array(6 * 1024 * 1024).fill(32), type: 'application/json' });
    expect(huge.statusCode).toBe(413);
    expect(visible(huge.body)).toContain('Het bestand is groter dan 5 MB.');
  });

  it('refuses to export a contribution once the key was replaced after joining, and says what to do', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    await researcher.get('/benchmarks/join');
    const organiserKey = (await t.database.db.selectFrom('benchmark_participants').select('public_key').limit(1).executeTakeFirstOrThrow()).public_key;
    const joined = await researcher.upload('/benchmarks/join', null, researcher.csrf, { name: 'Regiobenchmark', year: '2026', questionnaireVersion: 'standaard-kto 1', organiserKey });
    expect(joined.statusCode).toBe(303);
    const id = /\/benchmarks\/joined\/([0-9a-f-]{36})/.exec(String(joined.headers.location))![1]!;
    expect((await researcher.get(`/benchmarks/joined/${id}/contribution.json?round=${roundId}`)).statusCode).toBe(200);
    for (const round of ['onzin', randomUUID()]) {
      const refused = await researcher.get(`/benchmarks/joined/${id}/contribution.json?round=${round}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('<a class="utrecht-link" href="#round">Kies een afgesloten meting van het benchmarkjaar.</a>');
    }

    const admin = await signedIn('administrator@alfa.nl');
    await admin.get('/benchmark-key/replace');
    await admin.post('/benchmark-key/replace', {});
    const page = visible((await researcher.get(`/benchmarks/joined/${id}`)).body);
    expect(page).toContain('De ondertekeningssleutel van uw organisatie is niet meer de sleutel waarmee u deelnam.');
    const refused = await researcher.get(`/benchmarks/joined/${id}/contribution.json?round=${roundId}`);
    expect(refused.statusCode).toBe(409);
    expect(visible(refused.body)).toContain('Kies eerst “Huidige sleutel gebruiken” en stuur de nieuwe publieke sleutel aan de organisator.');

    // Taking the current key for this benchmark signs with it again.
    const used = await researcher.post(`/benchmarks/joined/${id}/key`, {});
    expect(used.headers.location).toBe(`/benchmarks/joined/${id}?done=key`);
    const after = visible((await researcher.get(String(used.headers.location))).body);
    expect(after).toContain('Deze benchmark gebruikt nu de huidige sleutel van uw organisatie.');
    expect(after).not.toContain('is niet meer de sleutel waarmee u deelnam');
    const exported = await researcher.get(`/benchmarks/joined/${id}/contribution.json?round=${roundId}`);
    expect(exported.statusCode).toBe(200);
    const currentKeyId = (await t.database.db.selectFrom('benchmark_signing_keys').select('key_id').where('organisation_id', '=', t.orgA).executeTakeFirstOrThrow()).key_id;
    expect((JSON.parse(exported.body) as { signature: { keyId: string } }).signature.keyId).toBe(currentKeyId);

    const overview = visible((await researcher.get('/benchmarks')).body);
    expect(overview).toContain('Benchmarks waaraan u deelneemt Regiobenchmark 2026');
    // A form's address opened directly (a reload after a refused upload) leads back to the page.
    for (const form of ['reference', 'key', 'organiser-key']) {
      const opened = await researcher.get(`/benchmarks/joined/${id}/${form}`);
      expect(opened.statusCode, form).toBe(303);
      expect(opened.headers.location, form).toBe(`/benchmarks/joined/${id}`);
    }

    // Another organisation reaches neither the organised nor the joined benchmark.
    const other = await signedIn('researcher@beta.nl');
    for (const url of [`/benchmarks/joined/${id}`, `/benchmarks/joined/${id}/reference`, `/benchmarks/${organised}/contributions/new`, `/benchmarks/${organised}/participants/new`, `/benchmarks/joined/${id}/contribution.json?round=${roundId}`]) {
      expect((await other.get(url)).statusCode, url).toBe(404);
    }
    // And a viewer of the organisation is refused.
    const viewer = await signedIn('viewer@alfa.nl');
    expect((await viewer.get(`/benchmarks/joined/${id}`)).statusCode).toBe(403);
  });

  it("registers a participant's new key, keeping its contribution", async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const dashboard = (await researcher.get(`/benchmarks/${organised}`)).body;
    const participantId = new RegExp(`href="/benchmarks/${organised}/participants/([0-9a-f-]{36})/key" aria-label="Nieuwe sleutel van Gemeente Noord"`).exec(dashboard)![1]!;
    const url = `/benchmarks/${organised}/participants/${participantId}/key`;
    await researcher.get(url);
    const empty = await researcher.upload(url, null, researcher.csrf, { publicKey: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a class="utrecht-link" href="#publicKey">Plak de publieke sleutel van de deelnemer of kies het .pub-bestand.</a>');
    const taken = (await t.database.db.selectFrom('benchmark_participants').select('public_key').where('name', '=', 'Gemeente Zuid').executeTakeFirstOrThrow()).public_key;
    expect((await researcher.upload(url, null, researcher.csrf, { publicKey: taken })).statusCode).toBe(409);

    const fresh = generateBenchmarkKeyPair();
    const saved = await researcher.upload(url, { name: 'noord.pub', bytes: new TextEncoder().encode(fresh.publicKey), type: 'application/x-pem-file' }, researcher.csrf, { publicKey: '' });
    expect(saved.statusCode).toBe(303);
    const shown = visible((await researcher.get(String(saved.headers.location))).body);
    expect(shown).toContain('De nieuwe sleutel van Gemeente Noord is geregistreerd.');
    expect(shown).toContain('2 van de 3 deelnemers hebben hun bijdrage gestuurd.');
  });
});
