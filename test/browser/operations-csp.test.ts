import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccessCodes, seedDemo } from '../../src/app/demo/seed-demo.ts';
import { DEMO_PASSWORD, DEMO_SIGN_IN_EMAIL } from '../../src/app/demo/demo-organisations.ts';
import type { Database } from '../../src/db/connect.ts';
import { build } from '../../src/web/build-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { createTestDatabase } from '../support/test-database.ts';

// The Content-Security-Policy allows no inline script and no inline style. Real Chromium
// reports every blocked script, style element or style attribute on the console; a crawl
// through the staff pages of the demo and through a respondent's survey must find none.

let database: Database;
let app: Awaited<ReturnType<typeof build>>;
let browser: Browser;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  app = await build({ db: database.db, secret: 'test-secret-test-secret-test-secret!', signInLimit: 1000, codeAttemptsPerClient: 1000 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

function watch(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

// Downloads and documents are not pages to look at; sign-out would end the crawl.
const SKIP = /\.(xlsx|csv|pdf|sps|zip)(\?|$)|\/(export|download|pdf|letters\/[^/]+\/file|sign-out)\b/;

describe('Content-Security-Policy', () => {
  it('sends strict security headers on every page', async () => {
    const response = await fetch(`${base}/sign-in`);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('blocks nothing on the staff pages of the demo (crawl of every linked page)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const violations = watch(page);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('E-mailadres').fill(DEMO_SIGN_IN_EMAIL);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${base}/rounds`);
    const seen = new Set<string>();
    const queue = ['/rounds'];
    while (queue.length && seen.size < 70) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await page.goto(base + path);
      if (!response || !(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
      const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
      for (const href of links) {
        if (!href.startsWith('/') || href.startsWith('//') || SKIP.test(href)) continue;
        const clean = href.split('#')[0]!;
        if (!seen.has(clean)) queue.push(clean);
      }
    }
    expect(seen.size).toBeGreaterThan(15);
    expect(violations).toEqual([]);
    await context.close();
  }, 180_000);

  it('blocks nothing while a respondent answers, and the survey works with JavaScript off', async () => {
    const [code] = await demoAccessCodes(database.db, 1);
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled });
      const page = await context.newPage();
      const violations = watch(page);
      await page.goto(`${base}/r`);
      if (javaScriptEnabled) {
        await page.getByLabel(/code/i).first().fill(code!);
        await page.getByRole('button').filter({ hasText: /verder|start|begin/i }).first().click();
        await page.waitForURL(/\/survey\//);
        for (let step = 0; step < 3; step++) {
          const radios = page.locator('input[type=radio]');
          if (await radios.count()) await radios.first().check();
          await page.getByRole('button', { name: /volgende|next/i }).first().click();
          await page.waitForLoadState();
        }
        expect(page.url()).toMatch(/\/survey\//);
        expect(page.url()).not.toMatch(/\/survey\/algemeen$/);
      } else {
        // Without JavaScript the same page and form work: the entry form posts and redirects.
        await page.getByLabel(/code/i).first().fill(code!);
        await page.getByRole('button').filter({ hasText: /verder|start|begin/i }).first().click();
        await page.waitForURL(/\/survey\//);
        expect(await page.locator('form input[type=radio]').count()).toBeGreaterThan(0);
      }
      expect(violations).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
