import type { ExportLanguage } from '../domain/export/export-columns.ts';

// The words on the XLSX sheets, Dutch first. Sheet names stay under Excel's 31 characters.

export const SHEET_WORDS = {
  nl: {
    summary: 'Samenvatting',
    raw: 'Ruwe data',
    variables: 'Variabelen',
    completed: 'Ingevulde vragenlijsten',
    responseRate: 'Respons',
    delivered: (n: number) => `van ${n.toLocaleString('nl-NL')} bezorgde uitnodigingen`,
    rules: (hide: number, indicative: number) =>
      `Minder dan ${hide} antwoorden: geen uitkomst. Minder dan ${indicative} antwoorden: indicatief. Intervallen: 95 % (t voor gemiddelden, Wilson voor percentages).`,
    provisional: 'Voorlopig: het veldwerk loopt nog.',
    previousRound: (name: string, compared: number) =>
      `Vergeleken met ${name}: Welch-toets (gemiddelden) of z-toets (percentages), p-waarden met Holm gecorrigeerd over ${compared} vergelijkingen.`,
    columns: ['Sleutel', 'Vraag', 'n', 'n.v.t.', 'Maat', 'Uitkomst', '95%-interval laag', '95%-interval hoog', '% onvoldoende', 'Vorige ronde', 'n vorige ronde', 'Vergelijking', 'Opmerking'],
    codebookColumns: ['Variabele', 'Vraag of betekenis', 'Soort', 'Codes', 'Niet van toepassing'],
  },
  en: {
    summary: 'Summary',
    raw: 'Raw data',
    variables: 'Variables',
    completed: 'Completed questionnaires',
    responseRate: 'Response rate',
    delivered: (n: number) => `of ${n.toLocaleString('en-GB')} delivered invitations`,
    rules: (hide: number, indicative: number) =>
      `Fewer than ${hide} answers: no result. Fewer than ${indicative} answers: indicative. Intervals: 95 % (t for means, Wilson for percentages).`,
    provisional: 'Provisional: fieldwork is still running.',
    previousRound: (name: string, compared: number) =>
      `Compared with ${name}: Welch test (means) or z-test (percentages), p-values Holm-adjusted over ${compared} comparisons.`,
    columns: ['Key', 'Question', 'n', 'n/a', 'Measure', 'Result', '95% interval low', '95% interval high', '% fail', 'Previous round', 'n previous round', 'Comparison', 'Note'],
    codebookColumns: ['Variable', 'Question or meaning', 'Kind', 'Codes', 'Not applicable'],
  },
} as const satisfies Record<ExportLanguage, unknown>;
