import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/web/build-server.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('sign-in', () => {
  it('signs in with the right password, sets a safe session cookie, and records it in the audit log', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: 'Researcher@Alfa.nl ', password: 'correct horse battery staple' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/rounds');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/ks_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const rounds = await client.get('/rounds');
    expect(rounds.statusCode).toBe(200);
    expect(rounds.body).toContain('Gemeente Alfa');
    const log = await t.database.db.selectFrom('audit_log').select(['action', 'organisation_id']).where('action', '=', 'sign-in').execute();
    expect(log).toContainEqual({ action: 'sign-in', organisation_id: t.orgA });
  });

  it('refuses a wrong password and an unknown address with the same message', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const wrong = await client.post('/sign-in', { email: 'researcher@alfa.nl', password: 'not the password' });
    const unknown = await client.post('/sign-in', { email: 'nobody@alfa.nl', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(unknown.body).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(wrong.headers['set-cookie'] ?? '').not.toContain('ks_session=');
  });

  it('shows an error summary that links to empty fields', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: '', password: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#email">Vul uw e-mailadres in.');
    expect(response.body).toContain('href="#password">Vul uw wachtwoord in.');
  });

  it('redirects pages to sign-in when not signed in, and signs out', async () => {
    const anonymous = new Client(t.app);
    const response = await anonymous.get('/rounds');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Frounds');
    const client = new Client(t.app);
    await client.signIn('viewer@alfa.nl');
    expect((await client.get('/rounds')).statusCode).toBe(200);
    await client.get('/rounds');
    const out = await client.post('/sign-out', {});
    expect(out.headers.location).toBe('/sign-in?signedOut=1');
    expect((await client.get('/rounds')).statusCode).toBe(303);
  });

  it('gives a new session id at every sign-in and ends the one the browser had (no fixation)', async () => {
    const client = new Client(t.app);
    const first = await client.signIn('viewer@alfa.nl');
    const firstId = /ks_session=([^;]+)/.exec(String(first.headers['set-cookie']))![1]!;
    await client.get('/rounds'); // a signed-in page gives the form token of this session
    const second = await client.post('/sign-in', { email: 'viewer@alfa.nl', password: 'correct horse battery staple' });
    const secondId = /ks_session=([^;]+)/.exec(String(second.headers['set-cookie']))![1]!;
    expect(secondId).not.toBe(firstId);
    const withOld = await t.app.inject({ method: 'GET', url: '/rounds', headers: { cookie: `ks_session=${firstId}` } });
    expect(withOld.statusCode).toBe(303);
    const withNew = await t.app.inject({ method: 'GET', url: '/rounds', headers: { cookie: `ks_session=${secondId}` } });
    expect(withNew.statusCode).toBe(200);
  });

  it('refuses a common password when an administrator adds a user', async () => {
    const admin = new Client(t.app);
    await admin.signIn('administrator@alfa.nl');
    await admin.get('/admin/users');
    const response = await admin.post('/admin/users', { email: 'nieuw@alfa.nl', name: 'Nieuw', password: 'Wachtwoord2026!', role: 'viewer' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Dit wachtwoord is te makkelijk te raden');
  });

  it('locks an account after 10 failed sign-ins from any clients, also for the right password, and unknown addresses alike', async () => {
    for (const email of ['council@beta.nl', 'niemand@beta.nl']) {
      for (let attempt = 0; attempt < 10; attempt++) {
        // A fresh client each time: the per-client limit does not come into it.
        const client = new Client(t.app);
        await client.get('/sign-in');
        expect((await client.post('/sign-in', { email, password: `wrong guess ${attempt}` })).statusCode).toBe(401);
      }
      const client = new Client(t.app);
      await client.get('/sign-in');
      const locked = await client.post('/sign-in', { email, password: 'correct horse battery staple' });
      expect(locked.statusCode).toBe(429);
      expect(locked.body).toContain('Er is te vaak een verkeerd wachtwoord gegeven voor dit e-mailadres. Probeer het over 15 minuten opnieuw');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
      expect(locked.headers['set-cookie'] ?? '').not.toContain('ks_session=');
    }
    // Another account is not affected.
    const other = new Client(t.app);
    expect((await other.signIn('viewer@beta.nl')).statusCode).toBe(303);
  });

  it('never redirects off-site after sign-in', async () => {
    const client = new Client(t.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: 'viewer@alfa.nl', password: 'correct horse battery staple', next: '//evil.example/x' });
    expect(response.headers.location).toBe('/rounds');
  });

  it('rate-limits sign-in attempts per client', async () => {
    const limited = await build({ db: t.database.db, secret: 'another-secret-another-secret-12345', signInLimit: 5 });
    const client = new Client(limited);
    await client.get('/sign-in');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await client.post('/sign-in', { email: 'viewer@alfa.nl', password: `guess ${i} guess guess` })).statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    await limited.close();
  });
});

describe('CSRF', () => {
  it('refuses a POST without the token, or with a token of another session', async () => {
    const client = new Client(t.app);
    await client.signIn('administrator@alfa.nl');
    await client.get('/admin/users');
    const missing = await client.post('/admin/users', { name: 'X', email: 'x@alfa.nl', role: 'viewer', password: 'long enough password' }, { csrf: null });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Formulier verlopen');

    const other = new Client(t.app);
    await other.signIn('administrator@beta.nl');
    await other.get('/admin/users');
    const foreign = await client.post('/admin/users', { name: 'X', email: 'x@alfa.nl', role: 'viewer', password: 'long enough password' }, { csrf: other.csrf });
    expect(foreign.statusCode).toBe(403);
    const users = await t.database.db.selectFrom('users').select('email').where('email', '=', 'x@alfa.nl').execute();
    expect(users).toEqual([]);
  });
});
