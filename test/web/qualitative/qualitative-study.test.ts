import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCodebook } from '../../../src/app/open-answers/codebook.ts';
import { saveFocusPoint, saveMeasure, startPlan } from '../../../src/app/plan/change-plan.ts';
import { createRound } from '../../../src/app/round-design.ts';
import { ensureStandardQuestionnaire } from '../../../src/app/ensure-standard-questionnaire.ts';
import { writeCoding } from '../../../src/db/open-answer-store.ts';
import { insertCompletedResponses } from '../../../src/db/response-store.ts';
import { setRoundStatus } from '../../../src/db/round-store.ts';
import { withTenant } from '../../../src/db/tenant-transaction.ts';
import { docx } from '../../domain/qualitative/document-builder.ts';
import { releaseOpenAnswers } from '../../support/release-open-answers.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { UploadClient } from '../fieldwork/upload-client.ts';

// A qualitative study through the pages, worked by hand.
//
// The survey round "KTO 2026": 40 respondents answered "Wat kan beter?"; 12 were coded
// personal-situation (30 %), 8 waiting-times (20 %), nobody friendliness (0 %).
//
// Three conversations:
//   1 client (typed):        P1 personal-situation · P2 waiting-times · P3 friendliness, names "Mevrouw Jansen"
//   2 volunteer (a .docx):   P1 personal-situation · P2 telephone-reachability, holds a phone number
//   3 three clients (typed): P1 consultant-changes · P2 personal-situation
// So personal-situation came up in 3 of 3 conversations, the others in 1 of 3.
// Reviewed: 1/P1, 1/P2, 2/P1, 3/P1 approved; 1/P3 redacted ("[naam] van de balie ...");
// 2/P2 (phone number) and 3/P2 not reviewed: neither may appear outside the study's owner.

let t: TestApp;
let roundId: string;
let measureId: string;
let focusPointId: string;

const UNREVIEWED = 'Niemand keek naar onze persoonlijke situatie, ook niet na twee brieven.';
const PHONE = 'Bel me gerust op 06-12345678 als u meer wilt weten over de spreekuren.';
const CONVERSATION_1 = [
  'De klantmanager nam de tijd en keek naar mijn hele situatie, niet alleen naar de regels.',
  'Ik moest drie weken wachten op een antwoord over mijn uitkering.',
  'Mevrouw Jansen van de balie was erg vriendelijk.',
].join('\n\n');

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

