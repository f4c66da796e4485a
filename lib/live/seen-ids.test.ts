import { describe, expect, it } from 'vitest';
import { trimOldest } from '@/lib/bounded';
import { SeenIds } from '@/lib/live/seen-ids';

/** What SeenIds did before it stored ids compactly: a Set of `${kind}:${msgId}`, trimmed in bulk. */
class ReferenceSeenIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity: number) {}
  add(kind: string, msgId: string): boolean {
    const key = `${kind}:${msgId}`;
    if (this.ids.has(key)) return false;
    this.ids.add(key);
    trimOldest(this.ids, this.capacity);
    return true;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SeenIds', () => {
  it('drops a repeated id of the same kind and keeps kinds apart', () => {
    const seen = new SeenIds();
    expect(seen.add('chat', '7312345678901234567')).toBe(true);
    expect(seen.add('chat', '7312345678901234567')).toBe(false);
    expect(seen.add('like', '7312345678901234567')).toBe(true);
    expect(seen.add('chat', '7312345678901234568')).toBe(true);
    expect(seen.size).toBe(3);
  });

  it('tells apart ids that only differ in zero padding or form, and the largest 19-digit ids', () => {
    const seen = new SeenIds();
    for (const id of ['7', '007', '70', 'x170000001', '9999999999999999999', '999999999999999999', '1000000000', '100000000', '12345678901234567890']) expect(seen.add('gift', id)).toBe(true);
    for (const id of ['7', '007', '70', 'x170000001', '9999999999999999999', '999999999999999999', '1000000000', '100000000', '12345678901234567890']) expect(seen.add('gift', id)).toBe(false);
  });

  it('remembers and forgets exactly what a Set of kind:id trimmed in bulk did', () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const capacity = 500;
      const seen = new SeenIds(capacity);
      const reference = new ReferenceSeenIds(capacity);
      const kinds = ['chat', 'like', 'member', 'gift'];
      const recent: [string, string][] = [];
      for (let i = 0; i < 20_000; i++) {
        // Mostly new ids, a quarter repeats of a recent one (some already forgotten), a few odd ids.
        let pair: [string, string];
        const roll = next();
        if (roll < 0.25 && recent.length > 0) pair = recent[Math.floor(next() * recent.length)]!;
        else if (roll < 0.3) pair = [kinds[Math.floor(next() * 4)]!, `0${Math.floor(next() * 1000)}`];
        else pair = [kinds[Math.floor(next() * 4)]!, String(7_300_000_000_000_000_000n + BigInt(Math.floor(next() * 2 ** 40)))];
        recent.push(pair);
        if (recent.length > 1500) recent.shift();
        expect(seen.add(...pair), `seed ${seed}, step ${i}`).toBe(reference.add(...pair));
        expect(seen.size).toBe(reference.size);
      }
    }
  });
});
