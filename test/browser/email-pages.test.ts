import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optOutToken } from '../../src/app/email/opt-out-token.ts';
import { jobHandlers } from '../../src/app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../../src/app/jobs/job-runner.ts';
import { startSmtpServer, type TestSmtpServer } from '../app/email/smtp-test-server.ts';
import { axeViolations, launchBrowser, pageOverflow } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { addInvitees, type BuiltInvitee } from '../support/invitee-builder.ts';
import { createTestApp, PASSWORD, type TestApp } from '../support/test-app.ts';

// The e-mail settings, the round's e-mail pages and the opt-out page in real Chromium at phone
// and desktop width: no axe violations, no sideways scrolling; screenshots for a human look.

const SECRET = 'test-secret-test-secret-test-secret!';
let t: TestApp;
let browser: Browser;
let base: string;
let smtp: TestSmtpServer;
let roundId: string;
let people: BuiltInvitee[];

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  smtp = await startSmtpServer();
  ({ roundId } = await createFieldworkRound(t.database.db, t.orgA, { name: 'KTO Alfa 2026' }));
  people = await addInvitees(t.database.db, { secret: SECRET, organisationId: t.orgA, roundId, people: [{ email: 'jan@example.nl' }, { email: 'ann@example.nl', language: 'en' }] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await smtp?.close();
  await t?.close();
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${base}/rounds`);
}

for (const width of [360, 1280]) {
  describe(`e-mail pages at ${width}px`, () => {
    it('have no accessibility violations', async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const found: Record<string, unknown[]> = {};
      const check = async (name: string) => {
        const overflow = await pageOverflow(page);
        found[name] = [...(await axeViolations(page)), ...(overflow > 0 ? [`page ${overflow}px wider than the viewport`] : [])];
        await page.screenshot({ path: `scratch/email-${name.replace(/\W+/g, '-')}-${width}.png`, fullPage: true });
      };

      await signIn(page, 'administrator@alfa.nl');
      await page.goto(`${base}/rounds/${roundId}/email`);
      await check('round email without settings');

      await page.goto(`${base}/settings/email`);
      await check('settings');
      await page.getByLabel('Mailserver (SMTP-server)').fill('');
      await page.getByLabel('Afzenderadres').fill('geen adres');
      await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('settings with errors');
      await page.getByLabel('Mailserver (SMTP-server)').fill('127.0.0.1');
      await page.getByLabel('Poort', { exact: true }).fill(String(smtp.port));
      await page.getByLabel('Geen versleuteling').check();
      await page.getByLabel('Afzenderadres').fill('kto@alfa.nl');
      await page.getByLabel('Berichten per minuut').fill('600');
      await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
      await page.waitForURL(/done=saved/);
      await page.getByLabel('Stuur naar dit e-mailadres').fill('beheer@alfa.nl');
      await page.getByRole('button', { name: 'Testbericht sturen' }).click();
      await page.waitForURL(/test=ok/);
      await check('settings test sent');

      await page.goto(`${base}/rounds/${roundId}/email`);
      await check('round email');
      await page.goto(`${base}/rounds/${roundId}/email/templates/email-invitation/nl`);
      await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
      await expect.poll(() => page.locator('#preview').count()).toBe(1);
      await check('template preview');
      await page.getByLabel('Tekst van de e-mail').fill('Beste {naam}, {linkje}');
      await page.getByRole('button', { name: 'Tekst opslaan' }).click();
      await expect.poll(() => page.locator('#error-summary').count()).toBe(1);
      await check('template errors');
      await page.goto(`${base}/rounds/${roundId}/email/invitations`);
      await check('invitations confirm');
      if (width === 360) {
        await page.getByRole('button', { name: /Ja, uitnodigingen versturen/ }).click();
        await page.waitForURL(/\/jobs\//);
        await runJobsUntilIdle({ db: t.database.db, secret: SECRET, publicUrl: 'http://localhost:3000', handlers: jobHandlers, retryDelayMs: 0 });
        expect(smtp.mails.map((m) => m.to).sort()).toEqual(['ann@example.nl', 'beheer@alfa.nl', 'jan@example.nl']);
        await page.goto(`${base}/rounds/${roundId}/email`);
        await check('round email after invitations');
      }
      await page.goto(`${base}/rounds/${roundId}/email/reminders?days=0`);
      await check('reminders confirm');

      const visitor = await browser.newContext({ viewport: { width, height: 900 } });
      const optOut = await visitor.newPage();
      const token = optOutToken(SECRET, people[width === 360 ? 0 : 1]!.inviteeId);
      await optOut.goto(`${base}/afmelden/${token}`);
      found['opt-out'] = await axeViolations(optOut);
      await optOut.screenshot({ path: `scratch/email-opt-out-${width}.png`, fullPage: true });
      await optOut.getByRole('button', { name: 'Afmelden' }).click();
      await expect.poll(() => optOut.getByRole('heading', { name: 'U bent afgemeld' }).count()).toBe(1);
      found['opt-out done'] = await axeViolations(optOut);
      await optOut.goto(`${base}/afmelden/onzin`);
      found['opt-out unknown'] = await axeViolations(optOut);
      await optOut.screenshot({ path: `scratch/email-opt-out-unknown-${width}.png`, fullPage: true });
      await visitor.close();
      await context.close();

      expect(Object.keys(found)).toHaveLength(width === 360 ? 13 : 12);
      for (const [name, violations] of Object.entries(found)) expect(violations, name).toEqual([]);
    }, 120_000);
  });
}
