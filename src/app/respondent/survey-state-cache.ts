import type { Survey } from './respondent-survey.ts';

/**
 * The state of responses this process saved or read lately, so showing a question page needs no
 * database query. An entry serves a view only when
 * - the browser names the same revision (every save raises the response's revision and hands the
 *   new one to the browser), so a page is never built from an older state than the one this
 *   browser saved, whichever process of the installation took that save; and
 * - it is younger than maxAgeMs, which bounds what another process or browser can change
 *   unseen (the round closing, the same code sent on a second device): a view shows such a
 *   change at most that late. Every save, the check page and sending read the database under a
 *   row lock, so a stale view can never store or send anything.
 * Entries are dropped when their response is sent or its round changes in this process.
 */
export class SurveyStateCache {
  private readonly entries = new Map<string, { readonly survey: Survey; readonly storedAt: number }>();

  constructor(
    private readonly maxEntries = 20_000,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(responseId: string, revision: number | undefined): Survey | undefined {
    const entry = this.entries.get(responseId);
    if (!entry || revision === undefined || entry.survey.response.revision !== revision) return undefined;
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.entries.delete(responseId);
      return undefined;
    }
    return entry.survey;
  }

  put(survey: Survey): void {
    const id = survey.response.id;
    this.entries.delete(id);
    this.entries.set(id, { survey, storedAt: this.now() });
    // A Map iterates in insertion order: the first key is the one stored longest ago.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(responseId: string): void {
    this.entries.delete(responseId);
  }

  forgetRound(roundId: string): void {
    for (const [id, entry] of this.entries) if (entry.survey.roundId === roundId) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
