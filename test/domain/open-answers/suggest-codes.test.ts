import { describe, expect, it } from 'vitest';
import { CODE_LEXICON, lexiconScores } from '../../../src/domain/open-answers/code-lexicon.ts';
import { trainNaiveBayes } from '../../../src/domain/open-answers/naive-bayes.ts';
import { isNonAnswer } from '../../../src/domain/open-answers/non-answer.ts';
import { OTHER_CODE_KEY, STANDARD_CODEBOOK } from '../../../src/domain/open-answers/standard-codebook.ts';
import { MIN_TRAINING_ANSWERS, suggestCodes } from '../../../src/domain/open-answers/suggest-codes.ts';

const codebookKeys = STANDARD_CODEBOOK.map((c) => c.key);
const codesOf = (text: string): string[] => [...lexiconScores(text)].filter(([, s]) => s >= 0.5).map(([c]) => c).sort();

describe('STANDARD_CODEBOOK', () => {
  it('has the twelve codes with unique kebab-case keys, labels, definitions and examples', () => {
    expect(codebookKeys).toEqual([
      'friendliness', 'punctual-payment', 'personal-situation', 'consultant-changes', 'information-rights',
      'telephone-reachability', 'waiting-times', 'expertise', 'respect', 'bureaucracy', 'work-guidance', OTHER_CODE_KEY,
    ]);
    for (const code of STANDARD_CODEBOOK) {
      expect(code.key).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(code.label.nl.length * code.label.en.length * code.definition.nl.length * code.definition.en.length).toBeGreaterThan(0);
      expect(code.examples.length).toBeGreaterThan(0);
    }
  });

  it('has lexicon cues for every code except "other", and for no unknown code', () => {
    expect(Object.keys(CODE_LEXICON).sort()).toEqual(codebookKeys.filter((k) => k !== OTHER_CODE_KEY).sort());
  });

  it('finds the code of each example answer in the lexicon', () => {
    for (const code of STANDARD_CODEBOOK.filter((c) => c.key !== OTHER_CODE_KEY)) {
      for (const example of code.examples) expect(codesOf(example), `${code.key}: ${example}`).toContain(code.key);
    }
  });
});

describe('lexiconScores', () => {
  it('scores 1 − 0.35^weight: one strong cue 0.65, two 0.8775, one weak cue 0.408', () => {
    expect(lexiconScores('bureaucratie').get('bureaucracy')).toBeCloseTo(0.65, 12);
    expect(lexiconScores('bureaucratie en formulieren').get('bureaucracy')).toBeCloseTo(1 - 0.35 ** 2, 12);
    expect(lexiconScores('gedoe').get('bureaucracy')).toBeCloseTo(1 - 0.35 ** 0.5, 12);
    expect(lexiconScores('gedoe').size).toBe(1);
  });

  it('recognises inflections, compounds and common typos', () => {
    expect(codesOf('steeds een andere klantmanger')).toEqual(['consultant-changes']);
    expect(codesOf('telfonisch niet te bereiken')).toEqual(['telephone-reachability']);
    expect(codesOf('VRIENDLIJKE mensen')).toEqual(['friendliness']);
    expect(codesOf('de afhandelingstermijn is te lang')).toEqual(['waiting-times']);
    expect(codesOf('weer een nieuwe consulent')).toEqual(['consultant-changes']);
    expect(codesOf('de uitkering kwam te laat')).toEqual(['punctual-payment']);
  });

  it('matches phrases on whole words, with stop words', () => {
    expect(codesOf('op tijd betaald')).toEqual(['punctual-payment']);
    expect(codesOf('ze houden rekening met mijn situatie')).toEqual(['personal-situation']);
    // "kind" is Dutch for child, not the English "kind": no friendliness
    expect(codesOf('mijn kind')).toEqual([]);
  });

  it('gives nothing for an answer without cues', () => {
    expect(lexiconScores('het gebouw is oud').size).toBe(0);
  });
});

