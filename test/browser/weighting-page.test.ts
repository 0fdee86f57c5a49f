import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { axeViolations, launchBrowser, pageOverflow, signIn } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The weighting page in real Chromium, by keyboard: choose the age question, type the
// population per group, see weighted figures; axe on every state, no sideways scrolling.

let t: TestApp;
let browser: Browser;
let base: string;
const rounds = new Map<number, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const width of [360, 1280]) {
    const roundId = (await createFieldworkRound(t.database.db, t.orgA, { name: `Weging ${width}` })).roundId;
    rounds.set(width, roundId);
    await withTenant(t.database.db, t.orgA, (tx) =>
      insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 60 }, (_, i) => ({
        id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
        answers: [
          { itemKey: 'algemeen.cijfer', valueNum: 5 + (i % 5) },
          { itemKey: 'balie.bejegening', valueNum: 1 + (i % 5) },
          { itemKey: 'achtergrond.leeftijd', optionCode: i < 15 ? '18-26' : i < 20 ? '27-44' : '67plus' },
        ],
      }))));
  }
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

for (const width of [360, 1280]) {
  describe(`weighting page at ${width}px`, () => {
    it('is used by keyboard alone and has no accessibility violations in any state', async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/rounds/${rounds.get(width)}/report/weighting`);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Wegen naar').focus();
      await page.keyboard.press('ArrowDown'); // Vraag: Hoe oud bent u?
      await page.getByRole('button', { name: 'Kiezen' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/done=saved/);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('18 tot en met 26 jaar').fill('veel');
      await page.getByRole('button', { name: 'Aantallen opslaan' }).press('Enter');
      await page.waitForLoadState();
      expect(await page.locator('.ks-error-summary, [role="alert"]').first().textContent()).toContain('18 tot en met 26 jaar');
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('18 tot en met 26 jaar').fill('300');
      await page.getByLabel('27 tot en met 44 jaar').fill('400');
      await page.getByLabel('67 jaar of ouder').fill('300');
      await page.getByRole('button', { name: 'Aantallen opslaan' }).press('Enter');
      await page.waitForURL(/done=saved/);
      expect(await page.getByRole('heading', { name: 'Uitkomsten met en zonder weging' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      if (process.env.KLANTSTEM_SCREENSHOTS) await page.screenshot({ path: `${process.env.KLANTSTEM_SCREENSHOTS}/weighting-${width}.png`, fullPage: true });
      await context.close();
    }, 60_000);
  });
}
