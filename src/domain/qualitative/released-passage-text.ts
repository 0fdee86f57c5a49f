import { screenPersonalData } from '../open-answers/privacy-screen.ts';
import type { PassageReviewDecision } from './passage-review.ts';

// What of a passage may leave the researchers (report, PDF, export, public page): only a text a
// person reviewed (approved as is, or their redaction), and only while the screen still finds no
// personal data in it. A passage nobody reviewed, or one excluded, gives nothing.

export interface ReviewedPassage {
  readonly text: string;
  readonly review: PassageReviewDecision | null;
  readonly redactedText: string | null;
}

export function releasedPassageText(passage: ReviewedPassage): string | undefined {
  const text = passage.review === 'approved' ? passage.text : passage.review === 'redacted' ? passage.redactedText : null;
  if (!text || text.trim() === '') return undefined;
  return screenPersonalData(text).length === 0 ? text : undefined;
}
