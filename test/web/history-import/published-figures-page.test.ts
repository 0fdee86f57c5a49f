import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../../src/db/tenant-transaction.ts';
import { Client, createTestApp, type TestApp } from '../../support/test-app.ts';

// /history/figures through HTTP: paste, check, correct, import; and who may.

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const rounds = async () => (await withTenant(t.database.db, t.orgA, (tx) => tx.selectFrom('rounds').select(['id', 'name', 'status']).execute()));

async function researcher(): Promise<Client> {
  const client = new Client(t.app);
  await client.signIn('researcher@alfa.nl');
  await client.get('/history/figures');
  return client;
}

describe('adding an earlier round from its report', () => {
  it('shows the form with the questions figures can be given for', async () => {
    const client = await researcher();
    const page = await client.get('/history/figures');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<textarea class="utrecht-textarea utrecht-textarea--html-textarea ks-code" id="figures" name="figures"');
    expect(text(page.body)).toContain('algemeen.cijfer');
    expect(page.body).not.toContain('value="import"');
    expect(text((await client.get('/rounds')).body)).toContain('Oude ronde toevoegen uit een rapport');
  });

  it('reports each wrong line and stores nothing', async () => {
    const client = await researcher();
    const before = (await rounds()).length;
    const answer = await client.post('/history/figures', {
      action: 'import', name: 'KTO 2019', year: '2019', source: '',
      figures: 'item\tn\tmean\tsd\tshare\nalgemeen.cijfer\t300\t6,7\t\t\nbalie.bejegening\t280\t3,9\t\t\nonbekend\t10\t7\t\t\n',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('href="#figures">Regel 3: Deze vraag rapporteren we als aandeel, niet als gemiddelde.');
    expect(answer.body).toContain('href="#figures">Regel 4: &quot;onbekend&quot; is geen rapportcijfer-');
    expect(answer.body).toContain('balie.bejegening\t280\t3,9');
    expect((await rounds()).length).toBe(before);
    const noYear = await client.post('/history/figures', { action: 'check', name: '', year: 'vorig jaar', source: '', figures: '' });
    expect(text(noYear.body)).toContain('Geef de ronde een naam van hoogstens 200 tekens.');
    expect(noYear.body).toContain('href="#year">Vul een jaar in van 1990 tot en met');
  });

  it('shows what it read, then imports it as a closed round', async () => {
    const client = await researcher();
    const form = { name: 'KTO 2019', year: '2019', source: 'Rapport 2019, tabel 4', figures: 'item;n;mean;sd;share\nalgemeen.cijfer;300;6,7;;11%\nbalie.bejegening;280;;;58 %\n' };
    const checked = await client.post('/history/figures', { ...form, action: 'check' });
    expect(checked.statusCode).toBe(200);
    const shown = text(checked.body);
    expect(shown).toContain('Zo leest Klantstem de cijfers: 2 vragen');
    expect(shown).toMatch(/algemeen\.cijfer 300 6,7 — 11 %/);
    expect(shown).toMatch(/balie\.bejegening 280 — — 58 %/);
    expect(shown).toContain('Bij een gemiddelde zonder standaardafwijking kan Klantstem geen betrouwbaarheidsinterval en geen toets geven.');
    expect(checked.body).toContain('value="import">Importeren (2 vragen)');
    expect((await rounds()).some((r) => r.name === 'KTO 2019')).toBe(false);

    const imported = await client.post('/history/figures', { ...form, action: 'import' });
    expect(imported.statusCode).toBe(303);
    const location = String(imported.headers.location);
    expect(location).toMatch(/^\/rounds\/[0-9a-f-]{36}\?done=figures$/);
    expect(text((await client.get(location)).body)).toContain('De oude ronde is toegevoegd met de cijfers uit het rapport.');
    expect((await rounds()).filter((r) => r.name === 'KTO 2019').map((r) => r.status)).toEqual(['closed']);
  });

  it('is for researchers and administrators only', async () => {
    const viewer = new Client(t.app);
    await viewer.signIn('viewer@alfa.nl');
    expect((await viewer.get('/history/figures')).statusCode).toBe(403);
    expect(text((await viewer.get('/rounds')).body)).not.toContain('Oude ronde toevoegen uit een rapport');
  });
});
