// How well two codings of the same answers agree: two researchers (inter-coder reliability,
// reported with the codebook), or the suggestions against a researcher (is the assistant any
// good for this organisation?).
//
// Multi-label coding is scored as one yes/no decision per (answer, code) pair: "does code c
// apply to answer a?". Over those pairs we count a 2×2 table:
//
//                     second: yes   second: no
//     first: yes          a             b
//     first: no           c             d
//
// observed agreement  po = (a + d) / n
// chance agreement    pe = p1·p2 + (1 − p1)(1 − p2), p1 = (a + b) / n, p2 = (a + c) / n
// Cohen's kappa       κ  = (po − pe) / (1 − pe)
//
// Undefined values are null, never NaN or a made-up number:
// - n = 0: nothing to compare, everything is null.
// - pe = 1: both coders gave the same single answer to every pair (say, neither ever used a
//   rare code). Then po = 1 too and κ = 0/0: agreement is perfect but says nothing about
//   reliability, because there was no variation to agree on. κ is null; po is 1.
// - precision with no positive predictions, recall with no positive human codes, F1 when
//   precision or recall is null or both are 0.
// Because many (answer, code) pairs are "no" for both, po is high even for poor coding; report
// κ and F1, which ignore or correct for that.

export interface CodedAnswer {
  readonly id: string;
  readonly codes: readonly string[];
}

/** Counts of the 2×2 table above. */
export interface BinaryTable {
  readonly bothYes: number;
  readonly firstOnly: number;
  readonly secondOnly: number;
  readonly bothNo: number;
}

export interface KappaResult {
  readonly n: number;
  readonly observedAgreement: number | null;
  readonly expectedAgreement: number | null;
  readonly kappa: number | null;
}

export interface CoderAgreement {
  /** Over all (answer, code) pairs. */
  readonly overall: KappaResult & { readonly table: BinaryTable };
  /** Per code over all answers, in the order of codeKeys. */
  readonly perCode: ReadonlyMap<string, KappaResult & { readonly table: BinaryTable }>;
  /** Answers coded by one of the two only; they are left out of every figure. */
  readonly unmatchedIds: readonly string[];
}

export interface MultiLabelAgreement {
  readonly pairs: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  readonly observedAgreement: number | null;
  readonly kappa: number | null;
}

/** Cohen's kappa of one 2×2 table. */
export function cohensKappa(table: BinaryTable): KappaResult {
  const { bothYes: a, firstOnly: b, secondOnly: c, bothNo: d } = table;
  for (const count of [a, b, c, d]) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`invalid count ${count} in a 2×2 table`);
  }
  const n = a + b + c + d;
  if (n === 0) return { n, observedAgreement: null, expectedAgreement: null, kappa: null };
  const po = (a + d) / n;
  const p1 = (a + b) / n;
  const p2 = (a + c) / n;
  const pe = p1 * p2 + (1 - p1) * (1 - p2);
  // pe = 1 exactly only when both coders put every pair in the same one category; compare with
  // a tolerance so that rounding cannot turn 0/0 into a huge number.
  const kappa = Math.abs(1 - pe) < 1e-12 ? null : (po - pe) / (1 - pe);
  return { n, observedAgreement: po, expectedAgreement: pe, kappa };
}

/**
 * Agreement of two coders on the answers both coded, per code and overall. `codeKeys` is the
 * codebook: a code neither used still adds its "no, no" pairs, as it was a decision both made.
 */
export function coderAgreement(
  first: readonly CodedAnswer[],
  second: readonly CodedAnswer[],
  codeKeys: readonly string[],
): CoderAgreement {
  const { matched, unmatchedIds } = matchById(first, second);
  const perCode = new Map<string, KappaResult & { readonly table: BinaryTable }>();
  const total = { bothYes: 0, firstOnly: 0, secondOnly: 0, bothNo: 0 };
  for (const code of codeKeys) {
    const table = { bothYes: 0, firstOnly: 0, secondOnly: 0, bothNo: 0 };
    for (const [one, two] of matched) {
      const inOne = one.has(code);
      const inTwo = two.has(code);
      if (inOne && inTwo) table.bothYes += 1;
      else if (inOne) table.firstOnly += 1;
      else if (inTwo) table.secondOnly += 1;
      else table.bothNo += 1;
    }
    perCode.set(code, { ...cohensKappa(table), table });
    total.bothYes += table.bothYes;
    total.firstOnly += table.firstOnly;
    total.secondOnly += table.secondOnly;
    total.bothNo += table.bothNo;
  }
  return { overall: { ...cohensKappa(total), table: total }, perCode, unmatchedIds };
}

/**
 * Suggestions (`predicted`) against a researcher's codes (`human`), micro-averaged over all
 * (answer, code) pairs of the answers in both lists. `codeKeys` defaults to every code either
 * side used; pass the codebook to count codes neither used as agreement too.
 */
export function multiLabelAgreement(
  predicted: readonly CodedAnswer[],
  human: readonly CodedAnswer[],
  options: { readonly codeKeys?: readonly string[] } = {},
): MultiLabelAgreement {
  const codeKeys = options.codeKeys ?? [...new Set([...predicted, ...human].flatMap((a) => a.codes))];
  const { overall } = coderAgreement(predicted, human, codeKeys);
  const { bothYes: tp, firstOnly: fp, secondOnly: fn, bothNo: tn } = overall.table;
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 = precision === null || recall === null || precision + recall === 0
    ? null
    : (2 * precision * recall) / (precision + recall);
  return {
    pairs: overall.n,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision,
    recall,
    f1,
    observedAgreement: overall.observedAgreement,
    kappa: overall.kappa,
  };
}

function matchById(
  first: readonly CodedAnswer[],
  second: readonly CodedAnswer[],
): { matched: [ReadonlySet<string>, ReadonlySet<string>][]; unmatchedIds: string[] } {
  const secondById = new Map(second.map((a) => [a.id, new Set(a.codes)]));
  const firstIds = new Set(first.map((a) => a.id));
  const matched: [ReadonlySet<string>, ReadonlySet<string>][] = [];
  const unmatchedIds: string[] = [];
  for (const answer of first) {
    const other = secondById.get(answer.id);
    if (other === undefined) unmatchedIds.push(answer.id);
    else matched.push([new Set(answer.codes), other]);
  }
  for (const answer of second) if (!firstIds.has(answer.id)) unmatchedIds.push(answer.id);
  return { matched, unmatchedIds };
}
