// Exports in time order: rows are stored in write batches (a streak when it ends, chats when a batch is
// flushed), so their ids are not in time order, and a CSV read in id order jumped back and forth.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { exportChatsCsv, exportGiftsCsv } from '@/lib/dashboard/live-export';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';

const T0 = Date.parse('2031-03-01T20:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

/** The first column (time) of each data row, and the message or gift name. */
const rowsOf = (csv: string) =>
  csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => `${cells[0] ?? ''} ${cells.at(-1) ?? ''}`);

async function liveWithRowsStoredOutOfOrder() {
  const account = await createTestAccount(db);
  const viewer = await db.viewer.create({ data: { tiktokUserId: `72${Date.now()}${uniqueSuffix()}`, handle: `v.${uniqueSuffix()}`, nickname: 'V' } });
  const live = await db.live.create({ data: { accountId: account.id, roomId: `ex${uniqueSuffix()}`, startedAt: at(0), endedAt: at(600) } });
  // Stored (id order) as 30 s, 10 s, 20 s, 10 s: two messages share 10 s and must come in id order.
  for (const [second, text] of [[30, 'third'], [10, 'first'], [20, 'second'], [10, 'first-again']] as const) {
    await db.chat.create({ data: { liveId: live.id, accountId: account.id, viewerId: viewer.id, msgId: uniqueSuffix(), content: text, createdAt: at(second) } });
    await db.gift.create({
      data: { liveId: live.id, accountId: account.id, viewerId: viewer.id, dedupeKey: `k:${uniqueSuffix()}`, msgId: uniqueSuffix(), giftId: '5655', giftName: 'Rose', diamondCount: 1, repeatCount: 1, diamonds: 1, createdAt: at(second) },
    });
  }
  return live;
}

describe('CSV exports', () => {
  it('lists the chat in time order, then id, across batch boundaries', async () => {
    const live = await liveWithRowsStoredOutOfOrder();
    const expected = [`${at(10).toISOString()} first`, `${at(10).toISOString()} first-again`, `${at(20).toISOString()} second`, `${at(30).toISOString()} third`];
    for (const batchSize of [1, 2, 3, 100]) expect(rowsOf(await collect(exportChatsCsv(db, live.id, { batchSize })))).toEqual(expected);
  });

  it('lists the gifts in time order, across batch boundaries', async () => {
    const live = await liveWithRowsStoredOutOfOrder();
    for (const batchSize of [1, 3, 100]) {
      const times = rowsOf(await collect(exportGiftsCsv(db, live.id, { batchSize }))).map((row) => row.split(' ')[0]);
      expect(times).toEqual([at(10), at(10), at(20), at(30)].map((d) => d.toISOString()));
    }
  });
});
