import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveFocusPoint, saveMeasure, startPlan } from '../../src/app/plan/change-plan.ts';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { setRoundStatus } from '../../src/db/round-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { pageChecker, signIn, startBrowserApp } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import type { TestApp } from '../support/test-app.ts';

// A qualitative study in real Chromium, by keyboard: describe it (with a validation error
// first), record three conversations, code the passages with shortcut keys and Enter, approve
// the clean passages, add a recommendation linked to a measure, and read the chapter in the
// round report and its printable document. axe-core and reflow on every page at 360 and
// 1280 px; KLANTSTEM_SCREENSHOTS keeps PNGs.

let t: TestApp;
let browser: Browser;
let base: string;
startBrowserApp((started) => ({ t, browser, base } = started));

const SUMMARIES = [
  'De klantmanager nam de tijd en keek naar mijn hele situatie.\n\nIk moest drie weken wachten op een antwoord over mijn uitkering.',
  'Bezoekers van het spreekuur krijgen de gemeente telefonisch niet te pakken.\n\nDe brieven zijn voor veel mensen niet te begrijpen.',
  'Wij kregen elke keer een andere consulent.\n\nMevrouw Jansen aan de balie was erg vriendelijk.',
];

async function closedRoundWithMeasure(): Promise<string> {
  const db = t.database.db;
  const { roundId } = await createFieldworkRound(db, t.orgA, { name: 'KTO gesprekken' });
  await withTenant(db, t.orgA, async (tx) => {
    await insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 12 }, (_, i) => ({
      id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-03',
      answers: [{ itemKey: 'algemeen.cijfer', valueNum: 5 + (i % 5) }],
    })));
    await setRoundStatus(tx, roundId, 'closed');
  });
  const researcher = (await db.selectFrom('users').select('id').where('email', '=', 'researcher@alfa.nl').executeTakeFirstOrThrow()).id;
  const actor = { organisationId: t.orgA, userId: researcher };
  await startPlan(db, actor, roundId, 'Plan van aanpak');
  await saveFocusPoint(db, actor, roundId, null, { title: 'Bereikbaarheid', description: '', itemKeys: [] });
  const focusPointId = (await db.selectFrom('focus_points').select('id').executeTakeFirstOrThrow()).id;
  await saveMeasure(db, actor, roundId, { focusPointId }, { description: 'Terugbellen binnen één werkdag', owner: 'Teamleider Klantcontact', targetDate: '2027-03-01', status: 'planned', note: '' });
  return roundId;
}

/** Types into the focused field and moves on with Tab, as a keyboard user does. */
async function typeInto(page: Page, label: string | RegExp, value: string): Promise<void> {
  await page.getByLabel(label, { exact: typeof label === 'string' }).focus();
  await page.keyboard.type(value);
}

let roundId: string;
let studyUrl: string;

