import { sql, type Kysely, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashAccessCode } from '../../src/app/access-code-hash.ts';
import { demoAccessCodes, seedDemo, type SeedDemoResult } from '../../src/app/demo/seed-demo.ts';
import { VOORBEELDSTAD } from '../../src/app/demo/demo-organisations.ts';
import { generateResponses } from '../../src/app/demo/generate-responses.ts';
import { roundReport } from '../../src/app/round-report.ts';
import { openAnswerPoints } from '../../src/app/open-answers/open-answer-points.ts';
import { planOfRound } from '../../src/app/plan/plan-of-round.ts';
import { studyChaptersOfRound } from '../../src/app/qualitative/study-workspace.ts';
import { verifyPassword } from '../../src/app/passwords.ts';
import type { Database } from '../../src/db/connect.ts';
import type { DB } from '../../src/db/schema.ts';
import { normaliseAccessCode } from '../../src/domain/access-code.ts';
import type { Questionnaire } from '../../src/domain/questionnaire/questionnaire.ts';
import { createTestDatabase } from '../support/test-database.ts';

// Every figure here is computed with SQL straight from the tables, not with the generator, so
// the test checks what a report would see. The connection is the owner's (no tenant), to look
// across organisations.

let database: Database;
let db: Kysely<DB>;
let result: SeedDemoResult;

