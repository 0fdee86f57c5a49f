import { sql } from 'kysely';
import { connect } from './src/db/connect.ts';
import { migrateToLatest } from './src/db/migrate.ts';
const database = await connect({ memory: true });
await migrateToLatest(database.db);
const db = database.db;
async function time(name: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await f();
  const t0 = performance.now(); for (let i = 0; i < 50; i++) await f();
  console.log(name, ((performance.now() - t0) / 50).toFixed(2), 'ms');
}
await time('select 1', () => sql`select 1`.execute(db));
await time('tx empty', () => db.transaction().execute(async (tx) => { await sql`select 1`.execute(tx); }));
await time('set_config tx', () => db.transaction().execute(async (tx) => { await sql`select set_config('app.org', '00000000-0000-0000-0000-000000000000', true), set_config('role', 'klantstem_app', true)`.execute(tx); }));
await time('jsonb delete', () => sql`delete from answers a using jsonb_to_recordset(${JSON.stringify([{ r: '00000000-0000-0000-0000-000000000000', k: 'x' }])}::jsonb) as d(r uuid, k text) where a.response_id = d.r and a.item_key = d.k`.execute(db));
await time('plain delete', () => sql`delete from answers where response_id = ${'00000000-0000-0000-0000-000000000000'} and item_key in ('x')`.execute(db));
await time('jsonb update', () => sql`update responses p set revision = p.revision + 1 from jsonb_to_recordset(${JSON.stringify([{ id: '00000000-0000-0000-0000-000000000000', b: null, l: null }])}::jsonb) as n(id uuid, b text, l text) where p.id = n.id returning p.id`.execute(db));
await time('insert+rollback', () => db.transaction().execute(async (tx) => { await sql`select 1`.execute(tx); }));
await database.close();