for (const width of [360, 1280]) {
  describe(`qualitative study at ${width}px`, () => {
    it('is recorded, coded, reviewed and reported by keyboard, with no accessibility violations', async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const { problems, check, clean } = pageChecker(page, 'qualitative-study', width);
      await signIn(page, base, 'researcher@alfa.nl');

      if (width === 360) {
        roundId = await closedRoundWithMeasure();
        await page.goto(`${base}/rounds`);
        await page.getByRole('link', { name: 'Gesprekken', exact: true }).click();
        await check('list empty');
        await page.getByRole('link', { name: 'Nieuw onderzoek vastleggen' }).click();
        await typeInto(page, 'Naam van het onderzoek', 'Gesprekken op het spreekuur');
        await page.getByLabel('Naam van het onderzoek').press('Enter');
        await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
        await check('form with errors');

        await page.getByLabel('Individuele interviews').check();
        await typeInto(page, /^Doel/, 'Horen wat mensen met schulden meemaken.');
        await typeInto(page, /^Hoe zijn de deelnemers gevonden/, 'Via de vrijwilligers van het spreekuur.');
        await typeInto(page, 'Eerste gesprek (jjjj-mm-dd)', '2026-11-10');
        await typeInto(page, 'Cliënten', '2');
        await typeInto(page, 'Vrijwilligers', '1');
        await page.getByLabel(/^Naast welke enquêteronde/).selectOption({ label: 'KTO gesprekken (2026)' });
        await page.getByRole('button', { name: 'Opslaan' }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByText('Het onderzoek is vastgelegd.').count()).toBe(1);
        studyUrl = page.url().replace(/\?.*$/, '');

        for (const [index, summary] of SUMMARIES.entries()) {
          await page.getByRole('link', { name: 'Gesprek toevoegen' }).click();
          if (index === 0) await check('conversation form');
          await page.getByLabel(index === 1 ? 'Vrijwilliger' : 'Cliënt', { exact: true }).check();
          await page.getByLabel('Samenvatting', { exact: true }).fill(summary);
          await page.getByRole('button', { name: 'Gesprek opslaan' }).focus();
          await page.keyboard.press('Enter');
          await expect.poll(() => page.getByText('Het gesprek is opgeslagen in 2 passages.').count()).toBe(1);
        }
        await check('study owner');

        // Coding by keyboard: a shortcut key toggles a code, Enter saves and shows the next passage.
        await page.getByRole('link', { name: 'Passages coderen' }).click();
        await expect.poll(() => page.getByText('0 van 6 passages gecodeerd').count()).toBe(1);
        await check('coding');
        for (let passage = 0; passage < 6; passage++) {
          const before = await page.locator('input[name="passageId"]').inputValue();
          await page.locator('body').press(String((passage % 3) + 1));
          await page.keyboard.press('Enter');
          await expect.poll(() => page.locator('input[name="passageId"]').count().then(async (n) => (n === 0 ? 'done' : page.locator('input[name="passageId"]').inputValue()))).not.toBe(before);
        }
        await expect.poll(() => page.getByText('Alle passages in deze selectie zijn gecodeerd.').count()).toBe(1);

        await page.goto(`${studyUrl}/review`);
        await expect.poll(() => page.locator('mark').first().textContent()).toBe('Jansen');
        await check('review');
        await page.getByRole('button', { name: /^Keur de 5 passages zonder bevindingen goed/ }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByText('5 passages zonder vondsten zijn goedgekeurd.').count()).toBe(1);

        await page.goto(`${studyUrl}/recommendations/new`);
        await typeInto(page, 'Aanbeveling', 'Bel binnen één werkdag terug.');
        await page.getByLabel('Overgenomen in het plan van aanpak').check();
        await page.getByRole('button', { name: 'Aanbeveling opslaan' }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
        await check('recommendation with error');
        await page.getByLabel('Speerpunt of maatregel in het plan van aanpak').selectOption({ label: '— Maatregel: Terugbellen binnen één werkdag' });
        await page.getByRole('button', { name: 'Aanbeveling opslaan' }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByText('De aanbeveling is opgeslagen.').count()).toBe(1);
      } else {
        await page.goto(`${base}/studies`);
        await check('list');
        await page.goto(studyUrl);
        await check('study owner');
        await page.goto(`${studyUrl}/code?filter=all`);
        await check('coding');
        await page.goto(`${studyUrl}/review`);
        await check('review');
        await page.goto(`${studyUrl}/edit`);
        await check('edit form');
      }

      await page.goto(`${base}/rounds/${roundId}/report`);
      await expect.poll(() => page.getByRole('heading', { name: 'Kwalitatief onderzoek: Gesprekken op het spreekuur' }).count()).toBe(1);
      const chapter = await page.locator('body').innerText();
      expect(chapter).toContain('Let op: dit is een kleine groep mensen die zelf wilde meedoen of gevraagd is.');
      expect(chapter).toContain('Maatregel: Terugbellen binnen één werkdag');
      expect(chapter).not.toContain('Jansen');
      await check('report chapter');
      const screenshots = process.env.KLANTSTEM_SCREENSHOTS;
      if (screenshots) await page.locator('.ks-studies').screenshot({ path: `${screenshots}/qualitative-study-chapter-only-${width}.png` });
      await page.goto(`${base}/rounds/${roundId}/report/document`);
      expect(await page.locator('body').innerText()).toContain('Kwalitatief onderzoek: Gesprekken op het spreekuur');
      await check('report document');

      const viewer = await context.browser()!.newContext({ viewport: { width, height: 900 } });
      const reader = await viewer.newPage();
      const readerChecks = pageChecker(reader, 'qualitative-study-viewer', width);
      await signIn(reader, base, 'viewer@alfa.nl');
      await reader.goto(studyUrl);
      await readerChecks.check('study read-only');
      expect(await reader.locator('body').innerText()).not.toContain('Jansen');
      expect(readerChecks.problems).toEqual(readerChecks.clean());
      await viewer.close();

      expect(problems).toEqual(clean());
      await context.close();
    }, 180_000);
  });
}
