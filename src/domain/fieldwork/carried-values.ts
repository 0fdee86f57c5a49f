// Which coarse variables an access code carries to its response. A response with "district:
// Noord, age 65+, WW" could single out the one client who fits, so a combination of carried
// values is carried only when at least minGroup sampled invitees share it; everyone else's
// code carries nothing at all (carrying a part would leak which combinations are rare).

export type CarriedValues = Readonly<Record<string, string>>;

/**
 * For each sampled member, in order, the values to carry: the chosen variables' non-empty
 * values when the whole combination is shared by at least minGroup members, else {}.
 */
export function carriedValues(
  members: readonly Readonly<Record<string, string | null>>[],
  chosen: readonly string[],
  minGroup: number,
): CarriedValues[] {
  if (chosen.length === 0) return members.map(() => ({}));
  const keyOf = (m: Readonly<Record<string, string | null>>): string => chosen.map((v) => m[v] ?? '').join('\u001f');
  const counts = new Map<string, number>();
  for (const m of members) counts.set(keyOf(m), (counts.get(keyOf(m)) ?? 0) + 1);
  return members.map((m) => {
    if ((counts.get(keyOf(m)) ?? 0) < minGroup) return {};
    const out: Record<string, string> = {};
    for (const v of chosen) {
      const value = m[v];
      if (value) out[v] = value;
    }
    return out;
  });
}
