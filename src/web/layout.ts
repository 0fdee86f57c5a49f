import type { Membership } from '../db/user-store.ts';
import { html, type Html, type Printable } from './html.ts';
import { LANGUAGES, type Language, type Translate } from './i18n/translate.ts';

export interface PageUser {
  readonly userName: string;
  readonly current: Membership | undefined;
  readonly memberships: readonly Membership[];
}

export interface PageProps {
  readonly title: string;
  readonly language: Language;
  readonly t: Translate;
  readonly csrfToken: string;
  /** Path of this page, for the language switch. */
  readonly path: string;
  readonly user?: PageUser;
  readonly notice?: string;
  readonly body: Html;
}

const navFor = (user: PageUser, t: Translate): { href: string; label: string }[] => {
  const role = user.current?.role;
  const items = [
    { href: '/rounds', label: t('nav.rounds') },
    { href: '/questionnaire', label: t('nav.questionnaire') },
  ];
  if (role === 'council') items.push({ href: '/council/surveys', label: t('nav.council') });
  items.push({ href: '/studies', label: t('nav.studies') });
  if (role === 'administrator' || role === 'researcher') items.push({ href: '/benchmarks', label: t('benchmarkFiles.nav') });
  if (role === 'administrator') {
    items.push({ href: '/admin/users', label: t('nav.users') }, { href: '/admin/audit', label: t('nav.audit') });
    items.push({ href: '/admin/report-settings', label: t('nav.reportSettings') });
    items.push({ href: '/settings/email', label: t('nav.emailSettings') });
  }
  return items;
};

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function page(props: PageProps): Html {
  const { t, user } = props;
  const languageLinks = LANGUAGES.map(
    (language) =>
      html`<li><a class="utrecht-link" href="${props.path}${props.path.includes('?') ? '&' : '?'}lang=${language}" lang="${language}" hreflang="${language}" ${language === props.language ? html`aria-current="true"` : ''}>${language.toUpperCase()}</a></li>`,
  );
  const nav = user
    ? html`<nav class="ks-nav" aria-label="${t('nav.main')}"><ul>${navFor(user, t).map(
        (item) => html`<li><a class="utrecht-link" href="${item.href}" ${props.path.startsWith(item.href) ? html`aria-current="page"` : ''}>${item.label}</a></li>`,
      )}</ul></nav>`
    : '';
  const account = user
    ? html`<div class="ks-account">
        <span>${user.userName}${user.current ? html` · <span class="ks-org">${user.current.name}</span>` : ''}</span>
        <a class="utrecht-link" href="/account">${t('account.link')}</a>
        ${user.memberships.length > 1 ? html`<a class="utrecht-link" href="/organisations">${t('nav.switch')}</a>` : ''}
        <form method="post" action="/sign-out">${csrfField(props.csrfToken)}<button class="utrecht-button utrecht-button--subtle" type="submit">${t('nav.signOut')}</button></form>
      </div>`
    : '';
  return html`<!doctype html>
<html lang="${props.language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${props.title} · ${t('app.name')}</title>
<link rel="stylesheet" href="/assets/utrecht-tokens.css">
<link rel="stylesheet" href="/assets/utrecht.css">
<link rel="stylesheet" href="/assets/klantstem.css">
</head>
<body class="utrecht-theme utrecht-page-body">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">${t('skip.to.content')}</a>
<header class="ks-header">
  <div class="ks-header__inner">
    <a class="ks-brand" href="/">${t('app.name')}<span class="ks-brand__tagline">${t('app.tagline')}</span></a>
    ${account}
    <nav class="ks-languages" aria-label="${t('nav.language')}"><ul>${languageLinks}</ul></nav>
  </div>
  ${nav}
</header>
<main id="main" class="ks-main" tabindex="-1">
${props.notice ? html`<div class="utrecht-alert utrecht-alert--ok" role="status"><p class="utrecht-paragraph">${props.notice}</p></div>` : ''}
${props.body}
</main>
<footer class="ks-footer"><p class="utrecht-paragraph utrecht-paragraph--small">${t('footer.text')}</p></footer>
</body>
</html>`;
}

export interface FieldError {
  /** id of the field the summary links to */
  readonly field: string;
  readonly message: string;
}

/** GOV.UK-style error summary: first in the main content, each error links to its field. */
export function errorSummary(t: Translate, errors: readonly FieldError[]): Printable {
  if (errors.length === 0) return '';
  return html`<div class="utrecht-alert utrecht-alert--error ks-error-summary" role="alert" tabindex="-1" id="error-summary">
  <h2 class="utrecht-heading-2">${t('error.summary')}</h2>
  <ul>${errors.map((e) => html`<li><a class="utrecht-link" href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`;
}

export function fieldError(errors: readonly FieldError[], field: string): Printable {
  const error = errors.find((e) => e.field === field);
  return error ? html`<p class="utrecht-form-field-error-message" id="${field}-error">${error.message}</p>` : '';
}

export function describedBy(errors: readonly FieldError[], field: string, hint = false): Html {
  const ids = [hint ? `${field}-hint` : '', errors.some((e) => e.field === field) ? `${field}-error` : ''].filter(Boolean);
  return ids.length ? html`aria-describedby="${ids.join(' ')}"` : html``;
}

export function invalid(errors: readonly FieldError[], field: string): Html {
  return errors.some((e) => e.field === field) ? html`aria-invalid="true"` : html``;
}
