import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBenchmarkKeyPair, keyIdOf, readBenchmarkFile, signBenchmarkFile } from '../../../src/app/benchmark/signed-file.ts';
import { benchmarkFileJsonSchema, type ContributionPayload } from '../../../src/domain/benchmark/benchmark-file.ts';
import { buildContribution } from '../../../src/domain/benchmark/contribution.ts';
import { describeFileRefusal } from '../../../src/domain/benchmark/file-refusal.ts';
import { referenceFigures } from '../../../src/domain/benchmark/reference-figures.ts';
import { DEFAULT_REPORTING_THRESHOLDS } from '../../../src/domain/statistics/reporting-thresholds.ts';
import { countsOf, drawAnswers, scaleItem, seeded } from '../../domain/benchmark/benchmark-fixtures.ts';

const participantKey = generateBenchmarkKeyPair();
const organiserKey = generateBenchmarkKeyPair();
const strangerKey = generateBenchmarkKeyPair();
const benchmark = { name: 'KTO-benchmark sociale diensten', year: 2025, questionnaireVersion: 'standaard-kto 1' };
const items = [scaleItem('algemeen.cijfer', 'mark'), scaleItem('bejegening.respect', 'agree5')];

function contributionOf(seed: number) {
  const random = seeded(seed);
  return buildContribution(items, new Map([
    ['algemeen.cijfer', countsOf(drawAnswers(random, 80, 1, 10, 0.5))],
    ['bejegening.respect', countsOf(drawAnswers(random, 60, 1, 5, 0))],
  ]), [], DEFAULT_REPORTING_THRESHOLDS);
}

function payload(): ContributionPayload {
  return { fileId: randomUUID(), createdOn: '2026-01-15', benchmark, participant: { sizeClass: '50000-100000', region: 'Noord' }, hideBelow: 10, contribution: contributionOf(1) };
}

const registered = new Map([[keyIdOf(participantKey.publicKey), participantKey.publicKey]]);
const read = (text: string, alreadyImported = false) => readBenchmarkFile('contribution', text, { registeredKeys: registered, alreadyImported: () => alreadyImported });
const codeOf = async (text: string, alreadyImported = false) => { const r = await read(text, alreadyImported); return r.ok ? 'ok' : r.error.code; };

describe('signed benchmark files', () => {
  it('reads back what was signed, whatever the indentation or field order on the way', async () => {
    const p = payload();
    const text = signBenchmarkFile('contribution', p, participantKey.privateKey);
    const result = await read(text);
    expect(result).toEqual({ ok: true, value: { payload: p, keyId: keyIdOf(participantKey.publicKey) } });
    const reordered = JSON.parse(text) as Record<string, unknown>;
    const compact = JSON.stringify(Object.fromEntries(Object.entries(reordered).reverse()));
    expect(await codeOf(compact)).toBe('ok');
  });

  it('refuses tampered, unsigned, wrong-version, wrong-kind, foreign-signed and duplicate files', async () => {
    const text = signBenchmarkFile('contribution', payload(), participantKey.privateKey);
    const file = () => JSON.parse(text) as { version: number; kind: string; signature?: unknown; payload: ContributionPayload };
    const tampered = file();
    (tampered.payload.contribution.items['algemeen.cijfer'] as { n: number }).n += 1;
    expect(await codeOf(JSON.stringify(tampered))).toBe('bad-signature');
    const unsigned = file();
    delete unsigned.signature;
    expect(await codeOf(JSON.stringify(unsigned))).toBe('unsigned');
    const newer = file();
    newer.version = 2;
    expect(await codeOf(JSON.stringify(newer))).toBe('wrong-version');
    expect(await codeOf(signBenchmarkFile('contribution', payload(), strangerKey.privateKey))).toBe('unknown-key');
    expect(await codeOf(text, true)).toBe('duplicate');
    expect(await codeOf('{"format":')).toBe('not-json');
    expect(await codeOf('{"hello":"world"}')).toBe('not-a-benchmark-file');
    const asReference = await readBenchmarkFile('reference', text, { registeredKeys: registered, alreadyImported: () => false });
    expect(asReference.ok ? 'ok' : asReference.error.code).toBe('wrong-kind');
  });

  it('refuses a correctly signed file that carries more than aggregates, or counts that do not add up', async () => {
    const withAnswers = { ...payload(), answers: [7, 8, 6] } as unknown as ContributionPayload;
    const refused = await read(signBenchmarkFile('contribution', withAnswers, participantKey.privateKey));
    expect(refused.ok ? 'ok' : refused.error.code).toBe('invalid-content');
    const broken = payload();
    const item = broken.contribution.items['algemeen.cijfer']!;
    (broken.contribution.items as Record<string, unknown>)['algemeen.cijfer'] = { ...item, sum: item.sum + 1 };
    const inconsistent = await read(signBenchmarkFile('contribution', broken, participantKey.privateKey));
    expect(inconsistent.ok ? '' : inconsistent.error.detail).toContain('do not match the counts');
  });

  it('explains a refusal in Dutch and English', async () => {
    const result = await read(signBenchmarkFile('contribution', payload(), strangerKey.privateKey));
    if (result.ok) throw new Error('accepted');
    expect(describeFileRefusal(result.error)).toMatch(/^Het bestand is ondertekend met een sleutel die hier niet is geregistreerd\. \/ The file is signed with a key that is not registered here\. \(key [0-9a-f]{32}\)$/);
  });

  it('carries reference figures to the participant they are for', async () => {
    const participants = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, sizeClass: null, region: null, contribution: contributionOf(i + 1) }));
    const figures = referenceFigures('p0', participants, {}, DEFAULT_REPORTING_THRESHOLDS);
    if (!figures.ok) throw new Error(figures.error.reason);
    const text = signBenchmarkFile('reference', { fileId: randomUUID(), createdOn: '2026-02-01', benchmark, participantKeyId: keyIdOf(participantKey.publicKey), figures: figures.value }, organiserKey.privateKey);
    const organiser = new Map([[keyIdOf(organiserKey.publicKey), organiserKey.publicKey]]);
    const result = await readBenchmarkFile('reference', text, { registeredKeys: organiser, alreadyImported: () => false });
    if (!result.ok) throw new Error(describeFileRefusal(result.error));
    expect(result.value.payload.figures).toEqual(JSON.parse(JSON.stringify(figures.value)));
  });

  it('publishes the JSON Schema of both files as generated from the schemas the reader uses', () => {
    const published = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/benchmark-file.schema.json'), 'utf8')) as unknown;
    expect(published).toEqual(benchmarkFileJsonSchema());
  });
});
