// A slice of TikTok's gift catalogue, for the emoji shown when a gift's picture cannot load and for the
// synthetic sessions of the demo and the tests (names and diamond values as shown in the TikTok app in 2025;
// values change from time to time). `streakable` gifts are TikTok's type-1 combo gifts.
export type CatalogGift = { giftId: string; name: string; diamondCount: number; streakable: boolean; emoji: string };

export const GIFT_CATALOG: readonly CatalogGift[] = [
  { giftId: '5655', name: 'Rose', diamondCount: 1, streakable: true, emoji: '🌹' },
  { giftId: '5269', name: 'TikTok', diamondCount: 1, streakable: true, emoji: '🎵' },
  { giftId: '5487', name: 'Finger Heart', diamondCount: 5, streakable: true, emoji: '🫰' },
  { giftId: '5879', name: 'Doughnut', diamondCount: 30, streakable: true, emoji: '🍩' },
  { giftId: '5658', name: 'Perfume', diamondCount: 20, streakable: true, emoji: '🧴' },
  { giftId: '5660', name: 'Hand Hearts', diamondCount: 100, streakable: false, emoji: '🫶' },
  { giftId: '5585', name: 'Confetti', diamondCount: 100, streakable: false, emoji: '🎊' },
  { giftId: '5509', name: 'Sunglasses', diamondCount: 199, streakable: false, emoji: '🕶️' },
  { giftId: '6267', name: 'Corgi', diamondCount: 299, streakable: false, emoji: '🐶' },
  { giftId: '7168', name: 'Money Gun', diamondCount: 500, streakable: false, emoji: '💸' },
  { giftId: '6751', name: 'Galaxy', diamondCount: 1000, streakable: false, emoji: '🌌' },
  { giftId: '6820', name: 'Whale diving', diamondCount: 2150, streakable: false, emoji: '🐋' },
  { giftId: '6369', name: 'Lion', diamondCount: 29999, streakable: false, emoji: '🦁' },
  { giftId: '7934', name: 'TikTok Universe', diamondCount: 44999, streakable: false, emoji: '🪐' },
];

export function giftEmoji(giftId: string, name?: string): string {
  return GIFT_CATALOG.find((g) => g.giftId === giftId || g.name === name)?.emoji ?? '🎁';
}
