import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { publicResults } from '../../app/public-results.ts';
import type { DB } from '../../db/schema.ts';
import { isLanguage, translator, type Language } from '../i18n/translate.ts';
import { page } from '../layout.ts';
import { publicPage } from './public-page.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const STYLES = fs.readFileSync(path.join(here, 'public.css'), 'utf8');

/** Shared caches may keep a published page a few minutes; a 404 must not stick. */
const PUBLISHED_CACHE = 'public, max-age=300, stale-while-revalidate=60';

/**
 * The public results page /p/<organisation-slug>/<round-id>: no sign-in, only for published
 * rounds. The language comes from ?lang only (the switch links carry it), never from a
 * cookie, so one URL is one page and shared caches may keep it; no cookie is set here.
 */
export async function publicRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  // The request context hands every visitor an anonymous CSRF cookie (and one for ?lang);
  // this page has no forms, and a Set-Cookie header would make it uncacheable.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/p/')) reply.removeHeader('set-cookie');
    return payload;
  });

  app.get('/p/public.css', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(STYLES));

  app.get('/p/:slug/:roundId', async (request, reply) => {
    const { slug, roundId } = request.params as { slug: string; roundId: string };
    const lang = (request.query as { lang?: unknown }).lang;
    const language: Language = isLanguage(lang) ? lang : 'nl';
    const results = await publicResults(db, slug, roundId);
    if (!results) {
      reply.header('cache-control', 'no-store');
      return reply.callNotFound();
    }
    const t = translator(language);
    const title = `${t('publish.page.title', { year: results.round.year })} · ${results.organisation.name}`;
    const markup = page({ title, language, t, csrfToken: '', path: `/p/${results.organisation.slug}/${results.round.id}`, body: publicPage({ t, language }, results) });
    return reply
      .header('cache-control', PUBLISHED_CACHE)
      .header('content-language', language)
      .type('text/html; charset=utf-8')
      .send(markup.value);
  });
}
