import { describe, expect, it } from 'vitest';
import { parseNaiveBayesModel, predictCodes, trainNaiveBayes } from '../../../src/domain/open-answers/naive-bayes.ts';

const training = [
  { text: 'vriendelijke medewerkers', codes: ['friendliness'] },
  { text: 'heel vriendelijk', codes: ['friendliness'] },
  { text: 'slecht bereikbaar', codes: ['telephone-reachability'] },
  { text: 'telefonisch slecht bereikbaar', codes: ['telephone-reachability'] },
  { text: 'vriendelijk maar slecht bereikbaar', codes: ['friendliness', 'telephone-reachability'] },
  { text: 'geen', codes: [] },
];

describe('trainNaiveBayes', () => {
  it('counts each token once per answer, per code and in total', () => {
    const model = trainNaiveBayes([
      { text: 'bellen bellen bellen', codes: ['telephone-reachability'] },
      { text: 'vriendelijk', codes: [] },
    ]);
    expect(model.documents).toBe(2);
    expect(model.tokenCounts).toEqual({ bell: 1, vriendelijk: 1 });
    expect(model.tokenTotal).toBe(2);
    expect(model.codes).toEqual({ 'telephone-reachability': { documents: 1, tokenCounts: { bell: 1 }, tokenTotal: 1 } });
  });

  it('adds the question as a feature that cannot collide with a word', () => {
    const model = trainNaiveBayes([{ text: 'alles', codes: ['other'], question: 'good' }]);
    expect(model.tokenCounts).toEqual({ 'question:good': 1 });
  });

  it('rejects a smoothing constant that is not positive', () => {
    expect(() => trainNaiveBayes(training, { alpha: 0 })).toThrow(RangeError);
  });
});

describe('predictCodes', () => {
  const model = trainNaiveBayes(training);

  it('matches the formula worked by hand on a tiny model', () => {
    // Two answers: "bellen" with code T, "aardig" without. Vocabulary {bell, aardig}, |V| = 2.
    // Prior log-odds: log((1 + 1) / (1 + 1)) = 0.
    // For "bellen": P(bell | T) = (1 + 1) / (1 + 2) = 2/3, P(bell | not T) = (0 + 1) / (1 + 2) = 1/3
    // log-odds = log 2, probability = 2 / 3.
    const tiny = trainNaiveBayes([{ text: 'bellen', codes: ['T'] }, { text: 'aardig', codes: [] }]);
    expect(predictCodes(tiny, 'bellen')).toEqual([{ code: 'T', probability: expect.closeTo(2 / 3, 12) }]);
    // Unknown words are ignored: only the prior is left, 1/2.
    expect(predictCodes(tiny, 'onbekend woord')[0]!.probability).toBeCloseTo(0.5, 12);
  });

  it('ranks the code whose words the answer uses first', () => {
    const [first] = predictCodes(model, 'de mensen zijn vriendelijk');
    expect(first!.code).toBe('friendliness');
    expect(first!.probability).toBeGreaterThan(0.5);
    const [top] = predictCodes(model, 'nooit bereikbaar');
    expect(top!.code).toBe('telephone-reachability');
  });

  it('is not confused by tokens named like properties of Object.prototype', () => {
    const predictions = predictCodes(model, 'constructor hasOwnProperty toString');
    expect(predictions.every((p) => Number.isFinite(p.probability))).toBe(true);
  });
});

describe('parseNaiveBayesModel', () => {
  it('round-trips through JSON and predicts the same', () => {
    const model = trainNaiveBayes(training);
    const parsed = parseNaiveBayesModel(JSON.parse(JSON.stringify(model)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(predictCodes(parsed.value, 'vriendelijk en bereikbaar')).toEqual(predictCodes(model, 'vriendelijk en bereikbaar'));
  });

  it('refuses other formats, another stemmer and broken counts', () => {
    const model = JSON.parse(JSON.stringify(trainNaiveBayes(training)));
    expect(parseNaiveBayesModel(null)).toEqual({ ok: false, error: 'not a naive Bayes model' });
    expect(parseNaiveBayesModel({ ...model, version: 2 }).ok).toBe(false);
    expect(parseNaiveBayesModel({ ...model, stemmer: 'snowball-dutch-kraaij-pohlmann' }).ok).toBe(false);
    expect(parseNaiveBayesModel({ ...model, tokenCounts: { bell: -1 } }).ok).toBe(false);
    expect(parseNaiveBayesModel({ ...model, codes: { friendliness: { documents: 99, tokenCounts: {}, tokenTotal: 0 } } }).ok).toBe(false);
  });
});
