import { PURGE_JOB, purgeJob } from '../purge-personal-data.ts';
import { addressImportJob } from '../fieldwork/address-import-job.ts';
import { emailInvitationsHandler, emailRemindersHandler } from '../email/email-job-handlers.ts';
import { RAW_RESPONSES_JOB, rawResponsesJob } from '../history-import/raw-responses-job.ts';
import type { JobHandler } from './job-handler.ts';

// Every kind of background job, by name. The runner refuses kinds not listed here.
export const jobHandlers: Record<string, JobHandler> = {
  [PURGE_JOB]: purgeJob,
  'email-invitations': emailInvitationsHandler,
  'email-reminders': emailRemindersHandler,
  'address-import': addressImportJob,
  [RAW_RESPONSES_JOB]: rawResponsesJob,
};
