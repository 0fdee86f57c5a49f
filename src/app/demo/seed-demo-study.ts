import type { Kysely } from 'kysely';
import { passagesOfStudy } from '../../db/qualitative-study-store.ts';
import type { DB } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant-transaction.ts';
import { codePassage, reviewPassage } from '../qualitative/code-passage.ts';
import { addRecommendation } from '../qualitative/manage-recommendation.ts';
import { createStudy } from '../qualitative/manage-study.ts';
import { addConversation } from '../qualitative/record-conversation.ts';
import type { StudyActor } from '../qualitative/study-actor.ts';
import { DEMO_SLUG, demoOrganisationId, demoRoundId } from './demo-organisations.ts';
import { seededUuid } from './seeded-random.ts';

// Voorbeeldstad's qualitative study beside its 2025 survey: eighteen conversations at the
// walk-in hours of the debt help (ten with volunteers, eight with clients), recorded through
// the same use cases the pages call, so every passage is coded, most are reviewed (one with a
// name only as its redaction) and two wait for review, as in a real study half-way through its
// report. Three recommendations: one adopted in a measure of the plan, one adopted in a focus
// point, one not adopted with the organisation's reasons.

type Passage = readonly [text: string, codes: readonly string[], review?: 'approved' | 'excluded' | { redacted: string } | 'none'];
interface DemoConversation { readonly kind: 'client' | 'volunteer'; readonly heldOn: string; readonly passages: readonly Passage[] }

const VOLUNTEER = (heldOn: string, ...passages: Passage[]): DemoConversation => ({ kind: 'volunteer', heldOn, passages });
const CLIENT = (heldOn: string, ...passages: Passage[]): DemoConversation => ({ kind: 'client', heldOn, passages });

