// /compare's entries and the comparison against the real test Postgres: TikTok usernames and Bilibili
// channels (by uid, space link or room link) side by side, in the order asked, the missing ones named.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { compareKey, getComparison, parseCompareHandles } from '@/lib/stats/compare';
import { createTestAccount, uniqueSuffix } from '@/tools/testing/factories';

const NOW = new Date('2026-12-02T12:00:00Z');

async function snapshot(accountId: string, at: string, followers: number, hearts = followers * 10, videos = 5) {
  await db.profileSnapshot.create({ data: { accountId, fetchedAt: new Date(at), followers, hearts, videos, following: 1, diggs: 0, friends: 0 } });
}

let next = 0;
async function bilibiliChannel(followers: bigint | null, samples: { at: string; followers: number }[] = []) {
  const uid = `7${Date.now()}${next++}`.slice(0, 17);
  const roomId = `9${uid.slice(-8)}`;
  const channel = await db.channel.create({
    data: { platform: 'bilibili', handle: uid, platformUserId: uid, roomId, nickname: `主播 ${uid.slice(-4)}`, followers, lastFetchStatus: 'ok', lastFetchedAt: new Date('2026-12-01T09:00:00Z') },
  });
  await db.followerSample.createMany({ data: samples.map((s) => ({ accountId: channel.id, fetchedAt: new Date(s.at), followers: BigInt(s.followers) })) });
  return { ...channel, uid, roomId };
}

describe('parseCompareHandles', () => {
  it('takes up to three distinct valid handles from commas or repeated parameters', () => {
    expect(parseCompareHandles('Alpha.One, @beta ,alpha.one,gamma,delta')).toEqual({ handles: ['alpha.one', 'beta', 'gamma'], invalid: [] });
    expect(parseCompareHandles(['a1,b2', 'c3', '..bad..'])).toEqual({ handles: ['a1', 'b2', 'c3'], invalid: ['..bad..'] });
    expect(parseCompareHandles(undefined)).toEqual({ handles: [], invalid: [] });
  });

  it('takes Bilibili channels by key, space link, UID or room link, and refuses other Bilibili links', () => {
    expect(compareKey('bilibili:21144080')).toBe('bilibili:21144080');
    expect(compareKey('BILIBILI:room:5050')).toBe('bilibili:room:5050');
    expect(compareKey('https://space.bilibili.com/21144080?spm_id_from=333')).toBe('bilibili:21144080');
    expect(compareKey('UID 21144080')).toBe('bilibili:21144080');
    expect(compareKey('https://live.bilibili.com/5050?from=search')).toBe('bilibili:room:5050');
    expect(compareKey('https://www.bilibili.com/video/BV1xx411c7mD')).toBeNull();
    expect(compareKey('bilibili:0123')).toBeNull();
    // A bare number stays a TikTok username (TikTok allows digits-only names).
    expect(compareKey('21144080')).toBe('21144080');
    expect(parseCompareHandles(['luna', 'https://live.bilibili.com/5050', 'uid:21144080', 'https://www.bilibili.com/video/BV1'])).toEqual({
      handles: ['luna', 'bilibili:room:5050', 'bilibili:21144080'],
      invalid: ['https://www.bilibili.com/video/BV1'],
    });
  });
});

describe('getComparison', () => {
  it('answers stored accounts in the order asked with latest counts and history, and names the missing ones', async () => {
    const first = await createTestAccount(db);
    const second = await createTestAccount(db);
    const gone = await db.channel.create({ data: { handle: `gone.${uniqueSuffix()}`, lastFetchStatus: 'not_found' } });
    const unfetched = await createTestAccount(db);
    await snapshot(first.id, '2026-11-30T10:00:00Z', 1_000, 50_000, 10);
    await snapshot(first.id, '2026-12-01T10:00:00Z', 1_100, 55_000, 11);
    await snapshot(second.id, '2026-12-01T10:00:00Z', 200, 900, 3);
    const never = `never.${uniqueSuffix()}`;
    const { accounts, missing } = await getComparison(db, [second.handle, first.handle, gone.handle, unfetched.handle, never], NOW);
    expect(accounts.map((a) => a.handle)).toEqual([second.handle, first.handle]);
    expect(accounts[1]).toMatchObject({ platform: 'tiktok', key: first.handle, canonical: first.handle, latest: { followers: 1_100, hearts: 55_000, videos: 11 }, fetchedAt: '2026-12-01T10:00:00.000Z' });
    expect(accounts[1]?.daily.map((d) => d.followers)).toEqual([1_000, 1_100]);
    // 55,000 likes over 11 videos is 5,000 a video, 454.5 % of 1,100 followers (no view counts stored).
    expect(accounts[1]?.engagementPercent).toBeCloseTo(454.545, 2);
    expect(missing.map((m) => m.key)).toEqual([gone.handle, unfetched.handle, never]);
    expect(missing[2]).toEqual({ key: never, platform: 'tiktok', handle: never });
  });

  it('compares a TikTok account with Bilibili channels found by uid or by room, followers only for Bilibili', async () => {
    const tiktok = await createTestAccount(db);
    await snapshot(tiktok.id, '2026-12-01T10:00:00Z', 5_000);
    const byUid = await bilibiliChannel(128_400n, [
      { at: '2026-11-30T08:00:00Z', followers: 128_000 },
      { at: '2026-12-01T08:00:00Z', followers: 128_400 },
    ]);
    const byRoom = await bilibiliChannel(9_000n);
    const noCount = await bilibiliChannel(null);
    const { accounts, missing } = await getComparison(db, [tiktok.handle, `bilibili:${byUid.uid}`, `bilibili:room:${byRoom.roomId}`, `bilibili:${noCount.uid}`, 'bilibili:room:99999'], NOW);
    expect(accounts.map((a) => [a.platform, a.key, a.canonical])).toEqual([
      ['tiktok', tiktok.handle, tiktok.handle],
      ['bilibili', `bilibili:${byUid.uid}`, `bilibili:${byUid.uid}`],
      ['bilibili', `bilibili:room:${byRoom.roomId}`, `bilibili:${byRoom.uid}`],
    ]);
    expect(accounts[1]).toMatchObject({
      handle: byUid.uid,
      nickname: byUid.nickname,
      latest: { followers: 128_400, following: null, hearts: null, videos: null },
      engagementPercent: null,
      fetchedAt: '2026-12-01T09:00:00.000Z',
    });
    expect(accounts[1]?.daily.map((d) => [d.day, d.followers])).toEqual([
      ['2026-11-30', 128_000],
      ['2026-12-01', 128_400],
    ]);
    // No follower count stored: nothing to compare yet. A room never looked up: not known at all.
    expect(missing).toEqual([
      { key: `bilibili:${noCount.uid}`, platform: 'bilibili', handle: noCount.uid },
      { key: 'bilibili:room:99999', platform: 'bilibili', handle: null },
    ]);
  });

  it('shows a channel asked for twice (by uid and by room) once', async () => {
    const channel = await bilibiliChannel(500n);
    const { accounts } = await getComparison(db, [`bilibili:${channel.uid}`, `bilibili:room:${channel.roomId}`], NOW);
    expect(accounts.map((a) => a.canonical)).toEqual([`bilibili:${channel.uid}`]);
  });
});
