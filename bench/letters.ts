// Letters PDF: time and file size for many letters, without and with the paper questionnaire,
// against a baseline measured in the same run (one Chromium print of a single letter), so the
// ratio means something on a shared, noisy machine.
// Run: npx tsx bench/letters.ts            (BENCH_LETTERS=5000 by default; PGlite in memory)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { createOrganisation } from '../src/app/create-organisation.ts';
import { ensureStandardQuestionnaire } from '../src/app/ensure-standard-questionnaire.ts';
import type { JobContext } from '../src/app/jobs/job-handler.ts';
import { changeLetterSettings } from '../src/app/letters/letter-settings.ts';
import { letterTextsOf } from '../src/app/letters/letter-texts.ts';
import { EXAMPLE_ADDRESSEE, EXAMPLE_CODE } from '../src/app/letters/letter-values.ts';
import { mailingFile } from '../src/app/letters/letters-overview.ts';
import { startLetters } from '../src/app/letters/start-letters.ts';
import { createRound } from '../src/app/round-design.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { setRoundStatus } from '../src/db/round-store.ts';
import { withTenant } from '../src/db/tenant-transaction.ts';
import { LETTER_PRINT, letterSheet, lettersHtml } from '../src/web/letters/letter-document.ts';
import { lettersJob } from '../src/web/letters/letters-job.ts';
import { leasePdfPrinter } from '../src/web/paper/pdf-printer.ts';
import { createLetterInvitees, exampleInvitee } from '../test/support/letter-invitees.ts';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 5000);
const WITH_FORM = Number(process.env.BENCH_LETTERS_WITH_FORM ?? LETTERS);
const SECRET = 'bench-secret-bench-secret-bench-secret';
const PUBLIC_URL = 'https://kto.voorbeeldstad.nl';

const database = await connect({ memory: true });
await migrateToLatest(database.db);
const standard = await ensureStandardQuestionnaire(database.db);
const org = await createOrganisation(database.db, { slug: 'bench-letters', name: 'Gemeente Bench' });
if (!org.ok) throw new Error(org.error);
const organisationId = org.value.id;

async function roundWith(count: number, attachQuestionnaire: boolean): Promise<string> {
  const roundId = randomUUID();
  const design = { name: 'Bench', year: 2026, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: null, fieldworkEnd: '2026-12-31', access: 'codes' as const };
  const round = await createRound(database.db, { organisationId, actorId: null, id: roundId, sourceVersionId: standard.id, design });
  if (!round.ok) throw new Error('round');
  await withTenant(database.db, organisationId, (tx) => setRoundStatus(tx, roundId, 'fieldwork'));
  await createLetterInvitees(database.db, { secret: SECRET, organisationId, roundId, invitees: Array.from({ length: count }, (_, i) => exampleInvitee(i)) });
  await changeLetterSettings(database.db, {
    organisationId, roundId,
    settings: {
      senderName: 'Gemeente Bench, Werk en Inkomen', returnAddress: 'Postbus 1, 1000 AA Benchstad', signerName: 'B. Bench', signerTitle: 'Afdelingshoofd',
      attachQuestionnaire, logo: undefined, removeLogo: false, signature: undefined, removeSignature: false,
    },
  });
  return roundId;
}

async function baseline(roundId: string): Promise<number> {
  const printer = leasePdfPrinter();
  const texts = await letterTextsOf(database.db, organisationId, roundId);
  const layout = { settings: { senderName: 'Gemeente Bench', returnAddress: 'Postbus 1', signerName: '', signerTitle: '', logoDataUrl: null, signatureDataUrl: null, attachQuestionnaire: false }, context: { organisationName: 'Gemeente Bench', roundName: 'Bench', fieldworkEnd: null, publicUrl: PUBLIC_URL }, date: '2026-11-01' };
  const sheet = await letterSheet(layout, { addressee: EXAMPLE_ADDRESSEE, code: EXAMPLE_CODE, language: 'nl', text: texts.invitation.nl });
  await printer.print(lettersHtml(layout.settings, [sheet], 'warm-up'), LETTER_PRINT);
  const runs = 5;
  const started = performance.now();
  for (let i = 0; i < runs; i++) await printer.print(lettersHtml(layout.settings, [sheet], 'baseline'), LETTER_PRINT);
  await printer.release();
  return (performance.now() - started) / runs;
}

async function measure(label: string, count: number, attach: boolean, oneLetterMs: number): Promise<void> {
  if (count <= 0) return;
  const roundId = await roundWith(count, attach);
  const request = { kind: 'invitation' as const, reminderNumber: 0, language: 'nl' as const, onlyWithoutEmail: false };
  const started = await startLetters(database.db, { organisationId, roundId, actorId: null, request });
  if (!started.ok) throw new Error(started.error);
  let peakRss = process.memoryUsage().rss;
  const context: JobContext = {
    db: database.db, secret: SECRET, publicUrl: PUBLIC_URL,
    job: { id: started.value, organisationId, roundId, kind: 'letters', payload: { ...request }, createdBy: null, attempt: 1 },
    progress: async () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); },
    signal: new AbortController().signal,
  };
  const t0 = performance.now();
  const result = (await lettersJob(context)) as { letters: number; pages: number; bytes: number; mailingId: string };
  const seconds = (performance.now() - t0) / 1000;
  const file = await mailingFile(database.db, organisationId, roundId, result.mailingId);
  const parts = file?.parts.length ?? 0;
  const perLetter = (seconds * 1000) / result.letters;
  console.log(`${label.padEnd(28)} ${String(result.letters).padStart(5)} letters  ${String(result.pages).padStart(6)} pages  ${seconds.toFixed(1).padStart(6)} s  ${(result.bytes / 1024 / 1024).toFixed(1).padStart(6)} MB in ${parts} part(s)  ${perLetter.toFixed(1)} ms/letter = ${(perLetter / oneLetterMs).toFixed(3)} × one single-letter print  peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  if (process.env.BENCH_SAVE) await fs.writeFile(`scratch/bench-${attach ? 'with' : 'without'}-form.pdf`, Buffer.concat(file?.parts ?? []));
}

const warmRound = await roundWith(1, false);
const oneLetter = await baseline(warmRound);
console.log(`baseline  one letter, one Chromium print (warm)   ${oneLetter.toFixed(0)} ms`);
await measure('letters only', LETTERS, false, oneLetter);
await measure('letters + questionnaire', WITH_FORM, true, oneLetter);
await database.close();
