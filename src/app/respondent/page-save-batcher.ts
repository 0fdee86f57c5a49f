import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Result } from '../../domain/result.ts';
import { savePages, type PageSave, type SaveOutcome, type Survey, type SurveyProblem } from './respondent-survey.ts';

interface Waiting {
  readonly save: PageSave;
  readonly resolve: (outcome: Result<SaveOutcome, SurveyProblem>) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for respondents' saves. A save that arrives while the database is busy waits, and
 * all saves that waited are written together in one transaction (per organisation, each response
 * once) as soon as a transaction slot is free: one lock query and three writes for a whole group
 * instead of a transaction each. Nothing waits on a timer, so a save on a quiet server is written
 * at once (after the current turn of the event loop); under load the groups grow by themselves. Every save is answered only after its
 * transaction committed. When a group's transaction fails, each of its saves is tried on its own,
 * so one bad save cannot fail the others.
 */
export class PageSaveBatcher {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly db: Kysely<DB>,
    /** States this process holds (see savePages). */
    private readonly known: (responseId: string) => Survey | undefined = () => undefined,
    private readonly slots = 2,
    private readonly largestGroup = 250,
  ) {}

  save(save: PageSave): Promise<Result<SaveOutcome, SurveyProblem>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ save, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Starts groups once the requests that arrived in this turn of the event loop have been read:
   * every one of them that reached save() by then joins the same group.
   */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.slots && this.waiting.length > 0) {
      const group = this.takeGroup();
      this.running++;
      void this.write(group).finally(() => {
        this.running--;
        this.schedule();
      });
    }
  }

  /** The oldest waiting save and those after it of the same organisation, one per response. */
  private takeGroup(): Waiting[] {
    const organisationId = this.waiting[0]!.save.ticket.organisationId;
    const responses = new Set<string>();
    const group: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const w of this.waiting) {
      const fits = group.length < this.largestGroup && w.save.ticket.organisationId === organisationId && !responses.has(w.save.ticket.responseId);
      if (fits) {
        responses.add(w.save.ticket.responseId);
        group.push(w);
      } else rest.push(w);
    }
    this.waiting.splice(0, this.waiting.length, ...rest);
    return group;
  }

  private async write(group: Waiting[]): Promise<void> {
    const organisationId = group[0]!.save.ticket.organisationId;
    try {
      const outcomes = await savePages(this.db, organisationId, group.map((w) => w.save), this.known);
      group.forEach((w, i) => w.resolve(outcomes[i]!));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      for (const w of group) {
        try {
          const [outcome] = await savePages(this.db, organisationId, [w.save], this.known);
          w.resolve(outcome!);
        } catch (single) {
          w.reject(single);
        }
      }
    }
  }
}
