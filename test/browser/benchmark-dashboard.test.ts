import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageChecker, signIn, startBrowserApp } from '../support/browser.ts';
import { organisedBenchmark } from '../support/organised-benchmark.ts';
import type { TestApp } from '../support/test-app.ts';

// The organiser's dashboard in real Chromium at phone and desktop width: the list, the
// dashboard with its chart and table. axe-core and reflow; KLANTSTEM_SCREENSHOTS keeps PNGs.

let t: TestApp;
let browser: Browser;
let base: string;
startBrowserApp((started) => ({ t, browser, base } = started));

for (const width of [360, 1280]) {
  describe(`benchmark dashboard at ${width}px`, () => {
    it('has no accessibility violations', async () => {
      if (width === 360) await organisedBenchmark(t.database.db, t.orgA);
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const { problems, check, clean } = pageChecker(page, 'benchmark-dashboard', width);
      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/rounds`);
      await page.getByRole('link', { name: 'Benchmarks die u organiseert' }).click();
      await check('list');
      await page.getByRole('link', { name: 'KTO-benchmark 2026' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Spreiding per vraag' }).count()).toBe(1);
      await check('dashboard');
      expect(problems).toEqual(clean());
      await context.close();
    }, 120_000);
  });
}
