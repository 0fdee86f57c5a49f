import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, pageOverflow, startBrowserApp } from '../support/browser.ts';
import { PASSWORD, type TestApp } from '../support/test-app.ts';

// Every staff page in real Chromium at phone and desktop width: no axe violations, usable by
// keyboard (sign-in and creating a round are done with the keyboard alone).

let t: TestApp;
let browser: Browser;
let base: string;
startBrowserApp((started) => ({ t, browser, base } = started));

async function signInByKeyboard(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // brand
  await page.getByLabel('E-mailadres').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/rounds`);
}

for (const width of [360, 1280]) {
  describe(`staff pages at ${width}px`, () => {
    it('have no accessibility violations and work by keyboard', async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const visited: Record<string, unknown[]> = {};
      // axe-core, plus reflow (WCAG 1.4.10): the page itself never scrolls sideways; wide
      // tables scroll inside their own container.
      const check = async (name: string) => {
        const overflow = await pageOverflow(page);
        visited[name] = [...(await axeViolations(page)), ...(overflow > 0 ? [`page ${overflow}px wider than the viewport`] : [])];
      };

      await page.goto(`${base}/sign-in`);
      await check('sign-in');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('sign-in with errors');

      await signInByKeyboard(page, 'administrator@alfa.nl');
      await check('rounds (empty)');

      await page.goto(`${base}/rounds/new`);
      await check('new round');
      await page.getByLabel('Naam van de ronde').fill('');
      await page.getByRole('button', { name: 'Ronde maken' }).click();
      await check('new round with errors');
      await page.getByRole('link', { name: 'Vul een naam in voor de ronde.' }).click();
      await page.keyboard.type(`Toegankelijkheid ${width}`);
      await page.getByLabel('Hulp bij schulden').press('Space');
      await page.getByRole('button', { name: 'Ronde maken' }).press('Enter');
      await page.waitForURL(/\/rounds\/[0-9a-f-]{36}\?done=created$/);
      await expect.poll(() => page.getByRole('status').textContent()).toContain('De ronde is gemaakt.');
      await check('round');

      await page.getByLabel('Korte sleutel').fill('fiets');
      await page.getByLabel('Vraag in het Nederlands').fill('Kon u uw fiets kwijt?');
      await page.getByLabel('Vraag in het Engels').fill('Could you park your bike?');
      await page.getByLabel('Alleen tonen als (routing, mag leeg)').fill('algemeen.cijfer < 0');
      await page.getByRole('button', { name: 'Eigen vraag toevoegen' }).click();
      await check('round with item error');
      await page.getByLabel('Alleen tonen als (routing, mag leeg)').fill('algemeen.cijfer < 6');
      await page.getByRole('button', { name: 'Eigen vraag toevoegen' }).click();
      await expect.poll(() => page.getByText('Kon u uw fiets kwijt?', { exact: true }).count()).toBe(1);

      await page.getByRole('link', { name: /Verwijderen/ }).click();
      await check('remove own item confirmation');
      await page.goBack();

      await page.getByRole('link', { name: 'Bekijk de hele vragenlijst met routing' }).click();
      await check('preview');
      await page.goto(`${base}/rounds/${page.url().split('/')[4]}/edit`);
      await check('edit round');
      await page.goto(`${base}/questionnaire`);
      await check('standard questionnaire');
      await page.goto(`${base}/questionnaire?lang=en`);
      await check('standard questionnaire (en)');
      await page.goto(`${base}/rounds?lang=nl`);
      await check('rounds');
      await page.goto(`${base}/admin/users`);
      await check('users');
      await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
      await check('users with errors');
      await page.getByRole('link', { name: /Toegang intrekken.*viewer alfa/ }).click();
      await check('remove user confirmation');
      await page.goto(`${base}/admin/audit`);
      await check('audit log');
      await page.goto(`${base}/does-not-exist`);
      await check('not found');

      expect(Object.keys(visited).length).toBe(18);
      const failures = Object.entries(visited).filter(([, v]) => v.length > 0);
      expect(failures).toEqual([]);
      await context.close();
    }, 180_000);
  });
}

describe('the accessibility check itself', () => {
  it('reports violations on a page that has them', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<html><body><img src="data:image/png;base64,iVBORw0KGgo="><input type="text"></body></html>');
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label', 'html-has-lang']));
    await context.close();
  });
});
