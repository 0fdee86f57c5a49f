import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { importRawResponses, responseUploadView, uploadResponseFile, type RawResponsesProblem, type ResponseUploadView } from '../../app/history-import/import-raw-responses.ts';
import { MAX_ADDRESS_FILE_BYTES } from '../../app/fieldwork/read-address-file.ts';
import { startRawResponsesImport } from '../../app/history-import/raw-responses-job.ts';
import { questionnaireImports } from '../../app/history-import/questionnaire-import-review.ts';
import type { Channel, DB } from '../../db/schema.ts';
import { parseRecoding, type ColumnMapping } from '../../domain/history-import/read-response-file.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import type { Translate } from '../i18n/translate.ts';
import { page, type FieldError } from '../layout.ts';
import { mappingPage, uploadPage, type CheckSummary, type MappingFormValues } from './raw-responses-pages.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_COLUMNS_LISTED = 500;

interface UploadedFile { readonly filename: string; readonly bytes: Buffer }

function fileError(t: Translate, problem: RawResponsesProblem): FieldError[] {
  if (problem.kind !== 'file') return [{ field: 'file', message: t('responses.file.problem') }];
  const key: MessageKey = problem.problem === 'xls' ? 'responses.file.xls' : problem.problem === 'too-large' || problem.problem === 'too-many-rows' ? 'responses.file.tooLarge' : 'responses.file.problem';
  return [{ field: 'file', message: t(key) }];
}

/** The problems of an import as errors on the mapping page's fields. */
function mappingErrors(t: Translate, problem: RawResponsesProblem, mapping: readonly ColumnMapping[]): FieldError[] {
  switch (problem.kind) {
    case 'fields':
      return problem.fields.filter((f) => f !== 'source').map((field) => ({ field, message: field === 'year' ? t('responses.error.year', { latest: problem.latest }) : t('responses.error.name') }));
    case 'mapping':
      return problem.problems.map((p) => {
        switch (p.kind) {
          case 'nothing-mapped': return { field: 'col-0', message: t('responses.error.nothingMapped') };
          case 'item-twice': return { field: `col-${[...mapping].reverse().find((m) => m.itemKey === p.itemKey)?.column ?? 0}`, message: t('responses.error.itemTwice') };
          case 'unknown-item': return { field: `col-${p.column}`, message: t('responses.error.unknownItem') };
          case 'no-column': return { field: 'col-0', message: t('responses.error.unknownItem') };
        }
      });
    case 'cells': {
      // One line per column and value: a file repeats the same unreadable answer many times.
      const groups = new Map<string, { column: number; header: string; value: string; problem: string; rows: number[] }>();
      for (const p of problem.reading.problems) {
        const key = `${p.column}\u0000${p.value}\u0000${p.problem}`;
        const group = groups.get(key) ?? { column: p.column, header: p.header, value: p.value, problem: p.problem, rows: [] };
        group.rows.push(p.row);
        groups.set(key, group);
      }
      const listed = [...groups.values()].slice(0, 20).map((g) => ({
        field: `recode-${g.column}`,
        message: t('responses.error.cell', {
          rows: g.rows.length > 5 ? `${g.rows.slice(0, 5).join(', ')} …` : g.rows.join(', '), count: g.rows.length,
          header: g.header, value: g.value, problem: t(`responses.cell.${g.problem as 'unreadable'}`),
        }),
      }));
      const more = problem.reading.problemCount - problem.reading.problems.length;
      return more > 0 ? [...listed, { field: listed[0]!.field, message: t('responses.error.moreCells', { count: more }) }] : listed;
    }
    case 'no-responses': return [{ field: 'col-0', message: t('responses.error.noResponses') }];
    case 'upload-gone': return [{ field: 'name', message: t('responses.error.gone') }];
    case 'questionnaire-gone': return [{ field: 'questionnaire', message: t('responses.error.questionnaireGone') }];
    case 'file': return [{ field: 'name', message: t('responses.file.problem') }];
  }
}

