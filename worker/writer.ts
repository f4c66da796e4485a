// Writes one batch of domain events in one transaction, idempotently: every row has a unique key built
// from TikTok's message ids, and every running total (live, live viewer, gifter rollup) is increased only
// by the rows that were new in this transaction (INSERT … ON CONFLICT … RETURNING). A replayed session,
// a duplicated frame, or a batch retried after a lost COMMIT acknowledgement never counts twice.
//
// Rows are sorted by their keys so concurrent workers lock in the same order. The statements are in
// writer-sql.ts.
import type pg from 'pg';
import type { ChatEvent, FollowEvent, GiftEvent, LikeEvent, LikeTotalEvent, MemberEvent, ShareEvent, ViewerCountEvent, ViewerRef } from '@/lib/live/events';
import { trimOldest } from '@/lib/bounded';
import { ViewerCache } from '@/worker/viewer-cache';
import {
  insertGifts,
  beginAndLockLives,
  updateLives,
  upsertGifterStats,
  upsertGiftTypes,
  upsertLiveViewers,
  upsertViewers,
  writeMessages,
  cmp,
  type ChatRow,
  type GifterIncrement,
  type GiftRow,
  type LikeRow,
  type LiveIncrement,
  type Mode,
  type PresenceRow,
  type SocialRow,
} from '@/worker/writer-sql';
import { messageKey } from '@/lib/live/message-key';

export type StoredEvent = ChatEvent | GiftEvent | LikeEvent | LikeTotalEvent | MemberEvent | FollowEvent | ShareEvent | ViewerCountEvent;
export type QueuedEvent = { liveId: string; accountId: string; event: StoredEvent; queuedAt: number };

const minuteOf = (ms: number) => Math.floor(ms / 60_000) * 60_000;


type LiveAcc = Omit<LiveIncrement, 'liveId'>;

/** A live_viewers row as stored: first seen and follower only ever improve (earlier, true). */
type KnownPresence = { firstSeen: number; follower: boolean };

export class BatchWriter {
  /**
   * Presence rows this writer has committed, keyed `${liveId}:${viewerId}`. A busy room brings most of
   * its viewers back in every batch; a row that would change nothing (no gift, not a new follower, not
   * seen earlier) is not sent again. The database can only be ahead of this memory (another writer's
   * rows are as good or better), so skipping is always a no-op there. Bounded; forgotten rows are sent
   * again, which is harmless.
   */
  private readonly presenceKnown = new Map<string, KnownPresence>();

  constructor(
    private readonly viewers = new ViewerCache(),
    private readonly presenceCapacity = 500_000,
  ) {}

