import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { exportContributionSignedHere, joinWithSigningKey, useCurrentKeyFor } from '../../app/benchmark/files-signed-here.ts';
import { importReference } from '../../app/benchmark/import-reference.ts';
import { joinedBenchmark, type JoinedBenchmark } from '../../app/benchmark/joined-benchmarks.ts';
import { replaceOrganiserKey } from '../../app/benchmark/set-up-benchmark.ts';
import { signingKeyOf } from '../../app/benchmark/signing-key.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import type { FieldError } from '../layout.ts';
import { acceptBenchmarkUploads, fileNamePart, idParam, sendDownload, sendPage, pastedOrUploaded, text, uploadedText, UUID } from './benchmark-web.ts';
import { fileRefusalError, fileRefusalStatus } from './file-refusal-error.ts';
import { setUpError } from './organiser-routes.ts';
import { joinForm, joinedBenchmarkPage, type JoinValues } from './participant-pages.ts';

// The participant's side in the browser (researchers and administrators): join a benchmark with
// the organiser's public key (the organisation's own stored key is the other), download the
// signed contribution of a closed round, and upload the reference figures the organiser returned.

const EXPORT_ERRORS: Record<'unknown-round' | 'round-not-closed' | 'other-year' | 'key-mismatch' | 'no-signing-key', MessageKey> = {
  'unknown-round': 'benchmarkFiles.error.round',
  'round-not-closed': 'benchmarkFiles.error.roundNotClosed',
  'other-year': 'benchmarkFiles.error.otherYear',
  'key-mismatch': 'benchmarkFiles.error.keyMismatch',
  'no-signing-key': 'benchmarkFiles.error.noKey',
};

const joinValues = (body: Record<string, unknown>): JoinValues => ({
  name: text(body.name).trim(), year: text(body.year).trim(), questionnaireVersion: text(body.questionnaireVersion).trim(), organiserKey: text(body.organiserKey).trim(),
});

