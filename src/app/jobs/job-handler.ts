import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

// The contract between the job runner and the kinds of background work (address import,
// letters, e-mail, purge). A handler must be safe to run again after a crash: it reads what is
// already done from the database (e.g. e-mails marked sent) and continues from there.

export interface JobContext {
  readonly db: Kysely<DB>;
  /** The server secret, for sealed codes and SMTP passwords. */
  readonly secret: string;
  /** Base address for links in letters and e-mails, e.g. https://kto.voorbeeldstad.nl */
  readonly publicUrl: string;
  readonly job: {
    readonly id: string;
    readonly organisationId: string;
    readonly roundId: string | null;
    readonly kind: string;
    readonly payload: Readonly<Record<string, unknown>>;
    readonly createdBy: string | null;
    /** 1 on the first run, higher when resumed after a crash or a retry. */
    readonly attempt: number;
  };
  /** Records progress (shown in the UI and the CLI) and renews the claim on the job. */
  progress(done: number, total?: number, message?: string): Promise<void>;
  /** Aborted when the application shuts down or the job is cancelled; stop at a safe point. */
  readonly signal: AbortSignal;
}

/** Returns the job's result (kept as jobs.result), e.g. { letters: 5000, fileName: '…pdf' }. */
export type JobHandler = (context: JobContext) => Promise<Record<string, unknown> | void>;
