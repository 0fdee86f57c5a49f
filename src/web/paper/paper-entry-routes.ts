import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { changeDoubleEntry, paperEntrySettings } from '../../app/paper/paper-entry-settings.ts';
import { openPaperForm, type PaperActor, type PaperCodeProblem } from '../../app/paper/paper-form.ts';
import { paperDifferences, resolvePaperEntry, savePaperEntry, type PaperSaveOutcome } from '../../app/paper/save-paper-entry.ts';
import type { RoundWithQuestionnaire } from '../../app/round-queries.ts';
import type { DB } from '../../db/schema.ts';
import type { EntryChoice } from '../../domain/paper/entry-differences.ts';
import { assertNever } from '../../domain/questionnaire/questionnaire.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import type { MessageKey } from '../i18n/messages-nl.ts';
import { page } from '../layout.ts';
import { codePage, differencesPage, formPage, type EntryPageContext } from './paper-entry-pages.ts';
import { loadPaperRound } from './load-paper-round.ts';

// Typing in returned paper forms: code → one page with every question → saved (or, with
// double entry, kept for a second person, then compared). The plain code travels only in form
// bodies, never in a URL, so it cannot end up in logs or browser history.

const PROBLEM_MESSAGES: Record<PaperCodeProblem, MessageKey> = {
  empty: 'paperEntry.error.empty',
  length: 'paperEntry.error.length',
  characters: 'paperEntry.error.characters',
  check: 'paperEntry.error.check',
  unknown: 'paperEntry.error.unknown',
  completed: 'paperEntry.error.completed',
  'not-fieldwork': 'paperEntry.error.notFieldwork',
  'same-typer': 'paperEntry.error.sameTyper',
};

const DONE: Record<string, MessageKey> = {
  saved: 'paperEntry.saved',
  agreed: 'paperEntry.agreed',
  resolved: 'paperEntry.resolved',
  first: 'paperEntry.firstSaved',
  double: 'paperEntry.double.changed',
};

