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
 * Entries are dropped when their response is sent or its round changes in this process. A save
 * uses an entry to spare reading the answers when the locked row has the entry's revision.
 */
export class SurveyStateCache {
  private readonly entries = new Map<string, { readonly survey: Survey; readonly readAt: number }>();

  constructor(
    private readonly maxEntries = 20_000,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(responseId: string, revision: number | undefined): Survey | undefined {
    const survey = this.latest(responseId);
    return survey && revision !== undefined && survey.response.revision === revision ? survey : undefined;
  }

  /** The state held for a response whatever its revision (a save checks that against the database). */
  latest(responseId: string): Survey | undefined {
    const entry = this.entries.get(responseId);
    if (!entry) return undefined;
    if (this.now() - entry.readAt > this.maxAgeMs) {
      this.entries.delete(responseId);
      return undefined;
    }
    return entry.survey;
  }

  /**
   * Keeps a state. Its age counts from when its round, organisation and answers were last read
   * from the database: a state made by a save onto the state held here (derived) keeps the age
   * of that one, so names changed elsewhere show within the age limit however often one saves.
   */
  put(survey: Survey, derived = false): void {
    const id = survey.response.id;
    const before = this.entries.get(id);
    this.entries.delete(id);
    this.entries.set(id, { survey, readAt: derived && before ? before.readAt : this.now() });
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
