// A stable text form of a questionnaire: a new version is stored only when this text changes, so
// the order in which an editor or a parser happened to write the fields must not matter. Signed
// benchmark files use the same form: the signature covers this text, so a file re-indented or
// with its fields reordered on the way still verifies.

/** JSON with object keys sorted at every level and undefined fields left out; array order is kept. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => [key, sortKeys(record[key])]),
  );
}
