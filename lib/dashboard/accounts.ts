// The accounts a workspace watches: add one by handle (looked up, then tracked by the worker: one
// connection per account however many workspaces watch it), check that it belongs to the workspace with
// a code placed in the TikTok bio, remove it, ask the worker to check it now.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { AppError, waitText } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { terminateIdentities, dashboardIdentity, overlayIdentity } from '@/lib/realtime/identity';
import type { Actor } from '@/lib/workspaces/context';
import type { Platform } from '@/lib/platforms/events';
import { getEnv } from '@/lib/env';
import { consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit';
import { parseHandle } from '@/lib/tiktok/handle';
import { lookupProfile } from '@/lib/tiktok/profile-store';
import { parseBilibiliAddress } from '@/lib/platforms/bilibili/address';
import { channelRoomAddress, fetchBilibiliRoom, lookUpBilibiliRoom, roomApiOptions, storeBilibiliRoom } from '@/lib/platforms/bilibili/room-lookup';

export type ManagedAccountCard = {
  id: string;
  /** TikTok or Bilibili (its `handle` is the uid, named by its nickname: lib/platforms/naming.ts). */
  platform: Platform;
  handle: string;
  nickname: string | null;
  avatarUrl: string | null;
  verified: boolean;
  followers: number | null;
  ownershipVerified: boolean;
  state: string | null;
  stateSince: string | null;
  /** `diamonds` is the live's value in the platform's unit (Bilibili: gold coins). */
  liveNow: { liveId: string; startedAt: string; diamonds: number; peakViewers: number } | null;
  lastLiveAt: string | null;
};

export async function listManagedAccounts(db: Db, workspaceId: string): Promise<ManagedAccountCard[]> {
  const rows = await db.workspaceAccount.findMany({
    where: { workspaceId },
    orderBy: { createdAt: 'asc' },
    include: {
      account: {
        include: {
          snapshots: { orderBy: { fetchedAt: 'desc' }, take: 1, select: { followers: true } },
          tracked: { select: { state: true, stateSince: true } },
          lives: { orderBy: { startedAt: 'desc' }, take: 1, select: { id: true, startedAt: true, endedAt: true, diamonds: true, peakViewers: true } },
        },
      },
    },
  });
  return rows.map(({ account, verifiedAt }) => {
    const last = account.lives[0];
    const live = last && !last.endedAt && account.tracked?.state === 'LIVE' ? last : null;
    return {
      id: account.id,
      platform: account.platform,
      handle: account.handle,
      nickname: account.nickname,
      avatarUrl: account.avatarUrl,
      verified: account.verified,
      followers: account.snapshots[0] ? Number(account.snapshots[0].followers) : account.followers !== null ? Number(account.followers) : null,
      ownershipVerified: verifiedAt !== null,
      state: account.tracked?.state ?? null,
      stateSince: account.tracked?.stateSince.toISOString() ?? null,
      liveNow: live ? { liveId: live.id.toString(), startedAt: live.startedAt.toISOString(), diamonds: Number(live.diamonds), peakViewers: live.peakViewers } : null,
      lastLiveAt: last?.startedAt.toISOString() ?? null,
    };
  });
}

/**
 * Adds a channel to the workspace by what the user typed: a TikTok handle or profile link, or for Bilibili a
 * room number, room link or space link (lib/platforms/bilibili/address.ts). The channel is looked up on its
 * platform (that fetch counts against the caller's per-address lookup limit), stored, and tracked. Returns its id.
 */
export async function addManagedAccount(db: Db, actor: Actor, input: string, options: { ip?: string; platform?: Platform } = {}): Promise<string> {
  const platform = options.platform ?? 'tiktok';
  const find = platform === 'bilibili' ? findBilibiliChannel : findTikTokAccount;
  const lookUp = find(db, input, options.ip);
  const limit = await consumeRateLimit(db, RATE_LIMITS.track, actor.userId);
  if (!limit.ok) throw new AppError('RATE_LIMITED', `You added many accounts in a short time; try again in ${waitText(limit.retryAfterSeconds)}.`);
  const accountId = await lookUp();
  const { workspaceId } = actor;
  await db.$transaction([
    db.workspaceAccount.upsert({
      where: { workspaceId_accountId: { workspaceId, accountId } },
      create: { workspaceId, accountId, addedById: actor.userId, verificationCode: newVerificationCode() },
      update: {},
    }),
    // Tracked once however many workspaces watch it; re-enabled if it had been dropped (the demo's replayed
    // channels keep their source).
    db.trackedAccount.upsert({ where: { accountId }, create: { accountId, source: platform }, update: { enabled: true } }),
  ]);
  return accountId;
}

type Lookup = (db: Db, input: string, ip: string | undefined) => () => Promise<string>;

/** Checks the handle (before anything is counted), then returns the lookup that stores the account. */
const findTikTokAccount: Lookup = (db, input, ip) => {
  const parsed = parseHandle(input);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.error);
  return async () => {
    const env = getEnv();
    const lookup = await lookupProfile(db, parsed.handle, { ip, baseUrl: env.TIKTOK_PROFILE_BASE_URL, timeoutMs: env.TIKTOK_FETCH_TIMEOUT_MS });
    if (lookup.kind === 'not_found') throw new AppError('NOT_FOUND', `TikTok has no account @${parsed.handle}. Check the spelling.`);
    if (lookup.kind === 'rate_limited') throw new AppError('RATE_LIMITED', 'Too many lookups from your address; try again in a few minutes.');
    if (lookup.kind === 'unavailable') throw new AppError('UNAVAILABLE', `${lookup.reason} Try again in a moment.`);
    return lookup.stored.account.id;
  };
};

