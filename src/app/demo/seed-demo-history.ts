import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { importPublishedFigures } from '../history-import/import-published-figures.ts';

// Voorbeeldstad's 2023 survey was done by an agency; only its report is left. Its figures were
// typed over, so the trend starts a year before Klantstem. Some marks came with a standard
// deviation (tested), the others without (shown, not tested).

export const DEMO_HISTORY_YEAR = 2023;

const FIGURES = `item;n;mean;sd;share
algemeen.cijfer;286;6,8;1,6;11 %
eerste_contact.cijfer;240;6,9;;
inkomensconsulent.cijfer;198;7,0;1,5;9 %
balie.bejegening;251;;;71 %
balie.wachttijd;244;;;52 %
telefoon.bereikbaarheid;262;;;38 %
telefoon.terugbellen;230;;;41 %
bejegening.respect;270;;;78 %
bejegening.serieus;268;;;66 %
minima.bekend;275;;;58 %
`;

export async function seedDemoHistory(db: Kysely<DB>, organisationId: string): Promise<void> {
  const imported = await importPublishedFigures(db, { organisationId, userId: null }, {
    name: `Klanttevredenheidsonderzoek ${DEMO_HISTORY_YEAR} (rapport bureau)`,
    year: DEMO_HISTORY_YEAR,
    text: FIGURES,
    source: 'Rapport klanttevredenheid 2023, bijlage 2',
  });
  if (!imported.ok) throw new Error(`Demo history figures are wrong: ${JSON.stringify(imported.error)}`);
}
