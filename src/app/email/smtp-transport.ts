import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpSettings } from '../../db/smtp-settings-store.ts';
import { openSealedText } from '../sealed-text.ts';

// One place that turns stored settings into a nodemailer transport. The timeouts keep a dead or
// silent server from holding a web request (the test message) or a job for minutes.

export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

export function openSmtpTransport(settings: SmtpSettings, secret: string, options: { pool?: boolean } = {}): Transporter {
  const password = settings.passwordSealed ? openSealedText(secret, 'smtp-password', settings.passwordSealed) : undefined;
  const security = settings.security === 'tls'
    ? { secure: true }
    : settings.security === 'starttls'
      ? { secure: false, requireTLS: true }
      : { secure: false, ignoreTLS: true };
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    ...security,
    ...(settings.username ? { auth: { user: settings.username, pass: password ?? '' } } : {}),
    ...SMTP_TIMEOUTS,
    // One connection reused for a whole mailing; the job throttles itself.
    ...(options.pool ? { pool: true, maxConnections: 1, maxMessages: Infinity } : {}),
    logger: false,
    debug: false,
  });
}

/** "Naam <adres>" for the From header. */
export function fromHeader(settings: Pick<SmtpSettings, 'fromAddress' | 'fromName'>): { name: string; address: string } | string {
  return settings.fromName ? { name: settings.fromName, address: settings.fromAddress } : settings.fromAddress;
}
