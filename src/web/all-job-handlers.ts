import { jobHandlers } from '../app/jobs/job-handlers.ts';
import type { JobHandler } from '../app/jobs/job-handler.ts';
import { lettersJob } from './letters/letters-job.ts';

// Every job kind the runner can work: the use cases' handlers, plus those that render documents
// (letters print HTML through Chromium, which lives in the web layer). main.ts, the CLI and
// tests pass this to the runner.
export const allJobHandlers: Record<string, JobHandler> = {
  ...jobHandlers,
  letters: lettersJob,
};
