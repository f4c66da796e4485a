// The per-live reads of the dashboard bound their event queries to the live's window (from a day before
// its start: lib/live/event-window.ts), so Postgres reads only the partitions of the live's months. Here a
// live crosses a month boundary, another live of the same account has rows months earlier, and every
// statement the reads send is EXPLAINed with its own parameters: none may scan a month before the window.
// The answers must be those of the same questions asked without a window.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { exportChatsCsv, exportGiftsCsv, getGiftBreakdown, getLiveSeries, getLiveTopGifters, searchChats } from '@/lib/dashboard/lives';
import { getLiveNow } from '@/lib/dashboard/live-now';
import { ensureMonthPartition, type EventTable } from '@/worker/jobs/event-partitions';
import { createTestAccount, rollUpTestGifts, uniqueSuffix } from '@/tools/testing/factories';

// A year no other test puts rows in, with a partition for every month.
const YEAR = 2037;
const TABLES = ['gifts', 'chats', 'like_buckets', 'viewer_samples'] as const satisfies readonly EventTable[];
const START = new Date('2037-11-30T23:30:00Z');
const min = (m: number) => new Date(START.getTime() + m * 60_000);
// The window starts a day before START: in November, so October and earlier must not be read.
const FIRST_MONTH = '203711';

/** Every statement a client sends, with its parameters (the pg pool under Prisma's adapter). */
const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 2 });
const sent: { text: string; values: unknown[] }[] = [];
const query = pool.query.bind(pool);
pool.query = ((config: unknown, values?: unknown) => {
  if (typeof config === 'object' && config !== null && 'text' in config) {
    const c = config as { text: string; values?: unknown[] };
    sent.push({ text: c.text, values: c.values ?? [] });
  }
  return query(config as string, values as unknown[]);
}) as typeof pool.query;
const spied = new PrismaClient({ adapter: new PrismaPg(pool) });
const explain = new pg.Client({ connectionString: requireDatabaseUrl() });

/** The monthly partitions of the event tables a plan scans, as `table:YYYYMM`. */
const scanned = (plan: string) => [...plan.matchAll(/ on (gifts|chats|like_buckets|viewer_samples)_p(\d{6})\b/g)].map((m) => `${m[1]}:${m[2]}`);

let world: { liveId: bigint; accountId: string; fan: bigint; chatty: bigint };

beforeAll(async () => {
  await explain.connect();
  for (const table of TABLES) for (let m = 0; m < 12; m++) await ensureMonthPartition(db, table, new Date(Date.UTC(YEAR, m, 1)));
  const account = await createTestAccount(db);
  const viewer = (name: string) => db.viewer.create({ data: { tiktokUserId: `75${Date.now()}${uniqueSuffix()}`, handle: `${name}.${uniqueSuffix()}`, nickname: name } });
  const [fan, chatty] = [await viewer('fan'), await viewer('chatty')];
  // An older live of the same account: rows in March, which the newer live's reads must not touch.
  const old = await db.live.create({ data: { accountId: account.id, roomId: `79${Date.now()}${uniqueSuffix()}`.slice(0, 19), startedAt: new Date('2037-03-10T20:00:00Z'), endedAt: new Date('2037-03-10T22:00:00Z') } });
  const live = await db.live.create({ data: { accountId: account.id, roomId: `79${Date.now()}${uniqueSuffix()}`.slice(0, 19), startedAt: START, endedAt: min(90) } });
  const gift = (liveId: bigint, viewerId: bigint, name: string, diamonds: number, at: Date) => ({
    liveId, accountId: account.id, viewerId, dedupeKey: `k:${uniqueSuffix()}`, msgId: uniqueSuffix(), giftId: name, giftName: name, diamondCount: diamonds, repeatCount: 1, diamonds, createdAt: at,
  });
  // Rows on both sides of the month boundary, and one timed a little before the start (clock skew).
  await db.gift.createMany({
    data: [gift(live.id, fan.id, 'Rose', 1, min(-3)), gift(live.id, fan.id, 'Lion', 500, min(10)), gift(live.id, chatty.id, 'Rose', 1, min(40)), gift(live.id, chatty.id, 'Galaxy', 1000, min(60)), gift(old.id, fan.id, 'Rose', 7, new Date('2037-03-10T20:30:00Z'))],
  });
  await rollUpTestGifts(db, [live.id, old.id]);
  const chat = (liveId: bigint, viewerId: bigint, content: string, at: Date) => ({ liveId, accountId: account.id, viewerId, msgId: uniqueSuffix(), content, createdAt: at });
  await db.chat.createMany({
    data: [chat(live.id, fan.id, 'hello November', min(5)), chat(live.id, chatty.id, 'hello December', min(45)), chat(live.id, fan.id, 'bye', min(80)), chat(old.id, fan.id, 'hello March', new Date('2037-03-10T20:10:00Z'))],
  });
  await db.viewerSample.createMany({ data: [{ liveId: live.id, at: min(1), viewers: 30 }, { liveId: live.id, at: min(50), viewers: 70 }, { liveId: old.id, at: new Date('2037-03-10T20:05:00Z'), viewers: 9 }] });
  await db.likeBucket.createMany({ data: [{ liveId: live.id, viewerId: fan.id, minute: min(2), count: 5 }, { liveId: live.id, viewerId: chatty.id, minute: min(31), count: 8 }, { liveId: old.id, viewerId: fan.id, minute: new Date('2037-03-10T20:05:00Z'), count: 3 }] });
  world = { liveId: live.id, accountId: account.id, fan: fan.id, chatty: chatty.id };
});

