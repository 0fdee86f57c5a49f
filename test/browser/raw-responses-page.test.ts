import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../../src/app/jobs/job-runner.ts';
import { pageChecker, signIn, startBrowserApp } from '../support/browser.ts';
import type { TestApp } from '../support/test-app.ts';

// Adding an earlier round from a response file in real Chromium at phone and desktop width:
// upload, the mapping page, unreadable cells in the error summary, recoding by keyboard, the
// check and the imported round. axe-core and reflow on each; KLANTSTEM_SCREENSHOTS keeps PNGs.

let t: TestApp;
let browser: Browser;
let base: string;
startBrowserApp((started) => ({ t, browser, base } = started));

const ROWS = ['6;Eens;Ja', '7;Zeer tevreden;Nee', '8;Eens;Ja', '9;Oneens;Ja', '7;Zeer tevreden;Nee'];
const CSV = ['algemeen.cijfer;Tevredenheid balie;minima.bekend', ...ROWS, ...ROWS, ...ROWS].join('\n');

for (const width of [360, 1280]) {
  describe(`earlier round from a response file at ${width}px`, () => {
    it('is uploaded, linked, recoded and imported without accessibility violations', async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const { problems, check, clean } = pageChecker(page, 'raw-responses', width);
      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/rounds`);
      await page.getByRole('link', { name: 'Oude ronde toevoegen uit een antwoordbestand' }).click();
      await page.waitForURL(`${base}/history/responses`);
      await check('upload');

      await page.getByLabel('Antwoordbestand (CSV of XLSX)').setInputFiles({ name: 'kto-2021.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
      await page.getByRole('button', { name: 'Bestand inlezen' }).click();
      await page.waitForURL(/\/history\/responses\/[0-9a-f-]{36}$/);
      await check('mapping');

      await page.getByLabel('Naam van de ronde').fill(`KTO 2021 (${width})`);
      await page.getByLabel('Jaar').fill('2021');
      await page.getByLabel('Vraag bij kolom Tevredenheid balie').selectOption('balie.bejegening');
      await page.getByRole('button', { name: 'Controleren' }).click();
      await expect.poll(() => page.locator('#error-summary').textContent()).toContain('"Zeer tevreden" is geen antwoord op deze vraag');
      await check('unreadable');

      await page.locator('#error-summary a').first().focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('Waarden omzetten in kolom Tevredenheid balie').fill('Zeer tevreden=5');
      await page.getByRole('button', { name: 'Controleren' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Klantstem leest 15 ingevulde vragenlijsten met samen 45 antwoorden.');
      await check('checked');

      await page.getByRole('button', { name: 'Importeren (15 respondenten)' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
      await check('job-queued');
      await runJobsUntilIdle({ db: t.database.db, secret: 'test-secret', publicUrl: base, handlers: jobHandlers });
      await page.reload();
      await expect.poll(() => page.locator('[data-job-count]').textContent()).toContain('15 van 15');
      await check('job-done');
      await page.getByRole('link', { name: /← / }).click();
      await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
      await check('round');
      expect(problems).toEqual(clean());
      await context.close();
    }, 120_000);
  });
}
