import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses } from '../../src/db/response-store.ts';
import { withTenant } from '../../src/db/tenant-transaction.ts';
import { axeViolations, launchBrowser, pageOverflow, signIn } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The council's advice in real Chromium, by keyboard: the council starts an advice, adds a
// point citing the overall mark and sends it; a researcher records the organisation's
// response, first without the reasons it needs. axe on every state, no sideways scrolling.

let t: TestApp;
let browser: Browser;
let base: string;
const rounds = new Map<number, string>();
const shots = process.env.KLANTSTEM_SCREENSHOTS;

beforeAll(async () => {
  t = await createTestApp();
  for (const width of [360, 1280]) {
    const roundId = (await createFieldworkRound(t.database.db, t.orgA, { name: `KTO ${width}` })).roundId;
    rounds.set(width, roundId);
    await withTenant(t.database.db, t.orgA, (tx) =>
      insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 40 }, (_, i) => ({
        id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
        answers: [{ itemKey: 'algemeen.cijfer', valueNum: 5 + (i % 5) }],
      }))));
  }
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function press(page: Page, name: string | RegExp, role: 'button' | 'link' = 'button'): Promise<void> {
  await page.getByRole(role, { name }).first().focus();
  await page.keyboard.press('Enter');
}

async function checked(page: Page, width: number, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  expect(await pageOverflow(page), name).toBe(0);
  if (shots) await page.screenshot({ path: `${shots}/council-${name}-${width}.png`, fullPage: true });
}

for (const width of [360, 1280]) {
  describe(`council advice at ${width}px`, () => {
    it('is written, sent and answered by keyboard alone without accessibility violations', async () => {
      const roundId = rounds.get(width)!;
      const councilContext = await browser.newContext({ viewport: { width, height: 800 } });
      const council = await councilContext.newPage();
      await signIn(council, base, 'council@alfa.nl');
      await council.goto(`${base}/rounds/${roundId}/council`);
      await checked(council, width, 'timeline-empty');

      await council.getByLabel('Titel van het advies').focus();
      await council.keyboard.type('Advies over het KTO');
      await council.keyboard.press('Tab');
      await council.keyboard.type('De raad sprak met twintig leden.');
      await press(council, 'Advies beginnen');
      await council.waitForURL(/done=created/);

      await press(council, 'Punt toevoegen');
      await council.waitForLoadState();
      expect(await council.locator('.ks-error-summary').textContent()).toContain('Schrijf de tekst van het punt');
      await checked(council, width, 'advice-error');

      await council.getByLabel('Tekst van punt 1').focus();
      await council.keyboard.type('Houd het rapportcijfer vast en leg uit wat er verandert.');
      await council.getByLabel('Cijfer 1').focus();
      await council.keyboard.press('ArrowDown');
      expect(await council.getByLabel('Cijfer 1').inputValue()).toBe('algemeen.cijfer');
      await press(council, 'Punt toevoegen');
      await council.waitForURL(/done=point/);
      await checked(council, width, 'advice-draft');

      await press(council, 'Advies versturen');
      await council.waitForURL(/done=sent/);
      expect(await council.getByText('7,0 (n = 40)').count()).toBe(1);
      await checked(council, width, 'timeline-sent');
      await councilContext.close();

      const staffContext = await browser.newContext({ viewport: { width, height: 800 } });
      const researcher = await staffContext.newPage();
      await signIn(researcher, base, 'researcher@alfa.nl');
      await researcher.goto(`${base}/rounds/${roundId}/council`);
      await press(researcher, 'Reactie vastleggen op punt 1', 'link');
      await researcher.waitForURL(/\/response$/);
      await checked(researcher, width, 'response-form');

      await researcher.getByLabel('Overgenomen', { exact: true }).focus();
      await researcher.keyboard.press('Space');
      await researcher.keyboard.press('ArrowDown');
      await researcher.keyboard.press('ArrowDown');
      expect(await researcher.getByLabel('Niet overgenomen').isChecked()).toBe(true);
      await press(researcher, 'Reactie opslaan');
      await researcher.waitForLoadState();
      expect(await researcher.locator('.ks-error-summary').textContent()).toContain('Leg uit waarom');
      await checked(researcher, width, 'response-error');

      await researcher.locator('.ks-error-summary a').first().focus();
      await researcher.keyboard.press('Enter');
      expect(await researcher.evaluate('document.activeElement && document.activeElement.id')).toBe('reasons');
      await researcher.keyboard.type('Het cijfer hangt af van landelijke regels; we leggen wel elk jaar uit wat er verandert.');
      await press(researcher, 'Reactie opslaan');
      await researcher.waitForURL(/done=responded/);
      expect(await researcher.getByText('Niet overgenomen').count()).toBeGreaterThan(0);
      expect(await researcher.getByRole('link', { name: 'Reactie op punt 1 wijzigen' }).count()).toBe(1);
      await checked(researcher, width, 'timeline-responded');
      await staffContext.close();
    }, 90_000);
  });
}

