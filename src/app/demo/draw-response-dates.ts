import type { Channel } from '../../db/schema.ts';
import type { SeededRandom } from './seeded-random.ts';

// When a response came in: most right after the invitation letter, then bumps after the first
// and second reminder, each tailing off over a few days. Paper forms arrive by post and are
// entered on working days. Only dates are kept (never times), as for real responses.

export interface Fieldwork {
  readonly fieldworkStart: string;
  readonly fieldworkEnd: string;
  /** Last date a response may carry; the fieldwork end, or "today" for a round still running. */
  readonly lastResponseOn: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function workingDay(day: number): number {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

export function drawResponseDates(
  random: SeededRandom,
  fieldwork: Fieldwork,
  channel: Channel,
): { startedOn: string; completedOn: string } {
  const start = dayNumber(fieldwork.fieldworkStart);
  const length = dayNumber(fieldwork.fieldworkEnd) - start;
  const last = Math.min(length, dayNumber(fieldwork.lastResponseOn) - start);
  const waves = [
    { day: 0, weight: 0.6 },
    { day: Math.round(length * 0.35), weight: 0.28 },
    { day: Math.round(length * 0.7), weight: 0.12 },
  ].filter((wave) => wave.day <= last);
  let roll = random.next() * waves.reduce((sum, wave) => sum + wave.weight, 0);
  const wave = waves.find((w) => (roll -= w.weight) < 0) ?? waves[0]!;
  let offset = wave.day + Math.floor(-2.5 * Math.log(1 - random.next()));
  if (offset > last) offset = wave.day + random.int(last - wave.day + 1);
  let completed = start + offset;
  if (channel === 'paper') completed = Math.min(start + last, workingDay(completed + 2));
  // Some web respondents stop halfway and finish on a later day with the same code.
  const started = channel === 'web' && random.chance(0.08) ? Math.max(start, completed - 1 - random.int(3)) : completed;
  return { startedOn: isoDate(started), completedOn: isoDate(completed) };
}
