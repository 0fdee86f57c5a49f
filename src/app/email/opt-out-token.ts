import { createHmac, timingSafeEqual } from 'node:crypto';

// The opt-out link carries the invitee id and an HMAC of it under the server secret, so nobody
// can opt out someone else by guessing ids, and no table of tokens is needed.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(secret: string, inviteeId: string): string {
  return createHmac('sha256', secret).update(`opt-out:${inviteeId}`).digest('base64url').slice(0, 32);
}

export function optOutToken(secret: string, inviteeId: string): string {
  return `${inviteeId}.${signature(secret, inviteeId)}`;
}

/** The invitee id when the token is genuine. */
export function readOptOutToken(secret: string, token: string): string | undefined {
  const [id, sent, extra] = token.split('.');
  if (!id || !sent || extra !== undefined || !UUID.test(id)) return undefined;
  const expected = Buffer.from(signature(secret, id));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

export function optOutUrl(publicUrl: string, secret: string, inviteeId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/afmelden/${optOutToken(secret, inviteeId)}`;
}
