import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { axeViolations, launchBrowser, pageOverflow, signIn } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The report screen with its charts and the report document, in real Chromium at phone and
// desktop width: no axe violations, no sideways scrolling, charts drawn as images with a name.

let t: TestApp;
let browser: Browser;
let base: string;
let roundId: string;

async function addResponses(round: string, count: number, offset: number): Promise<void> {
  await withTenant(t.database.db, t.orgA, (tx) =>
    insertCompletedResponses(tx, t.orgA, round, Array.from({ length: count }, (_, i) => ({
      id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
      answers: [
        { itemKey: 'algemeen.cijfer', valueNum: 5 + ((i + offset) % 5) },
        { itemKey: 'balie.bejegening', valueNum: 1 + ((i + offset) % 5) },
        { itemKey: 'balie.wachttijd', valueNum: 1 + (i % 5) },
        ...(i < 12 ? [{ itemKey: 'telefoon.bereikbaarheid', valueNum: 4 }] : []),
        { itemKey: 'situatie.intake', valueNum: i % 2 },
      ],
    }))));
}

beforeAll(async () => {
  t = await createTestApp();
  const previous = (await createFieldworkRound(t.database.db, t.orgA, { name: 'KTO 2025' })).roundId;
  await addResponses(previous, 40, 1);
  await t.database.db.updateTable('rounds').set({ year: 2025, status: 'closed' }).where('id', '=', previous).execute();
  roundId = (await createFieldworkRound(t.database.db, t.orgA, { codes: 60, name: 'KTO 2026' })).roundId;
  await addResponses(roundId, 45, 0);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

for (const width of [360, 1280]) {
  describe(`report with charts at ${width}px`, () => {
    it('has no accessibility violations on the screen and the document, and both fit', async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, base, 'viewer@alfa.nl');

      await page.goto(`${base}/rounds/${roundId}/report`);
      const charts = page.getByRole('img', { name: /^Grafiek: / });
      // Marks, trend, agreement spread and shares, yes/no: one visible drawing each.
      expect(await charts.count()).toBe(5);
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      await page.screenshot({ path: `scratch/report-charts-${width}.png`, fullPage: true });

      await page.goto(`${base}/rounds/${roundId}/report/document`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Klanttevredenheidsonderzoek 2026');
      expect(await page.getByRole('heading', { level: 2, name: 'Samenvatting' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      await context.close();
    }, 60_000);
  });
}
