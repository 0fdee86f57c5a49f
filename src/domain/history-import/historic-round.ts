// The name and year of a round from before Klantstem, as a researcher types them.

export type HistoricRoundField = 'name' | 'year' | 'source';

export const EARLIEST_HISTORIC_YEAR = 1990;

/** Every field that is wrong; latest is the last year allowed (this year). */
export function historicRoundProblems(input: { readonly name: string; readonly year: number; readonly source?: string }, latest: number): HistoricRoundField[] {
  const fields: HistoricRoundField[] = [];
  const name = input.name.trim();
  if (name === '' || name.length > 200) fields.push('name');
  if (!Number.isInteger(input.year) || input.year < EARLIEST_HISTORIC_YEAR || input.year > latest) fields.push('year');
  if ((input.source ?? '').length > 500) fields.push('source');
  return fields;
}
