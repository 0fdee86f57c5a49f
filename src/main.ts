import { seedDemo } from './app/demo/seed-demo.ts';
import { startJobRunner } from './app/jobs/job-runner.ts';
import { openDatabase } from './app/open-database.ts';
import { readConfig, ConfigError, type Config } from './config.ts';
import { DataDirLockedError } from './db/pglite-lock.ts';
import { ensureSecret } from './db/settings-store.ts';
import { withSystem } from './db/tenant-transaction.ts';
import { allJobHandlers } from './web/all-job-handlers.ts';
import { build } from './web/build-server.ts';
import { logSafeUrl } from './web/log-safe-url.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`Klantstem: opening the database (${where})…`);
  let database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { db } = database;
  const secret = await withSystem(db, (tx) => ensureSecret(tx, config.secret));
  let demoSignIn: { email: string; password: string } | undefined;
  if (config.demo) {
    console.log('Klantstem: loading the demo organisation (first start only)…');
    demoSignIn = (await seedDemo(db)).signIn;
  }
  const app = await build({
    db,
    secret,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    logger: {
      level: process.env.LOG_LEVEL ?? 'info',
      serializers: {
        req: (request: { method: string; url: string }) => ({ method: request.method, url: logSafeUrl(request.url) }),
      },
    },
  });

  // Background jobs (imports, letters, e-mail, purge). On PGlite the runner shares the one
  // connection with the web requests, so it looks for work only once a second.
  const jobRunner = startJobRunner({
    db,
    secret,
    publicUrl: config.publicUrl,
    handlers: allJobHandlers,
    pollMs: database.kind === 'pglite' ? 1_000 : 500,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`Klantstem: ${signal} received, finishing running requests…`);
    // A request that hangs must not keep the process from stopping (systemd waits 90 s by default).
    setTimeout(() => {
      console.error('Klantstem: requests still running after 30 s, stopping anyway.');
      process.exit(1);
    }, 30_000).unref();
    await app.close();
    // A running job is interrupted at its next safe point and queued again for the next start.
    await jobRunner.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  console.log(`\nKlantstem runs at ${address.replace('127.0.0.1', 'localhost')}`);
  if (demoSignIn) {
    console.log(`Demo sign-in (Gemeente Voorbeeldstad, researcher): ${demoSignIn.email} / ${demoSignIn.password}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
