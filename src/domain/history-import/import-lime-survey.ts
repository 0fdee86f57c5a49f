// A LimeSurvey structure file (.lss) becomes a new draft questionnaire plus an import report.
// Groups become blocks (pages), questions become items, relevance becomes routing where our
// language can say the same; the result passes the same validation as any questionnaire file.

import { err, ok, type Result } from '../result.ts';
import { parseQuestionnaire } from '../questionnaire/questionnaire-schema.ts';
import { QUESTIONNAIRE_LIMITS } from '../questionnaire/questionnaire-schema.ts';
import type { Block, Item, LocalizedText, Questionnaire } from '../questionnaire/questionnaire.ts';
import { importFailure, type ImportFailure } from './import-failure.ts';
import { reportEntry, type ImportReportEntry } from './import-report.ts';
import { importLanguages } from './import-languages.ts';
import { mapLimeQuestion, type PendingItem } from './lime-question-items.ts';
import { readLimeSurvey } from './lime-survey.ts';
import { readLssDocument } from './lss-document.ts';
import { translateRelevance, type RelevanceTarget } from './relevance-translation.ts';

export const IMPORT_MODULE = 'import';
/** A report longer than this helps nobody; a hostile file could otherwise make it megabytes. */
export const MAX_REPORT_ENTRIES = 500;

export interface LimeSurveyImport {
  readonly questionnaire: Questionnaire;
  readonly report: readonly ImportReportEntry[];
  /** LimeSurvey question code per item key, to show both on the review page. */
  readonly sourceCodes: Readonly<Record<string, string>>;
}

// Tables we do not read, said once each so that nothing is dropped silently.
const UNREAD_TABLES: readonly [table: string, feature: [string, string], action: [string, string]][] = [
  ['conditions', ['tabel met voorwaarden', 'conditions table'], ['niet gelezen: de routing komt uit de relevance-expressies, die LimeSurvey uit deze voorwaarden afleidt', 'not read: routing comes from the relevance equations LimeSurvey derives from these conditions']],
  ['defaultvalues', ['standaardantwoorden', 'default answers'], ['niet geïmporteerd: Klantstem vult geen antwoorden vooraf in', 'not imported: Klantstem does not prefill answers']],
  ['assessments', ['beoordelingen (assessments)', 'assessments'], ['niet geïmporteerd', 'not imported']],
  ['quota', ['quota', 'quotas'], ['niet geïmporteerd', 'not imported']],
];

interface DraftBlock {
  key: string;
  title: LocalizedText;
  intro?: LocalizedText;
  showIf?: string;
  items: Item[];
}

