import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { codingModelOf, suggestionsFor } from '../../app/open-answers/open-answer-coding.ts';
import { approveCleanPassages, codePassage, reviewPassage } from '../../app/qualitative/code-passage.ts';
import type { StudyWorkspace } from '../../app/qualitative/study-workspace.ts';
import type { DB } from '../../db/schema.ts';
import type { PassageReviewDecision } from '../../domain/qualitative/passage-review.ts';
import { requireRole, STAFF, type Member } from '../guards.ts';
import type { FieldError } from '../layout.ts';
import { kindsText } from '../open-answers/review-page.ts';
import { passageCodingPage, passageReviewPage, type PassageFilter } from './passage-pages.ts';
import { actorOf, asList, idParam, refuse, sendPage, text, UUID, studyOfOwner } from './study-web.ts';

// Coding and reviewing the passages of a study: its owner only.

const parseFilter = (value: unknown): PassageFilter => (value === 'all' ? 'all' : 'uncoded');
const DECISIONS: readonly PassageReviewDecision[] = ['approved', 'redacted', 'excluded'];

/** The passage shown: the one asked for, else the first in the filter after `after` (wrapping). */
function pickCurrent(workspace: StudyWorkspace, filter: PassageFilter, passageId: string | undefined, afterId: string | undefined) {
  const all = workspace.passages;
  const matches = (i: number) => filter === 'all' || !all[i]!.coded;
  let index = passageId ? all.findIndex((p) => p.id === passageId) : -1;
  if (index < 0) {
    const start = afterId ? all.findIndex((p) => p.id === afterId) + 1 : 0;
    index = [...all.keys()].map((i) => (start + i) % Math.max(all.length, 1)).find((i) => all[i] && matches(i)) ?? -1;
  }
  if (index < 0) return undefined;
  const inSelection = (i: number) => matches(i) || i === index;
  const previous = [...all.keys()].slice(0, index).reverse().find(inSelection);
  const next = [...all.keys()].slice(index + 1).find(inSelection);
  return { index, previousId: previous === undefined ? undefined : all[previous]!.id, nextId: next === undefined ? undefined : all[next]!.id };
}

export async function passageRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;


  const showCoding = async (request: FastifyRequest, reply: FastifyReply, member: Member, workspace: StudyWorkspace, query: Record<string, string | undefined>, errors: FieldError[] = []) => {
    const { t, language, csrfToken } = request.ctx;
    const filter = parseFilter(query.filter);
    const current = pickCurrent(workspace, filter, UUID.test(query.passage ?? '') ? query.passage : undefined, UUID.test(query.after ?? '') ? query.after : undefined);
    const model = current ? await codingModelOf(db, member.membership.organisationId) : undefined;
    const suggestions = current ? suggestionsFor(workspace.passages[current.index]!.text, '', workspace.codebook, model) : [];
    const title = t('study.coding.title', { title: workspace.study.title });
    const body = passageCodingPage(workspace, { t, language, csrfToken, errors, filter, current, suggestions });
    return sendPage(request, reply, member, title, body, { status: errors.length ? 400 : 200, path: `/studies/${workspace.study.id}/code`, ...(query.saved === '1' ? { notice: t('study.coding.saved') } : {}) });
  };

  app.get('/studies/:id/code', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    return showCoding(request, reply, member, workspace, request.query as Record<string, string | undefined>);
  });

  app.post('/studies/:id/code', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const filter = parseFilter(body.filter);
    const passageId = text(body.passageId);
    const screen = `/studies/${workspace.study.id}/code?filter=${filter}`;
    if (!UUID.test(passageId)) return reply.redirect(screen, 303);
    const codes = body.action === 'accept' ? asList(body.suggested) : asList(body.codes);
    const coded = await codePassage(db, actorOf(member), workspace.study.id, passageId, codes);
    if (coded.ok) return reply.redirect(`${screen}&after=${passageId}&saved=1`, 303);
    if (coded.error !== 'unknown-code') return refuse(request, reply, coded.error);
    return showCoding(request, reply, member, workspace, { filter, passage: passageId }, [{ field: 'codes', message: request.ctx.t('coding.error.unknownCode') }]);
  });

  const showReview = (request: FastifyRequest, reply: FastifyReply, member: Member, workspace: StudyWorkspace, showAll: boolean, errors: FieldError[] = [], typed?: { passageId: string; text: string }) => {
    const { t, language, csrfToken } = request.ctx;
    const title = t('study.review.title', { title: workspace.study.title });
    const query = request.query as { done?: string; count?: string };
    const notice = request.method === 'GET' && query.done === 'reviewed' ? t('study.review.saved') : request.method === 'GET' && query.done === 'bulk' ? t('study.review.bulkDone', { count: Number(query.count) || 0 }) : undefined;
    const body = passageReviewPage(workspace, { t, language, csrfToken, errors, showAll, ...(typed ? { typed } : {}) });
    return sendPage(request, reply, member, title, body, { status: errors.length ? 400 : 200, path: `/studies/${workspace.study.id}/review`, ...(notice ? { notice } : {}) });
  };

  app.get('/studies/:id/review', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    return showReview(request, reply, member, workspace, (request.query as { show?: string }).show === 'all');
  });

  app.post('/studies/:id/review', async (request, reply) => {
    const owned = await studyOfOwner(db, request, reply);
    if (!owned) return;
    const { member, workspace } = owned;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const passageId = text(body.passageId);
    const decision = DECISIONS.find((d) => d === body.decision);
    const showAll = body.show === 'all';
    const field = `passage-${passageId}`;
    const typedText = text(body.redactedText);
    if (!UUID.test(passageId)) return reply.callNotFound();
    if (!decision) return showReview(request, reply, member, workspace, showAll, [{ field, message: request.ctx.t('review.error.decision') }], { passageId, text: typedText });
    const reviewed = await reviewPassage(db, actorOf(member), workspace.study.id, passageId, decision, typedText);
    if (reviewed.ok) return reply.redirect(`/studies/${workspace.study.id}/review?done=reviewed${showAll ? '&show=all' : ''}`, 303);
    const error = reviewed.error;
    if (typeof error === 'string') return refuse(request, reply, error);
    const { t } = request.ctx;
    const message = error.code === 'redaction-empty' ? t('review.error.redactionEmpty') : t('review.error.hasPersonalData', { kinds: kindsText(t, error.findings) });
    return showReview(request, reply, member, workspace, showAll, [{ field, message }], { passageId, text: typedText });
  });

  app.post('/studies/:id/review/approve-clean', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const id = idParam(request, 'id');
    if (!id) return reply.callNotFound();
    const approved = await approveCleanPassages(db, actorOf(member), id);
    return approved.ok ? reply.redirect(`/studies/${id}/review?done=bulk&count=${approved.value}`, 303) : refuse(request, reply, approved.error);
  });
}
