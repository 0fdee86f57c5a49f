import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from '../../src/app/jobs/job-handler.ts';
import { changeLetterSettings } from '../../src/app/letters/letter-settings.ts';
import { startLetters, type LettersRequest } from '../../src/app/letters/start-letters.ts';
import { mailingFile } from '../../src/app/letters/letters-overview.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { formatAccessCode } from '../../src/domain/access-code.ts';
import { allJobHandlers } from '../../src/web/all-job-handlers.ts';
import { WINDOW_SAFE_AREA } from '../../src/web/letters/letter-styles.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createLetterInvitees, exampleInvitee, type LetterInvitee } from '../support/letter-invitees.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The letters job, called directly with a JobContext (as the runner will): one PDF, read back
// with pdf-lib (pages) and poppler (text, word positions, a PNG to look at).

const run = promisify(execFile);
const SECRET = 'test-secret-test-secret-test-secret!';
const PUBLIC_URL = 'https://kto.voorbeeldstad.nl';
let t: TestApp;
let tmp: string;

beforeAll(async () => {
  t = await createTestApp();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'klantstem-letters-'));
}, 60_000);
afterAll(async () => {
  await t?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function runLettersJob(roundId: string, request: LettersRequest): Promise<{ result: Record<string, unknown>; pdf: Buffer; progress: number[][] }> {
  const started = await startLetters(t.database.db, { organisationId: t.orgA, roundId, actorId: null, request });
  if (!started.ok) throw new Error(started.error);
  const progress: number[][] = [];
  const context: JobContext = {
    db: t.database.db, secret: SECRET, publicUrl: PUBLIC_URL,
    job: { id: started.value, organisationId: t.orgA, roundId, kind: 'letters', payload: { ...request }, createdBy: null, attempt: 1 },
    progress: async (done, total) => { progress.push([done, total ?? -1]); },
    signal: new AbortController().signal,
  };
  const result = (await allJobHandlers.letters!(context)) as Record<string, unknown>;
  const file = await mailingFile(t.database.db, t.orgA, roundId, String(result.mailingId));
  if (!file) throw new Error('no file stored');
  return { result, pdf: Buffer.concat(file.parts), progress };
}

async function save(pdf: Buffer, name: string): Promise<string> {
  const file = path.join(tmp, name);
  await fs.writeFile(file, pdf);
  return file;
}

async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout.replace(/[^\S\f]+/g, ' ');
}

const pageCount = async (pdf: Buffer) => (await PDFDocument.load(pdf)).getPageCount();

describe('letters job', () => {
  let roundId: string;
  let people: LetterInvitee[];

  beforeAll(async () => {
    ({ roundId } = await createFieldworkRound(t.database.db, t.orgA));
    people = await createLetterInvitees(t.database.db, {
      secret: SECRET, organisationId: t.orgA, roundId,
      invitees: [
        ...Array.from({ length: 5 }, (_, i) => exampleInvitee(i)),
        exampleInvitee(5, { state: 'completed' }),
        exampleInvitee(6, { optedOut: true }),
        exampleInvitee(7, { state: 'started', email: 'iemand@example.nl', language: 'en' }),
        exampleInvitee(8, { sampled: false }),
        exampleInvitee(9, { street: null }),
      ],
    });
    const saved = await changeLetterSettings(t.database.db, {
      organisationId: t.orgA, roundId,
      settings: {
        senderName: 'Gemeente Alfa, Werk en Inkomen', returnAddress: 'Postbus 12, 1000 AA Alfastad', signerName: 'A. de Wethouder',
        signerTitle: 'Wethouder sociaal domein', attachQuestionnaire: false, logo: undefined, removeLogo: false, signature: undefined, removeSignature: false,
      },
    });
    expect(saved.ok).toBe(true);
  }, 60_000);

  it('prints one page per invitation for every sampled invitee with a postal address, with name, street, code and link', async () => {
    const { result, pdf, progress } = await runLettersJob(roundId, { kind: 'invitation', reminderNumber: 0, language: 'invitee', onlyWithoutEmail: false });
    const expected = people.filter((p) => p.sampled && p.street);
    expect(result.letters).toBe(expected.length);
    expect(await pageCount(pdf)).toBe(expected.length);
    expect(progress.at(-1)).toEqual([expected.length, expected.length]);
    const file = await save(pdf, 'invitations.pdf');
    const pages = (await pdfText(file)).split('\f');
    for (const person of expected) {
      const page = pages.find((p) => p.includes(person.surname!));
      expect(page, person.surname!).toBeDefined();
      expect(page).toContain(person.street!);
      expect(page).toContain(formatAccessCode(person.code));
      expect(page).toContain(`${PUBLIC_URL}/r`);
      expect(page).toContain('Postbus 12, 1000 AA Alfastad');
    }
    for (const left of people.filter((p) => !p.sampled || !p.street)) expect(pages.join('')).not.toContain(left.surname!);
    const english = pages.find((p) => p.includes(people[7]!.surname!))!;
    expect(english).toContain('Dear Sir or Madam');
    expect(pages.find((p) => p.includes(people[0]!.surname!))).toContain('Geachte heer/mevrouw');
  }, 60_000);

  it('reminds only those who have not completed and did not opt out', async () => {
    const { result, pdf } = await runLettersJob(roundId, { kind: 'reminder', reminderNumber: 1, language: 'nl', onlyWithoutEmail: false });
    const expected = people.filter((p) => p.sampled && p.street && p.state !== 'completed' && !p.optedOut);
    expect(result.letters).toBe(expected.length);
    expect(await pageCount(pdf)).toBe(expected.length);
    const text = await pdfText(await save(pdf, 'reminders.pdf'));
    for (const person of expected) expect(text).toContain(formatAccessCode(person.code));
    expect(text).not.toContain(people[5]!.surname!);
    expect(text).not.toContain(formatAccessCode(people[5]!.code));
    expect(text).not.toContain(people[6]!.surname!);
    expect(text).toContain('Herinnering: wat vindt u van onze hulp?');
  }, 60_000);

  it('can leave out invitees with an e-mail address', async () => {
    const { result } = await runLettersJob(roundId, { kind: 'invitation', reminderNumber: 0, language: 'nl', onlyWithoutEmail: true });
    expect(result.letters).toBe(people.filter((p) => p.sampled && p.street && !p.email).length);
  }, 60_000);

  it('puts the address inside the part of the sheet that shows through the envelope window', async () => {
    const { pdf } = await runLettersJob(roundId, { kind: 'invitation', reminderNumber: 0, language: 'nl', onlyWithoutEmail: false });
    const file = await save(pdf, 'window.pdf');
    await run('pdftotext', ['-f', '1', '-l', '1', '-bbox', file, path.join(tmp, 'window.html')]);
    const words = [...(await fs.readFile(path.join(tmp, 'window.html'), 'utf8')).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]) / 72 * 25.4, y0: Number(m[2]) / 72 * 25.4, x1: Number(m[3]) / 72 * 25.4, y1: Number(m[4]) / 72 * 25.4, text: m[5]! }));
    // The first letter is sorted first by postcode; find its surname, then check every address line word.
    const sorted = [...people].filter((p) => p.sampled && p.street).sort((a, b) => a.postcode!.localeCompare(b.postcode!));
    const first = sorted[0]!;
    const addressWords = [first.surname!, first.street!.split(' ')[0]!, first.postcode!.slice(0, 4), first.town!.toUpperCase(), 'Postbus'];
    for (const word of addressWords) {
      const found = words.find((w) => w.text === word);
      expect(found, word).toBeDefined();
      expect(found!.x0, word).toBeGreaterThanOrEqual(WINDOW_SAFE_AREA.left);
      expect(found!.x1, word).toBeLessThanOrEqual(WINDOW_SAFE_AREA.right);
      expect(found!.y0, word).toBeGreaterThanOrEqual(WINDOW_SAFE_AREA.top);
      expect(found!.y1, word).toBeLessThanOrEqual(WINDOW_SAFE_AREA.bottom);
    }
    await fs.mkdir('scratch', { recursive: true });
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, 'scratch/letter-invitation']);
  }, 60_000);

  it('attaches the questionnaire with the person’s code: every set has an even page count', async () => {
    const { roundId: other } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Met vragenlijst' });
    const few = await createLetterInvitees(t.database.db, { secret: SECRET, organisationId: t.orgA, roundId: other, invitees: [exampleInvitee(20), exampleInvitee(21), exampleInvitee(22)] });
    await changeLetterSettings(t.database.db, {
      organisationId: t.orgA, roundId: other,
      settings: { senderName: 'Gemeente Alfa', returnAddress: 'Postbus 12, 1000 AA Alfastad', signerName: '', signerTitle: '', attachQuestionnaire: true, logo: undefined, removeLogo: false, signature: undefined, removeSignature: false },
    });
    const { result, pdf } = await runLettersJob(other, { kind: 'invitation', reminderNumber: 0, language: 'nl', onlyWithoutEmail: false });
    const pages = await pageCount(pdf);
    expect(result.pages).toBe(pages);
    const perSet = pages / few.length;
    expect(Number.isInteger(perSet)).toBe(true);
    expect(perSet % 2).toBe(0);
    expect(perSet).toBeGreaterThan(4);
    const file = await save(pdf, 'with-questionnaire.pdf');
    const text = (await pdfText(file)).split('\f');
    const sorted = [...few].sort((a, b) => a.postcode!.localeCompare(b.postcode!));
    for (const [i, person] of sorted.entries()) {
      const set = text.slice(i * perSet, (i + 1) * perSet);
      expect(set[0]).toContain(person.surname!);
      expect(set[1]!.trim()).toBe('');
      // every questionnaire page carries this person's code, and no page carries a name
      for (const formPage of set.slice(2).filter((p) => p.trim() !== '')) {
        expect(formPage).toContain(formatAccessCode(person.code));
        expect(formPage).not.toContain(person.surname!);
      }
      expect(set.slice(2).join('')).toContain('Welk rapportcijfer geeft u');
    }
    await run('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '3', file, 'scratch/letter-questionnaire']);
  }, 120_000);

  it('refuses to start when the round is closed', async () => {
    const { roundId: closed } = await createFieldworkRound(t.database.db, t.orgA, { name: 'Gesloten' });
    await createLetterInvitees(t.database.db, { secret: SECRET, organisationId: t.orgA, roundId: closed, invitees: [exampleInvitee(30)] });
    await withTenant(t.database.db, t.orgA, (tx) => setRoundStatus(tx, closed, 'closed'));
    const started = await startLetters(t.database.db, { organisationId: t.orgA, roundId: closed, actorId: null, request: { kind: 'invitation', reminderNumber: 0, language: 'nl', onlyWithoutEmail: false } });
    expect(started).toEqual({ ok: false, error: 'round-closed' });
  });
});