async function signedIn(email: string): Promise<UploadClient> {
  const client = new UploadClient(t.app);
  await client.signIn(email);
  return client;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const standard = await ensureStandardQuestionnaire(db);
  await withTenant(db, t.orgA, (tx) => ensureCodebook(tx, t.orgA));
  const researcher = (await db.selectFrom('users').select('id').where('email', '=', 'researcher@alfa.nl').executeTakeFirstOrThrow()).id;
  roundId = randomUUID();
  const created = await createRound(db, { organisationId: t.orgA, actorId: null, id: roundId, sourceVersionId: standard.id, design: {
    name: 'KTO 2026', year: 2026, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: '2026-03-01', fieldworkEnd: '2026-04-01', access: 'codes',
  } });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const responses = Array.from({ length: 40 }, (_, i) => ({
    id: randomUUID(), channel: 'web' as const, language: 'nl', startedOn: '2026-03-02', completedOn: '2026-03-02',
    answers: [{ itemKey: 'open.verbeterpunten', valueText: `Antwoord ${i + 1}: meer aandacht voor mijn situatie` }],
  }));
  await withTenant(db, t.orgA, async (tx) => {
    await insertCompletedResponses(tx, t.orgA, roundId, responses);
    for (const [i, response] of responses.entries()) {
      const codes = [...(i < 12 ? ['personal-situation'] : []), ...(i >= 32 ? ['waiting-times'] : [])];
      await writeCoding(tx, { organisationId: t.orgA, roundId, responseId: response.id, itemKey: 'open.verbeterpunten', coder: 1 }, codes, researcher, '2026-05-01');
    }
    await setRoundStatus(tx, roundId, 'closed');
  });
  await releaseOpenAnswers(db, t.orgA, roundId, 'researcher@alfa.nl');
  const actor = { organisationId: t.orgA, userId: researcher };
  const plan = await startPlan(db, actor, roundId, 'Plan van aanpak 2026');
  if (!plan.ok) throw new Error('no plan');
  await saveFocusPoint(db, actor, roundId, null, { title: 'Persoonlijke aandacht', description: '', itemKeys: [] });
  focusPointId = (await db.selectFrom('focus_points').select('id').executeTakeFirstOrThrow()).id;
  await saveMeasure(db, actor, roundId, { focusPointId }, { description: 'Vaste klantmanager per huishouden', owner: 'Teamleider Inkomen', targetDate: '2027-03-01', status: 'planned', note: '' });
  measureId = (await db.selectFrom('measures').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

let studyId: string;
const passagesOf = async () => t.database.db.selectFrom('study_passages as p').innerJoin('study_conversations as c', 'c.id', 'p.conversation_id')
  .select(['p.id', 'p.text', 'p.coded', 'p.codes', 'p.review', 'c.number', 'p.position']).where('p.study_id', '=', studyId).orderBy('c.number').orderBy('p.position').execute();
const passage = async (number: number, position: number) => (await passagesOf()).find((p) => p.number === number && p.position === position)!;

describe('a qualitative study', () => {
  it('is described with checked fields and linked to a round', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const form = await researcher.get('/studies/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${roundId}" selected>KTO 2026 (2026)</option>`);
    const empty = await researcher.post('/studies/new', { kind: 'interviews', title: ' ', purpose: '', recruitment: '', periodFrom: '2026-02-30', roundId });
    expect(empty.statusCode).toBe(400);
    const summary = text(empty.body);
    for (const message of ['Vul de naam van het onderzoek in', 'Beschrijf het doel van het onderzoek', 'Beschrijf hoe de deelnemers gevonden zijn',
      'Vul de datum van het eerste gesprek in als jjjj-mm-dd', 'Vul in met hoeveel mensen is gesproken']) expect(summary).toContain(message);
    expect(empty.body).toContain('href="#participants"');
    const order = await researcher.post('/studies/new', {
      kind: 'interviews', title: 'Gesprekken', purpose: 'Doel', recruitment: 'Werving', periodFrom: '2026-06-10', periodTo: '2026-06-01', 'participants-client': '8',
    });
    expect(text(order.body)).toContain('Het laatste gesprek kan niet vóór het eerste zijn.');

    const saved = await researcher.post('/studies/new', {
      kind: 'interviews', title: 'Gesprekken bij de spreekuren', purpose: 'Horen wat mensen met een laag inkomen meemaken.',
      recruitment: 'Via de vrijwilligers van de spreekuren.', periodFrom: '2026-05-01', periodTo: '2026-06-15',
      'participants-client': '8', 'participants-volunteer': '10', roundId, onPublicPage: 'yes',
    });
    expect(saved.statusCode).toBe(303);
    studyId = /\/studies\/([0-9a-f-]{36})\?done=created/.exec(saved.headers.location as string)![1]!;
    const row = await t.database.db.selectFrom('qualitative_studies').selectAll().where('id', '=', studyId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ owner_kind: 'organisation', kind: 'interviews', round_id: roundId, on_public_page: true, participants: { client: 8, volunteer: 10 } });
  });

  it('records conversations typed and uploaded, refusing a bad file without storing anything', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    await researcher.get(`/studies/${studyId}/conversations/new`);
    const first = await researcher.upload(`/studies/${studyId}/conversations/new`, null, researcher.csrf, { participantKind: 'client', people: '1', heldOn: '2026-05-04', summary: CONVERSATION_1 });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/studies/${studyId}?done=conversation-saved&count=3`);

    const pdf = await researcher.upload(`/studies/${studyId}/conversations/new`, { name: 'verslag.pdf', bytes: new TextEncoder().encode('%PDF-1.7 ...'), type: 'application/pdf' }, researcher.csrf,
      { participantKind: 'volunteer', people: '1', heldOn: '', summary: '' });
    expect(pdf.statusCode).toBe(400);
    expect(text(pdf.body)).toContain('Sla het bestand op als .docx, .odt of platte tekst');
    expect(pdf.body).toContain('href="#file"');

    const file = docx(`<w:p><w:r><w:t>Cliënten vertellen dat er geen rekening wordt gehouden met hun persoonlijke omstandigheden.</w:t></w:r></w:p><w:p><w:r><w:t>${PHONE}</w:t></w:r></w:p>`);
    const second = await researcher.upload(`/studies/${studyId}/conversations/new`, { name: 'gesprek vrijwilliger.docx', bytes: file, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      researcher.csrf, { participantKind: 'volunteer', people: '1', heldOn: '', summary: '' });
    expect(second.headers.location).toBe(`/studies/${studyId}?done=conversation-saved&count=2`);
    const noKind = await researcher.upload(`/studies/${studyId}/conversations/new`, null, researcher.csrf, { participantKind: 'Piet', people: '0', heldOn: '', summary: 'x' });
    expect(text(noKind.body)).toContain('Kies met wie het gesprek was.');
    expect(text(noKind.body)).toContain('Vul het aantal personen in als heel getal van 1 tot 99.');
    const third = await researcher.upload(`/studies/${studyId}/conversations/new`, null, researcher.csrf,
      { participantKind: 'client', people: '3', heldOn: '', summary: `Wij kregen elke keer een andere consulent.\n\n${UNREVIEWED}` });
    expect(third.statusCode).toBe(303);

    const conversations = await t.database.db.selectFrom('study_conversations').select(['number', 'participant_kind', 'source', 'people']).where('study_id', '=', studyId).orderBy('number').execute();
    expect(conversations).toEqual([
      { number: 1, participant_kind: 'client', source: 'typed', people: 1 },
      { number: 2, participant_kind: 'volunteer', source: 'docx', people: 1 },
      { number: 3, participant_kind: 'client', source: 'typed', people: 3 },
    ]);
    expect((await passagesOf()).map((p) => `${p.number}.${p.position}`)).toEqual(['1.0', '1.1', '1.2', '2.0', '2.1', '3.0', '3.1']);
    expect((await passage(2, 1)).text).toBe(PHONE);
  });

  it('codes passages with the codebook on the open answers\' screen', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const screen = await researcher.get(`/studies/${studyId}/code`);
    expect(screen.body).toContain('data-shortcuts="on"');
    expect(screen.body).toContain('<kbd>1</kbd>');
    expect(text(screen.body)).toContain('Passage 1 van 7');
    const plan: [number, number, string[]][] = [
      [1, 0, ['personal-situation']], [1, 1, ['waiting-times']], [1, 2, ['friendliness']],
      [2, 0, ['personal-situation']], [2, 1, ['telephone-reachability']], [3, 0, ['consultant-changes']], [3, 1, ['personal-situation']],
    ];
    for (const [number, position, codes] of plan) {
      const saved = await researcher.post(`/studies/${studyId}/code`, { passageId: (await passage(number, position)).id, codes, action: 'save', filter: 'uncoded' });
      expect(saved.statusCode).toBe(303);
    }
    const unknown = await researcher.post(`/studies/${studyId}/code`, { passageId: (await passage(1, 0)).id, codes: ['no-such-code'], action: 'save', filter: 'all' });
    expect(unknown.statusCode).toBe(400);
    expect((await passagesOf()).map((p) => p.codes)).toEqual(plan.map(([, , codes]) => codes));
    expect(text((await researcher.get(`/studies/${studyId}/code`)).body)).toContain('Alle passages in deze selectie zijn gecodeerd.');
  });

  it('reviews passages by the open answers\' rule: a passage with personal data only redacted', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const page = await researcher.get(`/studies/${studyId}/review`);
    expect(page.body).toContain('Mevrouw <mark>Jansen</mark>');
    expect(page.body).toContain('<mark>06-12345678</mark>');
    for (const [number, position] of [[1, 0], [1, 1], [2, 0], [3, 0]] as const) {
      const approved = await researcher.post(`/studies/${studyId}/review`, { passageId: (await passage(number, position)).id, decision: 'approved', redactedText: '' });
      expect(approved.statusCode).toBe(303);
    }
    const named = (await passage(1, 2)).id;
    const refused = await researcher.post(`/studies/${studyId}/review`, { passageId: named, decision: 'approved', redactedText: '' });
    expect(refused.statusCode).toBe(400);
    expect(text(refused.body)).toContain('De tekst bevat nog persoonsgegevens (naam)');
    const stillNamed = await researcher.post(`/studies/${studyId}/review`, { passageId: named, decision: 'redacted', redactedText: 'Meneer De Vries van de balie was erg vriendelijk.' });
    expect(stillNamed.statusCode).toBe(400);
    const redacted = await researcher.post(`/studies/${studyId}/review`, { passageId: named, decision: 'redacted', redactedText: '[naam] van de balie was erg vriendelijk.' });
    expect(redacted.statusCode).toBe(303);
    expect((await passagesOf()).map((p) => p.review)).toEqual(['approved', 'approved', 'redacted', 'approved', null, 'approved', null]);
  });

  it('adds recommendations: adopted ones name the focus point or measure, rejected ones say why', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const form = await researcher.get(`/studies/${studyId}/recommendations/new`);
    expect(form.body).toContain(`<option value="measure:${measureId}" >— Maatregel: Vaste klantmanager per huishouden</option>`);
    const unlinked = await researcher.post(`/studies/${studyId}/recommendations/new`, { text: 'Geef elk huishouden één vaste klantmanager.', codes: ['personal-situation', 'consultant-changes'], status: 'adopted', planLink: '', response: '' });
    expect(unlinked.statusCode).toBe(400);
    expect(text(unlinked.body)).toContain('Kies het speerpunt of de maatregel waarin de aanbeveling is overgenomen.');
    const linked = await researcher.post(`/studies/${studyId}/recommendations/new`, { text: 'Geef elk huishouden één vaste klantmanager.', codes: ['personal-situation', 'consultant-changes'], status: 'adopted', planLink: `measure:${measureId}`, response: '' });
    expect(linked.statusCode).toBe(303);
    const noReason = await researcher.post(`/studies/${studyId}/recommendations/new`, { text: 'Open de balie ook op zaterdag.', codes: ['waiting-times'], status: 'not-adopted', planLink: '', response: ' ' });
    expect(text(noReason.body)).toContain('Leg uit waarom de aanbeveling niet is overgenomen.');
    const rejected = await researcher.post(`/studies/${studyId}/recommendations/new`, { text: 'Open de balie ook op zaterdag.', codes: ['waiting-times'], status: 'not-adopted', planLink: '', response: 'Er is geen budget voor extra openingstijden; de wachttijd aan de telefoon gaat eerst.' });
    expect(rejected.statusCode).toBe(303);
    const foreign = await researcher.post(`/studies/${studyId}/recommendations/new`, { text: 'x', codes: [], status: 'adopted', planLink: `focus:${randomUUID()}`, response: '' });
    expect(text(foreign.body)).toContain('Kies een speerpunt of maatregel uit de lijst.');
    const rows = await t.database.db.selectFrom('study_recommendations').select(['number', 'status', 'measure_id', 'focus_point_id', 'code_keys']).where('study_id', '=', studyId).orderBy('number').execute();
    expect(rows).toEqual([
      { number: 1, status: 'adopted', measure_id: measureId, focus_point_id: null, code_keys: ['personal-situation', 'consultant-changes'] },
      { number: 2, status: 'not-adopted', measure_id: null, focus_point_id: null, code_keys: ['waiting-times'] },
    ]);
  });

  it('shows the chapter in the report with the caveat, themes beside the survey, and reviewed passages only', async () => {
    const viewer = await signedIn('viewer@alfa.nl');
    const report = text((await viewer.get(`/rounds/${roundId}/report`)).body);
    const document = text((await viewer.get(`/rounds/${roundId}/report/document`)).body);
    for (const page of [report, document]) {
      expect(page).toContain('Kwalitatief onderzoek: Gesprekken bij de spreekuren');
      expect(page).toContain('Let op: dit is een kleine groep mensen die zelf wilde meedoen of gevraagd is.');
      expect(page).toContain('Cliënten: 8 · Vrijwilligers: 10');
      expect(page).toMatch(/Persoonlijke situatie[^|]*? 3 van 3 30% van 40 antwoorden/i);
      expect(page).toContain('1 van 3 20% van 40 antwoorden');
      expect(page).toContain('De klantmanager nam de tijd en keek naar mijn hele situatie');
      expect(page).toContain('[naam] van de balie was erg vriendelijk.');
      expect(page).toContain('Overgenomen in het plan van aanpak');
      expect(page).toContain('In het plan van aanpak: speerpunt “Persoonlijke aandacht”');
      expect(page).toContain('Maatregel: Vaste klantmanager per huishouden · eigenaar Teamleider Inkomen · streefdatum 1 mrt 2027 · Gepland');
      expect(page).toContain('Er is geen budget voor extra openingstijden');
      expect(page).not.toContain('Jansen');
      expect(page).not.toContain('06-12345678');
      expect(page).not.toContain('Niemand keek naar onze persoonlijke situatie');
    }
  });

  it('exports the coded passages as CSV with the released text only', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const csv = await researcher.get(`/studies/${studyId}/passages.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toEqual([
      'gesprek,deelnemer,codes,beoordeling,tekst',
      '1,Cliënt,Rekening houden met persoonlijke situatie,Goedgekeurd,"De klantmanager nam de tijd en keek naar mijn hele situatie, niet alleen naar de regels."',
      '1,Cliënt,Wacht- en afhandeltijden,Goedgekeurd,Ik moest drie weken wachten op een antwoord over mijn uitkering.',
      '1,Cliënt,Vriendelijkheid en behulpzaamheid,Goedgekeurd met aangepaste tekst,[naam] van de balie was erg vriendelijk.',
      '2,Vrijwilliger,Rekening houden met persoonlijke situatie,Goedgekeurd,Cliënten vertellen dat er geen rekening wordt gehouden met hun persoonlijke omstandigheden.',
      '2,Vrijwilliger,Telefonische bereikbaarheid,niet beoordeeld,',
      '3,Cliënt,Minder wisselingen van klantmanager / vaste contactpersoon,Goedgekeurd,Wij kregen elke keer een andere consulent.',
      '3,Cliënt,Rekening houden met persoonlijke situatie,niet beoordeeld,',
    ]);
    expect(csv.body).not.toContain('Jansen');
    expect(csv.body).not.toContain('06-12345678');
    expect((await (await signedIn('researcher@beta.nl')).get(`/studies/${studyId}/passages.csv`)).statusCode).toBe(404);
  });

  it('shows the chapter on the public page of the published round only when the owner chose so', async () => {
    const publicPage = async () => text((await t.app.inject({ method: 'GET', url: `/p/alfa/${roundId}` })).body);
    await withTenant(t.database.db, t.orgA, (tx) => setRoundStatus(tx, roundId, 'published'));
    const shown = await publicPage();
    expect(shown).toContain('Kwalitatief onderzoek: Gesprekken bij de spreekuren');
    expect(shown).toContain('Let op: dit is een kleine groep mensen die zelf wilde meedoen of gevraagd is.');
    expect(shown).toContain('[naam] van de balie was erg vriendelijk.');
    expect(shown).not.toContain('Jansen');
    expect(shown).not.toContain('06-12345678');
    expect(shown).not.toContain('Niemand keek naar onze persoonlijke situatie');

    const researcher = await signedIn('researcher@alfa.nl');
    await researcher.get(`/studies/${studyId}/edit`);
    const hidden = await researcher.post(`/studies/${studyId}/edit`, {
      kind: 'interviews', title: 'Gesprekken bij de spreekuren', purpose: 'Horen wat mensen met een laag inkomen meemaken.',
      recruitment: 'Via de vrijwilligers van de spreekuren.', periodFrom: '2026-05-01', periodTo: '2026-06-15',
      'participants-client': '8', 'participants-volunteer': '10', roundId,
    });
    expect(hidden.statusCode).toBe(303);
    const without = await publicPage();
    expect(without).toContain('KTO 2026');
    expect(without).not.toContain('Gesprekken bij de spreekuren');
    expect(without).not.toContain('van de balie');
    await withTenant(t.database.db, t.orgA, (tx) => setRoundStatus(tx, roundId, 'closed'));
  });

  it('keeps the summaries to the study\'s owner: others read the chapter, change nothing', async () => {
    const viewer = await signedIn('viewer@alfa.nl');
    const page = await viewer.get(`/studies/${studyId}`);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('alleen beoordeelde passages');
    expect(page.body).not.toContain(UNREVIEWED.slice(0, 30));
    expect(page.body).not.toContain('Jansen');
    for (const url of ['code', 'review', 'edit', 'conversations/new', 'recommendations/new', 'delete']) expect((await viewer.get(`/studies/${studyId}/${url}`)).statusCode).toBe(403);
    expect((await viewer.post(`/studies/${studyId}/code`, { passageId: (await passage(3, 1)).id, codes: [] })).statusCode).toBe(403);
    const council = await signedIn('council@alfa.nl');
    expect((await council.post(`/studies/${studyId}/edit`, { kind: 'interviews', title: 'Overgenomen', purpose: 'x', recruitment: 'x', 'participants-client': '1' })).statusCode).toBe(403);
    expect((await council.get('/studies/new')).statusCode).toBe(200);
    const other = await signedIn('researcher@beta.nl');
    expect((await other.get(`/studies/${studyId}`)).statusCode).toBe(404);
    expect((await other.get('/studies')).body).not.toContain('Gesprekken bij de spreekuren');
  });

  it('keeps codes and review of unchanged paragraphs when a summary is edited', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const conversation = await t.database.db.selectFrom('study_conversations').select('id').where('study_id', '=', studyId).where('number', '=', 1).executeTakeFirstOrThrow();
    const before = await passage(1, 0);
    await researcher.get(`/studies/${studyId}/conversations/${conversation.id}`);
    const edited = await researcher.upload(`/studies/${studyId}/conversations/${conversation.id}`, null, researcher.csrf,
      { participantKind: 'client', people: '1', heldOn: '2026-05-04', summary: `${CONVERSATION_1}\n\nDe brief was moeilijk te lezen.` });
    expect(edited.headers.location).toBe(`/studies/${studyId}?done=conversation-saved&count=4`);
    const after = (await passagesOf()).filter((p) => p.number === 1);
    expect(after.map((p) => [p.coded, p.review])).toEqual([[true, 'approved'], [true, 'approved'], [true, 'redacted'], [false, null]]);
    expect(after[0]!.id).toBe(before.id);
  });

  it('approves the clean passages in one step, never one with personal data', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    await researcher.get(`/studies/${studyId}/review`);
    const bulk = await researcher.post(`/studies/${studyId}/review/approve-clean`, {});
    expect(bulk.headers.location).toBe(`/studies/${studyId}/review?done=bulk&count=1`);
    expect((await passage(3, 1)).review).toBe('approved');
    expect((await passage(2, 1)).review).toBeNull();
  });

  it('deletes a study only after confirmation', async () => {
    const researcher = await signedIn('researcher@alfa.nl');
    const confirm = await researcher.get(`/studies/${studyId}/delete`);
    expect(text(confirm.body)).toContain('U verwijdert het onderzoek met 3 gesprekken, hun codering en beoordeling, en 2 aanbevelingen.');
    const deleted = await researcher.post(`/studies/${studyId}/delete`, {});
    expect(deleted.headers.location).toBe('/studies?done=deleted');
    expect(await t.database.db.selectFrom('study_passages').select('id').where('study_id', '=', studyId).execute()).toEqual([]);
  });
});
