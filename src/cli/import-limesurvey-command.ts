import { open } from 'node:fs/promises';
import path from 'node:path';
import { importQuestionnaireFile } from '../app/history-import/import-questionnaire-file.ts';
import { reviewQuestionnaireImport } from '../app/history-import/questionnaire-import-review.ts';
import type { Database } from '../db/connect.ts';
import { findOrganisationBySlug } from '../db/organisation-store.ts';
import { withSystem } from '../db/tenant-transaction.ts';
import { LSS_LIMITS } from '../domain/history-import/lss-document.ts';
import { itemsOf } from '../domain/questionnaire/questionnaire.ts';
import { OperationsError } from './operations-commands.ts';

type Values = Record<string, string | boolean | undefined>;

/** Reads at most one byte more than the import accepts, so a huge file is refused without reading it all. */
async function readCapped(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r').catch(() => {
    throw new OperationsError(`cannot read ${file}`);
  });
  try {
    const buffer = Buffer.alloc(LSS_LIMITS.bytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export const importLimeSurveyCommand = {
  summary: 'Import a LimeSurvey structure file (.lss) as a draft questionnaire and print the import report',
  usage: 'import-limesurvey --organisation gemeente-x --file kto-2019.lss [--language nl]',
  options: {
    organisation: { type: 'string' as const, description: 'organisation slug' },
    file: { type: 'string' as const, description: 'the .lss file exported from LimeSurvey' },
    language: { type: 'string' as const, description: 'language of the report: en (default) or nl' },
  },
  async run(database: Database, values: Values): Promise<string> {
    const slug = typeof values.organisation === 'string' ? values.organisation.trim() : '';
    const file = typeof values.file === 'string' ? values.file.trim() : '';
    if (slug === '' || file === '') throw new OperationsError('--organisation and --file are required');
    const language = values.language === 'nl' ? 'nl' : 'en';
    const organisation = await withSystem(database.db, (tx) => findOrganisationBySlug(tx, slug));
    if (!organisation) throw new OperationsError(`no organisation with slug "${slug}"`);
    const imported = await importQuestionnaireFile(database.db, { organisationId: organisation.id, userId: null }, {
      fileName: path.basename(file),
      bytes: await readCapped(path.resolve(file)),
    });
    if (!imported.ok) throw new OperationsError(imported.error.message[language]);
    const review = await reviewQuestionnaireImport(database.db, organisation.id, imported.value.importId);
    if (!review) throw new Error('The import just stored cannot be read back.');
    const questionnaire = review.current.definition;
    const lines = review.record.report.map((entry) => `- ${entry.question || (language === 'nl' ? '(vragenlijst)' : '(survey)')}: ${entry.feature[language]} → ${entry.action[language]}`);
    const heading = language === 'nl'
      ? `Geïmporteerd als conceptvragenlijst ${imported.value.questionnaireKey}. Vragen: ${itemsOf(questionnaire).length}, pagina's: ${questionnaire.blocks.length}.\nBekijk en koppel: /questionnaire-imports/${imported.value.importId}\nImportverslag (${lines.length}):`
      : `Imported as draft questionnaire ${imported.value.questionnaireKey}. Questions: ${itemsOf(questionnaire).length}, pages: ${questionnaire.blocks.length}.\nReview and link: /questionnaire-imports/${imported.value.importId}\nImport report (${lines.length}):`;
    return [heading, ...lines].join('\n');
  },
};
