// Apache ECharts on the server: an option in, an SVG string out, no browser and no script on
// the page. The SVG keeps only its viewBox (no fixed width or height), so CSS scales it to the
// column; ECharts' hover styles and data attributes are dropped because nothing on the page is
// interactive, and its class names would collide between charts on one page.

import * as echarts from 'echarts';
import { escapeHtml } from '../html.ts';

export interface SvgSize {
  readonly width: number;
  readonly height: number;
}

/** Text in a chart uses the page's font (the figure's), never a web font from elsewhere. */
export const CHART_FONT = 'inherit';

const PRESENTATION = new Set([
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap',
  'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'font-family', 'font-size', 'font-style', 'font-weight', 'text-anchor',
  'dominant-baseline', 'paint-order', 'visibility', 'display',
]);

/** `font-size:12px;fill:#333` as ` font-size="12px" fill="#333"`; other properties are dropped. */
function presentationAttributes(css: string): string {
  return css
    .split(';')
    .map((declaration) => declaration.split(':').map((part) => part.trim()))
    .filter(([property, value]) => property && value && PRESENTATION.has(property.toLowerCase()))
    .map(([property, value]) => ` ${property!.toLowerCase()}="${value}"`)
    .join('');
}

/**
 * Renders a chart option to SVG markup. `label` becomes the SVG's accessible name; pass null
 * when the figure's table is the accessible version and the drawing should be skipped.
 */
export function renderChartSvg(option: echarts.EChartsCoreOption, size: SvgSize, label: string | null, idPrefix: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  let svg: string;
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const a11y = label === null ? 'aria-hidden="true"' : `role="img" aria-label="${escapeHtml(label)}"`;
  return svg
    .replace(/<style\b[\s\S]*?<\/style>/g, '')
    // The Content-Security-Policy blocks style attributes; SVG takes the same as attributes.
    .replace(/ style="([^"]*)"/g, (_m, css: string) => presentationAttributes(css))
    .replace(/ (ecmeta_[a-z_]+|class|pointer-events)="[^"]*"/g, '')
    .replace(/<svg width="[\d.]+" height="[\d.]+" /, `<svg class="ks-chart__svg" ${a11y} focusable="false" preserveAspectRatio="xMinYMin meet" `)
    // Clip paths and gradients get ids; two charts on one page must not share them.
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${idPrefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${idPrefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${idPrefix}-${id}"`)
    .replace(/\n{2,}/g, '\n');
}
