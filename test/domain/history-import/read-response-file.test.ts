import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/address-file/parse-csv.ts';
import { readAnswerCell } from '../../../src/domain/history-import/read-answer-cell.ts';
import { checkMapping, parseRecoding, readResponseFile, suggestColumnMapping } from '../../../src/domain/history-import/read-response-file.ts';
import type { Item } from '../../../src/domain/questionnaire/questionnaire.ts';

const base = { allowNotApplicable: true, required: false, standard: true } as const;
const mark: Item = { ...base, key: 'algemeen.cijfer', type: 'mark', text: { nl: 'Welk rapportcijfer geeft u?', en: 'What mark do you give?' } };
const agree: Item = { ...base, key: 'balie.bejegening', type: 'agree5', text: { nl: 'De medewerkers aan de balie zijn vriendelijk.' } };
const yesno: Item = { ...base, allowNotApplicable: false, key: 'minima.bekend', type: 'yesno', text: { nl: 'Kent u de regelingen?' } };
const single: Item = { ...base, key: 'achtergrond.leeftijd', type: 'single', text: { nl: 'Hoe oud bent u?' }, options: [{ code: 'a1', label: { nl: 'Jonger dan 27' } }, { code: 'a2', label: { nl: '27 tot 50' } }, { code: 'a3', label: { nl: '50 of ouder' } }] };
const multi: Item = { ...base, key: 'contact.kanalen', type: 'multi', text: { nl: 'Hoe had u contact?' }, options: [{ code: 'tel', label: { nl: 'Telefoon' } }, { code: 'balie', label: { nl: 'Balie' } }, { code: 'mail', label: { nl: 'E-mail' } }], maxChoices: 2 };
const open: Item = { ...base, key: 'open.verbeterpunten', type: 'open', text: { nl: 'Wat kan beter?' }, maxLength: 20 };
const items = new Map([mark, agree, yesno, single, multi, open].map((i) => [i.key, i]));

describe('reading one cell', () => {
  it('reads numbers, scale labels, yes/no, options and "not applicable" as files write them', () => {
    expect(readAnswerCell(mark, ' 7 ')).toEqual({ ok: true, value: [{ itemKey: 'algemeen.cijfer', valueNum: 7 }] });
    expect(readAnswerCell(mark, '8,0')).toEqual({ ok: true, value: [{ itemKey: 'algemeen.cijfer', valueNum: 8 }] });
    expect(readAnswerCell(mark, '7,5')).toEqual({ ok: false, error: 'out-of-range' });
    expect(readAnswerCell(mark, '11')).toEqual({ ok: false, error: 'out-of-range' });
    expect(readAnswerCell(mark, 'goed')).toEqual({ ok: false, error: 'unreadable' });
    expect(readAnswerCell(mark, '')).toEqual({ ok: true, value: [] });
    expect(readAnswerCell(mark, 'N.v.t.')).toEqual({ ok: true, value: [{ itemKey: 'algemeen.cijfer', notApplicable: true }] });
    expect(readAnswerCell(agree, 'Helemaal  eens')).toEqual({ ok: true, value: [{ itemKey: 'balie.bejegening', valueNum: 5 }] });
    expect(readAnswerCell(agree, 'Neither agree nor disagree')).toEqual({ ok: true, value: [{ itemKey: 'balie.bejegening', valueNum: 3 }] });
    expect(readAnswerCell(agree, '2')).toEqual({ ok: true, value: [{ itemKey: 'balie.bejegening', valueNum: 2 }] });
    expect(readAnswerCell(yesno, 'Y')).toEqual({ ok: true, value: [{ itemKey: 'minima.bekend', valueNum: 1 }] });
    expect(readAnswerCell(yesno, 'Nee')).toEqual({ ok: true, value: [{ itemKey: 'minima.bekend', valueNum: 0 }] });
    expect(readAnswerCell(yesno, 'weet niet')).toEqual({ ok: false, error: 'not-applicable-not-allowed' });
    expect(readAnswerCell(single, 'A2')).toEqual({ ok: true, value: [{ itemKey: 'achtergrond.leeftijd', optionCode: 'a2' }] });
    expect(readAnswerCell(single, '50 of ouder')).toEqual({ ok: true, value: [{ itemKey: 'achtergrond.leeftijd', optionCode: 'a3' }] });
    expect(readAnswerCell(multi, 'Telefoon; balie')).toEqual({ ok: true, value: [{ itemKey: 'contact.kanalen', optionCode: 'tel' }, { itemKey: 'contact.kanalen', optionCode: 'balie' }] });
    expect(readAnswerCell(multi, 'tel|balie|mail')).toEqual({ ok: false, error: 'too-many-choices' });
    expect(readAnswerCell(open, 'Sneller terugbellen')).toEqual({ ok: true, value: [{ itemKey: 'open.verbeterpunten', valueText: 'Sneller terugbellen' }] });
    expect(readAnswerCell(open, 'Veel sneller terugbellen graag')).toEqual({ ok: false, error: 'too-long' });
  });

  it('applies the researcher\'s recoding first', () => {
    const { recoding, badLines } = parseRecoding('Zeer tevreden = 5\nTevreden=4\nzonder isteken');
    expect(badLines).toEqual(['zonder isteken']);
    expect(readAnswerCell(agree, 'zeer tevreden', recoding)).toEqual({ ok: true, value: [{ itemKey: 'balie.bejegening', valueNum: 5 }] });
    expect(readAnswerCell(agree, 'Tevreden', recoding)).toEqual({ ok: true, value: [{ itemKey: 'balie.bejegening', valueNum: 4 }] });
  });
});

