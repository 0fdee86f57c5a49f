import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { benchmarkDashboard, type BenchmarkDashboard } from '../../app/benchmark/benchmark-dashboard.ts';
import { exportReferenceSignedHere } from '../../app/benchmark/files-signed-here.ts';
import { importContribution } from '../../app/benchmark/import-contribution.ts';
import { createBenchmark, registerParticipant, replaceParticipantKey, type SetUpRefusal } from '../../app/benchmark/set-up-benchmark.ts';
import type { DB } from '../../db/schema.ts';
import { isSizeClass, type SizeClass } from '../../domain/benchmark/size-class.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import type { FieldError } from '../layout.ts';
import { acceptBenchmarkUploads, asList, fileNamePart, idParam, sendDownload, sendPage, pastedOrUploaded, text, uploadedText } from './benchmark-web.ts';
import { fileRefusalError, fileRefusalStatus } from './file-refusal-error.ts';
import { contributionUploadForm, newBenchmarkForm, participantKeyForm, referenceForm, registerParticipantForm, type NewBenchmarkValues, type ParticipantValues, type ReferenceChoice } from './organiser-pages.ts';

// The organiser's side in the browser (researchers and administrators of the organising
// organisation, as on the dashboard): create a benchmark, register participants by their public
// key, import their contribution files and download each one's signed reference figures.

/** Which field a set-up refusal belongs to, and what to tell. */
const SET_UP_ERRORS: Record<SetUpRefusal, { field: string; message: MessageKey }> = {
  'invalid-name': { field: 'name', message: 'benchmarkFiles.error.name' },
  'invalid-year': { field: 'year', message: 'benchmarkFiles.error.year' },
  exists: { field: 'name', message: 'benchmarkFiles.error.exists' },
  'invalid-key': { field: 'publicKey', message: 'benchmarkFiles.error.key' },
  'unknown-benchmark': { field: 'name', message: 'benchmarkFiles.error.unknownBenchmark' },
  'participant-exists': { field: 'participant', message: 'benchmarkFiles.error.participantExists' },
  'invalid-size-class': { field: 'sizeClass', message: 'benchmarkFiles.error.sizeClass' },
};

export function setUpError(request: FastifyRequest, refusal: SetUpRefusal, fields: Partial<Record<string, string>> = {}): FieldError {
  const { field, message } = SET_UP_ERRORS[refusal];
  const target = fields[field] ?? field;
  // The use case refuses name and questionnaire version alike; the form says which one.
  return { field: target, message: request.ctx.t(target === 'questionnaireVersion' ? 'benchmarkFiles.error.version' : message) };
}

const newBenchmarkValues = (body: Record<string, unknown>): NewBenchmarkValues => ({
  name: text(body.name).trim(), year: text(body.year).trim(), questionnaireVersion: text(body.questionnaireVersion).trim(),
});

const participantValues = (body: Record<string, unknown>): ParticipantValues => ({
  participant: text(body.participant).trim(), publicKey: text(body.publicKey).trim(), consent: text(body.consent),
  sizeClass: text(body.sizeClass), region: text(body.region).trim(),
});

