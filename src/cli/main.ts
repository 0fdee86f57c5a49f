import { parseArgs } from 'node:util';
import { createApiToken } from '../app/api-tokens.ts';
import { createOrganisation } from '../app/create-organisation.ts';
import { createUser } from '../app/create-user.ts';
import { demoAccessCodes, seedDemo } from '../app/demo/seed-demo.ts';
import { allRecentJobs } from '../app/jobs/job-queries.ts';
import { jobHandlers } from '../app/jobs/job-handlers.ts';
import { runJobsUntilIdle } from '../app/jobs/job-runner.ts';
import { isRole } from '../app/manage-members.ts';
import { openDatabase } from '../app/open-database.ts';
import { rebuildStatistics } from '../app/rebuild-statistics.ts';
import { readConfig } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { findOrganisationBySlug } from '../db/organisation-store.ts';
import { ensureSecret } from '../db/settings-store.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { importLimeSurveyCommand } from './import-limesurvey-command.ts';
import { benchmarkCommands } from './benchmark-commands.ts';
import { jobsTable } from './jobs-table.ts';
import { historyCommands } from './history-commands.ts';
import { OperationsError, operationsCommands } from './operations-commands.ts';

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; description: string }>;
  run(database: Database, values: Record<string, string | boolean | undefined>): Promise<string>;
}

class UsageError extends Error {}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value.trim();
}

async function organisationId(database: Database, slug: string): Promise<string> {
  const found = await withSystem(database.db, (tx) => findOrganisationBySlug(tx, slug));
  if (!found) throw new UsageError(`No organisation with slug "${slug}"`);
  return found.id;
}

