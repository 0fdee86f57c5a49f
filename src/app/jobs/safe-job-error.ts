// A failed job's message is stored, shown to staff and logged, so it must not carry personal
// data. Handlers are asked to throw plain messages; as a safety net, e-mail addresses (SMTP
// errors like to quote the recipient) are masked and the text is kept short.

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;
const MAX_LENGTH = 500;

export function safeJobError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const masked = raw.replace(EMAIL, '[e-mailadres]').replace(/\s+/g, ' ').trim();
  const text = masked === '' ? 'Unknown error' : masked;
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
