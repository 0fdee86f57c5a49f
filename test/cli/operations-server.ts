import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// The real server as a child process for operations tests. It runs as one node process (node
// --import tsx, not the tsx wrapper that forks), so a signal reaches the server itself: a
// SIGKILL must kill the process that holds the database, not a parent that relays signals.

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Base URL once the server listens. */
  url(): Promise<string>;
}

export async function waitFor(read: () => string, pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const match = read().match(pattern);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern}; output:\n${read()}`);
}

/** Starts src/main.ts on the given database: { DATA_DIR } for PGlite or { DATABASE_URL }. */
export function startServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, TEST_DATABASE_URL: '', DATABASE_URL: '', PORT: '0', KLANTSTEM_DEMO: '0', LOG_LEVEL: 'warn', TRUST_PROXY: '1', ...env },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    url: async () => (await waitFor(() => output, /Klantstem runs at (http:\/\/\S+)/))[1]!.replace('localhost', '127.0.0.1'),
  };
}
