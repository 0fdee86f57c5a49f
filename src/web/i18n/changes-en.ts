// The significant changes at the top of the round report.
export const changesEn = {
  'changes.title': 'What has changed since {previous}',
  'changes.none': 'No result is significantly different from {previous}. Differences in the tables below may be chance.',
  'changes.higher': 'significantly higher',
  'changes.lower': 'significantly lower',
  'changes.more': 'Only differences that are significant after the correction for the number of tests; the most certain first. All comparisons are in the tables below.',
} as const;
