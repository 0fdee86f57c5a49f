import { timingSafeEqual } from 'node:crypto';
import type { RespondentTicket } from '../../app/respondent/enter-with-code.ts';
import { messageSignature } from '../message-signature.ts';

// The respondent's browser holds a signed ticket naming its response; nothing else identifies
// the respondent. After completion the response refuses every further read or write.

export const TICKET_COOKIE = 'ks_r';
/** The revision of the response this browser last saw (see SurveyStateCache); not secret. */
export const REVISION_COOKIE = 'ks_rv';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, payload: string): string {
  return messageSignature(secret, `respondent:${payload}`);
}

export function signTicket(secret: string, ticket: RespondentTicket): string {
  const payload = `${ticket.organisationId}.${ticket.responseId}`;
  return `${payload}.${mac(secret, payload)}`;
}

export function readTicket(secret: string, value: string | undefined): RespondentTicket | undefined {
  if (!value) return undefined;
  const [organisationId, responseId, signature] = value.split('.');
  if (!organisationId || !responseId || !signature || !UUID.test(organisationId) || !UUID.test(responseId)) return undefined;
  const expected = Buffer.from(mac(secret, `${organisationId}.${responseId}`));
  const sent = Buffer.from(signature);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return undefined;
  return { organisationId, responseId };
}

export function readRevision(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
