import type { JobHandler } from '../jobs/job-handler.ts';
import { sendMailing } from './send-mailing.ts';

// The two e-mail job kinds. Their payloads are written by start-mailing.ts.

export const emailInvitationsHandler: JobHandler = (context) => sendMailing(context, { kind: 'invitation' });

export const emailRemindersHandler: JobHandler = (context) => {
  const { reminderNumber, invitedOnOrBefore } = context.job.payload;
  if (typeof reminderNumber !== 'number' || !Number.isInteger(reminderNumber) || reminderNumber < 1) {
    throw new Error('An email-reminders job needs a reminderNumber of 1 or more.');
  }
  if (typeof invitedOnOrBefore !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(invitedOnOrBefore)) {
    throw new Error('An email-reminders job needs invitedOnOrBefore as YYYY-MM-DD.');
  }
  return sendMailing(context, { kind: 'reminder', reminderNumber, invitedOnOrBefore });
};
