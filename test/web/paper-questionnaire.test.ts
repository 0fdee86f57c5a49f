import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAccessCode } from '../../src/domain/access-code.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The printable questionnaire: a real PDF from headless Chromium, read back with pdftotext.

const run = promisify(execFile);
let t: TestApp;
let roundId: string;
let codes: string[];
let tmp: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ roundId, codes } = await createFieldworkRound(t.database.db, t.orgA, { codes: 2 }));
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'klantstem-paper-'));
}, 60_000);
afterAll(async () => {
  await t?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  await fs.writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  // One space for any run of white space (lines wrap wherever the layout puts them); pages stay apart.
  return stdout.replace(/[^\S\f]+/g, ' ');
}

describe('paper questionnaire PDF', () => {
  it('prints the questionnaire with its code and QR link on every page, routing as instructions', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const code = codes[0]!;
    const started = performance.now();
    const response = await client.get(`/rounds/${roundId}/paper.pdf?code=${formatAccessCode(code).toLowerCase()}`);
    const elapsed = performance.now() - started;
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toContain('no-store');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page).toContain(formatAccessCode(code));
    expect(text).toContain('Welk rapportcijfer geeft u de gemeente voor de hulp en service die u krijgt?');
    expect(text).toContain('Heeft u in de afgelopen 12 maanden een intakegesprek gehad?');
    expect(text).toContain('Hoe oud bent u?');
    // routing: at the question right before a routed block, and above each routed block
    expect(text).toMatch(/Nee → ga naar vraag 47/);
    expect(text).toMatch(/Beantwoord de vragen 17 tot en met 22 alleen als u bij vraag 2 ‘Ja’ heeft aangekruist\. Anders: ga naar vraag 23\./);
    expect(text).toContain(`/r en typ uw code: ${formatAccessCode(code)}`);
    expect(text).toContain('Pagina 1 van');
    console.log(`paper PDF of the standard questionnaire: ${pages.length} pages, ${Math.round(elapsed)} ms (first, browser start included)`);
  });

  it('prints an empty code box without a code, and English on request without switching the screens', async () => {
    const client = await signedIn('administrator@alfa.nl');
    const dutch = await pdfText((await client.get(`/rounds/${roundId}/paper.pdf`)).rawPayload);
    expect(dutch).toContain('Uw code (zie de brief)');
    expect(dutch).not.toContain(formatAccessCode(codes[0]!));
    const started = performance.now();
    const english = await client.get(`/rounds/${roundId}/paper.pdf?lang=en`);
    console.log(`paper PDF, warm browser: ${Math.round(performance.now() - started)} ms`);
    expect(english.statusCode).toBe(200);
    expect(String(english.headers['set-cookie'] ?? '')).not.toContain('ks_lang');
    const text = await pdfText(english.rawPayload);
    expect(text).toContain('What mark would you give the municipality');
    expect(text).toMatch(/No → go to question 47/);
    expect(text).toContain('Your code (see the letter)');
    expect((await client.get('/rounds')).body).toContain('<html lang="nl"');
  });

  it('refuses a code of no round of this organisation, viewers, and other organisations', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const wrong = await researcher.get(`/rounds/${roundId}/paper.pdf?code=ABCD-EFGH-JKMN`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(/De code heeft|Deze code klopt niet|hoort niet bij deze ronde/);
    const other = await createFieldworkRound(t.database.db, t.orgA, { codes: 1 });
    const foreignCode = await researcher.get(`/rounds/${roundId}/paper.pdf?code=${other.codes[0]}`);
    expect(foreignCode.statusCode).toBe(400);
    expect(foreignCode.body).toContain('Deze code hoort niet bij deze ronde');

    expect((await (await signedIn('viewer@alfa.nl')).get(`/rounds/${roundId}/paper.pdf`)).statusCode).toBe(403);
    expect((await (await signedIn('council@alfa.nl')).get(`/rounds/${roundId}/paper.pdf`)).statusCode).toBe(403);
    expect((await (await signedIn('researcher@beta.nl')).get(`/rounds/${roundId}/paper.pdf`)).statusCode).toBe(404);
    expect((await new Client(t.app).get(`/rounds/${roundId}/paper.pdf`)).statusCode).toBe(303);
  });
});
