import { isOwnRound } from '../../app/round-queries.ts';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { addressesOverview } from '../../app/fieldwork/addresses-overview.ts';
import { chooseAddressMapping } from '../../app/fieldwork/choose-address-mapping.ts';
import { discardAddressImport } from '../../app/fieldwork/discard-address-import.ts';
import { MAX_ADDRESS_FILE_BYTES } from '../../app/fieldwork/read-address-file.ts';
import { reviewAddressImport } from '../../app/fieldwork/review-address-import.ts';
import { startAddressImport, type StartImportProblem } from '../../app/fieldwork/start-address-import.ts';
import { uploadAddressFile, type UploadProblem } from '../../app/fieldwork/upload-address-file.ts';
import type { DB } from '../../db/schema.ts';
import { isAddressField, type AddressField, type MappingProblem } from '../../domain/address-file/address-mapping.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import type { Translate } from '../i18n/translate.ts';
import { page, type FieldError } from '../layout.ts';
import { checkPageBody, errorReportText, importConfirmBody } from './address-check-page.ts';
import { mappingPageBody } from './address-mapping-page.ts';
import { addressesPageBody } from './address-upload-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const UPLOAD_MESSAGES: Record<UploadProblem, MessageKey> = {
  'not-found': 'address.upload.error.noFile',
  'no-file': 'address.upload.error.noFile',
  'round-closed': 'address.upload.error.closed',
  'sample-drawn': 'address.upload.error.sampleDrawn',
  empty: 'address.upload.error.empty',
  utf16: 'address.upload.error.utf16',
  binary: 'address.upload.error.binary',
  xls: 'address.upload.error.xls',
  'xlsx-unreadable': 'address.upload.error.xlsx',
  'no-rows': 'address.upload.error.noRows',
  'too-large': 'address.upload.error.tooLarge',
};

const IMPORT_MESSAGES: Record<Exclude<StartImportProblem, 'not-found' | 'not-mapped' | 'replace-not-confirmed'>, MessageKey> = {
  'invalid-rows': 'address.check.error.invalid',
  'nothing-valid': 'address.check.error.nothingValid',
  'round-closed': 'address.check.error.notAllowed',
  'sample-drawn': 'address.check.error.notAllowed',
};

interface UploadedFile {
  readonly filename: string;
  readonly bytes: Buffer;
}

function mappingErrors(problems: readonly MappingProblem[], t: Translate): FieldError[] {
  return problems.map((p) =>
    p.kind === 'twice'
      ? { field: `col-${p.columns[1]}`, message: t('address.mapping.error.twice', { field: t(`address.field.${p.field}`) }) }
      : { field: 'col-0', message: t('address.mapping.error.noAddress') },
  );
}

/**
 * Address-file pages of a round: upload (multipart, at most 20 MB), column mapping, row check
 * with the error report, confirmation and the import job. Researchers and administrators of
 * the round's own organisation only; another organisation's round is not found.
 */