async function rows<T>(query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

async function one<T>(query: RawBuilder<T>): Promise<T> {
  const [row] = await rows(query);
  if (!row) throw new Error('no row');
  return row;
}

const roundId = async (slug: string, year: number): Promise<string> =>
  (await one(sql<{ id: string }>`
    select r.id from rounds r join organisations o on o.id = r.organisation_id
    where o.slug = ${slug} and r.year = ${year}`)).id;

interface ItemStats { item_key: string; n: number; mean: number; variance: number }

const itemStats = (round: string): Promise<ItemStats[]> =>
  rows(sql<ItemStats>`
    select a.item_key, count(*) as n, avg(a.value_num) as mean, var_samp(a.value_num) as variance
    from answers a join responses p on p.id = a.response_id
    where a.round_id = ${round} and p.status = 'completed' and a.value_num is not null
    group by a.item_key having count(*) > 1`);

const markStats = (round: string, key: string) =>
  one(sql<{ n: number; mean: number; fail: number }>`
    select count(*) as n, avg(a.value_num) as mean, avg(case when a.value_num <= 5 then 1.0 else 0 end) as fail
    from answers a join responses p on p.id = a.response_id
    where a.round_id = ${round} and a.item_key = ${key} and p.status = 'completed' and a.value_num is not null`);

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const started = performance.now();
  result = await seedDemo(db);
  console.log(`Demo seeded on ${database.kind} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}, 240_000);

afterAll(async () => {
  await database?.close();
});

describe('seedDemo', () => {
  it('creates eight organisations with their users and reports the demo sign-in', async () => {
    expect(result).toEqual({ created: true, signIn: { email: 'onderzoeker@voorbeeldstad.nl', password: 'klantstem-demo' } });
    expect(result.signIn.password.length).toBeGreaterThanOrEqual(12);
    const organisations = await rows(sql<{ slug: string }>`select slug from organisations order by slug`);
    expect(organisations).toHaveLength(8);
    const members = await rows(sql<{ email: string; role: string }>`
      select u.email, m.role from memberships m join users u on u.id = m.user_id
      join organisations o on o.id = m.organisation_id where o.slug = 'voorbeeldstad' order by u.email`);
    expect(members).toEqual([
      { email: 'beheerder@voorbeeldstad.nl', role: 'administrator' },
      { email: 'clientenraad@voorbeeldstad.nl', role: 'council' },
      { email: 'onderzoeker@voorbeeldstad.nl', role: 'researcher' },
      { email: 'wethouder@voorbeeldstad.nl', role: 'viewer' },
    ]);
    const organiser = await one(sql<{ is_benchmark_organiser: boolean; memberships: number; password_hash: string }>`
      select u.is_benchmark_organiser, u.password_hash,
        (select count(*) from memberships m where m.user_id = u.id) as memberships
      from users u where u.email = 'benchmark@divosa-demo.nl'`);
    expect(organiser.is_benchmark_organiser).toBe(true);
    expect(organiser.memberships).toBe(0);
    expect(await verifyPassword(organiser.password_hash, 'klantstem-demo')).toBe(true);
    for (const { slug } of organisations.filter((o) => o.slug !== 'voorbeeldstad')) {
      const member = await rows(sql`
        select 1 from memberships m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
        where o.slug = ${slug} and u.email = ${`onderzoeker@${slug}.nl`}`);
      expect(member, slug).toHaveLength(1);
    }
  });

  it.each([2024, 2025])('closes Voorbeeldstad %i with a realistic response', async (year) => {
    const round = await roundId('voorbeeldstad', year);
    const facts = await one(sql<{ status: string; fieldwork_start: string | null; completed: number; delivered: number; completed_codes: number }>`
      select r.status, r.fieldwork_start,
        (select count(*) from responses p where p.round_id = r.id and p.status = 'completed') as completed,
        (select count(*) from access_codes c where c.round_id = r.id and c.delivered) as delivered,
        (select count(*) from access_codes c where c.round_id = r.id and c.state = 'completed') as completed_codes
      from rounds r where r.id = ${round}`);
    expect(facts.status).toBe('closed');
    expect(facts.fieldwork_start).toMatch(new RegExp(`^${year}-`));
    expect(facts.completed).toBeGreaterThanOrEqual(250);
    expect(facts.completed).toBeLessThanOrEqual(400);
    expect(facts.completed_codes).toBe(facts.completed);
    expect(facts.completed / facts.delivered).toBeGreaterThan(0.24);
    expect(facts.completed / facts.delivered).toBeLessThan(0.3);

    const overall = await markStats(round, 'algemeen.cijfer');
    expect(overall.mean).toBeGreaterThan(6.8);
    expect(overall.mean).toBeLessThan(7.2);
    expect(overall.fail).toBeGreaterThan(0.1);
    expect(overall.fail).toBeLessThan(0.15);
    const work = await markStats(round, 'werk.cijfer');
    expect(work.mean).toBeGreaterThan(5.6);
    expect(work.mean).toBeLessThan(6.2);

    const outside = await one(sql<{ n: number }>`
      select count(*) as n from responses p join rounds r on r.id = p.round_id
      where p.round_id = ${round} and (p.completed_on not between r.fieldwork_start and r.fieldwork_end
        or p.started_on > p.completed_on or p.started_on < r.fieldwork_start)`);
    expect(outside.n).toBe(0);
  });

  it('has items that changed significantly from 2024 to 2025 (Welch t)', async () => {
    const before = new Map((await itemStats(await roundId('voorbeeldstad', 2024))).map((s) => [s.item_key, s]));
    const after = await itemStats(await roundId('voorbeeldstad', 2025));
    const t = new Map(after.flatMap((b) => {
      const a = before.get(b.item_key);
      return a ? [[b.item_key, (b.mean - a.mean) / Math.sqrt(a.variance / a.n + b.variance / b.n)] as const] : [];
    }));
    expect([...t.values()].some((value) => Math.abs(value) > 2)).toBe(true);
    expect(t.get('telefoon.bereikbaarheid')).toBeGreaterThan(2);
    expect(t.get('balie.wachttijd')).toBeLessThan(-2);
    expect(Math.abs(t.get('algemeen.cijfer')!)).toBeLessThan(2);
  });

  it('respects routing: routed blocks only for those who said yes', async () => {
    const routes = [
      ['intake.%', 'situatie.intake'],
      ['inkomensconsulent.%', 'situatie.inkomensconsulent'],
      ['werk.%', 'situatie.werk'],
      ['schuldhulp.%', 'situatie.schuldhulp'],
      ['minima.aanvraag%', 'minima.aangevraagd'],
    ] as const;
    for (const [block, condition] of routes) {
      const counts = await one(sql<{ routed: number; wrong: number }>`
        select count(*) as routed, count(*) filter (where not exists (
          select 1 from answers s where s.response_id = a.response_id and s.item_key = ${condition} and s.value_num = 1
        )) as wrong
        from answers a where a.item_key like ${block} and a.item_key <> ${condition}`);
      expect(counts.wrong, block).toBe(0);
      expect(counts.routed, block).toBeGreaterThan(0);
    }
  });

  it('uses "niet van toepassing" only where allowed, and for 5-15 % there', async () => {
    const round = await roundId('voorbeeldstad', 2025);
    const version = await one(sql<{ definition: Questionnaire }>`
      select v.definition from questionnaire_versions v join rounds r on r.questionnaire_version_id = v.id where r.id = ${round}`);
    const allowed = new Set(version.definition.blocks.flatMap((b) => b.items).filter((i) => i.allowNotApplicable).map((i) => i.key));
    const shares = await rows(sql<{ item_key: string; share: number }>`
      select item_key, avg(case when not_applicable then 1.0 else 0 end) as share
      from answers where round_id = ${round} group by item_key`);
    for (const { item_key, share } of shares) {
      if (!allowed.has(item_key)) expect(share, item_key).toBe(0);
    }
    const allowedShares = shares.filter((s) => allowed.has(s.item_key)).map((s) => s.share);
    const average = allowedShares.reduce((sum, s) => sum + s, 0) / allowedShares.length;
    expect(average).toBeGreaterThan(0.05);
    expect(average).toBeLessThan(0.15);
  });

  it('mixes channels and languages and has open answers without personal data', async () => {
    const mix = await one(sql<{ web: number; paper: number; phone: number; english: number; plus: number; improve: number }>`
      select avg(case when channel = 'web' then 1.0 else 0 end) as web,
        avg(case when channel = 'paper' then 1.0 else 0 end) as paper,
        avg(case when channel = 'phone' then 1.0 else 0 end) as phone,
        avg(case when language = 'en' then 1.0 else 0 end) as english,
        avg(case when exists (select 1 from answers a where a.response_id = p.id and a.item_key = 'open.pluspunten') then 1.0 else 0 end) as plus,
        avg(case when exists (select 1 from answers a where a.response_id = p.id and a.item_key = 'open.verbeterpunten') then 1.0 else 0 end) as improve
      from responses p where p.status = 'completed'`);
    expect(mix.web).toBeGreaterThan(0.6);
    expect(mix.web).toBeLessThan(0.8);
    expect(mix.paper).toBeGreaterThan(0.2);
    expect(mix.phone).toBeGreaterThan(0);
    expect(mix.english).toBeGreaterThan(0.01);
    expect(mix.english).toBeLessThan(0.2);
    for (const share of [mix.plus, mix.improve]) {
      expect(share).toBeGreaterThan(0.25);
      expect(share).toBeLessThan(0.55);
    }
    const texts = await rows(sql<{ value_text: string }>`select distinct value_text from answers where value_text is not null`);
    expect(texts.length).toBeGreaterThan(40);
    for (const { value_text } of texts) {
      expect(value_text).not.toMatch(/@|\d{4}\s?[A-Z]{2}\b|\d{6,}|https?:/);
    }
    // Nothing to join an answer to a person: no address file, no code-invitee links, and no
    // session row left for a completed response.
    const links = await one(sql<{ invitees: number; invitee_codes: number; completed_sessions: number }>`
      select (select count(*) from invitees) as invitees, (select count(*) from invitee_codes) as invitee_codes,
        (select count(*) from response_sessions s join responses p on p.id = s.response_id where p.status = 'completed') as completed_sessions`);
    expect(links).toEqual({ invitees: 0, invitee_codes: 0, completed_sessions: 0 });
  });

  it('has a 2026 round in fieldwork with 1,200 codes, ~180 completed and ~40 started', async () => {
    const round = await roundId('voorbeeldstad', 2026);
    const facts = await one(sql<{ status: string; name: string; codes: number; completed: number; started: number; in_progress: number; sessions: number }>`
      select r.status, r.name,
        (select count(*) from access_codes c where c.round_id = r.id) as codes,
        (select count(*) from responses p where p.round_id = r.id and p.status = 'completed') as completed,
        (select count(*) from access_codes c where c.round_id = r.id and c.state = 'started') as started,
        (select count(*) from responses p where p.round_id = r.id and p.status = 'in_progress') as in_progress,
        (select count(*) from response_sessions s join access_codes c on c.id = s.access_code_id
          where c.round_id = r.id and c.state = 'started') as sessions
      from rounds r where r.id = ${round}`);
    expect(facts).toEqual({
      status: 'fieldwork', name: 'Klantervaringsonderzoek 2026', codes: 1200, completed: 180, started: 40, in_progress: 40, sessions: 40,
    });
  });

  it('gives the other organisations a closed 2025 round for the benchmark', async () => {
    const others = await rows(sql<{ slug: string; status: string; completed: number; mean: number }>`
      select o.slug, r.status,
        (select count(*) from responses p where p.round_id = r.id and p.status = 'completed') as completed,
        (select avg(a.value_num) from answers a where a.round_id = r.id and a.item_key = 'algemeen.cijfer') as mean
      from rounds r join organisations o on o.id = r.organisation_id where o.slug <> 'voorbeeldstad'`);
    expect(others).toHaveLength(7);
    for (const round of others) {
      expect(round.status, round.slug).toBe('closed');
      expect(round.completed, round.slug).toBeGreaterThanOrEqual(120);
      expect(round.completed, round.slug).toBeLessThanOrEqual(500);
      expect(round.mean, round.slug).toBeGreaterThan(6.5);
      expect(round.mean, round.slug).toBeLessThan(7.7);
    }
  });

  it('has all eight organisations in the 2025 benchmark, each with reference figures from the seven others', async () => {
    const imported = await rows(sql<{ slug: string; organisations: number; cijfer: { status: string; reference: { organisations: number; n: number }; own: { n: number } } }>`
      select o.slug, (f.figures ->> 'organisations')::integer as organisations,
        (select i from jsonb_array_elements(f.figures -> 'items') i where i ->> 'itemKey' = 'algemeen.cijfer') as cijfer
      from benchmark_reference_figures f join benchmarks b on b.id = f.benchmark_id join organisations o on o.id = f.organisation_id
      where b.year = 2025 and b.role = 'participant' order by o.slug`);
    expect(imported).toHaveLength(8);
    const marks = await rows(sql<{ slug: string; n: number }>`
      select o.slug, count(*)::integer as n from answers a join responses p on p.id = a.response_id join rounds r on r.id = a.round_id
      join organisations o on o.id = a.organisation_id
      where r.year = 2025 and p.status = 'completed' and a.item_key = 'algemeen.cijfer' and a.value_num is not null group by o.slug`);
    const total = marks.reduce((sum, m) => sum + m.n, 0);
    for (const row of imported) {
      const own = marks.find((m) => m.slug === row.slug)!.n;
      expect(row.organisations, row.slug).toBe(7);
      expect(row.cijfer, row.slug).toMatchObject({ status: 'shown', own: { n: own }, reference: { organisations: 7, n: total - own } });
    }
  });

  it('hands out unused access codes of the 2026 round', async () => {
    const codes = await demoAccessCodes(db, 5);
    expect(new Set(codes).size).toBe(5);
    const round = await roundId('voorbeeldstad', 2026);
    for (const code of codes) {
      const normalised = normaliseAccessCode(code);
      expect(normalised.ok, code).toBe(true);
      if (!normalised.ok) continue;
      const row = await one(sql<{ state: string; round_id: string }>`
        select state, round_id from access_codes where code_hash = ${hashAccessCode(normalised.value)}`);
      expect(row).toEqual({ state: 'unused', round_id: round });
    }
  });

  it('stores exactly what the deterministic generator produces', async () => {
    const round = await roundId('voorbeeldstad', 2025);
    const plan = VOORBEELDSTAD.rounds.find((r) => r.year === 2025)!;
    const version = await one(sql<{ definition: Questionnaire }>`
      select v.definition from questionnaire_versions v join rounds r on r.questionnaire_version_id = v.id where r.id = ${round}`);
    const generate = () => generateResponses(version.definition, { ...plan, seed: ['voorbeeldstad', 2025], count: plan.responses });
    const generated = generate();
    expect(generate()).toEqual(generated);
    const marks = generated.flatMap((r) => r.answers.filter((a) => a.itemKey === 'algemeen.cijfer').map((a) => a.valueNum!));
    const stored = await markStats(round, 'algemeen.cijfer');
    expect(stored.mean.toFixed(6)).toBe((marks.reduce((s, m) => s + m, 0) / marks.length).toFixed(6));
    const ids = await rows(sql<{ id: string }>`select id from responses where round_id = ${round} and status = 'completed' order by id`);
    expect(ids.map((r) => r.id)).toEqual(generated.map((r) => r.id).sort());
  });

  it('gives Voorbeeldstad a published plan on its 2024 round whose effect shows in 2025', async () => {
    const organisation = (await one(sql<{ id: string }>`select id from organisations where slug = 'voorbeeldstad'`)).id;
    const view = await planOfRound(db, organisation, await roundId('voorbeeldstad', 2025));
    expect(view?.own).toBeUndefined();
    const earlier = view!.earlier!;
    expect(earlier.plan).toMatchObject({ title: 'Plan van aanpak 2024–2025', baselineYear: 2024, published: true });
    expect(earlier.focusPoints.map((f) => [f.title, f.measures.length])).toEqual([['Telefonische bereikbaarheid', 3], ['Wachttijd aan de balie', 3]]);
    const effect = new Map(earlier.effect.focusPoints.flatMap((f) => f.items).map((i) => [i.key, i]));
    // The generator moves these two items in opposite directions between 2024 and 2025.
    expect(effect.get('telefoon.bereikbaarheid')!.difference).toBeGreaterThan(0);
    expect(effect.get('balie.wachttijd')!.difference).toBeLessThan(0);
    expect(effect.get('telefoon.bereikbaarheid')!.verdict).not.toBeNull();
  });

  it('gives the council a sent advice on the 2025 round with three points, each cited and answered', async () => {
    const points = await rows(sql<{ number: number; status: string; sent_on: string; decision: string; item_key: string; value: string }>`
      select p.number, a.status, a.sent_on::text as sent_on, r.decision, p.citations -> 0 ->> 'itemKey' as item_key, p.citations -> 0 ->> 'value' as value
      from council_advices a join rounds d on d.id = a.round_id join advice_points p on p.advice_id = a.id join advice_responses r on r.point_id = p.id
      where d.year = 2025 and d.organisation_id = (select id from organisations where slug = 'voorbeeldstad') order by p.number`);
    expect(points.map((p) => [p.number, p.status, p.sent_on, p.decision, p.item_key])).toEqual([
      [1, 'sent', '2025-06-02', 'partly', 'telefoon.bereikbaarheid'],
      [2, 'sent', '2025-06-02', 'adopted', 'algemeen.cijfer'],
      [3, 'sent', '2025-06-02', 'not_adopted', 'balie.wachttijd'],
    ]);
    expect(points[1]!.value).toMatch(/^\d,\d \(n = \d+\)$/);
  });

  it('has a qualitative study on the 2025 round: 18 conversations, coded, mostly reviewed, with recommendations in the plan', async () => {
    const organisation = (await one(sql<{ id: string }>`select id from organisations where slug = 'voorbeeldstad'`)).id;
    const chapters = await studyChaptersOfRound(db, organisation, await roundId('voorbeeldstad', 2025), { publicOnly: true });
    expect(chapters.map((c) => c.title)).toEqual(['Gesprekken op het spreekuur schuldhulp']);
    const conversations = await rows(sql<{ participant_kind: string; n: number }>`
      select participant_kind, count(*)::int as n from study_conversations group by participant_kind order by participant_kind`);
    expect(conversations).toEqual([{ participant_kind: 'client', n: 8 }, { participant_kind: 'volunteer', n: 10 }]);
    const passages = await one(sql<{ all: number; coded: number; reviewed: number; redacted: number }>`
      select count(*)::int as all, count(*) filter (where coded)::int as coded, count(review)::int as reviewed,
             count(*) filter (where review = 'redacted')::int as redacted from study_passages`);
    expect(passages).toEqual({ all: 36, coded: 36, reviewed: 34, redacted: 1 });
    const recommendations = await rows(sql<{ status: string; linked: boolean }>`
      select status, (measure_id is not null or focus_point_id is not null) as linked from study_recommendations order by number`);
    expect(recommendations).toEqual([{ status: 'adopted', linked: true }, { status: 'adopted', linked: true }, { status: 'not-adopted', linked: false }]);
    const chapterText = JSON.stringify(chapters[0]);
    expect(chapterText).not.toContain('Bakker');
    expect(chapterText).toContain('[naam] van het team inkomen');
  });

  it('has the open answers of 2024 and 2025 coded and reviewed, so the report shows points with a trend', async () => {
    const organisation = (await one(sql<{ id: string }>`select id from organisations where slug = 'voorbeeldstad'`)).id;
    const points = (await openAnswerPoints(db, organisation, await roundId('voorbeeldstad', 2025)))!;
    const improve = points.questions.find((q) => q.item.key === 'open.verbeterpunten')!;
    expect(improve.ranked.base).toBeGreaterThan(30);
    expect(improve.ranked.points.length).toBeGreaterThan(3);
    expect(improve.earlier.map((r) => r.year)).toEqual([2024]);
    expect(improve.earlier[0]!.shares.size).toBeGreaterThan(3);
    expect([...improve.quotes.values()].flat().length).toBeGreaterThan(0);
    // Nothing of the current round (in fieldwork) is coded: that is the researcher's work to try.
    const current = await one(sql<{ n: number }>`select count(*)::int as n from open_answer_codings where round_id = ${await roundId('voorbeeldstad', 2026)}`);
    expect(current.n).toBe(0);
  });

  it('starts Voorbeeldstad\'s trend with a 2022 round from an agency\'s data file and a 2023 round known only from its report', async () => {
    const organisation = (await one(sql<{ id: string }>`select id from organisations where slug = 'voorbeeldstad'`)).id;
    const view = (await roundReport(db, organisation, await roundId('voorbeeldstad', 2024)))!;
    expect(view.report.previousRound).toMatchObject({ year: 2023, fromReport: true, completed: 286 });
    const overall = view.report.overall!;
    expect(overall.previous?.figure?.value).toBe(6.8);
    expect(overall.comparison).not.toBeNull();
    expect(overall.trend.map((p) => p.year)).toEqual([2022, 2023, 2024]);
    expect(overall.trend[0]!.n).toBeGreaterThan(230);
    const raw = (await roundReport(db, organisation, await roundId('voorbeeldstad', 2022)))!;
    expect(raw.report.completed).toBe(260);
    const reachability = raw.report.modules.flatMap((m) => m.items).find((i) => i.key === 'telefoon.bereikbaarheid')!;
    expect(reachability.notApplicable).toBeGreaterThan(5);
    // The agency's client numbers were never read.
    const texts = await rows(sql<{ n: number }>`select count(*)::int as n from answers where round_id = ${raw.round.id} and value_text is not null`);
    expect(texts[0]!.n).toBe(0);
    const figures = await rows(sql<{ n: number }>`select count(*)::int as n from published_figures where organisation_id = ${organisation}`);
    expect(figures[0]!.n).toBe(10);
  });

  it('does nothing when the demo is there already', async () => {
    const count = () => one(sql<{ organisations: number; users: number; responses: number; answers: number; codes: number }>`
      select (select count(*) from organisations) as organisations, (select count(*) from users) as users,
        (select count(*) from responses) as responses, (select count(*) from answers) as answers,
        (select count(*) from access_codes) as codes`);
    const before = await count();
    expect((await seedDemo(db)).created).toBe(false);
    expect(await count()).toEqual(before);
  });
});
