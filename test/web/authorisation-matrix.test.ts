import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldworkRound } from '../support/builders.ts';
import { routeList } from '../support/route-list.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

// Every route × every role × own and another organisation, with the expected outcome in one
// table. A route that is not in the table fails the test, so a new route gets a decision.
//
// The actors: nobody signed in; the four roles of organisation A; a researcher of organisation
// B. Round-bound routes use a round of A. Sub-resources that need a real file or job use a
// made-up id: then even the roles that may use the route get 404, and the table says so, but
// the roles that may not are still refused before the lookup (403).

type Outcome = 'ok' | 'login' | 'forbidden' | 'missing' | 'unauthorised';
const ACTORS = ['anonymous', 'administrator', 'researcher', 'viewer', 'council', 'other organisation'] as const;
type Expected = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

const PUBLIC: Expected = ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'];
/** Respondent pages without a respondent session, an unknown token or an unpublished round. */
const PUBLIC_ABSENT: Expected = ['missing', 'missing', 'missing', 'missing', 'missing', 'missing'];
const SIGNED_IN: Expected = ['login', 'ok', 'ok', 'ok', 'ok', 'ok'];
const STAFF_ROUND: Expected = ['login', 'ok', 'ok', 'ok', 'ok', 'missing'];
const DESIGNER_ROUND: Expected = ['login', 'ok', 'ok', 'forbidden', 'forbidden', 'missing'];
const DESIGNER_ROUND_ABSENT: Expected = ['login', 'missing', 'missing', 'forbidden', 'forbidden', 'missing'];
const DESIGNER_ORG: Expected = ['login', 'ok', 'ok', 'forbidden', 'forbidden', 'ok'];
/** A designer's sub-resource of the organisation (not of a round) with a made-up id. */
const DESIGNER_ABSENT: Expected = ['login', 'missing', 'missing', 'forbidden', 'forbidden', 'missing'];
const ADMIN_ORG: Expected = ['login', 'ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'];
const ADMIN_ABSENT: Expected = ['login', 'missing', 'forbidden', 'forbidden', 'forbidden', 'forbidden'];
const COUNCIL_ROUND: Expected = ['login', 'forbidden', 'forbidden', 'forbidden', 'ok', 'forbidden'];
const COUNCIL_ABSENT: Expected = ['login', 'forbidden', 'forbidden', 'forbidden', 'missing', 'forbidden'];
const COUNCIL_ORG: Expected = ['login', 'forbidden', 'forbidden', 'forbidden', 'ok', 'forbidden'];
/** Starting a qualitative study: the organisation's researchers, or the council for its own. */
const STUDY_STARTERS: Expected = ['login', 'ok', 'ok', 'forbidden', 'ok', 'ok'];
const STAFF_ABSENT: Expected = ['login', 'missing', 'missing', 'missing', 'missing', 'missing'];
const JOB_ABSENT: Expected = ['login', 'missing', 'missing', 'missing', 'missing', 'missing'];
const JOB_DESIGNER_ABSENT: Expected = ['login', 'missing', 'missing', 'forbidden', 'forbidden', 'missing'];
const API: Expected = ['unauthorised', 'unauthorised', 'unauthorised', 'unauthorised', 'unauthorised', 'unauthorised'];
const NO_CHALLENGE: Expected = ['unauthorised', 'unauthorised', 'unauthorised', 'unauthorised', 'unauthorised', 'unauthorised'];
const SIGN_OUT: Expected = ['login', 'login', 'login', 'login', 'login', 'login'];

