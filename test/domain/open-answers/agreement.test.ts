import { describe, expect, it } from 'vitest';
import { coderAgreement, cohensKappa, multiLabelAgreement } from '../../../src/domain/open-answers/agreement.ts';

describe('cohensKappa', () => {
  it('matches the classic hand-worked 2×2 table', () => {
    // a = 20 (both yes), b = 5 (first only), c = 10 (second only), d = 15 (both no), n = 50
    // po = (20 + 15) / 50 = 0.7
    // first says yes (20 + 5) / 50 = 0.5, second says yes (20 + 10) / 50 = 0.6
    // pe = 0.5·0.6 + 0.5·0.4 = 0.30 + 0.20 = 0.5
    // κ = (0.7 − 0.5) / (1 − 0.5) = 0.4
    const result = cohensKappa({ bothYes: 20, firstOnly: 5, secondOnly: 10, bothNo: 15 });
    expect(result.n).toBe(50);
    expect(result.observedAgreement).toBeCloseTo(0.7, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it('matches a second hand-worked table with unequal margins', () => {
    // a = 45, b = 15, c = 25, d = 15, n = 100
    // po = 60 / 100 = 0.6; p1 = 60/100 = 0.6, p2 = 70/100 = 0.7
    // pe = 0.6·0.7 + 0.4·0.3 = 0.42 + 0.12 = 0.54
    // κ = (0.6 − 0.54) / 0.46 = 0.06 / 0.46 = 0.130434…
    const result = cohensKappa({ bothYes: 45, firstOnly: 15, secondOnly: 25, bothNo: 15 });
    expect(result.observedAgreement).toBeCloseTo(0.6, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.54, 12);
    expect(result.kappa).toBeCloseTo(0.06 / 0.46, 12);
  });

  it('is 1 for perfect agreement with variation, 0 at chance, negative below chance', () => {
    expect(cohensKappa({ bothYes: 10, firstOnly: 0, secondOnly: 0, bothNo: 40 }).kappa).toBeCloseTo(1, 12);
    // p1 = p2 = 0.5, pe = 0.5, po = 0.5
    expect(cohensKappa({ bothYes: 25, firstOnly: 25, secondOnly: 25, bothNo: 25 }).kappa).toBeCloseTo(0, 12);
    // always disagree: po = 0, pe = 0.5, κ = −1
    expect(cohensKappa({ bothYes: 0, firstOnly: 5, secondOnly: 5, bothNo: 0 }).kappa).toBeCloseTo(-1, 12);
  });

  it('is undefined (null) when both coders put everything in one category', () => {
    // pe = 0·0 + 1·1 = 1 and po = 1: κ = 0/0. Perfect agreement, but with nothing to tell the
    // coders apart, so no reliability figure: null, with po still reported.
    expect(cohensKappa({ bothYes: 0, firstOnly: 0, secondOnly: 0, bothNo: 30 })).toEqual({
      n: 30, observedAgreement: 1, expectedAgreement: 1, kappa: null,
    });
    expect(cohensKappa({ bothYes: 12, firstOnly: 0, secondOnly: 0, bothNo: 0 }).kappa).toBeNull();
  });

  it('is all null for an empty table and rejects impossible counts', () => {
    expect(cohensKappa({ bothYes: 0, firstOnly: 0, secondOnly: 0, bothNo: 0 })).toEqual({
      n: 0, observedAgreement: null, expectedAgreement: null, kappa: null,
    });
    expect(() => cohensKappa({ bothYes: -1, firstOnly: 0, secondOnly: 0, bothNo: 0 })).toThrow(RangeError);
    expect(() => cohensKappa({ bothYes: 1.5, firstOnly: 0, secondOnly: 0, bothNo: 0 })).toThrow(RangeError);
  });
});

describe('coderAgreement', () => {
  // Four answers, codebook of three codes: 12 (answer, code) pairs.
  //   answer  first coder           second coder
  //   1       friendliness          friendliness
  //   2       waiting-times         waiting-times, expertise
  //   3       (none)                (none)
  //   4       friendliness, expertise  expertise
  const first = [
    { id: '1', codes: ['friendliness'] },
    { id: '2', codes: ['waiting-times'] },
    { id: '3', codes: [] },
    { id: '4', codes: ['friendliness', 'expertise'] },
  ];
  const second = [
    { id: '1', codes: ['friendliness'] },
    { id: '2', codes: ['waiting-times', 'expertise'] },
    { id: '3', codes: [] },
    { id: '4', codes: ['expertise'] },
    { id: '5', codes: ['expertise'] },
  ];
  const codebook = ['friendliness', 'waiting-times', 'expertise'];

  it('counts one decision per (answer, code) and gives kappa per code and overall', () => {
    const result = coderAgreement(first, second, codebook);
    // friendliness: both yes on 1, first only on 4, both no on 2, 3 → a=1 b=1 c=0 d=2
    //   po = 3/4, p1 = 2/4, p2 = 1/4, pe = 0.5·0.25 + 0.5·0.75 = 0.5, κ = 0.25/0.5 = 0.5
    expect(result.perCode.get('friendliness')).toMatchObject({ table: { bothYes: 1, firstOnly: 1, secondOnly: 0, bothNo: 2 }, kappa: 0.5 });
    // waiting-times: a=1 d=3 → κ = 1
    expect(result.perCode.get('waiting-times')?.kappa).toBeCloseTo(1, 12);
    // expertise: a=1 (4), c=1 (2), d=2 → po = 3/4, p1 = 1/4, p2 = 2/4, pe = 0.5, κ = 0.5
    expect(result.perCode.get('expertise')?.kappa).toBeCloseTo(0.5, 12);
    // overall: a=3 b=1 c=1 d=7, n=12: po = 10/12, p1 = p2 = 4/12
    //   pe = (1/3)² + (2/3)² = 5/9, κ = (10/12 − 5/9) / (4/9) = (5/18) / (8/18) = 0.625
    expect(result.overall.table).toEqual({ bothYes: 3, firstOnly: 1, secondOnly: 1, bothNo: 7 });
    expect(result.overall.observedAgreement).toBeCloseTo(10 / 12, 12);
    expect(result.overall.kappa).toBeCloseTo(0.625, 12);
    expect(result.unmatchedIds).toEqual(['5']);
  });
});

describe('multiLabelAgreement', () => {
  it('gives micro precision, recall and F1 over all pairs', () => {
    const predicted = [
      { id: 'a', codes: ['friendliness', 'respect'] },
      { id: 'b', codes: ['waiting-times'] },
      { id: 'c', codes: [] },
    ];
    const human = [
      { id: 'a', codes: ['friendliness'] },
      { id: 'b', codes: ['waiting-times', 'telephone-reachability'] },
      { id: 'c', codes: ['other'] },
    ];
    const codeKeys = ['friendliness', 'respect', 'waiting-times', 'telephone-reachability', 'other'];
    const result = multiLabelAgreement(predicted, human, { codeKeys });
    // 15 pairs; TP = 2 (a friendliness, b waiting-times), FP = 1 (a respect),
    // FN = 2 (b telephone, c other), TN = 10
    // precision = 2/3, recall = 2/4, F1 = 2·(2/3)(1/2) / (2/3 + 1/2) = (2/3) / (7/6) = 4/7
    // po = 12/15 = 0.8; p1 = 3/15 = 0.2, p2 = 4/15; pe = 0.2·4/15 + 0.8·11/15 = 9.6/15 = 0.64
    // κ = (0.8 − 0.64) / 0.36 = 0.4444…
    expect(result).toMatchObject({ pairs: 15, truePositives: 2, falsePositives: 1, falseNegatives: 2, trueNegatives: 10 });
    expect(result.precision).toBeCloseTo(2 / 3, 12);
    expect(result.recall).toBeCloseTo(0.5, 12);
    expect(result.f1).toBeCloseTo(4 / 7, 12);
    expect(result.observedAgreement).toBeCloseTo(0.8, 12);
    expect(result.kappa).toBeCloseTo(0.16 / 0.36, 12);
  });

  it('counts only the codes either side used when no codebook is given', () => {
    const result = multiLabelAgreement([{ id: '1', codes: ['respect'] }], [{ id: '1', codes: ['respect'] }]);
    // one code, one pair, both yes: pe = 1, κ undefined; precision = recall = F1 = 1
    expect(result).toMatchObject({ pairs: 1, precision: 1, recall: 1, f1: 1, kappa: null });
  });

  it('leaves precision and F1 undefined when nothing was predicted', () => {
    const result = multiLabelAgreement([{ id: '1', codes: [] }], [{ id: '1', codes: ['respect'] }], { codeKeys: ['respect', 'other'] });
    expect(result).toMatchObject({ precision: null, recall: 0, f1: null });
  });
});
