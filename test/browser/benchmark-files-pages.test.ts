import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { pageChecker, signIn, startBrowserApp } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { organisedBenchmark } from '../support/organised-benchmark.ts';
import type { TestApp } from '../support/test-app.ts';

// The benchmark file pages in real Chromium at phone and desktop width, each in its plain state
// and with a refused input: the signing key and its replacement, creating a benchmark,
// registering a participant and its new key, importing a contribution, the reference figures
// form, joining and the joined benchmark (also after a key replacement). axe-core and reflow; KLANTSTEM_SCREENSHOTS keeps PNGs.

let t: TestApp;
let browser: Browser;
let base: string;
startBrowserApp((started) => ({ t, browser, base } = started));

let organised = '';
let prepared = false;

async function prepare(): Promise<void> {
  if (prepared) return;
  prepared = true;
  organised = await organisedBenchmark(t.database.db, t.orgA);
  const { roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'KTO 2026' });
  await withTenant(t.database.db, t.orgA, async (tx) => {
    await insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 20 }, () => ({
      id: randomUUID(), channel: 'paper' as const, language: 'nl', startedOn: '2026-11-12', completedOn: '2026-11-12', answers: [{ itemKey: 'algemeen.cijfer', valueNum: 7 }],
    })));
    await setRoundStatus(tx, roundId, 'closed');
  });
}

for (const width of [360, 1280]) {
  describe(`benchmark file pages at ${width}px`, () => {
    it('have no accessibility violations and fit the screen', async () => {
      await prepare();
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const { problems, check, clean } = pageChecker(page, 'benchmark-files', width);
      await signIn(page, base, 'administrator@alfa.nl');

      await page.getByRole('link', { name: 'Benchmarks', exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Benchmarks waaraan u deelneemt' }).count()).toBe(1);
      await check('overview');

      await page.getByRole('link', { name: 'Ondertekeningssleutel van uw organisatie' }).click();
      const generate = page.getByRole('button', { name: 'Sleutelpaar maken' });
      if (await generate.count()) {
        await check('key-none');
        await generate.click();
      }
      await expect.poll(() => page.getByLabel('Publieke sleutel').count()).toBe(1);
      await check('key');
      const publicKey = await page.getByLabel('Publieke sleutel').inputValue();
      await page.getByRole('link', { name: 'Nieuw sleutelpaar maken' }).click();
      await check('key-replace');

      await page.goto(`${base}/benchmarks/new`);
      await page.getByLabel('Naam van de benchmark').fill('');
      await page.getByRole('button', { name: 'Benchmark aanmaken' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(1);
      await check('create-error');
      await page.getByRole('link', { name: 'Vul de naam van de benchmark in (1 tot 200 tekens).' }).click();
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('name');

      await page.goto(`${base}/benchmarks/${organised}`);
      await check('dashboard');
      await page.getByRole('link', { name: 'Deelnemer registreren' }).click();
      await check('register');
      await page.getByRole('button', { name: 'Deelnemer registreren' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(1);
      await check('register-error');

      await page.goto(`${base}/benchmarks/${organised}`);
      await page.getByRole('link', { name: 'Bijdrage inlezen' }).click();
      await check('contribution');
      await page.getByLabel('Bestand').setInputFiles({ name: 'bijdrage.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"klantstem-benchmark","version":1,"kind":"contribution"}') });
      await page.getByRole('button', { name: 'Bijdrage inlezen' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(1);
      await check('contribution-refused');

      await page.goto(`${base}/benchmarks/${organised}`);
      await page.getByRole('link', { name: 'Referentiecijfers voor Gemeente Noord' }).click();
      await check('reference');
      await page.getByRole('button', { name: 'Referentiecijfers downloaden (JSON)' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(1);
      await check('reference-refused');

      await page.goto(`${base}/benchmarks/${organised}`);
      await page.getByRole('link', { name: 'Nieuwe sleutel van Gemeente Noord' }).click();
      await check('participant-key');

      await page.goto(`${base}/benchmarks/join`);
      await check('join');
      if (width === 360) {
        await page.getByLabel('Naam van de benchmark').fill('Regiobenchmark');
        await page.getByLabel('Publieke sleutel (plakken)').fill(publicKey);
        await page.getByRole('button', { name: 'Deelnemen' }).click();
      } else {
        await page.goto(`${base}/benchmarks`);
        await page.getByRole('link', { name: /^Regiobenchmark/ }).click();
      }
      await expect.poll(() => page.getByRole('heading', { name: 'Referentiecijfers inlezen' }).count()).toBe(1);
      await check('joined');
      await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'referentie.json', mimeType: 'application/json', buffer: Buffer.from('niet ondertekend') });
      await page.getByRole('button', { name: 'Referentiecijfers inlezen' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(1);
      await check('joined-refused');

      if (width === 1280) {
        // A key replaced after joining: the warning with its button, then the benchmark on the new key.
        const joinedUrl = page.url().replace(/\/reference$/, ''); // the refused upload's address
        await page.goto(`${base}/benchmark-key/replace`);
        await page.getByRole('button', { name: 'Ja, nieuw sleutelpaar maken' }).click();
        await page.waitForURL(/done=replaced/);
        await page.goto(joinedUrl);
        await check('joined-key-mismatch');
        await page.getByRole('button', { name: 'Huidige sleutel gebruiken' }).click();
        await page.waitForURL(/done=key/);
        await check('joined-key-used');
      }

      expect(problems).toEqual(clean());
      await context.close();
    }, 180_000);
  });
}
