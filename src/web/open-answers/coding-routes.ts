import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  codingModelOf,
  codingView,
  lastCodingOf,
  saveAnswerCoding,
  suggestionsFor,
  undoLastCoding,
  type AnswerToCode,
  type CodingView,
} from '../../app/open-answers/open-answer-coding.ts';
import { isOwnRound } from '../../app/round-queries.ts';
import type { Coder } from '../../db/open-answer-store.ts';
import type { DB } from '../../db/schema.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import { page, type FieldError } from '../layout.ts';
import { codingPage, filterParam, type CodingFilter } from './coding-page.ts';
import { codingListPage } from './coding-list-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ITEM_KEY = /^[a-z0-9_.-]{1,100}$/i;

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

function parseCoder(value: unknown): Coder {
  return value === '2' ? 2 : 1;
}

function parseFilter(value: unknown): CodingFilter {
  if (value === 'all') return { kind: 'all' };
  if (typeof value === 'string' && /^code:[a-z0-9-]{1,40}$/.test(value)) return { kind: 'code', code: value.slice(5) };
  return { kind: 'uncoded' };
}

function matches(answer: AnswerToCode, filter: CodingFilter): boolean {
  if (filter.kind === 'all') return true;
  if (filter.kind === 'uncoded') return answer.codes === undefined;
  return answer.codes?.includes(filter.code) ?? false;
}

/** The answer to show: the one asked for, else the first match after `after` (wrapping), else the first match. */
function pickCurrent(view: CodingView, filter: CodingFilter, answerId: string | undefined, afterId: string | undefined) {
  const all = view.answers;
  let index = answerId ? all.findIndex((a) => a.responseId === answerId) : -1;
  if (index < 0) {
    const start = afterId ? all.findIndex((a) => a.responseId === afterId) + 1 : 0;
    const order = [...all.keys()].map((i) => (start + i) % Math.max(all.length, 1));
    index = order.find((i) => all[i] && matches(all[i]!, filter)) ?? -1;
  }
  if (index < 0) return undefined;
  const inSelection = (i: number) => matches(all[i]!, filter) || i === index;
  const previous = [...all.keys()].slice(0, index).reverse().find(inSelection);
  const next = [...all.keys()].slice(index + 1).find(inSelection);
  return { index, previousId: previous === undefined ? undefined : all[previous]!.responseId, nextId: next === undefined ? undefined : all[next]!.responseId };
}

/** Coding one open question: researchers and administrators. */
export async function codingRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  const params = (request: FastifyRequest) => {
    const { id, item } = request.params as { id: string; item: string };
    return UUID.test(id) && ITEM_KEY.test(item) ? { roundId: id, itemKey: item } : undefined;
  };

  async function show(request: FastifyRequest, reply: FastifyReply, member: Member, view: CodingView, query: Record<string, string | undefined>, errors: FieldError[] = []) {
    const { t, language, csrfToken } = request.ctx;
    const filter = parseFilter(query.filter);
    const current = pickCurrent(view, filter, UUID.test(query.answer ?? '') ? query.answer : undefined, UUID.test(query.after ?? '') ? query.after : undefined);
    const model = current ? await codingModelOf(db, member.membership.organisationId) : undefined;
    const suggestions = current ? suggestionsFor(view.answers[current.index]!.text, view.item.key, view.codebook, model) : [];
    const last = await lastCodingOf(db, { organisationId: member.membership.organisationId, userId: member.session.userId });
    const notice = query.saved === '1' ? t('coding.saved') : query.undone === '1' ? t('coding.undone') : query.undone === '0' ? t('coding.nothingToUndo') : undefined;
    const body = codingPage({ t, language, csrfToken, view, filter, current, suggestions, canUndo: last?.roundId === view.round.id, errors });
    const question = localize(view.item.text, language);
    return reply.code(errors.length ? 400 : 200).type('text/html').send(page({
      title: t(view.coder === 2 ? 'coding.titleSecond' : 'coding.title', { question }), language, t, csrfToken,
      path: `/rounds/${view.round.id}/open-answers/${view.item.key}/code`, user: member.session, body, ...(notice ? { notice } : {}),
    }).value);
  }

  app.get('/rounds/:id/open-answers/:item/code', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = params(request);
    const query = request.query as Record<string, string | undefined>;
    const view = p && (await codingView(db, member.membership.organisationId, p.roundId, p.itemKey, parseCoder(query.coder)));
    if (!view) return reply.callNotFound();
    return show(request, reply, member, view, query);
  });

  app.post('/rounds/:id/open-answers/:item/code', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = params(request);
    if (!p) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const coder = parseCoder(body.coder);
    const filter = parseFilter(body.filter);
    const responseId = typeof body.responseId === 'string' && UUID.test(body.responseId) ? body.responseId : '';
    const screen = `/rounds/${p.roundId}/open-answers/${encodeURIComponent(p.itemKey)}/code?coder=${coder}&filter=${encodeURIComponent(filterParam(filter))}`;
    // A form without an answer (a stale or hand-made request): back to the screen, nothing saved.
    if (!responseId) return (await isOwnRound(db, member.membership.organisationId, p.roundId)) ? reply.redirect(screen, 303) : reply.callNotFound();
    const codes = body.action === 'accept' ? asList(body.suggested) : asList(body.codes);
    const actor = { organisationId: member.membership.organisationId, userId: member.session.userId };
    const saved = await saveAnswerCoding(db, actor, { ...p, responseId, coder, codes });
    if (!saved.ok) {
      const view = await codingView(db, actor.organisationId, p.roundId, p.itemKey, coder);
      if (!view || saved.error === 'not-found') return reply.callNotFound();
      return show(request, reply, member, view, { filter: filterParam(filter), answer: responseId }, [{ field: 'codes', message: request.ctx.t('coding.error.unknownCode') }]);
    }
    return reply.redirect(`${screen}&after=${responseId}&saved=1`, 303);
  });

  app.post('/rounds/:id/open-answers/undo', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = (request.params as { id: string }).id;
    if (!UUID.test(id) || !(await isOwnRound(db, member.membership.organisationId, id))) return reply.callNotFound();
    const undone = await undoLastCoding(db, { organisationId: member.membership.organisationId, userId: member.session.userId });
    if (!undone.ok) return reply.redirect(`/rounds/${id}/open-answers?undone=0`, 303);
    const { roundId, itemKey, responseId, coder } = undone.value;
    return reply.redirect(`/rounds/${roundId}/open-answers/${encodeURIComponent(itemKey)}/code?coder=${coder}&filter=all&answer=${responseId}&undone=1`, 303);
  });

  app.get('/rounds/:id/open-answers/:item/list', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const p = params(request);
    const query = request.query as Record<string, string | undefined>;
    const view = p && (await codingView(db, member.membership.organisationId, p.roundId, p.itemKey, parseCoder(query.coder)));
    if (!view) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    const filter = parseFilter(query.filter ?? 'all');
    const body = codingListPage({ t, language, view, filter, rows: view.answers.filter((answer) => matches(answer, filter)) });
    return reply.type('text/html').send(page({
      title: t('coding.list.title', { question: localize(view.item.text, language) }), language, t, csrfToken,
      path: `/rounds/${view.round.id}/open-answers/${view.item.key}/list`, user: member.session, body,
    }).value);
  });
}
