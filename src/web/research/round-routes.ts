import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { changeRoundDesign, createRound, type RoundDesign, type RoundDesignProblem } from '../../app/round-design.ts';
import { roundsOf, roundWithQuestionnaire, standardQuestionnaire, type RoundWithQuestionnaire } from '../../app/round-queries.ts';
import type { DB } from '../../db/schema.ts';
import { itemsOf, localize } from '../../domain/questionnaire/questionnaire.ts';
import { DESIGNERS, requireRole, STAFF, type Member } from '../guards.ts';
import { html, type Html } from '../html.ts';
import { csrfField, errorSummary, page, type FieldError } from '../layout.ts';
import { emptyOwnItem, ownItemFormValues, ownItemFromForm, withOwnItem, withoutOwnItem, type OwnItemFormValues } from './own-item-form.ts';
import { questionnairePreview } from './questionnaire-preview.ts';
import { ownItemForm, ownItemsList, period, roundForm, roundsTable, statusBadge } from './round-pages.ts';
import { roundDesignFromForm, roundFormValues, type RoundFormValues } from './round-form.ts';
import { lifecycleActions } from './round-status-routes.ts';
import { staffMayDesign } from '../../domain/round-lifecycle.ts';
import type { Round } from '../../db/round-store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function send(reply: FastifyReply, body: Html, status = 200) {
  return reply.code(status).type('text/html').send(body.value);
}

function view(request: FastifyRequest, member: Member, title: string, path: string, body: Html, notice?: string) {
  const { t, language, csrfToken } = request.ctx;
  return page({ title, language, t, csrfToken, path, user: member.session, body, notice });
}

function noticeFrom(request: FastifyRequest): string | undefined {
  const done = (request.query as Record<string, string | undefined>).done;
  const keys = { created: 'round.created', saved: 'round.saved', added: 'ownItem.added', removed: 'ownItem.removed', figures: 'figures.imported', responses: 'responses.imported' } as const;
  return done && done in keys ? request.ctx.t(keys[done as keyof typeof keys]) : undefined;
}

function statusNotice(request: FastifyRequest, round: Round): string | undefined {
  const done = (request.query as Record<string, string | undefined>).done;
  return done === 'status' ? request.ctx.t('lifecycle.done', { status: request.ctx.t(`status.${round.status}`).toLowerCase() }) : undefined;
}

function respondentAccess(request: FastifyRequest, round: Round, slug: string): Html {
  const { t } = request.ctx;
  if (round.status !== 'fieldwork') return html``;
  const origin = `${request.protocol}://${request.host}`;
  if (round.access === 'open') {
    const link = `${origin}/o/${slug}/${round.id}`;
    return html`<h2 class="utrecht-heading-2">${t('round.openLink')}</h2>
<p class="utrecht-paragraph">${t('round.openLink.hint')}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${link}"><code class="ks-code">${link}</code></a></p>`;
  }
  return html`<p class="utrecht-paragraph">${t('round.codeEntry', { url: `${origin}/r` })}</p>
<h2 class="utrecht-heading-2">${t('round.paper')}</h2>
<ul class="utrecht-unordered-list">
<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/rounds/${round.id}/paper.pdf">${t('round.paper.pdf')}</a></li>
<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/rounds/${round.id}/entry">${t('paperEntry.title')}</a></li>
</ul>`;
}

function problemErrors(request: FastifyRequest, problem: RoundDesignProblem, fieldFor: (path: string) => string): FieldError[] {
  const { t, language } = request.ctx;
  if (problem.kind === 'not-draft') return [{ field: 'name', message: t('round.error.notDraft') }];
  if (problem.kind === 'council-owned') return [{ field: 'name', message: t('round.error.councilOwned') }];
  if (problem.kind === 'not-found') return [{ field: 'name', message: t('error.notFound.text') }];
  return problem.issues.map((issue) => ({ field: fieldFor(issue.path), message: issue.message[language] }));
}

