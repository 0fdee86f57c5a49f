import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { publishPlan, removeFocusPoint, removeMeasure, saveFocusPoint, saveMeasure, startPlan, type PlanChangeError } from '../../app/plan/change-plan.ts';
import { planOfRound, type PlanOfRound } from '../../app/plan/plan-of-round.ts';
import { todayInNetherlands } from '../../app/today.ts';
import type { FocusPoint, Measure } from '../../db/improvement-plan-store.ts';
import type { PlanFieldProblem, TypedFocusPoint, TypedMeasure } from '../../domain/plan/plan-input.ts';
import type { Result } from '../../domain/result.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole, STAFF, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import { page, type FieldError } from '../layout.ts';
import { confirmDeletePage, focusPointForm, measureForm, startPlanPage, type FormProps } from './plan-forms.ts';
import { planPage } from './plan-page.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const NOTICES: Record<string, MessageKey> = {
  started: 'plan.started', exists: 'plan.exists', 'focus-saved': 'plan.focusPoint.saved', 'focus-deleted': 'plan.focusPoint.deleted',
  'measure-saved': 'plan.measure.saved', 'measure-deleted': 'plan.measure.deleted',
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const param = (request: FastifyRequest, name: string): string | undefined => {
  const value = (request.params as Record<string, string>)[name];
  return value && UUID.test(value) ? value : undefined;
};

const typedFocusPoint = (body: Record<string, unknown>): TypedFocusPoint =>
  ({ title: text(body.title), description: text(body.description), itemKeys: asList(body.items) });
const typedMeasure = (body: Record<string, unknown>): TypedMeasure =>
  ({ description: text(body.description), owner: text(body.owner), targetDate: text(body.targetDate), status: text(body.status), note: text(body.note) });
const measureValues = (m: Measure): TypedMeasure => ({ description: m.description, owner: m.owner, targetDate: m.targetDate ?? '', status: m.status, note: m.note });

