import type { Kysely } from 'kysely';
import { insertFocusPoint, insertMeasure, insertPlan, setPlanPublished } from '../../db/improvement-plan-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import type { MeasureStatus } from '../../domain/plan/measure-status.ts';
import { demoRoundId } from './demo-organisations.ts';
import { seededUuid } from './seeded-random.ts';

// Voorbeeldstad's improvement plan on its 2024 round: telephone reachability and waiting time
// at the desk, the two items the demo data move between 2024 and 2025, so the 2025 round shows
// an effect. Fixed ids and dates: the same rows every time. Two measures are past their target
// date and not done, so "Te laat" shows too.

interface DemoMeasure {
  readonly description: string;
  readonly owner: string;
  readonly targetDate: string;
  readonly status: MeasureStatus;
  readonly note?: string;
}

const FOCUS_POINTS: readonly { title: string; description: string; itemKeys: string[]; measures: DemoMeasure[] }[] = [
  {
    title: 'Telefonische bereikbaarheid',
    description: 'Klanten komen moeilijk door en worden niet altijd teruggebeld. Dat kwam in 2024 ook vaak terug bij de verbeterpunten.',
    itemKeys: ['telefoon.bereikbaarheid', 'telefoon.terugbellen', 'eerste_contact.cijfer'],
    measures: [
      { description: 'Terugbelafspraak: binnen één werkdag terugbellen', owner: 'Teamleider Klantcontact', targetDate: '2024-09-01', status: 'done' },
      { description: 'Extra bezetting van de telefoon in de ochtend', owner: 'Afdeling Klantcontact', targetDate: '2024-12-31', status: 'done' },
      { description: 'Keuzemenu van de telefoon korter en in eenvoudige taal', owner: 'Afdeling Klantcontact', targetDate: '2025-06-30', status: 'in_progress', note: 'Wacht op de nieuwe telefooncentrale.' },
    ],
  },
  {
    title: 'Wachttijd aan de balie',
    description: 'Klanten wachten lang aan de balie, vooral op maandag.',
    itemKeys: ['balie.wachttijd', 'eerste_contact.openingstijden'],
    measures: [
      { description: 'Werken op afspraak aan de balie', owner: 'Teamleider Publiekszaken', targetDate: '2025-01-31', status: 'done' },
      { description: 'Scherm met de verwachte wachttijd in de hal', owner: 'Facilitaire zaken', targetDate: '2026-03-31', status: 'planned' },
      { description: 'Inloopspreekuur op dinsdagavond', owner: 'Teamleider Publiekszaken', targetDate: '2025-03-31', status: 'dropped', note: 'Te weinig bezoekers in de proefperiode.' },
    ],
  },
];

export async function seedDemoPlan(db: Kysely<DB>, organisationId: string, slug: string): Promise<void> {
  const planId = seededUuid('plan', slug, 2024);
  await withTenant(db, organisationId, async (tx) => {
    await insertPlan(tx, organisationId, { id: planId, baselineRoundId: demoRoundId(slug, 2024), title: 'Plan van aanpak 2024–2025', createdBy: null });
    await setPlanPublished(tx, organisationId, planId, true);
    for (const [index, point] of FOCUS_POINTS.entries()) {
      const focusPointId = seededUuid('focus-point', slug, 2024, index);
      await insertFocusPoint(tx, organisationId, planId, focusPointId, point);
      for (const [m, measure] of point.measures.entries()) {
        await insertMeasure(tx, organisationId, focusPointId, seededUuid('measure', slug, 2024, index, m), { ...measure, note: measure.note ?? '' });
      }
    }
  });
}
