// Reads the gift choices (lib/tiktok/gift-choices.ts) from the gift_types table: bounded by the search
// and the limit, so the answer stays small however many gifts the worker has seen. Gift names and values
// are what TikTok shows every viewer, shared by all workspaces: nothing here is a workspace's own.
import 'server-only';
import type { Db } from '@/lib/db';
import { mergeGiftChoices, type GiftChoice, type GiftChoicesQuery } from '@/lib/tiktok/gift-choices';

export async function listGiftChoices(db: Pick<Db, 'giftType'>, { q, limit }: GiftChoicesQuery): Promise<GiftChoice[]> {
  const search = q.trim();
  const seen = await db.giftType.findMany({
    where: search ? { OR: [{ name: { contains: search, mode: 'insensitive' } }, { giftId: search }] } : {},
    orderBy: [{ diamondCount: 'asc' }, { name: 'asc' }, { giftId: 'asc' }],
    take: limit,
    select: { giftId: true, name: true, diamondCount: true, imageUrl: true },
  });
  return mergeGiftChoices(seen, search, limit);
}
