import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { importPublishedFigures } from '../history-import/import-published-figures.ts';
import { importRawResponses } from '../history-import/import-raw-responses.ts';
import { parseRecoding } from '../../domain/history-import/read-response-file.ts';
import { seededRandom } from './seeded-random.ts';

// Voorbeeldstad's history before Klantstem: in 2022 an agency ran the survey and handed over its
// data file (one row per respondent, its own column names and labels), in 2023 only the report
// is left and its figures were typed over. Some 2023 marks came with a standard deviation
// (tested), the others without (shown, not tested). The trend starts in 2022.

export const DEMO_HISTORY_YEAR = 2023;
export const DEMO_RAW_YEAR = 2022;
const RAW_RESPONDENTS = 260;

/** The agency's file: its own headers, Dutch labels for the scales, a client number nobody imports. */
function agencyFile(): string {
  const random = seededRandom('voorbeeldstad', 'agency', DEMO_RAW_YEAR);
  const agree = ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'];
  const scale = (shift: number) => agree[Math.max(0, Math.min(4, Math.round(2.6 + shift + random.normal() * 0.9)))]!;
  const lines = ['Klantnr;Rapportcijfer gemeente;Q12 vriendelijk;Q14 telefonisch bereikbaar;Q31 regelingen bekend'];
  for (let i = 0; i < RAW_RESPONDENTS; i++) {
    const mark = Math.max(1, Math.min(10, Math.round(6.6 + random.normal() * 1.6)));
    const phone = random.chance(0.08) ? 'weet niet' : scale(-0.4);
    lines.push(`K${String(100_000 + random.int(900_000))};${random.chance(0.03) ? '' : mark};${scale(0.8)};${phone};${random.chance(0.55) ? 'Ja' : 'Nee'}`);
  }
  return lines.join('\n');
}

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
  const raw = await importRawResponses(db, { organisationId, userId: null }, {
    name: `Klanttevredenheidsonderzoek ${DEMO_RAW_YEAR} (databestand bureau)`,
    year: DEMO_RAW_YEAR,
    file: { bytes: Buffer.from(agencyFile()) },
    mapping: [
      { column: 1, itemKey: 'algemeen.cijfer', recoding: new Map() },
      { column: 2, itemKey: 'balie.bejegening', recoding: new Map() },
      { column: 3, itemKey: 'telefoon.bereikbaarheid', recoding: parseRecoding('weet niet=nvt').recoding },
      { column: 4, itemKey: 'minima.bekend', recoding: new Map() },
    ],
    channel: 'paper',
  });
  if (!raw.ok) throw new Error(`Demo agency file does not import: ${JSON.stringify(raw.error)}`);
  const imported = await importPublishedFigures(db, { organisationId, userId: null }, {
    name: `Klanttevredenheidsonderzoek ${DEMO_HISTORY_YEAR} (rapport bureau)`,
    year: DEMO_HISTORY_YEAR,
    text: FIGURES,
    source: 'Rapport klanttevredenheid 2023, bijlage 2',
  });
  if (!imported.ok) throw new Error(`Demo history figures are wrong: ${JSON.stringify(imported.error)}`);
}
