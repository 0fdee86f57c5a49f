import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../src/app/totp.ts';
import { pageChecker, signIn, startBrowserApp } from '../support/browser.ts';
import { PASSWORD, type TestApp } from '../support/test-app.ts';

// Two-step sign-in in real Chromium, by keyboard: the account page in each state, the code step
// of signing in, with axe-core and reflow checks at phone and desktop width.

let t: TestApp;
let browser: Browser;
let base: string;
startBrowserApp((started) => ({ t, browser, base } = started));


for (const [width, email] of [[360, 'researcher@alfa.nl'], [1280, 'viewer@alfa.nl']] as const) {
  describe(`two-step sign-in at ${width}px`, () => {
    it('is set up and used by keyboard, with no accessibility violations', async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const { problems, check, clean } = pageChecker(page, 'second-factor', width);

      await signIn(page, base, email);
      await page.getByRole('link', { name: 'Mijn account' }).click();
      await check('account off');
      await page.getByRole('button', { name: 'Inloggen in twee stappen instellen' }).press('Enter');
      await page.waitForURL(`${base}/account`);
      await expect.poll(() => page.getByRole('img', { name: 'QR-code om Klantstem aan uw app te koppelen' }).count()).toBe(1);
      const key = (await page.locator('.ks-secret').textContent())!.replace(/\s/g, '');
      await check('account setting up');

      await page.getByLabel('Code uit de app').focus();
      await page.keyboard.type('123');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('account code error');
      await page.getByRole('link', { name: 'Vul de 6 cijfers uit de app in.' }).click();
      const step = totpStep(new Date());
      await page.keyboard.press('Control+A');
      await page.keyboard.type(hotp(base32Decode(key), step));
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/account?done=on`);
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Inloggen in twee stappen staat nu aan.');
      await check('account on');

      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(PASSWORD);
      await page.getByLabel('Wachtwoord').press('Enter');
      await page.waitForURL(`${base}/sign-in/code?next=%2Frounds`);
      await check('code step');
      await page.getByLabel('Code uit de app').fill('000000');
      await page.getByLabel('Code uit de app').press('Enter');
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('code step error');
      await page.getByLabel('Code uit de app').fill(hotp(base32Decode(key), step + 1));
      await page.getByLabel('Code uit de app').press('Enter');
      await page.waitForURL(`${base}/rounds`);

      expect(problems).toEqual(clean());
      await context.close();
    }, 90_000);
  });
}
