import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { axeViolations, launchBrowser, pageOverflow, signIn } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The module view, the item view (with breakdowns, one group hidden) and the report settings
// page in real Chromium at phone and desktop width: no axe violations, no sideways scrolling.
// Screenshots go to scratch/ (git-ignored) for a person to look at.

let t: TestApp;
let browser: Browser;
let base: string;
let roundId: string;
const shots = path.resolve(import.meta.dirname, '../../scratch');

beforeAll(async () => {
  t = await createTestApp();
  roundId = (await createFieldworkRound(t.database.db, t.orgA, { codes: 50 })).roundId;
  const ages = ['18-26', '27-44', '45-54', '55-66'];
  const ids: string[] = [];
  await withTenant(t.database.db, t.orgA, (tx) =>
    insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 64 }, (_, i) => {
      const id = randomUUID();
      ids.push(id);
      return {
        id, channel: i < 50 ? 'web' as const : i < 60 ? 'paper' as const : 'phone' as const, language: i % 9 === 0 ? 'en' : 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
        answers: [
          { itemKey: 'algemeen.cijfer', valueNum: 4 + (i % 6) },
          { itemKey: 'balie.wachttijd', valueNum: 1 + (i % 5) },
          ...(i < 60 ? [{ itemKey: 'achtergrond.leeftijd', optionCode: ages[i % 4]! }] : []),
        ],
      };
    })));
  await withSystem(t.database.db, (tx) => sql`update responses set carried = jsonb_build_object('district', case when random() < 0.5 then 'Noord' else 'Zuid' end) where round_id = ${roundId}`.execute(tx));
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  fs.mkdirSync(shots, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signedIn(width: number, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await signIn(page, base, email);
  return page;
}

for (const width of [360, 1280]) {
  describe(`module and item views at ${width}px`, () => {
    it('have no accessibility violations and fit the screen', async () => {
      const page = await signedIn(width, 'viewer@alfa.nl');
      await page.goto(`${base}/rounds/${roundId}/report`);
      await page.getByRole('link', { name: 'Welk rapportcijfer geeft u de gemeente' }).first().click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('rapportcijfer');
      expect(await page.getByRole('table', { name: 'Uitkomst naar kanaal' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      await page.screenshot({ path: path.join(shots, `item-view-${width}.png`), fullPage: true });
      await page.getByRole('link', { name: /Terug naar Algemeen/ }).click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Algemeen');
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      await page.screenshot({ path: path.join(shots, `module-view-${width}.png`), fullPage: true });
      await page.context().close();
    });

    it('the report settings page has no accessibility violations, also with errors', async () => {
      const page = await signedIn(width, 'administrator@alfa.nl');
      await page.goto(`${base}/admin/report-settings`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Geen uitkomst tonen bij minder dan … antwoorden').fill('5');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('niet lager zijn dan 10');
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      await page.screenshot({ path: path.join(shots, `report-settings-${width}.png`), fullPage: true });
      await page.context().close();
    });
  });
}
