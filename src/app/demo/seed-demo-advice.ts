import type { Kysely } from 'kysely';
import { insertAdvice, insertAdvicePoint, markAdviceSent, saveAdviceResponse } from '../../db/council-advice-store.ts';
import type { Citation } from '../../db/council-schema.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { localize } from '../../domain/questionnaire/questionnaire.ts';
import { roundReport } from '../round-report.ts';
import { DEMO_SLUG, demoOrganisationId, demoRoundId } from './demo-organisations.ts';
import { seededUuid } from './seeded-random.ts';

// The demo's client council sent an advice on Voorbeeldstad's 2025 round, with three points
// that cite its figures, and the organisation responded to each. Fixed ids and dates, so the
// demo is the same every time; the cited figures are read from the seeded report and printed
// as the Dutch report prints them.

const ADVICE_SENT_ON = '2025-06-02';
const RESPONDED_ON = '2025-07-07';

const POINTS = [
  {
    text: 'Verbeter de telefonische bereikbaarheid: leden wachten lang en worden vaak niet teruggebeld. Zorg dat een terugbelverzoek binnen twee werkdagen wordt beantwoord.',
    cite: ['telefoon.bereikbaarheid'],
    response: { decision: 'partly' as const, reasons: 'Vanaf september belt het klantcontactcentrum binnen twee werkdagen terug. Meer telefonisten past niet in de begroting van 2026.' },
  },
  {
    text: 'Houd het rapportcijfer voor de dienstverlening minstens op dit niveau en leg in de volgende ronde uit wat er is veranderd.',
    cite: ['algemeen.cijfer'],
    response: { decision: 'adopted' as const, reasons: 'Het onderzoek van 2025 is de nulmeting; in het rapport van 2026 staat per speerpunt wat er is gedaan.' },
  },
  {
    text: 'Schaf de wachttijd aan de balie af door alleen nog op afspraak te werken.',
    cite: ['balie.wachttijd'],
    response: { decision: 'not_adopted' as const, reasons: 'Niet iedereen kan een afspraak maken; de inloop blijft voor wie zonder afspraak komt. Wel komt er een tweede balie op maandag.' },
  },
];

const number = (value: number, decimals: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);

export async function seedDemoAdvice(db: Kysely<DB>): Promise<void> {
  const organisationId = demoOrganisationId(DEMO_SLUG);
  const roundId = demoRoundId(DEMO_SLUG, 2025);
  const view = await roundReport(db, organisationId, roundId);
  if (!view) return;
  const items = new Map(view.report.modules.flatMap((m) => m.items).map((i) => [i.key, i]));
  const citation = (key: string): Citation[] => {
    const item = items.get(key);
    if (!item?.figure || item.nClass === 'hidden') return [];
    const value = item.figure.kind === 'mean' ? number(item.figure.value, 1) : `${number(100 * item.figure.value, 0)}% ${item.type === 'yesno' ? 'ja' : 'eens'}`;
    return [{ itemKey: key, label: localize(item.text, 'nl'), value: `${value} (n = ${number(item.n, 0)})` }];
  };
  const adviceId = seededUuid('advice', DEMO_SLUG, 2025);
  await withTenant(db, organisationId, async (tx) => {
    await insertAdvice(tx, organisationId, {
      id: adviceId, roundId, createdBy: null,
      title: 'Advies van de cliëntenraad over het klantervaringsonderzoek 2025',
      introduction: 'De cliëntenraad heeft de uitkomsten besproken met twintig leden. Wij zijn blij met het rapportcijfer, maar zien drie punten die beter moeten.',
    });
    for (const [index, point] of POINTS.entries()) {
      const pointId = seededUuid('advice-point', DEMO_SLUG, 2025, index);
      await insertAdvicePoint(tx, organisationId, { id: pointId, adviceId, text: point.text, citations: point.cite.flatMap(citation) });
    }
    await markAdviceSent(tx, organisationId, adviceId, ADVICE_SENT_ON);
    for (const [index, point] of POINTS.entries()) {
      await saveAdviceResponse(tx, organisationId, {
        pointId: seededUuid('advice-point', DEMO_SLUG, 2025, index), ...point.response, respondedBy: null, respondedOn: RESPONDED_ON,
      });
    }
  });
}
