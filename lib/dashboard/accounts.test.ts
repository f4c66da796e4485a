import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { requireWatchedAccount, requireWatchedLive, watchesAccount } from '@/lib/dashboard/access';
import { addManagedAccount, listManagedAccounts, removeManagedAccount, requestCheckNow, verifyOwnership } from '@/lib/dashboard/accounts';
import { getLiveNow } from '@/lib/dashboard/live-now';
import { usdWorthOf } from '@/lib/platforms/units';
import { actorOf, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';
import { bilibiliRoomApiForThisFile, profileServerForThisFile } from '@/tools/testing/profile-server-hooks';
import { madeUpRoom } from '@/tools/testing/bilibili-room-api';
import { containing, matching, withProps } from '@/tools/testing/match';

const server = profileServerForThisFile();
const fresh = (fixture: string) => server.fresh(fixture);
// Bilibili's room API, a local stand-in: rooms 3002xxxx exist, made up on the fly.
const bilibili = bilibiliRoomApiForThisFile();
const freshRoom = () => madeUpRoom(`3002${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`);


describe('accounts of a workspace', () => {
  it('adds an account by handle or link, tracks it, lists it, and removes it (tracking stops when no workspace watches it)', async () => {
    const user = await createTestUser(db);
    const handle = fresh('luna.bakes');
    const accountId = await addManagedAccount(db, actorOf(user), `https://www.tiktok.com/@${handle.toUpperCase()}`);
    expect(await watchesAccount(db, user.workspaceId, accountId)).toBe(true);
    expect(await db.trackedAccount.findUniqueOrThrow({ where: { accountId } })).toMatchObject({ enabled: true, source: 'tiktok' });
    // Adding it again changes nothing.
    expect(await addManagedAccount(db, actorOf(user), `@${handle}`)).toBe(accountId);
    const cards = await listManagedAccounts(db, user.workspaceId);
    expect(cards).toEqual([withProps({ id: accountId, handle, ownershipVerified: false, followers: 184203 })]);

    const other = await createTestUser(db);
    await addManagedAccount(db, actorOf(other), handle);
    await removeManagedAccount(db, user.workspaceId, accountId);
    expect((await db.trackedAccount.findUniqueOrThrow({ where: { accountId } })).enabled).toBe(true);
    await removeManagedAccount(db, other.workspaceId, accountId);
    expect((await db.trackedAccount.findUniqueOrThrow({ where: { accountId } })).enabled).toBe(false);
    await expect(removeManagedAccount(db, other.workspaceId, accountId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('adds a Bilibili room by number or link: a channel under the streamer’s uid, tracked by the Bilibili connector', async () => {
    const user = await createTestUser(db);
    const room = freshRoom();
    const accountId = await addManagedAccount(db, actorOf(user), `https://live.bilibili.com/${room.roomId}?from=search`, { platform: 'bilibili', ip: `bili-${user.id}` });
    expect(await db.channel.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ platform: 'bilibili', handle: room.uid, roomId: room.roomId, nickname: room.uname, followers: 128_400n });
    expect(await db.trackedAccount.findUniqueOrThrow({ where: { accountId } })).toMatchObject({ enabled: true, source: 'bilibili' });
    // The same streamer by space link is the same channel; another workspace adding it shares the tracking.
    expect(await addManagedAccount(db, actorOf(user), `https://space.bilibili.com/${room.uid}`, { platform: 'bilibili' })).toBe(accountId);
    expect(await listManagedAccounts(db, user.workspaceId)).toEqual([withProps({ id: accountId, platform: 'bilibili', handle: room.uid, nickname: room.uname, followers: 128_400 })]);
    const other = await createTestUser(db);
    await expect(listManagedAccounts(db, other.workspaceId)).resolves.toEqual([]);
    // Both additions stored one channel.
    expect(await db.channel.count({ where: { handle: room.uid } })).toBe(1);
  });

  it('explains Bilibili addresses it cannot use, and missing rooms, without storing anything', async () => {
    const user = await createTestUser(db);
    const add = (input: string) => addManagedAccount(db, actorOf(user), input, { platform: 'bilibili', ip: `bili-bad-${user.id}` });
    await expect(add('https://www.youtube.com/@someone')).rejects.toMatchObject({ code: 'BAD_REQUEST', message: containing('not a Bilibili room number or link') });
    await expect(add('99999999')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Bilibili has no live room 99999999. Check the number.' });
    await expect(add('UID 424242')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The Bilibili user with UID 424242 has no live room.' });
    bilibili.api().rateLimited = true;
    try {
      await expect(add(freshRoom().roomId)).rejects.toMatchObject({ code: 'RATE_LIMITED', message: containing('Bilibili is refusing requests') });
    } finally {
      bilibili.api().rateLimited = false;
    }
    expect(await listManagedAccounts(db, user.workspaceId)).toEqual([]);
  });

  it('explains bad handles and missing users', async () => {
    const user = await createTestUser(db);
    await expect(addManagedAccount(db, actorOf(user), 'bad handle!')).rejects.toMatchObject({ code: 'BAD_REQUEST', message: containing('letters, numbers') });
    await expect(addManagedAccount(db, actorOf(user), 'nobody.at.all.999')).rejects.toMatchObject({ code: 'NOT_FOUND', message: containing('@nobody.at.all.999') });
  });

  it('hides other workspaces’ accounts and lives behind "not found"', async () => {
    const [owner, stranger] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const accountId = await addManagedAccount(db, actorOf(owner), fresh('nova.quinn'));
    const live = await db.live.create({ data: { accountId, roomId: `78${Date.now()}`.slice(0, 19), startedAt: new Date() } });
    await expect(requireWatchedAccount(db, stranger.workspaceId, accountId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(requireWatchedLive(db, stranger.workspaceId, live.id.toString())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(requireWatchedLive(db, owner.workspaceId, 'not-a-number')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(verifyOwnership(db, stranger.workspaceId, accountId, { ip: `test-${stranger.id}` })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await requireWatchedLive(db, owner.workspaceId, live.id.toString())).id).toBe(live.id);
  });

  it('confirms ownership only when the code is in the bio', async () => {
    const user = await createTestUser(db);
    const accountId = await addManagedAccount(db, actorOf(user), fresh('retro.reels'));
    const first = await verifyOwnership(db, user.workspaceId, accountId, { ip: `test-${user.id}` });
    expect(first).toMatchObject({ verified: false, code: matching(/^LL-[0-9A-F]{8}$/) });
    expect(first.message).toContain(first.code);
    // Pretend the user put the code in the bio: the fixture server does not change, so store it as TikTok would return it.
    await db.workspaceAccount.update({ where: { workspaceId_accountId: { workspaceId: user.workspaceId, accountId } }, data: { verificationCode: 'VHS VIBES' } });
    expect(await verifyOwnership(db, user.workspaceId, accountId, { ip: `test-${user.id}` })).toMatchObject({ verified: true });
  });

  it('counts ownership checks against the per-address lookup limit (a forced TikTok fetch each)', async () => {
    const user = await createTestUser(db);
    const accountId = await addManagedAccount(db, actorOf(user), fresh('retro.reels'));
    const ip = `verify-${user.id}`;
    // One instant for every check: the limit's window is fixed, and 21 checks could straddle its edge.
    const now = new Date();
    for (let i = 0; i < 20; i++) await verifyOwnership(db, user.workspaceId, accountId, { ip, now });
    await expect(verifyOwnership(db, user.workspaceId, accountId, { ip, now })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Another address still can.
    await expect(verifyOwnership(db, user.workspaceId, accountId, { ip: `${ip}-other`, now })).resolves.toMatchObject({ verified: false });
  });

  it('asks the worker to check now, and reports the live-now data of the latest live', async () => {
    const user = await createTestUser(db);
    const accountId = await addManagedAccount(db, actorOf(user), fresh('pixelpip_'));
    await requestCheckNow(db, accountId);
    expect((await db.trackedAccount.findUniqueOrThrow({ where: { accountId } })).checkRequestedAt).not.toBeNull();
    expect(await getLiveNow(db, accountId)).toMatchObject({ live: null, gifts: [], chats: [] });
    const live = await db.live.create({ data: { accountId, roomId: `79${Date.now()}`.slice(0, 19), startedAt: new Date(), diamonds: 1000n, gifts: 3 } });
    const now = await getLiveNow(db, accountId);
    expect(now.live).toMatchObject({ liveId: live.id.toString(), diamonds: 1000, gifts: 3, earnings: { low: 4, mid: 5, high: 6 } });
  });

  it('lists a Bilibili channel with its platform, prices its live in gold, and never looks its uid up on TikTok', async () => {
    const user = await createTestUser(db);
    const uid = String(Number.parseInt(uniqueSuffix(), 16) + 1);
    const channel = await db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid, nickname: '星海电台 Xinghai Radio' } });
    await watchTestAccount(db, user.workspaceId, channel.id);
    await db.trackedAccount.create({ data: { accountId: channel.id, source: 'bilibili', state: 'LIVE' } });
    const live = await db.live.create({ data: { accountId: channel.id, platform: 'bilibili', roomId: `b${uniqueSuffix()}`, startedAt: new Date(), diamonds: 365_400n, gifts: 10 } });

    const [card] = await listManagedAccounts(db, user.workspaceId);
    expect(card).toMatchObject({ id: channel.id, platform: 'bilibili', handle: uid, nickname: '星海电台 Xinghai Radio', liveNow: { liveId: live.id.toString(), diamonds: 365_400 } });
    const now = await getLiveNow(db, channel.id);
    expect(now).toMatchObject({ platform: 'bilibili', live: { diamonds: 365_400, earnings: usdWorthOf('bilibili', 365_400) } });
    // Its ownership check reads Bilibili (which knows no such room here), never TikTok.
    await expect(verifyOwnership(db, user.workspaceId, channel.id, { ip: `test-${user.id}` })).resolves.toMatchObject({ verified: false, message: 'Bilibili could not be reached to read the room title; try again in a moment.' });
    expect(server.hits.get(uid)).toBeUndefined();
  });

  it('confirms a Bilibili channel’s ownership when the code is in its live room’s title', async () => {
    const user = await createTestUser(db);
    const room = bilibili.api().add(freshRoom());
    const accountId = await addManagedAccount(db, actorOf(user), room.roomId, { platform: 'bilibili' });
    const ip = `title-${user.id}`;
    const first = await verifyOwnership(db, user.workspaceId, accountId, { ip });
    expect(first).toMatchObject({ verified: false, message: `The code ${first.code} is not in the title of live room ${room.roomId} yet. Put it in the title, save, and check again (you can change it back afterwards).` });
    // The streamer puts it in the title (in lower case: the check ignores case).
    bilibili.api().add({ ...room, title: `唱歌 · ${first.code.toLowerCase()}` });
    expect(await verifyOwnership(db, user.workspaceId, accountId, { ip })).toMatchObject({ verified: true, code: first.code });
    expect(await db.channel.findUniqueOrThrow({ where: { id: accountId } })).toMatchObject({ roomTitle: `唱歌 · ${first.code.toLowerCase()}` });
    expect(server.hits.get(room.uid)).toBeUndefined();
  });
});
