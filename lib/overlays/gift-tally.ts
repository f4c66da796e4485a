// What the gift-goal bar and the top-gifter card count from the LIVE's gifts (browser-safe, unit-tested).
// Both read the worker's normalised "gift" events: one per single gift and one per finished streak, with
// the streak's final count and a dedupe key that stays the same across the streak. A key seen again (a
// streak closed by timeout, then its real end frame) counts only what it adds, so nothing counts twice.
import type { RealtimeGift, RealtimeUser } from '@/lib/realtime/payloads';

/** Keys remembered per LIVE for de-duplication (a streak's repeat arrives within seconds). */
const SEEN_LIMIT = 500;

type Seen = Record<string, number>;

/** `seen` with `key` set to `value`, the oldest keys dropped past SEEN_LIMIT. */
function remember(seen: Seen, key: string, value: number): Seen {
  const next: Seen = { ...seen, [key]: value };
  const keys = Object.keys(next);
  if (keys.length <= SEEN_LIMIT) return next;
  for (const old of keys.slice(0, keys.length - SEEN_LIMIT)) delete next[old];
  return next;
}

// ---- Goal for one gift ("100 Roses") ----

export type GiftGoalCount = { liveId: string | null; count: number; seen: Seen };

export const giftGoalStart = (liveId: string | null, count = 0): GiftGoalCount => ({ liveId, count, seen: {} });

/** The count after `gift`: only the chosen gift, only the current LIVE (a new LIVE starts from zero). */
export function countGoalGift(state: GiftGoalCount, gift: Pick<RealtimeGift, 'liveId' | 'id' | 'giftId' | 'repeatCount'>, giftId: string): GiftGoalCount {
  if (!giftId || gift.giftId !== giftId) return state;
  const current = gift.liveId === state.liveId ? state : giftGoalStart(gift.liveId);
  const before = current.seen[gift.id] ?? 0;
  const added = Math.max(0, gift.repeatCount - before);
  if (added === 0) return current;
  return { liveId: current.liveId, count: current.count + added, seen: remember(current.seen, gift.id, gift.repeatCount) };
}

// ---- Top gifter of the LIVE ----

export type GifterTotal = { user: RealtimeUser; diamonds: number; /** When the total last grew (ties go to who got there first). */ at: number };
export type GifterBoard = { liveId: string | null; totals: Record<string, GifterTotal>; seen: Seen };

export const gifterBoardStart = (liveId: string | null, totals: readonly GifterTotal[] = []): GifterBoard => ({
  liveId,
  totals: Object.fromEntries(totals.map((t) => [t.user.id, t])),
  seen: {},
});

/** The board after `gift`: the sender's diamonds grow by what the gift adds (its newest name and picture kept). */
export function addGifterGift(board: GifterBoard, gift: Pick<RealtimeGift, 'liveId' | 'id' | 'user' | 'diamonds' | 'at'>): GifterBoard {
  const current = gift.liveId === board.liveId ? board : gifterBoardStart(gift.liveId);
  const before = current.seen[gift.id] ?? 0;
  const added = Math.max(0, gift.diamonds - before);
  if (added === 0) return current;
  const previous = current.totals[gift.user.id];
  const total: GifterTotal = { user: { ...gift.user, avatar: gift.user.avatar ?? previous?.user.avatar ?? null }, diamonds: (previous?.diamonds ?? 0) + added, at: gift.at };
  return { liveId: current.liveId, totals: { ...current.totals, [gift.user.id]: total }, seen: remember(current.seen, gift.id, gift.diamonds) };
}

/** The most diamonds; on a tie, whoever reached that total first. Null before the first gift. */
export function topGifter(board: GifterBoard): GifterTotal | null {
  let best: GifterTotal | null = null;
  for (const entry of Object.values(board.totals)) {
    if (entry.diamonds <= 0) continue;
    if (!best || entry.diamonds > best.diamonds || (entry.diamonds === best.diamonds && entry.at < best.at)) best = entry;
  }
  return best;
}
