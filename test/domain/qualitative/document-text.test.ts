import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDocumentRefusal, documentText, type DocumentRefusal } from '../../../src/domain/qualitative/document-text.ts';
import { zipFile } from '../../support/zip-file.ts';
import { docx, docxEntries, documentXml, encode, odt } from './document-builder.ts';

function text(bytes: Uint8Array, fileName: string): string {
  const result = documentText(bytes, fileName);
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value;
}

function refusal(bytes: Uint8Array, fileName: string): DocumentRefusal['code'] {
  const result = documentText(bytes, fileName);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value.slice(0, 80))}`);
  return result.error.code;
}

const run = (content: string): string => `<w:r><w:t xml:space="preserve">${content}</w:t></w:r>`;
const paragraph = (...runs: string[]): string => `<w:p>${runs.join('')}</w:p>`;

describe('plain text', () => {
  it('normalises line ends, blank lines and the ends of the text', () => {
    expect(text(encode('\r\n  Eerste alinea,\r\nnog steeds.\r\n\r\n\r\n\r\nTweede alinea.  \n \n\n\n'), 'notes.txt'))
      .toBe('Eerste alinea,\nnog steeds.\n\nTweede alinea.');
  });

  it('drops a UTF-8 byte order mark and reads the extension case-insensitively', () => {
    expect(text(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('Café')]), 'INTERVIEW.TXT')).toBe('Café');
  });

  it('refuses text that is not UTF-8, including UTF-16 with and without byte order mark', () => {
    expect(refusal(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'latin1.txt')).toBe('not-utf8');
    const utf16 = (bom: number[]) => new Uint8Array([...bom, ...[...'Hallo'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(refusal(utf16([0xff, 0xfe]), 'utf16.txt')).toBe('not-utf8');
    expect(refusal(utf16([]), 'utf16.txt')).toBe('not-utf8');
    expect(describeDocumentRefusal({ code: 'not-utf8' }, 'nl')).toContain('UTF-8');
  });

  it('refuses a file with only white space as empty', () => {
    expect(refusal(encode(' \r\n\t\n '), 'leeg.txt')).toBe('empty');
    expect(refusal(new Uint8Array(), 'leeg.txt')).toBe('empty');
  });
});

describe('.docx', () => {
  it('reads paragraphs, joins runs split mid-word and drops empty paragraphs', () => {
    const body = paragraph(run('Het loket'), run(' was vrien'), run('delijk.')) + '<w:p/>' + paragraph(run('  ')) + paragraph(run('Tweede alinea.'));
    expect(text(docx(body), 'verslag.docx')).toBe('Het loket was vriendelijk.\n\nTweede alinea.');
  });

  it('turns tabs into spaces and breaks into line ends, ignoring tab stops in the paragraph properties', () => {
    const body = '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
      + '<w:r><w:t>Naam</w:t><w:tab/><w:t>Jansen</w:t><w:br/><w:t>Regel twee</w:t><w:cr/><w:t>drie</w:t></w:r></w:p>';
    expect(text(docx(body), 'a.docx')).toBe('Naam Jansen\nRegel twee\ndrie');
  });

  it('makes each table cell paragraph a paragraph', () => {
    const cell = (content: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraph(run(content))}</w:tc>`;
    const body = paragraph(run('Voor de tabel'))
      + `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr>${cell('Vraag')}${cell('Antwoord')}</w:tr><w:tr>${cell('Wachttijd')}${cell('Te lang')}</w:tr></w:tbl>`
      + paragraph(run('Na de tabel'));
    expect(text(docx(body), 'a.docx')).toBe('Voor de tabel\n\nVraag\n\nAntwoord\n\nWachttijd\n\nTe lang\n\nNa de tabel');
  });

  it('leaves out deleted and moved-away text and keeps inserted text', () => {
    const change = 'w:author="Redacteur" w:date="2026-01-01T00:00:00Z"';
    const body = paragraph(
      run('De medewerker was '),
      `<w:del w:id="1" ${change}><w:r><w:delText>on</w:delText></w:r></w:del>`,
      run('vriendelijk'),
      `<w:ins w:id="2" ${change}>${run(' en behulpzaam')}</w:ins>`,
      `<w:moveFrom w:id="3" ${change}>${run(' (verplaatst)')}</w:moveFrom>`,
      run('.'),
    );
    expect(text(docx(body), 'a.docx')).toBe('De medewerker was vriendelijk en behulpzaam.');
  });

  it('leaves out comments, field codes and the fallback copy of a text box', () => {
    const body = paragraph(
      '<w:commentRangeStart w:id="0"/>', run('Tekst'), '<w:commentRangeEnd w:id="0"/>',
      '<w:r><w:commentReference w:id="0"/></w:r>',
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
      run(' 3'),
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>${paragraph(run('In het vak'))}</w:txbxContent></mc:Choice>`,
      `<mc:Fallback><w:txbxContent>${paragraph(run('In het vak'))}</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>`,
    );
    const result = text(docx(body, { comment: 'Opmerking van de beoordelaar' }), 'a.docx');
    expect(result).toBe('In het vak\n\nTekst 3');
  });

  it('decodes entities and keeps Arabic and other scripts as they are', () => {
    const body = paragraph(run('Zorg &amp; Welzijn: &lt;goed&gt; &quot;prima&quot; &#233;&#xE9;'), run(' — café'))
      + paragraph(run('الخدمة كانت جيدة جدا'));
    expect(text(docx(body), 'a.docx')).toBe('Zorg & Welzijn: <goed> "prima" éé — café\n\nالخدمة كانت جيدة جدا');
  });

  it('reads entries written with a data descriptor, whose local header has no sizes', () => {
    const entries = docxEntries(paragraph(run('Met descriptor'))).map((entry) => ({ ...entry, dataDescriptor: true }));
    expect(text(zipFile(entries), 'a.docx')).toBe('Met descriptor');
  });

  it('refuses a document without text as empty', () => {
    expect(refusal(docx('<w:p/>' + paragraph(run(' '))), 'a.docx')).toBe('empty');
  });
});

describe('.odt', () => {
  it('reads paragraphs and headings with spans, links, spaces, tabs and line breaks', () => {
    const body = '<text:h text:outline-level="1">Gesprek <text:span>één</text:span></text:h>\n  '
      + '<text:p>Drie<text:s text:c="3"/>spaties,<text:s/>een<text:tab/>tab en een <text:a xlink:href="https://example.org">link</text:a>.<text:line-break/>Nieuwe regel.</text:p>\n  '
      + '<text:p>Woorden   met\n    witruimte <text:span> ertussen</text:span></text:p>'
      + '<text:p/>'
      + '<text:p>Zorg &amp; Welzijn: &#233; — الخدمة كانت جيدة</text:p>';
    expect(text(odt(body), 'gesprek.odt')).toBe('Gesprek één\n\nDrie   spaties, een tab en een link.\nNieuwe regel.\n\nWoorden met witruimte ertussen\n\nZorg & Welzijn: é — الخدمة كانت جيدة');
  });

  it('makes each table cell paragraph a paragraph', () => {
    const body = '<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>'
      + '<table:table-row><table:table-cell><text:p>Vraag</text:p></table:table-cell><table:table-cell><text:p>Antwoord</text:p></table:table-cell></table:table-row></table:table>';
    expect(text(odt(body), 'a.odt')).toBe('Vraag\n\nAntwoord');
  });

  it('leaves out comments, footnotes and tracked deletions and keeps tracked insertions', () => {
    const body = '<text:tracked-changes>'
      + '<text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>R</dc:creator><dc:date>2026-01-01T00:00:00</dc:date></office:change-info><text:p>weggehaald</text:p></text:deletion></text:changed-region>'
      + '<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>R</dc:creator><dc:date>2026-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region>'
      + '</text:tracked-changes>'
      + '<text:p>Het was <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>heel <text:change-end text:change-id="ct2"/>goed'
      + '<office:annotation><dc:creator>Beoordelaar</dc:creator><text:p>Opmerking van de beoordelaar</text:p></office:annotation>'
      + '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Voetnoot</text:p></text:note-body></text:note>.</text:p>';
    expect(text(odt(body), 'a.odt')).toBe('Het was heel goed.');
  });

  it('refuses an encrypted package, told by encryption-data in its manifest', () => {
    const encryption = '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" manifest:salt="AAAA"/></manifest:encryption-data>';
    expect(refusal(odt('<text:p>Geheim</text:p>', { contentEntryChildren: encryption }), 'a.odt')).toBe('encrypted');
  });

  it('refuses a document without text as empty', () => {
    expect(refusal(odt('<text:p/><text:h><text:s text:c="4"/></text:h>'), 'a.odt')).toBe('empty');
  });
});

describe('refusals', () => {
  const valid = docx(paragraph(run('Tekst')));

  it('refuses other formats by name, whatever the content', () => {
    expect(refusal(encode('%PDF-1.7\n'), 'rapport.pdf')).toBe('unknown-format');
    expect(refusal(valid, 'verslag.doc')).toBe('unknown-format');
    expect(refusal(valid, 'verslag')).toBe('unknown-format');
    expect(refusal(valid, 'docx')).toBe('unknown-format');
  });

  it('refuses a .docx or .odt whose content is not a zip, such as random bytes or a renamed PDF', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect(refusal(random, 'a.docx')).toBe('unknown-format');
    expect(refusal(encode('%PDF-1.7\n'), 'a.odt')).toBe('unknown-format');
  });

  it('refuses a truncated .docx as corrupt', () => {
    expect(refusal(valid.subarray(0, Math.floor(valid.length * 0.7)), 'a.docx')).toBe('corrupt');
    expect(refusal(valid.subarray(0, valid.length - 1), 'a.docx')).toBe('corrupt');
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...encode('no zip follows the magic')]), 'a.docx')).toBe('corrupt');
  });

  it('refuses a .docx without word/document.xml, and an .odt without content.xml, as corrupt', () => {
    expect(refusal(docx('', { documentXml: null }), 'a.docx')).toBe('corrupt');
    expect(refusal(docx(paragraph(run('Tekst'))), 'a.odt')).toBe('corrupt');
  });

  it('refuses malformed XML and any DOCTYPE, before an entity is declared or expanded', () => {
    expect(refusal(docx('', { documentXml: documentXml('<w:p><w:r><w:t>open') }), 'a.docx')).toBe('corrupt');
    const doctype = '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
      + documentXml(paragraph(run('&lol;&secret;'))).replace(/^<\?xml[^>]*>\n/, '');
    expect(refusal(docx('', { documentXml: doctype }), 'a.docx')).toBe('corrupt');
    const harmlessLooking = documentXml(paragraph(run('Tekst'))).replace('<w:document', '<!DOCTYPE w:document>\n<w:document');
    expect(refusal(docx('', { documentXml: harmlessLooking }), 'a.docx')).toBe('corrupt');
    expect(refusal(docx('', { documentXml: documentXml(paragraph(run('&undeclared;'))) }), 'a.docx')).toBe('corrupt');
  });

  it('refuses a zip bomb (30 MB of spaces in 30 KB) without inflating it, even when its sizes lie', () => {
    const spaces = ' '.repeat(30_000_000);
    const bombXml = documentXml(paragraph(run(`${spaces}x`)));
    const honest = zipFile(docxEntries('', { documentXml: bombXml }));
    expect(honest.byteLength).toBeLessThan(100_000);
    expect(refusal(honest, 'a.docx')).toBe('too-large');
    const lying = zipFile(docxEntries('', { documentXml: null, extra: [{ name: 'word/document.xml', data: bombXml, declaredSize: 1000 }] }));
    expect(refusal(lying, 'a.docx')).toBe('too-large');
  });

  it('refuses input over 5 MB and text over 200,000 characters', () => {
    expect(refusal(new Uint8Array(6_000_000).fill(0x61), 'groot.txt')).toBe('too-large');
    expect(text(encode('é'.repeat(200_000)), 'net.txt')).toHaveLength(200_000);
    expect(refusal(encode('é'.repeat(200_001)), 'te-veel.txt')).toBe('too-large');
    expect(refusal(docx(paragraph(run('woord '.repeat(40_000)))), 'a.docx')).toBe('too-large');
    expect(refusal(odt('<text:p>a<text:s text:c="999999999"/>b</text:p>'), 'a.odt')).toBe('too-large');
  });

  it('refuses a password-protected Office file (CFB with an EncryptedPackage stream) as encrypted, a renamed .doc as unknown', () => {
    const cfb = (streamName: string) => {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      bytes.set([...streamName].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
      return bytes;
    };
    expect(refusal(cfb('EncryptedPackage'), 'beveiligd.docx')).toBe('encrypted');
    expect(refusal(cfb('WordDocument'), 'oud.docx')).toBe('unknown-format');
  });

  it('refuses other zip methods and a zip-level encrypted entry as corrupt', () => {
    const patched = (offsetInCentralHeader: number, value: number) => {
      const bytes = valid.slice();
      const view = new DataView(bytes.buffer);
      for (let at = bytes.length - 22; at >= 0; at -= 1) {
        if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + offsetInCentralHeader, value, true);
      }
      return bytes;
    };
    expect(refusal(patched(10, 12), 'a.docx')).toBe('corrupt');
    expect(refusal(patched(8, 0x0801), 'a.docx')).toBe('corrupt');
  });

  it('never throws on random bytes or a mutated document: it returns text or a refusal', () => {
    const codes = ['unknown-format', 'not-utf8', 'corrupt', 'too-large', 'encrypted', 'empty'];
    const names = fc.constantFrom('a.docx', 'a.odt', 'a.txt', 'a.pdf');
    const validOdt = odt('<text:p>Tekst <text:s text:c="2"/>hier</text:p>');
    const check = (bytes: Uint8Array, name: string) => {
      const result = documentText(bytes, name);
      if (!result.ok) expect(codes).toContain(result.error.code);
      else expect(typeof result.value).toBe('string');
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), names, check), { numRuns: 300 });
    const mutation = fc.record({
      base: fc.constantFrom({ bytes: valid, name: 'a.docx' }, { bytes: validOdt, name: 'a.odt' }),
      changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      cut: fc.option(fc.nat()),
    });
    fc.assert(fc.property(mutation, ({ base, changes, cut }) => {
      let bytes = base.bytes.slice();
      for (const [position, value] of changes) bytes[position % bytes.length] = value;
      if (cut !== null) bytes = bytes.subarray(0, cut % (bytes.length + 1));
      check(bytes, base.name);
    }), { numRuns: 500 });
  });

  it('words every refusal in Dutch and English, saying what to do', () => {
    const codes = ['unknown-format', 'not-utf8', 'corrupt', 'too-large', 'encrypted', 'empty'] as const;
    for (const code of codes) {
      expect(describeDocumentRefusal({ code }, 'nl')).toMatch(/probeer het opnieuw\.$/);
      expect(describeDocumentRefusal({ code }, 'en')).toMatch(/try again\.$/);
    }
    expect(describeDocumentRefusal({ code: 'unknown-format' }, 'nl')).toContain('Sla het bestand op als .docx, .odt of platte tekst en probeer het opnieuw.');
  });
});

describe('the zip bomb itself', () => {
  it('compresses 30 MB of spaces to about 30 KB, as the test above assumes', () => {
    expect(deflateRawSync(Buffer.alloc(30_000_000, 0x20)).byteLength).toBeLessThan(100_000);
  });
});
