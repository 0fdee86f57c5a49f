// The codebook of the raw data: per column its name, its question, what kind of values it holds,
// the labels of the codes and the not-applicable code. The XLSX export prints it as a sheet next
// to the raw data, so a reader of the codes needs neither SPSS nor this program.

import { agreeLabel, localize, type Item } from '../questionnaire/questionnaire.ts';
import { notApplicableCode, type ExportColumn, type ExportLanguage } from './export-columns.ts';

export interface CodebookEntry {
  /** Column header in the CSV and the raw-data sheet. */
  readonly name: string;
  readonly label: string;
  readonly kind: string;
  /** Code and label, in code order. */
  readonly values: readonly (readonly [code: number | string, label: string])[];
  /** The code for "niet van toepassing / weet niet"; null for the fixed columns. */
  readonly notApplicable: number | string | null;
}

const WORDS = {
  nl: {
    response: 'Volgnummer van de respons (geen koppeling met personen)', channel: 'Kanaal (web, paper, …)', language: 'Taal van het formulier',
    completedOn: 'Datum van invullen (zonder tijd)', poor: 'heel slecht', excellent: 'uitstekend', no: 'nee', yes: 'ja',
    notChosen: 'niet gekozen', chosen: 'gekozen', notApplicable: 'niet van toepassing / weet niet',
    kinds: { fixed: 'vast', mark: 'rapportcijfer 1–10', agree5: 'vijfpuntsschaal', yesno: 'ja/nee', single: 'één keuze (code)', multi: 'meer keuzes: 1 = gekozen', number: 'getal', open: 'open antwoord (tekst)' },
  },
  en: {
    response: 'Sequence number of the response (no link to people)', channel: 'Channel (web, paper, …)', language: 'Language of the form',
    completedOn: 'Date completed (no time)', poor: 'very poor', excellent: 'excellent', no: 'no', yes: 'yes',
    notChosen: 'not chosen', chosen: 'chosen', notApplicable: 'not applicable / don’t know',
    kinds: { fixed: 'fixed', mark: 'report mark 1–10', agree5: 'five-point scale', yesno: 'yes/no', single: 'single choice (code)', multi: 'multiple choice: 1 = chosen', number: 'number', open: 'open answer (text)' },
  },
} as const;

function itemValues(item: Item, language: ExportLanguage): CodebookEntry['values'] {
  const w = WORDS[language];
  switch (item.type) {
    case 'mark':
      return [[1, w.poor], [10, w.excellent]];
    case 'agree5':
      return [1, 2, 3, 4, 5].map((v) => [v, agreeLabel(v, language)] as const);
    case 'yesno':
      return [[0, w.no], [1, w.yes]];
    case 'single':
      return item.options.map((o) => [o.code, localize(o.label, language)] as const);
    case 'multi':
    case 'number':
    case 'open':
      return [];
  }
}

export function codebook(columns: readonly ExportColumn[], language: ExportLanguage): CodebookEntry[] {
  const w = WORDS[language];
  return columns.map((column): CodebookEntry => {
    switch (column.kind) {
      case 'response':
        return { name: column.name, label: w.response, kind: w.kinds.fixed, values: [], notApplicable: null };
      case 'channel':
        return { name: column.name, label: w.channel, kind: w.kinds.fixed, values: [], notApplicable: null };
      case 'language':
        return { name: column.name, label: w.language, kind: w.kinds.fixed, values: [], notApplicable: null };
      case 'completed_on':
        return { name: column.name, label: w.completedOn, kind: w.kinds.fixed, values: [], notApplicable: null };
      case 'item':
        return {
          name: column.name, label: localize(column.item.text, language), kind: w.kinds[column.item.type],
          values: itemValues(column.item, language), notApplicable: notApplicableCode(column.item),
        };
      case 'option':
        return {
          name: column.name,
          label: `${localize(column.item.text, language)}: ${localize(column.option.label, language)}`,
          kind: w.kinds.multi, values: [[0, w.notChosen], [1, w.chosen]], notApplicable: notApplicableCode(column.item),
        };
    }
  });
}

/** The label of the not-applicable code, for the codebook sheet. */
export function notApplicableLabel(language: ExportLanguage): string {
  return WORDS[language].notApplicable;
}
