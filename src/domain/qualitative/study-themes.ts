import type { RankedPoints } from '../open-answers/rank-points.ts';
import { describeShare, type ShareDescription } from '../statistics/describe-share.ts';
import { releasedPassageText, type ReviewedPassage } from './released-passage-text.ts';

// Themes of a qualitative study beside the survey: per code, in how many conversations it came
// up (a conversation counts once, however many passages carry the code), and the share of survey
// respondents who mentioned it in each open question of the linked round ("31 % of survey
// answers, 12 of 18 conversations"). Quotes are released passages only.

export const QUOTES_PER_THEME = 2;

export interface PassageForThemes extends ReviewedPassage {
  readonly conversationId: string;
  readonly coded: boolean;
  readonly codes: readonly string[];
}

export interface SurveyQuestionPoints {
  readonly itemKey: string;
  readonly ranked: RankedPoints;
}

export interface SurveyShare {
  readonly itemKey: string;
  readonly share: ShareDescription;
  readonly indicative: boolean;
}

export interface StudyTheme {
  readonly code: string;
  readonly conversations: number;
  readonly passages: number;
  readonly quotes: readonly string[];
  /** One entry per open question of the linked round whose base is large enough to show. */
  readonly survey: readonly SurveyShare[];
}

export interface StudyThemes {
  readonly conversations: number;
  /** Conversations with at least one coded passage. */
  readonly codedConversations: number;
  readonly themes: readonly StudyTheme[];
}

/** Shorter passages first (a quote of a few sentences reads better), then in their order. */
function pickQuotes(texts: readonly string[]): string[] {
  const distinct = [...new Map(texts.map((text) => [text.trim().toLowerCase(), text.trim()])).values()];
  const score = (text: string) => (text.length <= 400 ? 0 : 1);
  return distinct.map((text, index) => ({ text, index })).sort((a, b) => score(a.text) - score(b.text) || a.index - b.index).slice(0, QUOTES_PER_THEME).map((q) => q.text);
}

export function studyThemes(conversationIds: readonly string[], passages: readonly PassageForThemes[], survey: readonly SurveyQuestionPoints[]): StudyThemes {
  const known = new Set(conversationIds);
  const byCode = new Map<string, { conversations: Set<string>; passages: number; texts: string[] }>();
  const coded = new Set<string>();
  for (const passage of passages) {
    if (!passage.coded || !known.has(passage.conversationId)) continue;
    if (passage.codes.length) coded.add(passage.conversationId);
    const released = releasedPassageText(passage);
    for (const code of new Set(passage.codes)) {
      const entry = byCode.get(code) ?? { conversations: new Set(), passages: 0, texts: [] };
      entry.conversations.add(passage.conversationId);
      entry.passages += 1;
      if (released) entry.texts.push(released);
      byCode.set(code, entry);
    }
  }
  const shown = survey.filter((q) => q.ranked.nClass !== 'hidden' && q.ranked.base > 0);
  const themes = [...byCode].map(([code, entry]): StudyTheme => ({
    code,
    conversations: entry.conversations.size,
    passages: entry.passages,
    quotes: pickQuotes(entry.texts),
    survey: shown.map((q) => ({
      itemKey: q.itemKey,
      share: describeShare(q.ranked.points.find((p) => p.code === code)?.count ?? 0, q.ranked.base)!,
      indicative: q.ranked.nClass === 'indicative',
    })),
  }));
  themes.sort((a, b) => b.conversations - a.conversations || b.passages - a.passages || a.code.localeCompare(b.code));
  return { conversations: known.size, codedConversations: coded.size, themes };
}