export function importLimeSurvey(bytes: Uint8Array, questionnaireKey: string): Result<LimeSurveyImport, ImportFailure> {
  const document = readLssDocument(bytes);
  if (!document.ok) return document;
  const survey = readLimeSurvey(document.value);
  const report: ImportReportEntry[] = [];
  const note = (question: string, feature: [string, string], action: [string, string]): void => {
    report.push(reportEntry(question, feature, action));
  };
  const { languages, texts } = importLanguages(survey, report);
  for (const [table, feature, action] of UNREAD_TABLES) {
    const rows = document.value.tables.get(table)?.length ?? 0;
    if (rows > 0) note('', [`${feature[0]} (${rows})`, `${feature[1]} (${rows})`], action);
  }

  const targets = new Map<string, RelevanceTarget>();
  const blockOfKey = new Map<string, number>();
  const blocks: DraftBlock[] = [];
  const sourceCodes: Record<string, string> = {};
  let itemCount = 0;
  let full = false;

  survey.groups.forEach((group, groupIndex) => {
    if (full) return;
    const title = texts.localize(group.name, '') ?? texts.label(`Pagina ${groupIndex + 1}`, `Page ${groupIndex + 1}`);
    const groupRelevance = translateRelevance(group.relevance, (name) => targets.get(name));
    let showIf: string | undefined;
    if (!groupRelevance.ok) {
      note('', [`voorwaarde op groep ${groupIndex + 1}: ${group.relevance}`, `condition on group ${groupIndex + 1}: ${group.relevance}`], [`niet vertaald (${groupRelevance.error}); pagina altijd getoond`, `not translated (${groupRelevance.error}); page always shown`]);
    } else if (groupRelevance.value.kind === 'never') {
      note('', [`groep ${groupIndex + 1} nooit getoond (voorwaarde 0)`, `group ${groupIndex + 1} never shown (condition 0)`], ['niet geïmporteerd', 'not imported']);
      return;
    } else if (groupRelevance.value.kind === 'condition') showIf = groupRelevance.value.source;

    if (group.randomization !== '') {
      note('', [`pagina '${title.nl}' in willekeurige volgorde (${group.randomization})`, `page '${title.nl}' in random order (${group.randomization})`], ['vaste volgorde zoals in het bestand', 'fixed order as in the file']);
    }
    const intro = texts.localize(group.description, '');
    let block: DraftBlock = { key: `blok${blocks.length + 1}`, title, ...(intro ? { intro } : {}), ...(showIf ? { showIf } : {}), items: [] };
    blocks.push(block);
    const startBlock = (): void => {
      block = { key: `blok${blocks.length + 1}`, title, ...(showIf ? { showIf } : {}), items: [] };
      blocks.push(block);
    };

    for (const question of group.questions) {
      if (full) break;
      const mapped = mapLimeQuestion(question, texts);
      report.push(...mapped.report);
      if (mapped.intro) {
        // We have no text-only item: the text joins the page's introduction, above its questions.
        block.intro = block.intro ? joinTexts(block.intro, mapped.intro) : mapped.intro;
      }
      for (const pending of mapped.items) {
        const routing = itemRouting(pending, targets, note);
        if (routing === 'never') continue;
        if (itemCount === QUESTIONNAIRE_LIMITS.items) {
          // First in the report: it matters more than any detail of the questions left out.
          report.unshift(reportEntry(pending.code, ['meer dan 500 vragen', 'more than 500 questions'], ['deze en alle volgende vragen niet geïmporteerd', 'this and all later questions not imported']));
          full = true;
          break;
        }
        const samePage = routing.keys.some((key) => blockOfKey.get(key) === blocks.length - 1);
        if (samePage || block.items.length === QUESTIONNAIRE_LIMITS.itemsPerBlock) {
          if (samePage) {
            note(pending.code, ['voorwaarde op een vraag van dezelfde pagina', 'condition on a question on the same page'], ['pagina gesplitst: de vraag staat op een nieuwe pagina', 'page split: the question is on a new page']);
          }
          startBlock();
        }
        const item: Item = routing.showIf ? { ...pending.item, showIf: routing.showIf } : pending.item;
        block.items.push(item);
        itemCount += 1;
        sourceCodes[item.key] = pending.code;
        blockOfKey.set(item.key, blocks.length - 1);
        registerTargets(pending, targets);
      }
    }
  });

  texts.finish();
  if (report.length > MAX_REPORT_ENTRIES) {
    const more = report.length - MAX_REPORT_ENTRIES;
    report.length = MAX_REPORT_ENTRIES;
    note('', [`nog ${more} meldingen`, `${more} more notes`], ['niet getoond: het bestand wijkt te veel af om alles te melden', 'not shown: the file differs too much to list everything']);
  }
  const kept = blocks.filter((candidate) => candidate.items.length > 0);
  if (kept.length === 0) {
    return err(importFailure('noQuestions', 'Het bestand bevat geen vragen die Klantstem kan overnemen.', 'The file contains no questions that Klantstem can take over.'));
  }
  if (kept.length > QUESTIONNAIRE_LIMITS.blocks) {
    return err(importFailure('invalidQuestionnaire', `Het bestand levert meer dan ${QUESTIONNAIRE_LIMITS.blocks} pagina's op.`, `The file results in more than ${QUESTIONNAIRE_LIMITS.blocks} pages.`));
  }
  for (const dropped of blocks.filter((candidate) => candidate.items.length === 0 && candidate.intro)) {
    note('', [`pagina '${dropped.title.nl}' zonder vragen`, `page '${dropped.title.nl}' without questions`], ['tekst niet geïmporteerd', 'text not imported']);
  }
  const draft: Questionnaire = {
    key: questionnaireKey,
    title: texts.localize(survey.title, '') ?? texts.label('Geïmporteerde vragenlijst', 'Imported questionnaire'),
    languages,
    modules: [{ key: IMPORT_MODULE, title: texts.label('Geïmporteerd uit LimeSurvey', 'Imported from LimeSurvey'), required: false }],
    blocks: kept.map((candidate): Block => ({ ...candidate, module: IMPORT_MODULE })),
  };
  return validated(draft, report, sourceCodes);
}

