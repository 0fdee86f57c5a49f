// Counts for the method chapter of a report: how the sample was drawn, how many codes,
// letters and e-mails went out, and the completed responses per channel. Only counts: no
// invitee, address or code leaves this file, and answers are never joined to invitees.

import { sql } from 'kysely';
import type { Tx } from './tenant-transaction.ts';

export interface ReportMethodFigures {
  readonly sample: { readonly method: 'all' | 'simple' | 'stratified'; readonly population: number; readonly size: number } | null;
  /** Access codes issued for the round, and those that reached the invitee. */
  readonly codesIssued: number;
  readonly codesDelivered: number;
  readonly letters: { readonly invitations: number; readonly reminders: number };
  readonly emails: { readonly invitations: number; readonly reminders: number; readonly bounced: number; readonly failed: number };
  readonly completedByChannel: ReadonlyMap<string, number>;
}

export async function reportMethodFigures(tx: Tx, organisationId: string, roundId: string): Promise<ReportMethodFigures> {
  const sample = await tx
    .selectFrom('round_samples')
    .select(['method', 'population', 'size'])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  const codes = await tx
    .selectFrom('access_codes')
    .select([sql<string>`count(*)`.as('issued'), sql<string>`count(*) filter (where delivered)`.as('delivered')])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  const letters = await tx
    .selectFrom('letter_mailings')
    .select(['kind', sql<string>`coalesce(sum(letters), 0)`.as('letters')])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .groupBy('kind')
    .execute();
  const emails = await tx
    .selectFrom('email_messages')
    .select(['kind', 'status', sql<string>`count(*)`.as('count')])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .groupBy(['kind', 'status'])
    .execute();
  const channels = await tx
    .selectFrom('responses')
    .select(['channel', sql<string>`count(*)`.as('count')])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .where('status', '=', 'completed')
    .groupBy('channel')
    .execute();
  const letterCount = (kind: string) => Number(letters.find((l) => l.kind === kind)?.letters ?? 0);
  // An e-mail counts as sent once it left our server; a bounce came back later.
  const emailCount = (predicate: (row: (typeof emails)[number]) => boolean) => emails.filter(predicate).reduce((total, row) => total + Number(row.count), 0);
  return {
    sample: sample ? { method: sample.method, population: sample.population, size: sample.size } : null,
    codesIssued: Number(codes.issued),
    codesDelivered: Number(codes.delivered),
    letters: { invitations: letterCount('invitation'), reminders: letterCount('reminder') },
    emails: {
      invitations: emailCount((r) => r.kind === 'invitation' && (r.status === 'sent' || r.status === 'bounced')),
      reminders: emailCount((r) => r.kind === 'reminder' && (r.status === 'sent' || r.status === 'bounced')),
      bounced: emailCount((r) => r.status === 'bounced'),
      failed: emailCount((r) => r.status === 'failed'),
    },
    completedByChannel: new Map(channels.map((c) => [c.channel, Number(c.count)])),
  };
}
