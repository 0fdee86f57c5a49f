import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageChecker, signIn, startBrowserApp } from '../support/browser.ts';
import { type TestApp } from '../support/test-app.ts';

// Adding an earlier round from its report, by keyboard, in real Chromium at phone and desktop
// width: the empty form, wrong lines in the error summary, the check table, the imported round.
// axe-core and reflow on each; KLANTSTEM_SCREENSHOTS=<dir> keeps screenshots to look at.

let t: TestApp;
let browser: Browser;
let base: string;
startBrowserApp((started) => ({ t, browser, base } = started));

for (const width of [360, 1280]) {
  describe(`earlier round from its report at ${width}px`, () => {
    it('is checked and imported by keyboard without accessibility violations', async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const { problems, check, clean } = pageChecker(page, 'published-figures', width);
      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/rounds`);
      await page.getByRole('link', { name: 'Oude ronde toevoegen uit een rapport' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/history/figures`);
      await check('form');

      await page.getByLabel('Naam van de ronde').fill(`KTO 2020 (${width})`);
      await page.getByLabel('Jaar').fill('2020');
      await page.getByLabel('Cijfers per vraag').fill('item;n;mean;sd;share\nalgemeen.cijfer;250;6,9;1,5;8 %\nbalie.bejegening;240;3,8;;\n');
      await page.getByRole('button', { name: 'Controleren' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#error-summary').textContent()).toContain('Regel 3: Deze vraag rapporteren we als aandeel');
      await check('error');

      await page.getByLabel('Cijfers per vraag').fill('item;n;mean;sd;share\nalgemeen.cijfer;250;6,9;1,5;8 %\nbalie.bejegening;240;;;62 %\n');
      await page.getByRole('button', { name: 'Controleren' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Zo leest Klantstem de cijfers: 2 vragen' }).count()).toBe(1);
      await check('checked');

      await page.getByRole('button', { name: 'Importeren (2 vragen)' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/rounds\/[0-9a-f-]{36}\?done=figures$/);
      await expect.poll(() => page.getByRole('status').textContent()).toContain('De oude ronde is toegevoegd');
      await check('round');
      expect(problems).toEqual(clean());
      await context.close();
    }, 120_000);
  });
}