export async function addressRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  // Registered here, so only these routes accept uploads. Fields (with _csrf) and the file are
  // read into the body before the CSRF check runs; the file keeps its name.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_ADDRESS_FILE_BYTES, files: 1, fields: 10, parts: 12 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      (part as unknown as { value: UploadedFile }).value = { filename: part.filename, bytes };
    },
  });

  const send = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, status = 200, notice?: string) => {
    const { t, language, csrfToken } = request.ctx;
    return reply
      .code(status)
      .type('text/html')
      .header('cache-control', 'no-store')
      .send(page({ title, language, t, csrfToken, path: request.url, user: member.session, body, notice }).value);
  };
  const ids = (request: FastifyRequest): { roundId: string; importId?: string } | undefined => {
    const { id, importId } = request.params as { id: string; importId?: string };
    if (!UUID.test(id) || (importId !== undefined && !UUID.test(importId))) return undefined;
    return { roundId: id, importId };
  };
  const actorOf = (member: Member) => ({ organisationId: member.membership.organisationId, userId: member.session.userId });

  async function showAddresses(request: FastifyRequest, reply: FastifyReply, member: Member, roundId: string, errors: FieldError[], status = 200) {
    const overview = await addressesOverview(db, actorOf(member), roundId);
    if (!overview) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const done = (request.query as { done?: string }).done;
    const notice = done === 'discarded' ? t('address.discarded') : undefined;
    return send(request, reply, member, t('address.title'), addressesPageBody(overview, { t, language, csrfToken, errors }), status, notice);
  }

  // A file over the limit stops the upload before any handler runs: answer with the page and a message.
  app.setErrorHandler(async (error: Error & { code?: string; statusCode?: number }, request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return reply;
    const p = ids(request);
    if (p && (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT')) {
      const message = request.ctx.t(error.code === 'FST_REQ_FILE_TOO_LARGE' ? 'address.upload.error.tooLarge' : 'address.upload.error.noFile');
      return showAddresses(request, reply, member, p.roundId, [{ field: 'file', message }], 413);
    }
    throw error;
  });

  app.get('/rounds/:id/addresses', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const p = ids(request);
    if (!member) return;
    if (!p) return reply.callNotFound();
    return showAddresses(request, reply, member, p.roundId, []);
  });

  app.post('/rounds/:id/addresses', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const p = ids(request);
    if (!member) return;
    if (!p) return reply.callNotFound();
    const file = (request.body as { file?: unknown } | undefined)?.file as UploadedFile | undefined;
    const uploaded = await uploadAddressFile(db, actorOf(member), {
      roundId: p.roundId,
      fileName: file?.filename ?? '',
      bytes: file && Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.alloc(0),
    });
    if (uploaded.ok) return reply.redirect(`/rounds/${p.roundId}/addresses/${uploaded.value.importId}/mapping`, 303);
    if (uploaded.error === 'not-found') return reply.callNotFound();
    return showAddresses(request, reply, member, p.roundId, [{ field: 'file', message: request.ctx.t(UPLOAD_MESSAGES[uploaded.error]) }], 400);
  });

  async function review(request: FastifyRequest, reply: FastifyReply) {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return undefined;
    const p = ids(request);
    const found = p?.importId ? await reviewAddressImport(db, actorOf(member), p.roundId, p.importId) : undefined;
    if (!found) {
      void reply.callNotFound();
      return undefined;
    }
    return { member, review: found };
  }

  app.get('/rounds/:id/addresses/:importId/mapping', async (request, reply) => {
    const found = await review(request, reply);
    if (!found) return reply;
    const { t, language, csrfToken } = request.ctx;
    return send(request, reply, found.member, t('address.mapping.title'), mappingPageBody(found.review, { t, language, csrfToken, errors: [] }));
  });

  app.post('/rounds/:id/addresses/:importId/mapping', async (request, reply) => {
    const found = await review(request, reply);
    if (!found) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const mapping = new Map<number, AddressField>();
    for (const column of found.review.columns) {
      const value = body[`col-${column.index}`];
      if (isAddressField(value)) mapping.set(column.index, value);
    }
    const { upload, round } = found.review;
    const chosen = await chooseAddressMapping(db, actorOf(found.member), { roundId: round.id, importId: upload.id, mapping });
    if (chosen.ok) return reply.redirect(`/rounds/${round.id}/addresses/${upload.id}/check`, 303);
    if (chosen.error === 'not-found') return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const errors = mappingErrors(chosen.error, t);
    return send(request, reply, found.member, t('address.mapping.title'), mappingPageBody(found.review, { t, language, csrfToken, errors, chosen: mapping }), 400);
  });

  async function showCheck(request: FastifyRequest, reply: FastifyReply, errors: FieldError[], status = 200) {
    const found = await review(request, reply);
    if (!found) return reply;
    const { review: r } = found;
    if (!r.validation) return reply.redirect(`/rounds/${r.round.id}/addresses/${r.upload.id}/mapping`, 303);
    const { t, language, csrfToken } = request.ctx;
    return send(request, reply, found.member, t('address.check.title'), checkPageBody(r, r.validation, { t, language, csrfToken, errors }), status);
  }

  app.get('/rounds/:id/addresses/:importId/check', async (request, reply) => showCheck(request, reply, []));

  app.get('/rounds/:id/addresses/:importId/errors.csv', async (request, reply) => {
    const found = await review(request, reply);
    if (!found) return reply;
    if (!found.review.validation) return reply.callNotFound();
    const { t } = request.ctx;
    return reply
      .header('content-disposition', `attachment; filename="${t('address.report.fileName')}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(errorReportText(found.review, found.review.validation, t));
  });

  app.post('/rounds/:id/addresses/:importId/import', async (request, reply) => {
    const found = await review(request, reply);
    if (!found) return reply;
    const { review: r } = found;
    const skip = (request.body as { skip?: unknown } | undefined)?.skip === 'yes';
    const { t } = request.ctx;
    if (!r.validation) return reply.redirect(`/rounds/${r.round.id}/addresses/${r.upload.id}/mapping`, 303);
    if (r.validation.invalidRows > 0 && !skip) return showCheck(request, reply, [{ field: 'skip', message: t('address.check.error.invalid') }], 400);
    if (r.validation.valid.length === 0) return showCheck(request, reply, [{ field: 'skip', message: t('address.check.error.nothingValid') }], 400);
    return reply.redirect(`/rounds/${r.round.id}/addresses/${r.upload.id}/confirm${skip ? '?skip=yes' : ''}`, 303);
  });

  app.get('/rounds/:id/addresses/:importId/confirm', async (request, reply) => {
    const found = await review(request, reply);
    if (!found) return reply;
    const { review: r } = found;
    if (!r.validation) return reply.redirect(`/rounds/${r.round.id}/addresses/${r.upload.id}/mapping`, 303);
    const skip = (request.query as { skip?: string }).skip === 'yes';
    const { t, language, csrfToken } = request.ctx;
    return send(request, reply, found.member, t('address.confirm.title'), importConfirmBody(r, r.validation, { t, language, csrfToken, skip }));
  });

  app.post('/rounds/:id/addresses/:importId/confirm', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = ids(request);
    if (!p?.importId) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const started = await startAddressImport(db, actorOf(member), {
      roundId: p.roundId, importId: p.importId, skipInvalid: body.skip === 'yes', replaceConfirmed: body.replace === 'yes',
    });
    if (started.ok) return reply.redirect(`/jobs/${started.value.jobId}`, 303);
    switch (started.error) {
      case 'not-found':
        return reply.callNotFound();
      case 'not-mapped':
        return reply.redirect(`/rounds/${p.roundId}/addresses/${p.importId}/mapping`, 303);
      case 'replace-not-confirmed':
        // More addresses arrived since the confirmation page was shown: confirm again.
        return reply.redirect(`/rounds/${p.roundId}/addresses/${p.importId}/confirm${body.skip === 'yes' ? '?skip=yes' : ''}`, 303);
      default:
        return showCheck(request, reply, [{ field: 'skip', message: request.ctx.t(IMPORT_MESSAGES[started.error]) }], 409);
    }
  });

  app.post('/rounds/:id/addresses/:importId/discard', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = ids(request);
    if (!p?.importId || !(await isOwnRound(db, member.membership.organisationId, p.roundId))) return reply.callNotFound();
    await discardAddressImport(db, actorOf(member), p.roundId, p.importId);
    return reply.redirect(`/rounds/${p.roundId}/addresses?done=discarded`, 303);
  });
}
