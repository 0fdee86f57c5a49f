// The summary of a report in plain words (B1), written from the figures and nothing else. It
// never claims a difference the tests do not support: only a Holm-adjusted significant change
// reads as "hoger" or "lager"; otherwise the text says "in lijn met", or that no test could
// be done. Hidden figures (too few answers) are never named with a number, and indicative
// ones say so. Dutch and English; numbers with a decimal comma in Dutch.

import { localize } from '../questionnaire/questionnaire.ts';
import type { CompareLabel } from '../statistics/compare-label.ts';
import type { NClass, ReportingThresholds } from '../statistics/reporting-thresholds.ts';
import type { ReportItem, RoundReport } from './build-round-report.ts';

export type SummaryLanguage = 'nl' | 'en';

export interface SummaryFigure {
  /** How the text names it: a module title for a mark, the statement for an agreement item. */
  readonly label: string;
  readonly kind: 'mean' | 'share';
  readonly n: number;
  readonly nClass: NClass;
  /** Null when hidden or without answers. */
  readonly value: number | null;
  /** The previous round's figure, when shown there. */
  readonly previous: number | null;
  /** Null when no test was done. */
  readonly comparison: CompareLabel | null;
  /** The reference group's figure (other organisations, same year), when shown. */
  readonly reference?: { readonly value: number; readonly organisations: number } | null;
  /** This figure against the reference group; null when no test was done. */
  readonly referenceComparison?: CompareLabel | null;
}

export interface SummaryInput {
  readonly language: SummaryLanguage;
  readonly provisional: boolean;
  readonly thresholds: ReportingThresholds;
  readonly completed: number;
  /** Invitations delivered; null for an open round. */
  readonly delivered: number | null;
  readonly responseRate: number | null;
  readonly year: number;
  /** Null without an earlier round to compare with. */
  readonly previousRound: { readonly year: number; readonly name: string } | null;
  /** The overall mark; null when the questionnaire has none. */
  readonly overall: SummaryFigure | null;
  /** Share of the overall marks that is 5 or lower; null when hidden. */
  readonly overallInsufficient: number | null;
  /** Marks per topic (module), without the overall mark. */
  readonly marks: readonly SummaryFigure[];
  /** Agreement statements: the share (helemaal) eens. */
  readonly statements: readonly SummaryFigure[];
  /** Number of tests in the Holm adjustment (changes and reference group together). */
  readonly comparedItems: number;
}

function number(language: SummaryLanguage, value: number, decimals: number): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

function figure(language: SummaryLanguage, kind: 'mean' | 'share', value: number): string {
  return kind === 'mean' ? number(language, value, 1) : `${number(language, 100 * value, 0)}%`;
}

/** "vorig jaar" when the previous round was last year, otherwise the round's year. */
function previousName(input: SummaryInput): string {
  const previous = input.previousRound!;
  if (previous.year === input.year - 1) return input.language === 'nl' ? 'vorig jaar' : 'last year';
  return input.language === 'nl' ? `de vorige meting (${previous.year})` : `the previous survey (${previous.year})`;
}

function overallSentences(input: SummaryInput): string[] {
  const { language: lang, overall } = input;
  const nl = lang === 'nl';
  if (!overall) return [];
  if (overall.value === null) {
    return [nl
      ? `Te weinig klanten gaven een rapportcijfer (minder dan ${input.thresholds.hideBelow}) om een gemiddelde te tonen.`
      : `Too few clients gave a mark (fewer than ${input.thresholds.hideBelow}) to show an average.`];
  }
  const mark = figure(lang, 'mean', overall.value);
  const out = [nl ? `Klanten geven de dienstverlening gemiddeld een ${mark}.` : `Clients give the service an average mark of ${mark}.`];
  if (overall.nClass === 'indicative') {
    out.push(nl
      ? `Dit cijfer is indicatief: het komt van maar ${overall.n} klanten. Het is een grove schatting.`
      : `This mark is indicative: it comes from only ${overall.n} clients. It is a rough estimate.`);
  }
  if (input.overallInsufficient !== null) {
    const share = figure(lang, 'share', input.overallInsufficient);
    out.push(nl ? `${share} geeft een onvoldoende (een 5 of lager).` : `${share} give a fail mark (5 or lower).`);
  }
  if (input.previousRound && overall.previous !== null) {
    const before = `${previousName(input)} (${figure(lang, 'mean', overall.previous)})`;
    switch (overall.comparison) {
      case 'in-line': out.push(nl ? `Dat is in lijn met ${before}.` : `That is in line with ${before}.`); break;
      case 'significant-higher': out.push(nl ? `Dat is significant hoger dan ${before}.` : `That is significantly higher than ${before}.`); break;
      case 'significant-lower': out.push(nl ? `Dat is significant lager dan ${before}.` : `That is significantly lower than ${before}.`); break;
      case null: out.push(nl
        ? `Bij ${before} konden we dit cijfer niet toetsen, dus we zeggen niet of het veranderd is.`
        : `We could not test this mark against ${before}, so we do not say whether it changed.`); break;
    }
  }
  return [...out, ...referenceSentences(input, overall)];
}

