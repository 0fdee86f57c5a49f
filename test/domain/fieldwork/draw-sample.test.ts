import { describe, expect, it } from 'vitest';
import { carriedValues } from '../../../src/domain/fieldwork/carried-values.ts';
import { allocateProportional, drawSample } from '../../../src/domain/fieldwork/draw-sample.ts';
import { sampleRandom } from '../../../src/domain/fieldwork/sample-random.ts';

const districts = ['Noord', 'Oost', 'Zuid', 'West', 'Centrum'];
const population = Array.from({ length: 2000 }, (_, i) => ({ id: i, district: districts[(i * 7 + (i % 3)) % 5]!, age: i % 11 === 0 ? '' : ['18-26', '27-44', '45-64', '65+'][i % 4]! }));

describe('seeded random source', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = sampleRandom('kto-2026');
    const b = sampleRandom('kto-2026');
    const c = sampleRandom('kto-2027');
    const seqA = Array.from({ length: 20 }, () => a.int(1000));
    expect(Array.from({ length: 20 }, () => b.int(1000))).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.int(1000))).not.toEqual(seqA);
  });

  it('is fixed across versions: these numbers are part of reproducing a recorded draw', () => {
    const random = sampleRandom('12345678');
    expect(Array.from({ length: 5 }, () => random.int(1_000_000))).toMatchInlineSnapshot(`
      [
        783179,
        64064,
        4516,
        942646,
        691940,
      ]
    `);
  });

  it('is roughly uniform', () => {
    const random = sampleRandom('uniform');
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[random.int(10)]++;
    for (const n of counts) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });
});

describe('proportional allocation (largest remainder)', () => {
  it('adds up exactly and gives leftover seats to the largest remainders', () => {
    expect(allocateProportional([500, 300, 200], 100)).toEqual([50, 30, 20]);
    // Quotas 33.33, 33.33, 33.33 -> ties go to the earlier stratum.
    expect(allocateProportional([10, 10, 10], 10)).toEqual([4, 3, 3]);
    // Quotas 14.6, 4.9, 0.49 -> 14, 4, 0 and two seats left for the remainders .9 and .6.
    expect(allocateProportional([1460, 490, 49], 20)).toEqual([15, 5, 0]);
    const alloc = allocateProportional([7, 13, 1, 979], 137);
    expect(alloc.reduce((s, n) => s + n, 0)).toBe(137);
  });
});

describe('drawSample', () => {
  it('simple: the same seed and order give the same sample; another seed another', () => {
    const one = drawSample(population, { method: 'simple', size: 600, seed: 'a' });
    const two = drawSample(population, { method: 'simple', size: 600, seed: 'a' });
    const other = drawSample(population, { method: 'simple', size: 600, seed: 'b' });
    if (!one.ok || !two.ok || !other.ok) throw new Error('draw failed');
    expect(two.value.indices).toEqual(one.value.indices);
    expect(other.value.indices).not.toEqual(one.value.indices);
    expect(new Set(one.value.indices).size).toBe(600);
    expect([...one.value.indices].sort((a, b) => a - b)).toEqual(one.value.indices);
    expect(one.value.indices.every((i) => i >= 0 && i < 2000)).toBe(true);
  });

  it('simple: every member has the same chance (each of 20 members drawn about half of 4,000 draws of 10)', () => {
    const small = Array.from({ length: 20 }, (_, i) => i);
    const hits = new Array(20).fill(0);
    for (let s = 0; s < 4000; s++) {
      const drawn = drawSample(small, { method: 'simple', size: 10, seed: `s${s}` });
      if (drawn.ok) for (const i of drawn.value.indices) hits[i]++;
    }
    for (const n of hits) expect(Math.abs(n - 2000)).toBeLessThan(150);
  });

  it('stratified: strata get their proportional share, empty values form their own stratum', () => {
    const drawn = drawSample(population, { method: 'stratified', size: 600, seed: 'kto' }, (m) => m.age);
    if (!drawn.ok) throw new Error(drawn.error);
    expect(drawn.value.indices).toHaveLength(600);
    const byValue = new Map<string, number>();
    for (const m of population) byValue.set(m.age, (byValue.get(m.age) ?? 0) + 1);
    expect(drawn.value.strata.map((s) => s.value)).toEqual(['', '18-26', '27-44', '45-64', '65+']);
    for (const stratum of drawn.value.strata) {
      expect(stratum.population).toBe(byValue.get(stratum.value));
      expect(Math.abs(stratum.drawn - (600 * stratum.population) / 2000)).toBeLessThan(1);
      expect(drawn.value.indices.filter((i) => population[i]!.age === stratum.value)).toHaveLength(stratum.drawn);
    }
    const again = drawSample(population, { method: 'stratified', size: 600, seed: 'kto' }, (m) => m.age);
    expect(again.ok && again.value.indices).toEqual(drawn.value.indices);
  });

  it('all takes everyone; sizes out of range and an empty population are refused', () => {
    const all = drawSample(population, { method: 'all', size: 0, seed: '' });
    expect(all.ok && all.value.indices.length).toBe(2000);
    expect(drawSample(population, { method: 'simple', size: 2001, seed: 'x' })).toEqual({ ok: false, error: 'size-too-large' });
    expect(drawSample(population, { method: 'simple', size: 0, seed: 'x' })).toEqual({ ok: false, error: 'size-too-small' });
    expect(drawSample(population, { method: 'simple', size: 1.5, seed: 'x' })).toEqual({ ok: false, error: 'size-too-small' });
    expect(drawSample([], { method: 'all', size: 0, seed: 'x' })).toEqual({ ok: false, error: 'empty-population' });
  });
});

describe('carried values', () => {
  it('carries a combination only when at least minGroup members share it, and then all of its non-empty values', () => {
    const members = [
      ...Array.from({ length: 10 }, () => ({ district: 'Noord', age_band: '65+' })),
      ...Array.from({ length: 9 }, () => ({ district: 'Zuid', age_band: '65+' })),
      ...Array.from({ length: 10 }, () => ({ district: 'Oost', age_band: null })),
    ];
    const carried = carriedValues(members, ['district', 'age_band'], 10);
    expect(carried[0]).toEqual({ district: 'Noord', age_band: '65+' });
    expect(carried[10]).toEqual({});
    expect(carried[19]).toEqual({ district: 'Oost' });
    expect(carriedValues(members, [], 10).every((c) => Object.keys(c).length === 0)).toBe(true);
    expect(carriedValues(members, ['age_band'], 10)[10]).toEqual({ age_band: '65+' });
  });
});
