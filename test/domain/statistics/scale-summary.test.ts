import { describe, expect, it } from 'vitest';
import { mergeItemCounts, summariseAgreement, summariseMarks, summariseYesNo } from '../../../src/domain/statistics/scale-summary.ts';

describe('summariseMarks', () => {
  it('excludes "niet van toepassing / weet niet" from n and reports it separately', () => {
    // Marks {1:1, 3:1, 5:2, 6:3, 7:5, 8:6, 9:2, 10:1} and 4 × n.v.t.
    // n = 21 (not 25); Σx = 1 + 3 + 10 + 18 + 35 + 48 + 18 + 10 = 143; mean = 143/21 = 6.809524
    // sd: Python statistics.stdev(expanded marks) = 2.0644381225662256
    // onvoldoende = marks 1–5 = 1 + 1 + 2 = 4 of 21 = 0.190476, Wilson 0.0766756505 … 0.4000056469
    const summary = summariseMarks({ counts: new Map([[1, 1], [3, 1], [5, 2], [6, 3], [7, 5], [8, 6], [9, 2], [10, 1]]), notApplicable: 4 });
    expect(summary.n).toBe(21);
    expect(summary.notApplicable).toBe(4);
    expect(summary.mean.n).toBe(21);
    expect(summary.mean.mean).toBeCloseTo(6.8095238095, 9);
    expect(summary.mean.sd).toBeCloseTo(2.0644381226, 9);
    expect(summary.insufficient?.successes).toBe(4);
    expect(summary.insufficient?.n).toBe(21);
    expect(summary.insufficient?.ci.lower).toBeCloseTo(0.0766756505, 9);
    expect(summary.insufficient?.ci.upper).toBeCloseTo(0.4000056469, 9);
  });

  it('counts 5 as onvoldoende and 6 as voldoende', () => {
    const summary = summariseMarks({ counts: new Map([[5, 1], [6, 1]]), notApplicable: 0 });
    expect(summary.insufficient?.successes).toBe(1);
  });

  it('has no share and no mean when everyone said n.v.t.', () => {
    const summary = summariseMarks({ counts: new Map(), notApplicable: 7 });
    expect(summary).toMatchObject({ n: 0, notApplicable: 7, insufficient: null });
    expect(summary.mean.mean).toBeNull();
  });

  it('refuses marks off the scale', () => {
    expect(() => summariseMarks({ counts: new Map([[11, 1]]), notApplicable: 0 })).toThrow(RangeError);
    expect(() => summariseMarks({ counts: new Map([[0, 1]]), notApplicable: 0 })).toThrow(RangeError);
    expect(() => summariseMarks({ counts: new Map([[7.5, 1]]), notApplicable: 0 })).toThrow(RangeError);
  });
});

describe('summariseAgreement', () => {
  it('shares agree as 4–5 of the valid answers', () => {
    // {1:2, 2:3, 3:5, 4:10, 5:5}, 3 × n.v.t.: n = 25, agree = 15/25 = 0.6
    // mean = (2 + 6 + 15 + 40 + 25)/25 = 88/25 = 3.52; Wilson 15/25 (Python): 0.4073945736 … 0.7659669762
    const summary = summariseAgreement({ counts: new Map([[1, 2], [2, 3], [3, 5], [4, 10], [5, 5]]), notApplicable: 3 });
    expect(summary.n).toBe(25);
    expect(summary.notApplicable).toBe(3);
    expect(summary.mean.mean).toBeCloseTo(3.52, 12);
    expect(summary.agree?.share).toBeCloseTo(0.6, 12);
    expect(summary.agree?.ci.lower).toBeCloseTo(0.4073945736, 9);
    expect(summary.agree?.ci.upper).toBeCloseTo(0.7659669762, 9);
  });

  it('refuses values off the five-point scale', () => {
    expect(() => summariseAgreement({ counts: new Map([[6, 1]]), notApplicable: 0 })).toThrow(RangeError);
  });
});

describe('summariseYesNo', () => {
  it('shares yes (1) of yes and no, without n.v.t.', () => {
    const summary = summariseYesNo({ counts: new Map([[1, 81], [0, 182]]), notApplicable: 12 });
    expect(summary.n).toBe(263);
    expect(summary.yes?.share).toBeCloseTo(81 / 263, 12);
    // Newcombe (1998) Table I, 81/263: 0.2553 … 0.3662
    expect(summary.yes?.ci.lower).toBeCloseTo(0.2553, 4);
    expect(summary.yes?.ci.upper).toBeCloseTo(0.3662, 4);
  });
});

describe('mergeItemCounts', () => {
  it('adds counts and n.v.t. of several contributions', () => {
    const merged = mergeItemCounts({ counts: new Map([[7, 2], [8, 1]]), notApplicable: 1 }, { counts: new Map([[8, 3]]), notApplicable: 2 });
    expect(merged).toEqual({ counts: new Map([[7, 2], [8, 4]]), notApplicable: 3 });
  });
});
