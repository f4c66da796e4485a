// How many accounts each worker should hold, and which ones a worker over its share gives up. Pure, so the
// rule is tested without processes; the supervisor (worker/supervisor.ts) applies it on every cycle.
import { createHash } from 'node:crypto';

/**
 * The fair share: the smallest level s such that the live workers, each holding min(its capacity, s),
 * hold every account — ceil(total ÷ workers) when no worker is capped. A capped worker's remainder is
 * spread over the others. When the capacities together are too small, every worker fills up.
 */
export function shareLevel(total: number, capacities: readonly number[]): number {
  if (capacities.length === 0 || total <= 0) return 0;
  const most = Math.max(...capacities);
  const held = (level: number) => capacities.reduce((sum, capacity) => sum + Math.min(capacity, level), 0);
  if (held(most) <= total) return most;
  let low = Math.ceil(total / capacities.length);
  let high = most;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (held(middle) >= total) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Each live worker's share of `total` accounts, by worker id: min(capacity, level) at the fair level, except
 * that the level usually holds a few accounts more than there are (7 accounts over 3 workers: level 3, 9
 * places). That many of the workers at the level take one fewer, the last ones in id order, so every worker
 * computes the same split and the shares differ by one at most: 3/2/2, not 3/3/1 (which the level alone
 * allowed, leaving the worker that joined last with one account).
 */
export function shareTargets(total: number, workers: readonly { id: string; capacity: number }[]): Map<string, number> {
  const level = shareLevel(total, workers.map((w) => w.capacity));
  const targets = new Map(workers.map((w) => [w.id, Math.min(w.capacity, level)] as const));
  const places = [...targets.values()].reduce((sum, n) => sum + n, 0);
  const atLevel = workers.filter((w) => w.capacity >= level).map((w) => w.id).sort();
  const spare = Math.max(0, places - total);
  for (const id of atLevel.slice(atLevel.length - spare)) targets.set(id, level - 1);
  return targets;
}

/** An account's place in the release order: fixed for the account, the same in every worker. */
function rank(accountId: string): string {
  return createHash('sha1').update(accountId).digest('hex');
}

/**
 * Which `count` of the held accounts to give up: rooms that are not live first (their handover loses
 * nothing), then the highest hash of the account id — deterministic, so a worker does not give up one
 * account on one cycle and a different one on the next.
 */
export function pickReleases(held: readonly { id: string; live: boolean }[], count: number): string[] {
  if (count <= 0) return [];
  return [...held]
    .map((account) => ({ ...account, rank: rank(account.id) }))
    .sort((a, b) => Number(a.live) - Number(b.live) || (a.rank < b.rank ? 1 : a.rank > b.rank ? -1 : 0))
    .slice(0, count)
    .map((account) => account.id);
}
