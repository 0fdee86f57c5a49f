import { describeCondition } from '../../domain/questionnaire/condition-describer.ts';
import { parseCondition } from '../../domain/questionnaire/condition-parser.ts';
import { assertNever, localize, type Item, type Questionnaire } from '../../domain/questionnaire/questionnaire.ts';
import { html, type Html } from '../html.ts';
import type { Language, Translate } from '../i18n/translate.ts';

function routing(source: string | undefined, questionnaire: Questionnaire, language: Language): string | undefined {
  if (!source) return undefined;
  const parsed = parseCondition(source);
  // Stored versions were validated; a parse failure here would be a bug, so show the source.
  return parsed.ok ? describeCondition(parsed.value, questionnaire, language) : source;
}

function answerFormat(item: Item, t: Translate, language: Language): Html {
  switch (item.type) {
    case 'mark':
    case 'agree5':
    case 'yesno':
    case 'open':
      return html`${t(`type.${item.type}`)}`;
    case 'number':
      return html`${t('type.number')}${item.min !== undefined || item.max !== undefined ? ` (${item.min ?? '…'}–${item.max ?? '…'})` : ''}`;
    case 'single':
    case 'multi':
      return html`${t(`type.${item.type}`)}: <ul class="ks-options">${item.options.map(
        (option) => html`<li>${localize(option.label, language)} <code class="ks-code">${option.code}</code></li>`,
      )}</ul>`;
    default:
      return assertNever(item);
  }
}

/** The whole questionnaire in reading order, numbered like the paper form, routing in words. */
export function questionnairePreview(questionnaire: Questionnaire, t: Translate, language: Language): Html {
  let number = 0;
  const moduleTitle = new Map(questionnaire.modules.map((m) => [m.key, localize(m.title, language)]));
  return html`${questionnaire.blocks.map((block) => {
    const blockRouting = routing(block.showIf, questionnaire, language);
    return html`<section class="ks-block" aria-labelledby="block-${block.key}">
  <h2 class="utrecht-heading-2" id="block-${block.key}">${localize(block.title, language)}</h2>
  <p class="utrecht-paragraph ks-muted">${t('preview.module')}: ${moduleTitle.get(block.module) ?? block.module}</p>
  <p class="utrecht-paragraph ks-routing">${blockRouting ? html`<strong>${blockRouting}</strong>` : t('preview.always')}</p>
  ${block.intro ? html`<p class="utrecht-paragraph">${localize(block.intro, language)}</p>` : ''}
  <ol class="ks-items" start="${number + 1}">${block.items.map((item) => {
    number++;
    const itemRouting = routing(item.showIf, questionnaire, language);
    return html`<li class="ks-item">
      <p class="utrecht-paragraph"><strong>${localize(item.text, language)}</strong>
        <span class="utrecht-badge-status ks-badge">${item.standard ? t('preview.standard') : t('preview.own')}</span></p>
      ${item.help ? html`<p class="utrecht-paragraph ks-muted">${localize(item.help, language)}</p>` : ''}
      <div class="ks-answer-format">${answerFormat(item, t, language)}</div>
      ${item.allowNotApplicable ? html`<p class="utrecht-paragraph ks-muted">${t('preview.na')}</p>` : ''}
      ${item.required ? html`<p class="utrecht-paragraph ks-muted">${t('preview.required')}</p>` : ''}
      ${itemRouting ? html`<p class="utrecht-paragraph ks-routing"><strong>${itemRouting}</strong></p>` : ''}
      <p class="utrecht-paragraph utrecht-paragraph--small ks-muted">${t('preview.key')}: <code class="ks-code">${item.key}</code></p>
    </li>`;
  })}</ol>
</section>`;
  })}`;
}