const MATRIX: Record<string, Expected> = {
  'GET /': SIGNED_IN,
  'GET /assets/utrecht.css': PUBLIC,
  'GET /assets/utrecht-tokens.css': PUBLIC,
  'GET /health': PUBLIC,
  'GET /ready': PUBLIC,
  'GET /privacy': PUBLIC,
  'GET /p/public.css': PUBLIC,
  'GET /jobs/job-progress.js': PUBLIC,
  'GET /thanks': PUBLIC,
  'GET /sign-in': PUBLIC,
  'POST /sign-in': PUBLIC,
  'POST /sign-out': SIGN_OUT,
  // Without a sign-in in progress (no challenge cookie) the code step sends everyone back.
  'GET /sign-in/code': NO_CHALLENGE,
  'POST /sign-in/code': NO_CHALLENGE,
  'GET /account': SIGNED_IN,
  'POST /account/second-factor/setup': SIGNED_IN,
  'POST /account/second-factor/confirm': SIGNED_IN,
  'POST /account/second-factor/off': SIGNED_IN,
  'GET /admin/users/:userId/second-factor': ADMIN_ABSENT,
  'POST /admin/users/:userId/second-factor': ADMIN_ABSENT,
  'GET /r': PUBLIC,
  'POST /r': PUBLIC,
  'GET /r/:code': PUBLIC,
  'GET /survey': PUBLIC_ABSENT,
  'GET /survey/check': PUBLIC_ABSENT,
  'POST /survey/check': PUBLIC_ABSENT,
  'GET /survey/:block': PUBLIC_ABSENT,
  'POST /survey/:block': PUBLIC_ABSENT,
  'GET /afmelden/:token': PUBLIC_ABSENT,
  'POST /afmelden/:token': PUBLIC_ABSENT,
  'GET /o/:org/:round': PUBLIC_ABSENT,
  'POST /o/:org/:round': PUBLIC_ABSENT,
  'GET /p/:slug/:roundId': PUBLIC_ABSENT,
  'GET /api/v1/rounds': API,
  'GET /api/v1/rounds/:id': API,
  'GET /api/v1/rounds/:id/report': API,

  'GET /rounds': SIGNED_IN,
  'GET /organisations': SIGNED_IN,
  'POST /organisations': SIGNED_IN,
  'GET /questionnaire': SIGNED_IN,
  'GET /questionnaire-imports': DESIGNER_ORG,
  'POST /questionnaire-imports': DESIGNER_ORG,
  'GET /history/figures': DESIGNER_ORG,
  'POST /history/figures': DESIGNER_ORG,
  'GET /history/responses': DESIGNER_ORG,
  'POST /history/responses': DESIGNER_ORG,
  'GET /history/responses/:id': DESIGNER_ABSENT,
  'POST /history/responses/:id': DESIGNER_ABSENT,
  'GET /benchmarks': DESIGNER_ORG,
  'GET /benchmarks/:id': DESIGNER_ABSENT,
  'GET /benchmarks/:id/publication.csv': DESIGNER_ABSENT,
  // Benchmark files in the browser. Organisation A has no signing key until POST /benchmark-key
  // (below) makes one, so downloading its public half is still 404 here, as for B.
  'GET /benchmark-key': DESIGNER_ORG,
  'GET /benchmark-key/public.pem': DESIGNER_ABSENT,
  'POST /benchmark-key': ADMIN_ORG,
  'GET /benchmark-key/replace': ADMIN_ORG,
  'POST /benchmark-key/replace': ADMIN_ORG,
  'GET /benchmarks/new': DESIGNER_ORG,
  'POST /benchmarks/new': DESIGNER_ORG,
  'GET /benchmarks/join': DESIGNER_ORG,
  'POST /benchmarks/join': DESIGNER_ORG,
  'GET /benchmarks/:id/participants/new': DESIGNER_ABSENT,
  'POST /benchmarks/:id/participants/new': DESIGNER_ABSENT,
  'GET /benchmarks/:id/contributions/new': DESIGNER_ABSENT,
  'POST /benchmarks/:id/contributions/new': DESIGNER_ABSENT,
  'GET /benchmarks/:id/participants/:participantId/reference': DESIGNER_ABSENT,
  'GET /benchmarks/:id/participants/:participantId/reference.json': DESIGNER_ABSENT,
  'GET /benchmarks/:id/participants/:participantId/key': DESIGNER_ABSENT,
  'POST /benchmarks/:id/participants/:participantId/key': DESIGNER_ABSENT,
  'GET /benchmarks/joined/:id': DESIGNER_ABSENT,
  'GET /benchmarks/joined/:id/contribution.json': DESIGNER_ABSENT,
  'GET /benchmarks/joined/:id/reference': DESIGNER_ABSENT,
  'GET /benchmarks/joined/:id/key': DESIGNER_ABSENT,
  'GET /benchmarks/joined/:id/organiser-key': DESIGNER_ABSENT,
  'POST /benchmarks/joined/:id/reference': DESIGNER_ABSENT,
  'POST /benchmarks/joined/:id/key': DESIGNER_ABSENT,
  'POST /benchmarks/joined/:id/organiser-key': DESIGNER_ABSENT,
  'GET /questionnaire-imports/:id': DESIGNER_ABSENT,
  'POST /questionnaire-imports/:id/keys': DESIGNER_ABSENT,
  'GET /rounds/new': DESIGNER_ORG,
  'POST /rounds': DESIGNER_ORG,

  'GET /admin/users': ADMIN_ORG,
  'POST /admin/users': ADMIN_ORG,
  'POST /admin/users/:userId/role': ADMIN_ABSENT,
  'GET /admin/users/:userId/remove': ADMIN_ABSENT,
  'POST /admin/users/:userId/remove': ADMIN_ABSENT,
  'GET /admin/audit': ADMIN_ORG,
  'GET /admin/report-settings': ADMIN_ORG,
  'POST /admin/report-settings': ADMIN_ORG,
  'GET /settings/email': ADMIN_ORG,
  'POST /settings/email': ADMIN_ORG,
  'POST /settings/email/test': ADMIN_ORG,

  'GET /rounds/:id': STAFF_ROUND,
  'GET /rounds/:id/preview': STAFF_ROUND,
  'GET /rounds/:id/report': STAFF_ROUND,
  'GET /rounds/:id/report/document': STAFF_ROUND,
  'GET /rounds/:id/report.pdf': STAFF_ROUND,
  'GET /rounds/:id/report/weighting': STAFF_ROUND,
  'GET /rounds/:id/report/modules/:module': STAFF_ROUND,
  'GET /rounds/:id/report/items/:key': STAFF_ROUND,
  'GET /rounds/:id/fieldwork': STAFF_ROUND,
  'GET /rounds/:id/monitor': STAFF_ROUND,
  'GET /rounds/:id/plan': STAFF_ROUND,

  'POST /rounds/:id/report/weighting': DESIGNER_ROUND,
  'POST /rounds/:id/report/population': DESIGNER_ROUND,
  'GET /rounds/:id/publication': DESIGNER_ROUND,
  'POST /rounds/:id/publication': DESIGNER_ROUND,
  'GET /rounds/:id/paper.pdf': DESIGNER_ROUND,
  'GET /rounds/:id/edit': DESIGNER_ROUND,
  'POST /rounds/:id/edit': DESIGNER_ROUND,
  'GET /rounds/:id/export.csv': DESIGNER_ROUND,
  'GET /rounds/:id/export.sps': DESIGNER_ROUND,
  'GET /rounds/:id/export.xlsx': DESIGNER_ROUND,
  'GET /rounds/:id/entry': DESIGNER_ROUND,
  'POST /rounds/:id/entry': DESIGNER_ROUND,
  'POST /rounds/:id/entry/form': DESIGNER_ROUND,
  'POST /rounds/:id/entry/resolve': DESIGNER_ROUND,
  'POST /rounds/:id/entry/double': DESIGNER_ROUND,
  'GET /rounds/:id/email': DESIGNER_ROUND,
  'GET /rounds/:id/email/invitations': DESIGNER_ROUND,
  'POST /rounds/:id/email/invitations': DESIGNER_ROUND,
  'GET /rounds/:id/email/reminders': DESIGNER_ROUND,
  'POST /rounds/:id/email/reminders': DESIGNER_ROUND,
  'POST /rounds/:id/email/bounces': DESIGNER_ROUND,
  'GET /rounds/:id/email/templates/:kind/:language': DESIGNER_ROUND,
  'POST /rounds/:id/email/templates/:kind/:language': DESIGNER_ROUND,
  'POST /rounds/:id/items': DESIGNER_ROUND,
  'GET /rounds/:id/items/:key/remove': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/items/:key/remove': DESIGNER_ROUND,
  'GET /rounds/:id/status/:action': DESIGNER_ROUND,
  'POST /rounds/:id/status/:action': DESIGNER_ROUND,
  'GET /rounds/:id/sample': DESIGNER_ROUND,
  'POST /rounds/:id/sample': DESIGNER_ROUND,
  'GET /rounds/:id/sample/confirm': DESIGNER_ROUND,
  'POST /rounds/:id/sample/draw': DESIGNER_ROUND,
  'GET /rounds/:id/retention': DESIGNER_ROUND,
  'POST /rounds/:id/retention': DESIGNER_ROUND,
  'GET /rounds/:id/retention/purge': DESIGNER_ROUND,
  'POST /rounds/:id/retention/purge': DESIGNER_ROUND,
  'GET /rounds/:id/addresses': DESIGNER_ROUND,
  'POST /rounds/:id/addresses': DESIGNER_ROUND,
  'GET /rounds/:id/addresses/:importId/mapping': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/addresses/:importId/mapping': DESIGNER_ROUND_ABSENT,
  'GET /rounds/:id/addresses/:importId/check': DESIGNER_ROUND_ABSENT,
  'GET /rounds/:id/addresses/:importId/confirm': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/addresses/:importId/confirm': DESIGNER_ROUND_ABSENT,
  'GET /rounds/:id/addresses/:importId/errors.csv': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/addresses/:importId/import': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/addresses/:importId/discard': DESIGNER_ROUND,
  'GET /rounds/:id/letters': DESIGNER_ROUND,
  'POST /rounds/:id/letters/settings': DESIGNER_ROUND,
  'POST /rounds/:id/letters/texts': DESIGNER_ROUND,
  'GET /rounds/:id/letters/preview': DESIGNER_ROUND,
  'GET /rounds/:id/letters/preview.pdf': DESIGNER_ROUND,
  'GET /rounds/:id/letters/mailings/:file': DESIGNER_ROUND_ABSENT,
  'GET /rounds/:id/letters/confirm': DESIGNER_ROUND,
  'POST /rounds/:id/letters/jobs': DESIGNER_ROUND,
  // The matrix round is in fieldwork: it cannot become a baseline, so it has no plan; the
  // round-level plan routes send designers back to the plan page, the id-bound ones find nothing.
  'GET /rounds/:id/plan/start': DESIGNER_ROUND,
  'POST /rounds/:id/plan/start': DESIGNER_ROUND,
  'POST /rounds/:id/plan/publication': DESIGNER_ROUND,
  'GET /rounds/:id/plan/focus-points/new': DESIGNER_ROUND,
  'POST /rounds/:id/plan/focus-points': DESIGNER_ROUND,
  'GET /rounds/:id/plan/focus-points/:focusId/edit': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/plan/focus-points/:focusId/edit': DESIGNER_ROUND_ABSENT,
  'GET /rounds/:id/plan/focus-points/:focusId/delete': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/plan/focus-points/:focusId/delete': DESIGNER_ROUND_ABSENT,
  'GET /rounds/:id/plan/focus-points/:focusId/measures/new': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/plan/focus-points/:focusId/measures': DESIGNER_ROUND_ABSENT,
  'GET /rounds/:id/plan/measures/:measureId/edit': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/plan/measures/:measureId/edit': DESIGNER_ROUND_ABSENT,
  'GET /rounds/:id/plan/measures/:measureId/delete': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/plan/measures/:measureId/delete': DESIGNER_ROUND_ABSENT,

  'GET /codebook': DESIGNER_ORG,
  'POST /codebook': DESIGNER_ORG,
  // The made-up key names no code of anyone's codebook.
  'POST /codebook/:key': DESIGNER_ROUND_ABSENT,
  'GET /rounds/:id/open-answers': DESIGNER_ROUND,
  'POST /rounds/:id/open-answers/train': DESIGNER_ROUND,
  'POST /rounds/:id/open-answers/undo': DESIGNER_ROUND,
  'GET /rounds/:id/open-answers/:item/code': DESIGNER_ROUND,
  'POST /rounds/:id/open-answers/:item/code': DESIGNER_ROUND,
  'GET /rounds/:id/open-answers/:item/list': DESIGNER_ROUND,
  'GET /rounds/:id/open-answers/:item/review': DESIGNER_ROUND,
  'POST /rounds/:id/open-answers/:item/review': DESIGNER_ROUND,
  'POST /rounds/:id/open-answers/:item/review/approve-clean': DESIGNER_ROUND,

  'GET /rounds/:id/council': STAFF_ROUND,
  'POST /rounds/:id/council/advices': COUNCIL_ROUND,
  'GET /rounds/:id/council/advices/:adviceId': COUNCIL_ABSENT,
  'POST /rounds/:id/council/advices/:adviceId/points': COUNCIL_ABSENT,
  'POST /rounds/:id/council/advices/:adviceId/send': COUNCIL_ABSENT,
  'GET /rounds/:id/council/advices/:adviceId/points/:pointId/response': DESIGNER_ROUND_ABSENT,
  'POST /rounds/:id/council/advices/:adviceId/points/:pointId/response': DESIGNER_ROUND_ABSENT,

  // The round of the table is the organisation's, not a council survey: not found.
  'GET /council/surveys': COUNCIL_ORG,
  'POST /council/surveys': COUNCIL_ORG,
  'GET /council/surveys/:id': COUNCIL_ABSENT,
  'POST /council/surveys/:id/questions': COUNCIL_ABSENT,
  'POST /council/surveys/:id/status': COUNCIL_ABSENT,
  'GET /council/surveys/:id/results': STAFF_ABSENT,

  // Qualitative studies: every signed-in member reads; researchers and the council start one.
  // The made-up study id (the matrix round's) finds no study: the owner check comes after it.
  'GET /studies': SIGNED_IN,
  'GET /studies/new': STUDY_STARTERS,
  'POST /studies/new': STUDY_STARTERS,
  'GET /studies/:id': STAFF_ABSENT,
  'GET /studies/:id/edit': STAFF_ABSENT,
  'GET /studies/:id/passages.csv': STAFF_ABSENT,
  'POST /studies/:id/edit': STAFF_ABSENT,
  'GET /studies/:id/delete': STAFF_ABSENT,
  'POST /studies/:id/delete': STAFF_ABSENT,
  'GET /studies/:id/conversations/new': STAFF_ABSENT,
  'POST /studies/:id/conversations/new': STAFF_ABSENT,
  'GET /studies/:id/conversations/:conversationId': STAFF_ABSENT,
  'POST /studies/:id/conversations/:conversationId': STAFF_ABSENT,
  'GET /studies/:id/conversations/:conversationId/delete': STAFF_ABSENT,
  'POST /studies/:id/conversations/:conversationId/delete': STAFF_ABSENT,
  'GET /studies/:id/code': STAFF_ABSENT,
  'POST /studies/:id/code': STAFF_ABSENT,
  'GET /studies/:id/review': STAFF_ABSENT,
  'POST /studies/:id/review': STAFF_ABSENT,
  'POST /studies/:id/review/approve-clean': STAFF_ABSENT,
  'GET /studies/:id/recommendations/new': STAFF_ABSENT,
  'POST /studies/:id/recommendations/new': STAFF_ABSENT,
  'GET /studies/:id/recommendations/:recommendationId': STAFF_ABSENT,
  'POST /studies/:id/recommendations/:recommendationId': STAFF_ABSENT,
  'GET /studies/:id/recommendations/:recommendationId/delete': STAFF_ABSENT,
  'POST /studies/:id/recommendations/:recommendationId/delete': STAFF_ABSENT,

  'GET /jobs/:id': JOB_ABSENT,
  'GET /jobs/:id/progress.json': JOB_ABSENT,
  'GET /jobs/:id/files/:fileId': JOB_DESIGNER_ABSENT,
  'GET /jobs/:id/cancel': JOB_DESIGNER_ABSENT,
  'POST /jobs/:id/cancel': JOB_DESIGNER_ABSENT,
};