const CONVERSATIONS: readonly DemoConversation[] = [
  VOLUNTEER('2025-05-06',
    ['Mensen komen op het spreekuur omdat ze de gemeente telefonisch niet te pakken krijgen. Ze hebben vaak al drie of vier keer gebeld.', ['telephone-reachability']],
    ['Als ze wel iemand spreken, is die vriendelijk, maar er wordt niet teruggebeld wanneer dat beloofd is.', ['friendliness', 'telephone-reachability']]),
  VOLUNTEER('2025-05-06',
    ['Brieven over de uitkering zijn voor veel bezoekers niet te begrijpen. Wij lezen ze voor en leggen uit wat er gevraagd wordt.', ['information-rights', 'bureaucracy']],
    ['Bij de schuldhulp moeten mensen steeds opnieuw dezelfde papieren inleveren.', ['bureaucracy']]),
  VOLUNTEER('2025-05-13',
    ['Er wordt weinig gekeken naar de hele situatie: iemand met schulden, een ziek kind en een nieuwe baan krijgt drie loketten.', ['personal-situation']],
    ['De wachttijd aan de balie is op maandag soms meer dan een uur, en dan staan mensen met kleine kinderen in de hal.', ['waiting-times']]),
  VOLUNTEER('2025-05-13',
    ['Wie een vaste klantmanager heeft, is veel tevredener. Wisselingen betekenen elke keer het hele verhaal opnieuw vertellen.', ['consultant-changes', 'personal-situation']],
    ['Meneer Bakker van het team inkomen belt onze bezoekers altijd netjes terug.', ['friendliness'], { redacted: '[naam] van het team inkomen belt onze bezoekers altijd netjes terug.' }]),
  VOLUNTEER('2025-05-20',
    ['De uitkering komt bijna altijd op tijd, maar een wijziging in het inkomen leidt tot maanden van onzekerheid.', ['punctual-payment', 'waiting-times']],
    ['Bezoekers weten vaak niet dat ze recht hebben op bijzondere bijstand of de kwijtschelding van belastingen.', ['information-rights']]),
  VOLUNTEER('2025-05-20',
    ['Jongeren met schulden durven niet naar de gemeente, uit schaamte. Via ons komen ze toch.', ['respect', 'personal-situation']],
    ['De formulieren online werken niet goed op een telefoon, en veel bezoekers hebben geen computer.', ['bureaucracy']]),
  VOLUNTEER('2025-05-27',
    ['Klantmanagers nemen de tijd als mensen eenmaal op gesprek zijn; het probleem is het binnenkomen.', ['friendliness', 'telephone-reachability']],
    ['Mensen zeggen dat ze zich als nummer behandeld voelen wanneer een aanvraag zonder uitleg wordt afgewezen.', ['respect', 'information-rights']]),
  VOLUNTEER('2025-05-27',
    ['Bij vragen over werk krijgen mensen te horen dat ze moeten solliciteren, maar geen hulp bij het schrijven van een brief.', ['work-guidance']],
    ['Eén vast telefoonnummer voor de schuldhulp met een terugbelafspraak zou veel schelen.', ['telephone-reachability']]),
  VOLUNTEER('2025-06-03',
    ['De deskundigheid van de schuldhulpverleners wordt geprezen; ze weten precies wat er met de schuldeisers moet.', ['expertise']],
    ['Er zit te veel tijd tussen de aanmelding en het eerste gesprek, soms acht weken.', ['waiting-times'], 'none']),
  VOLUNTEER('2025-06-03',
    ['Bezoekers met weinig Nederlands nemen een kind mee om te tolken. Dat vinden wij geen goede oplossing.', ['information-rights', 'respect']],
    ['Als de gemeente zelf langs zou komen op het spreekuur, scheelt dat veel telefoontjes.', ['telephone-reachability', 'personal-situation']]),
  CLIENT('2025-05-08',
    ['Ik belde vier keer en kreeg elke keer te horen dat ik teruggebeld zou worden. Dat gebeurde niet.', ['telephone-reachability']],
    ['Toen ik eindelijk iemand sprak, was het geregeld binnen een week. Dat was fijn.', ['friendliness', 'expertise']]),
  CLIENT('2025-05-08',
    ['Ik heb in twee jaar vijf verschillende klantmanagers gehad. Elke keer moest ik mijn verhaal opnieuw doen.', ['consultant-changes']],
    ['Mijn huidige klantmanager kijkt wel naar mijn gezondheid en niet alleen naar de regels.', ['personal-situation', 'friendliness']]),
  CLIENT('2025-05-15',
    ['De brief over de terugvordering snapte ik niet. Ik dacht dat ik iets verkeerd had gedaan, maar het was een fout van de gemeente.', ['information-rights', 'bureaucracy']],
    ['Ik ben blij dat het geld elke maand op tijd komt; daar kan ik op rekenen.', ['punctual-payment']]),
  CLIENT('2025-05-15',
    ['Aan de balie moest ik anderhalf uur wachten met mijn zoontje. Er was geen plek om te zitten.', ['waiting-times']],
    ['De medewerker aan de balie was wel heel aardig en heeft het meteen opgelost.', ['friendliness']]),
  CLIENT('2025-05-22',
    ['Ik wil graag werken, maar de begeleiding naar werk bestaat uit een lijst met vacatures per e-mail.', ['work-guidance']],
    ['Niemand heeft gevraagd wat ik kan of wat ik wil. Dat voelt niet serieus.', ['respect', 'personal-situation']]),
  CLIENT('2025-05-22',
    ['Door de schuldhulp heb ik weer rust. Ze wisten precies wat ze moesten doen.', ['expertise']],
    ['Ik moest wel drie keer dezelfde bankafschriften sturen omdat ze zoek raakten.', ['bureaucracy']]),
  CLIENT('2025-05-29',
    ['Bij de gemeente voel ik me niet altijd welkom. Je merkt dat ze denken dat je fraudeert.', ['respect']],
    ['Als ik bel over mijn aanvraag, weet niemand hoe ver het is.', ['telephone-reachability', 'waiting-times'], 'none']),
  CLIENT('2025-05-29',
    ['Mijn klantmanager heeft me geholpen met een cursus en nu werk ik twintig uur per week.', ['work-guidance', 'friendliness']],
    ['Ik zou willen dat je online kunt zien hoe ver je aanvraag is.', ['information-rights', 'waiting-times']]),
];

