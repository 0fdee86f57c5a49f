import { describe, expect, it } from 'vitest';
import { csvText, responsesCsv, type ExportResponse } from '../../../src/domain/export/responses-csv.ts';
import { tiny } from './fixture.ts';

const response = (answers: ExportResponse['answers']): ExportResponse => ({ channel: 'web', language: 'nl', completedOn: '2026-11-02', answers });

function lines(csv: string): string[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(1, -2).split('\r\n');
}

describe('csvText', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvText('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvText('a\r\nb')).toBe('"a\r\nb"');
  });

  it('neutralises formulas with a leading apostrophe', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('+31 6')).toBe("'+31 6");
    expect(csvText('-kort')).toBe("'-kort");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\tx')).toBe("'\tx");
    expect(csvText('\rx')).toBe(`"'\rx"`);
    expect(csvText('goed = prima')).toBe('goed = prima');
  });
});

describe('responsesCsv', () => {
  it('has fixed columns, then one per item and one per option of a multiple-choice item', () => {
    const [header] = lines(responsesCsv(tiny, [], { values: 'codes', language: 'nl' }));
    expect(header).toBe('response,channel,language,completed_on,algemeen.cijfer,balie.wachttijd,hulp,leeftijd,kanaal.balie,kanaal.telefoon,aantal,verbeter,extra.cijfer');
  });

  it('leaves out items of switched-off modules', () => {
    const [header] = lines(responsesCsv(tiny, [], { values: 'codes', language: 'nl', disabledModules: ['extra'] }));
    expect(header).not.toContain('extra.cijfer');
  });

  it('writes codes, numbers a row per response from 1, and leaves unanswered cells empty', () => {
    const csv = responsesCsv(tiny, [
      response([
        { itemKey: 'algemeen.cijfer', valueNum: 7 },
        { itemKey: 'balie.wachttijd', valueNum: 4 },
        { itemKey: 'hulp', valueNum: 0 },
        { itemKey: 'leeftijd', optionCode: '18-26' },
        { itemKey: 'kanaal', optionCode: 'telefoon' },
        { itemKey: 'aantal', valueNum: -3 },
        { itemKey: 'verbeter', valueText: '=HYPERLINK("x")' },
      ]),
      response([{ itemKey: 'algemeen.cijfer', valueNum: 8.5 }]),
    ], { values: 'codes', language: 'nl' });
    const [, first, second] = lines(csv);
    expect(first).toBe(`1,web,nl,2026-11-02,7,4,0,18-26,0,1,-3,"'=HYPERLINK(""x"")",`);
    expect(second).toBe('2,web,nl,2026-11-02,8.5,,,,,,,,');
  });

  it('codes not applicable as 98 for numeric items and nvt for choice items', () => {
    const csv = responsesCsv(tiny, [
      response(['algemeen.cijfer', 'balie.wachttijd', 'hulp', 'leeftijd', 'kanaal', 'aantal', 'verbeter'].map((itemKey) => ({ itemKey, notApplicable: true }))),
    ], { values: 'codes', language: 'nl' });
    expect(lines(csv)[1]).toBe('1,web,nl,2026-11-02,98,98,98,nvt,98,98,998,nvt,');
  });

  it('writes labels in the requested language', () => {
    const answers = [
      { itemKey: 'balie.wachttijd', valueNum: 5 },
      { itemKey: 'hulp', valueNum: 1 },
      { itemKey: 'leeftijd', optionCode: '18-26' },
      { itemKey: 'aantal', notApplicable: true },
    ];
    expect(lines(responsesCsv(tiny, [response(answers)], { values: 'labels', language: 'nl' }))[1])
      .toBe('1,web,nl,2026-11-02,,Helemaal eens,ja,18 tot 27 jaar,,,niet van toepassing,,');
    expect(lines(responsesCsv(tiny, [response(answers)], { values: 'labels', language: 'en' }))[1])
      .toBe('1,web,nl,2026-11-02,,Strongly agree,yes,18 to 27,,,not applicable,,');
  });
});
