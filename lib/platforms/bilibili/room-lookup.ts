// Looks a Bilibili live room up on Bilibili's room API and stores what it says on the channel: the streamer's
// uid, name and face, the room's long and short ids, title, area, live status and followers. The add form
// (lib/dashboard/accounts.ts) and the public channel page (/bilibili/{uid}, bilibiliChannelPage) use it. Two endpoints, neither
// needing a signature or a login: getRoomInfoOld (a uid's room) and getH5InfoByRoom (a room's details).
import 'server-only';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit';
import { BilibiliApiError, bilibiliApi, bilibiliApiOptions, type BilibiliApiOptions } from '@/lib/platforms/bilibili/api';
import { BILIBILI_NUMBER, type BilibiliAddress } from '@/lib/platforms/bilibili/address';
import { channelHandle } from '@/lib/platforms/channel';
import { readChannelPage, type ChannelPage } from '@/lib/platforms/channel-page';

export type BilibiliRoomInfo = {
  uid: string;
  roomId: string;
  shortId: string | null;
  nickname: string | null;
  avatarUrl: string | null;
  title: string | null;
  area: string | null;
  /** 0 offline, 1 live, 2 replaying old videos (轮播). */
  liveStatus: number;
  followers: bigint | null;
};

export type BilibiliRoomLookup =
  | { kind: 'ok'; room: BilibiliRoomInfo }
  | { kind: 'not_found' }
  /** The uid exists (or may) but has never opened a live room. */
  | { kind: 'no_room'; uid: string }
  | { kind: 'rate_limited' }
  | { kind: 'unavailable'; reason: string };

/** Why a lookup is `unavailable` (the caller adds what to do; lib/i18n/messages/…/errors.json translates both). */
export const BILIBILI_UNAVAILABLE_REASONS = ['Bilibili could not be reached.', 'Bilibili did not answer as expected.'] as const;

