import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../support/parse-csv.ts';
import type { QuestionPolarity } from '../../../src/domain/open-answers/standard-codebook.ts';

export interface FixtureAnswer {
  readonly id: string;
  readonly question: QuestionPolarity;
  readonly text: string;
  readonly codes: readonly string[];
}

export const ANSWERS_FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/open-answers/answers.csv');

/**
 * Reads test/fixtures/open-answers/answers.csv: UTF-8, ";"-separated, header
 * id;question;text;codes, codes "|"-separated and empty for an answer without content. A field
 * may be quoted with double quotes (a doubled quote inside is one quote), so a text can hold ";".
 */
export function readAnswersFixture(file = ANSWERS_FIXTURE): FixtureAnswer[] {
  const rows = parseCsv(fs.readFileSync(file, 'utf8'), { delimiter: ';', lenient: true });
  const [header, ...body] = rows;
  if (header?.join(';') !== 'id;question;text;codes') throw new Error(`unexpected header in ${file}: ${header?.join(';')}`);
  return body.map((row, index) => {
    if (row.length !== 4) throw new Error(`line ${index + 2}: expected 4 fields, got ${row.length}`);
    const [id, question, text, codes] = row as [string, string, string, string];
    if (question !== 'good' && question !== 'improve') throw new Error(`line ${index + 2}: question ${question}`);
    return { id, question, text, codes: codes === '' ? [] : codes.split('|') };
  });
}
