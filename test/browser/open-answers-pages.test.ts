import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { readAnswersFixture } from '../domain/open-answers/answers-fixture.ts';
import { launchBrowser, pageChecker, signIn } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// Coding open answers by keyboard alone in Chromium (shortcut keys and Enter), the list, the
// privacy review and the report's points, with axe-core and reflow checks at 360 and 1280 px.

let t: TestApp;
let browser: Browser;
let base: string;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  roundId = (await createFieldworkRound(t.database.db, t.orgA, { name: 'KTO open antwoorden' })).roundId;
  const fixture = readAnswersFixture();
  const good = fixture.filter((a) => a.question === 'good').slice(0, 40);
  const improve = fixture.filter((a) => a.question === 'improve').slice(0, 40);
  improve.push({ id: 'bsn', question: 'improve', text: 'Bel me op 06-12345678, mijn bsn is 123456782', codes: [] });
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, roundId, improve.map((answer, index) => ({
    id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-03',
    answers: [{ itemKey: 'open.verbeterpunten', valueText: answer.text }, ...(good[index] ? [{ itemKey: 'open.pluspunten', valueText: good[index]!.text }] : [])],
  }))));
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

for (const width of [360, 1280]) {
  describe(`open answers at ${width}px`, () => {
    it('are coded by keyboard and reviewed, with no accessibility violations', async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const { problems, check, clean } = pageChecker(page, 'open-answers', width);
      const coder = width === 360 ? 1 : 2;

      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/rounds/${roundId}/open-answers`);
      await check('overview');
      await page.getByRole('link', { name: coder === 1 ? /^Coderen.*Wat kan beter/ : /^Tweede codeur.*Wat kan beter/ }).click();
      await expect.poll(() => page.getByText('0 van 41 antwoorden gecodeerd').count()).toBe(1);
      await check('coding');

      // Keyboard only: shortcut keys switch codes, Enter on the focused checkbox saves.
      for (let answer = 0; answer < 3; answer++) {
        const before = await page.locator('input[name="responseId"]').inputValue();
        await page.locator('body').press('1');
        await page.keyboard.press('3');
        await expect.poll(() => page.locator('#code-friendliness').isChecked()).toBe(true);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('input[name="responseId"]').inputValue()).not.toBe(before);
      }
      await expect.poll(() => page.getByText('3 van 41 antwoorden gecodeerd').count()).toBe(1);
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Opgeslagen.');
      // Undo by keyboard: Tab to the button and press Enter.
      await page.getByRole('button', { name: 'Ongedaan maken' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByText('2 van 41 antwoorden gecodeerd').count()).toBe(1);
      await check('coding after undo');

      await page.goto(`${base}/rounds/${roundId}/open-answers/open.verbeterpunten/list?coder=${coder}`);
      await check('list');

      // The codebook: open a code, a refused change shows the error summary.
      await page.goto(`${base}/codebook`);
      await check('codebook');
      await page.getByText('Overig', { exact: true }).click();
      await page.locator('#code-other-labelNl').fill('');
      await page.locator('#code-other-labelNl').press('Enter');
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('codebook with error');

      if (coder === 1) {
        await page.goto(`${base}/rounds/${roundId}/open-answers/open.verbeterpunten/review`);
        await expect.poll(() => page.locator('mark').count()).toBeGreaterThanOrEqual(2);
        await check('review');
        // Each answer with findings: no "approve as it is"; the suggested redaction is saved by keyboard.
        const flagged = () => page.locator('section.ks-review-item').filter({ has: page.locator('mark') });
        while ((await flagged().count()) > 0) {
          const first = flagged().first();
          expect(await first.getByRole('radio', { name: 'Goedkeuren zoals het is' }).count()).toBe(0);
          expect(await first.locator('textarea').inputValue()).not.toMatch(/123456782|06-12345678/);
          await first.getByRole('button', { name: /Opslaan/ }).press('Enter');
          await expect.poll(() => page.getByRole('status').textContent()).toContain('Het besluit is opgeslagen.');
        }
        await page.getByRole('button', { name: /Keur de \d+ antwoorden zonder bevindingen goed/ }).press('Enter');
        await expect.poll(() => page.getByText('Alle antwoorden zijn gecontroleerd.').count()).toBe(1);
        await check('review done');
        await page.goto(`${base}/rounds/${roundId}/report`);
        await expect.poll(() => page.getByRole('heading', { name: 'Pluspunten en verbeterpunten' }).count()).toBe(1);
        await page.locator('#points-heading').scrollIntoViewIfNeeded();
        await check('report points');
      }
      expect(problems).toEqual(clean());
      await context.close();
    }, 120_000);
  });
}
