import type { Kysely } from 'kysely';
import { addCodebookCodes, codebookOf, updateCodebookCode, type CodebookRow } from '../../db/codebook-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { STANDARD_CODEBOOK } from '../../domain/open-answers/standard-codebook.ts';

/** The organisation's codebook; on first use it starts as a copy of the standard codebook. */
export async function ensureCodebook(tx: Tx, organisationId: string): Promise<CodebookRow[]> {
  const codes = await codebookOf(tx, organisationId);
  if (codes.length > 0) return codes;
  await addCodebookCodes(tx, organisationId, STANDARD_CODEBOOK, 1);
  return codebookOf(tx, organisationId);
}

export interface CodeInput {
  readonly labelNl: string;
  readonly labelEn: string;
  readonly definitionNl: string;
  readonly definitionEn: string;
  /** One example answer per line. */
  readonly examples: string;
}

export type CodeProblem = 'label-nl' | 'label-en' | 'too-long';

function checkCode(input: CodeInput): CodeProblem[] {
  const problems: CodeProblem[] = [];
  if (input.labelNl.trim() === '' || input.labelNl.trim().length > 120) problems.push('label-nl');
  if (input.labelEn.trim() === '' || input.labelEn.trim().length > 120) problems.push('label-en');
  if (input.definitionNl.length > 2000 || input.definitionEn.length > 2000 || input.examples.length > 4000) problems.push('too-long');
  return problems;
}

const examplesOf = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, 20);

/** A stable key from the Dutch label: lower case, ASCII, dashes; made unique with a number. */
export function codeKeyFor(label: string, taken: ReadonlySet<string>): string {
  const stem = label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 34) || 'code';
  const base = /^[a-z0-9]/.test(stem) ? stem : `c-${stem}`;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

export function codebookView(db: Kysely<DB>, organisationId: string): Promise<CodebookRow[]> {
  return withTenant(db, organisationId, (tx) => ensureCodebook(tx, organisationId));
}

export async function addCode(db: Kysely<DB>, organisationId: string, input: CodeInput): Promise<Result<string, CodeProblem[]>> {
  const problems = checkCode(input);
  if (problems.length) return err(problems);
  return withTenant(db, organisationId, async (tx) => {
    const codes = await ensureCodebook(tx, organisationId);
    const key = codeKeyFor(input.labelNl, new Set(codes.map((c) => c.key)));
    await addCodebookCodes(tx, organisationId, [{
      key, label: { nl: input.labelNl.trim(), en: input.labelEn.trim() },
      definition: { nl: input.definitionNl.trim(), en: input.definitionEn.trim() }, examples: examplesOf(input.examples),
    }], codes.length + 1);
    return ok(key);
  });
}

/** Changes a code's texts, or archives it (kept on coded answers, no longer offered) and back. */
export async function editCode(db: Kysely<DB>, organisationId: string, key: string, input: CodeInput & { archived: boolean }): Promise<Result<void, CodeProblem[] | 'not-found'>> {
  const problems = checkCode(input);
  if (problems.length) return err(problems);
  const updated = await withTenant(db, organisationId, (tx) => updateCodebookCode(tx, organisationId, {
    key, label: { nl: input.labelNl.trim(), en: input.labelEn.trim() },
    definition: { nl: input.definitionNl.trim(), en: input.definitionEn.trim() }, examples: examplesOf(input.examples), archived: input.archived,
  }));
  return updated ? ok(undefined) : err('not-found');
}
