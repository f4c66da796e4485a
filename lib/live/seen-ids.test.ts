import { describe, expect, it } from 'vitest';
import { trimOldest } from '@/lib/bounded';
import { MAX_AGE_MS, SeenIds } from '@/lib/live/seen-ids';

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

  it('forgets ids after the age limit and gives the memory back, so a quiet room stays small for hours', () => {
    let now = 1_700_000_000_000;
    const seen = new SeenIds(20_000, MAX_AGE_MS, () => now);
    const id = (n: number) => String(7_300_000_000_000_000_000n + BigInt(n));
    // A busy burst: 10,000 ids in a minute.
    for (let n = 0; n < 10_000; n++) {
      expect(seen.add('chat', id(n))).toBe(true);
      if (n % 1000 === 0) now += 6_000;
    }
    const full = seen.bytes;
    expect(seen.add('chat', id(5))).toBe(false);
    // 29 minutes later every id is still known.
    now += 29 * 60_000;
    expect(seen.add('chat', id(9_999))).toBe(false);
    expect(seen.size).toBe(10_000);
    // Past the limit: the burst is forgotten, a late copy passes (storage refuses it), and the memory shrinks.
    now += 2 * 60_000;
    expect(seen.add('chat', id(10_000))).toBe(true);
    expect(seen.size).toBe(1);
    for (let n = 10_001; n < 10_010; n++) seen.add('like', id(n));
    expect(seen.bytes).toBeLessThan(full / 4);
    expect(seen.add('chat', id(3))).toBe(true);
    expect(seen.add('chat', id(10_000))).toBe(false);
    expect(seen.add('like', id(10_005))).toBe(false);
    // A quiet room, one message a second for six hours, keeps about 30 minutes of ids.
    for (let s = 0; s < 6 * 3600; s++) {
      now += 1_000;
      seen.add('chat', id(20_000 + s));
    }
    expect(seen.size).toBeGreaterThanOrEqual(1_800);
    expect(seen.size).toBeLessThanOrEqual(1_802);
    expect(seen.bytes).toBeLessThan(200_000);
  });

  it('keeps odd ids (strings) right across the age limit and a shrink', () => {
    let now = 0;
    const seen = new SeenIds(1_000, 60_000, () => now);
    for (let n = 0; n < 500; n++) seen.add('gift', `x${n}`);
    now += 61_000;
    expect(seen.add('gift', 'x-new')).toBe(true);
    expect(seen.size).toBe(1);
    expect(seen.add('gift', 'x-new')).toBe(false);
    expect(seen.add('gift', 'x1')).toBe(true);
    expect(seen.add('gift', '0042')).toBe(true);
    expect(seen.add('gift', '0042')).toBe(false);
  });
});
