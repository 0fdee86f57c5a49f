import { err, ok, type Result } from '../result.ts';
import { sampleRandom, type SampleRandom } from './sample-random.ts';

// Drawing the sample of invitees from the imported population. Pure and reproducible: the same
// seed and the same population in the same order give the same sample (the population is
// ordered by import row number). "simple" draws without replacement with a partial
// Fisher-Yates shuffle; "stratified" first divides the size over the values of one variable in
// proportion to the population (largest remainder, so the parts add up exactly) and then draws
// simply within each stratum, strata in a fixed (sorted) order from the one random stream.

export type SampleMethod = 'all' | 'simple' | 'stratified';
export const SAMPLE_METHODS: readonly SampleMethod[] = ['all', 'simple', 'stratified'];

export interface SampleSpec {
  readonly method: SampleMethod;
  /** Ignored for 'all'. */
  readonly size: number;
  readonly seed: string;
}

export interface StratumDraw {
  /** The variable's value; '' for "unknown". */
  readonly value: string;
  readonly population: number;
  readonly drawn: number;
}

export interface DrawnSample {
  /** Positions in the population, ascending. */
  readonly indices: readonly number[];
  /** Per stratum (one stratum '' for simple and all). */
  readonly strata: readonly StratumDraw[];
}

export type SampleProblem = 'empty-population' | 'size-too-small' | 'size-too-large';

/**
 * Hamilton's method: each stratum gets the whole part of its quota size * n_h / N, and the seats
 * left over go to the largest fractional remainders (ties: larger stratum, then sorted order).
 */
export function allocateProportional(populations: readonly number[], size: number): number[] {
  const total = populations.reduce((s, n) => s + n, 0);
  if (total === 0) return populations.map(() => 0);
  const quotas = populations.map((n) => (size * n) / total);
  const alloc = quotas.map(Math.floor);
  let left = size - alloc.reduce((s, n) => s + n, 0);
  const order = populations
    .map((n, i) => ({ i, remainder: quotas[i]! - alloc[i]!, n }))
    .sort((x, y) => y.remainder - x.remainder || y.n - x.n || x.i - y.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (alloc[i]! < populations[i]!) {
      alloc[i]! += 1;
      left--;
    }
  }
  return alloc;
}

/** k positions out of 0..n-1 without replacement, ascending. */
function drawPositions(random: SampleRandom, n: number, k: number): number[] {
  const positions = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + random.int(n - i);
    const swap = positions[i]!;
    positions[i] = positions[j]!;
    positions[j] = swap;
  }
  return positions.slice(0, k).sort((a, b) => a - b);
}

/**
 * Draws from population (in its given order). stratumOf gives the stratification value of a
 * member; it is only used for 'stratified'.
 */
export function drawSample<T>(
  population: readonly T[],
  spec: SampleSpec,
  stratumOf: (member: T) => string = () => '',
): Result<DrawnSample, SampleProblem> {
  const n = population.length;
  if (n === 0) return err('empty-population');
  if (spec.method === 'all') {
    return ok({ indices: population.map((_, i) => i), strata: [{ value: '', population: n, drawn: n }] });
  }
  if (!Number.isInteger(spec.size) || spec.size < 1) return err('size-too-small');
  if (spec.size > n) return err('size-too-large');
  const random = sampleRandom(spec.seed);
  if (spec.method === 'simple') {
    return ok({ indices: drawPositions(random, n, spec.size), strata: [{ value: '', population: n, drawn: spec.size }] });
  }
  const members = new Map<string, number[]>();
  population.forEach((member, i) => {
    const value = stratumOf(member);
    const list = members.get(value);
    if (list) list.push(i);
    else members.set(value, [i]);
  });
  const values = [...members.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const allocation = allocateProportional(values.map((v) => members.get(v)!.length), spec.size);
  const indices: number[] = [];
  const strata = values.map((value, h) => {
    const list = members.get(value)!;
    const drawn = allocation[h]!;
    for (const p of drawPositions(random, list.length, drawn)) indices.push(list[p]!);
    return { value, population: list.length, drawn };
  });
  return ok({ indices: indices.sort((a, b) => a - b), strata });
}
