import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccessCode } from '../../src/app/access-code-hash.ts';
import { build } from '../../src/web/build-server.ts';
import { createFieldworkRound } from '../support/builders.ts';
import { PASSWORD, createTestApp, type TestApp } from '../support/test-app.ts';

// Two application processes of one installation on one database, behind a load balancer that
// sends each request to the next one: sessions, CSRF tokens and rate limits hold across them.

const SECRET = 'two-instances-secret-two-instances-secret';
let t: TestApp;
let instances: FastifyInstance[];
let codes: string[];

beforeAll(async () => {
  t = await createTestApp();
  ({ codes } = await createFieldworkRound(t.database.db, t.orgA, { codes: 3 }));
  const options = { db: t.database.db, secret: SECRET, codeAttemptsPerClient: 3, codeFailuresTotal: 5, signInLimit: 4 };
  instances = [await build(options), await build(options)];
});
afterAll(async () => {
  for (const app of instances) await app.close();
  await t.close();
});

let turn = 0;
/** The load balancer: round robin. */
const next = () => instances[turn++ % instances.length]!;

describe('two instances on one database', () => {
  it('share sessions and CSRF tokens: sign in on one, work on the other', async () => {
    const page = await next().inject({ method: 'GET', url: '/sign-in', remoteAddress: '10.9.0.1' });
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const signedIn = await next().inject({
      method: 'POST', url: '/sign-in', remoteAddress: '10.9.0.1', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: 'researcher@alfa.nl', password: PASSWORD, _csrf: csrf }).toString(),
    });
    expect(signedIn.statusCode).toBe(303);
    const session = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const rounds = await next().inject({ method: 'GET', url: '/rounds', remoteAddress: '10.9.0.1', headers: { cookie: session } });
    expect(rounds.statusCode).toBe(200);
    expect(rounds.body).toContain('Gemeente Alfa');
  });

  it('count a client\'s code attempts together', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await next().inject({ method: 'GET', url: '/r/ABCDEFGHJKMN', remoteAddress: '10.9.1.1' })).statusCode);
    // Three per client per minute, whichever process takes the request.
    expect(statuses).toEqual([400, 400, 400, 429]);
  });

  it('count failed codes of all clients together', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await next().inject({ method: 'GET', url: `/r/${newAccessCode()}`, remoteAddress: `10.9.2.${i}` })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // A real code is refused too while the total is reached: "het is nu erg druk".
    const busy = await next().inject({ method: 'GET', url: `/r/${codes[0]}`, remoteAddress: '10.9.3.1' });
    expect(busy.statusCode).toBe(429);
  });

  it('count sign-in attempts together', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await next().inject({ method: 'POST', url: '/sign-in', remoteAddress: '10.9.4.1', payload: { email: 'x@alfa.nl', password: 'fout' } })).statusCode);
    }
    expect(statuses.slice(0, 4).every((s) => s !== 429)).toBe(true);
    expect(statuses[4]).toBe(429);
  });
});
