import { describe, expect, it } from 'vitest';
import { normaliseText, stemDutch, tokensOf } from '../../../src/domain/open-answers/dutch-stem.ts';

describe('stemDutch', () => {
  // Word ⇒ stem pairs from the sample vocabulary published with the (classic, Porter) Dutch
  // Snowball stemmer at snowballstem.org/algorithms/dutch/stemmer.html.
  const published: readonly (readonly [string, string])[] = [
    ['lichaamsziek', 'lichaamsziek'],
    ['lichamelijk', 'licham'],
    ['lichamelijke', 'licham'],
    ['lichamelijkheden', 'licham'],
    ['lichamen', 'licham'],
    ['lichere', 'licher'],
    ['lichtdoorlatende', 'lichtdoorlat'],
    ['lichte', 'licht'],
    ['lichten', 'licht'],
    ['lichtende', 'lichtend'],
    ['lichtgevoeligheid', 'lichtgevoel'],
    ['lichthoeveelheid', 'lichthoevel'],
    ['lichtje', 'lichtj'],
    ['lichtjes', 'lichtjes'],
    ['lichtregelsystemen', 'lichtregelsystem'],
    ['lichtste', 'lichtst'],
    ['lichtzinnige', 'lichtzinn'],
    ['lidstaten', 'lidstat'],
    ['lidvereniging', 'lidveren'],
    ['opgingen', 'opging'],
    ['opglanzingen', 'opglanz'],
    ['opgroeiplaats', 'opgroeiplat'],
    ['ophaalkosten', 'ophaalkost'],
    ['ophalen', 'ophal'],
    ['ophalers', 'ophaler'],
    ['opheffende', 'opheff'],
    ['opheldering', 'ophelder'],
    ['ophoog', 'ophog'],
    ['ophoping', 'ophop'],
    ['ophouden', 'ophoud'],
  ];

  it.each(published)('%s ⇒ %s', (word, stem) => {
    expect(stemDutch(word)).toBe(stem);
  });

  it('brings the inflections clients write to one stem', () => {
    expect(stemDutch('klantmanagers')).toBe(stemDutch('klantmanager'));
    expect(stemDutch('wisselingen')).toBe('wissel');
    expect(stemDutch('uitbetaling')).toBe('uitbetal');
    expect(stemDutch('vriendelijke')).toBe('vriendelijk');
  });

  it('removes accents and ignores case', () => {
    expect(stemDutch('Geïnteresseerd')).toBe(stemDutch('geinteresseerd'));
    expect(stemDutch('ÉÉN')).toBe('een');
  });
});

describe('tokensOf', () => {
  it('lower-cases, splits on non-letters, drops stop words and stems', () => {
    expect(tokensOf('De klantmanagers waren ERG vriendelijk!!')).toEqual(['klantmanager', 'vriendelijk']);
  });

  it('drops digits and one-letter pieces', () => {
    expect(tokensOf("ik wacht al 3 weken op m'n geld")).toEqual(['wacht', 'wek', 'geld']);
  });

  it('gives nothing for a non-answer', () => {
    expect(tokensOf('Niks.')).toEqual([]);
    expect(tokensOf('geen')).toEqual([]);
    expect(tokensOf('')).toEqual([]);
  });
});

describe('normaliseText', () => {
  it('pads with spaces and collapses punctuation so phrases match on word boundaries', () => {
    expect(normaliseText('Op tijd, betaald!')).toBe(' op tijd betaald ');
    expect(normaliseText('Café 24/7')).toBe(' cafe 24 7 ');
  });
});
