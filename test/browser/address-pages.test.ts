import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../../src/app/jobs/job-runner.ts';
import { axeViolations, pageOverflow, signIn, startBrowserApp } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { type TestApp } from '../support/test-app.ts';

// The address and sample pages in real Chromium at phone and desktop width, driven as a
// researcher would: upload the fixture, check the mapping, see the problems, skip the bad
// rows, import, draw the sample. axe-core and reflow on every page; screenshots in scratch/.

const FIXTURE = fileURLToPath(new URL('../fixtures/address-file-2000.csv', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../scratch/', import.meta.url));

let t: TestApp;
let browser: Browser;
let base: string;
startBrowserApp((started) => ({ t, browser, base } = started));

for (const width of [360, 1280]) {
  describe(`address and sample pages at ${width}px`, () => {
    it('have no accessibility violations from upload to drawn sample', async () => {
      const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: `Adressen ${width}` });
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const found: Record<string, unknown[]> = {};
      const check = async (name: string) => {
        const overflow = await pageOverflow(page);
        found[name] = [...(await axeViolations(page)), ...(overflow > 0 ? [`page ${overflow}px wider than the viewport`] : [])];
        await page.screenshot({ path: `${SHOTS}address-${name}-${width}.png`, fullPage: true });
      };

      await signIn(page, base, 'researcher@alfa.nl');

      await page.goto(`${base}/rounds/${roundId}/addresses`);
      await page.getByRole('button', { name: 'Uploaden' }).click();
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('upload-error');
      await page.getByLabel('Adresbestand').setInputFiles(FIXTURE);
      await page.getByRole('button', { name: 'Uploaden' }).click();
      await page.waitForURL(/\/mapping$/);
      await check('mapping');
      await expect.poll(() => page.getByLabel('Achternaam').inputValue()).toBe('surname');

      await page.getByRole('button', { name: 'Opslaan en rijen controleren' }).click();
      await page.waitForURL(/\/check$/);
      await page.getByRole('button', { name: 'Verder naar inlezen' }).click();
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('check-error');
      await page.getByLabel('Sla de foute rijen over').check();
      await page.getByRole('button', { name: 'Verder naar inlezen' }).click();
      await page.waitForURL(/\/confirm\?skip=yes$/);
      await check('confirm');
      await page.getByRole('button', { name: 'Ja, inlezen' }).click();
      await page.waitForURL(/\/jobs\//);
      await runJobsUntilIdle({ db: t.database.db, secret: 'test-secret-test-secret-test-secret!', publicUrl: base, handlers: jobHandlers });

      await page.goto(`${base}/rounds/${roundId}/addresses`);
      await expect.poll(() => page.getByText('Ingelezen adressen: 1.985').count()).toBe(1);
      await check('addresses');

      await page.goto(`${base}/rounds/${roundId}/sample`);
      await page.getByLabel('Een willekeurige steekproef per groep (gestratificeerd)').check();
      await page.getByLabel('Groepen maken naar').selectOption('district');
      await page.getByLabel('Aantal mensen in de steekproef').fill('99999');
      await page.getByRole('button', { name: 'Verder' }).click();
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('sample-error');
      await page.getByLabel('Aantal mensen in de steekproef').fill('600');
      await page.getByLabel('Wijk', { exact: true }).check();
      await page.getByRole('button', { name: 'Verder' }).click();
      await page.waitForURL(/\/sample\/confirm/);
      await check('sample-confirm');
      await page.getByRole('button', { name: 'Ja, steekproef trekken' }).click();
      await page.waitForURL(/\/sample\?done=drawn$/);
      await check('sample-drawn');
      expect(await page.getByText('De steekproef is getrokken: 600 mensen hebben een code.').count()).toBe(1);

      await context.close();
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    }, 120_000);
  });
}
