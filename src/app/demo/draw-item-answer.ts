import type { AnswerValue } from '../../domain/questionnaire/answer-value.ts';
import { assertNever, type Item, type Option } from '../../domain/questionnaire/questionnaire.ts';
import type { Respondent } from './draw-respondent.ts';
import { OPEN_ANSWER_TEXTS } from './open-answer-texts.ts';
import type { SeededRandom } from './seeded-random.ts';

// One answer to one item. Evaluative items (marks, agreement) come from a latent score: mostly
// the respondent's overall satisfaction, partly a factor for the module (someone happy with the
// work coach tends to rate all work items higher) and partly noise. The score is mapped through a
// split normal, wider on the unhappy side, because report marks pile up at 7-8 with a long tail
// down to 1. Item means below are for an organisation whose overall mark is 7.0.

export const OVERALL_MARK_KEY = 'algemeen.cijfer';

export interface ItemContext {
  readonly respondent: Respondent;
  /** A stream for this respondent and this item only. */
  readonly random: SeededRandom;
  /** The respondent's factor for the item's module, standard normal. */
  readonly moduleFactor: number;
  /** Organisation level plus this round's change for the item, in latent standard deviations. */
  readonly shift: number;
}

const MARK_MEANS: Readonly<Record<string, number>> = {
  [OVERALL_MARK_KEY]: 7.0,
  'eerste_contact.cijfer': 6.8,
  'intake.cijfer': 7.2,
  'inkomensconsulent.cijfer': 7.3,
  'werk.cijfer': 6.4,
  'minima.cijfer': 6.9,
  'schuldhulp.cijfer': 6.6,
};
const AGREE_MEANS: Readonly<Record<string, number>> = {
  'balie.bejegening': 4.0,
  'balie.wachttijd': 3.5,
  'telefoon.bereikbaarheid': 3.2,
  'telefoon.terugbellen': 3.3,
  'eerste_contact.openingstijden': 3.8,
  'eerste_contact.snel_antwoord': 3.5,
  'eerste_contact.duidelijk_antwoord': 3.7,
  'informatie.brieven': 3.5,
  'informatie.website': 3.4,
  'informatie.online': 3.5,
  'intake.besluit_snel': 3.6,
  'inkomensconsulent.bereikbaar': 3.5,
  'inkomensconsulent.privacy': 4.0,
  'werk.past_situatie': 3.2,
  'werk.wensen': 3.3,
  'werk.begeleiding': 3.4,
  'werk.resultaat': 2.9,
  'bejegening.respect': 4.1,
  'bejegening.persoonlijke_situatie': 3.5,
  'bejegening.vertrouwen': 3.6,
  'minima.aanvraag_makkelijk': 3.4,
  'minima.aanvraag_snel': 3.3,
  'schuldhulp.snel': 3.3,
};
const DEFAULT_AGREE_MEAN = 3.8;
/** Share choosing "niet van toepassing / weet niet", where the item offers it. */
const NOT_APPLICABLE: Readonly<Record<string, number>> = {
  'balie.bejegening': 0.15,
  'balie.wachttijd': 0.15,
  'telefoon.terugbellen': 0.12,
  'informatie.website': 0.14,
  'informatie.online': 0.12,
  'eerste_contact.snel_antwoord': 0.05,
  'eerste_contact.duidelijk_antwoord': 0.05,
  'informatie.brieven': 0.04,
  'werk.resultaat': 0.15,
  'schuldhulp.overzicht': 0.12,
};
const DEFAULT_NOT_APPLICABLE = { mark: 0.04, other: 0.08 };
/** Items left blank although shown. */
const SKIP = 0.015;

const MARK_SD: Spread = { low: 1.45, high: 0.95, tail: 1.2 };
const AGREE_SD: Spread = { low: 1.0, high: 0.75, tail: 0 };

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

interface Spread {
  readonly low: number;
  readonly high: number;
  /** Extra slope below z = -1.5: the few very unhappy clients who give a 1 or 2. */
  readonly tail: number;
}

