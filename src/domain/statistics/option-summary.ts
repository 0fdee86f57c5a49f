// Counts and shares per option of a choice item, as client councils report them ("12 of 40,
// 30 %"). For multiple choice the shares are of the respondents who answered the item, not
// of the ticks, so they may add up to more than 100 %.

import { describeShare, type ShareDescription } from './describe-share.ts';

export interface OptionShare {
  readonly code: string;
  readonly count: number;
  readonly share: ShareDescription | null;
}

export interface OptionSummary {
  /** Respondents who chose at least one option; excludes "n.v.t. / weet niet". */
  readonly n: number;
  readonly notApplicable: number;
  /** In the order of `optionCodes`, options nobody chose included. */
  readonly options: readonly OptionShare[];
}

/**
 * @param optionCodes every option of the item, in questionnaire order
 * @param counts times each option was chosen
 * @param respondents people who answered the item (for single choice: the sum of the counts)
 */
export function summariseOptions(
  optionCodes: readonly string[],
  counts: ReadonlyMap<string, number>,
  respondents: number,
  notApplicable: number,
): OptionSummary {
  for (const code of counts.keys()) {
    if (!optionCodes.includes(code)) throw new RangeError(`unknown option ${code}`);
  }
  const options = optionCodes.map((code) => {
    const count = counts.get(code) ?? 0;
    // describeShare rejects a count above the respondents, which catches a wrong respondents
    // figure for multiple choice.
    return { code, count, share: describeShare(count, respondents) };
  });
  if (!Number.isInteger(notApplicable) || notApplicable < 0) {
    throw new RangeError(`invalid not-applicable count ${notApplicable}`);
  }
  return { n: respondents, notApplicable, options };
}
