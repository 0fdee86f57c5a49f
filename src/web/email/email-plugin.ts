import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { emailRoutes } from './email-routes.ts';
import { optOutRoutes } from './opt-out-routes.ts';
import { smtpSettingsRoutes } from './smtp-settings-routes.ts';
import { templateRoutes } from './template-routes.ts';

/** Everything e-mail: settings (/settings/email), the round's e-mail pages, and opt-out. */
export async function emailPlugin(app: FastifyInstance, options: { db: Kysely<DB>; secret: string; publicUrl: string }): Promise<void> {
  await app.register(smtpSettingsRoutes, { db: options.db, secret: options.secret });
  await app.register(emailRoutes, { db: options.db });
  await app.register(templateRoutes, { db: options.db, publicUrl: options.publicUrl });
  await app.register(optOutRoutes, { db: options.db, secret: options.secret });
}
