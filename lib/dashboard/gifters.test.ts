import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireWatchedAccount } from '@/lib/dashboard/access';
import { getGifter, gifterLeaderboard, parseViewerId, periodStartDay } from '@/lib/dashboard/gifters';
import { createTestAccount, createTestUser, uniqueSuffix } from '@/tools/testing/factories';

const DAY = 86_400_000;
// A fixed clock, so the 7- and 30-day windows fall on known calendar days.
const NOW = new Date('2031-03-15T12:00:00Z');
const ago = (days: number, minutes = 0) => new Date(NOW.getTime() - days * DAY + minutes * 60_000);
const dayAgo = (days: number) => new Date(`${ago(days).toISOString().slice(0, 10)}T00:00:00Z`);

async function createViewer(name: string) {
  return db.viewer.create({ data: { tiktokUserId: `69${Date.now()}${uniqueSuffix()}`, handle: `${name}.${uniqueSuffix()}`, nickname: name } });
}

async function createLive(accountId: string, startedAt: Date) {
  return db.live.create({ data: { accountId, roomId: `g${uniqueSuffix()}${uniqueSuffix()}`, startedAt, endedAt: new Date(startedAt.getTime() + 3_600_000) } });
}

async function buildWorld() {
  const [owner, stranger] = await Promise.all([createTestUser(db), createTestUser(db)]);
  const [mine, theirs] = await Promise.all([createTestAccount(db), createTestAccount(db)]);
  await db.workspaceAccount.createMany({ data: [{ workspaceId: owner.workspaceId, accountId: mine.id }, { workspaceId: stranger.workspaceId, accountId: theirs.id }] });
  const [loyal, recent, oldTimer, edgeIn, edgeOut, elsewhere] = await Promise.all(['loyal', 'recent', 'old', 'edgein', 'edgeout', 'elsewhere'].map(createViewer));
  if (!loyal || !recent || !oldTimer || !edgeIn || !edgeOut || !elsewhere) throw new Error('viewers missing');

  const [l60, l20, l3, l1, other] = await Promise.all([createLive(mine.id, ago(60)), createLive(mine.id, ago(20)), createLive(mine.id, ago(3)), createLive(mine.id, ago(1)), createLive(theirs.id, ago(2))]);
  await db.liveViewer.createMany({
    data: [
      { liveId: l20.id, viewerId: loyal.id, firstSeenAt: ago(20, 5) },
      { liveId: l3.id, viewerId: loyal.id, firstSeenAt: ago(3, 7) },
      { liveId: l1.id, viewerId: loyal.id, firstSeenAt: ago(1, 9) },
      { liveId: l3.id, viewerId: recent.id, firstSeenAt: ago(3, 1) },
      { liveId: l60.id, viewerId: oldTimer.id, firstSeenAt: ago(60, 2) },
      // Another streamer's live: must not count towards lives attended here.
      { liveId: other.id, viewerId: loyal.id, firstSeenAt: ago(2, 1) },
      { liveId: other.id, viewerId: elsewhere.id, firstSeenAt: ago(2, 1) },
    ],
  });
  await db.gifterStat.createMany({
    data: [
      { accountId: mine.id, viewerId: loyal.id, day: dayAgo(20), diamonds: 1000n, gifts: 2 },
      { accountId: mine.id, viewerId: loyal.id, day: dayAgo(3), diamonds: 100n, gifts: 1 },
      { accountId: mine.id, viewerId: recent.id, day: dayAgo(3), diamonds: 500n, gifts: 5 },
      { accountId: mine.id, viewerId: oldTimer.id, day: dayAgo(60), diamonds: 5000n, gifts: 1 },
      // "7d" is today and the 6 days before: day 6 is in, day 7 is out.
      { accountId: mine.id, viewerId: edgeIn.id, day: dayAgo(6), diamonds: 50n, gifts: 1 },
      { accountId: mine.id, viewerId: edgeOut.id, day: dayAgo(7), diamonds: 60n, gifts: 1 },
      { accountId: theirs.id, viewerId: loyal.id, day: dayAgo(2), diamonds: 99_999n, gifts: 9 },
      { accountId: theirs.id, viewerId: elsewhere.id, day: dayAgo(2), diamonds: 10n, gifts: 1 },
    ],
  });
  const gift = (liveId: bigint, accountId: string, viewerId: bigint, createdAt: Date, diamonds: number) => ({
    liveId, accountId, viewerId, createdAt, diamonds, diamondCount: diamonds, repeatCount: 1,
    dedupeKey: `m:${uniqueSuffix()}`, msgId: uniqueSuffix(), giftId: '5655', giftName: 'Rose',
  });
  await db.gift.createMany({
    data: [
      gift(l20.id, mine.id, loyal.id, ago(20, 10), 400),
      gift(l20.id, mine.id, loyal.id, ago(20, 20), 600),
      gift(l3.id, mine.id, loyal.id, ago(3, 30), 100),
      gift(other.id, theirs.id, loyal.id, ago(2, 5), 99_999),
    ],
  });
  return { owner, stranger, mine, theirs, loyal, recent, oldTimer, edgeIn, edgeOut, elsewhere, l20, l3, l1 };
}

