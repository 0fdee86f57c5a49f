import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { axeViolations, launchBrowser, pageOverflow, signIn } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The public results page and the publication settings in real Chromium at phone and desktop
// width: no axe violations, no sideways scrolling. Screenshots go to scratch/ for a look.

let t: TestApp;
let browser: Browser;
let base: string;
let roundId: string;
const shots = process.env.SCREENSHOTS_DIR;

async function fill(round: string, answers: AnswerInput[][]): Promise<void> {
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, round, answers.map((list) => ({
    id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-03', answers: list,
  }))));
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const previous = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2025' })).roundId;
  await fill(previous, Array.from({ length: 60 }, (_, i) => [
    { itemKey: 'algemeen.cijfer', valueNum: 5 + (i % 4) },
    { itemKey: 'balie.bejegening', valueNum: 2 + (i % 4) },
    { itemKey: 'telefoon.bereikbaarheid', valueNum: 1 + (i % 5) },
  ]));
  await withSystem(db, (tx) => sql`update rounds set year = 2025, status = 'closed' where id = ${previous}`.execute(tx));
  roundId = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2026', codes: 150 })).roundId;
  await fill(roundId, Array.from({ length: 64 }, (_, i): AnswerInput[] => [
    { itemKey: 'algemeen.cijfer', valueNum: 6 + (i % 4) },
    { itemKey: 'balie.bejegening', valueNum: 3 + (i % 3) },
    { itemKey: 'telefoon.bereikbaarheid', valueNum: 1 + (i % 5) },
    ...(i < 20 ? [{ itemKey: 'situatie.intake', valueNum: i % 2 }] : []),
    ...(i < 5 ? [{ itemKey: 'intake.cijfer', valueNum: 7 }] : []),
    { itemKey: 'achtergrond.leeftijd', optionCode: ['27-44', '45-54', '55-66'][i % 3]! },
  ]));
  await withTenant(db, t.orgA, (tx) => setRoundStatus(tx, roundId, 'published'));
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

for (const width of [360, 1280]) {
  describe(`public results at ${width}px`, () => {
    it('has no accessibility violations and fits the screen, in Dutch and English', async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/p/alfa/${roundId}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Resultaten klantonderzoek 2026');
      expect(await page.getByRole('table', { name: 'Uitkomsten bij Algemeen' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      if (shots) await page.screenshot({ path: `${shots}/public-nl-${width}.png`, fullPage: true });
      await page.getByRole('link', { name: 'EN' }).click();
      await page.waitForURL(/lang=en/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Client survey results 2026');
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      if (shots) await page.screenshot({ path: `${shots}/public-en-${width}.png`, fullPage: true });
      await context.close();
    });

    it('has an accessible publication settings page', async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/rounds/${roundId}/publication`);
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      // Keyboard only: untick a module, write an introduction that is too long, save.
      await page.getByLabel('Achtergrond').uncheck();
      await page.getByLabel('Inleiding').fill('x'.repeat(2001));
      await page.getByRole('button', { name: 'Keuzes opslaan' }).press('Enter');
      await page.waitForLoadState();
      expect(await page.getByRole('alert').textContent()).toContain('Maak de inleiding korter');
      expect(await axeViolations(page)).toEqual([]);
      if (shots) await page.screenshot({ path: `${shots}/publication-error-${width}.png`, fullPage: true });
      await page.getByLabel('Inleiding').fill('Wij vroegen onze klanten hoe zij onze dienstverlening ervaren.');
      await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
      await page.waitForURL(/done=saved/);
      expect(await page.getByRole('status').textContent()).toContain('opgeslagen');
      expect(await page.getByLabel('Achtergrond').isChecked()).toBe(false);
      if (shots) await page.screenshot({ path: `${shots}/publication-${width}.png`, fullPage: true });
      await context.close();
    });
  });
}