type Body = Record<string, unknown>;
const text = (body: Body, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');

export async function paperEntryRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  function send(request: FastifyRequest, reply: FastifyReply, member: Member, found: RoundWithQuestionnaire, title: string, body: Html, status: number, notice?: string) {
    const { t, language, csrfToken } = request.ctx;
    const html = page({ title, language, t, csrfToken, path: `/rounds/${found.round.id}/entry`, user: member.session, body, notice });
    return reply.code(status).type('text/html').header('cache-control', 'no-store').send(html.value);
  }

  function context(request: FastifyRequest): EntryPageContext {
    return { t: request.ctx.t, language: request.ctx.language, csrfToken: request.ctx.csrfToken };
  }

  function actorOf(member: Member, found: RoundWithQuestionnaire): PaperActor {
    return { organisationId: member.membership.organisationId, roundId: found.round.id, userId: member.session.userId };
  }

  async function renderCode(request: FastifyRequest, reply: FastifyReply, member: Member, found: RoundWithQuestionnaire, input: { code?: string; formLanguage?: string; problem?: PaperCodeProblem; notice?: string }) {
    const settings = await paperEntrySettings(db, member.membership.organisationId, found.round.id);
    const { t } = request.ctx;
    const body = codePage(context(request), {
      round: found.round,
      languages: found.version.definition.languages,
      code: input.code ?? '',
      formLanguage: input.formLanguage ?? 'nl',
      error: input.problem ? t(PROBLEM_MESSAGES[input.problem]) : undefined,
      doubleEntry: settings.doubleEntry,
      pending: settings.pending,
      canEnter: found.round.status === 'fieldwork',
    });
    return send(request, reply, member, found, t('paperEntry.title'), body, input.problem ? 400 : 200, input.notice);
  }

  function formLanguageOf(found: RoundWithQuestionnaire, requested: string): string {
    return found.version.definition.languages.includes(requested) ? requested : 'nl';
  }

  /** Answers every outcome of saving or settling a form. */
  function answer(request: FastifyRequest, reply: FastifyReply, member: Member, found: RoundWithQuestionnaire, outcome: PaperSaveOutcome, formLanguage: string, missing: readonly string[] = []) {
    const { t } = request.ctx;
    const base = `/rounds/${found.round.id}/entry`;
    switch (outcome.kind) {
      case 'invalid':
      case 'confirm-skips': {
        const skips = outcome.kind === 'confirm-skips' ? { items: outcome.skipped, token: outcome.token } : undefined;
        const body = formPage(context(request), { form: outcome.form, formLanguage, read: outcome.read, skips });
        return send(request, reply, member, found, t('paperEntry.title'), body, outcome.kind === 'invalid' ? 400 : 200);
      }
      case 'differences': {
        const body = differencesPage(context(request), { form: outcome.form, differences: outcome.differences, first: outcome.first, second: outcome.second, missing });
        return send(request, reply, member, found, t('paperEntry.diff.title'), body, missing.length ? 400 : 200);
      }
      case 'first-saved':
        return reply.redirect(`${base}?done=first&language=${formLanguage}`, 303);
      case 'saved':
      case 'agreed':
      case 'resolved':
        return reply.redirect(`${base}?done=${outcome.kind}${outcome.skipped.length ? `&skipped=${outcome.skipped.join(',')}` : ''}&language=${formLanguage}`, 303);
      default:
        return assertNever(outcome);
    }
  }

  app.get('/rounds/:id/entry', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadPaperRound(db, request, reply, member);
    if (!found) return;
    const { t } = request.ctx;
    const query = request.query as Record<string, unknown>;
    const done = typeof query.done === 'string' ? DONE[query.done] : undefined;
    const skipped = typeof query.skipped === 'string' && /^\d{1,4}(,\d{1,4}){0,200}$/.test(query.skipped) ? query.skipped.split(',').join(', ') : undefined;
    const notice = done
      ? [t(done), skipped ? t('paperEntry.savedSkipped', { numbers: skipped }) : '', query.done === 'double' ? '' : t('paperEntry.next')].filter(Boolean).join(' ')
      : undefined;
    // The next form of a batch is probably in the same language.
    const formLanguage = typeof query.language === 'string' ? formLanguageOf(found, query.language) : 'nl';
    return renderCode(request, reply, member, found, { notice, formLanguage });
  });

  app.post('/rounds/:id/entry', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadPaperRound(db, request, reply, member);
    if (!found) return;
    const body = request.body as Body;
    const code = text(body, 'code');
    const formLanguage = formLanguageOf(found, text(body, 'language'));
    const opened = await openPaperForm(db, actorOf(member, found), code);
    if (!opened.ok) return renderCode(request, reply, member, found, { code, formLanguage, problem: opened.error });
    if (opened.value.stage === 'resolve') {
      const shown = await paperDifferences(db, actorOf(member, found), code);
      if (!shown.ok) return renderCode(request, reply, member, found, { code, formLanguage, problem: shown.error });
      return answer(request, reply, member, found, shown.value, formLanguage);
    }
    const formBody = formPage(context(request), { form: opened.value, formLanguage: opened.value.pending?.language ?? formLanguage, read: undefined, skips: undefined });
    return send(request, reply, member, found, request.ctx.t('paperEntry.title'), formBody, 200);
  });

  app.post('/rounds/:id/entry/form', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadPaperRound(db, request, reply, member);
    if (!found) return;
    const body = request.body as Body;
    const code = text(body, 'code');
    const formLanguage = formLanguageOf(found, text(body, 'language'));
    const saved = await savePaperEntry(db, actorOf(member, found), {
      code, language: formLanguage, body, confirmedSkips: typeof body.confirmSkips === 'string' ? body.confirmSkips : undefined,
    });
    if (!saved.ok) return renderCode(request, reply, member, found, { code, formLanguage, problem: saved.error });
    return answer(request, reply, member, found, saved.value, formLanguage);
  });

  app.post('/rounds/:id/entry/resolve', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadPaperRound(db, request, reply, member);
    if (!found) return;
    const body = request.body as Body;
    const code = text(body, 'code');
    const choices = new Map<string, EntryChoice>();
    for (const [name, value] of Object.entries(body)) {
      if (name.startsWith('choice.') && (value === 'first' || value === 'second')) choices.set(name.slice('choice.'.length), value);
    }
    const resolved = await resolvePaperEntry(db, actorOf(member, found), { code, choices });
    if (!resolved.ok) return renderCode(request, reply, member, found, { code, problem: resolved.error });
    const outcome = resolved.value;
    const missing = outcome.kind === 'differences' ? outcome.differences.filter((d) => !choices.has(d.itemKey)).map((d) => d.itemKey) : [];
    return answer(request, reply, member, found, outcome, 'nl', missing);
  });

  app.post('/rounds/:id/entry/double', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const found = await loadPaperRound(db, request, reply, member);
    if (!found) return;
    const on = text(request.body as Body, 'on') === '1';
    await changeDoubleEntry(db, { organisationId: member.membership.organisationId, roundId: found.round.id, on });
    return reply.redirect(`/rounds/${found.round.id}/entry?done=double`, 303);
  });
}