/** The improvement plan of a round: every staff role reads it, researchers and administrators change it. */
export async function planRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  const send = (request: FastifyRequest, reply: FastifyReply, member: Member, view: PlanOfRound, title: string, body: Html, code = 200, notice?: string) => {
    const { t, language, csrfToken } = request.ctx;
    // The language switch reloads this page; after a refused POST it goes to the plan itself.
    const path = request.method === 'GET' ? request.url.split('?')[0]! : `/rounds/${view.round.id}/plan`;
    return reply.code(code).type('text/html').send(page({
      title, language, t, csrfToken, path, user: member.session, body, ...(notice ? { notice } : {}),
    }).value);
  };

  const formProps = (request: FastifyRequest, view: PlanOfRound, errors: FieldError[] = []): FormProps => {
    const { t, language, csrfToken } = request.ctx;
    return { t, language, csrfToken, errors, roundId: view.round.id, roundName: view.round.name };
  };

  /** The round's plan page model; answers 404 itself for a round of another organisation. */
  const load = async (request: FastifyRequest, reply: FastifyReply, member: Member): Promise<PlanOfRound | undefined> => {
    const id = param(request, 'id');
    const view = id && (await planOfRound(db, member.membership.organisationId, id));
    if (!view) {
      void reply.callNotFound();
      return undefined;
    }
    return view;
  };

  const actorOf = (member: Member) => ({ organisationId: member.membership.organisationId, userId: member.session.userId });
  const planUrl = (view: PlanOfRound | string, done?: string) => `/rounds/${typeof view === 'string' ? view : view.round.id}/plan${done ? `?done=${done}` : ''}`;

  const fieldErrors = (request: FastifyRequest, problems: readonly PlanFieldProblem[], titleMessage: MessageKey, descriptionMessage: MessageKey = 'plan.error.tooLong'): FieldError[] => {
    const { t } = request.ctx;
    return problems.map((p): FieldError => {
      switch (p.field) {
        case 'items': return { field: 'items', message: t('plan.error.items') };
        case 'targetDate': return { field: 'targetDate', message: t('plan.error.targetDate') };
        case 'status': return { field: 'status', message: t('plan.error.status') };
        case 'title': return { field: 'title', message: t(p.code === 'required' ? titleMessage : 'plan.error.tooLong') };
        case 'description': return { field: 'description', message: t(p.code === 'required' ? descriptionMessage : 'plan.error.tooLong') };
        default: return { field: p.field, message: t('plan.error.tooLong') };
      }
    });
  };

  const findFocusPoint = (view: PlanOfRound, request: FastifyRequest): FocusPoint | undefined => {
    const id = param(request, 'focusId');
    return view.own?.focusPoints.find((p) => p.id === id);
  };
  const findMeasure = (view: PlanOfRound, request: FastifyRequest): { focusPoint: FocusPoint; measure: Measure } | undefined => {
    const id = param(request, 'measureId');
    for (const focusPoint of view.own?.focusPoints ?? []) {
      const measure = focusPoint.measures.find((m) => m.id === id);
      if (measure) return { focusPoint, measure };
    }
    return undefined;
  };

  /** After a change: 404 when what was changed does not exist (anymore), else the plan page. */
  const afterChange = async (request: FastifyRequest, reply: FastifyReply, result: Result<void, PlanChangeError>, roundId: string, done: string, onInvalid: (problems: readonly PlanFieldProblem[]) => Promise<unknown>) => {
    if (result.ok) return reply.redirect(planUrl(roundId, done), 303);
    switch (result.error.kind) {
      case 'invalid': return onInvalid(result.error.problems);
      case 'no-plan': case 'exists': case 'not-closed': return reply.redirect(planUrl(roundId), 303);
      default: return reply.callNotFound();
    }
  };

  /** A designer's view of the plan and the focus point or measure named in the URL; answers 404 itself when either is missing. */
  const loadTarget = async <T>(request: FastifyRequest, reply: FastifyReply, member: Member, find: (view: PlanOfRound, request: FastifyRequest) => T | undefined) => {
    const view = await load(request, reply, member);
    if (!view) return undefined;
    const target = find(view, request);
    if (target === undefined) {
      void reply.callNotFound();
      return undefined;
    }
    return { view, target };
  };

  /** The designer and the ids of a change request (the round and the focus point or measure); 404 for a malformed id. */
  const changeRequest = (request: FastifyRequest, reply: FastifyReply, name: 'focusId' | 'measureId') => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return undefined;
    const id = param(request, 'id');
    const targetId = param(request, name);
    if (!id || !targetId) {
      void reply.callNotFound();
      return undefined;
    }
    return { member, id, targetId };
  };

  app.get('/rounds/:id/plan', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const view = await load(request, reply, member);
    if (!view) return;
    const { t, language, csrfToken } = request.ctx;
    const done = text((request.query as { done?: unknown }).done);
    const notice = done === 'published' || done === 'unpublished'
      ? t('plan.publish.saved', { state: t(done === 'published' ? 'plan.publish.state.on' : 'plan.publish.state.off') })
      : NOTICES[done] ? t(NOTICES[done]!) : undefined;
    const body = planPage(view, { t, language, csrfToken, canEdit: DESIGNERS.includes(member.membership.role), today: todayInNetherlands() });
    return send(request, reply, member, view, t('plan.title', { name: view.round.name }), body, 200, notice);
  });

  app.get('/rounds/:id/plan/start', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const view = await load(request, reply, member);
    if (!view) return;
    if (view.own || !view.canBeBaseline) return reply.redirect(planUrl(view), 303);
    const { t } = request.ctx;
    return send(request, reply, member, view, t('plan.start.title', { name: view.round.name }), startPlanPage(formProps(request, view), t('plan.start.defaultTitle', { year: view.round.year })));
  });

  app.post('/rounds/:id/plan/start', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = param(request, 'id');
    if (!id) return reply.callNotFound();
    const title = text(bodyOf(request).title);
    const started = await startPlan(db, actorOf(member), id, title);
    if (!started.ok && started.error.kind === 'exists') return reply.redirect(planUrl(id, 'exists'), 303);
    return afterChange(request, reply, started.ok ? { ok: true, value: undefined } : started, id, 'started', async (problems) => {
      const view = await load(request, reply, member);
      if (!view) return;
      const props = formProps(request, view, fieldErrors(request, problems, 'plan.error.planTitle'));
      return send(request, reply, member, view, request.ctx.t('plan.start.title', { name: view.round.name }), startPlanPage(props, title), 400);
    });
  });

  app.post('/rounds/:id/plan/publication', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = param(request, 'id');
    if (!id) return reply.callNotFound();
    const published = text(bodyOf(request).published) === '1';
    const result = await publishPlan(db, actorOf(member), id, published);
    return afterChange(request, reply, result, id, published ? 'published' : 'unpublished', async () => reply.redirect(planUrl(id), 303));
  });

  const renderFocusPointForm = (request: FastifyRequest, reply: FastifyReply, member: Member, view: PlanOfRound, values: TypedFocusPoint, errors: FieldError[], focusPoint?: FocusPoint) =>
    send(request, reply, member, view, request.ctx.t(focusPoint ? 'plan.focusPoint.edit.title' : 'plan.focusPoint.new.title'),
      focusPointForm(formProps(request, view, errors), view.linkable, values, focusPoint), errors.length ? 400 : 200);

  app.get('/rounds/:id/plan/focus-points/new', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const view = await load(request, reply, member);
    if (!view) return;
    if (!view.own) return reply.redirect(planUrl(view), 303);
    return renderFocusPointForm(request, reply, member, view, { title: '', description: '', itemKeys: [] }, []);
  });

  app.post('/rounds/:id/plan/focus-points', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const id = param(request, 'id');
    if (!id) return reply.callNotFound();
    const typed = typedFocusPoint(bodyOf(request));
    const saved = await saveFocusPoint(db, actorOf(member), id, null, typed);
    return afterChange(request, reply, saved, id, 'focus-saved', async (problems) => {
      const view = await load(request, reply, member);
      if (view) return renderFocusPointForm(request, reply, member, view, typed, fieldErrors(request, problems, 'plan.error.focusTitle'));
    });
  });

  app.get('/rounds/:id/plan/focus-points/:focusId/edit', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await loadTarget(request, reply, member, findFocusPoint));
    if (found) return renderFocusPointForm(request, reply, member, found.view, found.target, [], found.target);
  });

  app.post('/rounds/:id/plan/focus-points/:focusId/edit', async (request, reply) => {
    const change = changeRequest(request, reply, 'focusId');
    if (!change) return;
    const { member, id } = change;
    const typed = typedFocusPoint(bodyOf(request));
    const saved = await saveFocusPoint(db, actorOf(member), id, change.targetId, typed);
    if (!saved.ok && saved.error.kind === 'no-plan') return reply.callNotFound();
    return afterChange(request, reply, saved, id, 'focus-saved', async (problems) => {
      const found = await loadTarget(request, reply, member, findFocusPoint);
      if (found) return renderFocusPointForm(request, reply, member, found.view, typed, fieldErrors(request, problems, 'plan.error.focusTitle'), found.target);
    });
  });

  app.get('/rounds/:id/plan/focus-points/:focusId/delete', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await loadTarget(request, reply, member, findFocusPoint));
    if (!found) return;
    const { view, target: focusPoint } = found;
    const { t } = request.ctx;
    return send(request, reply, member, view, t('plan.focusPoint.delete.title'), confirmDeletePage(formProps(request, view), {
      title: t('plan.focusPoint.delete.title'),
      text: t('plan.focusPoint.delete.text', { title: focusPoint.title, count: focusPoint.measures.length }),
      confirm: t('plan.focusPoint.delete.confirm'),
      action: `/rounds/${view.round.id}/plan/focus-points/${focusPoint.id}/delete`,
    }));
  });

  app.post('/rounds/:id/plan/focus-points/:focusId/delete', async (request, reply) => {
    const change = changeRequest(request, reply, 'focusId');
    if (!change) return;
    const removed = await removeFocusPoint(db, actorOf(change.member), change.id, change.targetId);
    if (!removed.ok) return reply.callNotFound();
    return reply.redirect(planUrl(change.id, 'focus-deleted'), 303);
  });

  const renderMeasureForm = (request: FastifyRequest, reply: FastifyReply, member: Member, view: PlanOfRound, values: TypedMeasure, errors: FieldError[], target: { focusPoint: FocusPoint; measure?: Measure }) =>
    send(request, reply, member, view, request.ctx.t(target.measure ? 'plan.measure.edit.title' : 'plan.measure.new.title'),
      measureForm(formProps(request, view, errors), values, target), errors.length ? 400 : 200);

  const measureErrors = (request: FastifyRequest, problems: readonly PlanFieldProblem[]) => fieldErrors(request, problems, 'plan.error.tooLong', 'plan.error.measure');

  app.get('/rounds/:id/plan/focus-points/:focusId/measures/new', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await loadTarget(request, reply, member, findFocusPoint));
    if (found) return renderMeasureForm(request, reply, member, found.view, { description: '', owner: '', targetDate: '', status: 'planned', note: '' }, [], { focusPoint: found.target });
  });

  app.post('/rounds/:id/plan/focus-points/:focusId/measures', async (request, reply) => {
    const change = changeRequest(request, reply, 'focusId');
    if (!change) return;
    const { member, id } = change;
    const typed = typedMeasure(bodyOf(request));
    const saved = await saveMeasure(db, actorOf(member), id, { focusPointId: change.targetId }, typed);
    if (!saved.ok && saved.error.kind === 'no-plan') return reply.callNotFound();
    return afterChange(request, reply, saved, id, 'measure-saved', async (problems) => {
      const found = await loadTarget(request, reply, member, findFocusPoint);
      if (found) return renderMeasureForm(request, reply, member, found.view, typed, measureErrors(request, problems), { focusPoint: found.target });
    });
  });

  app.get('/rounds/:id/plan/measures/:measureId/edit', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await loadTarget(request, reply, member, findMeasure));
    if (found) return renderMeasureForm(request, reply, member, found.view, measureValues(found.target.measure), [], found.target);
  });

  app.post('/rounds/:id/plan/measures/:measureId/edit', async (request, reply) => {
    const change = changeRequest(request, reply, 'measureId');
    if (!change) return;
    const { member, id } = change;
    const typed = typedMeasure(bodyOf(request));
    const saved = await saveMeasure(db, actorOf(member), id, { measureId: change.targetId }, typed);
    if (!saved.ok && saved.error.kind === 'no-plan') return reply.callNotFound();
    return afterChange(request, reply, saved, id, 'measure-saved', async (problems) => {
      const found = await loadTarget(request, reply, member, findMeasure);
      if (found) return renderMeasureForm(request, reply, member, found.view, typed, measureErrors(request, problems), found.target);
    });
  });

  app.get('/rounds/:id/plan/measures/:measureId/delete', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    const found = member && (await loadTarget(request, reply, member, findMeasure));
    if (!found) return;
    const { view, target: { measure } } = found;
    const { t } = request.ctx;
    return send(request, reply, member, view, t('plan.measure.delete.title'), confirmDeletePage(formProps(request, view), {
      title: t('plan.measure.delete.title'),
      text: t('plan.measure.delete.text', { description: measure.description }),
      confirm: t('plan.measure.delete.confirm'),
      action: `/rounds/${view.round.id}/plan/measures/${measure.id}/delete`,
    }));
  });

  app.post('/rounds/:id/plan/measures/:measureId/delete', async (request, reply) => {
    const change = changeRequest(request, reply, 'measureId');
    if (!change) return;
    const removed = await removeMeasure(db, actorOf(change.member), change.id, change.targetId);
    if (!removed.ok) return reply.callNotFound();
    return reply.redirect(planUrl(change.id, 'measure-deleted'), 303);
  });
}
