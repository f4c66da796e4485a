// CSV exports of one live's gifts and chat. Rows are read in batches by keyset pagination over the
// primary key, bounded by the live's own id range, so a live of any size is never held in memory and
// each batch is one index range scan. Rows written after the export starts are left out, which keeps
// the file a consistent snapshot of what existed when it was asked for.
// Callers check first that the user manages the live.
import 'server-only';
import { formatCsvRow } from '@/lib/dashboard/csv';
import type { Db } from '@/lib/db';

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

/** Reads (after, last] in id order, one batch at a time, until the range is exhausted. */
async function* readInBatches<T extends { id: bigint }>(
  bounds: { min: bigint | null; max: bigint | null },
  batchSize: number,
  readBatch: (after: bigint, last: bigint, limit: number) => Promise<T[]>,
): AsyncGenerator<T[]> {
  if (bounds.min === null || bounds.max === null) return;
  let after = bounds.min - 1n;
  for (;;) {
    const rows = await readBatch(after, bounds.max, batchSize);
    const lastRow = rows[rows.length - 1];
    if (!lastRow) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = lastRow.id;
  }
}

/** The live's gifts as CSV chunks: the header, then one chunk per batch, in the order they were stored. */
export async function* exportGiftsCsv(db: Db, liveId: bigint, options: ExportOptions = {}): AsyncGenerator<string> {
  yield formatCsvRow(GIFT_CSV_HEADER);
  const { _min, _max } = await db.gift.aggregate({ where: { liveId }, _min: { id: true }, _max: { id: true } });
  const batches = readInBatches<GiftExportRow>({ min: _min.id, max: _max.id }, batchSizeOf(options), (after, last, limit) => db.$queryRaw<GiftExportRow[]>`
    SELECT g.id, g.created_at, g.gift_name, g.gift_id, g.repeat_count, g.diamond_count, g.diamonds, g.streakable, g.timeout_closed,
           v.handle, v.nickname, v.tiktok_user_id
    FROM gifts g JOIN viewers v ON v.id = g.viewer_id
    WHERE g.live_id = ${liveId} AND g.id > ${after} AND g.id <= ${last}
    ORDER BY g.id
    LIMIT ${limit}`);
  for await (const rows of batches) {
    yield rows
      .map((r) =>
        formatCsvRow([r.created_at.toISOString(), r.gift_name, r.gift_id, r.repeat_count, r.diamond_count, r.diamonds, r.streakable, r.timeout_closed, r.handle, r.nickname, r.tiktok_user_id]),
      )
      .join('');
  }
}

/** The live's chat as CSV chunks: the header, then one chunk per batch, in the order it was stored. */
export async function* exportChatsCsv(db: Db, liveId: bigint, options: ExportOptions = {}): AsyncGenerator<string> {
  yield formatCsvRow(CHAT_CSV_HEADER);
  const { _min, _max } = await db.chat.aggregate({ where: { liveId }, _min: { id: true }, _max: { id: true } });
  const batches = readInBatches<ChatExportRow>({ min: _min.id, max: _max.id }, batchSizeOf(options), (after, last, limit) => db.$queryRaw<ChatExportRow[]>`
    SELECT c.id, c.created_at, c.content, v.handle, v.nickname, v.tiktok_user_id
    FROM chats c LEFT JOIN viewers v ON v.id = c.viewer_id
    WHERE c.live_id = ${liveId} AND c.id > ${after} AND c.id <= ${last}
    ORDER BY c.id
    LIMIT ${limit}`);
  for await (const rows of batches) {
    yield rows.map((r) => formatCsvRow([r.created_at.toISOString(), r.handle, r.nickname, r.tiktok_user_id, r.content])).join('');
  }
}
