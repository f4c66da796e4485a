// The gifts an editor offers to choose from (a gift alert variation, a gift goal): the gifts the worker
// has seen on LIVEs (the gift_types table, with TikTok's current names and values) merged with the
// built-in catalogue (lib/tiktok/gift-catalog.ts, for a new install that has seen none yet). Browser-safe:
// the merge and the query's schema are shared by the route and the editor.
import { z } from 'zod';
import { GIFT_CATALOG, giftEmoji } from '@/lib/tiktok/gift-catalog';

export type GiftChoice = { giftId: string; name: string; diamondCount: number; emoji: string; imageUrl: string | null };

/** A gift as the gift_types table holds it. */
export type SeenGift = { giftId: string; name: string; diamondCount: number; imageUrl: string | null };

/** How many gifts one answer holds at most (TikTok has several hundred; the search narrows them). */
export const MAX_GIFT_CHOICES = 100;
export const DEFAULT_GIFT_CHOICES = 60;

export const giftChoicesQuerySchema = z.object({
  q: z.string().trim().max(60).default(''),
  limit: z.coerce.number().int().min(1).max(MAX_GIFT_CHOICES).default(DEFAULT_GIFT_CHOICES),
});
export type GiftChoicesQuery = z.infer<typeof giftChoicesQuerySchema>;

/** True when `gift` answers the search: its name contains it (any case) or it is the gift's id. */
export function matchesGiftSearch(gift: { giftId: string; name: string }, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return needle === '' || gift.giftId === needle || gift.name.toLowerCase().includes(needle);
}

/**
 * One list of at most `limit` gifts answering `q`: one entry per gift id (what the worker saw wins, being
 * TikTok's current name and value; the catalogue adds the gifts not seen yet), cheapest first, then by name.
 */
export function mergeGiftChoices(seen: readonly SeenGift[], q: string, limit: number): GiftChoice[] {
  const byId = new Map<string, GiftChoice>();
  for (const gift of GIFT_CATALOG) if (matchesGiftSearch(gift, q)) byId.set(gift.giftId, { giftId: gift.giftId, name: gift.name, diamondCount: gift.diamondCount, emoji: gift.emoji, imageUrl: null });
  for (const gift of seen) if (matchesGiftSearch(gift, q)) byId.set(gift.giftId, { ...gift, emoji: giftEmoji(gift.giftId, gift.name) });
  return [...byId.values()].sort((a, b) => a.diamondCount - b.diamondCount || a.name.localeCompare(b.name) || a.giftId.localeCompare(b.giftId)).slice(0, limit);
}
