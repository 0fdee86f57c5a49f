import path from 'node:path';
import { z } from 'zod';

// The configuration contract: read once at start-up, validated, passed down. Other work and
// checks (CI, tests, operations docs) rely on these names and defaults.
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Directory of the embedded PGlite database; unused when databaseUrl is set. */
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly demo: boolean;
  /** Session/CSRF secret; when absent one is generated and stored in the database. */
  readonly secret: string | undefined;
  /** Set the Secure flag on cookies (behind HTTPS). */
  readonly secureCookies: boolean;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed: 0 for none. */
  readonly trustProxy: number;
  /** Address respondents use, printed in letters and e-mails (QR codes, links). */
  readonly publicUrl: string;
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  KLANTSTEM_DEMO: z.enum(['0', '1']).default('1'),
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SECURE_COOKIES: z.enum(['0', '1']).optional(),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export class ConfigError extends Error {}

/** Validates the environment; throws ConfigError naming each wrong variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const emptyAsMissing = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(emptyAsMissing);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.KLANTSTEM_DEMO === '1',
    secret: e.SECRET,
    secureCookies:
      e.SECURE_COOKIES !== undefined
        ? e.SECURE_COOKIES === '1'
        : (e.PUBLIC_URL?.startsWith('https://') ?? false),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY,
  };
}
