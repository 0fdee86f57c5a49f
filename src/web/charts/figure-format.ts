// How a figure is written, everywhere a report shows one: a mean with one decimal, a share as
// a whole percentage, both with the decimal comma in Dutch ("7,1", "64%").

import { formatNumber, type Language } from '../i18n/translate.ts';

export type FigureKind = 'mean' | 'share';

export function formatPercent(language: Language, share: number): string {
  return `${formatNumber(language, 100 * share, 0)}%`;
}

export function formatFigure(language: Language, kind: FigureKind, value: number): string {
  return kind === 'mean' ? formatNumber(language, value, 1) : formatPercent(language, value);
}

export function formatInterval(language: Language, kind: FigureKind, lower: number, upper: number): string {
  return kind === 'mean'
    ? `${formatNumber(language, lower, 1)} – ${formatNumber(language, upper, 1)}`
    : `${formatNumber(language, 100 * lower, 0)} – ${formatPercent(language, upper)}`;
}
