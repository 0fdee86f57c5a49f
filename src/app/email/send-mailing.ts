import { randomUUID } from 'node:crypto';
import {
  countRecipients, deleteIntent, listRecipients, markBounced, markFailed, markSent, recordIntent, type Mailing, type Recipient,
} from '../../db/email-store.ts';
import { listTemplates } from '../../db/message-template-store.ts';
import { getOrganisation } from '../../db/organisation-store.ts';
import { getRound } from '../../db/round-store.ts';
import { getSmtpSettings } from '../../db/smtp-settings-store.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { formatAccessCode } from '../../domain/access-code.ts';
import type { JobContext } from '../jobs/job-handler.ts';
import { openSealedText } from '../sealed-text.ts';
import { todayInNetherlands } from '../today.ts';
import { composeEmail, fullName, salutation, writtenDate } from './compose-email.ts';
import { EMAIL_TEMPLATE_KINDS } from './default-email-templates.ts';
import { resolveEmailText } from './email-templates.ts';
import { optOutUrl } from './opt-out-token.ts';
import { classifySmtpError, failureLabel, isServerFailure } from './smtp-failure.ts';
import { fromHeader, openSmtpTransport } from './smtp-transport.ts';
import { Throttle } from './throttle.ts';

// Sends one mailing (the invitations, or reminder n) at most once per person:
//   1. record the intent (status 'intended') and commit; the unique index refuses a second one;
//   2. send;
//   3. mark sent, bounced or failed.
// A crash between 1 and 3 leaves the row 'intended': it is never sent again and is reported as
// unknown (interrupted). When the server cannot be reached at all, the intent is withdrawn (the
// message certainly did not go) and the job stops, so a later run sends the rest.

export interface MailingResult extends Record<string, unknown> {
  readonly sent: number;
  readonly bounced: number;
  readonly failed: number;
  /** Already had this mailing, or no longer wanted it (completed, opted out, round closed). */
  readonly skipped: number;
  readonly stopped?: 'round-not-in-fieldwork' | 'no-smtp-settings';
}

export class MailServerUnavailable extends Error {}

export async function sendMailing(context: JobContext, mailing: Mailing): Promise<MailingResult> {
  const { db, job, secret, signal } = context;
  const organisationId = job.organisationId;
  const roundId = job.roundId;
  if (!roundId) throw new Error('An e-mail job needs a round.');
  const kind = mailing.kind === 'invitation' ? 'email-invitation' : 'email-reminder';

  const setup = await withTenant(db, organisationId, async (tx) => ({
    round: await getRound(tx, organisationId, roundId),
    organisation: await getOrganisation(tx, organisationId),
    settings: await getSmtpSettings(tx, organisationId),
    templates: await listTemplates(tx, roundId, EMAIL_TEMPLATE_KINDS),
    recipients: await listRecipients(tx, roundId, mailing),
  }));
  const empty = { sent: 0, bounced: 0, failed: 0, skipped: 0 };
  if (!setup.round || setup.round.status !== 'fieldwork') return { ...empty, stopped: 'round-not-in-fieldwork' };
  if (!setup.settings) return { ...empty, stopped: 'no-smtp-settings' };
  const { round, settings, templates, recipients } = setup;
  const organisationName = setup.organisation?.name ?? '';
  const base = context.publicUrl.replace(/\/+$/, '');

  const compose = (recipient: Recipient) => {
    const { language, text } = resolveEmailText(templates, kind, recipient.language ?? 'nl');
    const code = openSealedText(secret, 'access-code', recipient.codeSealed);
    const optOut = optOutUrl(base, secret, recipient.inviteeId);
    const email = composeEmail(text, {
      aanhef: salutation(language, recipient),
      naam: fullName(recipient),
      code: formatAccessCode(code),
      link: `${base}/r/${code}`,
      webadres: `${base}/r`,
      organisatie: organisationName,
      ronde: round.name,
      einddatum: writtenDate(language, round.fieldworkEnd),
      afmeldlink: optOut,
    }, language);
    return { ...email, optOut };
  };

  const counts = { ...empty };
  const total = recipients.length;
  await context.progress(0, total);
  const transport = openSmtpTransport(settings, secret, { pool: true });
  const throttle = new Throttle(settings.perMinute);
  try {
    for (const [index, recipient] of recipients.entries()) {
      signal.throwIfAborted();
      const email = compose(recipient);
      const id = randomUUID();
      // Still wanted? (A reminder may have been answered, or the person opted out, meanwhile.)
      const recorded = await withTenant(db, organisationId, async (tx) => {
        const stillWanted = await countRecipients(tx, roundId, mailing, recipient.inviteeId);
        if (stillWanted === 0) return false;
        return recordIntent(tx, {
          id, organisationId, roundId, inviteeId: recipient.inviteeId, jobId: job.id,
          kind: mailing.kind, reminderNumber: mailing.kind === 'reminder' ? mailing.reminderNumber : 0,
        });
      });
      if (!recorded) {
        counts.skipped++;
      } else {
        // Waiting after the intent is fine: a stop while waiting leaves a row that was surely
        // not sent, so it is withdrawn below.
        try {
          await throttle.wait(signal);
        } catch (stop) {
          await withTenant(db, organisationId, (tx) => deleteIntent(tx, id));
          throw stop;
        }
        try {
          await transport.sendMail({
            from: fromHeader(settings),
            to: recipient.email,
            ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
            subject: email.subject,
            text: email.text,
            html: email.html,
            headers: { 'List-Unsubscribe': `<${email.optOut}>`, 'Auto-Submitted': 'auto-generated' },
          }).finally(() => throttle.sent());
          const now = new Date();
          await withTenant(db, organisationId, (tx) => markSent(tx, id, now, todayInNetherlands(now)));
          counts.sent++;
        } catch (error) {
          const failure = classifySmtpError(error);
          if (failure.kind === 'address') {
            await withTenant(db, organisationId, (tx) => markBounced(tx, recipient.inviteeId, { id, error: failureLabel(failure) }));
            counts.bounced++;
          } else if (isServerFailure(failure)) {
            await withTenant(db, organisationId, (tx) => deleteIntent(tx, id));
            throw new MailServerUnavailable(`Mail server unavailable (${failureLabel(failure)}) after ${counts.sent} of ${total} messages.`);
          } else if (failure.kind === 'timeout' || failure.kind === 'other') {
            // Whether it went out is unknown: leave the intent, so it is reported and not repeated.
            throw new MailServerUnavailable(`Mail server stopped answering (${failureLabel(failure)}) after ${counts.sent} of ${total} messages.`);
          } else {
            await withTenant(db, organisationId, (tx) => markFailed(tx, id, failureLabel(failure)));
            counts.failed++;
          }
        }
      }
      await context.progress(index + 1, total);
    }
  } finally {
    transport.close();
  }
  return counts;
}
