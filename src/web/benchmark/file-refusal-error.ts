import type { ImportRefusal } from '../../app/benchmark/import-contribution.ts';
import { fileRefusalMessage } from '../../domain/benchmark/file-refusal.ts';
import type { FieldError } from '../layout.ts';
import type { Language, Translate } from '../i18n/translate.ts';

// A refused benchmark file as the upload form shows it: what is wrong, what to do about it, and
// that nothing stored was touched. A file seen before is a conflict (409); any other refusal is
// a file that cannot be processed (422).

export function fileRefusalError(t: Translate, language: Language, refusal: ImportRefusal, field = 'file'): FieldError {
  if (refusal.code === 'unknown-benchmark') return { field, message: t('benchmarkFiles.error.unknownBenchmark') };
  return { field, message: `${fileRefusalMessage(refusal, language)} ${t(`benchmarkFiles.fix.${refusal.code}`)} ${t('benchmarkFiles.refusal.nothingChanged')}` };
}

export function fileRefusalStatus(refusal: ImportRefusal): number {
  return refusal.code === 'duplicate' ? 409 : 422;
}
