import { loadLetterBatch, saveLetterMailing } from '../../app/letters/letter-batch.ts';
import { parseLettersRequest, type LettersRequest } from '../../app/letters/start-letters.ts';
import type { JobHandler } from '../../app/jobs/job-handler.ts';
import { todayInNetherlands } from '../../app/today.ts';
import { leasePdfPrinter } from '../paper/pdf-printer.ts';
import { lettersPdf, splitIntoParts } from './letters-pdf.ts';

// The 'letters' job: one PDF of all invitation or reminder letters of a round, stored in
// job_files (parts of at most 8 MB) with a letter_mailings record. Running it again after a
// crash prints everything again and replaces what the first attempt stored.

export const MAX_PART_BYTES = 8 * 1024 * 1024;

export function letterFileName(request: LettersRequest, year: number): string {
  return request.kind === 'invitation' ? `uitnodigingsbrieven-${year}.pdf` : `herinneringsbrieven-${request.reminderNumber}-${year}.pdf`;
}

export const lettersJob: JobHandler = async (context) => {
  const { job } = context;
  const request = parseLettersRequest(job.payload);
  if (!request || !job.roundId) throw new Error('The letters job has no valid request.');
  const batch = await loadLetterBatch(context.db, { organisationId: job.organisationId, roundId: job.roundId, secret: context.secret, request });
  if (!batch.ok) {
    throw new Error(batch.error === 'round-closed' ? 'Letters can only be made while the round is in draft or fieldwork.' : 'The round no longer exists.');
  }
  const { round, organisationName, settings, texts, questionnaire, letters } = batch.value;
  await context.progress(0, letters.length);
  const printer = leasePdfPrinter();
  try {
    const result = await lettersPdf({
      kind: request.kind, settings, texts, questionnaire, letters, printer,
      context: { organisationName, roundName: round.name, fieldworkEnd: round.fieldworkEnd, publicUrl: context.publicUrl },
      date: todayInNetherlands(),
      signal: context.signal,
      onProgress: (done, total) => context.progress(done, total),
    });
    const fileName = letterFileName(request, round.year);
    const mailingId = await saveLetterMailing(context.db, {
      organisationId: job.organisationId, roundId: round.id, jobId: job.id, request,
      letters: result.letters, fileName, parts: splitIntoParts(result.pdf, MAX_PART_BYTES),
    });
    return { letters: result.letters, pages: result.pages, bytes: result.pdf.length, fileName, mailingId };
  } finally {
    await printer.release();
  }
};
