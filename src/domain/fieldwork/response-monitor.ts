// The response monitor's figures, from counts the database gives. Response rate follows the
// rule of the craft: completed responses over delivered invitations (bounces excluded).

export type MonitorChannel = 'web' | 'paper' | 'phone';

export interface MonitorCounts {
  /** Access codes issued (one per sampled invitee, or the demo's codes). */
  readonly codes: number;
  /** Codes whose invitation reached the person (not bounced without another channel). */
  readonly delivered: number;
  readonly lettersSent: number;
  readonly emailsSent: number;
  readonly emailsBounced: number;
  readonly started: Readonly<Record<MonitorChannel, number>>;
  readonly completed: Readonly<Record<MonitorChannel, number>>;
  readonly days: readonly DayCounts[];
  /** Per carried variable (age_band, district, benefit_type): codes delivered and completed per value. */
  readonly carried: Readonly<Record<string, readonly CarriedCounts[]>>;
}

export interface DayCounts {
  readonly date: string;
  readonly started: number;
  readonly completed: number;
  readonly emailsSent: number;
  readonly letters: number;
}

export interface CarriedCounts {
  readonly value: string;
  readonly delivered: number;
  readonly completed: number;
}

export interface CarriedCell {
  readonly value: string;
  /** Undefined when the cell is too small to show. */
  readonly delivered?: number;
  readonly completed?: number;
  readonly rate?: number;
}

export interface ResponseMonitor {
  readonly counts: MonitorCounts;
  readonly startedTotal: number;
  readonly completedTotal: number;
  /** completed / delivered; undefined while nothing is delivered. */
  readonly responseRate?: number;
  /** Days from the first to the last event, with running totals of completed responses. */
  readonly series: readonly (DayCounts & { readonly completedSoFar: number })[];
  readonly carried: Readonly<Record<string, readonly CarriedCell[]>>;
}

const sum = (counts: Readonly<Record<MonitorChannel, number>>): number => counts.web + counts.paper + counts.phone;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Every day between the first and last, zeros filled in, with the running total. */
function dailySeries(days: readonly DayCounts[]): ResponseMonitor['series'] {
  if (days.length === 0) return [];
  const byDate = new Map(days.map((d) => [d.date, d]));
  const sorted = [...byDate.keys()].sort();
  const series: (DayCounts & { completedSoFar: number })[] = [];
  let running = 0;
  for (let date = sorted[0]!; date <= sorted[sorted.length - 1]!; date = addDays(date, 1)) {
    const day = byDate.get(date) ?? { date, started: 0, completed: 0, emailsSent: 0, letters: 0 };
    running += day.completed;
    series.push({ ...day, completedSoFar: running });
  }
  return series;
}

/**
 * Cells of a breakdown under the minimum are hidden, and so is the next smallest cell when only
 * one would be hidden: with the total on the page, a single hidden cell could be computed back.
 */
export function suppressCarried(cells: readonly CarriedCounts[], minimum: number): CarriedCell[] {
  const small = (c: CarriedCounts): boolean => c.completed < minimum || c.delivered < minimum;
  const hidden = new Set(cells.filter(small).map((c) => c.value));
  if (hidden.size === 1 && cells.length > 1) {
    const next = [...cells].filter((c) => !hidden.has(c.value)).sort((a, b) => a.completed - b.completed || a.delivered - b.delivered)[0];
    if (next) hidden.add(next.value);
  }
  return cells.map((c) =>
    hidden.has(c.value)
      ? { value: c.value }
      : { value: c.value, delivered: c.delivered, completed: c.completed, rate: c.completed / c.delivered },
  );
}

export function responseMonitor(counts: MonitorCounts, minimumCell: number): ResponseMonitor {
  const completedTotal = sum(counts.completed);
  return {
    counts,
    startedTotal: sum(counts.started),
    completedTotal,
    ...(counts.delivered > 0 ? { responseRate: completedTotal / counts.delivered } : {}),
    series: dailySeries(counts.days),
    carried: Object.fromEntries(Object.entries(counts.carried).map(([variable, cells]) => [variable, suppressCarried(cells, minimumCell)])),
  };
}
