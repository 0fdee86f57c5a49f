// What went wrong talking to the mail server, in categories a person can act on. Only the
// category and the SMTP status code are kept: the server's own text may contain the address.

export type SmtpFailureKind =
  | 'connect' // host unknown, nothing listening, refused or unreachable
  | 'tls' // the secure connection could not be made (wrong security setting or certificate)
  | 'auth' // user name or password refused
  | 'address' // the recipient address was refused (5xx on RCPT): a bounce
  | 'timeout' // the server stopped answering
  | 'rejected' // the server refused the message itself
  | 'other';

export interface SmtpFailure {
  readonly kind: SmtpFailureKind;
  readonly responseCode: number | undefined;
}

interface NodemailerError {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly command?: unknown;
}

export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  const code = typeof e.code === 'string' ? e.code : '';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const command = typeof e.command === 'string' ? e.command : '';
  const kind = ((): SmtpFailureKind => {
    if (code === 'EAUTH' || code === 'ENOAUTH') return 'auth';
    if (code === 'ETLS' || /TLS|SSL|CERT/i.test(code)) return 'tls';
    if (code === 'ETIMEDOUT') return 'timeout';
    if (code === 'EENVELOPE' && command.startsWith('RCPT') && responseCode !== undefined && responseCode >= 500) return 'address';
    if (code === 'EDNS' || code === 'ECONNECTION' || command === 'CONN') return 'connect';
    if (code === 'ESOCKET') return 'connect';
    if (responseCode !== undefined && responseCode >= 400) return 'rejected';
    return 'other';
  })();
  return { kind, responseCode };
}

/** Failures that mean nothing could have been sent: the next message would fail the same way. */
export function isServerFailure(failure: SmtpFailure): boolean {
  return failure.kind === 'connect' || failure.kind === 'tls' || failure.kind === 'auth';
}

/** For email_messages.error: category and code, no server text. */
export function failureLabel(failure: SmtpFailure): string {
  return failure.responseCode === undefined ? failure.kind : `${failure.kind} ${failure.responseCode}`;
}