/** Codes Bilibili answers for a room or user that does not exist. */
const NOT_FOUND_CODES = new Set([1, -404, 60004, 19002000, 19002003]);

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const id = (value: unknown): string | null => ((typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || (typeof value === 'string' && BILIBILI_NUMBER.test(value)) ? String(value) : null);
const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The room details of getH5InfoByRoom's `data`, or null when it names no room. */
export function readRoomInfo(data: Record<string, unknown>): BilibiliRoomInfo | null {
  const room = record(data.room_info);
  const anchor = record(data.anchor_info);
  const base = record(anchor.base_info);
  const uid = id(room.uid);
  const roomId = id(room.room_id);
  if (!uid || !roomId) return null;
  const followers = record(anchor.relation_info).attention;
  const area = [text(room.parent_area_name), text(room.area_name)].filter(Boolean).join(' · ');
  return {
    uid,
    roomId,
    shortId: id(room.short_id),
    nickname: text(base.uname),
    avatarUrl: text(base.face)?.replace(/^http:\/\//, 'https://') ?? null,
    title: text(room.title),
    area: area || null,
    liveStatus: typeof room.live_status === 'number' ? room.live_status : 0,
    followers: typeof followers === 'number' && Number.isSafeInteger(followers) && followers >= 0 ? BigInt(followers) : null,
  };
}

/** How to ask for a stored channel's room: by its room number when known (one call), else by its uid. */
export function channelRoomAddress(channel: { handle: string; roomId: string | null }): BilibiliAddress {
  return channel.roomId ? { kind: 'room', roomId: channel.roomId } : { kind: 'uid', uid: channel.handle };
}

/** Asks Bilibili for the room at `address` (a room number, short or long, or a streamer's uid). */
export async function fetchBilibiliRoom(address: BilibiliAddress, options: BilibiliApiOptions): Promise<BilibiliRoomLookup> {
  try {
    let roomId: string;
    if (address.kind === 'uid') {
      const old = await bilibiliApi(options, `/room/v1/Room/getRoomInfoOld?mid=${address.uid}`, `https://space.bilibili.com/${address.uid}`);
      const found = id(old.roomid);
      if (!found) return { kind: 'no_room', uid: address.uid };
      roomId = found;
    } else {
      roomId = address.roomId;
    }
    const room = readRoomInfo(await bilibiliApi(options, `/xlive/web-room/v1/index/getH5InfoByRoom?room_id=${roomId}`, `${options.liveBase}/${roomId}`));
    if (!room) return { kind: 'not_found' };
    return { kind: 'ok', room };
  } catch (error) {
    if (error instanceof BilibiliApiError) {
      if (error.rateLimited) return { kind: 'rate_limited' };
      if (NOT_FOUND_CODES.has(error.code) || error.code === 404) return { kind: 'not_found' };
      return { kind: 'unavailable', reason: BILIBILI_UNAVAILABLE_REASONS[1] };
    }
    return { kind: 'unavailable', reason: BILIBILI_UNAVAILABLE_REASONS[0] };
  }
}

/** Stores the room on its channel (platform bilibili, handle = uid), creating the channel the first time, and its follower count as a sample; returns its id. */
export async function storeBilibiliRoom(db: Db, room: BilibiliRoomInfo, now = new Date()): Promise<string> {
  const facts = {
    roomId: room.roomId,
    nickname: room.nickname,
    avatarUrl: room.avatarUrl,
    roomTitle: room.title,
    roomArea: room.area,
    roomLiveStatus: room.liveStatus,
    followers: room.followers,
    lastFetchedAt: now,
    lastFetchStatus: 'ok',
  };
  const stored = await db.channel.upsert({
    where: channelHandle('bilibili', room.uid),
    create: { platform: 'bilibili', handle: room.uid, platformUserId: room.uid, ...facts },
    update: facts,
    select: { id: true },
  });
  // The follower history a growth report measures (lib/reports/collect.ts); lookups are at most one per
  // BILIBILI_ROOM_FRESH_MS from the public page, so the table grows by a few rows a day per channel.
  if (room.followers !== null) await db.followerSample.create({ data: { accountId: stored.id, fetchedAt: now, followers: room.followers } });
  return stored.id;
}

/** The room API's addresses and cookie from the environment, with the lookups' timeout (TIKTOK_FETCH_TIMEOUT_MS). */
export function roomApiOptions(): BilibiliApiOptions {
  const env = getEnv();
  return { ...bilibiliApiOptions(env), timeoutMs: env.TIKTOK_FETCH_TIMEOUT_MS };
}

/** Asks Bilibili for the room (counted against the caller's per-address lookup limit); AppErrors for the rest. */
export async function lookUpBilibiliRoom(db: Db, address: BilibiliAddress, ip: string | undefined): Promise<BilibiliRoomInfo> {
  if (ip) {
    const limit = await consumeRateLimit(db, RATE_LIMITS.profileFetch, ip);
    if (!limit.ok) throw new AppError('RATE_LIMITED', 'Too many lookups from your address; try again in a few minutes.');
  }
  const lookup = await fetchBilibiliRoom(address, roomApiOptions());
  if (lookup.kind === 'not_found') throw new AppError('NOT_FOUND', address.kind === 'room' ? `Bilibili has no live room ${address.roomId}. Check the number.` : `Bilibili has no user with UID ${address.uid}. Check the link.`);
  if (lookup.kind === 'no_room') throw new AppError('NOT_FOUND', `The Bilibili user with UID ${lookup.uid} has no live room.`);
  if (lookup.kind === 'rate_limited') throw new AppError('RATE_LIMITED', 'Bilibili is refusing requests from LiveLens for now; try again in a few minutes.');
  if (lookup.kind === 'unavailable') throw new AppError('UNAVAILABLE', `${lookup.reason} Try again in a moment.`);
  return lookup.room;
}

async function isReplayed(db: Db, accountId: string): Promise<boolean> {
  const tracked = await db.trackedAccount.findUnique({ where: { accountId }, select: { source: true } });
  return tracked?.source === 'replay';
}

/** How long the public page shows stored room facts before asking Bilibili again (a failed ask counts too). */
export const BILIBILI_ROOM_FRESH_MS = 30 * 60_000;

export type BilibiliChannelOutcome = { kind: 'page'; page: ChannelPage } | { kind: 'not_found' } | { kind: 'error'; message: string };

/**
 * The public page of the Bilibili streamer `uid`: what is stored, with the room's facts fetched again when
 * older than BILIBILI_ROOM_FRESH_MS, or fetched for the first time (a lookup, counted against the visitor's
 * address). A failed refresh keeps the stored page and records why; a failed first lookup is a message.
 */
export async function bilibiliChannelPage(db: Db, uid: string, ip: string, now = new Date()): Promise<BilibiliChannelOutcome> {
  const stored = await readChannelPage(db, 'bilibili', uid);
  if (stored?.fetchedAt && now.getTime() - stored.fetchedAt.getTime() < BILIBILI_ROOM_FRESH_MS) return { kind: 'page', page: stored };
  // A channel the worker feeds from a recording (the demo's room) keeps the recording's facts: its made-up
  // room number may be someone else's on Bilibili.
  if (stored && (await isReplayed(db, stored.id))) return { kind: 'page', page: stored };
  try {
    const room = await lookUpBilibiliRoom(db, channelRoomAddress(stored ?? { handle: uid, roomId: null }), ip);
    // The room of that uid must be that uid's: never store another streamer's room under it.
    if (room.uid !== uid) throw new AppError('NOT_FOUND', `Bilibili has no user with UID ${uid}. Check the link.`);
    await storeBilibiliRoom(db, room, now);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (stored) {
      await db.channel.update({ where: channelHandle('bilibili', uid), data: { lastFetchedAt: now, lastFetchStatus: error.code === 'NOT_FOUND' ? 'not_found' : 'network' } });
    } else {
      return error.code === 'NOT_FOUND' ? { kind: 'not_found' } : { kind: 'error', message: error.message };
    }
  }
  const page = await readChannelPage(db, 'bilibili', uid);
  return page ? { kind: 'page', page } : { kind: 'not_found' };
}
