// A participant exports its contribution: the aggregates of one closed round, signed with its
// private key. The totals come from the stored item statistics and the carried cells from SQL
// aggregates per group; no answer row is loaded.

import { createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { carriedVariablesOf, itemCellsByGroup } from '../../db/breakdown-queries.ts';
import { itemStatisticsOf } from '../../db/item-statistics-store.ts';
import { getOrganisation } from '../../db/organisation-store.ts';
import { getVersionOf } from '../../db/questionnaire-store.ts';
import { getReportSettings } from '../../db/report-settings-store.ts';
import { getRound } from '../../db/round-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant-transaction.ts';
import { buildContribution, isBenchmarkItem, type CarriedGroupCounts } from '../../domain/benchmark/contribution.ts';
import { sizeClassOf } from '../../domain/benchmark/size-class.ts';
import { itemsOf, type Item } from '../../domain/questionnaire/questionnaire.ts';
import type { ItemAnswerCounts } from '../../domain/report/item-figures.ts';
import { countsFromCells } from '../../domain/report/round-counts.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { organisationThresholds } from '../round-report.ts';
import { todayInNetherlands } from '../today.ts';
import { benchmarkOf, type BenchmarkRef } from './set-up-benchmark.ts';
import { keyIdOf, signBenchmarkFile } from './signed-file.ts';

export type ExportContributionRefusal = 'unknown-benchmark' | 'unknown-round' | 'round-not-closed' | 'other-year' | 'key-mismatch';

export interface ExportedFile {
  readonly fileId: string;
  readonly text: string;
}

export async function exportContribution(
  db: Kysely<DB>, organisationId: string,
  input: { readonly benchmark: BenchmarkRef; readonly roundId: string; readonly privateKeyPem: string; readonly today?: string; readonly fileId?: string },
): Promise<Result<ExportedFile, ExportContributionRefusal>> {
  return withTenant(db, organisationId, async (tx) => {
    const benchmark = await benchmarkOf(tx, organisationId, input.benchmark, 'participant');
    if (!benchmark) return err('unknown-benchmark');
    // The organiser verifies with the key registered at joining; another key would be refused there.
    if (!keyMatches(input.privateKeyPem, benchmark.ownPublicKey!)) return err('key-mismatch');
    const round = await getRound(tx, organisationId, input.roundId);
    const version = round && (await getVersionOf(tx, organisationId, round.questionnaireVersionId));
    // A council's own survey asks its own questions of its members, not of clients.
    if (!round || !version || round.ownerKind === 'council') return err('unknown-round');
    if (round.status !== 'closed' && round.status !== 'published') return err('round-not-closed');
    if (round.year !== benchmark.year) return err('other-year');
    const thresholds = organisationThresholds(await getReportSettings(tx, organisationId));
    const items = itemsOf(version.definition).filter(isBenchmarkItem);
    const totals = countsFromCells(await itemStatisticsOf(tx, organisationId, [round.id], items.map((i) => i.key)));
    const groups = await carriedGroups(tx, organisationId, round.id, items);
    const organisation = await getOrganisation(tx, organisationId);
    const payload = {
      fileId: input.fileId ?? randomUUID(),
      createdOn: input.today ?? todayInNetherlands(),
      benchmark: { name: benchmark.name, year: benchmark.year, questionnaireVersion: benchmark.questionnaireVersion },
      participant: {
        sizeClass: organisation?.inhabitants != null ? sizeClassOf(organisation.inhabitants) : null,
        region: organisation?.region ?? null,
      },
      hideBelow: thresholds.hideBelow,
      contribution: buildContribution(items, totals, groups, thresholds),
    };
    return ok({ fileId: payload.fileId, text: signBenchmarkFile('contribution', payload, input.privateKeyPem) });
  });
}

function keyMatches(privateKeyPem: string, publicKeyPem: string): boolean {
  try {
    const derived = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
    return keyIdOf(derived) === keyIdOf(publicKeyPem);
  } catch {
    return false;
  }
}

/** Per carried variable and value, the answer counts of every benchmark item. */
async function carriedGroups(tx: Tx, organisationId: string, roundId: string, items: readonly Item[]): Promise<CarriedGroupCounts[]> {
  const groups = new Map<string, { variable: string; value: string; items: Map<string, ItemAnswerCounts> }>();
  for (const variable of await carriedVariablesOf(tx, organisationId, roundId)) {
    for (const item of items) {
      for (const group of await itemCellsByGroup(tx, organisationId, roundId, item.key, { kind: 'carried', variable })) {
        const key = `${variable}\u001f${group.group}`;
        if (!groups.has(key)) groups.set(key, { variable, value: group.group, items: new Map() });
        const counts = countsFromCells(group.cells, [{ itemKey: item.key, ...group.moments }]).get(item.key);
        if (counts) groups.get(key)!.items.set(item.key, counts);
      }
    }
  }
  return [...groups.values()];
}