  /** `safe` after a unique violation: another writer stored some of these rows concurrently. */
  async write(client: pg.PoolClient, batch: QueuedEvent[], mode: Mode = 'fast'): Promise<void> {
    try {
      // First, before any other lock: a second writer of the same lives waits here for the first to
      // commit. `since` bounds the event probes to the partitions of the lives' months. BEGIN goes in the
      // same round trip, and COMMIT in the last statement's (writeRows).
      const since = await beginAndLockLives(client, batch.map((q) => q.liveId));
      const { ids, upserted } = await this.resolveViewers(client, batch);
      const presence = await this.writeRows(client, batch, ids, mode, since);
      // Only now are the new viewer ids and presence rows real: a rolled-back batch must not leave them
      // in the caches.
      this.viewers.remember(upserted, ids);
      for (const row of presence) {
        const key = `${row.liveId}:${row.viewerId}`;
        const known = this.presenceKnown.get(key);
        this.presenceKnown.set(key, { firstSeen: Math.min(row.firstSeen, known?.firstSeen ?? Infinity), follower: row.follower || (known?.follower ?? false) });
      }
      trimOldest(this.presenceKnown, this.presenceCapacity);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Upserts viewers we do not know (or whose names changed) and returns TikTok id → our id for all. */
  private async resolveViewers(client: pg.PoolClient, batch: QueuedEvent[]): Promise<{ ids: Map<string, string>; upserted: ViewerRef[] }> {
    const latest = new Map<string, ViewerRef>();
    for (const { event } of batch) {
      if (!('viewer' in event)) continue;
      const seen = latest.get(event.viewer.userId);
      // A real name beats a placeholder, whatever the order.
      if (!seen || !event.viewer.placeholder || seen.placeholder) latest.set(event.viewer.userId, event.viewer);
    }
    const ids = new Map<string, string>();
    const toUpsert: ViewerRef[] = [];
    for (const viewer of latest.values()) {
      const known = this.viewers.lookup(viewer);
      if (known) ids.set(viewer.userId, known);
      else toUpsert.push(viewer);
    }
    if (toUpsert.length === 0) return { ids, upserted: [] };
    for (const [userId, id] of await upsertViewers(client, toUpsert)) ids.set(userId, id);
    return { ids, upserted: toUpsert };
  }

  /** Writes the batch's rows and commits; returns the presence rows it sent (remembered once committed). */
  private async writeRows(client: pg.PoolClient, batch: QueuedEvent[], viewerIds: Map<string, string>, mode: Mode, since: number | undefined): Promise<PresenceRow[]> {
    const viewerId = (v: ViewerRef) => {
      const id = viewerIds.get(v.userId);
      if (!id) throw new Error(`viewer ${v.userId} was not resolved`);
      return id;
    };
    const lives = new Map<string, LiveAcc>();
    const presence = new Map<string, PresenceRow>();
    const gifts = new Map<string, GiftRow>();
    // Keyed by live and message id: a duplicate inside one batch would break the fast inserts.
    const chats = new Map<string, ChatRow>();
    const socials = new Map<string, SocialRow>();
    const joins = new Map<string, { liveId: string; msgId: string }>();
    const likes = new Map<string, LikeRow>();
    const samples = new Map<string, { liveId: string; at: number; viewers: number; totalUsers: number }>();

    for (const { liveId, accountId, event: e } of batch) {
      let live = lives.get(liveId);
      if (!live) {
        live = { diamonds: 0, gifts: 0, superChats: 0, guards: 0, likesTotal: 0, comments: 0, follows: 0, shares: 0, joins: 0, peak: 0, samples: 0, viewerSum: 0, firstAt: e.at, lastAt: e.at, giftsChanged: false };
        lives.set(liveId, live);
      }
      live.firstAt = Math.min(live.firstAt, e.at);
      live.lastAt = Math.max(live.lastAt, e.at);
      if ('viewer' in e) {
        const id = viewerId(e.viewer);
        const key = `${liveId}:${id}`;
        const seen = presence.get(key);
        if (!seen) presence.set(key, { liveId, viewerId: id, diamonds: 0, gifts: 0, follower: e.viewer.isFollower, firstSeen: e.at });
        else {
          seen.follower ||= e.viewer.isFollower;
          seen.firstSeen = Math.min(seen.firstSeen, e.at);
        }
      }
      switch (e.type) {
        case 'gift': {
          // One row per completed gift; a late correction of a timed-out streak may share its key.
          const key = `${liveId}:${e.dedupeKey}`;
          const other = gifts.get(key);
          if (!other || e.repeatCount > other.repeatCount) {
            gifts.set(key, { liveId, accountId, viewerId: viewerId(e.viewer), dedupeKey: e.dedupeKey, msgId: e.msgId, giftId: e.giftId, giftName: e.giftName, diamondCount: e.diamondCount, repeatCount: e.repeatCount, diamonds: e.diamonds, streakable: e.streakable, timeoutClosed: e.timeoutClosed, at: e.at, imageUrl: e.imageUrl, kind: e.kind ?? 'gift' });
          }
          break;
        }
        case 'chat':
          chats.set(`${liveId}:${e.msgId}`, { liveId, accountId, viewerId: viewerId(e.viewer), msgId: e.msgId, content: e.content, at: e.at });
          break;
        case 'follow':
        case 'share':
          socials.set(`${liveId}:${e.msgId}`, { liveId, viewerId: viewerId(e.viewer), msgId: e.msgId, kind: e.type === 'follow' ? 'FOLLOW' : 'SHARE', at: e.at });
          break;
        case 'member': {
          const msgId = messageKey(e.msgId);
          joins.set(`${liveId}:${msgId}`, { liveId, msgId });
          break;
        }
        case 'like': {
          const msgId = messageKey(e.msgId);
          likes.set(`${liveId}:${msgId}`, { liveId, viewerId: viewerId(e.viewer), msgId, minute: minuteOf(e.at), count: e.count });
          live.likesTotal = Math.max(live.likesTotal, e.total);
          break;
        }
        case 'like-total':
          live.likesTotal = Math.max(live.likesTotal, e.total);
          break;
        case 'viewers':
          samples.set(`${liveId}:${e.at}`, { liveId, at: e.at, viewers: e.viewers, totalUsers: e.totalUsers });
          break;
      }
    }

    if (gifts.size > 0) {
      const rows = [...gifts.values()].sort((a, b) => cmp(a.liveId, b.liveId) || cmp(a.dedupeKey, b.dedupeKey));
      // The catalogue holds gifts; a Super Chat or guard purchase is not one.
      await upsertGiftTypes(client, rows.filter((row) => row.kind === 'gift'));
      const rollup = new Map<string, GifterIncrement>();
      for (const row of await insertGifts(client, rows, since)) {
        const delta = row.diamonds - (row.inserted ? 0 : row.old_diamonds);
        const added = row.inserted ? 1 : 0;
        const live = lives.get(row.live_id);
        if (live) {
          live.diamonds += delta;
          // A Super Chat or guard purchase adds its value; it is counted apart from gifts.
          live[row.kind === 'super_chat' ? 'superChats' : row.kind === 'guard' ? 'guards' : 'gifts'] += added;
          live.giftsChanged = true;
        }
        const viewer = presence.get(`${row.live_id}:${row.viewer_id}`);
        if (viewer) {
          viewer.diamonds += delta;
          viewer.gifts += added;
        }
        const key = `${row.account_id}:${row.day}:${row.viewer_id}`;
        const r = rollup.get(key) ?? { accountId: row.account_id, day: row.day, viewerId: row.viewer_id, diamonds: 0, gifts: 0 };
        r.diamonds += delta;
        r.gifts += added;
        rollup.set(key, r);
      }
      if (rollup.size > 0) await upsertGifterStats(client, [...rollup.values()].sort((a, b) => cmp(a.accountId, b.accountId) || cmp(a.day, b.day) || cmp(a.viewerId, b.viewerId)));
    }
    // One statement for these tables (writeMessages). No sort for the likes: their part orders the buckets
    // in SQL before upserting them.
    if (chats.size + joins.size + socials.size + samples.size + likes.size > 0) {
      const counts = await writeMessages(
        client,
        { chats: [...chats.values()], joins: [...joins.values()], socials: [...socials.values()], samples: [...samples.values()], likes: [...likes.values()] },
        mode,
        since,
      );
      for (const { part, live_id, kind, n, sum, peak } of counts) {
        const live = lives.get(live_id);
        if (!live) continue;
        if (part === 'chats') live.comments += n;
        else if (part === 'joins') live.joins += n;
        else if (part === 'socials') live[kind === 'FOLLOW' ? 'follows' : 'shares'] += n;
        else if (part === 'samples') {
          live.samples += n;
          live.viewerSum += Number(sum);
          live.peak = Math.max(live.peak, peak ?? 0);
        }
      }
    }
    const changed = [...presence.entries()]
      .filter(([key, row]) => {
        const known = this.presenceKnown.get(key);
        return !known || row.gifts !== 0 || row.diamonds !== 0 || (row.follower && !known.follower) || row.firstSeen < known.firstSeen;
      })
      .map(([, row]) => row);
    if (changed.length > 0) {
      await upsertLiveViewers(client, changed.sort((a, b) => cmp(a.liveId, b.liveId) || cmp(a.viewerId, b.viewerId)));
    }
    await updateLives(
      client,
      [...lives.entries()].sort(([a], [b]) => cmp(a, b)).map(([liveId, x]) => ({ ...x, liveId })),
      { commit: true },
    );
    return changed;
  }
}
