// The CBS municipality size classes ("gemeentegrootteklassen", by number of inhabitants), the
// usual way to compare a municipality with others of its kind in a benchmark.

export const SIZE_CLASSES = [
  { key: 'lt-5000', upTo: 5_000 },
  { key: '5000-10000', upTo: 10_000 },
  { key: '10000-20000', upTo: 20_000 },
  { key: '20000-50000', upTo: 50_000 },
  { key: '50000-100000', upTo: 100_000 },
  { key: '100000-150000', upTo: 150_000 },
  { key: '150000-250000', upTo: 250_000 },
  { key: 'ge-250000', upTo: Number.POSITIVE_INFINITY },
] as const;

export type SizeClass = (typeof SIZE_CLASSES)[number]['key'];

export const SIZE_CLASS_KEYS: readonly SizeClass[] = SIZE_CLASSES.map((c) => c.key);

/** The class of a municipality with this many inhabitants (lower bound inclusive). */
export function sizeClassOf(inhabitants: number): SizeClass {
  if (!Number.isInteger(inhabitants) || inhabitants < 0) throw new RangeError(`inhabitants must be a whole number, got ${inhabitants}`);
  return SIZE_CLASSES.find((c) => inhabitants < c.upTo)!.key;
}

export function isSizeClass(value: unknown): value is SizeClass {
  return typeof value === 'string' && (SIZE_CLASS_KEYS as readonly string[]).includes(value);
}
