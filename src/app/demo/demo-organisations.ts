import type { Role } from '../../db/schema.ts';
import { seededUuid } from './seeded-random.ts';

// What the demo contains. Numbers are chosen to look like published KTO reports: a few hundred
// responses at 22-36 % response, overall marks around 7, the work module clearly lower, and in
// Voorbeeldstad two items that changed between 2024 and 2025 (telephone reachability better,
// waiting at the desk worse) so the comparison screens have something to show.

export const DEMO_PASSWORD = 'klantstem-demo';
export const DEMO_SLUG = 'voorbeeldstad';
export const DEMO_SIGN_IN_EMAIL = 'onderzoeker@voorbeeldstad.nl';
export const DEMO_CURRENT_YEAR = 2026;

export interface DemoUser {
  readonly email: string;
  readonly name: string;
  /** Omitted for the benchmark organiser, who has no membership. */
  readonly role?: Role;
  readonly isBenchmarkOrganiser?: boolean;
}

export interface DemoRound {
  readonly year: number;
  readonly name: string;
  readonly status: 'closed' | 'fieldwork';
  readonly targetGroup: string;
  readonly fieldworkStart: string;
  readonly fieldworkEnd: string;
  /** Last date a response may carry (a round in fieldwork has a "today"). */
  readonly lastResponseOn: string;
  /** Completed responses. */
  readonly responses: number;
  /** Codes in state 'started' (abandoned or unfinished questionnaires). */
  readonly started: number;
  /** Invitations that bounced (delivered = false); never used. */
  readonly bounced: number;
  /** All access codes, bounced ones included. */
  readonly codes: number;
  /** Target mean of algemeen.cijfer; every item moves with it. */
  readonly overallMark: number;
  /** Shifts in latent standard deviations, by item key or by key prefix ending in '.'. */
  readonly shifts: Readonly<Record<string, number>>;
}

export interface DemoOrganisation {
  readonly slug: string;
  readonly name: string;
  readonly inhabitants: number;
  readonly region: string;
  readonly users: readonly DemoUser[];
  readonly rounds: readonly DemoRound[];
}

const BOUNCE_RATE = 0.015;

/** A closed round whose codes give the response rate: completed / delivered. */
function closedRound(
  year: number,
  fieldwork: readonly [string, string],
  responses: number,
  responseRate: number,
  overallMark: number,
  shifts: Readonly<Record<string, number>> = {},
): DemoRound {
  const delivered = Math.round(responses / responseRate);
  const bounced = Math.round(delivered * BOUNCE_RATE);
  return {
    year,
    name: `Klanttevredenheidsonderzoek ${year}`,
    status: 'closed',
    targetGroup: 'Alle klanten met een bijstandsuitkering',
    fieldworkStart: fieldwork[0],
    fieldworkEnd: fieldwork[1],
    lastResponseOn: fieldwork[1],
    responses,
    started: Math.round(delivered * 0.02),
    bounced,
    codes: delivered + bounced,
    overallMark,
    shifts,
  };
}

const researcher = (slug: string): DemoUser => ({
  email: `onderzoeker@${slug}.nl`,
  name: 'Onderzoeker (demo)',
  role: 'researcher',
});

/** Work module lower than elsewhere: Voorbeeldstad's improvement theme. */
const VOORBEELDSTAD_WORK = { 'werk.': -0.35 };

export const DEMO_BENCHMARK_ORGANISER: DemoUser = {
  email: 'benchmark@divosa-demo.nl',
  name: 'Benchmarkorganisator (demo)',
  isBenchmarkOrganiser: true,
};

