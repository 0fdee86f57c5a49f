import { describe, expect, it } from 'vitest';
import { checkTemplate, fillTemplate } from '../../src/domain/fieldwork/fill-template.ts';

describe('letter and e-mail templates', () => {
  it('fills known placeholders and leaves other braces alone', () => {
    expect(fillTemplate('{aanhef},\nUw code is {code}. Ga naar {webadres}. {x}', { aanhef: 'Geachte heer Jansen', code: 'ABCD-EFGH-JKMN', webadres: 'https://kto.example.nl/r' }))
      .toBe('Geachte heer Jansen,\nUw code is ABCD-EFGH-JKMN. Ga naar https://kto.example.nl/r. {x}');
    expect(fillTemplate('Tot {einddatum}.', {})).toBe('Tot .');
  });

  it('reports unknown and unclosed placeholders', () => {
    expect(checkTemplate('Beste {naam}, uw {kode} staat hier: {link')).toEqual([
      { placeholder: 'kode', kind: 'unknown' },
      { placeholder: 'link', kind: 'unclosed' },
    ]);
    expect(checkTemplate('Beste {naam}, {code} {afmeldlink}')).toEqual([]);
  });
});
