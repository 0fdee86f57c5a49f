import type { LocalizedText } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import { directionOf, languageName, RESPONDENT_LANGUAGES, type RespondentLanguage, type RespondentTranslate } from '../i18n/respondent-translate.ts';

export interface RespondentPageProps {
  readonly title: string;
  readonly language: RespondentLanguage;
  readonly t: RespondentTranslate;
  /** Path of this page without query, for the language links. */
  readonly path: string;
  readonly organisationName?: string;
  readonly body: Html;
}

/**
 * Item text in the respondent's language, or the Dutch text marked as Dutch (lang, dir) when the
 * questionnaire has no translation yet, so screen readers pronounce it right.
 */
export function localText(text: LocalizedText, language: string): Html {
  const own = text[language];
  if (own !== undefined) return html`${own}`;
  return html`<span lang="nl" dir="ltr">${text.nl ?? ''}</span>`;
}

/**
 * Attributes (with their leading space) for an element that holds only this text: marks a Dutch
 * fallback as Dutch and LTR.
 */
export function textAttrs(text: LocalizedText, language: string): Html {
  return text[language] !== undefined ? html`` : html` lang="nl" dir="ltr"`;
}

/** The text alone, for an element that carries textAttrs. */
export function plainText(text: LocalizedText, language: string): string {
  return text[language] ?? text.nl ?? '';
}

// The language links of a page, made once per page address and language (a bounded number).
const switches = new Map<string, Html>();
function languageSwitch(path: string, language: RespondentLanguage, t: RespondentTranslate): Html {
  const key = `${language} ${path}`;
  let made = switches.get(key);
  if (!made) {
    made = html`<nav class="ks-r-languages" aria-label="${t('language.choose')}"><ul>${RESPONDENT_LANGUAGES.map(
      (l) => html`<li><a href="${path}?lang=${l}" lang="${l}" hreflang="${l}" ${l === language ? html`aria-current="true"` : ''}>${languageName(l)}</a></li>`,
    )}</ul></nav>`;
    if (switches.size >= 2000) switches.delete(switches.keys().next().value!);
    switches.set(key, made);
  }
  return made;
}

export function respondentPage(props: RespondentPageProps): Html {
  const { t, language } = props;
  return html`<!doctype html>
<html lang="${language}" dir="${directionOf(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${props.title} · ${props.organisationName ?? t('site.title')}</title>
<link rel="stylesheet" href="/assets/utrecht-tokens.css">
<link rel="stylesheet" href="/assets/utrecht.css">
<link rel="stylesheet" href="/assets/klantstem.css">
<link rel="stylesheet" href="/assets/respondent.css">
</head>
<body class="utrecht-theme utrecht-page-body ks-respondent">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">${t('skip')}</a>
<header class="ks-r-header">
  <div class="ks-r-header__inner">
    <p class="ks-r-org">${props.organisationName ?? t('site.title')}</p>
    ${languageSwitch(props.path, language, t)}
  </div>
</header>
<main id="main" class="ks-r-main" tabindex="-1">
${props.body}
</main>
<footer class="ks-r-footer">
  <p class="utrecht-paragraph utrecht-paragraph--small">${t('footer')} <a class="utrecht-link" href="/privacy?lang=${language}">${t('privacy.link')}</a></p>
</footer>
</body>
</html>`;
}
