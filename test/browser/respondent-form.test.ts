import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/domain/questionnaire/questionnaire.ts';
import { axeViolationsOfNoScriptPage, launchBrowser } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// A respondent completes the standard questionnaire with the keyboard alone and JavaScript off,
// in Dutch and in Arabic, on a phone and a desktop: routing both ways, a validation error,
// leaving and resuming with the code. Every page type goes through axe-core on the way.

const ownBlock: Block = {
  key: 'eigen',
  module: 'eigen',
  title: { nl: 'Eigen vragen', en: 'Own questions' },
  items: [
    { key: 'eigen.bezoeken', type: 'number', integer: true, min: 0, max: 50, required: true, allowNotApplicable: false, standard: false, text: { nl: 'Hoe vaak was u dit jaar bij het loket?', en: 'How often did you visit the desk this year?' } },
    { key: 'eigen.kanalen', type: 'multi', required: false, allowNotApplicable: true, standard: false, text: { nl: 'Hoe neemt u contact op?', en: 'How do you get in touch?' }, options: [{ code: 'tel', label: { nl: 'Telefoon', en: 'Phone' } }, { code: 'mail', label: { nl: 'E-mail', en: 'E-mail' } }, { code: 'balie', label: { nl: 'Balie', en: 'Desk' } }] },
  ],
};

let t: TestApp;
let browser: Browser;
let base: string;
let codes: string[];

beforeAll(async () => {
  t = await createTestApp();
  ({ codes } = await createFieldworkRound(t.database.db, t.orgA, { codes: 8, ownBlocks: [ownBlock] }));
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Presses Tab until the focused element matches the selector: proves it is reachable by keyboard. */
async function tabTo(page: Page, selector: string): Promise<void> {
  if (process.env.DEBUG_BROWSER) console.log('tabTo', selector);
  for (let i = 0; i < 150; i++) {
    if (await page.locator(`${selector}:focus`).count()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reachable with Tab on ${page.url()}`);
}

/** Chooses a radio button by keyboard: Tab into the group, then arrow keys until it is checked. */
async function choose(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `input[name="${name}"]`);
  await page.keyboard.press('Space');
  for (let i = 0; i < 12 && !(await page.locator(`input[name="${name}"][value="${value}"]:checked`).count()); i++) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await page.locator(`input[name="${name}"][value="${value}"]:checked`).count()).toBe(1);
}

async function next(page: Page): Promise<void> {
  if (process.env.DEBUG_BROWSER) console.log('next on', page.url());
  await tabTo(page, 'button[type="submit"]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

const runs = [
  { language: 'nl', width: 360 },
  { language: 'ar', width: 360 },
  { language: 'nl', width: 1280 },
  { language: 'ar', width: 1280 },
] as const;

describe('the respondent form', () => {
  runs.forEach((run, index) => {
    it(`is completed by keyboard without JavaScript in ${run.language} at ${run.width}px`, async () => {
      const code = codes[index]!;
      const violations: Record<string, unknown[]> = {};
      const newDevice = () => browser.newContext({ viewport: { width: run.width, height: 800 }, javaScriptEnabled: false });
      let context = await newDevice();
      let page = await context.newPage();
      const check = async (name: string) => {
        violations[name] = await axeViolationsOfNoScriptPage(browser, page);
      };

      await page.goto(`${base}/r?lang=${run.language}`);
      expect(await page.getAttribute('html', 'dir')).toBe(run.language === 'ar' ? 'rtl' : 'ltr');
      await check('entry');
      await tabTo(page, '#code');
      await page.keyboard.type('ABCD');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(await page.locator('#error-summary').count()).toBe(1);
      await check('entry with error');
      await tabTo(page, '#code');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(code.toLowerCase());
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(pathOf(page)).toBe('/survey/algemeen');
      await check('mark page');
      await choose(page, 'algemeen.cijfer', '8');
      await next(page);

      expect(pathOf(page)).toBe('/survey/situatie');
      await check('yes/no page');
      await choose(page, 'situatie.intake', '1');
      for (const key of ['inkomensconsulent', 'werk', 'schuldhulp']) await choose(page, `situatie.${key}`, '0');
      await next(page);
      expect(pathOf(page)).toBe('/survey/contact');
      await check('agreement page');
      await choose(page, 'balie.bejegening', '4');
      await choose(page, 'balie.wachttijd', 'na');
      await next(page);
      await next(page); // informatie, left empty
      expect(pathOf(page)).toBe('/survey/intake'); // routed in
      await choose(page, 'intake.cijfer', '9');
      await next(page);
      expect(pathOf(page)).toBe('/survey/bejegening');

      // leave, and come back on another device with the same code
      await context.close();
      context = await newDevice();
      page = await context.newPage();
      await page.goto(`${base}/r?lang=${run.language}`);
      await tabTo(page, '#code');
      await page.keyboard.type(code);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(pathOf(page)).toBe('/survey/bejegening');

      // back to the routing question, and route the other way
      for (const expected of ['/survey/intake', '/survey/informatie', '/survey/contact', '/survey/situatie']) {
        await tabTo(page, 'a.ks-back');
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        expect(pathOf(page)).toBe(expected);
      }
      expect(await page.locator('input[name="situatie.intake"][value="1"]:checked').count()).toBe(1);
      await choose(page, 'situatie.intake', '0');
      await next(page);
      await next(page);
      await next(page);
      expect(pathOf(page)).toBe('/survey/bejegening'); // intake routed out
      const visited: string[] = [];
      while (!['/survey/eigen', '/survey/check'].includes(pathOf(page))) {
        visited.push(pathOf(page));
        await next(page);
      }
      expect(visited).not.toContain('/survey/intake');

      // a validation error on the own questions
      expect(pathOf(page)).toBe('/survey/eigen');
      await tabTo(page, 'input[name="eigen.bezoeken"]');
      await page.keyboard.type('veel');
      await tabTo(page, 'input[name="eigen.kanalen"][value="mail"]');
      await page.keyboard.press('Space');
      await next(page);
      expect(await page.locator('#error-summary').count()).toBe(1);
      await check('error state');
      await tabTo(page, '#error-summary a');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3');
      expect(await page.locator('input[name="eigen.kanalen"][value="mail"]:checked').count()).toBe(1);
      await next(page);
      expect(pathOf(page)).toBe('/survey/achtergrond');
      await check('single-choice page');
      await choose(page, 'achtergrond.leeftijd', '27-44');
      await next(page);

      expect(pathOf(page)).toBe('/survey/check');
      await check('check page');
      expect(await page.locator('a[href^="/survey/intake"]').count()).toBe(0);
      expect(await page.locator('a[href^="/survey/eigen"]').count()).toBe(2);
      await next(page);
      expect(pathOf(page)).toBe('/thanks');
      await check('thank-you page');
      await page.goto(`${base}/privacy`);
      await check('privacy page');
      await context.close();

      expect(Object.keys(violations)).toHaveLength(10);
      expect(Object.entries(violations).filter(([, v]) => v.length > 0)).toEqual([]);
    }, 180_000);
  });
});
