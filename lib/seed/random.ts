// A small seeded PRNG (mulberry32) so demo data and synthetic sessions are the same on every run.
export type Random = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly T[], weight: (item: T, index: number) => number): T;
  chance(p: number): boolean;
  digits(count: number): string;
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T,>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  };
  return {
    next,
    int,
    pick,
    weighted(items, weight) {
      const weights = items.map((item, i) => Math.max(0, weight(item, i)));
      let roll = next() * weights.reduce((a, b) => a + b, 0);
      for (let i = 0; i < items.length; i++) {
        roll -= weights[i] ?? 0;
        if (roll <= 0) return items[i] as (typeof items)[number];
      }
      return pick(items);
    },
    chance: (p) => next() < p,
    digits: (count) => Array.from({ length: count }, () => String(int(0, 9))).join(''),
  };
}
