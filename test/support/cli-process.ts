import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run cli -- …` as a real process on an embedded database in dataDir; never throws on a failing command. */
export function cliRunner(dataDir: string): (...args: string[]) => Promise<{ code: number; out: string }> {
  return async (...args) => {
    try {
      const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', KLANTSTEM_DEMO: '0' },
      });
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  };
}
