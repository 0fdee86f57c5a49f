import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importLimeSurvey } from '../../../src/domain/history-import/import-lime-survey.ts';
import { LSS_LIMITS } from '../../../src/domain/history-import/lss-document.ts';
import { parseQuestionnaire } from '../../../src/domain/questionnaire/questionnaire-schema.ts';
import { buildLss, encode } from './lss-builder.ts';

const FIXTURES = new URL('../../fixtures/limesurvey/', import.meta.url);
const fixture = (name: string): Uint8Array => readFileSync(new URL(name, FIXTURES));

function refusal(bytes: Uint8Array) {
  const result = importLimeSurvey(bytes, 'limesurvey-import');
  if (result.ok) throw new Error('the file was accepted');
  return result.error;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE document [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<document><LimeSurveyDocType>Survey</LimeSurveyDocType><questions><rows><row><title>&lol9;</title></row></rows></questions></document>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<document><LimeSurveyDocType>Survey</LimeSurveyDocType><questions><rows><row><question>&secret;</question></row></rows></questions></document>`;

describe('hostile and broken .lss files', () => {
  it('refuses a billion-laughs file at its DOCTYPE, before any entity is expanded', () => {
    const error = refusal(encode(BILLION_LAUGHS));
    expect(error.code).toBe('doctype');
    expect(error.message.nl).toContain('DOCTYPE');
    expect(error.message.en).toBe('The file contains a DOCTYPE declaration. LimeSurvey exports have none, and it can load or expand entities; the file was refused.');
  });

  it('refuses an external entity (file:///etc/passwd) and never reads it', () => {
    const error = refusal(encode(EXTERNAL_ENTITY));
    expect(error.code).toBe('doctype');
    expect(JSON.stringify(error)).not.toContain('root:');
  });

  it('refuses an undeclared entity as corrupt XML', () => {
    const error = refusal(encode('<document><LimeSurveyDocType>&secret;</LimeSurveyDocType></document>'));
    expect(error.code).toBe('malformed');
  });

  it('refuses a truncated export with a message saying so, in Dutch and English', () => {
    const whole = fixture('limesurvey_survey_836215_ranking_with_condition.lss');
    const error = refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(error.code).toBe('malformed');
    expect(error.message.nl).toMatch(/^Het bestand is onvolledig of beschadigd \(regel \d+\)/);
    expect(error.message.en).toMatch(/^The file is truncated or corrupt \(line \d+\)/);
  });

  it('refuses deep nesting', () => {
    const depth = 10_000;
    const error = refusal(encode(`<document>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</document>`));
    expect(error.code).toBe('tooDeep');
    expect(error.message.en).toBe(`The file is nested deeper than ${LSS_LIMITS.depth} levels; a LimeSurvey export never is.`);
  });

  it('refuses files over the size cap, empty files, files that are not UTF-8 and XML that is not a survey', () => {
    expect(refusal(new Uint8Array(LSS_LIMITS.bytes + 1)).code).toBe('tooLarge');
    expect(refusal(new Uint8Array()).code).toBe('empty');
    expect(refusal(Uint8Array.from([0x3c, 0x64, 0xff, 0xfe, 0x3e])).code).toBe('encoding');
    const notSurvey = refusal(encode('<?xml version="1.0"?><document><LimeSurveyDocType>Theme</LimeSurveyDocType></document>'));
    expect(notSurvey.code).toBe('notLimeSurvey');
    expect(notSurvey.message.nl).toContain('geen LimeSurvey-structuurbestand');
  });

  it('neutralises the XSS fixture: no script, event handler or javascript: URL survives in any text', () => {
    const result = importLimeSurvey(fixture('limesurvey_survey_XssAndScriptCheck.lss'), 'limesurvey-import');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const texts = JSON.stringify(result.value.questionnaire);
    expect(texts).not.toMatch(/<script|alert\(|javascript:|\son[a-z]+\s*=/i);
    expect(texts).not.toContain('<');
    expect(result.value.questionnaire.blocks[0]!.items[0]!.text.nl).toBe('Question:');
    expect(result.value.report.map((entry) => `${entry.question} | ${entry.feature.en} | ${entry.action.en}`)).toEqual([
      " | source language 'en', no Dutch | the texts in 'en' are also used as Dutch text; translate them before use",
      'Q00 | <script> in the text | removed, with its content',
      'Q00 | JavaScript in the question | not imported and never run',
      ' | HTML markup in texts | taken over as plain text with line breaks',
    ]);
  });
});

describe('fuzzing the import', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.lss')).map(fixture);

  /** Either a refusal with a message in both languages, or a questionnaire that validates. */
  function wellBehaved(bytes: Uint8Array): void {
    const result = importLimeSurvey(bytes, 'limesurvey-import');
    if (result.ok) expect(parseQuestionnaire(result.value.questionnaire).ok).toBe(true);
    else {
      expect(result.error.message.nl.length).toBeGreaterThan(0);
      expect(result.error.message.en.length).toBeGreaterThan(0);
    }
  }

  it('random bytes never crash the import', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => wellBehaved(bytes)), { numRuns: 300 });
  });

  it('mutated fixtures (flipped, deleted, inserted and truncated bytes) are refused or imported whole', () => {
    const mutation = fc.record({
      file: fc.integer({ min: 0, max: fixtures.length - 1 }),
      edits: fc.array(
        fc.record({
          at: fc.nat(),
          kind: fc.constantFrom('flip', 'delete', 'insert', 'truncate'),
          byte: fc.constantFrom(0x3c, 0x3e, 0x26, 0x22, 0x5d, 0x2f, 0x00, 0xff, 0x41),
          length: fc.integer({ min: 1, max: 200 }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        let bytes = Buffer.from(fixtures[file]!);
        for (const edit of edits) {
          const at = edit.at % Math.max(1, bytes.length);
          if (edit.kind === 'flip') bytes[at] = edit.byte;
          else if (edit.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + edit.length)]);
          else if (edit.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.alloc(edit.length, edit.byte), bytes.subarray(at)]);
          else bytes = bytes.subarray(0, at);
        }
        const started = performance.now();
        wellBehaved(bytes);
        // A mutation must not turn the import into a hang (fixtures import in a few milliseconds).
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 300 },
    );
  });

  it('random relevance expressions and HTML texts never crash the mapping', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 200 }), (relevance, text) => {
        const clean = (value: string) => value.replaceAll(']]>', '').replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/g, '');
        const lss = buildLss({
          groups: [{ gid: 1, name: 'G1' }, { gid: 2, name: 'G2', relevance: clean(relevance) }],
          questions: [
            { qid: 1, gid: 1, type: 'L', code: 'Q01', text: clean(text), answers: [['A1', 'a'], ['A2', 'b']] },
            { qid: 2, gid: 1, type: 'N', code: 'Q02', text: 'n' },
            { qid: 3, gid: 2, type: 'T', code: 'Q03', text: clean(text), relevance: clean(relevance) },
          ],
        });
        wellBehaved(encode(lss));
      }),
      { numRuns: 300 },
    );
  });

  it('relevance built from the grammar LimeSurvey uses never crashes the mapping', () => {
    const atom = fc.oneof(
      fc.tuple(fc.constantFrom('Q01', 'Q02', 'Q02.NAOK', 'Q01.NAOK', 'Q09'), fc.constantFrom('==', '!=', '<', '>=', 'eq'), fc.constantFrom('"A1"', '"A3"', '5', '""', "'x'")).map((parts) => parts.join(' ')),
      fc.constantFrom('is_empty(Q01)', '!is_empty(Q02)', '1', '0', 'count(Q01)'),
    );
    const expression = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, atom, fc.tuple(tie('node'), fc.constantFrom(' && ', ' || ', ' and '), tie('node')).map(([a, op, b]) => `(${a}${op}${b})`), tie('node').map((inner) => `!(${inner})`)),
    })).node;
    fc.assert(
      fc.property(expression, (relevance) => {
        const lss = buildLss({
          groups: [{ gid: 1, name: 'G1' }, { gid: 2, name: 'G2' }],
          questions: [
            { qid: 1, gid: 1, type: 'L', code: 'Q01', text: 'a', answers: [['A1', 'a'], ['A2', 'b']] },
            { qid: 2, gid: 1, type: 'N', code: 'Q02', text: 'n' },
            { qid: 3, gid: 2, type: 'T', code: 'Q03', text: 't', relevance },
          ],
        });
        wellBehaved(encode(lss));
      }),
      { numRuns: 300 },
    );
  });
});

describe('large files', () => {
  it('imports at most 500 questions and keeps the report short', () => {
    const questions = Array.from({ length: 3000 }, (_, index) => ({
      qid: index + 1, gid: 1 + Math.floor(index / 30), type: index % 2 === 0 ? 'S' : 'R', code: `Q${index}`, text: `Vraag ${index}`,
    }));
    const groups = Array.from({ length: 100 }, (_, index) => ({ gid: index + 1, name: `Groep ${index + 1}` }));
    const result = importLimeSurvey(encode(buildLss({ groups, questions })), 'limesurvey-import');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.questionnaire.blocks.flatMap((block) => block.items)).toHaveLength(500);
    expect(result.value.report).toHaveLength(501);
    expect(result.value.report.at(-1)!.feature.en).toMatch(/^\d+ more notes$/);
    expect(result.value.report.filter((entry) => entry.feature.en === 'more than 500 questions')).toHaveLength(1);
  });
});

describe('random survey structures', () => {
  it('every combination of types, codes, texts and answer options maps to a valid questionnaire or a clear refusal', () => {
    const text = fc.string({ maxLength: 30 }).map((value) => value.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/g, '').replaceAll(']]>', ''));
    const code = fc.oneof(fc.constantFrom('', ' ', 'Q1', 'Q1', 'A1', "it's", 'SQ001', 'x'.repeat(120)), fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/));
    const question = fc.record({
      type: fc.constantFrom('1', '5', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'X', 'Y', '!', ':', ';', '|', '*', '?'),
      code,
      text,
      mandatory: fc.boolean(),
      relevance: fc.constantFrom('1', '0', '', 'Q1 == "A1"', 'Q1.NAOK != ""', '!is_empty(Q1)', 'Q1_SQ001 == "Y"', 'Q1 > 3'),
      answers: fc.array(fc.tuple(code, text), { maxLength: 4 }),
      subquestions: fc.array(fc.tuple(code, text), { maxLength: 3 }),
      group: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 8 }), (questions) => {
        let qid = 0;
        const built = questions.flatMap((q) => {
          const parent = ++qid;
          return [
            { qid: parent, gid: q.group, type: q.type, code: q.code, text: q.text, mandatory: q.mandatory, relevance: q.relevance, answers: q.answers },
            ...q.subquestions.map(([subCode, subText]) => ({ qid: ++qid, gid: q.group, type: 'T', code: subCode, text: subText, parent })),
          ];
        });
        const lss = buildLss({ groups: [1, 2, 3].map((gid) => ({ gid, name: `G${gid}` })), questions: built });
        const result = importLimeSurvey(encode(lss), 'limesurvey-import');
        if (result.ok) expect(parseQuestionnaire(result.value.questionnaire).ok).toBe(true);
        else expect([result.error.code, result.error.message.en]).toEqual(['noQuestions', 'The file contains no questions that Klantstem can take over.']);
      }),
      { numRuns: 400 },
    );
  });
});
