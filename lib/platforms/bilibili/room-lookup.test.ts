// The room lookup against a local stand-in for Bilibili's room API (tools/testing/bilibili-room-api.ts, not
// Bilibili): what it reads from each reply, how it names failures, and what it stores.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { BilibiliApiError } from '@/lib/platforms/bilibili/api';
import { BILIBILI_ROOM_FRESH_MS, BILIBILI_UNAVAILABLE_REASONS, bilibiliChannelPage, fetchBilibiliRoom, readRoomInfo, storeBilibiliRoom } from '@/lib/platforms/bilibili/room-lookup';
import { madeUpRoom } from '@/tools/testing/bilibili-room-api';
import { bilibiliRoomApiForThisFile } from '@/tools/testing/profile-server-hooks';

const freshRoom = () => `3002${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;

const standIn = bilibiliRoomApiForThisFile();
const options = () => ({ apiBase: standIn.api().apiBase, liveBase: standIn.api().liveBase, timeoutMs: 2000 });

describe('fetchBilibiliRoom (against the room API stand-in)', () => {
  it('reads a room by its number, its short number, or its streamer’s uid', async () => {
    const api = standIn.api();
    const room = api.add({ uid: '3546001299990001', roomId: '30029001', shortId: '77', uname: 'Lumi 月光', face: 'http://i0.hdslb.com/bfs/face/a.jpg', title: '唱歌 & <b>聊天</b>', area: ['娱乐', '唱见'], liveStatus: 1, followers: 1_234_567 });
    const expected = { uid: room.uid, roomId: '30029001', shortId: '77', nickname: 'Lumi 月光', avatarUrl: 'https://i0.hdslb.com/bfs/face/a.jpg', title: '唱歌 & <b>聊天</b>', area: '娱乐 · 唱见', liveStatus: 1, followers: 1_234_567n };
    expect(await fetchBilibiliRoom({ kind: 'room', roomId: '30029001' }, options())).toEqual({ kind: 'ok', room: expected });
    expect(await fetchBilibiliRoom({ kind: 'room', roomId: '77' }, options())).toEqual({ kind: 'ok', room: expected });
    expect(await fetchBilibiliRoom({ kind: 'uid', uid: room.uid }, options())).toEqual({ kind: 'ok', room: expected });
    expect(api.requests.at(-2)).toBe(`/room/v1/Room/getRoomInfoOld?mid=${room.uid}`);
  });

  it('names a missing room, a user without a room, Bilibili’s refusal and an outage', async () => {
    const api = standIn.api();
    expect(await fetchBilibiliRoom({ kind: 'room', roomId: '99999999' }, options())).toEqual({ kind: 'not_found' });
    expect(await fetchBilibiliRoom({ kind: 'uid', uid: '424242' }, options())).toEqual({ kind: 'no_room', uid: '424242' });
    api.rateLimited = true;
    expect(await fetchBilibiliRoom({ kind: 'room', roomId: '30029001' }, options())).toEqual({ kind: 'rate_limited' });
    api.rateLimited = false;
    api.failing = true;
    expect(await fetchBilibiliRoom({ kind: 'room', roomId: '30029001' }, options())).toEqual({ kind: 'unavailable', reason: BILIBILI_UNAVAILABLE_REASONS[1] });
    api.failing = false;
    // Nothing listens there.
    expect(await fetchBilibiliRoom({ kind: 'room', roomId: '1' }, { ...options(), apiBase: 'http://127.0.0.1:9' })).toEqual({ kind: 'unavailable', reason: BILIBILI_UNAVAILABLE_REASONS[0] });
  });

  it('treats HTTP 412 and codes -352/-412 as rate limits, and reads odd replies without throwing', () => {
    expect([412, 429, -352, -412].map((code) => new BilibiliApiError(code, '').rateLimited)).toEqual([true, true, true, true]);
    expect(new BilibiliApiError(503, '').rateLimited).toBe(false);
    expect(readRoomInfo({})).toBeNull();
    expect(readRoomInfo({ room_info: { uid: -1, room_id: 5 } })).toBeNull();
    expect(readRoomInfo({ room_info: { uid: '12', room_id: 5, title: 7, live_status: 'x' }, anchor_info: { relation_info: { attention: -3 } } })).toEqual({ uid: '12', roomId: '5', shortId: null, nickname: null, avatarUrl: null, title: null, area: null, liveStatus: 0, followers: null });
  });
});

describe('storeBilibiliRoom', () => {
  it('creates the channel under its uid, then updates what changed', async () => {
    const room = madeUpRoom(freshRoom());
    const info = { uid: room.uid, roomId: room.roomId, shortId: null, nickname: room.uname, avatarUrl: null, title: room.title, area: '娱乐 · 唱见', liveStatus: 0, followers: 10n };
    const id = await storeBilibiliRoom(db, info);
    expect(await storeBilibiliRoom(db, { ...info, nickname: '新名字', liveStatus: 1, followers: 11n })).toBe(id);
    expect(await db.channel.findUniqueOrThrow({ where: { id } })).toMatchObject({ platform: 'bilibili', handle: room.uid, platformUserId: room.uid, roomId: room.roomId, nickname: '新名字', roomTitle: room.title, roomArea: '娱乐 · 唱见', roomLiveStatus: 1, followers: 11n, lastFetchStatus: 'ok' });
  });
});

describe('bilibiliChannelPage (the public /bilibili/{uid} page)', () => {
  it('looks a new uid up and stores it, then reads the stored facts until they are 30 minutes old', async () => {
    const api = standIn.api();
    const room = api.add({ ...madeUpRoom(freshRoom()), liveStatus: 1, followers: 5000 });
    const ip = `page-${room.uid}`;
    const t0 = new Date();
    const first = await bilibiliChannelPage(db, room.uid, ip, t0);
    expect(first).toMatchObject({ kind: 'page', page: { handle: room.uid, nickname: room.uname, room: { title: room.title, liveStatus: 1, followers: 5000n, fetchStatus: 'ok' }, totals: { lives: 0 } } });
    const asked = api.requests.length;
    await bilibiliChannelPage(db, room.uid, ip, new Date(t0.getTime() + BILIBILI_ROOM_FRESH_MS - 1000));
    expect(api.requests.length).toBe(asked);
    // Older than that: asked again, and what changed is shown.
    api.add({ ...room, liveStatus: 0, followers: 5100 });
    const later = await bilibiliChannelPage(db, room.uid, ip, new Date(t0.getTime() + BILIBILI_ROOM_FRESH_MS + 1000));
    // A stored channel is asked for by its room number: one call, not the uid's two.
    expect(api.requests.slice(asked)).toEqual([`/xlive/web-room/v1/index/getH5InfoByRoom?room_id=${room.roomId}`]);
    expect(later).toMatchObject({ kind: 'page', page: { room: { liveStatus: 0, followers: 5100n, fetchStatus: 'ok' } } });
    // Bilibili failing: the stored page stays, marked as not fresh, and is not asked again for 30 minutes.
    api.failing = true;
    try {
      const stale = await bilibiliChannelPage(db, room.uid, ip, new Date(t0.getTime() + 2 * BILIBILI_ROOM_FRESH_MS + 2000));
      expect(stale).toMatchObject({ kind: 'page', page: { room: { followers: 5100n, fetchStatus: 'network' } } });
    } finally {
      api.failing = false;
    }
  });

  it('keeps a stored channel Bilibili cannot be asked about (the offline demo) without room facts, asking again only after 30 minutes', async () => {
    const api = standIn.api();
    const room = madeUpRoom(freshRoom());
    await db.channel.create({ data: { platform: 'bilibili', handle: room.uid, platformUserId: room.uid, roomId: room.roomId, nickname: 'Recorded only' } });
    api.failing = true;
    try {
      const t0 = new Date();
      expect(await bilibiliChannelPage(db, room.uid, 'page-offline', t0)).toMatchObject({ kind: 'page', page: { nickname: 'Recorded only', room: null, fetchedAt: t0 } });
      const asked = api.requests.length;
      await bilibiliChannelPage(db, room.uid, 'page-offline', new Date(t0.getTime() + 60_000));
      expect(api.requests.length).toBe(asked);
    } finally {
      api.failing = false;
    }
  });

  it('never asks Bilibili about a channel the worker replays from a recording (the demo’s room), however old its facts', async () => {
    const api = standIn.api();
    const room = madeUpRoom(freshRoom());
    const t0 = new Date();
    const channel = await db.channel.create({ data: { platform: 'bilibili', handle: room.uid, platformUserId: room.uid, roomId: room.roomId, nickname: 'Demo room', roomTitle: 'Recorded', roomLiveStatus: 0, lastFetchStatus: 'ok', lastFetchedAt: t0 } });
    await db.trackedAccount.create({ data: { accountId: channel.id, source: 'replay' } });
    // Bilibili knows that room number as someone else's: asked, the channel would be stored as not found.
    api.add({ ...room, uid: '777000222' });
    const asked = api.requests.length;
    const later = await bilibiliChannelPage(db, room.uid, 'page-replayed', new Date(t0.getTime() + 4 * BILIBILI_ROOM_FRESH_MS));
    expect(later).toMatchObject({ kind: 'page', page: { nickname: 'Demo room', room: { title: 'Recorded', fetchStatus: 'ok' } } });
    expect(api.requests.length).toBe(asked);
    // Watched live from Bilibili instead: asked again once the facts are old, as any channel.
    await db.trackedAccount.update({ where: { accountId: channel.id }, data: { source: 'bilibili' } });
    await bilibiliChannelPage(db, room.uid, 'page-replayed', new Date(t0.getTime() + 4 * BILIBILI_ROOM_FRESH_MS));
    expect(api.requests.length).toBeGreaterThan(asked);
  });

  it('answers not found for a uid without a room, and a message when Bilibili cannot be asked', async () => {
    const api = standIn.api();
    expect(await bilibiliChannelPage(db, '424243', 'page-missing')).toEqual({ kind: 'not_found' });
    api.rateLimited = true;
    try {
      expect(await bilibiliChannelPage(db, `35460012${freshRoom()}`, 'page-refused')).toEqual({ kind: 'error', message: 'Bilibili is refusing requests from LiveLens for now; try again in a few minutes.' });
    } finally {
      api.rateLimited = false;
    }
  });

  it('never stores another streamer’s room under a uid', async () => {
    const api = standIn.api();
    const room = api.add(madeUpRoom(freshRoom()));
    // A reply whose room belongs to someone else (the stand-in maps this uid to that room).
    const impostor = `35460012${room.roomId}`;
    api.add({ ...room, uid: '777000111' });
    expect(await bilibiliChannelPage(db, impostor, 'page-impostor')).toEqual({ kind: 'not_found' });
    expect(await db.channel.count({ where: { platform: 'bilibili', handle: { in: [impostor, '777000111'] } } })).toBe(0);
  });
});
