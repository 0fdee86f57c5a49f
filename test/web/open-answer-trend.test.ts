import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCodebook } from '../../src/app/open-answers/codebook.ts';
import { openAnswerPoints } from '../../src/app/open-answers/open-answer-points.ts';
import { createRound } from '../../src/app/round-design.ts';
import { ensureStandardQuestionnaire } from '../../src/app/ensure-standard-questionnaire.ts';
import { writeCoding } from '../../src/db/open-answer-store.ts';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { releaseOpenAnswers } from '../support/release-open-answers.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The trend of each point across rounds, worked by hand. "Wat kan beter?" coded in five rounds:
//   2021: 6 answers (below the threshold of 10: hidden, so not part of the trend)
//   2022: 40 answers, telephone reachability 10 → 25 %, waiting times 4 → 10 %
//   2023: 50 answers, telephone reachability 20 → 40 %, waiting times 0 → 0 %
//   2024: 20 answers, telephone reachability 3 → 15 %, waiting times 5 → 25 %
//   2025 (the report): 40 answers, telephone reachability 12 → 30 %, waiting times 8 → 20 %
// The report shows at most three earlier rounds (2022–2024), oldest first.

let t: TestApp;
const rounds = new Map<number, string>();

const PLAN: Record<number, { base: number; phone: number; waiting: number }> = {
  2021: { base: 6, phone: 3, waiting: 0 },
  2022: { base: 40, phone: 10, waiting: 4 },
  2023: { base: 50, phone: 20, waiting: 0 },
  2024: { base: 20, phone: 3, waiting: 5 },
  2025: { base: 40, phone: 12, waiting: 8 },
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const standard = await ensureStandardQuestionnaire(db);
  await withTenant(db, t.orgA, (tx) => ensureCodebook(tx, t.orgA));
  const coder = (await db.selectFrom('users').select('id').where('email', '=', 'researcher@alfa.nl').executeTakeFirstOrThrow()).id;
  for (const [yearText, plan] of Object.entries(PLAN)) {
    const year = Number(yearText);
    const id = randomUUID();
    const created = await createRound(db, { organisationId: t.orgA, actorId: null, id, sourceVersionId: standard.id, design: {
      name: `KTO ${year}`, year, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: `${year}-03-01`, fieldworkEnd: `${year}-04-01`, access: 'codes',
    } });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    rounds.set(year, id);
    const responses = Array.from({ length: plan.base }, (_, i) => ({
      id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: `${year}-03-02`, completedOn: `${year}-03-02`,
      answers: [{ itemKey: 'open.verbeterpunten', valueText: `Antwoord ${i + 1} van ${year}: de telefoon en het wachten` }],
    }));
    await withTenant(db, t.orgA, async (tx) => {
      await insertCompletedResponses(tx, t.orgA, id, responses);
      for (const [i, response] of responses.entries()) {
        const codes = [...(i < plan.phone ? ['telephone-reachability'] : []), ...(i >= plan.base - plan.waiting ? ['waiting-times'] : [])];
        await writeCoding(tx, { organisationId: t.orgA, roundId: id, responseId: response.id, itemKey: 'open.verbeterpunten', coder: 1 }, codes, coder, `${year}-05-01`);
      }
      await setRoundStatus(tx, id, 'closed');
    });
    await releaseOpenAnswers(db, t.orgA, id, 'researcher@alfa.nl');
  }
});
afterAll(async () => t.close());

describe('the trend of plus and improvement points', () => {
  it('gives the share of each point in up to three earlier rounds, leaving out hidden ones', async () => {
    const points = (await openAnswerPoints(t.database.db, t.orgA, rounds.get(2025)!))!;
    const improve = points.questions.find((q) => q.item.key === 'open.verbeterpunten')!;
    expect(improve.ranked.base).toBe(40);
    expect(improve.ranked.points.map((p) => [p.code, p.count, p.share.share])).toEqual([['telephone-reachability', 12, 0.3], ['waiting-times', 8, 0.2]]);
    expect(improve.earlier.map((r) => r.year)).toEqual([2022, 2023, 2024]);
    const share = (year: number, code: string) => improve.earlier.find((r) => r.year === year)!.shares.get(code)?.share;
    expect([2022, 2023, 2024].map((year) => share(year, 'telephone-reachability'))).toEqual([0.25, 0.4, 0.15]);
    expect([2022, 2023, 2024].map((year) => share(year, 'waiting-times'))).toEqual([0.1, undefined, 0.25]);
  });

  it('shows the trend as columns in the report, oldest first, with 0 % for a point nobody mentioned', async () => {
    const client = new Client(t.app);
    await client.signIn('researcher@alfa.nl');
    const report = await client.get(`/rounds/${rounds.get(2025)}/report`);
    expect(report.statusCode).toBe(200);
    const section = report.body.slice(report.body.indexOf('id="points-heading"'));
    const text = section.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('2022 2023 2024');
    expect(section).toContain('<abbr title="KTO 2022">2022</abbr>');
    expect(text).toMatch(/Telefonische bereikbaarheid 12 30 % \(\d+ % – \d+ %\) 25 % 40 % 15 %/);
    expect(text).toMatch(/Wacht- en afhandeltijden 8 20 % \(\d+ % – \d+ %\) 10 % 0 % 25 %/);
    expect(text).not.toContain('2021');
  });
});
