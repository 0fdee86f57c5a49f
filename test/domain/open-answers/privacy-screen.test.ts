import { describe, expect, it } from 'vitest';
import { isValidBsn, redact, screenPersonalData } from '../../../src/domain/open-answers/privacy-screen.ts';
import { readAnswersFixture } from './answers-fixture.ts';

const kindsAndMatches = (text: string): string[] => screenPersonalData(text).map((f) => `${f.kind}:${f.match}`);

describe('isValidBsn: the 11-test 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11)', () => {
  it('accepts numbers that pass, worked by hand', () => {
    // 111222333: 9+8+7 + 12+10+8 + 9+6 − 3 = 66 = 6·11
    expect(isValidBsn('111222333')).toBe(true);
    // 123456782: 9+16+21+24+25+24+21+16 − 2 = 154 = 14·11
    expect(isValidBsn('123456782')).toBe(true);
    // 231456785: 18+24+7+24+25+24+21+16 − 5 = 154 = 14·11
    expect(isValidBsn('231456785')).toBe(true);
    // separators are ignored
    expect(isValidBsn('1234.56.782')).toBe(true);
    expect(isValidBsn('123 456 782')).toBe(true);
  });

  it('rejects numbers that fail, wrong lengths and all zeros', () => {
    // 123456789: 156 − 9 = 147 = 13·11 + 4
    expect(isValidBsn('123456789')).toBe(false);
    // 111222334: 69 − 4 = 65 = 5·11 + 10
    expect(isValidBsn('111222334')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567823')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });
});

describe('screenPersonalData', () => {
  it('flags a BSN only when it passes the 11-test', () => {
    expect(kindsAndMatches('mijn bsn is 111222333')).toEqual(['bsn:111222333']);
    expect(kindsAndMatches('BSN: 1234.56.782.')).toEqual(['bsn:1234.56.782']);
    expect(kindsAndMatches('bsn 123 456 782 staat op de brief')).toEqual(['bsn:123 456 782']);
    expect(kindsAndMatches('bedrag 123456789 klopt niet')).toEqual([]);
    // a valid BSN inside a longer number is not a BSN
    expect(kindsAndMatches('rekening 91234567823')).toEqual([]);
  });

  it('flags Dutch phone numbers in their common forms', () => {
    expect(kindsAndMatches('bel 06-12345678')).toEqual(['phone:06-12345678']);
    expect(kindsAndMatches('bel 0612345678 of 06 1234 5678')).toEqual(['phone:0612345678', 'phone:06 1234 5678']);
    expect(kindsAndMatches('020 123 4567')).toEqual(['phone:020 123 4567']);
    expect(kindsAndMatches('(020) 1234567')).toEqual(['phone:(020) 1234567']);
    expect(kindsAndMatches('(0111) 123456')).toEqual(['phone:(0111) 123456']);
    expect(kindsAndMatches('+31 6 12345678')).toEqual(['phone:+31 6 12345678']);
    expect(kindsAndMatches('+31(0)20-1234567')).toEqual(['phone:+31(0)20-1234567']);
    expect(kindsAndMatches('0031612345678')).toEqual(['phone:0031612345678']);
  });

  it('prefers the phone number when its digits also pass the 11-test', () => {
    // +31 followed by 612345678: those nine digits are not a BSN here
    expect(screenPersonalData('+31612345678').map((f) => f.kind)).toEqual(['phone']);
  });

  it('leaves service numbers alone', () => {
    expect(kindsAndMatches('bel 0800-1234 of 14 020 of 0900-1234567')).toEqual([]);
  });

  it('flags e-mail addresses', () => {
    expect(kindsAndMatches('mail naar j.de.vries83@hotmail.com aub')).toEqual(['email:j.de.vries83@hotmail.com']);
  });

  it('flags postcodes and street addresses', () => {
    expect(kindsAndMatches('ik woon 1234 AB 12')).toEqual(['postcode-address:1234 AB 12']);
    expect(kindsAndMatches('postcode 3511ab')).toEqual(['postcode-address:3511ab']);
    expect(kindsAndMatches('Kerkstraat 12, Utrecht')).toEqual(['postcode-address:Kerkstraat 12']);
    expect(kindsAndMatches('op de kerkstraat 12a')).toEqual(['postcode-address:kerkstraat 12a']);
    expect(kindsAndMatches('Burgemeester de Withstraat 5-2 hoog')).toEqual(['postcode-address:Withstraat 5-2']);
  });

  it('flags client and case numbers, keeping the label', () => {
    expect(kindsAndMatches('klantnummer 12345')).toEqual(['case-number:12345']);
    expect(kindsAndMatches('over dossier 2024-1234')).toEqual(['case-number:2024-1234']);
    expect(kindsAndMatches('zaaknummer: Z-2023/8812')).toEqual(['case-number:Z-2023/8812']);
    expect(kindsAndMatches('mijn klantnr. is 998877')).toEqual(['case-number:998877']);
  });

  it('flags names after a salutation or a role', () => {
    expect(kindsAndMatches('mevrouw Jansen was top')).toEqual(['name:Jansen']);
    expect(kindsAndMatches('meneer De Vries')).toEqual(['name:De Vries']);
    expect(kindsAndMatches('dhr. van der Berg')).toEqual(['name:van der Berg']);
    expect(kindsAndMatches('klantmanager Petra helpt goed')).toEqual(['name:Petra']);
    expect(kindsAndMatches('mijn consulent Ahmed el Amrani')).toEqual(['name:Ahmed el Amrani']);
    expect(kindsAndMatches('Mijn werkcoach Kees Bakker')).toEqual(['name:Kees Bakker']);
  });

  it('documents its limits on names: lower case and bare names are missed', () => {
    expect(kindsAndMatches('mijn klantmanager petra is lief')).toEqual([]);
    expect(kindsAndMatches('Petra is lief')).toEqual([]);
  });

  it('finds nothing in ordinary answers with numbers and capitals', () => {
    for (const text of [
      'ik wacht al 3 weken',
      '2 keer gebeld en niemand nam op',
      'in 2024 en 2025 kwam het geld te laat',
      'SINDS 2023 IN DE BIJSTAND EN NOG STEEDS GEEN WERK',
      'ik krijg 1.234,56 per maand, te weinig',
      'na 10 jaar nog steeds 3 klantmanagers per jaar',
      'De klantmanager Die ik had was goed',
      'na de vergadering 2 weken niks gehoord',
      'Ik ben al klant 12 jaar',
      'de uitkering komt op de 25e, 1 dag te laat',
      'mevrouw van de balie was aardig',
      'ik heb 06 keer gebeld',
    ]) {
      expect(kindsAndMatches(text), text).toEqual([]);
    }
  });
});

describe('redact', () => {
  it('replaces each finding with its label and keeps the rest', () => {
    const text = 'Mijn klantmanager Petra (bel 06-12345678, petra@gemeente.nl) kent mijn bsn 111222333, klantnummer 12345 en adres Kerkstraat 12.';
    expect(redact(text, screenPersonalData(text))).toBe(
      'Mijn klantmanager [naam] (bel [telefoonnummer], [e-mailadres]) kent mijn bsn [BSN], klantnummer [dossiernummer] en adres [adres].',
    );
  });

  it('returns the text unchanged without findings and merges overlapping findings', () => {
    expect(redact('niks aan de hand', [])).toBe('niks aan de hand');
    const text = 'tel 0612345678';
    expect(redact(text, [
      { kind: 'phone', start: 4, end: 14, match: '0612345678' },
      { kind: 'bsn', start: 5, end: 14, match: '612345678' },
    ])).toBe('tel [telefoonnummer]');
  });
});

describe('screenPersonalData on the hand-written test set', () => {
  // The fixture has fake personal data in a few answers; every other answer must come through
  // without a finding (a false alarm would hide part of an ordinary answer from the report).
  const expected: Record<string, readonly string[]> = {
    '12': ['name:Ahmed'],
    '14': ['name:De Vries'],
    '17': ['name:Petra'],
    '21': ['phone:0612345678'],
    '45': ['phone:+31 6 87654321'],
    '62': ['name:van der Berg'],
    '84': ['case-number:123456'],
    '105': ['name:Jansen'],
    '123': ['bsn:123456782'],
    '154': ['bsn:111222333'],
    '162': ['case-number:Z-2023/8812'],
    '180': ['name:El Amrani'],
    '223': ['name:Bakker'],
    '231': ['postcode-address:Kerkstraat 12'],
    '269': ['postcode-address:1234 AB 5'],
    '279': ['name:Kees'],
    '324': ['phone:06-12345678'],
    '359': ['email:k.jansen@hotmail.com'],
    '363': ['name:Sandra'],
    '367': ['case-number:2024-1234'],
    '377': ['phone:020 123 4567'],
  };

  it('finds the planted personal data and nothing in the other answers', () => {
    const answers = readAnswersFixture();
    const found = Object.fromEntries(
      answers.map((a) => [a.id, kindsAndMatches(a.text)] as const).filter(([, findings]) => findings.length > 0),
    );
    expect(found).toEqual(expected);
    expect(answers.length - Object.keys(found).length).toBeGreaterThan(350);
  });
});
