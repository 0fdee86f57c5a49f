import type { Kysely } from 'kysely';
import { recordAudit } from '../db/audit-store.ts';
import { getReportSettings, setReportSettings, type ReportSettings } from '../db/report-settings-store.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { DEFAULT_REPORTING_THRESHOLDS, strictenThresholds, type ReportingThresholds } from '../domain/statistics/reporting-thresholds.ts';
import { organisationThresholds } from './round-report.ts';

export interface ReportSettingsView extends ReportSettings {
  /** What every figure of the organisation uses. */
  readonly applied: ReportingThresholds;
  readonly defaults: ReportingThresholds;
}

export function reportSettingsOf(db: Kysely<DB>, organisationId: string): Promise<ReportSettingsView> {
  return withTenant(db, organisationId, async (tx) => {
    const settings = await getReportSettings(tx, organisationId);
    return { ...settings, applied: organisationThresholds(settings), defaults: DEFAULT_REPORTING_THRESHOLDS };
  });
}

export type ThresholdField = 'hideBelow' | 'indicativeBelow';

export interface ThresholdProblem {
  readonly field: ThresholdField;
  /** not-whole: not a whole number from 1 to 1000; looser: below the product's default. */
  readonly kind: 'not-whole' | 'looser';
  readonly minimum: number;
}

export interface ReportSettingsForm {
  readonly contributesToReference: boolean;
  /** As typed; empty means "the default". */
  readonly hideBelow: string;
  readonly indicativeBelow: string;
}

function parse(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,4}$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= 1 && value <= 1000 ? value : undefined;
}

/**
 * Saves the organisation's report settings. Thresholds may only be stricter than the defaults
 * (domain.md): a looser one is refused with the minimum, never silently raised.
 */
export async function changeReportSettings(
  db: Kysely<DB>,
  input: { organisationId: string; actorId: string; form: ReportSettingsForm },
): Promise<Result<ReportSettings, ThresholdProblem[]>> {
  const problems: ThresholdProblem[] = [];
  const values: Partial<Record<ThresholdField, number | null>> = {};
  for (const field of ['hideBelow', 'indicativeBelow'] as const) {
    const parsed = parse(input.form[field]);
    const minimum = DEFAULT_REPORTING_THRESHOLDS[field];
    if (parsed === undefined) problems.push({ field, kind: 'not-whole', minimum });
    else values[field] = parsed;
  }
  const choice = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as Partial<ReportingThresholds>;
  for (const refusal of strictenThresholds(DEFAULT_REPORTING_THRESHOLDS, choice).refused) {
    problems.push({ field: refusal.field, kind: 'looser', minimum: refusal.applied });
  }
  if (problems.length > 0) return err(problems);
  const settings: ReportSettings = {
    contributesToReference: input.form.contributesToReference,
    hideBelow: values.hideBelow ?? null,
    indicativeBelow: values.indicativeBelow ?? null,
  };
  return withTenant(db, input.organisationId, async (tx) => {
    await setReportSettings(tx, input.organisationId, settings);
    await recordAudit(tx, { organisationId: input.organisationId, userId: input.actorId, action: 'report-settings-changed', details: { ...settings } });
    return ok(settings);
  });
}
