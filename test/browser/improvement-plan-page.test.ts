import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { axeViolations, launchBrowser, pageOverflow, signIn } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The improvement plan in real Chromium, by keyboard alone: declare the baseline, add a focus
// point with a linked question and a measure that is overdue, then see the effect in the next
// round. axe-core on every state, no sideways scrolling at 360 and 1280 px.

let t: TestApp;
let browser: Browser;
let base: string;
const rounds = new Map<number, { baseline: string; later: string }>();

async function fill(roundId: string, agreeShare: number): Promise<void> {
  await withTenant(t.database.db, t.orgA, (tx) =>
    insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 60 }, (_, i) => ({
      id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
      answers: [
        { itemKey: 'algemeen.cijfer', valueNum: 5 + (i % 5) },
        { itemKey: 'telefoon.bereikbaarheid', valueNum: i < 60 * agreeShare ? 4 : 2 },
      ],
    }))));
}

beforeAll(async () => {
  t = await createTestApp();
  for (const width of [360, 1280]) {
    const baseline = (await createFieldworkRound(t.database.db, t.orgA, { name: `KTO 2025 (${width})` })).roundId;
    await fill(baseline, 0.3);
    await withSystem(t.database.db, (tx) => sql`update rounds set year = 2025, status = 'closed' where id = ${baseline}`.execute(tx));
    const later = (await createFieldworkRound(t.database.db, t.orgA, { name: `KTO 2026 (${width})` })).roundId;
    await fill(later, 0.6);
    rounds.set(width, { baseline, later });
  }
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function check(page: Page, width: number, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await pageOverflow(page), name).toBe(0);
  if (process.env.KLANTSTEM_SCREENSHOTS) await page.screenshot({ path: `${process.env.KLANTSTEM_SCREENSHOTS}/plan-${name}-${width}.png`, fullPage: true });
}

/** Focuses a link or button and presses Enter, as a keyboard user would; waits for the next page. */
async function activate(page: Page, locator: ReturnType<Page['getByRole']>): Promise<void> {
  const before = page.url();
  await locator.focus();
  await Promise.all([page.waitForURL((url) => url.toString() !== before), page.keyboard.press('Enter')]);
  await page.waitForLoadState();
}

for (const width of [360, 1280]) {
  describe(`improvement plan at ${width}px`, () => {
    it('is made by keyboard alone and has no accessibility violations in any state', async () => {
      const { baseline, later } = rounds.get(width)!;
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/rounds/${baseline}`);
      await activate(page, page.getByRole('link', { name: 'Plan van aanpak' }));
      await check(page, width, 'empty');

      await activate(page, page.getByRole('link', { name: 'Deze ronde de nulmeting maken en een plan beginnen' }));
      await check(page, width, 'start');
      await activate(page, page.getByRole('button', { name: 'Ja, maak dit de nulmeting' }));
      await page.waitForURL(/done=started/);

      await activate(page, page.getByRole('link', { name: 'Speerpunt toevoegen' }));
      await activate(page, page.getByRole('button', { name: 'Speerpunt opslaan' }));
      expect(await page.locator('.ks-error-summary').textContent()).toContain('Vul het speerpunt in.');
      await check(page, width, 'focus-error');
      await page.getByRole('link', { name: 'Vul het speerpunt in.' }).focus();
      await Promise.all([page.waitForURL(/#title$/), page.keyboard.press('Enter')]);
      expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('title');
      await page.keyboard.type('Telefonische bereikbaarheid');
      await page.getByLabel('Als ik de gemeente bel, krijg ik snel iemand aan de telefoon.').focus();
      await page.keyboard.press('Space');
      await activate(page, page.getByRole('button', { name: 'Speerpunt opslaan' }));
      await page.waitForURL(/done=focus-saved/);

      await activate(page, page.getByRole('link', { name: 'Maatregel toevoegen' }));
      await page.getByLabel('Maatregel', { exact: true }).focus();
      await page.keyboard.type('Terugbelservice binnen één werkdag');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Teamleider Klantcontact');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1-3-2020');
      await page.getByLabel('Stand van zaken').focus();
      await page.keyboard.press('ArrowDown'); // Bezig
      await check(page, width, 'measure-form');
      await activate(page, page.getByRole('button', { name: 'Maatregel opslaan' }));
      await page.waitForURL(/done=measure-saved/);
      const row = page.getByRole('listitem').filter({ hasText: 'Terugbelservice binnen één werkdag' });
      expect(await row.textContent()).toContain('Te laat');
      expect(await row.textContent()).toContain('Bezig');
      await check(page, width, 'plan');

      // Published on the public page of the (now published) baseline round, by keyboard.
      await withSystem(t.database.db, (tx) => sql`update rounds set status = 'published' where id = ${baseline}`.execute(tx));
      await page.getByLabel('Dit plan tonen op de openbare uitkomstenpagina').focus();
      await page.keyboard.press('Space');
      await activate(page, page.getByRole('button', { name: 'Opslaan' }));
      await page.waitForURL(/done=published/);
      await page.goto(`${base}/p/alfa/${baseline}`);
      const measure = page.getByRole('row', { name: /Terugbelservice binnen één werkdag/ });
      expect(await measure.textContent()).toContain('Bezig');
      expect(await page.content()).not.toContain('Teamleider Klantcontact');
      await check(page, width, 'public');

      await page.goto(`${base}/rounds/${later}/plan`);
      const effect = page.getByRole('listitem').filter({ hasText: 'Als ik de gemeente bel' });
      expect(await effect.textContent()).toMatch(/30% eens.*60% eens.*\+30 procentpunt.*significant hoger/s);
      await check(page, width, 'effect');
      await context.close();
    }, 90_000);
  });
}