export async function roundRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  async function loadRound(request: FastifyRequest, reply: FastifyReply, member: Member): Promise<RoundWithQuestionnaire | undefined> {
    const id = (request.params as { id: string }).id;
    const found = UUID.test(id) ? await roundWithQuestionnaire(db, member.membership.organisationId, id) : undefined;
    if (!found) reply.callNotFound();
    return found;
  }

  app.get('/rounds', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const { t, language } = request.ctx;
    const rounds = await roundsOf(db, member.membership.organisationId);
    const canDesign = DESIGNERS.includes(member.membership.role);
    return send(reply, view(request, member, t('rounds.title'), '/rounds', html`
<h1 class="utrecht-heading-1">${t('rounds.title')}</h1>
<p class="utrecht-paragraph">${t('rounds.intro', { organisation: member.membership.name })}</p>
${canDesign ? html`<p class="utrecht-paragraph"><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/rounds/new">${t('rounds.new')}</a> <a class="utrecht-link" href="/history/figures">${t('figures.link')}</a> · <a class="utrecht-link" href="/history/responses">${t('responses.link')}</a> · <a class="utrecht-link" href="/benchmarks">${t('benchmarks.link')}</a></p>` : ''}
${roundsTable(rounds, t, language)}`));
  });

  async function renderNewForm(request: FastifyRequest, reply: FastifyReply, member: Member, values: RoundFormValues, errors: FieldError[]) {
    const { t, language, csrfToken } = request.ctx;
    const standard = await standardQuestionnaire(db, member.membership.organisationId);
    return send(reply, view(request, member, t('round.new.title'), '/rounds/new', html`
<h1 class="utrecht-heading-1">${t('round.new.title')}</h1>
<p class="utrecht-paragraph">${t('round.new.intro')}</p>
${roundForm(values, standard.latest.definition.modules, errors, { t, language, csrfToken, action: '/rounds', submit: t('round.create') })}`), errors.length ? 400 : 200);
  }

  app.get('/rounds/new', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const standard = await standardQuestionnaire(db, member.membership.organisationId);
    const year = new Date().getFullYear() + 1;
    return renderNewForm(request, reply, member, {
      name: request.ctx.t('round.field.name.hint').replace(/^.*?: /, '').replace(/\d{4}$/, String(year)),
      year: String(year), targetGroup: '', fieldworkStart: '', fieldworkEnd: '', access: 'codes',
      modules: standard.latest.definition.modules.map((m) => m.key),
    }, []);
  });

  app.post('/rounds', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const values = roundFormValues(request.body as Record<string, unknown>);
    const standard = await standardQuestionnaire(db, member.membership.organisationId);
    const { design, errors } = roundDesignFromForm(values, standard.latest.definition.modules, [], request.ctx.t);
    if (!design) return renderNewForm(request, reply, member, values, errors);
    const created = await createRound(db, {
      organisationId: member.membership.organisationId, actorId: member.session.userId,
      id: randomUUID(), sourceVersionId: standard.latest.id, design,
    });
    if (!created.ok) return renderNewForm(request, reply, member, values, problemErrors(request, created.error, () => 'modules-hint'));
    return reply.redirect(`/rounds/${created.value.id}?done=created`, 303);
  });

  async function renderRound(request: FastifyRequest, reply: FastifyReply, member: Member, found: RoundWithQuestionnaire, item: OwnItemFormValues, errors: FieldError[]) {
    const { t, language, csrfToken } = request.ctx;
    const { round, version, source } = found;
    const editable = round.status === 'draft' && staffMayDesign(round.ownerKind) && DESIGNERS.includes(member.membership.role);
    const modules = source?.definition.modules ?? version.definition.modules;
    const disabled = modules.filter((m) => round.disabledModules.includes(m.key)).map((m) => localize(m.title, language));
    return send(reply, view(request, member, round.name, `/rounds/${round.id}`, html`
<h1 class="utrecht-heading-1">${round.name}</h1>
${editable ? '' : errorSummary(t, errors)}
<p class="utrecht-paragraph">${statusBadge(t, round.status)}${round.ownerKind === 'council' ? html` <span class="ks-badge">${t('round.owner.council')}</span>` : ''}</p>
${round.ownerKind === 'council' ? html`<p class="utrecht-paragraph">${t('round.councilOwned')}</p>` : ''}
${round.status !== 'draft' ? html`<p class="utrecht-paragraph">${t('round.frozen', { status: t(`status.${round.status}`).toLowerCase() })}</p>` : ''}
${lifecycleActions(round, member.membership.role, t)}
${respondentAccess(request, round, member.membership.slug)}
<h2 class="utrecht-heading-2">${t('round.details')}</h2>
<dl class="ks-facts">
  <dt>${t('round.field.year')}</dt><dd>${round.year}</dd>
  <dt>${t('round.field.targetGroup')}</dt><dd>${round.targetGroup || '—'}</dd>
  <dt>${t('rounds.col.fieldwork')}</dt><dd>${period(language, round.fieldworkStart, round.fieldworkEnd)}</dd>
  <dt>${t('round.field.access')}</dt><dd>${t(`round.access.${round.access}`)}</dd>
  <dt>${t('round.questionnaire')}</dt><dd>${t('round.questionnaireVersion', { version: version.version, items: itemsOf(version.definition).length })}</dd>
  <dt>${t('round.disabledModules')}</dt><dd>${disabled.length ? disabled.join(', ') : t('round.noneDisabled')}</dd>
</dl>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${round.id}/preview">${t('round.preview')}</a> · <a class="utrecht-link" href="/rounds/${round.id}/report">${t('round.report')}</a> · <a class="utrecht-link" href="/rounds/${round.id}/plan">${t('plan.link')}</a> · <a class="utrecht-link" href="/rounds/${round.id}/fieldwork">${t('fieldwork.link')}</a>
 · <a class="utrecht-link" href="/rounds/${round.id}/open-answers">${t('openAnswers.link')}</a> · <a class="utrecht-link" href="/rounds/${round.id}/council">${t('council.link')}</a>
${editable ? html` · <a class="utrecht-link" href="/rounds/${round.id}/edit">${t('round.edit')}</a>` : ''}</p>
<h2 class="utrecht-heading-2">${t('round.ownItems')}</h2>
<p class="utrecht-paragraph">${t('round.ownItems.intro')}</p>
${ownItemsList(round, version.definition, t, language, editable)}
${editable ? ownItemForm(item, errors, { t, csrfToken, action: `/rounds/${round.id}/items` }) : ''}`, noticeFrom(request) ?? statusNotice(request, round)), errors.length ? 400 : 200);
  }

  /** A client council's own survey is not the staff's to change: the round page says why. */
  function refuseCouncilSurvey(request: FastifyRequest, reply: FastifyReply, member: Member, found: RoundWithQuestionnaire) {
    return renderRound(request, reply, member, found, emptyOwnItem, [{ field: 'main', message: request.ctx.t('round.error.councilOwned') }]);
  }

  app.get('/rounds/:id', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const found = await loadRound(request, reply, member);
    if (found) return renderRound(request, reply, member, found, emptyOwnItem, []);
  });

  app.get('/rounds/:id/preview', async (request, reply) => {
    const member = requireRole(request, reply, STAFF);
    if (!member) return;
    const found = await loadRound(request, reply, member);
    if (!found) return;
    const { t, language } = request.ctx;
    return send(reply, view(request, member, t('preview.title', { name: found.round.name }), `/rounds/${found.round.id}/preview`, html`
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${found.round.id}">← ${found.round.name}</a></p>
<h1 class="utrecht-heading-1">${t('preview.title', { name: found.round.name })}</h1>
<p class="utrecht-paragraph">${t('preview.intro')}</p>
${questionnairePreview(found.version.definition, t, language)}`));
  });

  async function renderEdit(request: FastifyRequest, reply: FastifyReply, member: Member, found: RoundWithQuestionnaire, values: RoundFormValues, errors: FieldError[]) {
    const { t, language, csrfToken } = request.ctx;
    const modules = found.source?.definition.modules ?? found.version.definition.modules;
    return send(reply, view(request, member, t('round.edit'), `/rounds/${found.round.id}/edit`, html`
<p class="utrecht-paragraph"><a class="utrecht-link" href="/rounds/${found.round.id}">← ${found.round.name}</a></p>
<h1 class="utrecht-heading-1">${t('round.edit')}</h1>
${roundForm(values, modules, errors, { t, language, csrfToken, action: `/rounds/${found.round.id}/edit`, submit: t('round.save') })}`), errors.length ? 400 : 200);
  }

  app.get('/rounds/:id/edit', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadRound(request, reply, member);
    if (!found) return;
    const { round } = found;
    const modules = found.source?.definition.modules ?? found.version.definition.modules;
    return renderEdit(request, reply, member, found, {
      name: round.name, year: String(round.year), targetGroup: round.targetGroup,
      fieldworkStart: round.fieldworkStart ?? '', fieldworkEnd: round.fieldworkEnd ?? '', access: round.access,
      modules: modules.filter((m) => !round.disabledModules.includes(m.key)).map((m) => m.key),
    }, !staffMayDesign(round.ownerKind) ? [{ field: 'name', message: request.ctx.t('round.error.councilOwned') }]
      : round.status === 'draft' ? [] : [{ field: 'name', message: request.ctx.t('round.error.notDraft') }]);
  });

  async function saveDesign(member: Member, roundId: string, design: RoundDesign) {
    return changeRoundDesign(db, { organisationId: member.membership.organisationId, actorId: member.session.userId, roundId, design, actingFor: 'staff' });
  }

  app.post('/rounds/:id/edit', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadRound(request, reply, member);
    if (!found) return;
    if (!staffMayDesign(found.round.ownerKind)) return refuseCouncilSurvey(request, reply, member, found);
    const values = roundFormValues(request.body as Record<string, unknown>);
    const modules = found.source?.definition.modules ?? found.version.definition.modules;
    const { design, errors } = roundDesignFromForm(values, modules, found.round.ownBlocks, request.ctx.t);
    if (!design) return renderEdit(request, reply, member, found, values, errors);
    const saved = await saveDesign(member, found.round.id, design);
    if (!saved.ok) return renderEdit(request, reply, member, found, values, problemErrors(request, saved.error, () => 'name'));
    return reply.redirect(`/rounds/${found.round.id}?done=saved`, 303);
  });

  app.post('/rounds/:id/items', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadRound(request, reply, member);
    if (!found) return;
    if (!staffMayDesign(found.round.ownerKind)) return refuseCouncilSurvey(request, reply, member, found);
    const values = ownItemFormValues(request.body as Record<string, unknown>);
    const keys = new Set(itemsOf(found.version.definition).map((i) => i.key));
    const { item, errors } = ownItemFromForm(values, keys, request.ctx.t);
    if (!item) return renderRound(request, reply, member, found, values, errors);
    const { round } = found;
    const saved = await saveDesign(member, round.id, { ...round, ownBlocks: withOwnItem(round.ownBlocks, item) });
    if (!saved.ok) {
      const fieldFor = (path: string) => (path.includes('showIf') ? 'showIf' : path.includes('options') ? 'options' : 'key');
      return renderRound(request, reply, member, found, values, problemErrors(request, saved.error, fieldFor));
    }
    return reply.redirect(`/rounds/${round.id}?done=added`, 303);
  });

  app.get('/rounds/:id/items/:key/remove', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadRound(request, reply, member);
    if (!found) return;
    if (!staffMayDesign(found.round.ownerKind)) return refuseCouncilSurvey(request, reply, member, found);
    const key = (request.params as { key: string }).key;
    const item = found.round.ownBlocks.flatMap((b) => b.items).find((i) => i.key === key);
    if (!item) return reply.callNotFound();
    const { t, language, csrfToken } = request.ctx;
    return send(reply, view(request, member, t('ownItem.removeConfirm.title'), request.url, html`
<h1 class="utrecht-heading-1">${t('ownItem.removeConfirm.title')}</h1>
<p class="utrecht-paragraph">${t('ownItem.removeConfirm.text', { text: localize(item.text, language) })}</p>
<form method="post" action="/rounds/${found.round.id}/items/${key}/remove">${csrfField(csrfToken)}
<div class="utrecht-button-group"><button class="utrecht-button utrecht-button--primary-action utrecht-button--danger" type="submit">${t('ownItem.removeConfirm.yes')}</button>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/rounds/${found.round.id}">${t('ownItem.removeConfirm.no')}</a></div></form>`));
  });

  app.post('/rounds/:id/items/:key/remove', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadRound(request, reply, member);
    if (!found) return;
    if (!staffMayDesign(found.round.ownerKind)) return refuseCouncilSurvey(request, reply, member, found);
    const key = (request.params as { key: string }).key;
    const { round } = found;
    const saved = await saveDesign(member, round.id, { ...round, ownBlocks: withoutOwnItem(round.ownBlocks, key) });
    if (!saved.ok) return renderRound(request, reply, member, found, emptyOwnItem, problemErrors(request, saved.error, () => 'key'));
    return reply.redirect(`/rounds/${round.id}?done=removed`, 303);
  });
}
