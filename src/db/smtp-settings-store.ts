import type { Tx } from './tenant-transaction.ts';

// The organisation's outgoing mail server (smtp_settings). The password is stored sealed and is
// only opened by the sender; pages get passwordSet, never the value.

export type SmtpSecurity = 'tls' | 'starttls' | 'none';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  readonly username: string | null;
  readonly passwordSealed: string | null;
  readonly fromAddress: string;
  readonly fromName: string;
  readonly replyTo: string | null;
  readonly perMinute: number;
}

export async function getSmtpSettings(tx: Tx, organisationId: string): Promise<SmtpSettings | undefined> {
  return tx
    .selectFrom('smtp_settings')
    .select([
      'host', 'port', 'security', 'username', 'password_sealed as passwordSealed', 'from_address as fromAddress',
      'from_name as fromName', 'reply_to as replyTo', 'per_minute as perMinute',
    ])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Inserts or replaces the settings; passwordSealed undefined keeps the stored password. */
export async function saveSmtpSettings(
  tx: Tx,
  organisationId: string,
  settings: Omit<SmtpSettings, 'passwordSealed'> & { readonly passwordSealed: string | null | undefined },
): Promise<void> {
  const values = {
    host: settings.host,
    port: settings.port,
    security: settings.security,
    username: settings.username,
    from_address: settings.fromAddress,
    from_name: settings.fromName,
    reply_to: settings.replyTo,
    per_minute: settings.perMinute,
    updated_at: new Date(),
  };
  const password = settings.passwordSealed === undefined ? {} : { password_sealed: settings.passwordSealed };
  await tx
    .insertInto('smtp_settings')
    .values({ organisation_id: organisationId, ...values, ...password })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ ...values, ...password }))
    .execute();
}
