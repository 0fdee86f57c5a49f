import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from './test-app.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; nothing is downloaded. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Signs a test user in through the sign-in page, as a person would, and waits for the rounds list. */
export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${base}/rounds`);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: string[];
}

/** WCAG 2.1 A and AA rules. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** How many pixels the page is wider than the viewport (WCAG 1.4.10 reflow); 0 when it fits. */
export function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/**
 * axe-core runs as a script, which a page with JavaScript disabled cannot run. This replays the
 * exact HTML of such a page (same URL, so the same stylesheets) in a page with JavaScript on, at
 * the same viewport, and checks it there; reflow is measured on the replay too.
 */
export async function axeViolationsOfNoScriptPage(browser: Browser, page: Page): Promise<Array<AxeViolation | string>> {
  const html = await page.content();
  const url = page.url();
  const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
  try {
    const replay = await context.newPage();
    await replay.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await replay.goto(url);
    const overflow = await pageOverflow(replay);
    return [...(await axeViolations(replay)), ...(overflow > 0 ? [`page ${overflow}px wider than the viewport`] : [])];
  } finally {
    await context.close();
  }
}

/**
 * Collects, per named page state, the axe-core violations and reflow problems of the page as it
 * is when `check` is called; with KLANTSTEM_SCREENSHOTS=<dir>, also a full-page screenshot
 * `<dir>/<prefix>-<name>-<width>.png` to look at. `problems` maps every state to its list.
 */
export function pageChecker(page: Page, prefix: string, width: number) {
  const problems: Record<string, unknown[]> = {};
  const screenshots = process.env.KLANTSTEM_SCREENSHOTS;
  return {
    problems,
    async check(name: string): Promise<void> {
      const overflow = await pageOverflow(page);
      problems[name] = [...(await axeViolations(page)), ...(overflow > 0 ? [`page ${overflow}px wider than the viewport`] : [])];
      if (screenshots) await page.screenshot({ path: `${screenshots}/${prefix}-${name.replace(/\W+/g, '-')}-${width}.png`, fullPage: true });
    },
    /** Every state checked, each with an empty list. */
    clean(): Record<string, unknown[]> {
      return Object.fromEntries(Object.keys(problems).map((name) => [name, []]));
    },
  };
}

export interface BrowserApp {
  readonly t: TestApp;
  readonly browser: Browser;
  /** The app's URL, e.g. http://127.0.0.1:41234 */
  readonly base: string;
}

/**
 * Starts a test app on a port and Chromium before the file's tests and closes both after them;
 * `use` receives them (assign them to the file's variables).
 */
export function startBrowserApp(use: (started: BrowserApp) => void): void {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    t = await createTestApp();
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    use({ t, browser, base });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
}
