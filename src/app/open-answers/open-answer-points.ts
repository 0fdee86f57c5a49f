import type { Kysely } from 'kysely';
import type { CodebookRow } from '../../db/codebook-store.ts';
import { codeCountsOfRound, releasedCodedTexts } from '../../db/open-answer-store.ts';
import { trendRoundsOf } from '../../db/report-queries.ts';
import { getReportSettings } from '../../db/report-settings-store.ts';
import { getRound } from '../../db/round-store.ts';
import { getVersion } from '../../db/questionnaire-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { polarityOfItem, rankPoints, type RankedPoints } from '../../domain/open-answers/rank-points.ts';
import type { QuestionPolarity } from '../../domain/open-answers/standard-codebook.ts';
import { describeShare, type ShareDescription } from '../../domain/statistics/describe-share.ts';
import type { OpenItem } from '../../domain/questionnaire/questionnaire.ts';
import { organisationThresholds } from '../round-report.ts';
import { ensureCodebook } from './codebook.ts';

// The plus and improvement points of a round for the report: per open question the codes
// ranked by respondents, the same code's share in earlier rounds (the trend of each point), and
// a few quotes that passed the privacy review (never an unreviewed text).

export const QUOTES_PER_POINT = 2;
/** Earlier rounds shown beside the current one: enough for a trend, narrow enough for a phone. */
export const EARLIER_ROUNDS = 3;

export interface EarlierPoints {
  readonly name: string;
  readonly year: number;
  /** Share per code on that round's base; a code nobody mentioned then is absent (0 %). */
  readonly shares: ReadonlyMap<string, ShareDescription>;
}

export interface QuestionPoints {
  readonly item: OpenItem;
  readonly polarity: QuestionPolarity | undefined;
  readonly ranked: RankedPoints;
  /** Earlier rounds of the trend, oldest first, that had enough coded answers to this question. */
  readonly earlier: readonly EarlierPoints[];
  readonly quotes: ReadonlyMap<string, readonly string[]>;
}

export interface OpenAnswerPoints {
  readonly roundName: string;
  readonly roundYear: number;
  readonly codebook: readonly CodebookRow[];
  readonly questions: readonly QuestionPoints[];
}

/** Different quotes, of moderate length first (a few words to a few sentences), then in stable order. */
function pickQuotes(texts: readonly string[]): string[] {
  const score = (text: string) => (text.length >= 25 && text.length <= 220 ? 0 : 1);
  const distinct = [...new Map(texts.map((text) => [text.trim().toLowerCase(), text.trim()])).values()];
  return distinct.sort((a, b) => score(a) - score(b)).slice(0, QUOTES_PER_POINT);
}

export async function openAnswerPoints(db: Kysely<DB>, organisationId: string, roundId: string): Promise<OpenAnswerPoints | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    const version = round && (await getVersion(tx, round.questionnaireVersionId));
    if (!round || !version) return undefined;
    const items = version.definition.blocks.flatMap((block) => block.items).filter((i): i is OpenItem => i.type === 'open');
    const thresholds = organisationThresholds(await getReportSettings(tx, organisationId));
    const codebook = await ensureCodebook(tx, organisationId);
    const counts = await codeCountsOfRound(tx, organisationId, roundId);
    const before = (await trendRoundsOf(tx, organisationId, round)).filter((r) => r.id !== round.id && r.year < round.year).slice(-EARLIER_ROUNDS);
    const earlierCounts = await Promise.all(before.map(async (r) => ({ round: r, counts: await codeCountsOfRound(tx, organisationId, r.id) })));
    const texts = await releasedCodedTexts(tx, organisationId, roundId);
    const questions: QuestionPoints[] = [];
    for (const item of items) {
      const current = counts.get(item.key);
      if (!current) continue;
      const ranked = rankPoints(current.counts, current.base, thresholds);
      const earlier = earlierCounts.flatMap(({ round: r, counts: all }) => {
        const old = all.get(item.key);
        // Small groups stay hidden in a trend too.
        if (!old || rankPoints(old.counts, old.base, thresholds).nClass === 'hidden') return [];
        return [{ name: r.name, year: r.year, shares: new Map([...old.counts].map(([code, n]) => [code, describeShare(n, old.base)!] as const)) }];
      });
      const quotes = new Map(ranked.points.map((point) => [point.code, pickQuotes(texts.filter((t) => t.itemKey === item.key && t.codes.includes(point.code)).map((t) => t.text))]));
      questions.push({ item, polarity: polarityOfItem(item.key), ranked, earlier, quotes });
    }
    return { roundName: round.name, roundYear: round.year, codebook, questions };
  });
}
