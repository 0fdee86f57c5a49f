import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompletedResponses, type AnswerInput } from '../../src/db/response-store.ts';
import { withSystem, withTenant } from '../../src/db/tenant-transaction.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// The improvement plan through the pages: a closed 2025 round declared the baseline, a focus
// point linked to items, measures (one overdue), changes and deletions after confirmation,
// read-only roles, another organisation; then the 2026 round shows the effect.
//
// Hand-worked effect (Holm over the two tested items, m = 2):
// telefoon.bereikbaarheid: 20 of 50 agree → 35 of 50: +30 procentpunt, z = 3,0151,
//   p = 0,002569, adjusted 0,005138 → significant hoger.
// algemeen.cijfer: 25 × 6 and 25 × 8 in both rounds: mean 7,0 → 7,0, p = 1 → geen significant verschil.
// balie.wachttijd: 50 answers at the baseline, 9 now: under 10, not shown and not tested.

let t: TestApp;
let baseline: string;
let later: string;

async function fill(round: string, answers: AnswerInput[][]): Promise<void> {
  await withTenant(t.database.db, t.orgA, (tx) => insertCompletedResponses(tx, t.orgA, round, answers.map((list) => ({
    id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-11-02', completedOn: '2026-11-03', answers: list,
  }))));
}

const agreeValues = (counts: Record<number, number>) => Object.entries(counts).flatMap(([v, c]) => Array.from({ length: c }, () => Number(v)));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  baseline = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2025' })).roundId;
  const phone2025 = agreeValues({ 4: 15, 5: 5, 2: 30 });
  await fill(baseline, phone2025.map((phone, i) => [
    { itemKey: 'telefoon.bereikbaarheid', valueNum: phone }, { itemKey: 'algemeen.cijfer', valueNum: i % 2 === 0 ? 6 : 8 }, { itemKey: 'balie.wachttijd', valueNum: 4 },
  ]));
  await withSystem(db, (tx) => sql`update rounds set year = 2025, status = 'closed' where id = ${baseline}`.execute(tx));
  later = (await createFieldworkRound(db, t.orgA, { name: 'KTO 2026' })).roundId;
  const phone2026 = agreeValues({ 4: 20, 5: 15, 1: 15 });
  await fill(later, phone2026.map((phone, i) => [
    { itemKey: 'telefoon.bereikbaarheid', valueNum: phone }, { itemKey: 'algemeen.cijfer', valueNum: i % 2 === 0 ? 6 : 8 },
    ...(i < 9 ? [{ itemKey: 'balie.wachttijd', valueNum: 4 }] : []),
  ]));
});
afterAll(async () => t.close());

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn(email);
  return client;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const plan = (round: string) => `/rounds/${round}/plan`;
const ids = (body: string, pattern: RegExp) => [...body.matchAll(pattern)].map((m) => m[1]!);

