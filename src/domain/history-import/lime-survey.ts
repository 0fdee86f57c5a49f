// The survey structure inside an .lss, independent of the export's DBVersion: old exports (177,
// 359, 365) keep texts inline with one row per language, newer ones (450+) move them to the
// *_l10ns tables. Ids from the source system only link rows here; they are never stored.

import type { LssDocument, LssRow } from './lss-document.ts';

/** Text per LimeSurvey language code, still as LimeSurvey HTML. */
export type LimeText = ReadonlyMap<string, string>;

export interface LimeSubquestion {
  readonly code: string;
  readonly text: LimeText;
  readonly relevance: string;
  readonly scale: number;
}

export interface LimeAnswer {
  readonly code: string;
  readonly text: LimeText;
  readonly scale: number;
}

export interface LimeQuestion {
  readonly code: string;
  readonly type: string;
  readonly mandatory: boolean;
  readonly relevance: string;
  readonly other: boolean;
  readonly text: LimeText;
  readonly help: LimeText;
  /** True when the question carries its own JavaScript (the `script` column). */
  readonly hasScript: boolean;
  readonly subquestions: readonly LimeSubquestion[];
  readonly answers: readonly LimeAnswer[];
  /** Language-independent attributes (`min_num_value_n`, `array_filter`, ...). */
  readonly attributes: ReadonlyMap<string, string>;
}

export interface LimeGroup {
  readonly name: LimeText;
  readonly description: LimeText;
  readonly relevance: string;
  /** Groups with the same name are shown in random order (`randomization_group`). */
  readonly randomization: string;
  readonly questions: readonly LimeQuestion[];
}

export interface LimeSurvey {
  readonly baseLanguage: string;
  /** Base language first, then the additional languages. */
  readonly languages: readonly string[];
  readonly title: LimeText;
  readonly groups: readonly LimeGroup[];
}

const order = (row: LssRow, column: string): number => Number.parseInt(row[column] ?? '', 10) || 0;
const byOrder = (column: string) => (a: LssRow, b: LssRow): number => order(a, column) - order(b, column);

/** Collects one text column per id, from the l10n table when there is one, else from inline rows. */
function texts(rows: readonly LssRow[], idColumn: string, textColumn: string): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const id = row[idColumn];
    const text = row[textColumn];
    if (id === undefined || text === undefined) continue;
    const perLanguage = result.get(id) ?? new Map<string, string>();
    perLanguage.set(row.language ?? '', text);
    result.set(id, perLanguage);
  }
  return result;
}

/** Old exports repeat a row per language; keep the first row of each id. */
function unique(rows: readonly LssRow[], id: (row: LssRow) => string): LssRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = id(row);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const EMPTY: LimeText = new Map();

function groupBy(rows: readonly LssRow[], key: (row: LssRow) => string): Map<string, LssRow[]> {
  const result = new Map<string, LssRow[]>();
  for (const row of rows) {
    const list = result.get(key(row));
    if (list) list.push(row);
    else result.set(key(row), [row]);
  }
  return result;
}