/** Raw responses of rounds from before Klantstem (researchers and administrators). */
export async function rawResponsesRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_ADDRESS_FILE_BYTES, files: 1, fields: 5, parts: 6 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      (part as unknown as { value: UploadedFile }).value = { filename: part.filename, bytes };
    },
  });

  const send = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, status = 200) => {
    const { t, language, csrfToken } = request.ctx;
    return reply.code(status).type('text/html').header('cache-control', 'no-store')
      .send(page({ title, language, t, csrfToken, path: request.url, user: member.session, body }).value);
  };
  const showUpload = (request: FastifyRequest, reply: FastifyReply, member: Member, errors: FieldError[], status = 200) => {
    const { t, language, csrfToken } = request.ctx;
    return send(request, reply, member, t('responses.title'), uploadPage({ t, language, csrfToken, errors }), status);
  };
  const showMapping = async (request: FastifyRequest, reply: FastifyReply, member: Member, view: ResponseUploadView, values: MappingFormValues, errors: FieldError[], checked?: CheckSummary) => {
    const { t, language, csrfToken } = request.ctx;
    const imports = (await questionnaireImports(db, member.membership.organisationId)).map((i) => ({ id: i.id, fileName: i.fileName }));
    const choice = { chosen: chosenQuestionnaire(request) ?? '', imports };
    const body = mappingPage(view, values, { t, language, csrfToken, errors, choice, ...(checked ? { checked } : {}) });
    return send(request, reply, member, t('responses.mapping.title', { file: view.upload.fileName }), body, errors.length ? 400 : 200);
  };

  app.setErrorHandler(async (error: Error & { code?: string }, request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return reply;
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT') {
      return showUpload(request, reply, member, [{ field: 'file', message: request.ctx.t('responses.file.tooLarge') }], 413);
    }
    throw error;
  });

  app.get('/history/responses', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (member) return showUpload(request, reply, member, []);
  });

  app.post('/history/responses', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const file = (request.body as { file?: unknown } | undefined)?.file as UploadedFile | undefined;
    if (!file || !Buffer.isBuffer(file.bytes) || file.bytes.length === 0) return showUpload(request, reply, member, [{ field: 'file', message: request.ctx.t('responses.file.none') }], 400);
    const uploaded = await uploadResponseFile(db, { organisationId: member.membership.organisationId, userId: member.session.userId }, { fileName: file.filename, bytes: file.bytes });
    if (!uploaded.ok) return showUpload(request, reply, member, fileError(request.ctx.t, uploaded.error), 400);
    return reply.redirect(`/history/responses/${uploaded.value}`, 303);
  });

  /** The LimeSurvey import chosen as the questionnaire (query on the page, form field on a POST). */
  const chosenQuestionnaire = (request: FastifyRequest): string | undefined => {
    const source = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown> | undefined;
    const value = source?.questionnaire;
    return typeof value === 'string' && UUID.test(value) ? value : undefined;
  };
  const loadView = async (request: FastifyRequest, reply: FastifyReply, member: Member) => {
    const { id } = request.params as { id: string };
    const view = UUID.test(id) ? await responseUploadView(db, member.membership.organisationId, id, chosenQuestionnaire(request)) : undefined;
    if (!view) void reply.callNotFound();
    return view;
  };

  app.get('/history/responses/:id', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const view = member && (await loadView(request, reply, member));
    if (!member || !view) return;
    const columns = view.upload.table.headers.map((_, column) => ({ itemKey: view.suggested.get(column) ?? '', recoding: '' }));
    return showMapping(request, reply, member, view, { name: '', year: '', channel: 'web', skipUnreadable: false, columns }, []);
  });

  app.post('/history/responses/:id', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const view = member && (await loadView(request, reply, member));
    if (!member || !view) return;
    const { t } = request.ctx;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const channel: Channel = text('channel') === 'paper' || text('channel') === 'phone' ? (text('channel') as Channel) : 'web';
    const columns = view.upload.table.headers.slice(0, MAX_COLUMNS_LISTED).map((_, column) => ({ itemKey: text(`col-${column}`).trim(), recoding: text(`recode-${column}`) }));
    const values: MappingFormValues = { name: text('name').trim(), year: text('year').trim(), channel, skipUnreadable: text('skipUnreadable') === '1', columns };
    const recodingErrors: FieldError[] = [];
    const mapping: ColumnMapping[] = columns.flatMap((c, column) => {
      if (!c.itemKey) return [];
      const { recoding, badLines } = parseRecoding(c.recoding);
      if (badLines.length) recodingErrors.push({ field: `recode-${column}`, message: t('responses.error.recoding', { lines: badLines.join(', ') }) });
      return [{ column, itemKey: c.itemKey, recoding }];
    });
    if (recodingErrors.length) return showMapping(request, reply, member, view, values, recodingErrors);
    const actor = { organisationId: member.membership.organisationId, userId: member.session.userId };
    const year = /^\d{4}$/.test(values.year) ? Number(values.year) : Number.NaN;
    if (text('action') === 'import') {
      // Checked again, then imported in the background: the job page shows the progress.
      const questionnaireImportId = chosenQuestionnaire(request);
      const started = await startRawResponsesImport(db, actor, { name: values.name, year, uploadId: view.upload.id, mapping, channel, skipUnreadable: values.skipUnreadable, ...(questionnaireImportId ? { questionnaireImportId } : {}) });
      if (!started.ok) return showMapping(request, reply, member, view, values, mappingErrors(t, started.error, mapping));
      return reply.redirect(`/jobs/${started.value.jobId}`, 303);
    }
    const questionnaireImportId = chosenQuestionnaire(request);
    const checked = await importRawResponses(db, actor, { name: values.name, year, file: { uploadId: view.upload.id }, mapping, channel, skipUnreadable: values.skipUnreadable, dryRun: true, ...(questionnaireImportId ? { questionnaireImportId } : {}) });
    if (!checked.ok) return showMapping(request, reply, member, view, values, mappingErrors(t, checked.error, mapping));
    return showMapping(request, reply, member, view, values, [], checked.value);
  });
}
