import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../src/app/totp.ts';
import { Client, createTestApp, PASSWORD, type TestApp } from '../support/test-app.ts';

// Two-step sign-in from the user's side: set up with an authenticator app (the codes here are
// computed with RFC 6238 from the key the page shows, as the app would), sign in with password
// and code, refuse reused and wrong codes, and the administrator's reset for a lost phone.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const codeFor = (key: string, step: number) => hotp(base32Decode(key), step);

async function setUp(client: Client, options: { wrongFirst?: boolean } = {}): Promise<{ key: string; step: number }> {
  expect((await client.get('/account')).body).toContain('Inloggen in twee stappen staat uit.');
  expect((await client.post('/account/second-factor/setup', {})).headers.location).toBe('/account');
  const page = await client.get('/account');
  const key = /<code class="ks-secret" translate="no">([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replace(/ /g, '');
  expect(key).toHaveLength(32);
  expect(page.body).toContain('<svg aria-hidden="true"');
  if (options.wrongFirst) {
    const wrong = await client.post('/account/second-factor/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Deze code klopt niet.');
    // Still being set up: the same key is shown again.
    expect(wrong.body).toContain(key.replace(/(.{4})(?=.)/g, '$1 '));
  }
  const step = totpStep(new Date());
  const confirmed = await client.post('/account/second-factor/confirm', { code: codeFor(key, step) });
  expect(confirmed.headers.location).toBe('/account?done=on');
  return { key, step };
}

function sessionCookie(response: { headers: Record<string, unknown> }): string | undefined {
  return /ks_session=([^;]+)/.exec(String(response.headers['set-cookie'] ?? ''))?.[1];
}

describe('two-step sign-in', () => {
  it('sets up, then asks for the code after the password, and opens the session only with a right code', async () => {
    const client = new Client(t.app);
    await client.signIn('researcher@alfa.nl');
    await client.get('/account');
    const { key, step } = await setUp(client, { wrongFirst: true });
    expect((await client.get('/account?done=on')).body).toContain('Inloggen in twee stappen staat nu aan.');

    const browser = new Client(t.app);
    const password = await browser.signIn('researcher@alfa.nl');
    expect(password.statusCode).toBe(303);
    expect(password.headers.location).toBe('/sign-in/code?next=%2Frounds');
    expect(sessionCookie(password)).toBeUndefined();
    expect((await browser.get('/rounds')).headers.location).toBe('/sign-in?next=%2Frounds');

    await browser.get('/sign-in/code?next=%2Frounds');
    const badFormat = await browser.post('/sign-in/code', { code: '12ab', next: '/rounds' });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.body).toContain('Vul de 6 cijfers uit de app in.');
    // The code of the confirmation step was used: it does not work twice.
    const reused = await browser.post('/sign-in/code', { code: codeFor(key, step), next: '/rounds' });
    expect(reused.statusCode).toBe(401);
    const right = await browser.post('/sign-in/code', { code: codeFor(key, step + 1), next: '/rounds' });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/rounds');
    expect(sessionCookie(right)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await browser.get('/rounds')).statusCode).toBe(200);

    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'second-factor%').execute();
    expect(audit.map((row) => row.action).sort()).toEqual(['second-factor-failed', 'second-factor-on']);
  });

  it('ends the sign-in after five wrong codes; the password is needed again', async () => {
    const browser = new Client(t.app);
    await browser.signIn('researcher@alfa.nl');
    await browser.get('/sign-in/code');
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await browser.post('/sign-in/code', { code: '000000' })).statusCode).toBe(401);
    }
    const fifth = await browser.post('/sign-in/code', { code: '000000' });
    expect(fifth.body).toContain('Er is te vaak een verkeerde code ingevuld.');
    const after = await browser.post('/sign-in/code', { code: '000000' });
    expect(after.body).toContain('Het inloggen duurde te lang of is al afgerond.');
  });

  it('lets an administrator reset it for a lost phone, after a confirmation', async () => {
    const admin = new Client(t.app);
    await admin.signIn('administrator@alfa.nl');
    const users = await admin.get('/admin/users');
    const researcherId = (await t.database.db.selectFrom('users').select('id').where('email', '=', 'researcher@alfa.nl').executeTakeFirstOrThrow()).id;
    const viewerId = (await t.database.db.selectFrom('users').select('id').where('email', '=', 'viewer@alfa.nl').executeTakeFirstOrThrow()).id;
    expect(users.body).toContain(`href="/admin/users/${researcherId}/second-factor"`);
    expect(users.body).not.toContain(`href="/admin/users/${viewerId}/second-factor"`);
    expect((await admin.get(`/admin/users/${viewerId}/second-factor`)).statusCode).toBe(404);
    // Another organisation's administrator cannot reach the member.
    const other = new Client(t.app);
    await other.signIn('administrator@beta.nl');
    await other.get('/admin/users');
    expect((await other.post(`/admin/users/${researcherId}/second-factor`, {})).statusCode).toBe(404);

    expect((await admin.get(`/admin/users/${researcherId}/second-factor`)).body).toContain('Inloggen in twee stappen resetten voor researcher alfa?');
    const reset = await admin.post(`/admin/users/${researcherId}/second-factor`, {});
    expect(reset.headers.location).toBe('/admin/users?done=secondFactorReset');
    const browser = new Client(t.app);
    expect((await browser.signIn('researcher@alfa.nl')).headers.location).toBe('/rounds');
  });

  it('is turned off by the user with the password, not without', async () => {
    const client = new Client(t.app);
    await client.signIn('viewer@alfa.nl');
    await client.get('/account');
    await setUp(client);
    const wrong = await client.post('/account/second-factor/off', { password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Het wachtwoord klopt niet.');
    expect((await client.post('/account/second-factor/off', { password: PASSWORD })).headers.location).toBe('/account?done=off');
    expect((await new Client(t.app).signIn('viewer@alfa.nl')).headers.location).toBe('/rounds');
  });

  it('sends someone without a sign-in in progress back to the password', async () => {
    const response = await new Client(t.app).get('/sign-in/code');
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('href="/sign-in"');
  });
});
