import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createOrganisation } from '../../src/app/create-organisation.ts';
import { createUser } from '../../src/app/create-user.ts';
import { ensureStandardQuestionnaire } from '../../src/app/ensure-standard-questionnaire.ts';
import type { Database } from '../../src/db/connect.ts';
import type { Role } from '../../src/db/schema.ts';
import { build } from '../../src/web/build-server.ts';
import { createTestDatabase } from './test-database.ts';

export const PASSWORD = 'correct horse battery staple';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly orgA: string;
  readonly orgB: string;
  close(): Promise<void>;
}

/** A real server on a real database with two organisations and a user per role in each. */
export async function createTestApp(options: { signInLimit?: number } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await ensureStandardQuestionnaire(database.db);
  const orgs: string[] = [];
  for (const slug of ['alfa', 'beta']) {
    const created = await createOrganisation(database.db, { slug, name: `Gemeente ${slug[0]!.toUpperCase()}${slug.slice(1)}` });
    if (!created.ok) throw new Error(created.error);
    orgs.push(created.value.id);
    for (const role of ['administrator', 'researcher', 'viewer', 'council'] as Role[]) {
      const user = await createUser(database.db, { email: `${role}@${slug}.nl`, name: `${role} ${slug}`, password: PASSWORD, organisationId: created.value.id, role });
      if (!user.ok) throw new Error(user.error);
    }
  }
  const app = await build({ db: database.db, secret: 'test-secret-test-secret-test-secret!', signInLimit: options.signInLimit ?? 1000, codeAttemptsPerClient: 1000 });
  return {
    app,
    database,
    orgA: orgs[0]!,
    orgB: orgs[1]!,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A browser-like client: keeps cookies and reads the CSRF token from the last page. */
export class Client {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private app: FastifyInstance) {}

  /** Sends the next requests to another process of the same installation (a load balancer). */
  via(app: FastifyInstance): this {
    this.app = app;
    return this;
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.csrf = token[1]!;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }

  async post(url: string, form: Record<string, string | string[]>, options: { csrf?: string | null } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf !== null) body.append('_csrf', csrf);
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    return this.post('/sign-in', { email, password });
  }
}
