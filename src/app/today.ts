/** The calendar date in the Netherlands (answers carry a date, never a time). */
export function todayInNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(now);
}
