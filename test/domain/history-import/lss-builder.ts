// Builds small .lss files in the old inline-text layout (as LimeSurvey 2.x exported them), for
// cases the real fixtures do not cover: routing between questions, mandatory flags, Dutch.

export interface BuiltQuestion {
  qid: number;
  gid: number;
  type: string;
  code: string;
  text: string;
  mandatory?: boolean;
  relevance?: string;
  parent?: number;
  answers?: readonly [code: string, text: string][];
}

const cdata = (value: string): string => `<![CDATA[${value}]]>`;

function table(name: string, rows: readonly Record<string, string>[]): string {
  if (rows.length === 0) return '';
  const fields = Object.keys(rows[0]!);
  return `<${name}><fields>${fields.map((field) => `<fieldname>${field}</fieldname>`).join('')}</fields><rows>${rows
    .map((row) => `<row>${Object.entries(row).map(([key, value]) => `<${key}>${cdata(value)}</${key}>`).join('')}</row>`)
    .join('\n')}</rows></${name}>\n`;
}

export function buildLss(options: {
  language?: string;
  groups: readonly { gid: number; name: string; relevance?: string }[];
  questions: readonly BuiltQuestion[];
}): string {
  const language = options.language ?? 'nl';
  const questionRow = (question: BuiltQuestion) => ({
    qid: String(question.qid),
    parent_qid: String(question.parent ?? 0),
    sid: '1',
    gid: String(question.gid),
    type: question.type,
    title: question.code,
    question: question.text,
    help: '',
    other: 'N',
    mandatory: question.mandatory ? 'Y' : 'N',
    question_order: String(question.qid),
    language,
    scale_id: '0',
    relevance: question.relevance ?? '1',
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<document>
 <LimeSurveyDocType>Survey</LimeSurveyDocType>
 <DBVersion>359</DBVersion>
 <languages><language>${language}</language></languages>
${table('answers', options.questions.flatMap((question) => (question.answers ?? []).map(([code, answer], index) => ({
    qid: String(question.qid), code, answer, sortorder: String(index), assessment_value: '0', language, scale_id: '0',
  }))))}${table('groups', options.groups.map((group, index) => ({
    gid: String(group.gid), sid: '1', group_name: group.name, group_order: String(index), description: '', language, randomization_group: '', grelevance: group.relevance ?? '',
  })))}${table('questions', options.questions.filter((question) => question.parent === undefined).map(questionRow))}${table('subquestions', options.questions.filter((question) => question.parent !== undefined).map(questionRow))}${table('surveys', [{ sid: '1', language, additional_languages: '' }])}${table('surveys_languagesettings', [{ surveyls_survey_id: '1', surveyls_language: language, surveyls_title: 'Klanttevredenheid 2019' }])}</document>
`;
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
