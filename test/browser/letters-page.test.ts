import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldworkRound } from '../support/builders.ts';
import { axeViolations, launchBrowser, pageOverflow, signIn } from '../support/browser.ts';
import { createLetterInvitees, exampleInvitee } from '../support/letter-invitees.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The letters page in real Chromium: no axe violations (the framed letter preview included) on
// the page, with errors, and on the confirmation page; screenshots go to scratch/ to look at.

let t: TestApp;
let browser: Browser;
let base: string;
let roundId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ roundId } = await createFieldworkRound(t.database.db, t.orgA));
  await createLetterInvitees(t.database.db, { secret: 'test-secret-test-secret-test-secret!', organisationId: t.orgA, roundId, invitees: [exampleInvitee(1), exampleInvitee(2)] });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

for (const width of [360, 1280]) {
  describe(`letters page at ${width}px`, () => {
    it('has no accessibility violations, also with errors and on the confirmation page', async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const visited: Record<string, unknown[]> = {};
      const check = async (name: string) => {
        const overflow = await pageOverflow(page);
        visited[name] = [...(await axeViolations(page)), ...(overflow > 0 ? [`page ${overflow}px wider than the viewport`] : [])];
      };
      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/rounds/${roundId}/letters`);
      await expect.poll(() => page.frameLocator('iframe').getByText('Uw persoonlijke code:').count()).toBe(1);
      await check('letters');
      await page.screenshot({ path: `scratch/letters-page-${width}.png`, fullPage: true });
      await page.screenshot({ path: `scratch/letters-page-${width}-top.png` });
      if (width === 1280) await page.locator('iframe').screenshot({ path: 'scratch/letters-preview-frame.png' });

      await page.getByLabel('Retouradres').fill('');
      await page.getByRole('button', { name: 'Opmaak opslaan' }).click();
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('letters with errors');
      await page.getByRole('link', { name: /Retouradres: vul dit in/ }).click();
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('returnAddress');

      await page.goto(`${base}/rounds/${roundId}/letters`);
      await page.getByRole('radio', { name: 'Herinnering' }).check();
      await page.getByRole('button', { name: 'Verder' }).click();
      await expect.poll(() => page.getByText('U maakt 2 brieven.').count()).toBe(1);
      await check('confirm');
      if (width === 360) await page.screenshot({ path: 'scratch/letters-confirm-360.png', fullPage: true });

      const failures = Object.entries(visited).filter(([, v]) => v.length > 0);
      expect(failures).toEqual([]);
      await context.close();
    }, 120_000);
  });
}
