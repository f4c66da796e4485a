// The accounts a user manages: add one by handle (looked up, then tracked by the worker), check that it
// is theirs with a code placed in the TikTok bio, remove it, ask the worker to check it now.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit';
import { parseHandle } from '@/lib/tiktok/handle';
import { lookupProfile } from '@/lib/tiktok/profile-store';

export type ManagedAccountCard = {
  id: string;
  handle: string;
  nickname: string | null;
  avatarUrl: string | null;
  verified: boolean;
  followers: number | null;
  ownershipVerified: boolean;
  state: string | null;
  stateSince: string | null;
  liveNow: { liveId: string; startedAt: string; diamonds: number; peakViewers: number } | null;
  lastLiveAt: string | null;
};

export async function listManagedAccounts(db: Db, userId: string): Promise<ManagedAccountCard[]> {
  const rows = await db.managedAccount.findMany({
    where: { userId },
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
      handle: account.handle,
      nickname: account.nickname,
      avatarUrl: account.avatarUrl,
      verified: account.verified,
      followers: account.snapshots[0] ? Number(account.snapshots[0].followers) : null,
      ownershipVerified: verifiedAt !== null,
      state: account.tracked?.state ?? null,
      stateSince: account.tracked?.stateSince.toISOString() ?? null,
      liveNow: live ? { liveId: live.id.toString(), startedAt: live.startedAt.toISOString(), diamonds: Number(live.diamonds), peakViewers: live.peakViewers } : null,
      lastLiveAt: last?.startedAt.toISOString() ?? null,
    };
  });
}

/** Adds `handleInput` to the user's dashboard and makes sure the worker tracks it. Returns its id. */
export async function addManagedAccount(db: Db, userId: string, handleInput: string, options: { ip?: string } = {}): Promise<string> {
  const parsed = parseHandle(handleInput);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.error);
  const limit = await consumeRateLimit(db, RATE_LIMITS.track, userId);
  if (!limit.ok) throw new AppError('RATE_LIMITED', `You added many accounts in a short time; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s).`);
  const env = getEnv();
  const lookup = await lookupProfile(db, parsed.handle, { ip: options.ip, baseUrl: env.TIKTOK_PROFILE_BASE_URL, timeoutMs: env.TIKTOK_FETCH_TIMEOUT_MS });
  if (lookup.kind === 'not_found') throw new AppError('NOT_FOUND', `TikTok has no account @${parsed.handle}. Check the spelling.`);
  if (lookup.kind === 'rate_limited') throw new AppError('RATE_LIMITED', 'Too many lookups from your address; try again in a few minutes.');
  if (lookup.kind === 'unavailable') throw new AppError('UNAVAILABLE', `${lookup.reason} Try again in a moment.`);
  const accountId = lookup.stored.account.id;
  await db.$transaction([
    db.managedAccount.upsert({
      where: { userId_accountId: { userId, accountId } },
      create: { userId, accountId, verificationCode: `LL-${randomBytes(4).toString('hex').toUpperCase()}` },
      update: {},
    }),
    // Tracked once however many users manage it; re-enabled if it had been dropped.
    db.trackedAccount.upsert({ where: { accountId }, create: { accountId, source: 'tiktok' }, update: { enabled: true } }),
  ]);
  return accountId;
}

export async function removeManagedAccount(db: Db, userId: string, accountId: string): Promise<void> {
  const removed = await db.managedAccount.deleteMany({ where: { userId, accountId } });
  if (removed.count === 0) throw new AppError('NOT_FOUND', 'No such account in your dashboard.');
  // Nobody manages it any more: stop watching it (its history stays).
  if ((await db.managedAccount.count({ where: { accountId } })) === 0) await db.trackedAccount.updateMany({ where: { accountId }, data: { enabled: false } });
}

export type OwnershipCheck = { verified: boolean; code: string; message: string };

/** Fetches the live profile and looks for the user's code in its bio. */
export async function verifyOwnership(db: Db, userId: string, accountId: string): Promise<OwnershipCheck> {
  const managed = await db.managedAccount.findUnique({ where: { userId_accountId: { userId, accountId } }, include: { account: { select: { handle: true } } } });
  if (!managed) throw new AppError('NOT_FOUND', 'No such account in your dashboard.');
  const code = managed.verificationCode ?? `LL-${randomBytes(4).toString('hex').toUpperCase()}`;
  if (!managed.verificationCode) await db.managedAccount.update({ where: { userId_accountId: { userId, accountId } }, data: { verificationCode: code } });
  if (managed.verifiedAt) return { verified: true, code, message: 'Ownership already confirmed.' };
  const env = getEnv();
  const lookup = await lookupProfile(db, managed.account.handle, { baseUrl: env.TIKTOK_PROFILE_BASE_URL, timeoutMs: env.TIKTOK_FETCH_TIMEOUT_MS, force: true });
  if (lookup.kind !== 'ok' || lookup.stale) return { verified: false, code, message: 'TikTok could not be reached to read the bio; try again in a moment.' };
  if (!(lookup.stored.account.bio ?? '').toUpperCase().includes(code)) return { verified: false, code, message: `The code ${code} is not in the bio of @${managed.account.handle} yet. Add it, save, and check again (you can remove it afterwards).` };
  await db.managedAccount.update({ where: { userId_accountId: { userId, accountId } }, data: { verifiedAt: new Date() } });
  return { verified: true, code, message: 'Ownership confirmed.' };
}

/** Asks the worker holding the account to check it now instead of at its next scheduled check. */
export async function requestCheckNow(db: Db, accountId: string): Promise<void> {
  await db.trackedAccount.updateMany({ where: { accountId }, data: { checkRequestedAt: new Date(), nextCheckAt: new Date() } });
}
