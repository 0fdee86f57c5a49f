import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeDoubleEntry } from '../../src/app/paper/paper-entry-settings.ts';
import { axeViolations, launchBrowser, pageOverflow } from '../support/browser.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { createTestApp, PASSWORD, type TestApp } from '../support/test-app.ts';

// Typing in paper forms in real Chromium at phone and desktop width: done with the keyboard
// alone (autofocus, tab order in question order, keys that pick a box), and no axe violations
// on the code page, the form, its error and routing warnings, the confirmation and the
// differences of double entry.

let t: TestApp;
let browser: Browser;
let base: string;
let round: { roundId: string; codes: string[] };

beforeAll(async () => {
  t = await createTestApp();
  round = await createFieldworkRound(t.database.db, t.orgA, { codes: 6 });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function loaded(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), action()]);
}

async function signInByKeyboard(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('E-mailadres').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await loaded(page, () => page.keyboard.press('Enter'));
}

interface Focus {
  /** Question number of the focused element, 0 outside a question. */
  readonly question: number;
  readonly id: string;
  readonly text: string;
}

function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    type El = { id: string; textContent: string | null; closest(s: string): { querySelector(s: string): { textContent: string | null } | null } | null };
    const active = (globalThis as unknown as { document: { activeElement: El | null } }).document.activeElement;
    const number = active?.closest('fieldset.pe-q')?.querySelector('.pe-n')?.textContent;
    return { question: Number(number ?? 0), id: active?.id ?? '', text: active?.textContent ?? '' };
  });
}

/**
 * Tabs through the form to the button named `until`, typing keys at the questions in `keys` on
 * the way; returns the question numbers in the order the focus visited them.
 */
async function tabThrough(page: Page, until: string, keys: Record<number, string> = {}): Promise<number[]> {
  const visited: number[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const { question, text } = await focus(page);
    if (text === until) return visited;
    if (question && visited[visited.length - 1] !== question) {
      visited.push(question);
      if (keys[question]) await page.keyboard.type(keys[question]!);
    }
  }
  throw new Error(`never reached ${until}`);
}

for (const width of [360, 1280]) {
  describe(`paper data entry at ${width}px`, () => {
    it('is done by keyboard alone, with no accessibility violations', async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const found: Record<string, unknown[]> = {};
      const check = async (name: string) => {
        const overflow = await pageOverflow(page);
        found[name] = [...(await axeViolations(page)), ...(overflow > 0 ? [`page ${overflow}px wider than the viewport`] : [])];
      };
      const code = round.codes[width === 360 ? 0 : 1]!;
      const mark = width === 360 ? '8' : '9'; // tells the two responses apart

      await signInByKeyboard(page, 'researcher@alfa.nl');
      await page.goto(`${base}/rounds/${round.roundId}/entry`);
      await check('code');
      await expect.poll(async () => (await focus(page)).id).toBe('code');
      await page.keyboard.type('ABCD');
      await loaded(page, () => page.keyboard.press('Enter'));
      await check('code with error');
      await page.getByLabel('Code van het formulier').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(code.toLowerCase());
      await loaded(page, () => page.keyboard.press('Enter'));
      await check('form');

      // question 1 has the focus; a wrong mark first, then the routing questions by key and arrows
      await expect.poll(async () => (await focus(page)).question).toBe(1);
      await page.keyboard.type('11');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1'); // 2: intake yes (key)
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight'); // 3: income consultant no (arrows)
      const order = await tabThrough(page, 'Opslaan', { 6: '4', 7: 'n', 17: '5', 23: '3' });
      expect(order.slice(0, 3)).toEqual([4, 5, 6]);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order[order.length - 1]).toBe(56);
      await loaded(page, () => page.keyboard.press('Enter'));
      await check('form with errors');
      await expect.poll(async () => (await focus(page)).question).toBe(1);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(mark);
      await tabThrough(page, 'Opslaan');
      await loaded(page, () => page.keyboard.press('Enter'));

      // question 23 belongs to a block question 3 skips: pointed out, then saved without it
      await check('routing warning');
      await expect.poll(() => page.locator('#error-summary').textContent()).toContain('Vraag 23');
      await expect.poll(async () => (await focus(page)).id).toBe('error-summary');
      await tabThrough(page, 'Opslaan zonder deze antwoorden');
      await loaded(page, () => page.keyboard.press('Enter'));
      await check('saved');
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Niet bewaard door de routing: vraag 23.');
      await expect.poll(async () => (await focus(page)).id).toBe('code');

      const rows = await sql<{ item_key: string; value_num: number | null; not_applicable: boolean }>`
        select a.item_key, a.value_num, a.not_applicable from answers a
        where a.response_id = (select m.response_id from answers m join responses r on r.id = m.response_id
          where r.round_id = ${round.roundId} and r.channel = 'paper' and r.status = 'completed'
            and m.item_key = 'algemeen.cijfer' and m.value_num = ${Number(mark)})
        order by a.item_key`.execute(t.database.db);
      const byKey = new Map(rows.rows.map((r) => [r.item_key, r]));
      expect(byKey.get('algemeen.cijfer')?.value_num).toBe(Number(mark));
      expect(byKey.get('situatie.intake')?.value_num).toBe(1);
      expect(byKey.get('situatie.inkomensconsulent')?.value_num).toBe(0);
      expect(byKey.get('balie.bejegening')?.value_num).toBe(4);
      expect(byKey.get('balie.wachttijd')?.not_applicable).toBe(true);
      expect(byKey.get('intake.rechten_plichten')?.value_num).toBe(5);
      expect(byKey.has('inkomensconsulent.afspraken')).toBe(false);

      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
      await context.close();
    }, 120_000);

    it('shows the differences of double entry accessibly, settled by keyboard', async () => {
      const doubleRound = await createFieldworkRound(t.database.db, t.orgA, { codes: 1, name: `Dubbel ${width}` });
      await changeDoubleEntry(t.database.db, { organisationId: t.orgA, roundId: doubleRound.roundId, on: true });
      const code = doubleRound.codes[0]!;
      const typeForm = async (email: string, mark: string) => {
        const context = await browser.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        await signInByKeyboard(page, email);
        await page.goto(`${base}/rounds/${doubleRound.roundId}/entry`);
        await expect.poll(async () => (await focus(page)).id).toBe('code');
        await page.keyboard.type(code);
        await loaded(page, () => page.keyboard.press('Enter'));
        await expect.poll(async () => (await focus(page)).question).toBe(1);
        await page.keyboard.type(mark);
        await tabThrough(page, 'Opslaan');
        await loaded(page, () => page.keyboard.press('Enter'));
        return page;
      };
      await (await typeForm('administrator@alfa.nl', '6')).context().close();
      const page = await typeForm('researcher@alfa.nl', '5');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Verschillen tussen de twee invoeren');
      expect(await axeViolations(page)).toEqual([]);
      expect(await pageOverflow(page)).toBe(0);
      // focus is on "first entry" of question 1; the arrow picks the second entry
      await expect.poll(async () => (await focus(page)).id).toBe('diff-algemeen-cijfer-first');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await loaded(page, () => page.keyboard.press('Enter'));
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('De verschillen zijn opgelost.');
      const stored = await sql<{ value_num: number }>`
        select a.value_num from answers a join responses r on r.id = a.response_id
        where r.round_id = ${doubleRound.roundId} and a.item_key = 'algemeen.cijfer'`.execute(t.database.db);
      expect(stored.rows).toEqual([{ value_num: 5 }]);
      await page.context().close();
    }, 120_000);
  });
}