/** The overall mark against the other organisations of the same year. */
function referenceSentences(input: SummaryInput, overall: SummaryFigure): string[] {
  const nl = input.language === 'nl';
  const reference = overall.reference;
  if (!reference || overall.value === null) return [];
  const others = nl
    ? `${reference.organisations} andere gemeenten (gemiddeld ${figure(input.language, 'mean', reference.value)})`
    : `${reference.organisations} other municipalities (average ${figure(input.language, 'mean', reference.value)})`;
  switch (overall.referenceComparison ?? null) {
    case 'in-line': return [nl ? `Het cijfer is in lijn met dat van ${others}.` : `The mark is in line with that of ${others}.`];
    case 'significant-higher': return [nl ? `Het cijfer is significant hoger dan bij ${others}.` : `The mark is significantly higher than at ${others}.`];
    case 'significant-lower': return [nl ? `Het cijfer is significant lager dan bij ${others}.` : `The mark is significantly lower than at ${others}.`];
    case null: return [nl
      ? `Bij ${others} konden we dit cijfer niet toetsen, dus we zeggen niet of het verschilt.`
      : `We could not test this mark against ${others}, so we do not say whether it differs.`];
  }
}

function responseSentences(input: SummaryInput): string[] {
  const { language: lang } = input;
  const nl = lang === 'nl';
  const completed = number(lang, input.completed, 0);
  if (input.responseRate !== null && input.delivered !== null) {
    const rate = figure(lang, 'share', input.responseRate);
    return [nl
      ? `${completed} klanten vulden de vragenlijst in. Dat is ${rate} van de ${number(lang, input.delivered, 0)} klanten die een uitnodiging kregen.`
      : `${completed} clients filled in the questionnaire. That is ${rate} of the ${number(lang, input.delivered, 0)} clients who received an invitation.`];
  }
  return [nl ? `${completed} klanten vulden de vragenlijst in.` : `${completed} clients filled in the questionnaire.`];
}

/** Only figures on enough answers to be more than indicative take part in a ranking. */
const ranked = (figures: readonly SummaryFigure[]): SummaryFigure[] =>
  figures.filter((f) => f.nClass === 'reportable' && f.value !== null).sort((a, b) => b.value! - a.value!);

function rankingSentences(input: SummaryInput): string[] {
  const { language: lang } = input;
  const nl = lang === 'nl';
  const out: string[] = [];
  const marks = ranked(input.marks);
  if (marks.length >= 2) {
    const [high, low] = [marks[0]!, marks[marks.length - 1]!];
    out.push(nl
      ? `Van de onderdelen krijgt ‘${high.label}’ het hoogste cijfer (${figure(lang, 'mean', high.value!)}) en ‘${low.label}’ het laagste (${figure(lang, 'mean', low.value!)}).`
      : `Of the topics, ‘${high.label}’ gets the highest mark (${figure(lang, 'mean', high.value!)}) and ‘${low.label}’ the lowest (${figure(lang, 'mean', low.value!)}).`);
  }
  const statements = ranked(input.statements);
  if (statements.length >= 2) {
    const [high, low] = [statements[0]!, statements[statements.length - 1]!];
    out.push(nl
      ? `De meeste klanten zijn het eens met ‘${high.label}’ (${figure(lang, 'share', high.value!)}). De minste klanten zijn het eens met ‘${low.label}’ (${figure(lang, 'share', low.value!)}).`
      : `Most clients agree with ‘${high.label}’ (${figure(lang, 'share', high.value!)}). Fewest clients agree with ‘${low.label}’ (${figure(lang, 'share', low.value!)}).`);
  }
  return out;
}

