import fs from 'node:fs';
import path from 'node:path';
import { importPublishedFigures, type PublishedFiguresProblem } from '../app/history-import/import-published-figures.ts';
import { importRawResponses, readResponseTable, type RawResponsesProblem } from '../app/history-import/import-raw-responses.ts';
import type { Database } from '../db/connect.ts';
import { findOrganisationBySlug } from '../db/organisation-store.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { decodeAddressText } from '../domain/address-file/decode-address-text.ts';
import type { FiguresRowProblem } from '../domain/report/read-published-figures.ts';
import { parseMappingText } from '../domain/history-import/mapping-text.ts';
import type { MappingProblem } from '../domain/history-import/read-response-file.ts';
import type { HistoricRoundField } from '../domain/history-import/historic-round.ts';
import { OperationsError } from './operations-commands.ts';

// import-figures and import-responses: rounds from before Klantstem from the figures of their
// report or from their raw responses (see the README, "Bring your history").

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

function fieldProblems(fields: readonly HistoricRoundField[], latest: number): string {
  return fields.map((field) => ({
    name: '--name is required (at most 200 characters)',
    year: `--year must be a year from 1990 to ${latest}`,
    source: '--source may be at most 500 characters',
  })[field]).join('; ');
}

function describe(problem: PublishedFiguresProblem): string {
  switch (problem.kind) {
    case 'fields':
      return fieldProblems(problem.fields, problem.latest);
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

const CELL_PROBLEMS: Record<string, string> = {
  unreadable: 'cannot be read as an answer to this question',
  'out-of-range': 'is outside the answers this question allows',
  'not-applicable-not-allowed': 'says "not applicable", which this question does not allow',
  'too-long': 'is longer than this question allows',
  'too-many-choices': 'has more choices than this question allows',
};

function mappingProblem(problem: MappingProblem, headers: readonly string[]): string {
  switch (problem.kind) {
    case 'nothing-mapped': return 'no column is linked to a question: give --map, or name the columns after the item keys';
    case 'item-twice': return `${problem.itemKey} is linked to two columns`;
    case 'unknown-item': return `column "${headers[problem.column]}": ${problem.itemKey} is not a question of the standard questionnaire`;
    case 'no-column': return `there is no column ${problem.column + 1}`;
  }
}

function describeResponses(problem: RawResponsesProblem): string {
  switch (problem.kind) {
    case 'fields': return fieldProblems(problem.fields, problem.latest);
    case 'file': return problem.problem === 'too-many-rows' ? `the file has more than ${problem.max} rows` : `the file cannot be read (${problem.problem}): give a CSV (UTF-8 or Windows-1252) or XLSX file with a header row`;
    case 'mapping': return `the column mapping does not work:\n${problem.problems.map((p) => `  ${mappingProblem(p, problem.headers)}`).join('\n')}`;
    case 'cells': {
      const { reading } = problem;
      const listed = reading.problems.map((p) => `  row ${p.row}, column "${p.header}": "${p.value}" ${CELL_PROBLEMS[p.problem]}`);
      const more = reading.problemCount > reading.problems.length ? `\n  … and ${reading.problemCount - reading.problems.length} more` : '';
      return `nothing was imported; ${reading.problemCount} cells cannot be read (recode them with --map, or add --skip-unreadable to leave them empty):\n${listed.join('\n')}${more}`;
    }
    case 'no-responses': return 'no row has an answer to a linked question';
    case 'upload-gone': return 'the uploaded file is no longer there; upload it again';
    case 'questionnaire-gone': return 'there is no imported questionnaire with that id in this organisation (see /questionnaire-imports)';
  }
}

async function organisationOf(database: Database, values: Values): Promise<{ id: string }> {
  const slug = typeof values.organisation === 'string' ? values.organisation.trim() : '';
  const organisation = slug ? await withSystem(database.db, (tx) => findOrganisationBySlug(tx, slug)) : undefined;
  if (!organisation) throw new OperationsError(slug ? `no organisation with slug "${slug}"` : '--organisation is required');
  return organisation;
}

function fileOf(values: Values, name = 'file'): Buffer {
  const file = typeof values[name] === 'string' ? path.resolve(values[name] as string) : '';
  if (!file || !fs.existsSync(file)) throw new OperationsError(file ? `file not found: ${file}` : `--${name} is required`);
  return fs.readFileSync(file);
}

/** The options every historic round needs. */
const ROUND_OPTIONS = {
  organisation: { type: 'string' as const, description: 'slug of the organisation' },
  name: { type: 'string' as const, description: 'name of the round, as the old survey called it' },
  year: { type: 'string' as const, description: 'year of the round' },
};

export const historyCommands = {
  'import-figures': {
    summary: 'Add a round from before Klantstem from the figures of its report (CSV: item;n;mean;sd;share)',
    usage: 'import-figures --organisation voorbeeldstad --name "KTO 2021" --year 2021 --file kto-2021.csv [--source "Rapport KTO 2021, tabel 3"] [--dry-run]',
    options: {
      ...ROUND_OPTIONS,
      file: { type: 'string' as const, description: 'CSV (UTF-8 or Windows-1252, ; or ,) with the columns item, n, mean, sd, share' },
      source: { type: 'string' as const, description: 'where the figures come from (report, page or table)' },
      'dry-run': { type: 'boolean' as const, description: 'check the file and show what would be imported, without storing anything' },
    },
    async run(database: Database, values: Values): Promise<string> {
      const organisation = await organisationOf(database, values);
      const decoded = decodeAddressText(fileOf(values));
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
  'import-responses': {
    summary: 'Add a round from before Klantstem from its raw responses (CSV or XLSX, one row per respondent)',
    usage: 'import-responses --organisation voorbeeldstad --name "KTO 2022" --year 2022 --file responses.csv [--map mapping.txt] [--channel web|paper|phone] [--skip-unreadable] [--dry-run]',
    options: {
      ...ROUND_OPTIONS,
      file: { type: 'string' as const, description: 'CSV (UTF-8 or Windows-1252, ; or ,) or XLSX with a header row; one row per respondent' },
      map: { type: 'string' as const, description: 'text file, one line per column: "<header or #number> = <item key> [| value=new value ...]"; without it, columns named after item keys or question texts are used' },
      channel: { type: 'string' as const, description: 'how the answers were given: web (default), paper or phone' },
      'skip-unreadable': { type: 'boolean' as const, description: 'import the readable answers and leave cells that cannot be read empty' },
      'dry-run': { type: 'boolean' as const, description: 'check the file and the mapping and show what would be imported, without storing anything' },
      'questionnaire-import': { type: 'string' as const, description: 'id of a questionnaire imported from LimeSurvey the answers belong to (default: the standard questionnaire)' },
    },
    async run(database: Database, values: Values): Promise<string> {
      const organisation = await organisationOf(database, values);
      const bytes = fileOf(values);
      const channel = values.channel === undefined ? 'web' : values.channel;
      if (channel !== 'web' && channel !== 'paper' && channel !== 'phone') throw new OperationsError('--channel must be web, paper or phone');
      let mapping;
      if (values.map !== undefined) {
        const table = await readResponseTable(bytes);
        if (!table.ok) throw new OperationsError(describeResponses(table.error));
        const parsed = parseMappingText(fileOf(values, 'map').toString('utf8'), table.value.headers);
        if (parsed.problems.length) {
          throw new OperationsError(`the mapping file has lines that cannot be used:\n${parsed.problems.map((p) => `  line ${p.line} (${p.problem === 'no-such-column' ? 'no such column in the file' : p.problem === 'recoding' ? 'a recoding without "="' : 'write "<column> = <item key>"'}): ${p.text}`).join('\n')}`);
        }
        mapping = parsed.mapping;
      }
      const imported = await importRawResponses(database.db, { organisationId: organisation.id, userId: null }, {
        name: typeof values.name === 'string' ? values.name : '', year: Number(values.year), file: { bytes }, channel,
        ...(mapping ? { mapping } : {}), skipUnreadable: values['skip-unreadable'] === true, dryRun: values['dry-run'] === true,
        ...(typeof values['questionnaire-import'] === 'string' ? { questionnaireImportId: values['questionnaire-import'] } : {}),
        onProgress: (done, total) => process.stderr.write(`  ${done} of ${total} responses stored\n`),
      });
      if (!imported.ok) throw new OperationsError(describeResponses(imported.error));
      const o = imported.value;
      const columns = o.mapping.map((m) => `  ${`"${o.headers[m.column]}"`.padEnd(30)} → ${m.itemKey}${m.recoding.size ? ` (${m.recoding.size} recoded values)` : ''}`).join('\n');
      const summary = `${o.responses} responses with ${o.answers} answers${o.emptyRows ? `; ${o.emptyRows} rows without answers left out` : ''}${o.skippedCells ? `; ${o.skippedCells} unreadable cells left empty` : ''}`;
      return o.roundId
        ? `Imported ${summary} as round ${o.roundId} (closed).\nColumns:\n${columns}`
        : `Dry run: ${summary}; nothing was stored.\nColumns:\n${columns}`;
    },
  },
};
