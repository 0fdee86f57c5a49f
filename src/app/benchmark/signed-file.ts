// Signing and reading benchmark files (domain/benchmark/benchmark-file.ts) with Ed25519 from
// node:crypto. The signature covers the canonical JSON of format, version, kind and payload, so
// none of them can be changed unnoticed, and whitespace or field order on the way does not
// matter. A key is known by its id (the first 16 bytes of SHA-256 over the raw public key):
// the reader accepts only keys it has registered, so a correctly signed file from a stranger
// is refused just like a tampered one.

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { z } from 'zod';
import {
  BENCHMARK_FILE_FORMAT, BENCHMARK_FILE_VERSION, contributionFile, referenceFile,
  type BenchmarkFileKind, type ContributionPayload, type ReferencePayload,
} from '../../domain/benchmark/benchmark-file.ts';
import { contributionIssue } from '../../domain/benchmark/contribution.ts';
import type { FileRefusal } from '../../domain/benchmark/file-refusal.ts';
import { canonicalJson } from '../../domain/questionnaire/canonical-json.ts';
import { err, ok, type Result } from '../../domain/result.ts';

export interface KeyPairPem {
  readonly publicKey: string;
  readonly privateKey: string;
}

export function generateBenchmarkKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410): the fixed prefix, then the seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The key pair of a fixed 32-byte seed: the same keys every time (demo data, tests). */
export function benchmarkKeyPairFromSeed(seed: Buffer): KeyPairPem {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed has 32 bytes');
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return {
    publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The id of a public key (PEM); throws on text that is no Ed25519 public key. */
export function keyIdOf(publicKeyPem: string): string {
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  const raw = key.export({ type: 'spki', format: 'der' }).subarray(-32);
  return createHash('sha256').update(raw).digest('hex').slice(0, 32);
}

/** Checks a public key text without throwing (for registration input). */
export function parsePublicKey(pem: string): Result<string, 'invalid-key'> {
  try {
    return ok(keyIdOf(pem));
  } catch {
    return err('invalid-key');
  }
}

type PayloadOf<K extends BenchmarkFileKind> = K extends 'contribution' ? ContributionPayload : ReferencePayload;

/** The signed file as text (indented for people; the signature does not depend on it). */
export function signBenchmarkFile<K extends BenchmarkFileKind>(kind: K, payload: PayloadOf<K>, privateKeyPem: string): string {
  const privateKey = createPrivateKey(privateKeyPem);
  const keyId = keyIdOf(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString());
  const signed = { format: BENCHMARK_FILE_FORMAT, version: BENCHMARK_FILE_VERSION, kind, payload };
  const value = sign(null, Buffer.from(canonicalJson(signed)), privateKey).toString('base64');
  return `${JSON.stringify({ ...signed, signature: { algorithm: 'ed25519', keyId, value } }, null, 2)}\n`;
}

export interface ReadOptions {
  /** Public keys (PEM) by key id, of the parties whose files are accepted. */
  readonly registeredKeys: ReadonlyMap<string, string>;
  /** Whether a file with this id was imported before. */
  readonly alreadyImported: (fileId: string) => boolean | Promise<boolean>;
}

export interface ReadFile<P> {
  readonly payload: P;
  readonly keyId: string;
}

/** Verifies and parses a file; every way it can be wrong is a refusal value. */
export async function readBenchmarkFile<K extends BenchmarkFileKind>(kind: K, text: string, options: ReadOptions): Promise<Result<ReadFile<PayloadOf<K>>, FileRefusal>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return err({ code: 'not-json' });
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as Record<string, unknown>).format !== BENCHMARK_FILE_FORMAT) {
    return err({ code: 'not-a-benchmark-file' });
  }
  const file = parsed as Record<string, unknown>;
  const signatureField = file.signature as Record<string, unknown> | undefined;
  if (typeof signatureField !== 'object' || signatureField === null || typeof signatureField.value !== 'string' || typeof signatureField.keyId !== 'string') {
    return err({ code: 'unsigned' });
  }
  if (file.version !== BENCHMARK_FILE_VERSION) return err({ code: 'wrong-version', detail: `version ${JSON.stringify(file.version)}, expected ${BENCHMARK_FILE_VERSION}` });
  if (file.kind !== kind) return err({ code: 'wrong-kind', detail: `${JSON.stringify(file.kind)}, expected "${kind}"` });
  const publicKey = options.registeredKeys.get(signatureField.keyId);
  if (!publicKey) return err({ code: 'unknown-key', detail: `key ${signatureField.keyId}` });
  if (!verifies(file, signatureField.value, createPublicKey(publicKey))) return err({ code: 'bad-signature' });
  const schema: z.ZodType = kind === 'contribution' ? contributionFile : referenceFile;
  const checked = schema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return err({ code: 'invalid-content', detail: `${issue.path.join('.')}: ${issue.message}` });
  }
  const payload = (checked.data as { payload: PayloadOf<K> }).payload;
  const inconsistent = 'contribution' in payload ? contributionIssue(payload.contribution) : null;
  if (inconsistent) return err({ code: 'invalid-content', detail: inconsistent });
  if (await options.alreadyImported(payload.fileId)) return err({ code: 'duplicate', detail: `file ${payload.fileId}` });
  return ok({ payload, keyId: signatureField.keyId });
}

function verifies(file: Record<string, unknown>, signatureBase64: string, key: KeyObject): boolean {
  const signed = { format: file.format, version: file.version, kind: file.kind, payload: file.payload };
  try {
    return verify(null, Buffer.from(canonicalJson(signed)), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
