import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../db/audit-store.ts';
import { getSmtpSettings, saveSmtpSettings, type SmtpSecurity } from '../../db/smtp-settings-store.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { sealText } from '../sealed-text.ts';

// The administrator's mail-server settings. The password is sealed on the way in and never
// comes back out to a page: an empty password field keeps the stored one.

export interface SmtpSettingsForm {
  readonly host: string;
  readonly port: string;
  readonly security: string;
  readonly username: string;
  readonly password: string;
  readonly fromAddress: string;
  readonly fromName: string;
  readonly replyTo: string;
  readonly perMinute: string;
}

export interface SmtpSettingsView extends Omit<SmtpSettingsForm, 'password'> {
  readonly configured: boolean;
  readonly passwordSet: boolean;
}

export type SmtpField = keyof SmtpSettingsForm;
export type SmtpProblem = { readonly field: SmtpField; readonly problem: 'missing' | 'invalid' | 'range' };

const SECURITIES: readonly SmtpSecurity[] = ['tls', 'starttls', 'none'];
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/;
const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\[?[0-9a-fA-F:.]+\]?$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export async function smtpSettingsView(db: Kysely<DB>, organisationId: string): Promise<SmtpSettingsView> {
  const stored = await withTenant(db, organisationId, (tx) => getSmtpSettings(tx, organisationId));
  if (!stored) {
    return { configured: false, passwordSet: false, host: '', port: '587', security: 'starttls', username: '', fromAddress: '', fromName: '', replyTo: '', perMinute: '60' };
  }
  return {
    configured: true,
    passwordSet: stored.passwordSealed !== null && stored.passwordSealed !== '',
    host: stored.host,
    port: String(stored.port),
    security: stored.security,
    username: stored.username ?? '',
    fromAddress: stored.fromAddress,
    fromName: stored.fromName,
    replyTo: stored.replyTo ?? '',
    perMinute: String(stored.perMinute),
  };
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

export function checkSmtpSettings(form: SmtpSettingsForm): SmtpProblem[] {
  const problems: SmtpProblem[] = [];
  const host = form.host.trim();
  if (!host) problems.push({ field: 'host', problem: 'missing' });
  else if (!HOST.test(host)) problems.push({ field: 'host', problem: 'invalid' });
  const port = wholeNumber(form.port);
  if (!form.port.trim()) problems.push({ field: 'port', problem: 'missing' });
  else if (port === undefined || port < 1 || port > 65535) problems.push({ field: 'port', problem: 'range' });
  if (!(SECURITIES as readonly string[]).includes(form.security)) problems.push({ field: 'security', problem: 'invalid' });
  if (!form.fromAddress.trim()) problems.push({ field: 'fromAddress', problem: 'missing' });
  else if (!isEmailAddress(form.fromAddress.trim())) problems.push({ field: 'fromAddress', problem: 'invalid' });
  if (form.fromName.length > 200 || /[\r\n]/.test(form.fromName)) problems.push({ field: 'fromName', problem: 'invalid' });
  if (form.replyTo.trim() && !isEmailAddress(form.replyTo.trim())) problems.push({ field: 'replyTo', problem: 'invalid' });
  if (form.username.length > 254 || /[\r\n]/.test(form.username)) problems.push({ field: 'username', problem: 'invalid' });
  if (form.password.length > 1000) problems.push({ field: 'password', problem: 'invalid' });
  const perMinute = wholeNumber(form.perMinute);
  if (!form.perMinute.trim()) problems.push({ field: 'perMinute', problem: 'missing' });
  else if (perMinute === undefined || perMinute < 1 || perMinute > 10000) problems.push({ field: 'perMinute', problem: 'range' });
  return problems;
}

export async function changeSmtpSettings(
  db: Kysely<DB>,
  input: { organisationId: string; actorId: string | null; secret: string; form: SmtpSettingsForm },
): Promise<Result<void, SmtpProblem[]>> {
  const problems = checkSmtpSettings(input.form);
  if (problems.length > 0) return err(problems);
  const { form } = input;
  const username = form.username.trim() || null;
  await withTenant(db, input.organisationId, async (tx) => {
    await saveSmtpSettings(tx, input.organisationId, {
      host: form.host.trim(),
      port: Number(form.port.trim()),
      security: form.security as SmtpSecurity,
      username,
      // No user name: no password either. Otherwise an empty field keeps the stored one.
      passwordSealed: username === null ? null : form.password ? sealText(input.secret, 'smtp-password', form.password) : undefined,
      fromAddress: form.fromAddress.trim(),
      fromName: form.fromName.trim(),
      replyTo: form.replyTo.trim() || null,
      perMinute: Number(form.perMinute.trim()),
    });
    // The password itself never goes into the log, only that it changed.
    await recordAudit(tx, {
      organisationId: input.organisationId, userId: input.actorId, action: 'smtp-settings-changed',
      details: { host: form.host.trim(), port: Number(form.port.trim()), security: form.security, passwordChanged: username !== null && form.password !== '' },
    });
  });
  return ok(undefined);
}
