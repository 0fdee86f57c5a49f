import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// npm start as a user runs it: a real process on a fresh data directory. A second process on
// the same directory must refuse to start (PGlite would be corrupted) and leave the first alone.

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klantstem-start-'));
const children: ChildProcess[] = [];

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: root,
    env: { ...process.env, TEST_DATABASE_URL: '', DATABASE_URL: '', PORT: '0', KLANTSTEM_DEMO: '0', DATA_DIR: dataDir, ...env },
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(read: () => string, pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const match = read().match(pattern);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${pattern}; output:\n${read()}`);
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs on PGlite, refuses a second process on the same data directory, and stops cleanly', async () => {
    const first = start({});
    const [, url] = await waitFor(first.output, /Klantstem runs at (http:\/\/\S+)/);
    const signIn = await fetch(`${url}/sign-in`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('Inloggen');

    const second = start({});
    expect(await second.exited).toBe(1);
    const holder = second.output().match(/The data directory (\S+) is in use by another Klantstem process \(pid (\d+)\)/);
    expect(holder?.[1]).toBe(dataDir);
    // tsx runs the program in a child process: the pid named is the one holding the lock file.
    expect(fs.readFileSync(path.join(dataDir, 'klantstem.lock'), 'utf8')).toBe(holder?.[2]);

    const still = await fetch(`${url}/sign-in`);
    expect(still.status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'klantstem.lock'))).toBe(false);

    // The data survived: a new start on the same directory works.
    const third = start({});
    await waitFor(third.output, /Klantstem runs at/);
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
  }, 120_000);

  it('stops with a message naming the variable when the configuration is wrong', async () => {
    const wrong = start({ PORT: 'drieduizend' });
    expect(await wrong.exited).toBe(1);
    expect(wrong.output()).toMatch(/Invalid configuration:\n\s+PORT:/);
    const badUrl = start({ DATABASE_URL: 'mysql://x' });
    expect(await badUrl.exited).toBe(1);
    expect(badUrl.output()).toMatch(/DATABASE_URL: must start with postgres:\/\//);
  }, 60_000);
});