describe('reading a response file', () => {
  const csv = [
    'id;Welk rapportcijfer geeft u?;balie.bejegening;Kent u de regelingen?;onbekend',
    '1;7;Eens;Ja;x',
    '2;9;Helemaal eens;Nee;x',
    '3;;;;x',
    '4;tien;Eens;misschien;x',
    '5;6;2;Y;x',
  ].join('\n');
  const { table } = parseCsv(csv);

  it('suggests columns by key or by question text', () => {
    expect([...suggestColumnMapping(table.headers, items)]).toEqual([[1, 'algemeen.cijfer'], [2, 'balie.bejegening'], [3, 'minima.bekend']]);
  });

  it('reads every mapped cell and reports each one it cannot read, with row and column', () => {
    const mapping = [...suggestColumnMapping(table.headers, items)].map(([column, itemKey]) => ({ column, itemKey, recoding: new Map() }));
    expect(checkMapping(mapping, table.headers, items)).toEqual([]);
    const reading = readResponseFile(table, mapping, items);
    expect(reading.emptyRows).toBe(1);
    expect(reading.responses).toHaveLength(4);
    expect(reading.responses[0]).toEqual([{ itemKey: 'algemeen.cijfer', valueNum: 7 }, { itemKey: 'balie.bejegening', valueNum: 4 }, { itemKey: 'minima.bekend', valueNum: 1 }]);
    expect(reading.problems).toEqual([
      { row: 5, column: 1, header: 'Welk rapportcijfer geeft u?', value: 'tien', problem: 'unreadable' },
      { row: 5, column: 3, header: 'Kent u de regelingen?', value: 'misschien', problem: 'unreadable' },
    ]);
    expect(reading.problemCount).toBe(2);
  });

  it('refuses a mapping to unknown questions, to one question twice, or to nothing', () => {
    expect(checkMapping([], table.headers, items)).toEqual([{ kind: 'nothing-mapped' }]);
    expect(checkMapping([
      { column: 1, itemKey: 'algemeen.cijfer', recoding: new Map() },
      { column: 2, itemKey: 'algemeen.cijfer', recoding: new Map() },
      { column: 4, itemKey: 'bestaat.niet', recoding: new Map() },
      { column: 9, itemKey: 'balie.bejegening', recoding: new Map() },
    ], table.headers, items)).toEqual([
      { kind: 'item-twice', itemKey: 'algemeen.cijfer' },
      { kind: 'unknown-item', column: 4, itemKey: 'bestaat.niet' },
      { kind: 'no-column', column: 9 },
    ]);
  });
});

describe('a mapping written as text', () => {
  it('names columns by header or number, with recoding, and reports lines it cannot use', async () => {
    const { parseMappingText } = await import('../../../src/domain/history-import/mapping-text.ts');
    const headers = ['id', 'Q1', 'Tevredenheid balie'];
    const { mapping, problems } = parseMappingText('# comment line\nq1 = algemeen.cijfer\n#3 = balie.bejegening | Zeer tevreden=5 | Tevreden=4\nQ9 = minima.bekend\nzonder sleutel\n', headers);
    expect(mapping.map((m) => [m.column, m.itemKey, [...m.recoding]])).toEqual([
      [1, 'algemeen.cijfer', []],
      [2, 'balie.bejegening', [['zeer tevreden', '5'], ['tevreden', '4']]],
    ]);
    expect(problems).toEqual([
      { line: 4, text: 'Q9 = minima.bekend', problem: 'no-such-column' },
      { line: 5, text: 'zonder sleutel', problem: 'syntax' },
    ]);
  });
});
