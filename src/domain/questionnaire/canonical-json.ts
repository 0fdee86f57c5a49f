// A stable text form of a questionnaire: a new version is stored only when this text changes, so
// the order in which an editor or a parser happened to write the fields must not matter.

import type { Questionnaire } from './questionnaire.ts';

/** JSON with object keys sorted at every level and undefined fields left out; array order is kept. */
export function canonicalJson(questionnaire: Questionnaire): string {
  return JSON.stringify(sortKeys(questionnaire));
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
