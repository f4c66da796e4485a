// "A overtook B": the moment a leaderboard overlay celebrates. Computed in the browser from two
// consecutive boards, so every overlay (and a reloaded one) agrees with what it shows.

export type Overtake = { by: string; over: string; rank: number };

/**
 * The most notable overtake between two rankings (ids best first): a viewer now ranked above someone who
 * was ahead of them before (or who was not on the board at all before). When several happened at once,
 * the one for the best rank wins. Null when nobody moved up past anybody.
 */
export function findOvertake(previous: readonly string[], next: readonly string[]): Overtake | null {
  const before = new Map(previous.map((id, i) => [id, i]));
  for (let i = 0; i < next.length; i++) {
    const climber = next[i];
    if (climber === undefined) continue;
    const was = before.get(climber) ?? Number.POSITIVE_INFINITY;
    for (let j = i + 1; j < next.length; j++) {
      const other = next[j];
      if (other === undefined) continue;
      const otherWas = before.get(other);
      if (otherWas !== undefined && otherWas < was) return { by: climber, over: other, rank: i + 1 };
    }
  }
  return null;
}
