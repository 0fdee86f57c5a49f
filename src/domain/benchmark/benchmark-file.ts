// The two files that travel between an organisation and a benchmark organiser: the
// contribution (aggregates of one round) and the reference figures returned for it. Both are a
// signed envelope around a payload; the signature covers the canonical JSON of format,
// version, kind and payload (see app/benchmark/signed-file.ts). The schemas are strict, so a
// file carrying anything beyond aggregates (an answer list, a name) is refused, and they are
// published as JSON Schema in docs/benchmark-file.schema.json.

import { z } from 'zod';
import { ITEM_KEY_PATTERN } from '../questionnaire/questionnaire-schema.ts';
import { SIZE_CLASS_KEYS, type SizeClass } from './size-class.ts';

export const BENCHMARK_FILE_FORMAT = 'klantstem-benchmark';
export const BENCHMARK_FILE_VERSION = 1;
export type BenchmarkFileKind = 'contribution' | 'reference';

const count = z.number().int().min(0);
const finite = z.number().refine(Number.isFinite, 'not a finite number');
const itemKey = z.string().regex(ITEM_KEY_PATTERN).max(200);
const label = z.string().min(1).max(200);
const sizeClass = z.enum(SIZE_CLASS_KEYS as [SizeClass, ...SizeClass[]]);
const kind = z.enum(['mark', 'agree5', 'yesno']);

const itemContribution = z.strictObject({
  kind,
  n: count,
  sum: finite,
  sumSquares: finite,
  counts: z.record(z.string().regex(/^-?\d{1,4}$/), count),
  notApplicable: count,
});
const itemContributions = z.record(itemKey, itemContribution);

export const benchmarkIdentity = z.strictObject({
  name: label,
  year: z.number().int().min(2000).max(2100),
  /** The standard questionnaire version compared: only identical questions can be compared. */
  questionnaireVersion: label,
});

export const contributionPayload = z.strictObject({
  fileId: z.uuid(),
  createdOn: z.iso.date(),
  benchmark: benchmarkIdentity,
  participant: z.strictObject({ sizeClass: sizeClass.nullable(), region: label.nullable() }),
  /** The smallest cell shared (the contributor's hideBelow): cells below it were left out. */
  hideBelow: z.number().int().min(10),
  contribution: z.strictObject({
    items: itemContributions,
    cells: z.array(z.strictObject({ variable: label, value: label, items: itemContributions })).max(1000).readonly(),
  }),
});

const interval = z.strictObject({ lower: finite, upper: finite });
const mean = z.strictObject({ n: count, mean: finite.nullable(), sd: finite.nullable(), standardError: finite.nullable(), ci: interval.nullable() });
const share = z.strictObject({ successes: count, n: count, share: finite, ci: interval });
const figureSet = z.strictObject({ n: count, notApplicable: count, mean, share: share.nullable() });
const notTestable = z.strictObject({ ok: z.literal(false), error: z.strictObject({ reason: z.enum(['too-few-answers', 'no-variance', 'single-category']) }) });
const testCommon = { difference: finite, p: finite, significant: z.boolean(), standardError: finite };
const welch = z.union([z.strictObject({ ok: z.literal(true), value: z.strictObject({ ...testCommon, t: finite, df: finite }) }), notTestable]);
const zTest = z.union([z.strictObject({ ok: z.literal(true), value: z.strictObject({ ...testCommon, z: finite, pooledShare: finite }) }), notTestable]);
const itemReference = z.discriminatedUnion('status', [
  z.strictObject({ itemKey, kind, status: z.literal('hidden'), organisations: count }),
  z.strictObject({
    itemKey,
    kind,
    status: z.literal('shown'),
    own: figureSet,
    reference: figureSet.extend({ organisations: count }),
    lowestMean: finite.nullable(),
    highestMean: finite.nullable(),
    rank: z.strictObject({ position: count, of: count, percentile: finite }).nullable(),
    meanTest: welch,
    shareTest: zTest,
  }),
]);

export const referencePayload = z.strictObject({
  fileId: z.uuid(),
  createdOn: z.iso.date(),
  benchmark: benchmarkIdentity,
  /** The key of the participant the figures are for: another participant cannot import them. */
  participantKeyId: z.string().regex(/^[0-9a-f]{32}$/),
  figures: z.strictObject({
    organisations: count,
    filter: z.strictObject({ sizeClasses: z.array(sizeClass).readonly().optional(), regions: z.array(label).readonly().optional() }),
    items: z.array(itemReference).readonly(),
    cells: z.array(z.strictObject({ variable: label, value: label, items: z.array(itemReference).readonly() })).readonly(),
  }),
});

export const signature = z.strictObject({
  algorithm: z.literal('ed25519'),
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  value: z.base64(),
});

function envelope<K extends BenchmarkFileKind, P extends z.ZodType>(fileKind: K, payload: P) {
  return z.strictObject({
    format: z.literal(BENCHMARK_FILE_FORMAT),
    version: z.literal(BENCHMARK_FILE_VERSION),
    kind: z.literal(fileKind),
    payload,
    signature,
  });
}

export const contributionFile = envelope('contribution', contributionPayload);
export const referenceFile = envelope('reference', referencePayload);

export type ContributionPayload = z.infer<typeof contributionPayload>;
export type ReferencePayload = z.infer<typeof referencePayload>;
export type BenchmarkIdentity = z.infer<typeof benchmarkIdentity>;

/** The JSON Schema of both files, as published in docs/benchmark-file.schema.json. */
export function benchmarkFileJsonSchema(): unknown {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://klantstem.nl/schemas/benchmark-file.schema.json',
    title: 'Klantstem benchmark file (contribution or reference figures)',
    oneOf: [
      { title: 'contribution', ...withoutSchemaKey(z.toJSONSchema(contributionFile)) },
      { title: 'reference', ...withoutSchemaKey(z.toJSONSchema(referenceFile)) },
    ],
  };
}

function withoutSchemaKey(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _, ...rest } = schema;
  return rest;
}
