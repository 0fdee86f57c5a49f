// The council's advice and the organisation's responses on one round, as one timeline: what
// happened when, oldest first. Events on the same day keep the order they were made in (the
// advice before its responses, points in their order).

export type TimelineEvent<A, R> =
  | { readonly kind: 'advice'; readonly on: string; readonly advice: A }
  | { readonly kind: 'response'; readonly on: string; readonly advice: A; readonly response: R };

export interface TimelineAdvice<R> {
  /** YYYY-MM-DD; drafts (no date) are not on the timeline. */
  readonly sentOn: string | null;
  readonly responses: readonly (R & { readonly respondedOn: string })[];
}

export function adviceTimeline<A extends TimelineAdvice<R>, R>(advices: readonly A[]): TimelineEvent<A, R>[] {
  const events: { event: TimelineEvent<A, R>; order: number }[] = [];
  for (const advice of advices) {
    if (!advice.sentOn) continue;
    events.push({ event: { kind: 'advice', on: advice.sentOn, advice }, order: events.length });
    for (const response of advice.responses) {
      events.push({ event: { kind: 'response', on: response.respondedOn, advice, response }, order: events.length });
    }
  }
  // Dates are ISO text: comparing them as text is comparing them as dates.
  return events.sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : a.order - b.order)).map((e) => e.event);
}
