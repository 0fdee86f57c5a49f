import fs from 'node:fs';
import path from 'node:path';
import { importPublishedFigures, type PublishedFiguresProblem } from '../app/history-import/import-published-figures.ts';
import type { Database } from '../db/connect.ts';
import { findOrganisationBySlug } from '../db/organisation-store.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { decodeAddressText } from '../domain/address-file/decode-address-text.ts';
import type { FiguresRowProblem } from '../domain/report/read-published-figures.ts';
import { OperationsError } from './operations-commands.ts';

// import-figures: a round from before Klantstem from the figures of its report (see the README,
// "Bring your history").

type Values = Record<string, string | boolean | undefined>;

const FIGURE_PROBLEMS: Record<string, string> = {
  'item-type': 'figures can be given for marks, agreement and yes/no questions only',
  n: 'n must be a whole number of at least 1',
  'mean-needed': 'a mark needs its mean',
  'mean-range': 'a mean mark lies between 1 and 10',
  'sd-range': 'the standard deviation of marks lies between 0 and 4.5',
  'sd-without-mean': 'a standard deviation belongs to a mean mark; agreement and yes/no questions take a share',
  'share-needed': 'an agreement or yes/no question needs its share (agreeing, or yes)',
  'share-range': 'a share lies between 0 and 1 (or 0 % and 100 %)',
  'mean-not-used': 'agreement and yes/no questions are reported as a share, not a mean: fill in the share',
};

function rowProblem(problem: FiguresRowProblem): string {
  switch (problem.kind) {
    case 'unknown-item': return `"${problem.key}" is not a mark, agreement or yes/no question of the standard questionnaire`;
    case 'duplicate-item': return `"${problem.key}" appears twice`;
    case 'number': return `"${problem.text}" in column ${problem.column} is not a number`;
    case 'figure': return FIGURE_PROBLEMS[problem.problem] ?? problem.problem;
  }
}

function describe(problem: PublishedFiguresProblem): string {
  switch (problem.kind) {
    case 'fields':
      return problem.fields.map((field) => ({
        name: '--name is required (at most 200 characters)',
        year: `--year must be a year from 1990 to ${problem.latest}`,
        source: '--source may be at most 500 characters',
      })[field]).join('; ');
    case 'file':
      switch (problem.problem.kind) {
        case 'missing-columns': return `the file needs a header row with the columns ${problem.problem.columns.join(', ')} (item, n, and mean and/or share; sd optional)`;
        case 'no-rows': return 'the file has a header but no figures';
        case 'too-many-rows': return `the file has more than ${problem.problem.max} rows`;
      }
      break;
    case 'rows':
      return `nothing was imported; correct these rows:\n${problem.reading.rowProblems.map((p) => `  row ${p.row}: ${rowProblem(p.problem)}`).join('\n')}`;
  }
  return 'the figures could not be read';
}

export const figuresCommands = {
  'import-figures': {
    summary: 'Add a round from before Klantstem from the figures of its report (CSV: item;n;mean;sd;share)',
    usage: 'import-figures --organisation voorbeeldstad --name "KTO 2021" --year 2021 --file kto-2021.csv [--source "Rapport KTO 2021, tabel 3"] [--dry-run]',
    options: {
      organisation: { type: 'string' as const, description: 'slug of the organisation' },
      name: { type: 'string' as const, description: 'name of the round, as in the old report' },
      year: { type: 'string' as const, description: 'year of the round' },
      file: { type: 'string' as const, description: 'CSV (UTF-8 or Windows-1252, ; or ,) with the columns item, n, mean, sd, share' },
      source: { type: 'string' as const, description: 'where the figures come from (report, page or table)' },
      'dry-run': { type: 'boolean' as const, description: 'check the file and show what would be imported, without storing anything' },
    },
    async run(database: Database, values: Values): Promise<string> {
      const slug = typeof values.organisation === 'string' ? values.organisation.trim() : '';
      const organisation = slug ? await withSystem(database.db, (tx) => findOrganisationBySlug(tx, slug)) : undefined;
      if (!organisation) throw new OperationsError(slug ? `no organisation with slug "${slug}"` : '--organisation is required');
      const file = typeof values.file === 'string' ? path.resolve(values.file) : '';
      if (!file || !fs.existsSync(file)) throw new OperationsError(file ? `file not found: ${file}` : '--file is required');
      const decoded = decodeAddressText(fs.readFileSync(file));
      if (!decoded.ok) throw new OperationsError('the file is not a text (CSV) file in UTF-8 or Windows-1252');
      const imported = await importPublishedFigures(database.db, { organisationId: organisation.id, userId: null }, {
        name: typeof values.name === 'string' ? values.name : '', year: Number(values.year), text: decoded.value.text,
        source: typeof values.source === 'string' ? values.source : '', dryRun: values['dry-run'] === true,
      });
      if (!imported.ok) throw new OperationsError(describe(imported.error));
      const { roundId, reading } = imported.value;
      const lines = reading.figures.map((f) => `  ${f.itemKey.padEnd(28)} n ${String(f.n).padStart(5)}${f.mean !== null ? `  mean ${f.mean}` : ''}${f.sd !== null ? `  sd ${f.sd}` : ''}${f.share !== null ? `  share ${f.share}` : ''}`);
      return roundId
        ? `Imported ${reading.figures.length} figures as round ${roundId} (closed):\n${lines.join('\n')}`
        : `Dry run: ${reading.figures.length} figures are correct; nothing was stored.\n${lines.join('\n')}`;
    },
  },
};
