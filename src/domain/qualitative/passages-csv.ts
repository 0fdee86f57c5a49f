import { csvText } from '../export/responses-csv.ts';
import { releasedPassageText } from './released-passage-text.ts';
import type { PassageReviewDecision } from './passage-review.ts';

// The coded passages of a study as a spreadsheet, for the owner's own analysis or an appendix:
// one row per coded passage with its conversation, participant kind, codes and review state.
// The text column holds the released text only (approved, or its redaction): a passage nobody
// reviewed, or one excluded, is listed with an empty text, so a download never carries what
// the privacy review has not passed.

export interface PassageRow {
  readonly conversation: number;
  readonly participantKind: string;
  readonly coded: boolean;
  readonly codes: readonly string[];
  readonly text: string;
  readonly review: PassageReviewDecision | null;
  readonly redactedText: string | null;
}

export interface PassagesCsvLabels {
  readonly headers: readonly [string, string, string, string, string];
  readonly participantKind: (kind: string) => string;
  readonly code: (key: string) => string;
  readonly review: (review: PassageReviewDecision | null) => string;
}

export function passagesCsv(rows: readonly PassageRow[], labels: PassagesCsvLabels): string {
  const lines = [labels.headers.map(csvText).join(',')];
  for (const row of rows.filter((r) => r.coded)) {
    const text = releasedPassageText(row) ?? '';
    lines.push([
      String(row.conversation), csvText(labels.participantKind(row.participantKind)), csvText(row.codes.map(labels.code).join('; ')),
      csvText(labels.review(row.review)), csvText(text.replace(/\r\n|\r|\n/g, ' ')),
    ].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
