import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The report document as HTML and as an A4 PDF: cover, summary written from the figures,
// method chapter with the fieldwork counts, a chapter per module, appendix; PDF downloads
// are logged as exports.

let t: TestApp;
let current: string;
let previous: string;

async function addResponses(organisationId: string, roundId: string, answers: AnswerInput[][], channel: 'web' | 'paper' = 'web'): Promise<void> {
  await withTenant(t.database.db, organisationId, (tx) =>
    insertCompletedResponses(tx, organisationId, roundId, answers.map((list) => ({
      id: randomUUID(), channel, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02', answers: list,
    }))));
}

const repeat = (count: number, itemKey: string, valueNum: number): AnswerInput[][] => Array.from({ length: count }, () => [{ itemKey, valueNum }]);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  previous = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2025' })).roundId;
  // Previous round: marks 5×10, 6×20, 7×10: mean 6,0 on n = 40.
  await addResponses(t.orgA, previous, [...repeat(10, 'algemeen.cijfer', 5), ...repeat(20, 'algemeen.cijfer', 6), ...repeat(10, 'algemeen.cijfer', 7)]);
  await db.updateTable('rounds').set({ year: 2025, status: 'closed' }).where('id', '=', previous).execute();

  current = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2026', codes: 80 })).roundId;
  // Marks 6×10, 7×20, 8×10: mean 7,0 (6,8 – 7,2); Welch against 6,0: p ≈ 2e−8, "significant hoger".
  const marks = [...repeat(10, 'algemeen.cijfer', 6), ...repeat(20, 'algemeen.cijfer', 7), ...repeat(10, 'algemeen.cijfer', 8)];
  // balie.bejegening: 40 answers, 10 × "oneens" (2), 30 × "eens" (4): 75 % eens.
  marks.forEach((answers, index) => answers.push({ itemKey: 'balie.bejegening', valueNum: index < 10 ? 2 : 4 }));
  await addResponses(t.orgA, current, marks.slice(0, 30));
  await addResponses(t.orgA, current, marks.slice(30), 'paper');
  await withSystem(db, async (tx) => {
    await tx.insertInto('round_samples').values({ organisation_id: t.orgA, round_id: current, method: 'simple', seed: 'x', population: 2400, size: 80 }).execute();
    await tx.insertInto('letter_mailings').values({ id: randomUUID(), organisation_id: t.orgA, round_id: current, kind: 'invitation', letters: 80 }).execute();
    await tx.insertInto('letter_mailings').values({ id: randomUUID(), organisation_id: t.orgA, round_id: current, kind: 'reminder', reminder_number: 1, letters: 45 }).execute();
  });
}, 60_000);
afterAll(async () => t?.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

const text = (markup: string) => markup.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('report document (HTML)', () => {
  it('has a cover, a summary from the figures, the method with fieldwork counts, module chapters and an appendix', async () => {
    const client = await signedIn('viewer@alfa.nl');
    const response = await client.get(`/rounds/${current}/report/document`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const body = text(response.body);
    expect(response.body).toMatch(/<html lang="nl"/);
    expect(body).toContain('Klanttevredenheidsonderzoek 2026');
    expect(body).toContain('Voorlopig');
    expect(body).toContain('Klanten geven de dienstverlening gemiddeld een 7,0. 0% geeft een onvoldoende (een 5 of lager). Dat is significant hoger dan vorig jaar (6,0).');
    expect(body).toContain('40 klanten vulden de vragenlijst in. Dat is 50% van de 80 klanten die een uitnodiging kregen.');
    expect(body).toContain('Hoe we het onderzoek deden');
    expect(body).toContain('bestond uit 2.400 klanten. Daaruit kozen we er 80 door loting');
    expect(body).toContain('We stuurden 80 uitnodigingsbrieven en 45 herinneringsbrieven.');
    expect(body).toContain('Er zijn 80 persoonlijke codes uitgegeven. Daarvan kwamen er 80 bij de klant aan.');
    expect(body).toContain('Dat deden ze 30 via internet, 10 op papier.');
    expect(body).toContain('De respons is 50%: 40 ingevulde vragenlijsten van 80 uitnodigingen');
    expect(body).toContain('Het veldwerk liep van 1 nov 2026 tot en met 31 dec 2026.');
    expect(body).toContain('Met 95% zekerheid ligt het echte gemiddelde tussen 6,8 en 7,2.');
    expect(body).toContain('methode van Holm');
    // A chapter per module, with the diverging chart and its table (25 % oneens, 75 % eens).
    expect(response.body).toContain('<h2 id="chapter-eerste_contact">Eerste contact</h2>');
    expect(body).toContain('De medewerkers aan de balie zijn vriendelijk. 40 0% 25% 0% 75% 0% 75%');
    expect(response.body).toContain('<h2 id="appendix">Bijlage: alle vragen</h2>');
    expect(response.body).not.toContain('<details');
  });

  it('is in English on request, without switching the interface language', async () => {
    const client = await signedIn('researcher@alfa.nl');
    const response = await client.get(`/rounds/${current}/report/document?lang=en`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<html lang="en"/);
    expect(text(response.body)).toContain('Clients give the service an average mark of 7.0.');
    expect(text(response.body)).toContain('How we did the survey');
    expect(String(response.headers['set-cookie'] ?? '')).not.toContain('ks_lang=');
    expect((await client.get(`/rounds/${current}/report`)).body).toMatch(/<html lang="nl"/);
  });

  it('is not found for another organisation', async () => {
    const client = await signedIn('researcher@beta.nl');
    expect((await client.get(`/rounds/${current}/report/document`)).statusCode).toBe(404);
    expect((await client.get(`/rounds/${current}/report.pdf`)).statusCode).toBe(404);
  });
});

describe('report document (PDF)', () => {
  it('prints an A4 PDF with the summary and the method chapter, and logs the download as an export', async () => {
    const client = await signedIn('council@alfa.nl');
    const response = await client.get(`/rounds/${current}/report.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.rawPayload;
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(5);
    const { width, height } = pdf.getPage(0).getSize();
    // A4 is 595.3 × 841.9 pt; Chromium rounds the page to whole CSS pixels (595.9 × 842.9).
    expect(Math.abs(width - 595.3)).toBeLessThan(1);
    expect(Math.abs(height - 841.9)).toBeLessThan(1.5);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, bytes);
    const pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    fs.rmSync(dir, { recursive: true });
    expect(pdfText).toContain('Klanten geven de dienstverlening gemiddeld een 7,0.');
    expect(pdfText).toContain('Hoe we het onderzoek deden');
    expect(pdfText).toContain('VOORLOPIG');

    const audit = await withSystem(t.database.db, (tx) => tx.selectFrom('audit_log').select(['action', 'details', 'organisation_id']).where('action', '=', 'export').execute());
    const pdfs = audit.filter((row) => (row.details as { format?: string }).format === 'report-pdf');
    expect(pdfs).toHaveLength(1);
    expect(pdfs[0]).toMatchObject({ organisation_id: t.orgA, details: { roundId: current, format: 'report-pdf', language: 'nl' } });
  }, 60_000);
});
