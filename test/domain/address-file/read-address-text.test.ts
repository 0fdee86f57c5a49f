import { describe, expect, it } from 'vitest';
import { decodeAddressText } from '../../../src/domain/address-file/decode-address-text.ts';
import { detectDelimiter, parseCsv, splitCsv } from '../../../src/domain/address-file/parse-csv.ts';

const text = 'Achternaam;Woonplaats\r\nCitroën;Zoëterwoude\r\n';

describe('encoding detection', () => {
  it('reads ë from UTF-8, with and without byte-order mark', () => {
    const utf8 = Buffer.from(text, 'utf8');
    expect(utf8.includes(Buffer.from([0xc3, 0xab]))).toBe(true);
    for (const bytes of [utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])]) {
      const decoded = decodeAddressText(bytes);
      expect(decoded).toEqual({ ok: true, value: { text, encoding: 'utf-8' } });
    }
  });

  it('reads ë from Windows-1252 (byte EB), and the euro sign at 80 that Latin-1 lacks', () => {
    const bytes = Buffer.from([...Buffer.from(text, 'latin1'), 0x80]);
    expect(bytes.includes(0xeb)).toBe(true);
    expect(decodeAddressText(bytes)).toEqual({ ok: true, value: { text: `${text}€`, encoding: 'windows-1252' } });
  });

  it('refuses UTF-16 with and without byte-order mark, binary files and empty files', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(Buffer.from(text, 'utf16le')).swap16();
    expect(decodeAddressText(le)).toEqual({ ok: false, error: 'utf16' });
    expect(decodeAddressText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ ok: false, error: 'utf16' });
    expect(decodeAddressText(Buffer.from(text, 'utf16le'))).toEqual({ ok: false, error: 'utf16' });
    expect(decodeAddressText(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))).toEqual({ ok: false, error: 'binary' });
    expect(decodeAddressText(new Uint8Array())).toEqual({ ok: false, error: 'empty' });
  });
});

describe('CSV reading', () => {
  it('detects ; , and tab, also when the other characters occur inside fields', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3\n4;5,5;6\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n"x;y",2,3\n4,5,6\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1;2\t3,4\t5\n')).toBe('\t');
  });

  it('follows RFC 4180: quoted separators, doubled quotes and line breaks inside quotes, CRLF or LF', () => {
    const csv = 'naam,straat,opmerking\r\n"Jansen, J.","Kerkstraat ""oud""","regel 1\r\nregel 2"\nPiet,Molenweg,\n';
    expect(splitCsv(csv, ',')).toEqual([
      ['naam', 'straat', 'opmerking'],
      ['Jansen, J.', 'Kerkstraat "oud"', 'regel 1\r\nregel 2'],
      ['Piet', 'Molenweg', ''],
    ]);
  });

  it('makes a table: trimmed cells, short rows padded, blank rows kept in place so row numbers match a spreadsheet', () => {
    const { delimiter, table } = parseCsv('Naam;Postcode;Plaats\n Jansen ;1234 AB\n;;\nPiet;2345CD;Utrecht\n\n\n');
    expect(delimiter).toBe(';');
    expect(table.headers).toEqual(['Naam', 'Postcode', 'Plaats']);
    expect(table.rows).toEqual([['Jansen', '1234 AB', ''], ['', '', ''], ['Piet', '2345CD', 'Utrecht']]);
  });
});
