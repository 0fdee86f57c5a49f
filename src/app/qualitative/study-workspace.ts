import type { Kysely } from 'kysely';
import type { CodebookRow } from '../../db/codebook-store.ts';
import { allPlans, focusPointsOf } from '../../db/improvement-plan-store.ts';
import {
  conversationsOf, getStudy, listStudies, passagesOfStudy, recommendationsOf,
  type Conversation, type Passage, type Recommendation, type Study,
} from '../../db/qualitative-study-store.ts';
import { getRound, listRounds } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import type { MeasureStatus } from '../../domain/plan/measure-status.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { studyChapter, type ChapterInput, type StudyChapter } from '../../domain/qualitative/study-chapter.ts';
import { studyThemes, type StudyThemes } from '../../domain/qualitative/study-themes.ts';
import { ensureCodebook } from '../open-answers/codebook.ts';
import { openAnswerPoints } from '../open-answers/open-answer-points.ts';

// Everything the pages of one study show, and the chapters of the studies linked to a round.

export interface PlanOption {
  readonly planTitle: string;
  readonly focusPoints: readonly { readonly id: string; readonly title: string; readonly measures: readonly { readonly id: string; readonly description: string }[] }[];
}

export interface StudyWorkspace {
  readonly study: Study;
  readonly conversations: readonly Conversation[];
  readonly passages: readonly Passage[];
  readonly recommendations: readonly Recommendation[];
  readonly codebook: readonly CodebookRow[];
  readonly themes: StudyThemes;
  readonly chapter: StudyChapter;
  readonly planOptions: readonly PlanOption[];
  readonly rounds: readonly { readonly id: string; readonly name: string; readonly year: number }[];
}

interface PlanIndex {
  readonly options: PlanOption[];
  readonly focusPoints: Map<string, string>;
  readonly measures: ChapterInput['plan']['measures'] & Map<string, { focusPoint: string; description: string; owner: string; targetDate: string | null; status: MeasureStatus }>;
}

async function planIndex(tx: Tx, organisationId: string): Promise<PlanIndex> {
  const index: PlanIndex = { options: [], focusPoints: new Map(), measures: new Map() };
  for (const plan of await allPlans(tx, organisationId)) {
    const points = await focusPointsOf(tx, organisationId, plan.id);
    index.options.push({ planTitle: plan.title, focusPoints: points.map((p) => ({ id: p.id, title: p.title, measures: p.measures.map((m) => ({ id: m.id, description: m.description })) })) });
    for (const point of points) {
      index.focusPoints.set(point.id, point.title);
      for (const m of point.measures) index.measures.set(m.id, { focusPoint: point.title, description: m.description, owner: m.owner, targetDate: m.targetDate, status: m.status });
    }
  }
  return index;
}

async function surveyOf(db: Kysely<DB>, organisationId: string, roundId: string | null) {
  const points = roundId ? await openAnswerPoints(db, organisationId, roundId) : undefined;
  if (!points) return { survey: [], questions: [], round: undefined };
  return {
    survey: points.questions.map((q) => ({ itemKey: q.item.key, ranked: q.ranked })),
    questions: points.questions.map((q) => ({ itemKey: q.item.key, text: { nl: localize(q.item.text, 'nl'), en: localize(q.item.text, 'en') } })),
    round: { name: points.roundName, year: points.roundYear },
  };
}

async function assemble(db: Kysely<DB>, organisationId: string, study: Study) {
  const survey = await surveyOf(db, organisationId, study.roundId);
  return withTenant(db, organisationId, async (tx) => {
    const conversations = await conversationsOf(tx, organisationId, study.id);
    const passages = await passagesOfStudy(tx, organisationId, study.id);
    const recommendations = await recommendationsOf(tx, organisationId, study.id);
    const codebook = await ensureCodebook(tx, organisationId);
    const plan = await planIndex(tx, organisationId);
    const themes = studyThemes(conversations.map((c) => c.id), passages, survey.survey);
    const chapter = studyChapter({ study, themes, codebook, surveyQuestions: survey.questions, surveyRound: survey.round, recommendations, plan });
    return { study, conversations, passages, recommendations, codebook, themes, chapter, planOptions: plan.options };
  });
}

/** The study with all its content; undefined when it is not the organisation's. */
export async function studyWorkspace(db: Kysely<DB>, organisationId: string, studyId: string): Promise<StudyWorkspace | undefined> {
  const study = await withTenant(db, organisationId, (tx) => getStudy(tx, organisationId, studyId));
  if (!study) return undefined;
  const assembled = await assemble(db, organisationId, study);
  return { ...assembled, rounds: await studyRoundChoices(db, organisationId) };
}

/** The organisation's own rounds a study can be linked to. */
export async function studyRoundChoices(db: Kysely<DB>, organisationId: string): Promise<StudyWorkspace['rounds']> {
  const rounds = await withTenant(db, organisationId, (tx) => listRounds(tx, organisationId));
  return rounds.filter((r) => r.ownerKind === 'organisation').map((r) => ({ id: r.id, name: r.name, year: r.year }));
}

/**
 * The chapters of the studies linked to a round, for its report; with publicOnly, only those the
 * owner chose to show on the public page. Chapters hold reviewed passages only.
 */
export async function studyChaptersOfRound(db: Kysely<DB>, organisationId: string, roundId: string, options: { publicOnly: boolean }): Promise<StudyChapter[]> {
  const studies = await withTenant(db, organisationId, async (tx) => ((await getRound(tx, organisationId, roundId)) ? listStudies(tx, organisationId, roundId) : []));
  const chapters: StudyChapter[] = [];
  for (const study of studies.filter((s) => !options.publicOnly || s.onPublicPage).reverse()) chapters.push((await assemble(db, organisationId, study)).chapter);
  return chapters;
}

export interface StudySummary extends Study {
  readonly conversations: number;
  readonly passages: number;
  readonly coded: number;
  readonly reviewed: number;
}

export async function studiesOf(db: Kysely<DB>, organisationId: string): Promise<StudySummary[]> {
  return withTenant(db, organisationId, async (tx) => {
    const studies = await listStudies(tx, organisationId);
    return Promise.all(studies.map(async (study) => {
      const passages = await passagesOfStudy(tx, organisationId, study.id);
      const conversations = new Set(passages.map((p) => p.conversationId)).size;
      return { ...study, conversations, passages: passages.length, coded: passages.filter((p) => p.coded).length, reviewed: passages.filter((p) => p.review).length };
    }));
  });
}