describe('isNonAnswer', () => {
  it('recognises answers without content as a whole', () => {
    for (const text of ['geen', 'Weet niet.', 'niks', 'n.v.t.', '-', '??', '', 'geen opmerkingen', 'No idea']) {
      expect(isNonAnswer(text), text).toBe(true);
    }
    for (const text of ['niks mis mee, prima geholpen', 'geen wachttijd', 'alles', 'te laat']) {
      expect(isNonAnswer(text), text).toBe(false);
    }
  });
});

describe('suggestCodes', () => {
  const training = Array.from({ length: MIN_TRAINING_ANSWERS }, (_, i) => (i % 2 === 0
    ? { text: 'de koffie in de wachtkamer is lekker', codes: ['coffee'] }
    : { text: 'vriendelijke medewerkers', codes: ['friendliness'] }));

  it('suggests from the lexicon, sorted by confidence, with the source', () => {
    // telephone: "telefonisch", "bereikbaar", "in de wacht" = 3; waiting: "te lang", "wacht",
    // weak "lang" = 2.5; friendliness: "vriendelijke" = 1 ("medewerkers" is no cue)
    expect(suggestCodes('Vriendelijke medewerkers en telefonisch slecht bereikbaar, veel te lang in de wacht', { codebookKeys })).toEqual([
      { code: 'telephone-reachability', confidence: expect.closeTo(1 - 0.35 ** 3, 12), source: 'lexicon' },
      { code: 'waiting-times', confidence: expect.closeTo(1 - 0.35 ** 2.5, 12), source: 'lexicon' },
      { code: 'friendliness', confidence: expect.closeTo(0.65, 12), source: 'lexicon' },
    ]);
  });

  it('counts a word once for a code, however many cues it matches', () => {
    // "telefonisch" matches "telefo*" and "telefonisch"-like cues; "bellen bellen" is one word
    expect(lexiconScores('telefonisch').get('telephone-reachability')).toBeCloseTo(0.65, 12);
    expect(lexiconScores('bellen bellen bellen').get('telephone-reachability')).toBeCloseTo(0.65, 12);
  });

  it('suggests nothing for a non-answer', () => {
    expect(suggestCodes('weet niet', { codebookKeys })).toEqual([]);
  });

  it('suggests only codes of the codebook it is given', () => {
    expect(suggestCodes('vriendelijk en snel', { codebookKeys: ['waiting-times'] }).map((s) => s.code)).toEqual(['waiting-times']);
  });

  it('ignores a model trained on fewer than MIN_TRAINING_ANSWERS answers', () => {
    const small = trainNaiveBayes(training.slice(0, MIN_TRAINING_ANSWERS - 1));
    expect(suggestCodes('lekkere koffie', { model: small, codebookKeys: ['coffee'] })).toEqual([]);
  });

  it('uses the model for an organisation\'s own code, which the lexicon does not know', () => {
    const model = trainNaiveBayes(training);
    const [suggestion] = suggestCodes('lekkere koffie', { model, codebookKeys: [...codebookKeys, 'coffee'] });
    expect(suggestion).toMatchObject({ code: 'coffee', source: 'model' });
    expect(suggestion!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('marks a code both sources support as "both" and ranks it higher than either alone', () => {
    const model = trainNaiveBayes(training);
    const [suggestion] = suggestCodes('vriendelijke medewerkers', { model, codebookKeys });
    expect(suggestion).toMatchObject({ code: 'friendliness', source: 'both' });
    expect(suggestion!.confidence).toBeGreaterThan(lexiconScores('vriendelijke medewerkers').get('friendliness')!);
  });

  it('honours a custom threshold', () => {
    expect(suggestCodes('gedoe', { codebookKeys })).toEqual([]);
    expect(suggestCodes('gedoe', { codebookKeys, threshold: 0.4 }).map((s) => s.code)).toEqual(['bureaucracy']);
  });
});
