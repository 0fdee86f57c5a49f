import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { axeViolations, launchBrowser, pageOverflow, signIn } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The round report in real Chromium at phone and desktop width: no axe violations, no
// sideways scrolling of the page (the tables turn into cards on a phone).

let t: TestApp;
let browser: Browser;
let base: string;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  roundId = (await createFieldworkRound(t.database.db, t.orgA, { codes: 50 })).roundId;
  await withTenant(t.database.db, t.orgA, (tx) =>
    insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 35 }, (_, i) => ({
      id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
      answers: [
        { itemKey: 'algemeen.cijfer', valueNum: 5 + (i % 5) },
        ...(i < 12 ? [{ itemKey: 'balie.wachttijd', valueNum: 1 + (i % 5) }] : []),
        { itemKey: 'achtergrond.leeftijd', optionCode: '27-44' },
      ],
    }))));
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

for (const width of [360, 1280]) {
  describe(`round report at ${width}px`, () => {
    it('has no accessibility violations and fits the screen', async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, base, 'viewer@alfa.nl');
      await page.goto(`${base}/rounds/${roundId}/report`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Rapport');
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      await context.close();
    });
  });
}