afterAll(async () => {
  await spied.$disconnect();
  await pool.end();
  await explain.end();
});

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe("per-live reads within the live's window", () => {
  it('read no partition before the window, and answer as a read of every partition would', async () => {
    sent.length = 0;
    const { liveId } = world;
    const [series, top, breakdown, chats, found, giftsCsv, chatsCsv, now] = [
      await getLiveSeries(spied, liveId),
      await getLiveTopGifters(spied, liveId),
      await getGiftBreakdown(spied, liveId),
      await searchChats(spied, liveId),
      await searchChats(spied, liveId, { q: 'hello' }),
      await collect(exportGiftsCsv(spied, liveId)),
      await collect(exportChatsCsv(spied, liveId)),
      await getLiveNow(spied, world.accountId),
    ];

    // The answers, against the live's rows read without any window.
    const all = await db.$queryRaw<{ gifts: bigint; diamonds: bigint; chats: bigint; likes: bigint }[]>`
      SELECT (SELECT count(*) FROM gifts WHERE live_id = ${liveId}) AS gifts, (SELECT sum(diamonds) FROM gifts WHERE live_id = ${liveId}) AS diamonds,
             (SELECT count(*) FROM chats WHERE live_id = ${liveId}) AS chats, (SELECT sum(count) FROM like_buckets WHERE live_id = ${liveId}) AS likes`;
    const expected = all[0];
    expect(expected).toEqual({ gifts: 4n, diamonds: 1502n, chats: 3n, likes: 13n });
    expect(series.points.reduce((sum, p) => sum + p.diamonds, 0)).toBe(1502);
    expect(series.points.reduce((sum, p) => sum + p.likes, 0)).toBe(13);
    expect(Math.max(...series.points.map((p) => p.viewers ?? 0))).toBe(70);
    // The gift timed before the start still has its point (the first one).
    expect(series.points[0]).toMatchObject({ at: min(-3).toISOString(), diamonds: 1 });
    expect(top.map((t) => [t.viewerId, t.diamonds, t.gifts])).toEqual([[world.chatty.toString(), 1001, 2], [world.fan.toString(), 501, 2]]);
    expect(breakdown.map((b) => [b.giftName, b.count, b.diamonds])).toEqual([['Galaxy', 1, 1000], ['Lion', 1, 500], ['Rose', 2, 2]]);
    // Given the live row the page has already read, they answer the same without looking its start up.
    const row = { id: liveId, startedAt: START };
    expect([await getLiveTopGifters(spied, row), await getGiftBreakdown(spied, row), await searchChats(spied, row)]).toEqual([top, breakdown, chats]);
    expect(chats.total).toBe(3);
    expect(chats.items.map((c) => c.content)).toEqual(['bye', 'hello December', 'hello November']);
    expect(found.items.map((c) => c.content)).toEqual(['hello December', 'hello November']);
    expect(giftsCsv.trim().split('\n')).toHaveLength(1 + 4);
    expect(chatsCsv.trim().split('\n')).toHaveLength(1 + 3);
    expect(now.live?.liveId).toBe(liveId.toString());
    expect(now.gifts).toHaveLength(4);
    expect(now.chats.map((c) => c.content)).toEqual(['bye', 'hello December', 'hello November']);
    expect(now.topGifters.map((t) => t.diamonds)).toEqual([1001, 501]);

    // Every statement on an event table, planned with its own parameters as Postgres planned it.
    const onEvents = sent.filter((s) => /\b(gifts|chats|like_buckets|viewer_samples)\b/.test(s.text) && !/^\s*(BEGIN|COMMIT)/i.test(s.text));
    expect(onEvents.length).toBeGreaterThanOrEqual(12);
    const months = new Set<string>();
    for (const statement of onEvents) {
      const { rows } = await explain.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.text}`, statement.values);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const parts = scanned(plan);
      expect(parts.filter((p) => (p.split(':')[1] ?? '') < FIRST_MONTH), `${statement.text}\n${plan}`).toEqual([]);
      for (const p of parts) months.add(p);
    }
    // The reads did reach both months of the live (the plans are not empty by accident).
    expect([...months]).toEqual(expect.arrayContaining(['gifts:203711', 'gifts:203712', 'chats:203712', 'like_buckets:203712', 'viewer_samples:203712']));
  });
});
