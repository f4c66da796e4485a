import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import type { ChatEvent, GiftEvent, ViewerRef } from '@/lib/live/events';
import { createTextStream, formatCsvCell, formatCsvRow } from '@/lib/dashboard/csv';
import { buildContainsPattern } from '@/lib/dashboard/live-chats';
import {
  exportChatsCsv,
  exportGiftsCsv,
  getGiftBreakdown,
  getLiveSeries,
  getLiveSummary,
  getLiveTopGifters,
  listLives,
  MAX_SERIES_POINTS,
  searchChats,
  type LiveSort,
  type TopGifter,
} from '@/lib/dashboard/lives';
import { usdWorthOf } from '@/lib/platforms/units';
import { createTestAccount, rollUpTestGifts, uniqueSuffix } from '@/tools/testing/factories';
import { anyOf } from '@/tools/testing/match';
import { BatchWriter, type QueuedEvent } from '@/worker/writer';

const T0 = new Date('2031-01-01T10:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);
const DAY_MINUTES = 24 * 60;
const roomId = () => `lv${uniqueSuffix()}${uniqueSuffix()}`;

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

async function createViewer(name: string, nickname: string) {
  return db.viewer.create({ data: { tiktokUserId: `71${Date.now()}${uniqueSuffix()}`, handle: `${name}.${uniqueSuffix()}`, nickname } });
}

async function buildWorld() {
  const account = await createTestAccount(db);
  const [fan, chatty, quiet] = [await createViewer('fan', 'Big Fan, Jr.'), await createViewer('chatty', 'Chatty'), await createViewer('quiet', '@mention')];
  // l1: 90 minutes on T0; l2: 30 minutes a day later; l3: still running, started 10 minutes before `now`.
  const l1 = await db.live.create({
    data: { accountId: account.id, roomId: roomId(), startedAt: T0, endedAt: at(90), peakViewers: 50, viewerSamples: 3, viewerSum: 120n, diamonds: 800n, gifts: 4, likes: 30n, comments: 5, follows: 2, shares: 1 },
  });
  const l2 = await db.live.create({
    data: { accountId: account.id, roomId: roomId(), startedAt: at(DAY_MINUTES), endedAt: at(DAY_MINUTES + 30), peakViewers: 80, viewerSamples: 0, diamonds: 100n, gifts: 1, likes: 500n, comments: 1, follows: 7 },
  });
  const l3 = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: at(2 * DAY_MINUTES), lastEventAt: at(2 * DAY_MINUTES + 9) } });
  const now = at(2 * DAY_MINUTES + 10);

  await db.viewerSample.createMany({ data: [{ liveId: l1.id, at: at(0, 10), viewers: 40 }, { liveId: l1.id, at: at(0, 50), viewers: 50 }, { liveId: l1.id, at: at(2), viewers: 30 }] });
  await db.likeBucket.createMany({ data: [{ liveId: l1.id, viewerId: fan.id, minute: at(0), count: 10 }, { liveId: l1.id, viewerId: chatty.id, minute: at(0), count: 5 }, { liveId: l1.id, viewerId: fan.id, minute: at(3), count: 15 }] });
  const gift = (viewerId: bigint, name: string, giftId: string, each: number, repeat: number, when: Date, extra: { streakable?: boolean; timeoutClosed?: boolean } = {}) => ({
    liveId: l1.id,
    accountId: account.id,
    viewerId,
    dedupeKey: `k:${uniqueSuffix()}`,
    msgId: uniqueSuffix(),
    giftId,
    giftName: name,
    diamondCount: each,
    repeatCount: repeat,
    diamonds: each * repeat,
    createdAt: when,
    ...extra,
  });
  // One at a time, so ids follow this order (the CSV export is in id order).
  for (const data of [
    gift(fan.id, 'Money Gun', '7168', 500, 1, at(0, 30)),
    gift(chatty.id, 'Rose', '5655', 1, 150, at(0, 40), { streakable: true }),
    gift(fan.id, 'Hand Hearts', '5660', 100, 1, at(5)),
    gift(quiet.id, 'Rose', '5655', 1, 50, at(5, 20), { streakable: true, timeoutClosed: true }),
  ]) {
    await db.gift.create({ data });
  }
  await db.gift.create({ data: { ...gift(fan.id, 'Rose', '5655', 1, 100, at(DAY_MINUTES + 1)), liveId: l2.id } });
  await rollUpTestGifts(db, [l1.id, l2.id]);

  const chat = (viewerId: bigint, content: string, when: Date) => ({ liveId: l1.id, accountId: account.id, viewerId, msgId: uniqueSuffix(), content, createdAt: when });
  const chats = [
    chat(fan.id, 'hello world', at(1)),
    chat(chatty.id, '<script>alert(1)</script>', at(2)),
    chat(quiet.id, 'he said "hi", then\nleft', at(3)),
    chat(fan.id, '=HYPERLINK("http://evil.example")', at(4)),
    chat(chatty.id, 'HELLO again 100%', at(5)),
  ];
  const chatIds: string[] = [];
  for (const data of chats) chatIds.push((await db.chat.create({ data })).id.toString());
  return { account, fan, chatty, quiet, l1, l2, l3, now, chatIds };
}

