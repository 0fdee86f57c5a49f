// How many respondents gave each answer value: the sufficient statistic for every closed item
// (marks 1–10, agreement 1–5, yes/no as 0/1, option codes). Counts rather than raw answers are
// what the database aggregates, what benchmark contributions share, and what merges exactly.

export type ValueCounts<V extends number | string = number> = ReadonlyMap<V, number>;

function assertCount(count: number, value: unknown): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count for ${String(value)} must be a non-negative integer, got ${count}`);
  }
}

/** Counts each distinct value. */
export function countValues<V extends number | string>(values: Iterable<V>): ValueCounts<V> {
  const counts = new Map<V, number>();
  for (const value of values) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError(`cannot count a non-finite value: ${value}`);
    }
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Adds counts per value, e.g. the contributions of several organisations to a benchmark. */
export function mergeValueCounts<V extends number | string>(...parts: readonly ValueCounts<V>[]): ValueCounts<V> {
  const merged = new Map<V, number>();
  for (const part of parts) {
    for (const [value, count] of part) {
      assertCount(count, value);
      merged.set(value, (merged.get(value) ?? 0) + count);
    }
  }
  return merged;
}

/** The number of answers counted. */
export function totalCount(counts: ValueCounts<number | string>): number {
  let total = 0;
  for (const [value, count] of counts) {
    assertCount(count, value);
    total += count;
  }
  return total;
}

/** How many answers have a value for which `predicate` holds (e.g. marks 1–5). */
export function countWhere<V extends number | string>(counts: ValueCounts<V>, predicate: (value: V) => boolean): number {
  let total = 0;
  for (const [value, count] of counts) {
    assertCount(count, value);
    if (predicate(value)) total += count;
  }
  return total;
}
