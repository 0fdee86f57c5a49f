import type { SampleChoice } from '../../app/fieldwork/draw-round-sample.ts';
import { isCoarseField, type CoarseField } from '../../domain/address-file/address-mapping.ts';
import { SAMPLE_METHODS, type SampleMethod } from '../../domain/fieldwork/draw-sample.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { formatNumber, type Language, type Translate } from '../i18n/translate.ts';
import type { FieldError } from '../layout.ts';

/** The sample form as typed, to show again after an error. */
export interface SampleFormValues {
  readonly method: string;
  readonly stratifyBy: string;
  readonly size: string;
  readonly seed: string;
  readonly carried: readonly string[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

export function sampleFormValues(source: Record<string, unknown>): SampleFormValues {
  return { method: text(source.method), stratifyBy: text(source.stratifyBy), size: text(source.size), seed: text(source.seed), carried: list(source.carried) };
}

/** The values as a query string, for the confirmation page and its hidden fields. */
export function sampleQuery(values: SampleFormValues): string {
  const query = new URLSearchParams({ method: values.method, stratifyBy: values.stratifyBy, size: values.size, seed: values.seed });
  for (const c of values.carried) query.append('carried', c);
  return query.toString();
}

/** Checks the form against the population size; errors link to their fields. */
export function readSampleForm(values: SampleFormValues, population: number, t: Translate, language: Language): Result<SampleChoice, FieldError[]> {
  const errors: FieldError[] = [];
  const method: SampleMethod = (SAMPLE_METHODS as readonly string[]).includes(values.method) ? (values.method as SampleMethod) : 'simple';
  let size = population;
  if (method !== 'all') {
    size = /^\d{1,7}$/.test(values.size) ? Number(values.size) : NaN;
    if (!Number.isInteger(size) || size < 1 || size > population) errors.push({ field: 'size', message: t('sample.error.size', { max: formatNumber(language, population) }) });
  }
  if ((method !== 'all' && values.seed === '') || values.seed.length > 64) errors.push({ field: 'seed', message: t('sample.error.seed') });
  const stratifyBy: CoarseField | null = method === 'stratified' && isCoarseField(values.stratifyBy) ? values.stratifyBy : null;
  if (method === 'stratified' && !stratifyBy) errors.push({ field: 'stratifyBy', message: t('sample.error.stratifyBy') });
  const carried = [...new Set(values.carried.filter(isCoarseField))];
  if (errors.length) return err(errors);
  return ok({ method, size, seed: values.seed, stratifyBy, carried });
}
