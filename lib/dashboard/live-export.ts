// CSV exports of one live's gifts and chat, in time order. Rows are read in batches by keyset pagination
// over (created_at, id), so a live of any size is never held in memory and each batch is one index range
// scan. Rows written after the export starts (ids above the live's largest when it started) are left out,
// which keeps the file a consistent snapshot of what existed when it was asked for.
// Callers check first that the user manages the live.
import 'server-only';
import { formatCsvRow } from '@/lib/dashboard/csv';
import type { Db } from '@/lib/db';
import { eventWindowStart, liveEventWindow, type LiveRef } from '@/lib/live/event-window';
import { Prisma } from '@/lib/generated/prisma/client';

export const EXPORT_BATCH_SIZE = 2000;

export const GIFT_CSV_HEADER = ['time_utc', 'gift', 'gift_id', 'repeat_count', 'diamonds_each', 'diamonds', 'streak', 'streak_end_missing', 'viewer_handle', 'viewer_nickname', 'viewer_tiktok_id'] as const;
export const CHAT_CSV_HEADER = ['time_utc', 'viewer_handle', 'viewer_nickname', 'viewer_tiktok_id', 'message'] as const;

type ExportOptions = { batchSize?: number };

type GiftExportRow = {
  id: bigint;
  created_at: Date;
  gift_name: string;
  gift_id: string;
  repeat_count: number;
  diamond_count: number;
  diamonds: number;
  streakable: boolean;
  timeout_closed: boolean;
  handle: string | null;
  nickname: string | null;
  tiktok_user_id: string;
};

type ChatExportRow = { id: bigint; created_at: Date; content: string; handle: string | null; nickname: string | null; tiktok_user_id: string | null };

function batchSizeOf(options: ExportOptions): number {
  const size = options.batchSize ?? EXPORT_BATCH_SIZE;
  return Number.isFinite(size) ? Math.min(10_000, Math.max(1, Math.floor(size))) : EXPORT_BATCH_SIZE;
}

type Position = { at: Date; id: bigint };

/**
 * Reads rows in (created_at, id) order after `position`, one batch at a time, until a short batch. Rows
 * are stored in write batches, so id order is not time order (a streak is stored when it ends, chats as
 * a batch is flushed): a file read in id order jumped back and forth in time.
 */
async function* readInTimeOrder<T extends { id: bigint; created_at: Date }>(
  table: 'g' | 'c',
  batchSize: number,
  readBatch: (position: Prisma.Sql, limit: number) => Promise<T[]>,
): AsyncGenerator<T[]> {
  const alias = Prisma.raw(table);
  let after: Position | null = null;
  for (;;) {
    const rows = await readBatch(after ? Prisma.sql`AND (${alias}.created_at, ${alias}.id) > (${after.at}, ${after.id})` : Prisma.empty, batchSize);
    const lastRow = rows[rows.length - 1];
    if (!lastRow) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = { at: lastRow.created_at, id: lastRow.id };
  }
}

/**
 * The live's gifts as CSV chunks: the header, then one chunk per batch, in time order (then id). Read
 * through the (account_id, created_at) index: the account's gifts in the live's time are this live's.
 */
export async function* exportGiftsCsv(db: Db, liveId: bigint, options: ExportOptions = {}): AsyncGenerator<string> {
  yield formatCsvRow(GIFT_CSV_HEADER);
  const live = await db.live.findUnique({ where: { id: liveId }, select: { accountId: true, startedAt: true } });
  if (!live) return;
  // The live's window (lib/live/event-window.ts): only the partitions of its months are read.
  const since = eventWindowStart(live.startedAt);
  const { _max } = await db.gift.aggregate({ where: { liveId, createdAt: { gte: since } }, _max: { id: true } });
  const lastId = _max.id;
  if (lastId === null) return;
  const batches = readInTimeOrder<GiftExportRow>('g', batchSizeOf(options), (position, limit) => db.$queryRaw<GiftExportRow[]>`
    SELECT g.id, g.created_at, g.gift_name, g.gift_id, g.repeat_count, g.diamond_count, g.diamonds, g.streakable, g.timeout_closed,
           v.handle, v.nickname, v.tiktok_user_id
    FROM gifts g JOIN viewers v ON v.id = g.viewer_id
    WHERE g.account_id = ${live.accountId} AND g.live_id = ${liveId} AND g.created_at >= ${since} AND g.id <= ${lastId} ${position}
    ORDER BY g.created_at, g.id
    LIMIT ${limit}`);
  for await (const rows of batches) {
    yield rows
      .map((r) =>
        formatCsvRow([r.created_at.toISOString(), r.gift_name, r.gift_id, r.repeat_count, r.diamond_count, r.diamonds, r.streakable, r.timeout_closed, r.handle, r.nickname, r.tiktok_user_id]),
      )
      .join('');
  }
}

/** The live's chat as CSV chunks: the header, then one chunk per batch, in time order (then id). */
export async function* exportChatsCsv(db: Db, live: LiveRef, options: ExportOptions = {}): AsyncGenerator<string> {
  yield formatCsvRow(CHAT_CSV_HEADER);
  const { id: liveId, since } = await liveEventWindow(db, live);
  if (!since) return;
  const { _max } = await db.chat.aggregate({ where: { liveId, createdAt: { gte: since } }, _max: { id: true } });
  const lastId = _max.id;
  if (lastId === null) return;
  // Served by the (live_id, created_at) index.
  const batches = readInTimeOrder<ChatExportRow>('c', batchSizeOf(options), (position, limit) => db.$queryRaw<ChatExportRow[]>`
    SELECT c.id, c.created_at, c.content, v.handle, v.nickname, v.tiktok_user_id
    FROM chats c LEFT JOIN viewers v ON v.id = c.viewer_id
    WHERE c.live_id = ${liveId} AND c.created_at >= ${since} AND c.id <= ${lastId} ${position}
    ORDER BY c.created_at, c.id
    LIMIT ${limit}`);
  for await (const rows of batches) {
    yield rows.map((r) => formatCsvRow([r.created_at.toISOString(), r.handle, r.nickname, r.tiktok_user_id, r.content])).join('');
  }
}
