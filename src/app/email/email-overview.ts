import type { Kysely } from 'kysely';
import { countRecipients, emailJobs, lastReminderNumber, mailingCounts, type EmailJob, type MailingCount } from '../../db/email-store.ts';
import { listTemplates } from '../../db/message-template-store.ts';
import { getRound, type Round } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { getSmtpSettings } from '../../db/smtp-settings-store.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { EMAIL_TEMPLATE_KINDS } from './default-email-templates.ts';
import { templateViews, type EmailTemplateView } from './email-templates.ts';

// Everything the round's e-mail page shows, read in one transaction.

export interface EmailOverview {
  readonly round: Round;
  readonly smtpConfigured: boolean;
  readonly counts: readonly MailingCount[];
  readonly jobs: readonly EmailJob[];
  /** People who would get the invitation now. */
  readonly invitationRecipients: number;
  readonly lastReminderNumber: number;
  readonly templates: readonly EmailTemplateView[];
}

export async function emailOverview(db: Kysely<DB>, organisationId: string, roundId: string): Promise<EmailOverview | undefined> {
  return withTenant(db, organisationId, async (tx) => {
    const round = await getRound(tx, organisationId, roundId);
    if (!round) return undefined;
    return {
      round,
      smtpConfigured: (await getSmtpSettings(tx, organisationId)) !== undefined,
      counts: await mailingCounts(tx, roundId),
      jobs: await emailJobs(tx, roundId),
      invitationRecipients: await countRecipients(tx, roundId, { kind: 'invitation' }),
      lastReminderNumber: await lastReminderNumber(tx, roundId),
      templates: templateViews(await listTemplates(tx, roundId, EMAIL_TEMPLATE_KINDS)),
    };
  });
}
