import type { Channel } from '../../db/schema.ts';
import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import type { SeededRandom } from './seeded-random.ts';

// Who answered: background and situation drawn with plausible dependencies between them (new
// clients had an intake, older clients answer on paper, work trajectories for under-55s). The
// latent satisfaction theta is given by the caller, which stratifies it over the whole round.

export interface Respondent {
  /** Latent satisfaction, standard normal over the round; drives every evaluative answer. */
  readonly theta: number;
  readonly channel: Channel;
  /** Language the questionnaire was filled in. */
  readonly language: string;
  /** Answers that follow from the person rather than from their satisfaction, by item key. */
  readonly facts: ReadonlyMap<string, AnswerValue>;
}

const AGE = { '18-26': 10, '27-44': 34, '45-54': 25, '55-66': 26, '67plus': 5 };
const HOUSEHOLD = { alleenstaand: 49, alleenstaand_kinderen: 21, samenwonend: 8, samenwonend_kinderen: 12, anders: 10 };
const HOUSEHOLD_YOUNG = { alleenstaand: 62, alleenstaand_kinderen: 18, samenwonend: 6, samenwonend_kinderen: 4, anders: 10 };
const DURATION = { lt1: 15, '1-2': 15, '2-5': 25, '5plus': 40, geen: 5 };
const HOME_LANGUAGE = { nl: 72, ar: 10, tr: 6, pl: 3, ti: 3, anders: 6 };

/** Share with an intake in the last 12 months, by how long they have had a benefit. */
const INTAKE_BY_DURATION: Readonly<Record<keyof typeof DURATION, number>> = {
  lt1: 0.8,
  '1-2': 0.2,
  '2-5': 0.05,
  '5plus': 0.04,
  geen: 0.3,
};

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

const option = (code: string): AnswerValue => ({ kind: 'option', code });
const bool = (value: boolean): AnswerValue => ({ kind: 'bool', value });

export function drawRespondent(random: SeededRandom, theta: number, languages: readonly string[]): Respondent {
  const age = random.weighted(AGE);
  const older = age === '55-66' || age === '67plus';
  const household = random.weighted(age === '18-26' ? HOUSEHOLD_YOUNG : HOUSEHOLD);
  const duration = random.weighted(DURATION);
  const homeLanguage = random.weighted(HOME_LANGUAGE);

  const channelRoll = random.next();
  const channel: Channel = older
    ? channelRoll < 0.04 ? 'phone' : channelRoll < 0.54 ? 'paper' : 'web'
    : channelRoll < 0.01 ? 'phone' : channelRoll < 0.19 ? 'paper' : 'web';
  const prefersEnglish = homeLanguage !== 'nl' && random.chance(channel === 'paper' ? 0.1 : 0.28);
  const language = prefersEnglish && languages.includes('en') ? 'en' : (languages[0] ?? 'nl');

  const intake = random.chance(INTAKE_BY_DURATION[duration]);
  const consultant = random.chance(duration === 'geen' ? 0.35 : 0.72);
  const workChance = age === '67plus' ? 0.02 : age === '55-66' ? 0.15 : duration === 'geen' ? 0.2 : 0.42;
  const work = random.chance(workChance);
  // Debt problems come with lower satisfaction; the link is modest, as in real surveys.
  const debt = random.chance(clamp(0.15 - 0.04 * theta, 0.05, 0.3));
  const knowsMinima = random.chance(0.72);
  const appliedMinima = random.chance(knowsMinima ? 0.42 : 0.08);
  const knowsClientSupport = random.chance(0.36);

  const facts = new Map<string, AnswerValue>([
    ['situatie.intake', bool(intake)],
    ['situatie.inkomensconsulent', bool(consultant)],
    ['situatie.werk', bool(work)],
    ['situatie.schuldhulp', bool(debt)],
    ['minima.bekend', bool(knowsMinima)],
    ['minima.aangevraagd', bool(appliedMinima)],
    ['bejegening.clientondersteuning', bool(knowsClientSupport)],
    ['achtergrond.leeftijd', option(age)],
    ['achtergrond.huishouden', option(household)],
    ['achtergrond.duur_uitkering', option(duration)],
    ['achtergrond.taal', option(homeLanguage)],
  ]);
  return { theta, channel, language, facts };
}
