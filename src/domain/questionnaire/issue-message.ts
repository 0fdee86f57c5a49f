// Every problem a researcher can cause is explained in both product languages, so the same
// value can be shown in the Dutch and the English interface without a lookup table.

export interface IssueMessage {
  readonly nl: string;
  readonly en: string;
}