const commands: Record<string, Command> = {
  migrate: {
    summary: 'Bring the database to the latest schema and standard questionnaire',
    usage: 'migrate',
    options: {},
    run: async () => 'Database is up to date.',
  },
  'create-organisation': {
    summary: 'Create an organisation (tenant)',
    usage: 'create-organisation --slug gemeente-x --name "Gemeente X" [--inhabitants 50000] [--region Noord]',
    options: {
      slug: { type: 'string', description: 'short name in URLs: lowercase letters, digits, dashes' },
      name: { type: 'string', description: 'display name' },
      inhabitants: { type: 'string', description: 'number of inhabitants (for benchmark size classes)' },
      region: { type: 'string', description: 'region (for benchmark filters)' },
    },
    async run(database, values) {
      const inhabitants = values.inhabitants === undefined ? null : Number(values.inhabitants);
      if (inhabitants !== null && !Number.isInteger(inhabitants)) throw new UsageError('--inhabitants must be a whole number');
      const created = await createOrganisation(database.db, {
        slug: required(values, 'slug'), name: required(values, 'name'), inhabitants, region: (values.region as string) ?? null,
      });
      if (!created.ok) throw new UsageError({ 'slug-invalid': 'the slug may hold lowercase letters, digits and dashes (2-63)', 'slug-taken': 'that slug is taken', 'name-missing': '--name is empty' }[created.error]);
      return `Created organisation ${created.value.name} (${created.value.slug}, id ${created.value.id}).`;
    },
  },
  'create-user': {
    summary: 'Create a user, with a role in an organisation or as benchmark organiser',
    usage: 'create-user --email a@b.nl --name "A. Jansen" --password "…" (--organisation slug --role researcher | --benchmark-organiser)',
    options: {
      email: { type: 'string', description: 'e-mail address (sign-in name)' },
      name: { type: 'string', description: 'full name' },
      password: { type: 'string', description: 'at least 12 characters (or set KLANTSTEM_PASSWORD)' },
      organisation: { type: 'string', description: 'organisation slug' },
      role: { type: 'string', description: 'administrator, researcher, viewer or council' },
      'benchmark-organiser': { type: 'boolean', description: 'make the user a benchmark organiser' },
    },
    async run(database, values) {
      const role = values.role;
      if (values.organisation !== undefined && !isRole(role)) throw new UsageError('--role must be administrator, researcher, viewer or council');
      if (values.organisation === undefined && !values['benchmark-organiser']) throw new UsageError('give --organisation and --role, or --benchmark-organiser');
      const created = await createUser(database.db, {
        email: required(values, 'email'), name: required(values, 'name'),
        password: (values.password as string | undefined) ?? process.env.KLANTSTEM_PASSWORD ?? '',
        organisationId: values.organisation ? await organisationId(database, values.organisation as string) : undefined,
        role: isRole(role) ? role : undefined,
        isBenchmarkOrganiser: values['benchmark-organiser'] === true,
      });
      if (!created.ok) throw new UsageError({ 'email-invalid': 'the e-mail address is not valid', 'name-missing': '--name is empty', 'too-short': 'the password needs at least 12 characters', 'too-long': 'the password may have at most 256 characters', 'too-common': 'that password is common or easy to guess (a word with digits, a run of keys, your address or name); a sentence of a few words works well' }[created.error]);
      return created.value.existed ? `User existed; membership set.` : `Created user ${created.value.userId}.`;
    },
  },
  'rebuild-statistics': {
    summary: 'Recompute the report statistics (answer counts per round and item) from the answers',
    usage: 'rebuild-statistics [--round <round id>]',
    options: { round: { type: 'string', description: 'only this round (default: every round)' } },
    async run(database, values) {
      const round = values.round as string | undefined;
      if (round !== undefined && !/^[0-9a-f-]{36}$/.test(round)) throw new UsageError('--round must be a round id');
      const { rows } = await rebuildStatistics(database.db, round);
      return `Statistics rebuilt from ${rows} completed response${rows === 1 ? '' : 's'}.`;
    },
  },
  'seed-demo': {
    summary: 'Load the demo organisations (does nothing when they exist)',
    usage: 'seed-demo',
    options: {},
    async run(database) {
      const result = await seedDemo(database.db);
      return `${result.created ? 'Demo loaded.' : 'Demo was already there.'} Sign in as ${result.signIn.email} / ${result.signIn.password}`;
    },
  },
  'demo-codes': {
    summary: 'Print unused access codes of the demo 2026 round',
    usage: 'demo-codes [--count 5]',
    options: { count: { type: 'string', description: 'how many (default 5)' } },
    async run(database, values) {
      const count = values.count === undefined ? 5 : Number(values.count);
      if (!Number.isInteger(count) || count < 1 || count > 1000) throw new UsageError('--count must be a whole number from 1 to 1000');
      const codes = await demoAccessCodes(database.db, count);
      if (codes.length === 0) throw new UsageError('no demo round found: run seed-demo first');
      return codes.join('\n');
    },
  },
  'create-api-token': {
    summary: 'Create a bearer token for the JSON API (/api/v1), scoped to one organisation and a role',
    usage: 'create-api-token --organisation slug --role viewer --name "dashboard"',
    options: {
      organisation: { type: 'string', description: 'organisation slug' },
      role: { type: 'string', description: 'administrator, researcher, viewer or council' },
      name: { type: 'string', description: 'what the token is for' },
    },
    async run(database, values) {
      if (!isRole(values.role)) throw new UsageError('--role must be administrator, researcher, viewer or council');
      const token = await createApiToken(database.db, {
        organisationId: await organisationId(database, required(values, 'organisation')),
        name: required(values, 'name'), role: values.role, actorId: null,
      });
      return `Token (shown once, store it safely):\n${token}`;
    },
  },
  jobs: {
    summary: 'List the latest background jobs of all organisations',
    usage: 'jobs [--limit 50]',
    options: { limit: { type: 'string', description: 'how many (default 50)' } },
    async run(database, values) {
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10000) throw new UsageError('--limit must be a whole number from 1 to 10000');
      return jobsTable(await allRecentJobs(database.db, limit));
    },
  },
  'run-jobs': {
    summary: 'Work the job queue until no job is ready (letters need the server: they are left for it)',
    usage: 'run-jobs',
    options: {},
    async run(database) {
      const config = readConfig();
      const secret = await withSystem(database.db, (tx) => ensureSecret(tx, config.secret));
      const { ran } = await runJobsUntilIdle({
        db: database.db, secret, publicUrl: config.publicUrl, handlers: jobHandlers, onlyKinds: Object.keys(jobHandlers),
      });
      const waiting = (await allRecentJobs(database.db, 1000)).filter((job) => job.status === 'queued' || job.status === 'running');
      return `Ran ${ran} job${ran === 1 ? '' : 's'}.${waiting.length ? ` ${waiting.length} still queued or running (later retries, or kinds only the server runs):\n${jobsTable(waiting)}` : ''}`;
    },
  },
  ...operationsCommands,
  ...historyCommands,
  'import-limesurvey': importLimeSurveyCommand,
  ...benchmarkCommands,
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return `Usage: npm run cli -- <command> [options]\n\nCommands:\n${Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n')}\n\nnpm run cli -- <command> --help shows the options of a command.`;
}

function commandHelp(name: string, command: Command): string {
  const options = Object.entries(command.options).map(([o, d]) => `  --${o}${d.type === 'string' ? ' <value>' : ''}\n      ${d.description}`);
  return `${command.summary}\n\nUsage: npm run cli -- ${command.usage}\n${options.length ? `\nOptions:\n${options.join('\n')}\n` : ''}`;
}

async function main(argv: string[]): Promise<number> {
  // "benchmark export-contribution": a group of commands named by two words.
  const [first, ...others] = argv;
  const grouped = first === 'benchmark' && others[0] !== undefined && !others[0].startsWith('-');
  const name = grouped ? `${first} ${others[0]}` : first;
  const rest = grouped ? others.slice(1) : others;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${commandHelp(name, command)}`);
    return 2;
  }
  if (values.help) {
    console.log(commandHelp(name, command));
    return 0;
  }
  const database = await openDatabase(readConfig());
  try {
    console.log(await command.run(database, values));
    return 0;
  } catch (error) {
    if (error instanceof OperationsError) {
      console.error(`Error: ${error.message}`);
      return 1;
    }
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}\n\n${commandHelp(name, command)}`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