function outcome(response: LightMyRequestResponse): Outcome {
  if (response.statusCode === 303 && String(response.headers.location ?? '').startsWith('/sign-in')) return 'login';
  switch (response.statusCode) {
    case 401: return 'unauthorised';
    case 403: return 'forbidden';
    case 404: return 'missing';
    // Anything else passed the gate: a page, a redirect, a validation error (400), a conflict
    // with the round's state (409) or a rate limit (429).
    default: return response.statusCode < 500 ? 'ok' : (`error ${response.statusCode}` as Outcome);
  }
}

let t: TestApp;
let roundId: string;
const clients = new Map<(typeof ACTORS)[number], Client>();

beforeAll(async () => {
  t = await createTestApp({ signInLimit: 1000 });
  roundId = (await createFieldworkRound(t.database.db, t.orgA, { codes: 3 })).roundId;
  const emails: Record<(typeof ACTORS)[number], string | null> = {
    anonymous: null, administrator: 'administrator@alfa.nl', researcher: 'researcher@alfa.nl', viewer: 'viewer@alfa.nl', council: 'council@alfa.nl', 'other organisation': 'researcher@beta.nl',
  };
  for (const actor of ACTORS) {
    const client = new Client(t.app);
    const email = emails[actor];
    if (email) {
      await client.signIn(email);
      await client.get('/rounds'); // a CSRF token of the signed-in session
    } else await client.get('/sign-in');
    clients.set(actor, client);
  }
});
afterAll(async () => t.close());

