import { describe, expect, it } from 'vitest';
import { checkMapping, suggestMapping, type AddressField } from '../../../src/domain/address-file/address-mapping.ts';
import { isEmailAddress, normaliseLanguage, normalisePostcode } from '../../../src/domain/address-file/address-rules.ts';
import { errorReportCsv } from '../../../src/domain/address-file/error-report-csv.ts';
import { validateAddressRows } from '../../../src/domain/address-file/validate-address-rows.ts';

const headers = ['Voorletters', 'Tussenvoegsel', 'Achternaam', 'Straat', 'Huisnummer', 'Toevoeging', 'Postcode', 'Woonplaats', 'E-mail', 'Taal'];
const mapping = suggestMapping(headers);
const row = (o: Partial<Record<string, string>> = {}): string[] => {
  const base: Record<string, string> = { Voorletters: 'J.', Tussenvoegsel: 'de', Achternaam: 'Vries', Straat: 'Kerkstraat', Huisnummer: '1', Toevoeging: '', Postcode: '1234 AB', Woonplaats: 'Utrecht', 'E-mail': '', Taal: '' };
  return headers.map((h) => o[h] ?? base[h]!);
};

describe('postcode rules', () => {
  it('accepts four digits not starting with 0 and two letters, normalised to "1234 AB"', () => {
    expect(normalisePostcode('1234AB')).toBe('1234 AB');
    expect(normalisePostcode(' 3511 ab ')).toBe('3511 AB');
    expect(normalisePostcode('9999 zz')).toBe('9999 ZZ');
  });

  it('refuses a leading zero, SA, SD and SS, wrong lengths and other forms', () => {
    for (const bad of ['0123 AB', '1234 SA', '1234 sd', '1234SS', '123 AB', '12345 AB', '1234 A', '1234 ABC', 'AB 1234', '1234-AB', '']) {
      expect(normalisePostcode(bad), bad).toBeUndefined();
    }
  });
});

describe('other value rules', () => {
  it('checks e-mail syntax', () => {
    for (const good of ['a@example.nl', 'j.de.vries+kto@gemeente.example.nl', "o'brien@example.com"]) expect(isEmailAddress(good), good).toBe(true);
    for (const bad of ['a@', '@example.nl', 'a@@example.nl', 'a@example', 'a b@example.nl', 'a..b@example.nl', '.a@example.nl', 'a.@example.nl', '=HYPERLINK("x")']) expect(isEmailAddress(bad), bad).toBe(false);
  });

  it('takes language codes and names, empty as Dutch', () => {
    expect(['', 'NL', 'Engels', 'arabic', 'tr', 'Pools'].map(normaliseLanguage)).toEqual(['nl', 'nl', 'en', 'ar', 'tr', 'pl']);
    expect(normaliseLanguage('fr')).toBeUndefined();
  });
});

describe('row validation', () => {
  it('keeps valid rows cleaned and reports problems per row and column; a rejected row does not make its repeat a duplicate', () => {
    const table = {
      headers,
      rows: [
        row({ Postcode: '1234ab', Taal: 'EN' }),
        row({ Postcode: '0123 AB' }),
        row({ Achternaam: 'Bakker', 'E-mail': 'x@', Huisnummer: 'a1' }),
        row({ Achternaam: 'Smit', Straat: '', Huisnummer: '', Postcode: '', Woonplaats: '' }),
        row({ Achternaam: 'Smit', Straat: '', Huisnummer: '', Postcode: '', Woonplaats: '', 'E-mail': 's@example.nl' }),
        row({ Achternaam: 'Bos', Taal: 'fr' }),
        row({ Achternaam: 'Bos', Taal: '' }),
      ],
    };
    const result = validateAddressRows(table, mapping);
    expect(result.total).toBe(7);
    expect(result.valid.map((r) => r.rowNumber)).toEqual([2, 6, 8]);
    expect(result.valid[0]).toMatchObject({ postcode: '1234 AB', language: 'en', addition: null, email: null, prefix: 'de' });
    expect(result.problems.map((p) => [p.rowNumber, p.column === null ? null : headers[p.column], p.kind])).toEqual([
      [3, 'Postcode', 'postcode'],
      [4, 'Huisnummer', 'house-number'],
      [4, 'E-mail', 'email'],
      [5, null, 'no-address'],
      [7, 'Taal', 'language'],
    ]);
    expect(result.invalidRows).toBe(4);
  });

  it('finds duplicates by postcode + number + addition + surname + initials, and by e-mail, naming the first row', () => {
    const table = {
      headers,
      rows: [
        row({ 'E-mail': 'j@example.nl' }),
        row({ Postcode: '1234ab', Voorletters: 'j.', Achternaam: 'VRIES' }),
        row({ Toevoeging: 'A' }),
        row({ Voorletters: 'P.' }),
        row({ Achternaam: 'Jansen', Straat: '', Huisnummer: '', Postcode: '', Woonplaats: '', 'E-mail': 'J@Example.nl' }),
        [],
        row({ Huisnummer: '1' }),
      ].map((r) => (r.length ? r : headers.map(() => ''))),
    };
    const result = validateAddressRows(table, mapping);
    const duplicates = result.problems.filter((p) => p.kind === 'duplicate').map((p) => [p.rowNumber, p.duplicateOf]);
    expect(duplicates).toEqual([[3, 2], [6, 2], [8, 2]]);
    expect(result.total).toBe(6);
    expect(result.valid.map((r) => r.rowNumber)).toEqual([2, 4, 5]);
  });
});

describe('mapping', () => {
  it('suggests from Dutch and English headers, and the remembered mapping first', () => {
    const suggested = suggestMapping(['Klantnr', 'Initials', 'Last name', 'Postal code', 'E-mailadres', 'Stadsdeel', 'Zip']);
    expect([...suggested]).toEqual([[1, 'initials'], [2, 'surname'], [3, 'postcode'], [4, 'email'], [5, 'district']]);
    const remembered = suggestMapping(['Klantnr', 'PC6', 'Zip'], { PC6: 'postcode', Klantnr: 'nonsense' });
    expect([...remembered]).toEqual([[1, 'postcode']]);
  });

  it('refuses a field chosen twice and a mapping without any address', () => {
    const twice = checkMapping(new Map<number, AddressField>([[0, 'email'], [3, 'email']]));
    expect(twice).toEqual({ ok: false, error: [{ kind: 'twice', field: 'email', columns: [0, 3] }] });
    expect(checkMapping(new Map<number, AddressField>([[0, 'street'], [1, 'postcode']]))).toEqual({ ok: false, error: [{ kind: 'no-address' }] });
    expect(checkMapping(new Map<number, AddressField>([[0, 'email']])).ok).toBe(true);
  });
});

describe('error report', () => {
  it('makes formula cells plain text and quotes per RFC 4180', () => {
    const csv = errorReportCsv(['Rij', 'Kolom', 'Probleem', 'Waarde'], [
      { row: 62, column: 'E-mail', problem: 'Geen geldig e-mailadres', value: '=HYPERLINK("http://x")' },
      { row: 63, column: '=cmd', problem: 'Dubbel met rij 12', value: '+31 6, -1, @x' },
    ]);
    expect(csv).toBe('\uFEFFRij,Kolom,Probleem,Waarde\r\n62,E-mail,Geen geldig e-mailadres,"\'=HYPERLINK(""http://x"")"\r\n63,\'=cmd,Dubbel met rij 12,"\'+31 6, -1, @x"\r\n');
  });
});
