import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPublishedFigures } from '../../src/app/history-import/import-published-figures.ts';
import { importRawResponses } from '../../src/app/history-import/import-raw-responses.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Random and mutated files thrown at the figures and response importers: each is either refused
// with a problem or imported whole (a closed round with every figure or every response), never
// a crash and never a round without its contents.

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

const FIGURES = 'item;n;mean;sd;share\nalgemeen.cijfer;200;6,8;1,6;9%\nbalie.bejegening;180;;;71%\nminima.bekend;150;;;40 %\n';
const RESPONSES = ['algemeen.cijfer;balie.bejegening;minima.bekend', '7;Eens;Ja', '8;Helemaal eens;Nee', '6;2;nvt', ';;', '9;Oneens;Y'].join('\n');

/** A valid file with a few characters replaced, inserted or removed. */
const mutated = (text: string) => fc.array(fc.tuple(fc.nat(text.length), fc.constantFrom('', ';', ',', '\n', '"', '%', 'x', '9', '-', '\t', 'é', '\u0000'), fc.boolean()), { maxLength: 6 })
  .map((edits) => edits.reduce((s, [at, char, replace]) => s.slice(0, at) + char + s.slice(at + (replace ? 1 : 0)), text));

const files = (valid: string) => fc.oneof(mutated(valid), fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')));

async function contents() {
  return withTenant(t.database.db, t.orgA, async (tx) => ({
    rounds: await tx.selectFrom('rounds').select(['id', 'status']).execute(),
    figures: await tx.selectFrom('published_figures').select(['round_id']).execute(),
    responses: await tx.selectFrom('responses').select(['round_id']).execute(),
  }));
}

// Both outcomes must occur, or the property says little.
const imported = { figures: 0, responses: 0 };

describe('history importers under random input', () => {
  it('import published figures whole or not at all', async () => {
    await fc.assert(fc.asyncProperty(files(FIGURES), async (text) => {
      const before = await contents();
      const result = await importPublishedFigures(t.database.db, { organisationId: t.orgA, userId: null }, { name: 'Fuzz', year: 2020, text, source: '' });
      const after = await contents();
      if (!result.ok) {
        expect(after.rounds.length).toBe(before.rounds.length);
        return;
      }
      imported.figures++;
      const roundId = result.value.roundId!;
      expect(after.rounds.find((r) => r.id === roundId)?.status).toBe('closed');
      expect(after.figures.filter((f) => f.round_id === roundId)).toHaveLength(result.value.reading.figures.length);
    }), { numRuns: 60 });
    expect(imported.figures).toBeGreaterThan(0);
  }, 120_000);

  it('import raw responses whole or not at all', async () => {
    await fc.assert(fc.asyncProperty(files(RESPONSES), fc.boolean(), async (text, skipUnreadable) => {
      const before = await contents();
      const result = await importRawResponses(t.database.db, { organisationId: t.orgA, userId: null }, { name: 'Fuzz', year: 2020, file: { bytes: Buffer.from(text, 'latin1') }, channel: 'web', skipUnreadable });
      const after = await contents();
      if (!result.ok) {
        expect(after.rounds.length).toBe(before.rounds.length);
        return;
      }
      imported.responses++;
      const roundId = result.value.roundId!;
      expect(after.rounds.find((r) => r.id === roundId)?.status).toBe('closed');
      expect(after.responses.filter((r) => r.round_id === roundId)).toHaveLength(result.value.responses);
    }), { numRuns: 60 });
    expect(imported.responses).toBeGreaterThan(0);
  }, 120_000);
});
