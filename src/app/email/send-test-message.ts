import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { getSmtpSettings } from '../../db/smtp-settings-store.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { classifySmtpError, type SmtpFailure } from './smtp-failure.ts';
import { fromHeader, openSmtpTransport } from './smtp-transport.ts';
import { isEmailAddress } from './smtp-settings.ts';

export type TestMessageProblem =
  | { readonly kind: 'no-settings' }
  | { readonly kind: 'bad-address' }
  | { readonly kind: 'smtp'; readonly failure: SmtpFailure };

/** Sends a short message with the stored settings, so an administrator sees they work. */
export async function sendTestMessage(
  db: Kysely<DB>,
  input: { organisationId: string; secret: string; to: string; organisationName: string },
): Promise<Result<void, TestMessageProblem>> {
  const to = input.to.trim();
  if (!isEmailAddress(to)) return err({ kind: 'bad-address' });
  const settings = await withTenant(db, input.organisationId, (tx) => getSmtpSettings(tx, input.organisationId));
  if (!settings) return err({ kind: 'no-settings' });
  const transport = openSmtpTransport(settings, input.secret);
  try {
    await transport.sendMail({
      from: fromHeader(settings),
      to,
      ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
      subject: `Testbericht van Klantstem (${input.organisationName})`,
      text: `Dit is een testbericht van Klantstem voor ${input.organisationName}.\n\nKomt dit bericht aan? Dan kan Klantstem e-mails versturen met deze instellingen.\n\nThis is a test message from Klantstem. If it arrived, Klantstem can send e-mail with these settings.`,
    });
    return ok(undefined);
  } catch (error) {
    return err({ kind: 'smtp', failure: classifySmtpError(error) });
  } finally {
    transport.close();
  }
}
