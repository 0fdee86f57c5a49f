// Colours of every chart. Bars and lines have at least 3:1 contrast with the white page
// (WCAG 1.4.11) and the whiskers drawn over them are black (4.8:1 against the bar colour).
// The five answers of an agreement scale use an orange–purple scale that stays apart for the
// common kinds of colour blindness; segments are also separated by white lines and labelled.

export const CHART_COLOURS = {
  bar: '#4f7cac',
  barIndicative: '#ffffff',
  whisker: '#000000',
  text: '#1a1a1a',
  axis: '#595959',
  grid: '#d9d9d9',
  /** Series of a trend chart, in order. */
  series: ['#1f4e79', '#b35806', '#542788', '#2e7d32'],
  /** helemaal oneens, oneens, neutraal, eens, helemaal eens */
  agreement: ['#b35806', '#c9751a', '#767676', '#8073ac', '#542788'],
  /** Text on each agreement segment, chosen for 4.5:1 contrast. */
  agreementText: ['#ffffff', '#000000', '#ffffff', '#000000', '#ffffff'],
} as const;