function itemRouting(
  pending: PendingItem,
  targets: ReadonlyMap<string, RelevanceTarget>,
  note: (question: string, feature: [string, string], action: [string, string]) => void,
): 'never' | { showIf?: string; keys: readonly string[] } {
  const conditions: string[] = [];
  const keys: string[] = [];
  for (const relevance of pending.relevance) {
    const translated = translateRelevance(relevance, (name) => targets.get(name));
    if (!translated.ok) {
      note(pending.code, [`voorwaarde: ${relevance}`, `condition: ${relevance}`], [`niet vertaald (${translated.error}); vraag altijd getoond`, `not translated (${translated.error}); question always shown`]);
      continue;
    }
    if (translated.value.kind === 'never') {
      note(pending.code, ['voorwaarde 0: nooit getoond', 'condition 0: never shown'], ['niet geïmporteerd', 'not imported']);
      return 'never';
    }
    if (translated.value.kind === 'condition') {
      conditions.push(translated.value.source);
      keys.push(...translated.value.keys);
    }
  }
  if (conditions.length === 0) return { keys };
  return { showIf: conditions.length === 1 ? conditions[0] : conditions.map((source) => `(${source})`).join(' and '), keys };
}

/** Makes an imported item reachable from later relevance expressions by its LimeSurvey name. */
function registerTargets(pending: PendingItem, targets: Map<string, RelevanceTarget>): void {
  const { item, code } = pending;
  targets.set(code, { kind: 'item', key: item.key, type: item.type });
  if (item.type === 'multi') {
    for (const option of item.options) targets.set(`${code}_${option.code}`, { kind: 'option', key: item.key, code: option.code });
  }
}

function joinTexts(first: LocalizedText, second: LocalizedText): LocalizedText {
  return Object.fromEntries(Object.entries(first).map(([language, text]) => [language, `${text}\n\n${second[language] ?? ''}`.trim().slice(0, QUESTIONNAIRE_LIMITS.text)]));
}

// Routing that our checker refuses (e.g. a comparison with a code that is not an option) is
// dropped with a report entry; any other problem would be a bug in this mapping, not in the file.
function validated(draft: Questionnaire, report: ImportReportEntry[], sourceCodes: Record<string, string>): Result<LimeSurveyImport, ImportFailure> {
  const first = parseQuestionnaire(draft);
  if (first.ok) return ok({ questionnaire: first.value, report, sourceCodes });
  const routing = /^blocks\[(\d+)\](?:\.items\[(\d+)\])?\.showIf/;
  const blocks = draft.blocks.map((block, blockIndex) => {
    const blockIssue = first.error.find((issue) => { const match = routing.exec(issue.path); return match && Number(match[1]) === blockIndex && match[2] === undefined; });
    if (blockIssue) report.push(reportEntry('', [`voorwaarde op pagina: ${block.showIf}`, `condition on page: ${block.showIf}`], [`weggelaten, pagina altijd getoond: ${blockIssue.message.nl}`, `left out, page always shown: ${blockIssue.message.en}`]));
    const items = block.items.map((item, itemIndex) => {
      const issue = first.error.find((candidate) => { const match = routing.exec(candidate.path); return match && Number(match[1]) === blockIndex && Number(match[2]) === itemIndex; });
      if (!issue) return item;
      report.push(reportEntry(sourceCodes[item.key] ?? '', [`voorwaarde: ${item.showIf}`, `condition: ${item.showIf}`], [`weggelaten, vraag altijd getoond: ${issue.message.nl}`, `left out, question always shown: ${issue.message.en}`]));
      const { showIf: _dropped, ...rest } = item;
      return rest as Item;
    });
    if (!blockIssue) return { ...block, items };
    const { showIf: _dropped, ...rest } = block;
    return { ...rest, items };
  });
  const second = parseQuestionnaire({ ...draft, blocks });
  if (second.ok) return ok({ questionnaire: second.value, report, sourceCodes });
  const issue = second.error[0]!;
  return err(importFailure('invalidQuestionnaire', `De geïmporteerde vragenlijst is ongeldig: ${issue.path}: ${issue.message.nl}`, `The imported questionnaire is invalid: ${issue.path}: ${issue.message.en}`));
}