export const VOORBEELDSTAD: DemoOrganisation = {
  slug: DEMO_SLUG,
  name: 'Gemeente Voorbeeldstad',
  inhabitants: 85_000,
  region: 'Oost',
  users: [
    researcher(DEMO_SLUG),
    { email: 'beheerder@voorbeeldstad.nl', name: 'Beheerder (demo)', role: 'administrator' },
    { email: 'wethouder@voorbeeldstad.nl', name: 'Wethouder (demo)', role: 'viewer' },
    { email: 'clientenraad@voorbeeldstad.nl', name: 'Cliëntenraad (demo)', role: 'council' },
  ],
  rounds: [
    closedRound(2024, ['2024-03-04', '2024-04-12'], 318, 0.27, 6.95, {
      ...VOORBEELDSTAD_WORK,
      'telefoon.bereikbaarheid': -0.2,
      'balie.wachttijd': 0.2,
    }),
    closedRound(2025, ['2025-03-03', '2025-04-11'], 342, 0.27, 7.05, {
      ...VOORBEELDSTAD_WORK,
      'telefoon.bereikbaarheid': 0.2,
      'balie.wachttijd': -0.2,
    }),
    {
      year: DEMO_CURRENT_YEAR,
      name: `Klantervaringsonderzoek ${DEMO_CURRENT_YEAR}`,
      status: 'fieldwork',
      targetGroup: 'Steekproef van 1.200 klanten met een bijstandsuitkering',
      fieldworkStart: '2026-11-02',
      fieldworkEnd: '2026-12-11',
      lastResponseOn: '2026-11-20',
      responses: 180,
      started: 40,
      bounced: 14,
      codes: 1200,
      overallMark: 7.1,
      shifts: { ...VOORBEELDSTAD_WORK, 'telefoon.bereikbaarheid': 0.3, 'balie.wachttijd': -0.2 },
    },
  ],
};

function otherOrganisation(
  slug: string,
  name: string,
  inhabitants: number,
  region: string,
  round: DemoRound,
): DemoOrganisation {
  return { slug, name, inhabitants, region, users: [researcher(slug)], rounds: [round] };
}

/** The reference group for the benchmark: seven more organisations with a closed 2025 round. */
export const OTHER_ORGANISATIONS: readonly DemoOrganisation[] = [
  otherOrganisation('heuvelrand', 'Gemeente Heuvelrand', 42_000, 'Midden',
    closedRound(2025, ['2025-02-03', '2025-03-14'], 164, 0.31, 7.3)),
  otherOrganisation('zeestrand', 'Gemeente Zeestrand', 61_000, 'West',
    closedRound(2025, ['2025-04-07', '2025-05-16'], 236, 0.24, 6.8, { 'informatie.': -0.25 })),
  otherOrganisation('polderwijk', 'Gemeente Polderwijk', 128_000, 'West',
    closedRound(2025, ['2025-09-15', '2025-10-24'], 487, 0.22, 6.7, { 'telefoon.': -0.3 })),
  otherOrganisation('bosdal', 'Gemeente Bosdal', 27_000, 'Zuid',
    closedRound(2025, ['2025-03-10', '2025-04-18'], 124, 0.36, 7.5, { 'balie.': 0.2 })),
  otherOrganisation('maasoever', 'Gemeente Maasoever', 96_000, 'Zuid',
    closedRound(2025, ['2025-05-12', '2025-06-20'], 372, 0.26, 7.0, { 'informatie.online': 0.3 })),
  otherOrganisation('veenhuizen-noord', 'Gemeente Veenhuizen-Noord', 33_000, 'Noord',
    closedRound(2025, ['2025-10-06', '2025-11-14'], 141, 0.33, 7.2, { 'werk.': 0.2 })),
  otherOrganisation('duinstede', 'Gemeente Duinstede', 74_000, 'West',
    closedRound(2025, ['2025-01-13', '2025-02-21'], 298, 0.28, 6.9, { 'schuldhulp.': -0.3 })),
];

/** Fixed ids, so the demo has the same rows (and links) in every database. */
export const demoOrganisationId = (slug: string): string => seededUuid('organisation', slug);
export const demoRoundId = (slug: string, year: number): string => seededUuid('round', slug, year);
