import QRCode from 'qrcode';
import type { LetterText } from '../../app/letters/default-letter-texts.ts';
import { addressLines, codeLink, letterValues, longDate, type Addressee, type LetterContext, type LetterLanguage } from '../../app/letters/letter-values.ts';
import type { LetterSettings } from '../../db/letter-store.ts';
import { formatAccessCode } from '../../domain/access-code.ts';
import { fillTemplate } from '../../domain/fieldwork/fill-template.ts';
import { html, trusted, type Html } from '../html.ts';
import { translator } from '../i18n/translate.ts';
import { imageStyles, LETTER_STYLES } from './letter-styles.ts';
import type { PrintOptions } from '../paper/pdf-printer.ts';

// One letter as HTML: letterhead, the address in the envelope window, date and subject, the
// text with its placeholders filled, the code large with a QR code, greeting and signature.

export interface OneLetter {
  readonly addressee: Addressee;
  /** Normalised access code. */
  readonly code: string;
  readonly language: LetterLanguage;
  readonly text: LetterText;
}

export interface LetterLayout {
  readonly settings: LetterSettings;
  readonly context: LetterContext;
  /** Date printed on the letters (YYYY-MM-DD). */
  readonly date: string;
}

/** The QR code as SVG, sized by the stylesheet. */
export async function qrSvg(url: string): Promise<Html> {
  return trusted(await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }));
}

function paragraphs(text: string): Html[] {
  return text.split(/\n\s*\n/).map((block) => {
    const lines = block.split('\n');
    return html`<p>${lines.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>`;
  });
}

export async function letterSheet(layout: LetterLayout, letter: OneLetter): Promise<Html> {
  const { settings } = layout;
  const t = translator(letter.language);
  const values = letterValues(letter.addressee, letter.code, letter.language, layout.context);
  const subject = fillTemplate(letter.text.subject, values);
  const body = fillTemplate(letter.text.body, values);
  // The closing always names who writes: the sender, or else the organisation.
  return html`<section class="sheet" lang="${letter.language}">
${settings.senderName ? html`<p class="sender">${settings.senderName}</p>` : ''}
${settings.logoDataUrl ? html`<div class="logo" role="img" aria-label="${t('letters.doc.logo')}"></div>` : ''}
<div class="window">
${settings.returnAddress ? html`<p class="return">${settings.returnAddress}</p>` : ''}
<p class="address">${addressLines(letter.addressee).map((line) => html`<span>${line}</span>`)}</p>
</div>
<table class="meta"><tbody>
<tr><th scope="row">${t('letters.doc.date')}</th><td>${longDate(letter.language, layout.date)}</td></tr>
<tr><th scope="row">${t('letters.doc.subject')}</th><td>${subject}</td></tr>
</tbody></table>
<div class="body">${paragraphs(body)}</div>
<div class="codebox">
<div>
<p>${t('letters.doc.yourCode')}</p>
<p class="code">${formatAccessCode(letter.code)}</p>
<p>${t('letters.doc.goTo', { url: `${layout.context.publicUrl}/r` })}</p>
</div>
<div class="qr">${await qrSvg(codeLink(layout.context.publicUrl, letter.code))}</div>
</div>
<div class="closing">
<p>${t('letters.doc.closing')}</p>
${settings.signatureDataUrl ? html`<div class="signature" role="img" aria-label="${t('letters.doc.signature')}"></div>` : html`<div class="no-signature"></div>`}
${settings.signerName ? html`<p>${settings.signerName}</p>` : ''}
${settings.signerTitle ? html`<p>${settings.signerTitle}</p>` : ''}
<p>${settings.senderName || layout.context.organisationName}</p>
</div>
</section>`;
}

/** A whole document of letters, each starting on a new page. */
export function lettersHtml(settings: LetterSettings, sheets: readonly Html[], title: string): string {
  return html`<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${title}</title>
<style>${trusted(LETTER_STYLES)}${trusted(imageStyles(settings.logoDataUrl, settings.signatureDataUrl))}</style></head>
<body>${sheets}</body>
</html>`.value;
}

/** Letters print edge to edge; the layout itself keeps the margins. */
export const LETTER_PRINT: PrintOptions = {
  headerTemplate: '<span></span>',
  footerTemplate: '<span></span>',
  margin: { top: '0', bottom: '0', left: '0', right: '0' },
};
