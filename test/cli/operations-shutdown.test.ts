import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Graceful shutdown of the real server: after SIGTERM a request that is still arriving is
// finished and answered, while new connections are refused, and the process exits with 0.

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klantstem-shutdown-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(read: () => string, pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const match = read().match(pattern);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern}; output:\n${read()}`);
}

describe('graceful shutdown', () => {
  it('finishes an in-flight request after SIGTERM, refuses new connections, and exits with 0', async () => {
    child = spawn(tsx, ['src/main.ts'], {
      cwd: root,
      env: { ...process.env, TEST_DATABASE_URL: '', DATABASE_URL: '', PORT: '0', KLANTSTEM_DEMO: '0', DATA_DIR: dataDir },
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const [, base] = await waitFor(() => output, /Klantstem runs at (http:\/\/\S+)/);
    const url = new URL(base!.replace('localhost', '127.0.0.1'));

    // A sign-in form: fetch the page for the cookie and CSRF token, then post it slowly.
    const page = await fetch(`${url.origin}/sign-in`);
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const body = new URLSearchParams({ _csrf: csrf, email: 'nobody@example.nl', password: 'not a real password', next: '/rounds' }).toString();

    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        { host: url.hostname, port: url.port, method: 'POST', path: '/sign-in', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        },
      );
      request.on('error', reject);
      request.write(body.slice(0, 20));
      // The rest arrives only after the server was told to stop.
      void waitFor(() => output, /SIGTERM received/).then(async () => {
        await new Promise((r) => setTimeout(r, 300));
        request.end(body.slice(20));
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await waitFor(() => output, /SIGTERM received/);

    // The listening socket is closed: a new connection is refused.
    await new Promise((r) => setTimeout(r, 100));
    const refused = await fetch(`${url.origin}/health`).then(() => 'answered', (error: Error & { cause?: { code?: string } }) => error.cause?.code);
    expect(refused).toBe('ECONNREFUSED');

    // The request that was in flight got its real answer: the sign-in page saying the
    // credentials are wrong (401), computed with the database still open.
    const answered = await response;
    expect(answered.status).toBe(401);
    expect(answered.text).toContain('Het e-mailadres of het wachtwoord klopt niet.');

    const started = Date.now();
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(fs.existsSync(path.join(dataDir, 'klantstem.lock'))).toBe(false);
  }, 90_000);
});