describe('authorisation matrix', () => {
  it('has a decision for every route, and no decision for a route that is gone', () => {
    const routes = routeList(t.app).filter((r) => r.url !== '/*').map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in MATRIX)), 'routes without a row in MATRIX').toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r)), 'rows in MATRIX without a route').toEqual([]);
  });

  it('gives every actor the expected outcome on every route', async () => {
    // Harmless values: a round in fieldwork cannot be reopened or purged, made-up ids exist nowhere.
    const params: Record<string, string> = {
      id: roundId, round: roundId, roundId, userId: randomUUID(), importId: randomUUID(), fileId: randomUUID(), file: 'brieven.pdf',
      key: 'algemeen.cijfer', module: 'algemeen', action: 'reopen', kind: 'email-invitation', language: 'nl', token: 'onbekend',
      code: 'ABCDEFGHJKMN', block: 'algemeen', org: 'alfa', slug: 'alfa', item: 'open.pluspunten',
      focusId: randomUUID(), measureId: randomUUID(),
      adviceId: randomUUID(), pointId: randomUUID(), participantId: randomUUID(),
    };
    const differences: string[] = [];
    // Signing out ends the sessions, so it goes last.
    const rows = Object.entries(MATRIX).sort(([a], [b]) => Number(a === 'POST /sign-out') - Number(b === 'POST /sign-out'));
    for (const [route, expected] of rows) {
      const [method, pattern] = route.split(' ') as [string, string];
      const url = pattern.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' && pattern.startsWith('/jobs') ? randomUUID() : params[name]!));
      for (const [index, actor] of ACTORS.entries()) {
        const client = clients.get(actor)!;
        const response = method === 'GET' ? await client.get(url) : await client.post(url, {});
        const got = outcome(response);
        if (got !== expected[index]) differences.push(`${route} as ${actor}: expected ${expected[index]}, got ${got} (${response.statusCode})`);
      }
    }
    expect(differences).toEqual([]);
  }, 120_000);
});
