import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { importQuestionnaireFile } from '../../app/history-import/import-questionnaire-file.ts';
import { linkStandardKeys } from '../../app/history-import/link-standard-keys.ts';
import { questionnaireImports, reviewQuestionnaireImport } from '../../app/history-import/questionnaire-import-review.ts';
import type { DB } from '../../db/schema.ts';
import { LSS_LIMITS } from '../../domain/history-import/lss-document.ts';
import type { IssueMessage } from '../../domain/questionnaire/issue-message.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { page, type FieldError } from '../layout.ts';
import { importReviewBody, importsPageBody } from './questionnaire-import-pages.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface UploadedFile {
  readonly filename: string;
  readonly bytes: Buffer;
}

/**
 * Import of a questionnaire structure from LimeSurvey (.lss): upload, import report, links to
 * standard item keys. Researchers and administrators of the own organisation only; another
 * organisation's import is not found.
 */
export async function questionnaireImportRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  // Registered here, so only these routes accept uploads; the fields (with _csrf) are in the
  // body before the CSRF check runs. The cap is the reader's own, plus room for the form.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: LSS_LIMITS.bytes, files: 1, fields: 5, parts: 6 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      (part as unknown as { value: UploadedFile }).value = { filename: part.filename, bytes };
    },
  });

  const send = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, status = 200, notice?: string) => {
    const { t, language, csrfToken } = request.ctx;
    return reply.code(status).type('text/html').header('cache-control', 'no-store')
      .send(page({ title, language, t, csrfToken, path: request.url, user: member.session, body, notice }).value);
  };
  const message = (request: FastifyRequest, issue: IssueMessage): string => (request.ctx.language === 'nl' ? issue.nl : issue.en);

  async function showImports(request: FastifyRequest, reply: FastifyReply, member: Member, errors: FieldError[], status = 200) {
    const { t, language, csrfToken } = request.ctx;
    const imports = await questionnaireImports(db, member.membership.organisationId);
    return send(request, reply, member, t('historyImport.title'), importsPageBody(imports, { t, language, csrfToken, errors }), status);
  }

  app.setErrorHandler(async (error: Error & { code?: string }, request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return reply;
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT') {
      return showImports(request, reply, member, [{ field: 'file', message: request.ctx.t('historyImport.upload.tooLarge') }], 413);
    }
    throw error;
  });

  app.get('/questionnaire-imports', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    return showImports(request, reply, member, []);
  });

  app.post('/questionnaire-imports', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const file = (request.body as { file?: unknown } | undefined)?.file as UploadedFile | undefined;
    const imported = await importQuestionnaireFile(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, {
      fileName: file?.filename ?? '',
      bytes: file && Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.alloc(0),
    });
    if (imported.ok) return reply.redirect(`/questionnaire-imports/${imported.value.importId}`, 303);
    return showImports(request, reply, member, [{ field: 'file', message: message(request, imported.error.message) }], 400);
  });

  app.get('/questionnaire-imports/:id', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const { id } = request.params as { id: string };
    const review = UUID.test(id) ? await reviewQuestionnaireImport(db, member.membership.organisationId, id) : undefined;
    if (!review) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const notice = (request.query as { done?: string }).done === 'keys' ? t('historyImport.keys.saved') : undefined;
    return send(request, reply, member, t('historyImport.review.title', { name: review.record.fileName }), importReviewBody(review, { t, language, csrfToken, errors: [] }), 200, notice);
  });

  app.post('/questionnaire-imports/:id/keys', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const { id } = request.params as { id: string };
    if (!UUID.test(id)) return reply.callNotFound();
    const form = (request.body ?? {}) as Record<string, unknown>;
    const mapping: Record<string, string> = {};
    const fieldOf = new Map<string, string>();
    for (const [name, value] of Object.entries(form)) {
      const index = /^item-(\d{1,4})$/.exec(name)?.[1];
      const chosen = index === undefined ? undefined : form[`key-${index}`];
      if (typeof value === 'string' && typeof chosen === 'string') {
        mapping[value] = chosen;
        fieldOf.set(value, `key-${index}`);
      }
    }
    const actor = { organisationId: member.membership.organisationId, userId: member.session.userId };
    const linked = await linkStandardKeys(db, actor, id, mapping);
    if (linked.ok) return reply.redirect(`/questionnaire-imports/${id}?done=keys`, 303);
    if (linked.error === 'not-found') return reply.callNotFound();
    const review = await reviewQuestionnaireImport(db, actor.organisationId, id);
    if (!review) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const errors = linked.error.map((issue) => ({ field: fieldOf.get(issue.key) ?? [...fieldOf.values()][0] ?? 'key-0', message: message(request, issue.message) }));
    return send(request, reply, member, t('historyImport.review.title', { name: review.record.fileName }), importReviewBody(review, { t, language, csrfToken, errors }, mapping), 400);
  });
}
