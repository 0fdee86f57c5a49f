import { randomBytes, randomUUID } from 'node:crypto';
import { createOrganisation } from './src/app/create-organisation.ts';
import { ensureStandardQuestionnaire } from './src/app/ensure-standard-questionnaire.ts';
import { enterWithCode } from './src/app/respondent/enter-with-code.ts';
import { savePages } from './src/app/respondent/respondent-survey.ts';
import { createRound } from './src/app/round-design.ts';
import { hashAccessCode, newAccessCode } from './src/app/access-code-hash.ts';
import { connect } from './src/db/connect.ts';
import { migrateToLatest } from './src/db/migrate.ts';
import { insertAccessCodes } from './src/db/response-store.ts';
import { setRoundStatus } from './src/db/round-store.ts';
import { withTenant } from './src/db/tenant-transaction.ts';
const database = process.env.PG ? await connect({ databaseUrl: process.env.PG }) : await connect({ memory: true });
await migrateToLatest(database.db);
const standard = await ensureStandardQuestionnaire(database.db);
const org = await createOrganisation(database.db, { slug: `bench-${randomBytes(3).toString('hex')}`, name: 'Gemeente Bench' });
if (!org.ok) throw new Error();
const roundId = randomUUID();
const design = { name: 'Bench', year: 2026, disabledModules: [], ownBlocks: [], targetGroup: '', fieldworkStart: null, fieldworkEnd: null, access: 'codes' as const };
await createRound(database.db, { organisationId: org.value.id, actorId: null, id: roundId, sourceVersionId: standard.id, design });
const codes = Array.from({ length: 200 }, () => newAccessCode());
await withTenant(database.db, org.value.id, async (tx) => { await setRoundStatus(tx, roundId, 'fieldwork'); await insertAccessCodes(tx, org.value.id, roundId, codes.map((c) => ({ id: randomUUID(), codeHash: hashAccessCode(c) }))); });
const tickets = [];
for (const code of codes) { const t = await enterWithCode(database.db, { code, language: 'nl' }); if (!t.ok) throw new Error(); tickets.push(t.value); }
const body = (n: number) => ({ 'balie.bejegening': String(1 + (n % 5)), 'balie.wachttijd': 'na', 'telefoon.bereikbaarheid': '4' });
for (const size of [1, 1, 10, 50, 200]) {
  const t0 = performance.now();
  const rounds = 20;
  for (let r = 0; r < rounds; r++) {
    const out = await savePages(database.db, org.value.id, tickets.slice(0, size).map((ticket, n) => ({ ticket, blockKey: 'contact', body: body(n + r) })));
    if (!out.every((o) => o.ok && o.value.kind === 'saved')) throw new Error(JSON.stringify(out[0]));
  }
  console.log('group', size, ((performance.now() - t0) / rounds).toFixed(2), 'ms per group');
}
await database.close();