const findBilibiliChannel: Lookup = (db, input, ip) => {
  const parsed = parseBilibiliAddress(input);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.error);
  return async () => {
    const room = await lookUpBilibiliRoom(db, parsed.address, ip);
    return storeBilibiliRoom(db, room);
  };
};

function newVerificationCode(): string {
  return `LL-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/**
 * Removes the account from the workspace. Its overlays there stop working (their pages answer 404 and
 * open copies go blank), and the dashboards of the workspace's members lose its live channel; nobody
 * watching it any more stops the worker watching it (its history stays).
 */
export async function removeManagedAccount(db: Db, workspaceId: string, accountId: string): Promise<void> {
  const removed = await db.workspaceAccount.deleteMany({ where: { workspaceId, accountId } });
  if (removed.count === 0) throw new AppError('NOT_FOUND', 'No such account in this workspace.');
  if ((await db.workspaceAccount.count({ where: { accountId } })) === 0) await db.trackedAccount.updateMany({ where: { accountId }, data: { enabled: false } });
  const [overlays, members] = await Promise.all([
    db.overlay.findMany({ where: { workspaceId, accountId }, select: { id: true, token: true } }),
    db.workspaceMember.findMany({ where: { workspaceId }, select: { userId: true } }),
  ]);
  await terminateIdentities([...overlays.map((o) => overlayIdentity(o.id, o.token)), ...members.map((m) => dashboardIdentity(m.userId, workspaceId))]);
}

export type OwnershipCheck = { verified: boolean; code: string; message: string };

/**
 * Looks for the workspace's code where only the channel's owner can put it: a TikTok bio, a Bilibili live
 * room's title. The fetch counts against the caller's per-address lookup limit like any other forced fetch.
 */
export async function verifyOwnership(db: Db, workspaceId: string, accountId: string, options: { ip: string; now?: Date }): Promise<OwnershipCheck> {
  const where = { workspaceId_accountId: { workspaceId, accountId } };
  const watched = await db.workspaceAccount.findUnique({ where, include: { account: { select: { handle: true, platform: true, roomId: true } } } });
  if (!watched) throw new AppError('NOT_FOUND', 'No such account in this workspace.');
  const code = watched.verificationCode ?? newVerificationCode();
  if (!watched.verificationCode) await db.workspaceAccount.update({ where, data: { verificationCode: code } });
  if (watched.verifiedAt) return { verified: true, code, message: 'Ownership already confirmed.' };
  const limit = await consumeRateLimit(db, RATE_LIMITS.profileFetch, options.ip, options.now);
  if (!limit.ok) throw new AppError('RATE_LIMITED', `Too many checks from your address; try again in ${waitText(limit.retryAfterSeconds)}.`, undefined, { 'retry-after': String(limit.retryAfterSeconds) });
  const { account } = watched;
  // TikTok: the code goes in the bio. Bilibili: in the live room's title, which only the streamer can change
  // (a Bilibili uid must never be looked up as a TikTok handle).
  const found = account.platform === 'bilibili' ? await codeInBilibiliTitle(db, account, code) : await codeInTikTokBio(db, account.handle, code);
  if (found !== true) return { verified: false, code, message: found.message };
  await db.workspaceAccount.update({ where, data: { verifiedAt: new Date() } });
  return { verified: true, code, message: 'Ownership confirmed.' };
}

/** True when the code is in the bio, else what to do (in `message`). */
async function codeInTikTokBio(db: Db, handle: string, code: string): Promise<true | { message: string }> {
  const env = getEnv();
  const lookup = await lookupProfile(db, handle, { baseUrl: env.TIKTOK_PROFILE_BASE_URL, timeoutMs: env.TIKTOK_FETCH_TIMEOUT_MS, force: true });
  if (lookup.kind !== 'ok' || lookup.stale) return { message: 'TikTok could not be reached to read the bio; try again in a moment.' };
  if (!(lookup.stored.account.bio ?? '').toUpperCase().includes(code)) return { message: `The code ${code} is not in the bio of @${handle} yet. Add it, save, and check again (you can remove it afterwards).` };
  return true;
}

/** True when the code is in the live room's title (read now, and stored), else what to do (in `message`). */
async function codeInBilibiliTitle(db: Db, channel: { handle: string; roomId: string | null }, code: string): Promise<true | { message: string }> {
  const lookup = await fetchBilibiliRoom(channelRoomAddress(channel), roomApiOptions());
  if (lookup.kind !== 'ok' || lookup.room.uid !== channel.handle) return { message: 'Bilibili could not be reached to read the room title; try again in a moment.' };
  await storeBilibiliRoom(db, lookup.room);
  if (!(lookup.room.title ?? '').toUpperCase().includes(code)) return { message: `The code ${code} is not in the title of live room ${lookup.room.roomId} yet. Put it in the title, save, and check again (you can change it back afterwards).` };
  return true;
}

/** Asks the worker holding the account to check it now instead of at its next scheduled check. */
export async function requestCheckNow(db: Db, accountId: string): Promise<void> {
  await db.trackedAccount.updateMany({ where: { accountId }, data: { checkRequestedAt: new Date(), nextCheckAt: new Date() } });
}
