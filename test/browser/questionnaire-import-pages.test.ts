import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageChecker, signIn, startBrowserApp } from '../support/browser.ts';
import { type TestApp } from '../support/test-app.ts';

// The LimeSurvey import pages in real Chromium at phone and desktop width: the upload page with
// an error, a review page with report, key links and preview, and a refused hostile file.
// axe-core and reflow on each; KLANTSTEM_SCREENSHOTS=<dir> keeps screenshots to look at.

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/limesurvey/${name}`, import.meta.url));

let t: TestApp;
let browser: Browser;
let base: string;
startBrowserApp((started) => ({ t, browser, base } = started));

for (const width of [360, 1280]) {
  describe(`questionnaire import pages at ${width}px`, () => {
    it('have no accessibility violations from upload to linked keys', async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const { problems, check, clean } = pageChecker(page, 'questionnaire-import', width);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });

      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/questionnaire`);
      await page.getByRole('link', { name: 'Vragenlijst importeren uit LimeSurvey' }).click();
      await page.waitForURL(`${base}/questionnaire-imports`);
      await check('upload');

      await page.getByRole('button', { name: 'Importeren' }).click();
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('upload-error');

      await page.getByLabel('LimeSurvey-structuurbestand (.lss)').setInputFiles(fixture('limesurvey_survey_XssAndScriptCheck.lss'));
      await page.getByRole('button', { name: 'Importeren' }).click();
      await page.waitForURL(/\/questionnaire-imports\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByRole('heading', { name: 'Importverslag' }).count()).toBe(1);
      await check('review-xss');

      await page.goto(`${base}/questionnaire-imports`);
      await page.getByLabel('LimeSurvey-structuurbestand (.lss)').setInputFiles(fixture('ls205_em_validation_q.lss'));
      await page.getByRole('button', { name: 'Importeren' }).click();
      await page.waitForURL(/\/questionnaire-imports\/[0-9a-f-]{36}$/);
      const select = page.getByLabel(/LimeSurvey-code b_1\)/);
      await select.selectOption('algemeen.cijfer');
      await page.getByRole('button', { name: 'Koppelingen opslaan' }).click();
      await page.waitForURL(/\?done=keys$/);
      await expect.poll(() => page.getByRole('status').textContent()).toContain('De koppelingen zijn opgeslagen');
      await check('review-linked');

      expect(dialogs).toEqual([]);
      expect(problems).toEqual(clean());
      await context.close();
    }, 120_000);
  });
}