export function readLimeSurvey(document: LssDocument): LimeSurvey {
  const table = (name: string): readonly LssRow[] => document.tables.get(name) ?? [];
  const survey = table('surveys')[0] ?? {};
  const baseLanguage = (survey.language ?? document.languages[0] ?? 'nl').trim();
  const additional = (survey.additional_languages ?? '').split(/\s+/).filter((code) => code !== '');
  const languages = [...new Set([baseLanguage, ...additional, ...document.languages])].filter((code) => code !== '');

  const title = new Map<string, string>();
  for (const row of table('surveys_languagesettings')) {
    if (row.surveyls_language && row.surveyls_title !== undefined) title.set(row.surveyls_language, row.surveyls_title);
  }

  const hasL10n = document.tables.has('question_l10ns');
  const groupRows = table('group_l10ns');
  const groupNames = texts(hasL10n ? groupRows : table('groups'), 'gid', 'group_name');
  const groupDescriptions = texts(hasL10n ? groupRows : table('groups'), 'gid', 'description');
  const questionSource = hasL10n ? table('question_l10ns') : [...table('questions'), ...table('subquestions')];
  const questionTexts = texts(questionSource, 'qid', 'question');
  const questionHelp = texts(questionSource, 'qid', 'help');
  const questionScripts = texts(questionSource, 'qid', 'script');
  // New exports link answer texts by aid; old ones keep the text in the answers row itself.
  const answerTexts = hasL10n ? texts(table('answer_l10ns'), 'aid', 'answer') : undefined;

  const attributes = new Map<string, Map<string, string>>();
  for (const row of table('question_attributes')) {
    if (row.qid === undefined || row.attribute === undefined || (row.language ?? '') !== '') continue;
    const perQuestion = attributes.get(row.qid) ?? new Map<string, string>();
    perQuestion.set(row.attribute, row.value ?? '');
    attributes.set(row.qid, perQuestion);
  }

  // Indexed once: a hostile file with many rows must not make the lookups quadratic.
  const answerKey = (row: LssRow): string => `${row.qid ?? ''}:${row.scale_id ?? '0'}:${row.code ?? ''}`;
  const inlineAnswerTexts = texts(table('answers').map((row) => ({ ...row, key: answerKey(row) })), 'key', 'answer');
  const answerRows = groupBy(unique(table('answers'), answerKey), (row) => row.qid ?? '');
  const answersOf = (qid: string): LimeAnswer[] =>
    [...(answerRows.get(qid) ?? [])].sort(byOrder('sortorder')).map((row) => ({
      code: row.code ?? '',
      text: (answerTexts ? answerTexts.get(row.aid ?? '') : inlineAnswerTexts.get(answerKey(row))) ?? EMPTY,
      scale: order(row, 'scale_id'),
    }));

  // Subquestions are in their own table in new exports and mixed into `questions` in old ones.
  const allQuestionRows = unique([...table('questions'), ...table('subquestions')], (row) => row.qid ?? '');
  const byParent = groupBy(allQuestionRows, (row) => row.parent_qid ?? '0');
  const byGroup = groupBy(byParent.get('0') ?? [], (row) => row.gid ?? '');
  const subquestionsOf = (qid: string): LimeSubquestion[] =>
    [...(qid === '0' ? [] : byParent.get(qid) ?? [])]
      .sort(byOrder('question_order'))
      .map((row) => ({
        code: row.title ?? '',
        text: questionTexts.get(row.qid ?? '') ?? EMPTY,
        relevance: (row.relevance ?? '').trim(),
        scale: order(row, 'scale_id'),
      }));

  const questionsOf = (gid: string): LimeQuestion[] =>
    [...(byGroup.get(gid) ?? [])]
      .sort(byOrder('question_order'))
      .map((row) => {
        const qid = row.qid ?? '';
        return {
          code: row.title ?? '',
          type: row.type ?? '',
          mandatory: row.mandatory === 'Y',
          relevance: (row.relevance ?? '').trim(),
          other: row.other === 'Y',
          text: questionTexts.get(qid) ?? EMPTY,
          help: questionHelp.get(qid) ?? EMPTY,
          hasScript: [...(questionScripts.get(qid) ?? EMPTY).values()].some((script) => script.trim() !== ''),
          subquestions: subquestionsOf(qid),
          answers: answersOf(qid),
          attributes: attributes.get(qid) ?? new Map(),
        };
      });

  const groups = unique(table('groups'), (row) => row.gid ?? '')
    .sort(byOrder('group_order'))
    .map((row) => {
      const gid = row.gid ?? '';
      return {
        name: groupNames.get(gid) ?? EMPTY,
        description: groupDescriptions.get(gid) ?? EMPTY,
        relevance: (row.grelevance ?? '').trim(),
        randomization: (row.randomization_group ?? '').trim(),
        questions: questionsOf(gid),
      };
    });

  return { baseLanguage, languages, title, groups };
}
