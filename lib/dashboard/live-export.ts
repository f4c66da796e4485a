// CSV exports of one live's gifts and chat, in time order. Rows are read in batches by keyset pagination
// over (created_at, id), so a live of any size is never held in memory and each batch is one index range
// scan. Rows written after the export starts (ids above the live's largest when it started) are left out,
// which keeps the file a consistent snapshot of what existed when it was asked for.
// Callers check first that the user manages the live.
//
// Columns follow the live's platform. TikTok's files are as they always were. A Bilibili live's files name
// their value columns for gold (`gold_each`, `gold`), as TikTok's name diamonds: one live has one unit, so a
// header that names it lets a spreadsheet sum a column and say what the sum is, where a neutral `value`
// column would need a `unit` column repeating one word on every row. They add the paid row's `kind` (gift,
// super_chat, guard: a Super Chat or guard purchase is no gift but its value is in the live's), name the
// viewer by Bilibili's uid (no "@": a uid is no handle) and write ids without our `bilibili:` namespace
// (lib/platforms/ids.ts), as Bilibili shows them. TikTok's streak columns are left out: Bilibili has none.
import 'server-only';
import { formatCsvRow, type CsvCell } from '@/lib/dashboard/csv';
import type { Db } from '@/lib/db';
import { eventWindowStart } from '@/lib/live/event-window';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Platform } from '@/lib/platforms/events';
import { platformLocalId } from '@/lib/platforms/ids';

export const EXPORT_BATCH_SIZE = 2000;

export const GIFT_CSV_HEADER = ['time_utc', 'gift', 'gift_id', 'repeat_count', 'diamonds_each', 'diamonds', 'streak', 'streak_end_missing', 'viewer_handle', 'viewer_nickname', 'viewer_tiktok_id'] as const;
export const CHAT_CSV_HEADER = ['time_utc', 'viewer_handle', 'viewer_nickname', 'viewer_tiktok_id', 'message'] as const;
export const BILIBILI_GIFT_CSV_HEADER = ['time_utc', 'kind', 'gift', 'gift_id', 'repeat_count', 'gold_each', 'gold', 'viewer_uid', 'viewer_nickname'] as const;
export const BILIBILI_CHAT_CSV_HEADER = ['time_utc', 'viewer_uid', 'viewer_nickname', 'message'] as const;

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
  kind: string;
  handle: string | null;
  nickname: string | null;
  tiktok_user_id: string;
};

type ChatExportRow = { id: bigint; created_at: Date; content: string; handle: string | null; nickname: string | null; tiktok_user_id: string | null };

/** A platform's file: its header and the cells of one row. */
type CsvLayout<Row> = { header: readonly string[]; cells: (row: Row) => CsvCell[] };

const uidOf = (viewerId: string | null) => (viewerId === null ? null : platformLocalId(viewerId));

const GIFT_CSV: Readonly<Record<Platform, CsvLayout<GiftExportRow>>> = {
  tiktok: {
    header: GIFT_CSV_HEADER,
    cells: (r) => [r.created_at.toISOString(), r.gift_name, r.gift_id, r.repeat_count, r.diamond_count, r.diamonds, r.streakable, r.timeout_closed, r.handle, r.nickname, r.tiktok_user_id],
  },
  bilibili: {
    header: BILIBILI_GIFT_CSV_HEADER,
    cells: (r) => [r.created_at.toISOString(), r.kind, r.gift_name, platformLocalId(r.gift_id), r.repeat_count, r.diamond_count, r.diamonds, uidOf(r.tiktok_user_id), r.nickname],
  },
};

const CHAT_CSV: Readonly<Record<Platform, CsvLayout<ChatExportRow>>> = {
  tiktok: { header: CHAT_CSV_HEADER, cells: (r) => [r.created_at.toISOString(), r.handle, r.nickname, r.tiktok_user_id, r.content] },
  bilibili: { header: BILIBILI_CHAT_CSV_HEADER, cells: (r) => [r.created_at.toISOString(), uidOf(r.tiktok_user_id), r.nickname, r.content] },
};

/** A live by id, or the live row a caller has already read (its start and platform then cost no query). */
export type ExportLiveRef = bigint | { id: bigint; startedAt: Date; platform: Platform };

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
  const live = await db.live.findUnique({ where: { id: liveId }, select: { accountId: true, startedAt: true, platform: true } });
  const layout = GIFT_CSV[live?.platform ?? 'tiktok'];
  yield formatCsvRow(layout.header);
  if (!live) return;
  // The live's window (lib/live/event-window.ts): only the partitions of its months are read.
  const since = eventWindowStart(live.startedAt);
  const { _max } = await db.gift.aggregate({ where: { liveId, createdAt: { gte: since } }, _max: { id: true } });
  const lastId = _max.id;
  if (lastId === null) return;
  const batches = readInTimeOrder<GiftExportRow>('g', batchSizeOf(options), (position, limit) => db.$queryRaw<GiftExportRow[]>`
    SELECT g.id, g.created_at, g.gift_name, g.gift_id, g.repeat_count, g.diamond_count, g.diamonds, g.streakable, g.timeout_closed, g.kind::text AS kind,
           v.handle, v.nickname, v.tiktok_user_id
    FROM gifts g JOIN viewers v ON v.id = g.viewer_id
    WHERE g.account_id = ${live.accountId} AND g.live_id = ${liveId} AND g.created_at >= ${since} AND g.id <= ${lastId} ${position}
    ORDER BY g.created_at, g.id
    LIMIT ${limit}`);
  for await (const rows of batches) yield rows.map((r) => formatCsvRow(layout.cells(r))).join('');
}

/** The live's chat as CSV chunks: the header, then one chunk per batch, in time order (then id). */
export async function* exportChatsCsv(db: Db, live: ExportLiveRef, options: ExportOptions = {}): AsyncGenerator<string> {
  const row = typeof live === 'bigint' ? await db.live.findUnique({ where: { id: live }, select: { id: true, startedAt: true, platform: true } }) : live;
  const layout = CHAT_CSV[row?.platform ?? 'tiktok'];
  yield formatCsvRow(layout.header);
  if (!row) return;
  const liveId = row.id;
  // The live's window (lib/live/event-window.ts): only the partitions of its months are read.
  const since = eventWindowStart(row.startedAt);
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
  for await (const rows of batches) yield rows.map((r) => formatCsvRow(layout.cells(r))).join('');
}
