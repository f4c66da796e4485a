// How often each gift of the catalogue is sent in synthetic sessions (demo data, benches).
import type { CatalogGift } from '@/lib/tiktok/gift-catalog';

export { GIFT_CATALOG, type CatalogGift } from '@/lib/tiktok/gift-catalog';

/** Relative chance of each gift being sent: cheap gifts dominate, as on real lives. */
export function giftWeight(gift: Pick<CatalogGift, 'diamondCount'>): number {
  if (gift.diamondCount <= 1) return 40;
  if (gift.diamondCount <= 30) return 14;
  if (gift.diamondCount <= 199) return 5;
  if (gift.diamondCount <= 500) return 1.5;
  if (gift.diamondCount <= 2150) return 0.5;
  return 0.02;
}