/** Mean + z scaled by spread.low below and spread.high above the centre, set so the mean holds. */
function splitNormal(mean: number, spread: Spread, z: number): number {
  // For standard normal z: E[z; z > 0] = 1/sqrt(2 pi); E[z + 1.5; z < -1.5] = -0.0293.
  const mode = mean + (spread.low - spread.high) / Math.sqrt(2 * Math.PI) + 0.0293 * spread.tail;
  const tail = z < -1.5 ? spread.tail * (z + 1.5) : 0;
  return mode + (z < 0 ? spread.low : spread.high) * z + tail;
}

function latentScore(item: Item, context: ItemContext): number {
  const noise = context.random.normal();
  const theta = context.respondent.theta;
  // The overall mark is close to overall satisfaction itself; other items share less with it.
  const score = item.key === OVERALL_MARK_KEY
    ? 0.9 * theta + 0.436 * noise
    : 0.65 * theta + 0.4 * context.moduleFactor + 0.646 * noise;
  return score + context.shift;
}

function factOf(item: Item, context: ItemContext): AnswerValue | undefined {
  const fact = context.respondent.facts.get(item.key);
  if (fact?.kind === 'bool' && item.type === 'yesno') return fact;
  if (fact?.kind === 'option' && item.type === 'single' && item.options.some((o) => o.code === fact.code)) return fact;
  return undefined;
}

function openAnswer(item: Item, context: ItemContext): AnswerValue | undefined {
  const { theta, language, channel } = context.respondent;
  const texts = OPEN_ANSWER_TEXTS[language === 'en' ? 'en' : 'nl'];
  const field = item.key.endsWith('pluspunten') ? 'pluspunten' : item.key.endsWith('verbeterpunten') ? 'verbeterpunten' : undefined;
  if (!field) return undefined;
  const base = field === 'pluspunten' ? clamp(0.38 + 0.12 * theta, 0.1, 0.7) : clamp(0.42 - 0.12 * theta, 0.1, 0.7);
  const probability = channel === 'paper' ? base * 0.8 : base;
  return context.random.chance(probability) ? { kind: 'text', value: context.random.pick(texts[field]) } : undefined;
}

function someOptions(options: readonly Option[], maxChoices: number | undefined, random: SeededRandom): AnswerValue {
  const most = Math.max(1, Math.min(options.length, maxChoices ?? 3, 3));
  const count = 1 + random.int(most);
  return { kind: 'options', codes: random.shuffle(options).slice(0, count).map((o) => o.code) };
}

/** The answer this respondent gives, or undefined when they leave the item blank. */
export function drawItemAnswer(item: Item, context: ItemContext): AnswerValue | undefined {
  const { random } = context;
  if (item.type === 'open') return openAnswer(item, context);
  if (random.chance(SKIP)) return undefined;
  const fact = factOf(item, context);
  if (fact) return fact;
  const notApplicable = NOT_APPLICABLE[item.key] ?? (item.type === 'mark' ? DEFAULT_NOT_APPLICABLE.mark : DEFAULT_NOT_APPLICABLE.other);
  if (item.allowNotApplicable && random.chance(notApplicable)) return { kind: 'notApplicable' };
  switch (item.type) {
    case 'mark': {
      const mark = splitNormal(MARK_MEANS[item.key] ?? MARK_MEANS[OVERALL_MARK_KEY]!, MARK_SD, latentScore(item, context));
      return { kind: 'number', value: clamp(Math.round(mark), 1, 10) };
    }
    case 'agree5': {
      const agree = splitNormal(AGREE_MEANS[item.key] ?? DEFAULT_AGREE_MEAN, AGREE_SD, latentScore(item, context));
      return { kind: 'number', value: clamp(Math.round(agree), 1, 5) };
    }
    case 'yesno':
      return { kind: 'bool', value: random.chance(clamp(0.5 + 0.1 * context.respondent.theta, 0.2, 0.8)) };
    case 'single':
      return { kind: 'option', code: random.pick(item.options).code };
    case 'multi':
      return someOptions(item.options, item.maxChoices, random);
    case 'number': {
      const min = item.min ?? 0;
      const max = item.max ?? min + 10;
      const value = min + random.next() * (max - min);
      return { kind: 'number', value: item.integer ? Math.round(value) : Math.round(value * 10) / 10 };
    }
    default:
      return assertNever(item);
  }
}
