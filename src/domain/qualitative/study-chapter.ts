import type { MeasureStatus } from '../plan/measure-status.ts';
import type { ParticipantKind } from './participant-kind.ts';
import type { RecommendationStatusValue } from './recommendation-input.ts';
import { participantList, type StudyKindValue } from './study-input.ts';
import type { StudyOwner } from './study-permissions.ts';
import type { StudyThemes, SurveyShare } from './study-themes.ts';

// The report chapter of a qualitative study: method, the fixed caveat (the chapter model has no
// switch to leave it out), the themes with the number of conversations and the survey's share
// beside them, reviewed quotes only, and each recommendation with what was done with it. The same
// model is shown on the study page, in the report, in its PDF and on the public page.

export interface Label {
  readonly nl: string;
  readonly en: string;
}

export interface ChapterTheme {
  readonly code: string;
  readonly label: Label;
  readonly conversations: number;
  readonly survey: readonly SurveyShare[];
  readonly quotes: readonly string[];
}

export interface ChapterPlanLink {
  readonly focusPoint: string;
  readonly measure?: { readonly description: string; readonly owner: string; readonly targetDate: string | null; readonly status: MeasureStatus };
}

export interface ChapterRecommendation {
  readonly number: number;
  readonly text: string;
  readonly themes: readonly Label[];
  readonly status: RecommendationStatusValue;
  readonly response: string;
  readonly plan: ChapterPlanLink | undefined;
}

export interface StudyChapter {
  readonly studyId: string;
  readonly title: string;
  readonly kind: StudyKindValue;
  readonly owner: StudyOwner;
  readonly purpose: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly recruitment: string;
  readonly participants: readonly { readonly kind: ParticipantKind; readonly count: number }[];
  readonly conversations: number;
  readonly codedConversations: number;
  readonly themes: readonly ChapterTheme[];
  /** The open questions of the linked round whose shares stand beside the themes. */
  readonly surveyQuestions: readonly { readonly itemKey: string; readonly text: Label }[];
  readonly surveyRound: { readonly name: string; readonly year: number } | undefined;
  readonly recommendations: readonly ChapterRecommendation[];
}

export interface ChapterInput {
  readonly study: {
    readonly id: string; readonly title: string; readonly kind: StudyKindValue; readonly ownerKind: StudyOwner; readonly purpose: string;
    readonly periodFrom: string | null; readonly periodTo: string | null; readonly recruitment: string; readonly participants: Readonly<Record<string, number>>;
  };
  readonly themes: StudyThemes;
  readonly codebook: readonly { readonly key: string; readonly label: Label }[];
  readonly surveyQuestions: readonly { readonly itemKey: string; readonly text: Label }[];
  readonly surveyRound: { readonly name: string; readonly year: number } | undefined;
  readonly recommendations: readonly {
    readonly number: number; readonly text: string; readonly codes: readonly string[]; readonly status: RecommendationStatusValue;
    readonly response: string; readonly focusPointId: string | null; readonly measureId: string | null;
  }[];
  readonly plan: {
    readonly focusPoints: ReadonlyMap<string, string>;
    readonly measures: ReadonlyMap<string, { readonly focusPoint: string; readonly description: string; readonly owner: string; readonly targetDate: string | null; readonly status: MeasureStatus }>;
  };
}

export function studyChapter(input: ChapterInput): StudyChapter {
  const labels = new Map(input.codebook.map((code) => [code.key, code.label]));
  const labelOf = (code: string): Label => labels.get(code) ?? { nl: code, en: code };
  const shownQuestions = new Set(input.themes.themes.flatMap((t) => t.survey.map((s) => s.itemKey)));
  return {
    studyId: input.study.id,
    title: input.study.title,
    kind: input.study.kind,
    owner: input.study.ownerKind,
    purpose: input.study.purpose,
    periodFrom: input.study.periodFrom,
    periodTo: input.study.periodTo,
    recruitment: input.study.recruitment,
    participants: participantList(input.study.participants),
    conversations: input.themes.conversations,
    codedConversations: input.themes.codedConversations,
    themes: input.themes.themes.map((theme) => ({ code: theme.code, label: labelOf(theme.code), conversations: theme.conversations, survey: theme.survey, quotes: theme.quotes })),
    surveyQuestions: input.surveyQuestions.filter((q) => shownQuestions.has(q.itemKey)),
    surveyRound: input.surveyRound,
    recommendations: input.recommendations.map((r) => {
      const measure = r.measureId ? input.plan.measures.get(r.measureId) : undefined;
      const focusPoint = r.focusPointId ? input.plan.focusPoints.get(r.focusPointId) : undefined;
      const plan: ChapterPlanLink | undefined = measure
        ? { focusPoint: measure.focusPoint, measure: { description: measure.description, owner: measure.owner, targetDate: measure.targetDate, status: measure.status } }
        : focusPoint ? { focusPoint } : undefined;
      return { number: r.number, text: r.text, themes: r.codes.map(labelOf), status: r.status, response: r.response, plan };
    }),
  };
}