const RECOMMENDATIONS = [
  {
    text: 'Bel binnen één werkdag terug wanneer dat is beloofd, en geef de schuldhulp één vast telefoonnummer.',
    codes: ['telephone-reachability'], status: 'adopted', plan: { kind: 'measure' as const, focus: 0, measure: 0 }, response: '',
  },
  {
    text: 'Zorg dat wie op maandag aan de balie wacht kan zitten, en werk op afspraak voor wie dat kan.',
    codes: ['waiting-times'], status: 'adopted', plan: { kind: 'focus' as const, focus: 1 }, response: '',
  },
  {
    text: 'Geef elk huishouden met schulden één vaste klantmanager voor inkomen, werk en schulden samen.',
    codes: ['consultant-changes', 'personal-situation'], status: 'not-adopted', plan: undefined,
    response: 'Inkomen en schuldhulp zijn aparte teams met eigen wettelijke taken. Wel krijgt elk huishouden vanaf 2026 één contactpersoon die de andere teams erbij haalt.',
  },
] as const;

export const DEMO_STUDY_TITLE = 'Gesprekken op het spreekuur schuldhulp';

function planLink(plan: (typeof RECOMMENDATIONS)[number]['plan']): string {
  if (!plan) return '';
  return plan.kind === 'measure'
    ? `measure:${seededUuid('measure', DEMO_SLUG, 2024, plan.focus, plan.measure)}`
    : `focus:${seededUuid('focus-point', DEMO_SLUG, 2024, plan.focus)}`;
}

function check<T>(result: { ok: true; value: T } | { ok: false; error: unknown }, step: string): T {
  if (!result.ok) throw new Error(`The demo study could not be seeded (${step}): ${JSON.stringify(result.error)}`);
  return result.value;
}

export async function seedDemoStudy(db: Kysely<DB>, researcherId: string): Promise<void> {
  const actor: StudyActor = { organisationId: demoOrganisationId(DEMO_SLUG), userId: researcherId, role: 'researcher' };
  const volunteers = CONVERSATIONS.filter((c) => c.kind === 'volunteer').length;
  const studyId = check(await createStudy(db, actor, {
    kind: 'interviews', title: DEMO_STUDY_TITLE,
    purpose: 'Horen wat mensen met schulden en een laag inkomen meemaken bij de gemeente, en waarom zij de enquête vaak niet invullen.',
    recruitment: 'Vrijwilligers van het spreekuur schuldhulp in de bibliotheek vroegen bezoekers mee te doen; de vrijwilligers zelf vertelden wat zij zien.',
    periodFrom: CONVERSATIONS[0]!.heldOn, periodTo: CONVERSATIONS.at(-1)!.heldOn,
    participants: { volunteer: String(volunteers), client: String(CONVERSATIONS.length - volunteers) },
    roundId: demoRoundId(DEMO_SLUG, 2025), onPublicPage: true,
  }), 'study');
  const planned: Passage[] = [];
  for (const conversation of CONVERSATIONS) {
    check(await addConversation(db, actor, studyId, {
      participantKind: conversation.kind, people: '1', heldOn: conversation.heldOn, summary: conversation.passages.map(([text]) => text).join('\n\n'),
    }), 'conversation');
    planned.push(...conversation.passages);
  }
  const passages = await withTenant(db, actor.organisationId, (tx) => passagesOfStudy(tx, actor.organisationId, studyId));
  const byText = new Map(passages.map((p) => [p.text, p.id]));
  for (const [text, codes, review = 'approved'] of planned) {
    const passageId = byText.get(text)!;
    check(await codePassage(db, actor, studyId, passageId, codes), 'coding');
    if (review === 'none') continue;
    const redacted = typeof review === 'object';
    check(await reviewPassage(db, actor, studyId, passageId, redacted ? 'redacted' : review, redacted ? review.redacted : ''), 'review');
  }
  for (const recommendation of RECOMMENDATIONS) {
    check(await addRecommendation(db, actor, studyId, {
      text: recommendation.text, codes: recommendation.codes, status: recommendation.status, response: recommendation.response, planLink: planLink(recommendation.plan),
    }), 'recommendation');
  }
}