describe('gifter leaderboard', () => {
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    w = await buildWorld();
  });

  it('ranks by diamonds within the period and ignores other streamers', async () => {
    const week = await gifterLeaderboard(db, w.mine.id, { period: '7d', now: NOW });
    expect(week.items.map((r) => r.viewerId)).toEqual([w.recent.id, w.loyal.id, w.edgeIn.id].map(String));
    expect(week.items.map((r) => [r.rank, r.diamonds, r.gifts])).toEqual([[1, 500, 5], [2, 100, 1], [3, 50, 1]]);
    expect(week.total).toBe(3);

    const month = await gifterLeaderboard(db, w.mine.id, { period: '30d', now: NOW });
    expect(month.items.map((r) => [r.viewerId, r.diamonds])).toEqual([[String(w.loyal.id), 1100], [String(w.recent.id), 500], [String(w.edgeOut.id), 60], [String(w.edgeIn.id), 50]]);

    const all = await gifterLeaderboard(db, w.mine.id, { period: 'all', now: NOW });
    expect(all.items[0]).toMatchObject({ viewerId: String(w.oldTimer.id), diamonds: 5000, handle: w.oldTimer.handle, nickname: 'old' });
    expect(all.total).toBe(5);
    expect(all.items.some((r) => r.viewerId === String(w.elsewhere.id))).toBe(false);
  });

  it('counts lives attended and first and last seen over this streamer’s lives only', async () => {
    const all = await gifterLeaderboard(db, w.mine.id, { period: 'all', now: NOW });
    const loyal = all.items.find((r) => r.viewerId === String(w.loyal.id));
    expect(loyal).toMatchObject({ livesAttended: 3, firstSeenAt: ago(20, 5).toISOString(), lastSeenAt: ago(1, 9).toISOString() });
    // A gifter known only from the rollup has no attendance rows.
    expect(all.items.find((r) => r.viewerId === String(w.edgeIn.id))).toMatchObject({ livesAttended: 0, firstSeenAt: null, lastSeenAt: null });
  });

  it('pages with a stable order and the total', async () => {
    const first = await gifterLeaderboard(db, w.mine.id, { period: 'all', page: 1, pageSize: 2, now: NOW });
    const second = await gifterLeaderboard(db, w.mine.id, { period: 'all', page: 2, pageSize: 2, now: NOW });
    const third = await gifterLeaderboard(db, w.mine.id, { period: 'all', page: 3, pageSize: 2, now: NOW });
    expect(first).toMatchObject({ total: 5, pages: 3, page: 1, pageSize: 2 });
    expect(second.items.map((r) => r.rank)).toEqual([3, 4]);
    expect(third.items.map((r) => r.rank)).toEqual([5]);
    const ids = [...first.items, ...second.items, ...third.items].map((r) => r.viewerId);
    expect(new Set(ids).size).toBe(5);
    expect((await gifterLeaderboard(db, w.mine.id, { period: 'all', page: 9, pageSize: 2, now: NOW })).items).toEqual([]);
  });

  it('is empty for an account without gifts', async () => {
    const lonely = await createTestAccount(db);
    expect(await gifterLeaderboard(db, lonely.id, { period: '30d', now: NOW })).toEqual({ items: [], page: 1, pageSize: 25, pages: 1, total: 0 });
  });

  it('starts "7d" six days before today and "30d" 29 days before (UTC days)', () => {
    expect(periodStartDay('7d', NOW)).toBe('2031-03-09');
    expect(periodStartDay('30d', NOW)).toBe('2031-02-14');
    expect(periodStartDay('all', NOW)).toBeNull();
  });
});

describe('one gifter', () => {
  let w: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    w = await buildWorld();
  });

  it('shows totals, attendance and gifts to this streamer, newest first and paged', async () => {
    const detail = await getGifter(db, w.mine.id, String(w.loyal.id), { pageSize: 2 });
    expect(detail).toMatchObject({ viewerId: String(w.loyal.id), diamonds: 1100, giftCount: 3, livesAttended: 3, firstSeenAt: ago(20, 5).toISOString(), lastSeenAt: ago(1, 9).toISOString() });
    expect(detail.gifts).toMatchObject({ total: 3, pages: 2, page: 1 });
    expect(detail.gifts.items.map((g) => [g.diamonds, g.liveId])).toEqual([[100, String(w.l3.id)], [600, String(w.l20.id)]]);
    expect(detail.gifts.items[0]?.liveStartedAt).toBe(w.l3.startedAt.toISOString());
    const next = await getGifter(db, w.mine.id, String(w.loyal.id), { page: 2, pageSize: 2 });
    expect(next.gifts.items.map((g) => g.diamonds)).toEqual([400]);
  });

  it('knows a viewer who attended without gifting', async () => {
    const recent = await getGifter(db, w.mine.id, String(w.recent.id));
    expect(recent).toMatchObject({ livesAttended: 1, diamonds: 500, gifts: { total: 0, items: [] } });
  });

  it('is NOT_FOUND for a viewer never seen in this streamer’s lives, and for malformed ids', async () => {
    await expect(getGifter(db, w.mine.id, String(w.elsewhere.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getGifter(db, w.theirs.id, String(w.recent.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getGifter(db, w.mine.id, '999999999999999999')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const bad of ['abc', '-1', '1.5', '', ' 1', '0', '9223372036854775808', '12345678901234567890']) {
      await expect(getGifter(db, w.mine.id, bad)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(parseViewerId('9223372036854775807')).toBe(9_223_372_036_854_775_807n);
  });

  it('keeps another user’s account out of reach (NOT_FOUND before any gifter is read)', async () => {
    await expect(requireWatchedAccount(db, w.stranger.workspaceId, w.mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(requireWatchedAccount(db, w.owner.workspaceId, w.theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(requireWatchedAccount(db, w.owner.workspaceId, w.mine.id)).resolves.toMatchObject({ id: w.mine.id });
  });
});