describe('improvement plan', () => {
  it('refuses a round in fieldwork as baseline and starts a plan on a closed round after confirmation', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const fieldwork = await researcher.get(plan(later));
    expect(text(fieldwork.body)).toContain('Een plan van aanpak kan beginnen als het veldwerk van deze ronde gesloten is.');
    expect(fieldwork.body).not.toContain('/plan/start"');
    const refused = await researcher.post(`${plan(later)}/start`, { title: 'Te vroeg' });
    expect(refused.headers.location).toBe(plan(later));

    const empty = await researcher.get(plan(baseline));
    expect(text(empty.body)).toContain('Deze ronde heeft nog geen plan van aanpak.');
    expect(empty.body).toContain(`href="/rounds/${baseline}/plan/start"`);
    const confirm = await researcher.get(`${plan(baseline)}/start`);
    expect(text(confirm.body)).toContain('U maakt de uitkomsten van KTO 2025 de nulmeting.');
    expect(confirm.body).toContain('value="Plan van aanpak 2025"');

    const noTitle = await researcher.post(`${plan(baseline)}/start`, { title: '  ' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.body).toContain('<a class="utrecht-link" href="#title">Vul een naam voor het plan in.</a>');

    const started = await researcher.post(`${plan(baseline)}/start`, { title: 'Plan van aanpak 2025' });
    expect(started.headers.location).toBe(`${plan(baseline)}?done=started`);
    const page = await researcher.get(started.headers.location!);
    expect(text(page.body)).toContain('Het plan van aanpak is begonnen.');
    expect(text(page.body)).toContain('Plan van aanpak 2025 Nulmeting: KTO 2025');
    expect(text(page.body)).toContain('Er zijn nog geen speerpunten.');
    expect((await researcher.post(`${plan(baseline)}/start`, { title: 'Nog een' })).headers.location).toBe(`${plan(baseline)}?done=exists`);
  });

  it('adds a focus point with items chosen by module, and measures with owner, date and status; overdue ones say "Te laat"', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const form = await researcher.get(`${plan(baseline)}/focus-points/new`);
    expect(form.body).toContain(`href="/rounds/${baseline}/plan/focus-points/new?lang=en"`);
    expect(form.body).toContain('<legend class="utrecht-form-fieldset__legend">Eerste contact</legend>');
    expect(form.body).toContain('value="telefoon.bereikbaarheid"');
    expect(form.body).not.toContain('value="open.verbeterpunten"');
    expect(form.body).not.toContain('value="achtergrond.leeftijd"');

    const wrong = await researcher.post(`${plan(baseline)}/focus-points`, { title: '', items: ['bestaat.niet'] });
    expect(wrong.statusCode).toBe(400);
    expect(text(wrong.body)).toContain('Vul het speerpunt in.');
    expect(text(wrong.body)).toContain('Kies alleen vragen uit de lijst.');

    const saved = await researcher.post(`${plan(baseline)}/focus-points`, {
      title: 'Telefonische bereikbaarheid', description: 'Klanten komen moeilijk door.', items: ['telefoon.bereikbaarheid', 'algemeen.cijfer', 'balie.wachttijd'],
    });
    expect(saved.headers.location).toBe(`${plan(baseline)}?done=focus-saved`);
    const page = await researcher.get(plan(baseline));
    expect(text(page.body)).toContain('1. Telefonische bereikbaarheid');
    expect(text(page.body)).toContain('Als ik de gemeente bel, krijg ik snel iemand');
    const [focusId] = ids(page.body, /\/plan\/focus-points\/([0-9a-f-]{36})\/measures\/new/g);
    expect(focusId).toBeDefined();

    const badDate = await researcher.post(`${plan(baseline)}/focus-points/${focusId}/measures`, { description: 'Terugbelservice', owner: '', targetDate: '31-2-2026', status: 'planned', note: '' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('href="#targetDate">Vul de streefdatum in als dag-maand-jaar');
    expect(badDate.body).toContain('>Terugbelservice</textarea>');

    expect((await researcher.post(`${plan(baseline)}/focus-points/${focusId}/measures`, {
      description: 'Terugbelservice binnen één werkdag', owner: 'Teamleider Klantcontact', targetDate: '1-3-2020', status: 'in_progress', note: '',
    })).headers.location).toBe(`${plan(baseline)}?done=measure-saved`);
    expect((await researcher.post(`${plan(baseline)}/focus-points/${focusId}/measures`, {
      description: 'Meer lijnen in de ochtend', owner: 'Afdeling KCC', targetDate: '2099-12-31', status: 'planned', note: 'Na de verbouwing',
    })).statusCode).toBe(303);
    expect((await researcher.post(`${plan(baseline)}/focus-points/${focusId}/measures`, {
      description: 'Keuzemenu korter', owner: '', targetDate: '2020-01-15', status: 'done', note: '',
    })).statusCode).toBe(303);

    const withMeasures = text((await researcher.get(plan(baseline))).body);
    expect(withMeasures).toContain('Maatregelen over de streefdatum heen en nog niet klaar: 1.');
    // Ordered by target date; only the unfinished one past its date is late.
    expect(withMeasures).toContain('Keuzemenu korter Eigenaar — Streefdatum 15 jan 2020 Stand van zaken Klaar Wijzigen');
    expect(withMeasures).toContain('Terugbelservice binnen één werkdag Eigenaar Teamleider Klantcontact Streefdatum 1 mrt 2020 Stand van zaken Bezig Te laat Wijzigen');
    expect(withMeasures).toContain('Meer lijnen in de ochtend Na de verbouwing Eigenaar Afdeling KCC Streefdatum 31 dec 2099 Stand van zaken Gepland Wijzigen');
  });

  it('changes a measure and a focus point, and deletes only after a confirmation page', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const page = await researcher.get(plan(baseline));
    const measureIds = ids(page.body, /\/plan\/measures\/([0-9a-f-]{36})\/edit/g);
    expect(measureIds).toHaveLength(3);
    const late = measureIds[1]!;
    const edit = await researcher.get(`${plan(baseline)}/measures/${late}/edit`);
    expect(edit.body).toContain('value="2020-03-01"');
    expect(edit.body).toContain('<option value="in_progress" selected>Bezig</option>');
    expect((await researcher.post(`${plan(baseline)}/measures/${late}/edit`, {
      description: 'Terugbelservice binnen één werkdag', owner: 'Teamleider Klantcontact', targetDate: '2020-03-01', status: 'done', note: 'Sinds maart',
    })).headers.location).toBe(`${plan(baseline)}?done=measure-saved`);
    const after = text((await researcher.get(plan(baseline))).body);
    expect(after).not.toContain('Te laat');
    expect(after).toContain('Terugbelservice binnen één werkdag Sinds maart Eigenaar Teamleider Klantcontact Streefdatum 1 mrt 2020 Stand van zaken Klaar Wijzigen');

    const [focusId] = ids(page.body, /\/plan\/focus-points\/([0-9a-f-]{36})\/edit/g);
    const focusForm = await researcher.get(`${plan(baseline)}/focus-points/${focusId}/edit`);
    expect(focusForm.body).toMatch(/value="telefoon.bereikbaarheid" checked/);
    expect(focusForm.body).not.toMatch(/value="balie.bejegening" checked/);

    const remove = measureIds[2]!;
    const confirm = await researcher.get(`${plan(baseline)}/measures/${remove}/delete`);
    expect(text(confirm.body)).toContain('Wilt u de maatregel "Meer lijnen in de ochtend" verwijderen?');
    expect(text((await researcher.get(plan(baseline))).body)).toContain('Meer lijnen in de ochtend');
    expect((await researcher.post(`${plan(baseline)}/measures/${remove}/delete`, {})).headers.location).toBe(`${plan(baseline)}?done=measure-deleted`);
    expect(text((await researcher.get(plan(baseline))).body)).not.toContain('Meer lijnen in de ochtend');
    expect((await researcher.post(`${plan(baseline)}/measures/${remove}/delete`, {})).statusCode).toBe(404);

    // A second focus point, deleted with its measure after confirmation.
    await researcher.post(`${plan(baseline)}/focus-points`, { title: 'Wachttijd aan de balie', description: '', items: ['balie.wachttijd'] });
    const two = await researcher.get(plan(baseline));
    const second = ids(two.body, /\/plan\/focus-points\/([0-9a-f-]{36})\/delete/g)[1]!;
    await researcher.post(`${plan(baseline)}/focus-points/${second}/measures`, { description: 'Afsprakenbalie', owner: '', targetDate: '', status: 'planned', note: '' });
    const confirmFocus = await researcher.get(`${plan(baseline)}/focus-points/${second}/delete`);
    expect(text(confirmFocus.body)).toContain('Wilt u het speerpunt "Wachttijd aan de balie" verwijderen? Ook de maatregelen bij dit speerpunt worden verwijderd (1).');
    expect((await researcher.post(`${plan(baseline)}/focus-points/${second}/delete`, {})).headers.location).toBe(`${plan(baseline)}?done=focus-deleted`);
    const one = text((await researcher.get(plan(baseline))).body);
    expect(one).not.toContain('Wachttijd aan de balie');
    expect(one).not.toContain('Afsprakenbalie');
  });

  it('lets viewers and council members read but not change; another organisation gets 404', async () => {
    const researcherPage = await (await signedIn('researcher@alfa.nl')).get(plan(baseline));
    const [measureId] = ids(researcherPage.body, /\/plan\/measures\/([0-9a-f-]{36})\/edit/g);
    const [focusId] = ids(researcherPage.body, /\/plan\/focus-points\/([0-9a-f-]{36})\/edit/g);
    for (const email of ['viewer@alfa.nl', 'council@alfa.nl']) {
      const reader = await signedIn(email);
      const page = await reader.get(plan(baseline));
      expect(page.statusCode).toBe(200);
      expect(text(page.body)).toContain('Terugbelservice binnen één werkdag');
      expect(page.body).not.toContain('/edit"');
      expect(page.body).not.toContain('Speerpunt toevoegen');
      expect(page.body).not.toContain('name="published"');
      expect((await reader.post(`${plan(baseline)}/focus-points`, { title: 'Nee' })).statusCode).toBe(403);
      expect((await reader.post(`${plan(baseline)}/measures/${measureId}/delete`, {})).statusCode).toBe(403);
    }
    const other = await signedIn('researcher@beta.nl');
    expect((await other.get(plan(baseline))).statusCode).toBe(404);
    expect((await other.get(`${plan(baseline)}/measures/${measureId}/edit`)).statusCode).toBe(404);
    expect((await other.post(`${plan(baseline)}/measures/${measureId}/delete`, {})).statusCode).toBe(404);
    expect((await other.post(`${plan(baseline)}/focus-points/${focusId}/edit`, { title: 'Overgenomen' })).statusCode).toBe(404);
    expect((await other.post(`${plan(baseline)}/start`, { title: 'X' })).statusCode).toBe(404);
    expect(text((await (await signedIn('researcher@alfa.nl')).get(plan(baseline))).body)).toContain('Terugbelservice binnen één werkdag');
  });

  it('shows the effect per focus point in the later round, as the report words it', async () => {
    const viewer = await signedIn('viewer@alfa.nl');
    const page = await viewer.get(plan(later));
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    expect(body).toContain('Effect van het plan: Plan van aanpak 2025');
    expect(body).toContain('Nulmeting: KTO 2025.');
    expect(body).toContain('Het veldwerk van deze ronde loopt nog: de uitkomsten zijn voorlopig.');
    expect(body).toContain('Als ik de gemeente bel, krijg ik snel iemand aan de telefoon. Nulmeting 40% eens (n = 50) Nu 70% eens (n = 50) Verschil +30 procentpunt Oordeel significant hoger');
    expect(body).toMatch(/Welk rapportcijfer geeft u de gemeente[^?]*\? Nulmeting 7,0 \(n = 50\) Nu 7,0 \(n = 50\) Verschil 0,0 Oordeel geen significant verschil/);
    expect(body).toContain('Ik hoef aan de balie niet lang te wachten. Nulmeting 100% eens (n = 50) Nu te weinig antwoorden (n = 9) Verschil — Oordeel niet te toetsen');
    expect(page.body).toContain(`href="/rounds/${baseline}/plan">Maatregelen bijwerken bij de nulmeting`);
    expect(body).not.toContain('U kunt ook deze ronde de nulmeting maken');
    const english = text((await viewer.get(`${plan(later)}?lang=en`)).body);
    expect(english).toContain('Effect of the plan: Plan van aanpak 2025');
    expect(english).toContain('Baseline 40% agree (n = 50) Now 70% agree (n = 50) Difference +30 percentage points Verdict significantly higher');
    expect(english).toContain('Baseline 7.0 (n = 50) Now 7.0 (n = 50) Difference 0.0 Verdict no significant difference');
    // A researcher may make the later round a new baseline once its fieldwork is closed.
    const researcher = text((await (await signedIn('researcher@alfa.nl')).get(plan(later))).body);
    expect(researcher).toContain('U kunt ook deze ronde de nulmeting maken voor een nieuw plan. Een plan van aanpak kan beginnen als het veldwerk van deze ronde gesloten is.');
  });

  it('shows a published plan on the public page without owners or notes', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    await withSystem(t.database.db, (tx) => sql`update rounds set status = 'published' where id = ${baseline}`.execute(tx));
    const before = await t.app.inject({ method: 'GET', url: `/p/alfa/${baseline}` });
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain('Wat gaan we verbeteren?');
    await researcher.get(plan(baseline));
    expect((await researcher.post(`${plan(baseline)}/publication`, { published: '1' })).headers.location).toBe(`${plan(baseline)}?done=published`);
    expect(text((await researcher.get(`${plan(baseline)}?done=published`)).body)).toContain('Opgeslagen: het plan staat wel op de openbare pagina.');
    const after = text((await t.app.inject({ method: 'GET', url: `/p/alfa/${baseline}` })).body);
    expect(after).toContain('Wat gaan we verbeteren?');
    expect(after).toContain('1. Telefonische bereikbaarheid');
    expect(after).toContain('Terugbelservice binnen één werkdag 1 mrt 2020 Klaar');
    expect(after).not.toContain('Teamleider Klantcontact');
    expect(after).not.toContain('Sinds maart');
    await researcher.post(`${plan(baseline)}/publication`, {});
    expect((await t.app.inject({ method: 'GET', url: `/p/alfa/${baseline}` })).body).not.toContain('Wat gaan we verbeteren?');
  });
});
