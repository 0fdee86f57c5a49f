import type { Kysely } from 'kysely';
import { codingsOfItem, openAnswersOfItem, writeCoding, writeReview } from '../../db/open-answer-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { screenPersonalData } from '../../domain/open-answers/privacy-screen.ts';
import { polarityOfItem } from '../../domain/open-answers/rank-points.ts';
import { suggestCodes } from '../../domain/open-answers/suggest-codes.ts';
import { ensureCodebook } from '../open-answers/codebook.ts';
import { demoRoundId } from './demo-organisations.ts';

// Voorbeeldstad's researcher coded the open answers of 2024 and 2025 and reviewed them, so the
// demo report shows plus and improvement points with quotes and a trend. The codes are what the
// word list suggests (a stand-in for the researcher's judgement, deterministic); answers with
// personal data stay unreviewed, as a researcher would still have to redact them.

const CODED_YEARS = [2024, 2025];
const ITEMS = ['open.pluspunten', 'open.verbeterpunten'];

export async function seedDemoCoding(db: Kysely<DB>, organisationId: string, slug: string, researcherId: string): Promise<void> {
  await withTenant(db, organisationId, async (tx) => {
    const codebook = await ensureCodebook(tx, organisationId);
    const codebookKeys = codebook.map((code) => code.key);
    for (const year of CODED_YEARS) {
      const roundId = demoRoundId(slug, year);
      for (const itemKey of ITEMS) {
        const done = await codingsOfItem(tx, organisationId, roundId, itemKey, 1);
        const question = polarityOfItem(itemKey);
        for (const answer of await openAnswersOfItem(tx, organisationId, roundId, itemKey)) {
          if (done.has(answer.responseId)) continue;
          const key = { organisationId, roundId, responseId: answer.responseId, itemKey };
          const codes = suggestCodes(answer.text, { codebookKeys, ...(question ? { question } : {}) }).map((s) => s.code);
          await writeCoding(tx, { ...key, coder: 1 }, codes, researcherId, `${year}-06-15`);
          if (screenPersonalData(answer.text).length === 0) {
            await writeReview(tx, key, { decision: 'approved', redactedText: null, reviewedBy: researcherId, reviewedOn: `${year}-06-15` });
          }
        }
      }
    }
  });
}
