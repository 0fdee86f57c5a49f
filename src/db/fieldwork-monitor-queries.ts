import { sql } from 'kysely';
import type { CarriedCounts, DayCounts, MonitorChannel, MonitorCounts } from '../domain/fieldwork/response-monitor.ts';
import type { Tx } from './tenant-transaction.ts';

const CARRIED_VARIABLES = ['age_band', 'district', 'benefit_type'] as const;

const zero = (): Record<MonitorChannel, number> => ({ web: 0, paper: 0, phone: 0 });

/** Counts for the response monitor of one round; nothing here names or links a person. */
export async function loadMonitorCounts(tx: Tx, organisationId: string, roundId: string): Promise<MonitorCounts> {
  const codes = await tx
    .selectFrom('access_codes')
    .select((eb) => [eb.fn.countAll<number>().as('codes'), sql<number>`count(*) filter (where delivered)`.as('delivered')])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();

  const responses = await tx
    .selectFrom('responses')
    .select(['channel', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .groupBy(['channel', 'status'])
    .execute();
  const started = zero();
  const completed = zero();
  for (const row of responses) {
    started[row.channel] += Number(row.n);
    if (row.status === 'completed') completed[row.channel] += Number(row.n);
  }

  const emails = await tx
    .selectFrom('email_messages')
    .select([
      sql<number>`count(*) filter (where status = 'sent')`.as('sent'),
      sql<number>`count(*) filter (where status = 'bounced')`.as('bounced'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  const letters = await tx
    .selectFrom('letter_mailings')
    .select(sql<number>`coalesce(sum(letters), 0)`.as('letters'))
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();

  const dayRows = await sql<{ date: string; started: number; completed: number; emails: number; letters: number }>`
    select date::text as date, sum(started)::int as started, sum(completed)::int as completed,
           sum(emails)::int as emails, sum(letters)::int as letters
    from (
      select started_on as date, 1 as started, 0 as completed, 0 as emails, 0 as letters
        from responses where organisation_id = ${organisationId} and round_id = ${roundId}
      union all
      select completed_on, 0, 1, 0, 0
        from responses where organisation_id = ${organisationId} and round_id = ${roundId} and completed_on is not null
      union all
      select sent_on, 0, 0, 1, 0
        from email_messages where organisation_id = ${organisationId} and round_id = ${roundId} and sent_on is not null
      union all
      select created_on, 0, 0, 0, letters
        from letter_mailings where organisation_id = ${organisationId} and round_id = ${roundId}
    ) events
    group by date order by date`.execute(tx);
  const days: DayCounts[] = dayRows.rows.map((r) => ({
    date: r.date,
    started: Number(r.started),
    completed: Number(r.completed),
    emailsSent: Number(r.emails),
    letters: Number(r.letters),
  }));

  const carried: Record<string, CarriedCounts[]> = {};
  for (const variable of CARRIED_VARIABLES) {
    const rows = await sql<{ value: string; delivered: number; completed: number }>`
      select carried ->> ${variable} as value,
             count(*) filter (where delivered)::int as delivered,
             count(*) filter (where delivered and state = 'completed')::int as completed
      from access_codes
      where organisation_id = ${organisationId} and round_id = ${roundId} and carried ? ${variable}
      group by 1 order by 1`.execute(tx);
    if (rows.rows.length > 0) {
      carried[variable] = rows.rows.map((r) => ({ value: r.value, delivered: Number(r.delivered), completed: Number(r.completed) }));
    }
  }

  return {
    codes: Number(codes.codes),
    delivered: Number(codes.delivered),
    lettersSent: Number(letters.letters),
    emailsSent: Number(emails.sent),
    emailsBounced: Number(emails.bounced),
    started,
    completed,
    days,
    carried,
  };
}

/** Size of the drawn sample, or undefined before the draw. */
export async function sampleSize(tx: Tx, organisationId: string, roundId: string): Promise<number | undefined> {
  const row = await tx
    .selectFrom('round_samples')
    .select('size')
    .where('organisation_id', '=', organisationId)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return row?.size;
}
