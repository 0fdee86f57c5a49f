import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageChecker, signIn } from '../support/browser.ts';
import { roundWithReference } from '../support/benchmark-reference.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The benchmark section of the round report in real Chromium: axe-core clean, no sideways
// scrolling at 360 and 1280 px, the table found by its accessible name.

let t: TestApp;
let browser: Browser;
let base: string;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  roundId = await roundWithReference(t.database.db, t.orgA);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('benchmark section of the round report and its document', () => {
  it('has no accessibility violations and reflows at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const checker = pageChecker(page, 'benchmark-report', width);
      await signIn(page, base, 'viewer@alfa.nl');
      await page.goto(`${base}/rounds/${roundId}/report`);
      await expect(page.getByRole('heading', { name: 'Vergelijking met andere organisaties: KTO-benchmark 2026' }).count()).resolves.toBe(1);
      await expect(page.getByRole('table', { name: 'Uw uitkomsten naast die van de referentiegroep van KTO-benchmark' }).count()).resolves.toBe(1);
      await checker.check('report');
      await page.goto(`${base}/rounds/${roundId}/report/document`);
      await expect(page.getByRole('heading', { name: 'Vergelijking met andere organisaties: KTO-benchmark 2026' }).count()).resolves.toBe(1);
      await checker.check('document');
      expect(checker.problems).toEqual(checker.clean());
      await context.close();
    }
  }, 120_000);
});