export async function participantRoutes(app: FastifyInstance, options: { db: Kysely<DB>; secret: string }): Promise<void> {
  const { db, secret } = options;
  const formCtx = (request: FastifyRequest, errors: readonly FieldError[]) => ({ t: request.ctx.t, language: request.ctx.language, csrfToken: request.ctx.csrfToken, errors });

  const showJoinForm = async (request: FastifyRequest, reply: FastifyReply, member: Member, values: JoinValues, errors: FieldError[] = [], status = errors.length ? 400 : 200) => {
    const hasKey = (await signingKeyOf(db, member.membership.organisationId)) !== undefined;
    return sendPage(request, reply, member, request.ctx.t('benchmarkFiles.join.title'), joinForm(formCtx(request, errors), values, hasKey), { status });
  };
  /** The joined benchmark in the URL; otherwise the route has answered 404. */
  const joined = async (request: FastifyRequest, reply: FastifyReply, member: Member): Promise<JoinedBenchmark | undefined> => {
    const id = idParam(request, 'id');
    const found = id && (await joinedBenchmark(db, member.membership.organisationId, id));
    if (!found) void reply.callNotFound();
    return found || undefined;
  };
  const showJoined = (request: FastifyRequest, reply: FastifyReply, member: Member, found: JoinedBenchmark, options: { errors?: FieldError[]; status?: number; notice?: string; round?: string; organiserKey?: string } = {}) =>
    sendPage(request, reply, member, `${found.benchmark.name} ${found.benchmark.year}`, joinedBenchmarkPage(formCtx(request, options.errors ?? []), found, options.round, options.organiserKey), {
      status: options.status ?? 200, ...(options.notice ? { notice: options.notice } : {}),
    });

  await acceptBenchmarkUploads(app, async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return reply;
    const tooLarge = { message: request.ctx.t('benchmarkFiles.error.tooLarge') };
    if (request.url.startsWith('/benchmarks/join')) return showJoinForm(request, reply, member, joinValues({}), [{ field: 'organiserKey', ...tooLarge }], 413);
    const found = await joined(request, reply, member);
    const field = request.url.endsWith('/organiser-key') ? 'organiserKey' : 'file';
    return found ? showJoined(request, reply, member, found, { errors: [{ field, ...tooLarge }], status: 413 }) : reply;
  });

  app.get('/benchmarks/join', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    return showJoinForm(request, reply, member, { name: '', year: String(new Date().getFullYear()), questionnaireVersion: 'standaard-kto 1', organiserKey: '' });
  });

  app.post('/benchmarks/join', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = joinValues(body);
    const year = /^\d{4}$/.test(values.year) ? Number(values.year) : Number.NaN;
    const joinedNow = await joinWithSigningKey(db, member.membership.organisationId, {
      name: values.name, year, questionnaireVersion: values.questionnaireVersion, organiserPublicKey: pastedOrUploaded(values.organiserKey, body, 'file'),
    });
    if (joinedNow.ok) return reply.redirect(`/benchmarks/joined/${joinedNow.value.id}?done=joined`, 303);
    if (joinedNow.error === 'no-signing-key') return showJoinForm(request, reply, member, values, [{ field: 'name', message: request.ctx.t('benchmarkFiles.error.noKey') }], 409);
    const nameFine = values.name !== '' && values.name.length <= 200;
    const error = setUpError(request, joinedNow.error, { publicKey: 'organiserKey', ...(joinedNow.error === 'invalid-name' && nameFine ? { name: 'questionnaireVersion' } : {}) });
    return showJoinForm(request, reply, member, values, [error], joinedNow.error === 'exists' ? 409 : 400);
  });

  app.get('/benchmarks/joined/:id', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await joined(request, reply, member));
    if (!member || !found) return;
    const { t } = request.ctx;
    const done = (request.query as Record<string, unknown>).done;
    const notice = done === 'joined' ? t('benchmarkFiles.joined', { name: `${found.benchmark.name} ${found.benchmark.year}` })
      : done === 'reference' && found.reference ? t('benchmarkFiles.participant.imported', { organisations: found.reference.organisations })
        : done === 'key' ? t('benchmarkFiles.participant.keyUpdated')
          : done === 'organiser-key' ? t('benchmarkFiles.participant.organiserKeySaved') : undefined;
    return showJoined(request, reply, member, found, notice ? { notice } : {});
  });

  app.get('/benchmarks/joined/:id/contribution.json', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await joined(request, reply, member));
    if (!member || !found) return;
    const roundId = text((request.query as Record<string, unknown>).round);
    const { benchmark } = found;
    const refuse = (error: keyof typeof EXPORT_ERRORS, status: number) =>
      showJoined(request, reply, member, found, { errors: [{ field: 'round', message: request.ctx.t(EXPORT_ERRORS[error]) }], status, round: roundId });
    if (!UUID.test(roundId)) return refuse('unknown-round', 400);
    const exported = await exportContributionSignedHere(db, member.membership.organisationId, secret, { benchmark, roundId });
    if (exported.ok) return sendDownload(reply, `bijdrage-${fileNamePart(`${benchmark.name} ${benchmark.year}`)}-${member.membership.slug}.json`, exported.value.text);
    if (exported.error === 'unknown-benchmark') return reply.callNotFound();
    return refuse(exported.error, exported.error === 'unknown-round' ? 400 : 409);
  });

  // The forms on the joined benchmark's page post to these; opened by address (a bookmark, a
  // reload after a refused upload) they lead back to that page instead of a 404.
  for (const form of ['reference', 'key', 'organiser-key']) {
    app.get(`/benchmarks/joined/:id/${form}`, async (request, reply) => {
      const member = requireRole(request, reply, DESIGNERS);
      const found = member && (await joined(request, reply, member));
      if (!member || !found) return;
      return reply.redirect(`/benchmarks/joined/${found.benchmark.id}`, 303);
    });
  }

  app.post('/benchmarks/joined/:id/reference', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await joined(request, reply, member));
    if (!member || !found) return;
    const { t, language } = request.ctx;
    const file = uploadedText((request.body ?? {}) as Record<string, unknown>, 'file');
    if (file === undefined) return showJoined(request, reply, member, found, { errors: [{ field: 'file', message: t('benchmarkFiles.error.noFile') }], status: 400 });
    const imported = await importReference(db, member.membership.organisationId, found.benchmark, file);
    if (imported.ok) return reply.redirect(`/benchmarks/joined/${found.benchmark.id}?done=reference`, 303);
    return showJoined(request, reply, member, found, { errors: [fileRefusalError(t, language, imported.error)], status: fileRefusalStatus(imported.error) });
  });

  app.post('/benchmarks/joined/:id/key', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await joined(request, reply, member));
    if (!member || !found) return;
    const used = await useCurrentKeyFor(db, member.membership.organisationId, found.benchmark.id);
    if (used.ok) return reply.redirect(`/benchmarks/joined/${found.benchmark.id}?done=key`, 303);
    if (used.error === 'unknown-benchmark') return reply.callNotFound();
    return showJoined(request, reply, member, found, { errors: [{ field: 'round', message: request.ctx.t('benchmarkFiles.error.noKey') }], status: 409 });
  });

  app.post('/benchmarks/joined/:id/organiser-key', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await joined(request, reply, member));
    if (!member || !found) return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const pasted = text(body.organiserKey).trim();
    const publicKey = pastedOrUploaded(pasted, body, 'organiserKeyFile');
    const replaced = await replaceOrganiserKey(db, member.membership.organisationId, found.benchmark, publicKey);
    if (replaced.ok) return reply.redirect(`/benchmarks/joined/${found.benchmark.id}?done=organiser-key`, 303);
    if (replaced.error === 'unknown-benchmark') return reply.callNotFound();
    return showJoined(request, reply, member, found, { errors: [{ field: 'organiserKey', message: request.ctx.t('benchmarkFiles.error.key') }], status: 400, organiserKey: pasted });
  });
}
