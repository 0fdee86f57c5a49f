import type { RoundDesign } from '../../app/round-design.ts';
import type { Block, Module } from '../../domain/questionnaire/questionnaire.ts';
import type { Translate } from '../i18n/translate.ts';
import type { FieldError } from '../layout.ts';

export interface RoundFormValues {
  readonly name: string;
  readonly year: string;
  readonly targetGroup: string;
  readonly fieldworkStart: string;
  readonly fieldworkEnd: string;
  readonly access: 'codes' | 'open';
  /** Modules switched ON. */
  readonly modules: readonly string[];
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}

export function roundFormValues(body: Record<string, unknown>): RoundFormValues {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  return {
    name: text('name'),
    year: text('year'),
    targetGroup: text('targetGroup'),
    fieldworkStart: text('fieldworkStart'),
    fieldworkEnd: text('fieldworkEnd'),
    access: body.access === 'open' ? 'open' : 'codes',
    modules: asList(body.modules),
  };
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Validates the form; returns the design (with the round's own blocks) or the field errors. */
export function roundDesignFromForm(
  values: RoundFormValues,
  modules: readonly Module[],
  ownBlocks: readonly Block[],
  t: Translate,
): { design?: RoundDesign; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (values.name === '' || values.name.length > 200) errors.push({ field: 'name', message: t('round.error.name') });
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.push({ field: 'year', message: t('round.error.year') });
  for (const field of ['fieldworkStart', 'fieldworkEnd'] as const) {
    if (values[field] !== '' && !isIsoDate(values[field])) errors.push({ field, message: t('round.error.date') });
  }
  if (errors.length === 0 && values.fieldworkStart && values.fieldworkEnd && values.fieldworkEnd < values.fieldworkStart) {
    errors.push({ field: 'fieldworkEnd', message: t('round.error.dateOrder') });
  }
  if (errors.length) return { errors };
  return {
    errors,
    design: {
      name: values.name,
      year,
      targetGroup: values.targetGroup.slice(0, 500),
      fieldworkStart: values.fieldworkStart || null,
      fieldworkEnd: values.fieldworkEnd || null,
      access: values.access,
      disabledModules: modules.filter((m) => !m.required && !values.modules.includes(m.key)).map((m) => m.key),
      ownBlocks,
    },
  };
}