function changeSentences(input: SummaryInput): string[] {
  const { language: lang } = input;
  const nl = lang === 'nl';
  if (!input.previousRound) {
    return [nl ? 'Er is geen eerdere meting om mee te vergelijken.' : 'There is no earlier survey to compare with.'];
  }
  const since = previousName(input);
  const changed = [...input.marks, ...input.statements].filter((f) => f.value !== null && f.previous !== null && (f.comparison === 'significant-higher' || f.comparison === 'significant-lower'));
  const describe = (f: SummaryFigure) => {
    const now = figure(lang, f.kind, f.value!);
    const before = figure(lang, f.kind, f.previous!);
    const higher = f.comparison === 'significant-higher';
    return nl ? `‘${f.label}’ is ${higher ? 'hoger' : 'lager'} (${now}, was ${before})` : `‘${f.label}’ is ${higher ? 'higher' : 'lower'} (${now}, was ${before})`;
  };
  const out: string[] = [];
  if (changed.length === 0) {
    out.push(nl
      ? `Verder is geen enkele uitkomst significant anders dan ${since}.`
      : `Apart from that, no result is significantly different from ${since}.`);
  } else {
    const list = changed.map(describe);
    const joined = list.length === 1 ? list[0]! : `${list.slice(0, -1).join('; ')}${nl ? ' en ' : ' and '}${list[list.length - 1]!}`;
    out.push(nl
      ? `${changed.length === 1 ? 'Eén uitkomst is' : `${changed.length} uitkomsten zijn`} significant anders dan ${since}: ${joined}.`
      : `${changed.length === 1 ? 'One result is' : `${changed.length} results are`} significantly different from ${since}: ${joined}.`);
  }
  out.push(nl
    ? `Significant betekent: het verschil is zo groot dat het bijna zeker niet door toeval komt. Omdat we ${input.comparedItems} vergelijkingen maakten, hebben we rekening gehouden met toevallige uitschieters.`
    : `Significant means: the difference is so large that it is almost certainly not due to chance. Because we made ${input.comparedItems} comparisons, we allowed for chance outliers.`);
  return out;
}

/** The summary as paragraphs of plain sentences, in the order of the report's summary page. */
export function writeSummary(input: SummaryInput): string[][] {
  const nl = input.language === 'nl';
  const paragraphs: string[][] = [];
  if (input.provisional) {
    paragraphs.push([nl
      ? 'Het onderzoek loopt nog. De cijfers zijn voorlopig en kunnen nog veranderen.'
      : 'The survey is still running. The figures are provisional and may still change.']);
  }
  if (input.completed === 0) {
    paragraphs.push([nl ? 'Er zijn nog geen ingevulde vragenlijsten.' : 'No questionnaires have been completed yet.']);
    return paragraphs;
  }
  const overall = overallSentences(input);
  if (overall.length) paragraphs.push(overall);
  paragraphs.push(responseSentences(input));
  const ranking = rankingSentences(input);
  if (ranking.length) paragraphs.push(ranking);
  paragraphs.push(changeSentences(input));
  return paragraphs;
}

function summaryFigure(item: ReportItem, label: string): SummaryFigure {
  return {
    label,
    kind: item.figure?.kind ?? (item.type === 'mark' ? 'mean' : 'share'),
    n: item.n,
    nClass: item.nClass,
    value: item.figure?.value ?? null,
    previous: item.previous?.figure?.value ?? null,
    comparison: item.comparison?.label ?? null,
    reference: item.reference?.figure ? { value: item.reference.figure.value, organisations: item.reference.organisations } : null,
    referenceComparison: item.referenceComparison?.label ?? null,
  };
}

/** The summary's figures from the report model: marks named by their module, statements by their text. */
export function summaryInputFromReport(report: RoundReport, language: SummaryLanguage, year: number): SummaryInput {
  const overall = report.overall;
  const items = report.modules.flatMap((m) => m.items.map((item) => ({ item, module: localize(m.title, language) })));
  return {
    language,
    provisional: report.provisional,
    thresholds: report.thresholds,
    completed: report.completed,
    delivered: report.delivered,
    responseRate: report.responseRate,
    year,
    previousRound: report.previousRound,
    overall: overall ? summaryFigure(overall, localize(overall.text, language)) : null,
    overallInsufficient: overall?.insufficient?.value ?? null,
    marks: items.filter(({ item }) => item.type === 'mark' && item.key !== overall?.key).map(({ item, module }) => summaryFigure(item, module)),
    statements: items.filter(({ item }) => item.type === 'agree5').map(({ item }) => summaryFigure(item, localize(item.text, language).replace(/\.$/, ''))),
    // The Holm family holds the change tests and the reference-group tests together.
    comparedItems: report.holmTests,
  };
}
