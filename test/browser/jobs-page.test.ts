import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/app/jobs/enqueue-job.ts';
import { saveJobFile } from '../../src/app/jobs/save-job-file.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { axeViolations, launchBrowser, pageOverflow, signIn } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The job page in real Chromium: accessible at phone and desktop width, updating in place while
// the job runs, offering the file when done, and cancelling by keyboard.

let t: TestApp;
let browser: Browser;
let base: string;
let roundId: string;
const screenshots = path.resolve(import.meta.dirname, '../../scratch');

beforeAll(async () => {
  t = await createTestApp();
  roundId = (await createFieldworkRound(t.database.db, t.orgA)).roundId;
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  fs.mkdirSync(screenshots, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function runningJob(kind: string, progress: number, total: number): Promise<string> {
  const id = await withTenant(t.database.db, t.orgA, (tx) => enqueueJob(tx, { organisationId: t.orgA, roundId, kind, createdBy: null, total }));
  await setJob(id, { status: 'running', progress, attempts: 1, started_at: new Date(), locked_by: 'elsewhere', locked_until: new Date(Date.now() + 60_000), message: 'Bezig met de brieven' });
  return id;
}

async function setJob(id: string, values: Record<string, unknown>): Promise<void> {
  await withSystem(t.database.db, (tx) => tx.updateTable('jobs').set(values).where('id', '=', id).execute());
}

async function problems(page: Page): Promise<unknown[]> {
  const overflow = await pageOverflow(page);
  return [...(await axeViolations(page)), ...(overflow > 0 ? [`page ${overflow}px wider than the viewport`] : [])];
}

for (const width of [360, 1280]) {
  describe(`job page at ${width}px`, () => {
    it('is accessible, updates in place while running and offers the file when done', async () => {
      const id = await runningJob('letters', 1200, 5000);
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, base, 'researcher@alfa.nl');

      await page.goto(`${base}/jobs/${id}`);
      const bar = page.getByRole('progressbar', { name: 'Voortgang van Brieven maken' });
      expect(await bar.getAttribute('value')).toBe('1200');
      expect(await bar.getAttribute('max')).toBe('5000');
      await expect.poll(() => page.locator('[data-job-count]').textContent()).toBe('1.200 van 5.000');
      // With JavaScript the page updates itself, so the reload links are hidden.
      expect(await page.getByRole('link', { name: 'Elke 2 seconden bijwerken' }).count()).toBe(0);
      expect(await problems(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `jobs-running-${width}.png`), fullPage: true });

      // Progress made by the runner shows up without a reload (no navigation happens).
      let navigations = 0;
      page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations += 1; });
      await setJob(id, { progress: 2500, message: 'Half klaar' });
      await expect.poll(() => page.locator('[data-job-count]').textContent(), { timeout: 10_000 }).toBe('2.500 van 5.000');
      expect(await page.locator('[data-job-message]').textContent()).toBe('Half klaar');
      expect(await bar.evaluate((el) => (el as unknown as { value: number }).value)).toBe(2500);
      expect(navigations).toBe(0);

      // When it ends, the page says so and shows the final state with the file.
      await withTenant(t.database.db, t.orgA, (tx) =>
        saveJobFile(tx, { organisationId: t.orgA, jobId: id, name: 'brieven.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7\n%%EOF\n') }));
      await setJob(id, { status: 'done', progress: 5000, finished_at: new Date(), locked_by: null, locked_until: null, message: '5000 brieven gemaakt' });
      await expect.poll(() => page.locator('[data-job-status]').textContent(), { timeout: 10_000 }).toBe('Klaar');
      const link = page.getByRole('link', { name: /brieven\.pdf downloaden/ });
      await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
      expect(await page.locator('script[src="/jobs/job-progress.js"]').count()).toBe(0);
      expect(await problems(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `jobs-done-${width}.png`), fullPage: true });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('brieven.pdf');
      await context.close();
    });

    it('cancels by keyboard after a confirmation', async () => {
      const id = await runningJob('email-reminders', 10, 300);
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, base, 'researcher@alfa.nl');
      await page.goto(`${base}/jobs/${id}`);
      await page.getByRole('link', { name: 'Taak stoppen' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/jobs/${id}/cancel`);
      expect(await problems(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `jobs-cancel-${width}.png`), fullPage: true });
      await page.getByRole('button', { name: 'Ja, stop de taak' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/jobs/${id}?done=cancelled`);
      expect(await page.getByRole('status').first().textContent()).toContain('De taak is gestopt.');
      expect(await page.locator('[data-job-status]').textContent()).toBe('Gestopt');
      expect(await problems(page)).toEqual([]);
      await context.close();
    });
  });
}

describe('job page without JavaScript', () => {
  it('offers a reload link and an opt-in page that reloads every 2 seconds', async () => {
    const id = await runningJob('address-import', 100, 1000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, base, 'researcher@alfa.nl');
    await page.goto(`${base}/jobs/${id}`);
    expect(await page.getByRole('link', { name: 'Pagina bijwerken' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Elke 2 seconden bijwerken' }).click();
    await page.waitForURL(`${base}/jobs/${id}?refresh=2`);
    await setJob(id, { progress: 700 });
    await expect.poll(() => page.locator('[data-job-count]').textContent(), { timeout: 10_000 }).toBe('700 van 1.000');
    await page.screenshot({ path: path.join(screenshots, 'jobs-auto-refresh.png'), fullPage: true });
    await page.getByRole('link', { name: 'Stoppen met automatisch bijwerken' }).click();
    await page.waitForURL(`${base}/jobs/${id}`);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    await context.close();
  });
});