let world: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  world = await buildWorld();
});

describe('listLives', () => {
  const order = async (sort: LiveSort, dir: 'asc' | 'desc') => (await listLives(db, world.account.id, { sort, dir, now: world.now })).items.map((l) => l.id);

  it('returns the totals of each live, newest first by default', async () => {
    const page = await listLives(db, world.account.id, { now: world.now });
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 3, pages: 1 });
    expect(page.items.map((l) => l.id)).toEqual([world.l3.id, world.l2.id, world.l1.id].map(String));
    const [running, , first] = page.items;
    expect(running).toMatchObject({ isLive: true, endedAt: null, durationSeconds: 600, averageViewers: null });
    expect(first).toMatchObject({
      platform: 'tiktok',
      startedAt: T0.toISOString(),
      endedAt: at(90).toISOString(),
      durationSeconds: 5400,
      isLive: false,
      peakViewers: 50,
      averageViewers: 40,
      likes: 30,
      diamonds: 800,
      gifts: 4,
      superChats: 0,
      guards: 0,
      comments: 5,
      followers: 2,
      shares: 1,
    });
    // USD_PER_DIAMOND defaults to $0.005 with a ±20% range.
    expect(first?.earnings.mid).toBeCloseTo(4);
    expect(first?.earnings.low).toBeCloseTo(3.2);
  });

  it('sorts by every column in both directions', async () => {
    const [l1, l2, l3] = [world.l1.id, world.l2.id, world.l3.id].map(String);
    expect(await order('started', 'asc')).toEqual([l1, l2, l3]);
    expect(await order('duration', 'asc')).toEqual([l3, l2, l1]);
    expect(await order('duration', 'desc')).toEqual([l1, l2, l3]);
    expect(await order('peak', 'desc')).toEqual([l2, l1, l3]);
    expect(await order('diamonds', 'desc')).toEqual([l1, l2, l3]);
    expect(await order('likes', 'desc')).toEqual([l2, l1, l3]);
    expect(await order('comments', 'asc')).toEqual([l3, l2, l1]);
    expect(await order('followers', 'desc')).toEqual([l2, l1, l3]);
  });

  it('pages, and returns nothing past the last page', async () => {
    const second = await listLives(db, world.account.id, { sort: 'started', dir: 'desc', page: 2, pageSize: 2, now: world.now });
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 3, pages: 2 });
    expect(second.items.map((l) => l.id)).toEqual([String(world.l1.id)]);
    expect((await listLives(db, world.account.id, { page: 9, pageSize: 2 })).items).toEqual([]);
  });

  it('is empty for an account without lives', async () => {
    const empty = await createTestAccount(db);
    expect(await listLives(db, empty.id)).toEqual({ items: [], page: 1, pageSize: 20, total: 0, pages: 1 });
  });
});

describe('a Bilibili channel’s lives', () => {
  it('keep their value in gold, priced at the gold rate, with Super Chats and guards apart from gifts', async () => {
    const uid = String(Number.parseInt(uniqueSuffix(), 16) + 1);
    const channel = await db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid, nickname: '星海电台 Xinghai Radio' } });
    const live = await db.live.create({
      data: { accountId: channel.id, platform: 'bilibili', roomId: roomId(), startedAt: T0, endedAt: at(60), diamonds: 365_400n, gifts: 10, superChats: 2, guards: 1, comments: 40 },
    });
    const page = await listLives(db, channel.id, { now: world.now });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: String(live.id), platform: 'bilibili', diamonds: 365_400, gifts: 10, superChats: 2, guards: 1, comments: 40, earnings: usdWorthOf('bilibili', 365_400) });
    // Not the TikTok diamond rate: 365,400 diamonds would be about $1,800.
    expect(page.items[0]?.earnings.mid).toBeLessThan(30);
    const summary = await getLiveSummary(db, live.id, world.now);
    expect(summary).toMatchObject({ platform: 'bilibili', superChats: 2, guards: 1, earnings: usdWorthOf('bilibili', 365_400), account: { id: channel.id, platform: 'bilibili', handle: uid, nickname: '星海电台 Xinghai Radio' } });
  });
});

