// Exports in time order: rows are stored in write batches (a streak when it ends, chats when a batch is
// flushed), so their ids are not in time order, and a CSV read in id order jumped back and forth. A
// Bilibili live's files name its gold, its paid rows' kinds and its viewers' uids (TikTok's exact files are
// checked in lib/dashboard/lives.test.ts).
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { exportChatsCsv, exportGiftsCsv } from '@/lib/dashboard/live-export';
import { createTestAccount, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';
import { sessionCookie } from '@/tools/testing/realtime-client';
import { GET as exportRoute } from '@/app/api/lives/[liveId]/export/route';

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

describe('CSV exports of a Bilibili live', () => {
  const digits = () => `${Date.now()}${uniqueSuffix()}`.replace(/\D/g, '').slice(-9);

  async function bilibiliLive() {
    const uid = `35${digits()}`;
    const account = await db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid, nickname: '星海电台' } });
    const live = await db.live.create({ data: { accountId: account.id, platform: 'bilibili', roomId: `9${digits()}`, startedAt: at(0), endedAt: at(600) } });
    // Stored as the Bilibili source stores them (lib/platforms/bilibili/live-events.ts): namespaced ids, the uid as handle.
    const viewer = async (name: string) => {
      const viewerUid = `7${digits()}`;
      return db.viewer.create({ data: { tiktokUserId: `bilibili:${viewerUid}`, handle: viewerUid, nickname: name, placeholder: true } });
    };
    const [fan, captain] = [await viewer('露娜的粉丝'), await viewer('=HYPERLINK("http://evil.example")')];
    const paid = (second: number, viewerId: bigint, kind: 'gift' | 'super_chat' | 'guard', giftId: string, giftName: string, each: number, count: number) =>
      db.gift.create({
        data: { liveId: live.id, accountId: account.id, viewerId, kind, dedupeKey: `k:${uniqueSuffix()}`, msgId: uniqueSuffix(), giftId, giftName, diamondCount: each, repeatCount: count, diamonds: each * count, createdAt: at(second) },
      });
    await paid(10, fan.id, 'gift', 'bilibili:31036', '小花花', 100, 3);
    await paid(20, fan.id, 'super_chat', 'bilibili:super-chat', 'Super Chat', 30_000, 1);
    await paid(30, captain.id, 'guard', 'bilibili:guard-3', '舰长', 198_000, 1);
    await db.chat.create({ data: { liveId: live.id, accountId: account.id, viewerId: fan.id, msgId: uniqueSuffix(), content: '主播加油, 666', createdAt: at(15) } });
    await db.chat.create({ data: { liveId: live.id, accountId: account.id, viewerId: captain.id, msgId: uniqueSuffix(), content: '@all 上舰了', createdAt: at(31) } });
    return { account, live, fan, captain };
  }

  const uid = (viewer: { handle: string | null }) => viewer.handle ?? '';

  it('names its gold, the kind of each paid row and its viewers by uid, never "@", formulas still neutralised', async () => {
    const { live, fan, captain } = await bilibiliLive();
    const evil = `"'=HYPERLINK(""http://evil.example"")"`;
    expect(await collect(exportGiftsCsv(db, live.id, { batchSize: 2 }))).toBe(
      'time_utc,kind,gift,gift_id,repeat_count,gold_each,gold,viewer_uid,viewer_nickname\r\n' +
        `${at(10).toISOString()},gift,小花花,31036,3,100,300,${uid(fan)},露娜的粉丝\r\n` +
        `${at(20).toISOString()},super_chat,Super Chat,super-chat,1,30000,30000,${uid(fan)},露娜的粉丝\r\n` +
        `${at(30).toISOString()},guard,舰长,guard-3,1,198000,198000,${uid(captain)},${evil}\r\n`,
    );
    expect(await collect(exportChatsCsv(db, live.id))).toBe(
      'time_utc,viewer_uid,viewer_nickname,message\r\n' + `${at(15).toISOString()},${uid(fan)},露娜的粉丝,"主播加油, 666"\r\n` + `${at(31).toISOString()},${uid(captain)},${evil},'@all 上舰了\r\n`,
    );
  });

  it('downloads as bilibili-<uid> with the Bilibili columns over HTTP', async () => {
    const { account, live, fan } = await bilibiliLive();
    const user = await createTestUser(db);
    await watchTestAccount(db, user.workspaceId, account.id);
    const request = new Request(`http://localhost/api/lives/${live.id}/export?type=chats`, { headers: { cookie: await sessionCookie(user.id) } });
    const response = await exportRoute(request, { params: Promise.resolve({ liveId: live.id.toString() }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="livelens-bilibili-${account.handle}-${at(0).toISOString().slice(0, 10)}-${live.id}-chats.csv"`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.split('\r\n').slice(0, 2)).toEqual(['\uFEFFtime_utc,viewer_uid,viewer_nickname,message', `${at(15).toISOString()},${uid(fan)},露娜的粉丝,"主播加油, 666"`]);
  });
});
