import type { FastifyRequest } from 'fastify';
import { html, type Html } from './html.ts';
import { translator } from './i18n/translate.ts';
import { page } from './layout.ts';

export type ErrorKind = 'notFound' | 'forbidden' | 'csrf' | 'rateLimit' | 'server';

export function renderError(request: FastifyRequest, kind: ErrorKind): Html {
  // The context may be missing when the failure came before it was built.
  const ctx = request.ctx ?? { language: 'nl', t: translator('nl'), session: undefined, csrfToken: '' };
  const { t } = ctx;
  const title = t(`error.${kind}.title`);
  return page({
    title,
    language: ctx.language,
    t,
    csrfToken: ctx.csrfToken,
    path: '/',
    user: ctx.session,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
<p class="utrecht-paragraph">${t(`error.${kind}.text`)}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/">${t('error.back')}</a></p>`,
  });
}
