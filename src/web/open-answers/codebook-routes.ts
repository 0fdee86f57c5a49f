import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { addCode, codebookView, editCode, type CodeProblem } from '../../app/open-answers/codebook.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import { page, type FieldError } from '../layout.ts';
import { codebookPage, type CodeValues } from './codebook-page.ts';

const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;

function valuesFrom(body: Record<string, unknown>): CodeValues & { archived: boolean } {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  return { labelNl: text('labelNl'), labelEn: text('labelEn'), definitionNl: text('definitionNl'), definitionEn: text('definitionEn'), examples: text('examples'), archived: body.archived === '1' };
}

/** The organisation's codebook for open answers: researchers and administrators. */
export async function codebookRoutes(app: FastifyInstance, options: { db: Kysely<DB> }): Promise<void> {
  const { db } = options;

  async function show(request: FastifyRequest, reply: FastifyReply, member: Member, errors: FieldError[] = [], typed?: { key: string; values: CodeValues }, notice?: string) {
    const { t, language, csrfToken } = request.ctx;
    const codes = await codebookView(db, member.membership.organisationId);
    const body = codebookPage({ t, language, csrfToken, codes, errors, ...(typed ? { typed } : {}) });
    return reply.code(errors.length ? 400 : 200).type('text/html').send(page({ title: t('codebook.title'), language, t, csrfToken, path: '/codebook', user: member.session, body, ...(notice ? { notice } : {}) }).value);
  }

  const problemsToErrors = (request: FastifyRequest, prefix: string, problems: readonly CodeProblem[]): FieldError[] => {
    const { t } = request.ctx;
    const map: Record<CodeProblem, FieldError> = {
      'label-nl': { field: `${prefix}-labelNl`, message: t('codebook.error.labelNl') },
      'label-en': { field: `${prefix}-labelEn`, message: t('codebook.error.labelEn') },
      'too-long': { field: `${prefix}-definitionNl`, message: t('codebook.error.tooLong') },
    };
    return problems.map((p) => map[p]);
  };

  app.get('/codebook', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const done = (request.query as Record<string, string | undefined>).done;
    return show(request, reply, member, [], undefined, done === 'added' ? request.ctx.t('codebook.added') : done === 'saved' ? request.ctx.t('codebook.saved') : undefined);
  });

  app.post('/codebook', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const values = valuesFrom((request.body ?? {}) as Record<string, unknown>);
    const added = await addCode(db, member.membership.organisationId, values);
    if (!added.ok) return show(request, reply, member, problemsToErrors(request, 'new', added.error), { key: 'new', values });
    return reply.redirect('/codebook?done=added', 303);
  });

  app.post('/codebook/:key', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const key = (request.params as { key: string }).key;
    if (!KEY.test(key)) return reply.callNotFound();
    const values = valuesFrom((request.body ?? {}) as Record<string, unknown>);
    const edited = await editCode(db, member.membership.organisationId, key, values);
    if (!edited.ok) {
      if (edited.error === 'not-found') return reply.callNotFound();
      return show(request, reply, member, problemsToErrors(request, `code-${key}`, edited.error), { key, values });
    }
    return reply.redirect('/codebook?done=saved', 303);
  });
}
