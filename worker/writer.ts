// Writes one batch of domain events in one transaction, idempotently: every row has a unique key built
// from TikTok's message ids, and every running total (live, live viewer, gifter rollup) is increased
// only by the rows that were new in this transaction (INSERT … ON CONFLICT … RETURNING). A replayed
// session, a duplicated frame, or a batch retried after a lost COMMIT acknowledgement never counts twice.
//
// Multi-row inserts go through unnest() with one array parameter per column (one round trip per table,
// any batch size). Rows are sorted by their keys so concurrent workers lock in the same order.
import type pg from 'pg';
import type { ChatEvent, FollowEvent, GiftEvent, LikeEvent, MemberEvent, ShareEvent, ViewerCountEvent, ViewerRef } from '@/lib/live/events';
import { ViewerCache } from '@/worker/viewer-cache';

export type StoredEvent = ChatEvent | GiftEvent | LikeEvent | MemberEvent | FollowEvent | ShareEvent | ViewerCountEvent;
export type QueuedEvent = { liveId: string; accountId: string; event: StoredEvent; queuedAt: number };

export type BatchResult = { inserted: Record<'gifts' | 'chats' | 'socials' | 'likes' | 'samples', number>; lives: number };

const iso = (ms: number) => new Date(ms).toISOString();
const minuteOf = (ms: number) => iso(Math.floor(ms / 60_000) * 60_000);
const dayOf = (ms: number) => iso(ms).slice(0, 10);

