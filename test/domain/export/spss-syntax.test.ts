import { describe, expect, it } from 'vitest';
import { exportColumns, notApplicableCode, spssBaseName } from '../../../src/domain/export/export-columns.ts';
import { responsesCsv } from '../../../src/domain/export/responses-csv.ts';
import { spssSyntax } from '../../../src/domain/export/spss-syntax.ts';
import type { Questionnaire } from '../../../src/domain/questionnaire/questionnaire.ts';
import { tiny } from './fixture.ts';

describe('SPSS variable names', () => {
  it('maps keys to letters, digits and _, starting with a letter', () => {
    expect(spssBaseName('balie.wachttijd')).toBe('balie_wachttijd');
    expect(spssBaseName('leeftijd.18-26')).toBe('leeftijd_18_26');
    expect(spssBaseName('1e.vraag')).toBe('v_1e_vraag');
    expect(spssBaseName('and')).toBe('v_and');
    expect(spssBaseName('x'.repeat(80))).toHaveLength(64);
  });

  it('makes names unique (case-insensitively) and at most 64 long', () => {
    const long = 'a'.repeat(70);
    const item = (key: string) => ({ key, type: 'mark' as const, text: { nl: key }, allowNotApplicable: false, required: false, standard: false });
    const q: Questionnaire = {
      ...tiny,
      blocks: [{ key: 'b', module: 'algemeen', title: { nl: 'b' }, items: [item('a.b'), item('a_b'), item('A.B'), item(`${long}.x`), item(`${long}.y`), item('response')] }],
    };
    const names = exportColumns(q).map((c) => c.spssName);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(64);
      expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    }
    expect(names.slice(4, 7)).toEqual(['a_b', 'a_b_2', 'A_B_3']);
  });

  it('keeps the not-applicable code of a number item above its maximum', () => {
    const item = { key: 'n', type: 'number' as const, text: { nl: 'n' }, allowNotApplicable: true, required: false, standard: false, integer: true };
    expect(notApplicableCode({ ...item, max: 50 })).toBe(98);
    expect(notApplicableCode({ ...item, max: 120 })).toBe(998);
    expect(notApplicableCode(item)).toBe(999_999_999);
  });
});

describe('spssSyntax', () => {
  const sps = spssSyntax(tiny, { language: 'nl', fileName: 'ronde.csv' });

  it('reads exactly the CSV columns, in order', () => {
    const header = responsesCsv(tiny, [], { values: 'codes', language: 'nl' }).slice(1).split('\r\n')[0]!.split(',');
    const block = sps.slice(sps.indexOf('/VARIABLES=') + '/VARIABLES='.length, sps.indexOf('\n.\n'));
    const variables = block.trim().split('\n').map((l) => l.trim().split(' '));
    expect(variables.map(([name]) => name)).toEqual(header.map((h) => h.replace(/[.-]/g, '_').replace(/\+/g, '').replace(/_+$/, '')));
    expect(variables).toContainEqual(['algemeen_cijfer', 'F2.0']);
    expect(variables).toContainEqual(['completed_on', 'SDATE10']);
    expect(variables).toContainEqual(['leeftijd', 'A5']);
    expect(variables).toContainEqual(['verbeter', 'A2000']);
  });

  it('starts with GET DATA for the UTF-8 CSV', () => {
    expect(sps).toContain(`GET DATA /TYPE=TXT\n  /FILE='ronde.csv'\n  /ENCODING='UTF8'\n  /DELIMITERS=","\n  /QUALIFIER='"'\n  /ARRANGEMENT=DELIMITED\n  /FIRSTCASE=2\n  /VARIABLES=\n    response F8.0\n`);
    expect(sps.trimEnd().endsWith('EXECUTE.')).toBe(true);
  });

  it('labels variables, escaping quotes', () => {
    expect(sps).toContain("VARIABLE LABELS\n  algemeen_cijfer 'Welk cijfer geeft u?'\n  /balie_wachttijd 'De wachttijd is ''kort''.'");
    expect(sps).toContain("/kanaal_balie 'Hoe had u contact?: Balie'");
  });

  it('labels values and declares the not-applicable codes missing', () => {
    expect(sps).toContain("  algemeen_cijfer\n    1 'heel slecht'\n    10 'uitstekend'\n    98 'niet van toepassing'");
    expect(sps).toContain("    1 'Helemaal oneens'");
    expect(sps).toContain("  /leeftijd\n    '18-26' '18 tot 27 jaar'\n    '27+' '27 jaar of ouder'\n    'nvt' 'niet van toepassing'");
    expect(sps).toContain("  /hulp\n    0 'nee'\n    1 'ja'");
    expect(sps).toContain("MISSING VALUES\n  algemeen_cijfer (98)\n  /balie_wachttijd (98)\n  /hulp (98)\n  /leeftijd ('nvt')\n  /kanaal_balie (98)\n  /kanaal_telefoon (98)\n  /aantal (998)\n  /verbeter ('nvt')\n  /extra_cijfer (98)\n.");
  });

  it('writes English labels on request', () => {
    const en = spssSyntax(tiny, { language: 'en' });
    expect(en).toContain("/FILE='klantstem.csv'");
    expect(en).toContain("10 'excellent'");
    expect(en).toContain("algemeen_cijfer 'Which mark?'");
  });
});
