// The verdict the report text is built from: "significant hoger", "significant lager" or
// "in lijn met". Only a computed test gets a label; a test that could not be done must not
// read as "in lijn met", so the type makes the caller handle that case first.

import type { ComparisonTest } from './comparison-test.ts';

export type CompareLabel = 'significant-higher' | 'significant-lower' | 'in-line';

export function compareLabel(test: Pick<ComparisonTest, 'difference' | 'significant'>): CompareLabel {
  if (!test.significant || test.difference === 0) return 'in-line';
  return test.difference > 0 ? 'significant-higher' : 'significant-lower';
}