type Increments = { diamonds: number; gifts: number; likes: number; comments: number; follower: boolean; first: number; last: number };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class BatchWriter {
  constructor(private readonly viewers = new ViewerCache()) {}

  async write(client: pg.PoolClient, batch: QueuedEvent[]): Promise<BatchResult> {
    await client.query('BEGIN');
    try {
      const { ids, upserted } = await this.resolveViewers(client, batch);
      const result = await this.writeRows(client, batch, ids);
      await client.query('COMMIT');
      // Only now are the new viewer ids real: a rolled-back batch must not leave them in the cache.
      this.viewers.remember(upserted, ids);
      return result;
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
    toUpsert.sort((a, b) => cmp(a.userId, b.userId));
    const { rows } = await client.query<{ id: string; tiktok_user_id: string }>(
      `INSERT INTO viewers (tiktok_user_id, handle, nickname, avatar_url, placeholder, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::timestamp(3)[])
       ON CONFLICT (tiktok_user_id) DO UPDATE SET
         handle = CASE WHEN EXCLUDED.placeholder AND NOT viewers.placeholder THEN viewers.handle ELSE EXCLUDED.handle END,
         nickname = CASE WHEN EXCLUDED.placeholder AND NOT viewers.placeholder THEN viewers.nickname ELSE EXCLUDED.nickname END,
         avatar_url = COALESCE(EXCLUDED.avatar_url, viewers.avatar_url),
         placeholder = viewers.placeholder AND EXCLUDED.placeholder,
         updated_at = EXCLUDED.updated_at
       RETURNING id::text, tiktok_user_id`,
      [
        toUpsert.map((v) => v.userId),
        toUpsert.map((v) => v.handle),
        toUpsert.map((v) => v.nickname),
        toUpsert.map((v) => v.avatarUrl),
        toUpsert.map((v) => v.placeholder),
        toUpsert.map(() => iso(Date.now())),
      ],
    );
    for (const row of rows) ids.set(row.tiktok_user_id, row.id);
    return { ids, upserted: toUpsert };
  }

  private async writeRows(client: pg.PoolClient, batch: QueuedEvent[], viewerIds: Map<string, string>): Promise<BatchResult> {
    const viewerId = (v: ViewerRef) => {
      const id = viewerIds.get(v.userId);
      if (!id) throw new Error(`viewer ${v.userId} was not resolved`);
      return id;
    };
    const lives = new Map<string, { accountId: string; diamonds: number; gifts: number; likesTotal: number; comments: number; follows: number; shares: number; joins: number; peak: number; samples: number; viewerSum: number; firstAt: number; lastAt: number; giftsChanged: boolean }>();
    const live = (q: QueuedEvent) => {
      let entry = lives.get(q.liveId);
      if (!entry) {
        entry = { accountId: q.accountId, diamonds: 0, gifts: 0, likesTotal: 0, comments: 0, follows: 0, shares: 0, joins: 0, peak: 0, samples: 0, viewerSum: 0, firstAt: q.event.at, lastAt: 0, giftsChanged: false };
        lives.set(q.liveId, entry);
      }
      entry.firstAt = Math.min(entry.firstAt, q.event.at);
      entry.lastAt = Math.max(entry.lastAt, q.event.at);
      return entry;
    };
    const perViewer = new Map<string, Increments & { liveId: string; viewerId: string }>();
    const touch = (liveId: string, v: ViewerRef, at: number) => {
      const id = viewerId(v);
      const key = `${liveId}:${id}`;
      let entry = perViewer.get(key);
      if (!entry) {
        entry = { liveId, viewerId: id, diamonds: 0, gifts: 0, likes: 0, comments: 0, follower: false, first: at, last: at };
        perViewer.set(key, entry);
      }
      entry.follower ||= v.isFollower;
      entry.first = Math.min(entry.first, at);
      entry.last = Math.max(entry.last, at);
      return entry;
    };

    const gifts = new Map<string, { q: QueuedEvent; e: GiftEvent }>();
    const chats: { q: QueuedEvent; e: ChatEvent }[] = [];
    const socials: { q: QueuedEvent; e: MemberEvent | FollowEvent | ShareEvent }[] = [];
    const likes: { q: QueuedEvent; e: LikeEvent }[] = [];
    const samples = new Map<string, { q: QueuedEvent; e: ViewerCountEvent }>();
    for (const q of batch) {
      const e = q.event;
      live(q);
      if ('viewer' in e) touch(q.liveId, e.viewer, e.at);
      switch (e.type) {
        case 'gift': {
          // One row per completed gift; a late correction of a timed-out streak may share its key.
          const key = `${q.liveId}:${e.dedupeKey}`;
          const other = gifts.get(key);
          if (!other || e.repeatCount > other.e.repeatCount) gifts.set(key, { q, e });
          break;
        }
        case 'chat':
          chats.push({ q, e });
          break;
        case 'member':
        case 'follow':
        case 'share':
          socials.push({ q, e });
          break;
        case 'like':
          likes.push({ q, e });
          live(q).likesTotal = Math.max(live(q).likesTotal, e.total);
          break;
        case 'viewers':
          samples.set(`${q.liveId}:${e.at}`, { q, e });
          break;
      }
    }
    const inserted = { gifts: 0, chats: 0, socials: 0, likes: 0, samples: 0 };

    if (gifts.size > 0) {
      const rows = [...gifts.values()].sort((a, b) => cmp(a.q.liveId, b.q.liveId) || cmp(a.e.dedupeKey, b.e.dedupeKey));
      const types = [...new Map(rows.map(({ e }) => [e.giftId, e])).values()].sort((a, b) => cmp(a.giftId, b.giftId));
      await client.query(
        `INSERT INTO gift_types (gift_id, name, diamond_count, image_url, streakable, updated_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::boolean[], $6::timestamp(3)[])
         ON CONFLICT (gift_id) DO UPDATE SET name = EXCLUDED.name, diamond_count = EXCLUDED.diamond_count,
           image_url = COALESCE(EXCLUDED.image_url, gift_types.image_url), streakable = EXCLUDED.streakable, updated_at = EXCLUDED.updated_at
         WHERE (gift_types.name, gift_types.diamond_count, gift_types.image_url) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.diamond_count, EXCLUDED.image_url)`,
        [types.map((g) => g.giftId), types.map((g) => g.giftName), types.map((g) => g.diamondCount), types.map((g) => g.imageUrl), types.map((g) => g.streakable), types.map(() => iso(Date.now()))],
      );
      // `old` reads the rows as they were before this statement (same snapshot), so a corrected streak
      // adds only its difference.
      const { rows: stored } = await client.query<{ live_id: string; viewer_id: string; account_id: string; diamonds: number; old_diamonds: number; inserted: boolean; created_at: Date }>(
        `WITH input AS (
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::int[], $11::boolean[], $12::boolean[], $13::timestamp(3)[])
             AS t(live_id, account_id, viewer_id, dedupe_key, msg_id, gift_id, gift_name, diamond_count, repeat_count, diamonds, streakable, timeout_closed, created_at)
         ), old AS (
           SELECT g.live_id, g.dedupe_key, g.diamonds FROM gifts g JOIN input i ON g.live_id = i.live_id AND g.dedupe_key = i.dedupe_key
         ), written AS (
           INSERT INTO gifts (live_id, account_id, viewer_id, dedupe_key, msg_id, gift_id, gift_name, diamond_count, repeat_count, diamonds, streakable, timeout_closed, created_at)
           SELECT * FROM input
           ON CONFLICT (live_id, dedupe_key) DO UPDATE SET repeat_count = EXCLUDED.repeat_count, diamonds = EXCLUDED.diamonds,
             msg_id = EXCLUDED.msg_id, timeout_closed = false
           WHERE gifts.timeout_closed AND NOT EXCLUDED.timeout_closed AND EXCLUDED.repeat_count > gifts.repeat_count
           RETURNING live_id, dedupe_key, viewer_id, account_id, diamonds, created_at, (xmax = 0) AS inserted
         )
         SELECT w.live_id::text, w.viewer_id::text, w.account_id, w.diamonds, COALESCE(o.diamonds, 0) AS old_diamonds, w.inserted, w.created_at
         FROM written w LEFT JOIN old o ON o.live_id = w.live_id AND o.dedupe_key = w.dedupe_key`,
        [
          rows.map((r) => r.q.liveId), rows.map((r) => r.q.accountId), rows.map((r) => viewerId(r.e.viewer)), rows.map((r) => r.e.dedupeKey),
          rows.map((r) => r.e.msgId), rows.map((r) => r.e.giftId), rows.map((r) => r.e.giftName), rows.map((r) => r.e.diamondCount),
          rows.map((r) => r.e.repeatCount), rows.map((r) => r.e.diamonds), rows.map((r) => r.e.streakable), rows.map((r) => r.e.timeoutClosed),
          rows.map((r) => iso(r.e.at)),
        ],
      );
      const rollup = new Map<string, { accountId: string; viewerId: string; day: string; diamonds: number; gifts: number }>();
      for (const row of stored) {
        const delta = row.diamonds - (row.inserted ? 0 : row.old_diamonds);
        const entry = lives.get(row.live_id);
        if (entry) {
          entry.diamonds += delta;
          entry.gifts += row.inserted ? 1 : 0;
          entry.giftsChanged = true;
        }
        const viewer = perViewer.get(`${row.live_id}:${row.viewer_id}`);
        if (viewer) {
          viewer.diamonds += delta;
          viewer.gifts += row.inserted ? 1 : 0;
        }
        const day = dayOf(row.created_at.getTime());
        const key = `${row.account_id}:${day}:${row.viewer_id}`;
        const r = rollup.get(key) ?? { accountId: row.account_id, viewerId: row.viewer_id, day, diamonds: 0, gifts: 0 };
        r.diamonds += delta;
        r.gifts += row.inserted ? 1 : 0;
        rollup.set(key, r);
        inserted.gifts += row.inserted ? 1 : 0;
      }
      if (rollup.size > 0) {
        const r = [...rollup.values()].sort((a, b) => cmp(a.accountId, b.accountId) || cmp(a.day, b.day) || cmp(a.viewerId, b.viewerId));
        await client.query(
          `INSERT INTO gifter_stats (account_id, day, viewer_id, diamonds, gifts)
           SELECT * FROM unnest($1::text[], $2::date[], $3::bigint[], $4::bigint[], $5::int[])
           ON CONFLICT (account_id, day, viewer_id) DO UPDATE SET diamonds = gifter_stats.diamonds + EXCLUDED.diamonds, gifts = gifter_stats.gifts + EXCLUDED.gifts`,
          [r.map((x) => x.accountId), r.map((x) => x.day), r.map((x) => x.viewerId), r.map((x) => x.diamonds), r.map((x) => x.gifts)],
        );
      }
    }

    if (chats.length > 0) {
      const { rows } = await client.query<{ live_id: string; viewer_id: string }>(
        `INSERT INTO chats (live_id, account_id, viewer_id, msg_id, content, created_at)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::timestamp(3)[])
         ON CONFLICT (live_id, msg_id) DO NOTHING
         RETURNING live_id::text, viewer_id::text`,
        // Postgres text cannot hold NUL; TikTok never sends it, hostile test input does.
        [chats.map((c) => c.q.liveId), chats.map((c) => c.q.accountId), chats.map((c) => viewerId(c.e.viewer)), chats.map((c) => c.e.msgId), chats.map((c) => c.e.content.replaceAll('\u0000', '')), chats.map((c) => iso(c.e.at))],
      );
      for (const row of rows) {
        const entry = lives.get(row.live_id);
        if (entry) entry.comments++;
        const viewer = perViewer.get(`${row.live_id}:${row.viewer_id}`);
        if (viewer) viewer.comments++;
      }
      inserted.chats = rows.length;
    }

    if (socials.length > 0) {
      const kind = (e: MemberEvent | FollowEvent | ShareEvent) => (e.type === 'member' ? 'JOIN' : e.type === 'follow' ? 'FOLLOW' : 'SHARE');
      const { rows } = await client.query<{ live_id: string; kind: 'JOIN' | 'FOLLOW' | 'SHARE' }>(
        `INSERT INTO social_events (live_id, viewer_id, msg_id, kind, created_at)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::social_kind[], $5::timestamp(3)[])
         ON CONFLICT (live_id, msg_id) DO NOTHING
         RETURNING live_id::text, kind`,
        [socials.map((s) => s.q.liveId), socials.map((s) => viewerId(s.e.viewer)), socials.map((s) => s.e.msgId), socials.map((s) => kind(s.e)), socials.map((s) => iso(s.e.at))],
      );
      for (const row of rows) {
        const entry = lives.get(row.live_id);
        if (!entry) continue;
        if (row.kind === 'JOIN') entry.joins++;
        else if (row.kind === 'FOLLOW') entry.follows++;
        else entry.shares++;
      }
      inserted.socials = rows.length;
    }

    if (likes.length > 0) {
      const { rows } = await client.query<{ live_id: string; msg_id: string }>(
        `INSERT INTO processed_messages (live_id, msg_id) SELECT * FROM unnest($1::bigint[], $2::text[])
         ON CONFLICT DO NOTHING RETURNING live_id::text, msg_id`,
        [likes.map((l) => l.q.liveId), likes.map((l) => l.e.msgId)],
      );
      const fresh = new Set(rows.map((r) => `${r.live_id}:${r.msg_id}`));
      const buckets = new Map<string, { liveId: string; viewerId: string; minute: string; count: number }>();
      for (const { q, e } of likes) {
        if (!fresh.delete(`${q.liveId}:${e.msgId}`)) continue; // also drops a repeat inside this batch
        const id = viewerId(e.viewer);
        const minute = minuteOf(e.at);
        const key = `${q.liveId}:${minute}:${id}`;
        const bucket = buckets.get(key) ?? { liveId: q.liveId, viewerId: id, minute, count: 0 };
        bucket.count += e.count;
        buckets.set(key, bucket);
        const viewer = perViewer.get(`${q.liveId}:${id}`);
        if (viewer) viewer.likes += e.count;
        inserted.likes++;
      }
      if (buckets.size > 0) {
        const b = [...buckets.values()].sort((x, y) => cmp(x.liveId, y.liveId) || cmp(x.minute, y.minute) || cmp(x.viewerId, y.viewerId));
        await client.query(
          `INSERT INTO like_buckets (live_id, minute, viewer_id, count)
           SELECT * FROM unnest($1::bigint[], $2::timestamp(3)[], $3::bigint[], $4::int[])
           ON CONFLICT (live_id, minute, viewer_id) DO UPDATE SET count = like_buckets.count + EXCLUDED.count`,
          [b.map((x) => x.liveId), b.map((x) => x.minute), b.map((x) => x.viewerId), b.map((x) => x.count)],
        );
      }
    }

    if (samples.size > 0) {
      const s = [...samples.values()];
      const { rows } = await client.query<{ live_id: string; viewers: number }>(
        `INSERT INTO viewer_samples (live_id, at, viewers, total_users)
         SELECT * FROM unnest($1::bigint[], $2::timestamp(3)[], $3::int[], $4::int[])
         ON CONFLICT (live_id, at) DO NOTHING RETURNING live_id::text, viewers`,
        [s.map((x) => x.q.liveId), s.map((x) => iso(x.e.at)), s.map((x) => x.e.viewers), s.map((x) => x.e.totalUsers)],
      );
      for (const row of rows) {
        const entry = lives.get(row.live_id);
        if (!entry) continue;
        entry.samples++;
        entry.viewerSum += row.viewers;
        entry.peak = Math.max(entry.peak, row.viewers);
      }
      inserted.samples = rows.length;
    }

    if (perViewer.size > 0) {
      const v = [...perViewer.values()].sort((a, b) => cmp(a.liveId, b.liveId) || cmp(a.viewerId, b.viewerId));
      await client.query(
        `INSERT INTO live_viewers (live_id, viewer_id, diamonds, gifts, likes, comments, is_follower, first_seen_at, last_seen_at)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::int[], $5::bigint[], $6::int[], $7::boolean[], $8::timestamp(3)[], $9::timestamp(3)[])
         ON CONFLICT (live_id, viewer_id) DO UPDATE SET
           diamonds = live_viewers.diamonds + EXCLUDED.diamonds, gifts = live_viewers.gifts + EXCLUDED.gifts,
           likes = live_viewers.likes + EXCLUDED.likes, comments = live_viewers.comments + EXCLUDED.comments,
           is_follower = live_viewers.is_follower OR EXCLUDED.is_follower,
           first_seen_at = LEAST(live_viewers.first_seen_at, EXCLUDED.first_seen_at),
           last_seen_at = GREATEST(live_viewers.last_seen_at, EXCLUDED.last_seen_at)`,
        [v.map((x) => x.liveId), v.map((x) => x.viewerId), v.map((x) => x.diamonds), v.map((x) => x.gifts), v.map((x) => x.likes), v.map((x) => x.comments), v.map((x) => x.follower), v.map((x) => iso(x.first)), v.map((x) => iso(x.last))],
      );
    }

    const l = [...lives.entries()].sort(([a], [b]) => cmp(a, b));
    await client.query(
      `UPDATE lives SET
         diamonds = lives.diamonds + u.diamonds, gifts = lives.gifts + u.gifts, likes = GREATEST(lives.likes, u.likes_total),
         comments = lives.comments + u.comments, follows = lives.follows + u.follows, shares = lives.shares + u.shares, joins = lives.joins + u.joins,
         peak_viewers = GREATEST(lives.peak_viewers, u.peak), viewer_samples = lives.viewer_samples + u.samples, viewer_sum = lives.viewer_sum + u.viewer_sum,
         last_event_at = GREATEST(COALESCE(lives.last_event_at, u.last_at), u.last_at),
         -- A live joined late (or a recording without a start time) starts no later than its first event.
         started_at = LEAST(lives.started_at, u.first_at),
         unique_gifters = CASE WHEN u.gifts_changed THEN (SELECT count(*) FROM live_viewers lv WHERE lv.live_id = lives.id AND lv.gifts > 0) ELSE lives.unique_gifters END
       FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::bigint[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::bigint[], $12::timestamp(3)[], $13::boolean[], $14::timestamp(3)[])
         AS u(live_id, diamonds, gifts, likes_total, comments, follows, shares, joins, peak, samples, viewer_sum, last_at, gifts_changed, first_at)
       WHERE lives.id = u.live_id`,
      [
        l.map(([id]) => id), l.map(([, x]) => x.diamonds), l.map(([, x]) => x.gifts), l.map(([, x]) => x.likesTotal), l.map(([, x]) => x.comments),
        l.map(([, x]) => x.follows), l.map(([, x]) => x.shares), l.map(([, x]) => x.joins), l.map(([, x]) => x.peak), l.map(([, x]) => x.samples),
        l.map(([, x]) => x.viewerSum), l.map(([, x]) => iso(x.lastAt)), l.map(([, x]) => x.giftsChanged), l.map(([, x]) => iso(x.firstAt)),
      ],
    );
    return { inserted, lives: lives.size };
  }
}