describe('one live', () => {
  it('summarises the live with its account', async () => {
    const summary = await getLiveSummary(db, world.l3.id, world.now);
    expect(summary).toMatchObject({ id: String(world.l3.id), isLive: true, durationSeconds: 600, account: { id: world.account.id, handle: world.account.handle } });
    expect(await getLiveSummary(db, 999_999_999_999n)).toBeNull();
  });

  it('builds one point per minute from start to end', async () => {
    const series = await getLiveSeries(db, world.l1.id);
    expect(series.bucketMinutes).toBe(1);
    expect(series.points).toHaveLength(91);
    expect(series.points.slice(0, 6)).toEqual([
      { at: at(0).toISOString(), viewers: 50, diamonds: 650, likes: 15 },
      { at: at(1).toISOString(), viewers: null, diamonds: 0, likes: 0 },
      { at: at(2).toISOString(), viewers: 30, diamonds: 0, likes: 0 },
      { at: at(3).toISOString(), viewers: null, diamonds: 0, likes: 15 },
      { at: at(4).toISOString(), viewers: null, diamonds: 0, likes: 0 },
      { at: at(5).toISOString(), viewers: null, diamonds: 150, likes: 0 },
    ]);
    expect(series.points.at(-1)?.at).toBe(at(90).toISOString());
  });

  it('buckets a long live into at most MAX_SERIES_POINTS points, keeping totals and peaks', async () => {
    const other = await createTestAccount(db);
    const long = await db.live.create({ data: { accountId: other.id, roomId: roomId(), startedAt: at(-3000), endedAt: at(-3000 + 1500) } });
    await db.viewerSample.createMany({ data: [{ liveId: long.id, at: at(-3000), viewers: 7 }, { liveId: long.id, at: at(-3000, 90), viewers: 9 }] });
    await db.likeBucket.createMany({ data: [{ liveId: long.id, viewerId: world.fan.id, minute: at(-3000), count: 4 }, { liveId: long.id, viewerId: world.fan.id, minute: at(-2999), count: 6 }] });
    const series = await getLiveSeries(db, long.id);
    expect(series.bucketMinutes).toBe(3);
    expect(series.points.length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(series.points[0]).toEqual({ at: at(-3000).toISOString(), viewers: 9, diamonds: 0, likes: 10 });
  });

  it('ranks top gifters by diamonds', async () => {
    const top = await getLiveTopGifters(db, world.l1.id, 2);
    expect(top).toEqual([
      { viewerId: String(world.fan.id), handle: world.fan.handle, nickname: 'Big Fan, Jr.', avatarUrl: null, diamonds: 600, gifts: 2 },
      { viewerId: String(world.chatty.id), handle: world.chatty.handle, nickname: 'Chatty', avatarUrl: null, diamonds: 150, gifts: 1 },
    ]);
  });

  it('breaks gifts down by name, a streak counted once', async () => {
    expect(await getGiftBreakdown(db, world.l1.id)).toEqual([
      { giftName: 'Money Gun', giftId: '7168', count: 1, repeatTotal: 1, diamonds: 500, sharePercent: 62.5 },
      { giftName: 'Rose', giftId: '5655', count: 2, repeatTotal: 200, diamonds: 200, sharePercent: 25 },
      { giftName: 'Hand Hearts', giftId: '5660', count: 1, repeatTotal: 1, diamonds: 100, sharePercent: 12.5 },
    ]);
    expect(await getGiftBreakdown(db, world.l3.id)).toEqual([]);
  });
});

describe('top gifters as the worker stores them', () => {
  // getLiveTopGifters reads the writer's per-viewer counters (live_viewers), not the gifts rows: here the
  // gifts go through the real writer, with a streak closed on timeout and corrected later by its end frame,
  // a tie, a gift worth nothing, a viewer who only chats and replayed batches, and the answer must be the
  // one the live's gifts rows give.
  const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 1 });
  afterAll(() => pool.end());

  async function store(writer: BatchWriter, events: QueuedEvent[]) {
    const client = await pool.connect();
    try {
      await writer.write(client, events);
    } finally {
      client.release();
    }
  }

  /** The old read: the live's gifts rows summed per viewer, ties by the older viewer. */
  async function topFromGifts(liveId: bigint, take: number): Promise<TopGifter[]> {
    const rows = await db.$queryRaw<{ viewer_id: bigint; handle: string | null; nickname: string | null; avatar_url: string | null; diamonds: bigint; gifts: number }[]>`
      SELECT v.id AS viewer_id, v.handle, v.nickname, v.avatar_url, sum(g.diamonds)::bigint AS diamonds, count(*)::int AS gifts
      FROM gifts g JOIN viewers v ON v.id = g.viewer_id
      WHERE g.live_id = ${liveId}
      GROUP BY v.id
      ORDER BY sum(g.diamonds) DESC, v.id
      LIMIT ${take}`;
    return rows.map((r) => ({ viewerId: r.viewer_id.toString(), handle: r.handle, nickname: r.nickname, avatarUrl: r.avatar_url, diamonds: Number(r.diamonds), gifts: r.gifts }));
  }

  it('equal the gifts rows summed per viewer, a streak corrected after its timeout included', async () => {
    const account = await createTestAccount(db);
    const live = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: new Date() } });
    const start = live.startedAt.getTime();
    const tail = `${Date.now()}`.slice(-8) + String(parseInt(uniqueSuffix(), 16) % 1000).padStart(3, '0');
    const viewer = (lead: string, nickname: string): ViewerRef => ({ userId: `${lead}${tail}`, handle: `${nickname.toLowerCase()}.${uniqueSuffix()}`, nickname, avatarUrl: null, placeholder: false, isFollower: false });
    const [fan, streaker, twin, freebie, talker] = [viewer('731', 'Fan'), viewer('732', 'Streaker'), viewer('733', 'Twin'), viewer('734', 'Freebie'), viewer('735', 'Talker')];
    const queued = (event: GiftEvent | ChatEvent): QueuedEvent => ({ liveId: live.id.toString(), accountId: account.id, event, queuedAt: 0 });
    const single = (from: ViewerRef, msgId: string, each: number, second: number) =>
      queued({ type: 'gift', msgId, roomId: live.roomId, at: start + second * 1000, viewer: from, giftId: `g${each}`, giftName: `Gift ${each}`, diamondCount: each, imageUrl: null, repeatCount: 1, diamonds: each, streakable: false, timeoutClosed: false, dedupeKey: `m:${msgId}` });
    const streak = (from: ViewerRef, msgId: string, repeat: number, timeoutClosed: boolean, second: number) =>
      queued({ type: 'gift', msgId, roomId: live.roomId, at: start + second * 1000, viewer: from, giftId: '5655', giftName: 'Rose', diamondCount: 1, imageUrl: null, repeatCount: repeat, diamonds: repeat, streakable: true, timeoutClosed, dedupeKey: `s:${from.userId}:5655:${tail}` });
    const chat: QueuedEvent = queued({ type: 'chat', msgId: `c${tail}`, roomId: live.roomId, at: start + 5000, content: 'hi', isModerator: false, isSubscriber: false, viewer: talker });

    // First batch: the streak's end frame has not come, so it is closed on timeout at 30 roses.
    const first = [single(fan, `1${tail}`, 100, 1), streak(streaker, `2${tail}`, 30, true, 2), streak(twin, `3${tail}`, 101, false, 3), single(freebie, `4${tail}`, 0, 4), chat];
    const writer = new BatchWriter();
    await store(writer, first);
    // After a restart (a new writer): the end frame at 120 corrects the streak, with the first batch replayed
    // and one new gift; then that batch again, on the same writer.
    const second = [...first, streak(streaker, `5${tail}`, 120, false, 40), single(fan, `6${tail}`, 1, 41)];
    const restarted = new BatchWriter();
    await store(restarted, second);
    await store(restarted, second);

    const idOf = async (v: ViewerRef) => (await db.viewer.findUniqueOrThrow({ where: { tiktokUserId: v.userId } })).id;
    const fanFirst = (await idOf(fan)) < (await idOf(twin));
    const top = await getLiveTopGifters(db, live.id, 100);
    // The tie at 101 goes to the older viewer, whoever sent more gifts; a gift worth nothing still counts.
    const tied = fanFirst ? [['Fan', 101, 2], ['Twin', 101, 1]] : [['Twin', 101, 1], ['Fan', 101, 2]];
    expect(top.map((t) => [t.nickname, t.diamonds, t.gifts])).toEqual([['Streaker', 120, 1], ...tied, ['Freebie', 0, 1]]);
    expect(top).toEqual(await topFromGifts(live.id, 100));
    for (const take of [1, 2, 3]) expect(await getLiveTopGifters(db, live.id, take)).toEqual(await topFromGifts(live.id, take));
    // Given the live row instead of its id, the same.
    expect(await getLiveTopGifters(db, live, 100)).toEqual(top);
  });
});

