// The editor's gift choices: the merge of the gifts the worker has seen with the catalogue.
import { describe, expect, it } from 'vitest';
import { mergeGiftChoices } from '@/lib/tiktok/gift-choices';
import { GIFT_CATALOG } from '@/lib/tiktok/gift-catalog';

const TAG = 'tag';
const SEEN = [
  { giftId: `${TAG}-1`, name: `Zebra ${TAG}`, diamondCount: 3, imageUrl: 'https://p16.example/zebra.webp' },
  { giftId: `${TAG}-2`, name: `Aurora ${TAG}`, diamondCount: 3, imageUrl: null },
  { giftId: `${TAG}-3`, name: `Castle ${TAG}`, diamondCount: 20_000, imageUrl: null },
];

describe('merging seen gifts with the catalogue', () => {
  it('keeps one entry per gift, the seen name and value winning, cheapest first then by name', () => {
    const renamed = { giftId: '5655', name: 'Rose (2026)', diamondCount: 1, imageUrl: 'https://p16.example/rose.webp' };
    const list = mergeGiftChoices([...SEEN, renamed], '', 100);
    expect(list).toHaveLength(GIFT_CATALOG.length + SEEN.length);
    expect(list.filter((g) => g.giftId === '5655')).toEqual([{ ...renamed, emoji: '🌹' }]);
    expect(list.find((g) => g.giftId === SEEN[0]?.giftId)?.emoji).toBe('🎁');
    const values = list.map((g) => g.diamondCount);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const threes = list.filter((g) => g.diamondCount === 3).map((g) => g.name);
    expect(threes).toEqual([`Aurora ${TAG}`, `Zebra ${TAG}`]);
  });

  it('answers a search by name (any case) or by id, and never more than the limit', () => {
    expect(mergeGiftChoices(SEEN, 'rOsE', 100).map((g) => g.giftId)).toEqual(['5655']);
    expect(mergeGiftChoices(SEEN, `${TAG}-3`, 100).map((g) => g.name)).toEqual([`Castle ${TAG}`]);
    expect(mergeGiftChoices(SEEN, '', 5)).toHaveLength(5);
    expect(mergeGiftChoices([], 'no such gift', 100)).toEqual([]);
  });
});