for (const width of [360, 1280]) {
  describe(`council survey at ${width}px`, () => {
    it('is made and started by keyboard, and its results have no accessibility violations', async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, base, 'council@alfa.nl');
      await page.goto(`${base}/council/surveys`);
      await checked(page, width, 'surveys');
      await page.getByLabel('Naam van het onderzoek').focus();
      await page.keyboard.type(`Ledenpeiling ${width}`);
      await press(page, 'Onderzoek aanmaken');
      await page.waitForURL(/done=created/);

      await press(page, 'Vraag toevoegen');
      await page.waitForLoadState();
      expect(await page.locator('.ks-error-summary').textContent()).toContain('Kies de soort antwoord.');
      await checked(page, width, 'survey-error');

      await page.getByLabel('Vraag', { exact: true }).focus();
      await page.keyboard.type('Hoe voelt het contact met uw klantmanager?');
      await page.getByLabel('Meer antwoorden kiezen').focus();
      await page.keyboard.press('Space');
      await page.getByLabel('Antwoorden om uit te kiezen').focus();
      await page.keyboard.type('Onderdrukkend\nProfessioneel\nGelijkwaardig');
      // The optional English translation opens from the keyboard.
      await page.getByText('Engelse vertaling (niet verplicht)').focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('De vraag in het Engels').focus();
      await page.keyboard.type('How does contact with your case manager feel?');
      await page.getByLabel('De antwoorden in het Engels').focus();
      await page.keyboard.type('Oppressive\nProfessional\nEqual');
      await checked(page, width, 'survey-english');
      await press(page, 'Vraag toevoegen');
      await page.waitForURL(/done=question/);
      await checked(page, width, 'survey-draft');

      await press(page, 'Onderzoek starten');
      await page.waitForURL(/done=status/);
      const roundId = new URL(page.url()).pathname.split('/').at(-1)!;
      await withTenant(t.database.db, t.orgA, (tx) =>
        insertCompletedResponses(tx, t.orgA, roundId, Array.from({ length: 24 }, (_, i) => ({
          id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-02',
          answers: [{ itemKey: 'eigen.raad_1', optionCode: i < 6 ? 'a1' : 'a2' }, ...(i % 2 ? [{ itemKey: 'eigen.raad_1', optionCode: 'a3' }] : [])],
        }))));
      await checked(page, width, 'survey-fieldwork');
      await press(page, 'Uitkomsten bekijken', 'link');
      await page.waitForURL(/results$/);
      expect(await page.getByText('n = 24 leden die de vraag beantwoordden').count()).toBe(1);
      expect(await page.getByText('Indicatief: minder dan 30 antwoorden.').count()).toBe(1);
      await checked(page, width, 'survey-results');
      await context.close();
    }, 90_000);
  });
}