describe('searchChats', () => {
  const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);

  it('lists the chat newest first, paged, with the total', async () => {
    const [c1, c2, c3, c4, c5] = world.chatIds;
    const first = await searchChats(db, world.l1.id, { pageSize: 2 });
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 5, pages: 3 });
    expect(ids(first)).toEqual([c5, c4]);
    expect(ids(await searchChats(db, world.l1.id, { page: 3, pageSize: 2 }))).toEqual([c1]);
    expect(first.items[0]).toEqual({ id: c5, at: at(5).toISOString(), content: 'HELLO again 100%', viewer: { id: String(world.chatty.id), handle: world.chatty.handle, nickname: 'Chatty', avatarUrl: null } });
    expect(c2 && c3).toBeTruthy();
  });

  it('finds messages case-insensitively by content', async () => {
    const [c1, , , , c5] = world.chatIds;
    const found = await searchChats(db, world.l1.id, { q: '  hello ' });
    expect(found).toMatchObject({ total: 2, pages: 1 });
    expect(ids(found)).toEqual([c5, c1]);
    expect(ids(await searchChats(db, world.l1.id, { q: '<SCRIPT>' }))).toEqual([world.chatIds[1]]);
  });

  it('finds messages by the sender handle (with or without @) and nickname, and pages the matches', async () => {
    const [, c2, , , c5] = world.chatIds;
    const byHandle = await searchChats(db, world.l1.id, { q: world.chatty.handle?.toUpperCase() });
    expect(ids(byHandle)).toEqual([c5, c2]);
    expect(ids(await searchChats(db, world.l1.id, { q: `@${world.chatty.handle ?? ''}` }))).toEqual([c5, c2]);
    expect(ids(await searchChats(db, world.l1.id, { q: '@MENTION' }))).toEqual([world.chatIds[2]]);
    const secondPage = await searchChats(db, world.l1.id, { q: 'chatty', page: 2, pageSize: 1 });
    expect(secondPage).toMatchObject({ total: 2, pages: 2, page: 2 });
    expect(ids(secondPage)).toEqual([c2]);
    expect(await searchChats(db, world.l1.id, { q: 'chatty', page: 5, pageSize: 1 })).toEqual({ items: [], page: 5, pageSize: 1, total: 2, pages: 2 });
  });

  it('keeps a chat whose sender row is missing (chats has no foreign key to viewers), in the browser, its search and the CSV', async () => {
    const account = await createTestAccount(db);
    const live = await db.live.create({ data: { accountId: account.id, roomId: roomId(), startedAt: at(0) } });
    await db.chat.create({ data: { liveId: live.id, accountId: account.id, viewerId: 123456789123n, msgId: 'orphan', content: 'still here', createdAt: at(1) } });
    const listed = await searchChats(db, live.id);
    expect(listed.items).toEqual([{ id: anyOf(String), at: at(1).toISOString(), content: 'still here', viewer: { id: '123456789123', handle: null, nickname: null, avatarUrl: null } }]);
    expect((await searchChats(db, live.id, { q: 'STILL' })).total).toBe(1);
    const csv = (await collect(exportChatsCsv(db, live.id))).join('');
    expect(csv).toContain('still here');
  });

  it('matches LIKE wildcards literally and finds nothing in another live', async () => {
    expect(ids(await searchChats(db, world.l1.id, { q: '100%' }))).toEqual([world.chatIds[4]]);
    expect((await searchChats(db, world.l1.id, { q: '%' })).total).toBe(1);
    expect((await searchChats(db, world.l1.id, { q: '_' })).total).toBe(0);
    expect(await searchChats(db, world.l2.id, { q: 'hello' })).toEqual({ items: [], page: 1, pageSize: 50, total: 0, pages: 1 });
    expect(buildContainsPattern('a%b_c\\d')).toBe('%a\\%b\\_c\\\\d%');
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and neutralises formulas', () => {
    expect(formatCsvRow(['a', 'b,c', 'say "hi"', 'two\nlines', null, 7, 12n, true])).toBe('a,"b,c","say ""hi""","two\nlines",,7,12,true\r\n');
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'fine = ok'].map((v) => formatCsvCell(v))).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", `"'\tx"`, 'fine = ok']);
    // A spreadsheet that splits at `;`, tab or `|` must not find a formula in any piece, and such a cell
    // is quoted so a reader that knows CSV keeps it whole.
    expect(formatCsvCell('hello;=1+1')).toBe(`"hello;'=1+1"`);
    expect(formatCsvCell('a; =HYPERLINK("x")')).toBe(`"a; '=HYPERLINK(""x"")"`);
    expect(formatCsvCell('x|@cmd')).toBe(`"x|'@cmd"`);
    expect(formatCsvCell('tab\t+1')).toBe(`"tab\t'+1"`);
    expect(formatCsvCell('a,-1')).toBe(`"a,'-1"`);
    expect(formatCsvCell('2+2=4; fine')).toBe('"2+2=4; fine"');
    expect(formatCsvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(formatCsvCell(-5)).toBe('-5');
  });

  it('streams text chunks as UTF-8 bytes after the prefix', async () => {
    async function* chunks() {
      yield await Promise.resolve('a,b\r\n');
      yield await Promise.resolve('é,🌹\r\n');
    }
    const bytes = new Uint8Array(await new Response(createTextStream(chunks(), '\uFEFF')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Decoders drop a leading byte-order mark unless told not to.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFa,b\r\né,🌹\r\n');
  });

  it('exports the chat exactly, in batches', async () => {
    const { fan, chatty, quiet } = world;
    const chunks = await collect(exportChatsCsv(db, world.l1.id, { batchSize: 2 }));
    // Header, then batches of 2, 2 and 1 rows.
    expect(chunks).toHaveLength(4);
    expect(chunks.join('')).toBe(
      'time_utc,viewer_handle,viewer_nickname,viewer_tiktok_id,message\r\n' +
        `${at(1).toISOString()},${fan.handle},"Big Fan, Jr.",${fan.tiktokUserId},hello world\r\n` +
        `${at(2).toISOString()},${chatty.handle},Chatty,${chatty.tiktokUserId},<script>alert(1)</script>\r\n` +
        `${at(3).toISOString()},${quiet.handle},'@mention,${quiet.tiktokUserId},"he said ""hi"", then\nleft"\r\n` +
        `${at(4).toISOString()},${fan.handle},"Big Fan, Jr.",${fan.tiktokUserId},"'=HYPERLINK(""http://evil.example"")"\r\n` +
        `${at(5).toISOString()},${chatty.handle},Chatty,${chatty.tiktokUserId},HELLO again 100%\r\n`,
    );
  });

  it('exports the gifts exactly, and only the header for a live without any', async () => {
    const { fan, chatty, quiet } = world;
    const csv = (await collect(exportGiftsCsv(db, world.l1.id, { batchSize: 3 }))).join('');
    expect(csv).toBe(
      'time_utc,gift,gift_id,repeat_count,diamonds_each,diamonds,streak,streak_end_missing,viewer_handle,viewer_nickname,viewer_tiktok_id\r\n' +
        `${at(0, 30).toISOString()},Money Gun,7168,1,500,500,false,false,${fan.handle},"Big Fan, Jr.",${fan.tiktokUserId}\r\n` +
        `${at(0, 40).toISOString()},Rose,5655,150,1,150,true,false,${chatty.handle},Chatty,${chatty.tiktokUserId}\r\n` +
        `${at(5).toISOString()},Hand Hearts,5660,1,100,100,false,false,${fan.handle},"Big Fan, Jr.",${fan.tiktokUserId}\r\n` +
        `${at(5, 20).toISOString()},Rose,5655,50,1,50,true,true,${quiet.handle},'@mention,${quiet.tiktokUserId}\r\n`,
    );
    expect(await collect(exportGiftsCsv(db, world.l3.id))).toEqual(['time_utc,gift,gift_id,repeat_count,diamonds_each,diamonds,streak,streak_end_missing,viewer_handle,viewer_nickname,viewer_tiktok_id\r\n']);
    expect(await collect(exportChatsCsv(db, world.l2.id))).toHaveLength(1);
  });
});