export async function organiserRoutes(app: FastifyInstance, options: { db: Kysely<DB>; secret: string }): Promise<void> {
  const { db, secret } = options;

  const formCtx = (request: FastifyRequest, errors: readonly FieldError[]) => ({ t: request.ctx.t, csrfToken: request.ctx.csrfToken, errors });
  /** The organised benchmark in the URL; otherwise the route has answered 404. */
  const organised = async (request: FastifyRequest, reply: FastifyReply, member: Member): Promise<BenchmarkDashboard | undefined> => {
    const id = idParam(request, 'id');
    const dashboard = id && (await benchmarkDashboard(db, member.membership.organisationId, id));
    if (!dashboard) void reply.callNotFound();
    return dashboard || undefined;
  };

  const showParticipantForm = (request: FastifyRequest, reply: FastifyReply, member: Member, dashboard: BenchmarkDashboard, values: ParticipantValues, errors: FieldError[] = [], status = errors.length ? 400 : 200) =>
    sendPage(request, reply, member, request.ctx.t('benchmarkFiles.dashboard.register'), registerParticipantForm(formCtx(request, errors), dashboard.benchmark, values), { status });
  const showContributionForm = (request: FastifyRequest, reply: FastifyReply, member: Member, dashboard: BenchmarkDashboard, errors: FieldError[] = [], status = 200) =>
    sendPage(request, reply, member, request.ctx.t('benchmarkFiles.dashboard.import'), contributionUploadForm(formCtx(request, errors), dashboard.benchmark), { status });

  const showKeyForm = (request: FastifyRequest, reply: FastifyReply, member: Member, dashboard: BenchmarkDashboard, participant: { id: string; name: string }, pasted: string, errors: FieldError[] = [], status = errors.length ? 400 : 200) =>
    sendPage(request, reply, member, request.ctx.t('benchmarkFiles.participantKey.title', { participant: participant.name }), participantKeyForm(formCtx(request, errors), dashboard.benchmark, participant, pasted), { status });

  await acceptBenchmarkUploads(app, async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const dashboard = member && (await organised(request, reply, member));
    if (!member || !dashboard) return reply;
    const error = { field: request.url.includes('/participants/') ? 'publicKey' : 'file', message: request.ctx.t('benchmarkFiles.error.tooLarge') };
    if (request.url.endsWith('/key')) {
      const participant = dashboard.participants.find((p) => p.id === idParam(request, 'participantId'));
      return participant ? showKeyForm(request, reply, member, dashboard, participant, '', [error], 413) : reply.callNotFound();
    }
    return request.url.includes('/participants/')
      ? showParticipantForm(request, reply, member, dashboard, participantValues({}), [error], 413)
      : showContributionForm(request, reply, member, dashboard, [error], 413);
  });

  app.get('/benchmarks/new', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const values = { name: '', year: String(new Date().getFullYear()), questionnaireVersion: 'standaard-kto 1' };
    return sendPage(request, reply, member, request.ctx.t('benchmarkFiles.create.title'), newBenchmarkForm(formCtx(request, []), values));
  });

  app.post('/benchmarks/new', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const values = newBenchmarkValues((request.body ?? {}) as Record<string, unknown>);
    const year = /^\d{4}$/.test(values.year) ? Number(values.year) : Number.NaN;
    const created = await createBenchmark(db, member.membership.organisationId, { name: values.name, year, questionnaireVersion: values.questionnaireVersion });
    if (created.ok) return reply.redirect(`/benchmarks/${created.value.id}?done=created`, 303);
    const nameFine = values.name !== '' && values.name.length <= 200;
    const error = setUpError(request, created.error, created.error === 'invalid-name' && nameFine ? { name: 'questionnaireVersion' } : {});
    return sendPage(request, reply, member, request.ctx.t('benchmarkFiles.create.title'), newBenchmarkForm(formCtx(request, [error]), values), { status: created.error === 'exists' ? 409 : 400 });
  });

  app.get('/benchmarks/:id/participants/new', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const dashboard = member && (await organised(request, reply, member));
    if (!member || !dashboard) return;
    return showParticipantForm(request, reply, member, dashboard, { participant: '', publicKey: '', consent: 'anonymous', sizeClass: '', region: '' });
  });

  app.post('/benchmarks/:id/participants/new', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const dashboard = member && (await organised(request, reply, member));
    if (!member || !dashboard) return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = participantValues(body);
    const errors: FieldError[] = [];
    const { t } = request.ctx;
    const publicKey = pastedOrUploaded(values.publicKey, body, 'file');
    if (values.participant === '' || values.participant.length > 200) errors.push({ field: 'participant', message: t('benchmarkFiles.error.participant') });
    if (publicKey === '') errors.push({ field: 'publicKey', message: t('benchmarkFiles.error.keyMissing') });
    if (values.consent !== 'named' && values.consent !== 'anonymous') errors.push({ field: 'consent', message: t('benchmarkFiles.error.consent') });
    if (values.sizeClass !== '' && !isSizeClass(values.sizeClass)) errors.push({ field: 'sizeClass', message: t('benchmarkFiles.error.sizeClass') });
    if (errors.length) return showParticipantForm(request, reply, member, dashboard, values, errors);
    const registered = await registerParticipant(db, member.membership.organisationId, dashboard.benchmark, {
      name: values.participant, publicKey, consent: values.consent as 'named' | 'anonymous',
      sizeClass: values.sizeClass === '' ? null : values.sizeClass, region: values.region === '' ? null : values.region,
    });
    if (registered.ok) return reply.redirect(`/benchmarks/${dashboard.benchmark.id}?done=registered`, 303);
    const error = setUpError(request, registered.error);
    return showParticipantForm(request, reply, member, dashboard, values, [error], registered.error === 'participant-exists' ? 409 : 400);
  });

  app.get('/benchmarks/:id/contributions/new', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const dashboard = member && (await organised(request, reply, member));
    if (!member || !dashboard) return;
    return showContributionForm(request, reply, member, dashboard);
  });

  app.post('/benchmarks/:id/contributions/new', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const dashboard = member && (await organised(request, reply, member));
    if (!member || !dashboard) return;
    const file = uploadedText((request.body ?? {}) as Record<string, unknown>, 'file');
    if (file === undefined) return showContributionForm(request, reply, member, dashboard, [{ field: 'file', message: request.ctx.t('benchmarkFiles.error.noFile') }], 400);
    const imported = await importContribution(db, member.membership.organisationId, dashboard.benchmark, file);
    if (imported.ok) {
      const participant = dashboard.participants.find((p) => p.name === imported.value.participant);
      return reply.redirect(`/benchmarks/${dashboard.benchmark.id}?done=contribution&participant=${participant?.id ?? ''}`, 303);
    }
    const { t, language } = request.ctx;
    return showContributionForm(request, reply, member, dashboard, [fileRefusalError(t, language, imported.error)], fileRefusalStatus(imported.error));
  });

  /** The participant in the URL with the regions to filter on; otherwise the route has answered 404. */
  const participantOf = async (request: FastifyRequest, reply: FastifyReply, member: Member) => {
    const dashboard = await organised(request, reply, member);
    if (!dashboard) return undefined;
    const participant = dashboard.participants.find((p) => p.id === idParam(request, 'participantId'));
    if (!participant) {
      void reply.callNotFound();
      return undefined;
    }
    const regions = [...new Set(dashboard.participants.map((p) => p.region).filter((r): r is string => r !== null))].sort();
    return { dashboard, participant, regions };
  };
  const choiceOf = (request: FastifyRequest): ReferenceChoice => {
    const query = request.query as Record<string, unknown>;
    return { sizeClasses: asList(query.sizeClass), regions: asList(query.region) };
  };

  app.get('/benchmarks/:id/participants/:participantId/reference', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await participantOf(request, reply, member));
    if (!member || !found) return;
    const { t } = request.ctx;
    return sendPage(request, reply, member, t('benchmarkFiles.reference.title', { participant: found.participant.name }),
      referenceForm(formCtx(request, []), found.dashboard.benchmark, found.participant, found.regions, choiceOf(request)));
  });

  app.get('/benchmarks/:id/participants/:participantId/reference.json', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await participantOf(request, reply, member));
    if (!member || !found) return;
    const { t } = request.ctx;
    const choice = choiceOf(request);
    const { benchmark } = found.dashboard;
    const refuse = (error: FieldError, status: number) => sendPage(request, reply, member, t('benchmarkFiles.reference.title', { participant: found.participant.name }),
      referenceForm(formCtx(request, [error]), benchmark, found.participant, found.regions, choice), { status });
    if (!choice.sizeClasses.every(isSizeClass)) return refuse({ field: 'sizeClass', message: t('benchmarkFiles.error.sizeClass') }, 400);
    const exported = await exportReferenceSignedHere(db, member.membership.organisationId, secret, {
      benchmark, participant: found.participant.name, filter: { sizeClasses: choice.sizeClasses as SizeClass[], regions: choice.regions },
    });
    if (exported.ok) return sendDownload(reply, `referentie-${fileNamePart(`${benchmark.name} ${benchmark.year}`)}-${fileNamePart(found.participant.name)}.json`, exported.value.text);
    const e = exported.error;
    switch (e.reason) {
      case 'too-few-organisations': return refuse({ field: 'sizeClass', message: t('benchmarkFiles.error.tooFew', { count: e.organisations }) }, 409);
      case 'no-contribution': return refuse({ field: 'sizeClass', message: t('benchmarkFiles.error.noContribution') }, 409);
      case 'no-signing-key': return refuse({ field: 'sizeClass', message: t('benchmarkFiles.error.noKey') }, 409);
      case 'unknown-benchmark': case 'unknown-participant': return reply.callNotFound();
    }
  });

  app.get('/benchmarks/:id/participants/:participantId/key', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await participantOf(request, reply, member));
    if (!member || !found) return;
    return showKeyForm(request, reply, member, found.dashboard, found.participant, '');
  });

  app.post('/benchmarks/:id/participants/:participantId/key', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await participantOf(request, reply, member));
    if (!member || !found) return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const pasted = text(body.publicKey).trim();
    const publicKey = pastedOrUploaded(pasted, body, 'file');
    const { t } = request.ctx;
    if (publicKey === '') return showKeyForm(request, reply, member, found.dashboard, found.participant, pasted, [{ field: 'publicKey', message: t('benchmarkFiles.error.keyMissing') }]);
    const replaced = await replaceParticipantKey(db, member.membership.organisationId, found.dashboard.benchmark, { participantId: found.participant.id, publicKey });
    if (replaced.ok) return reply.redirect(`/benchmarks/${found.dashboard.benchmark.id}?done=key&participant=${found.participant.id}`, 303);
    if (replaced.error === 'unknown-participant' || replaced.error === 'unknown-benchmark') return reply.callNotFound();
    const message = replaced.error === 'participant-exists' ? 'benchmarkFiles.error.participantExists' : 'benchmarkFiles.error.key';
    return showKeyForm(request, reply, member, found.dashboard, found.participant, pasted, [{ field: 'publicKey', message: t(message) }], replaced.error === 'participant-exists' ? 409 : 400);
  });
}
