import { describe, expect, it } from 'vitest';
import { trimOldest } from '@/lib/bounded';

describe('trimOldest', () => {
  it('keeps everything up to an eighth past capacity, then drops the oldest down to capacity', () => {
    const set = new Set<number>();
    for (let i = 0; i < 18; i++) {
      set.add(i);
      trimOldest(set, 16);
    }
    expect([...set]).toEqual([...Array(18).keys()]);
    set.add(18);
    trimOldest(set, 16);
    expect([...set]).toEqual([...Array(16).keys()].map((i) => i + 3));
  });

  it('treats a re-inserted Map key as new', () => {
    const map = new Map<string, number>([['a', 1], ['b', 2], ['c', 3]]);
    map.delete('a');
    map.set('a', 4);
    map.set('d', 5);
    trimOldest(map, 2);
    expect([...map.keys()]).toEqual(['a', 'd']);
  });
});
