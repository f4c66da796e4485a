// Public profiles, read through the database with the 24-hour rule: a profile fetched less than 24 hours
// ago is served as stored; an older one is fetched again from TikTok and stored as a new snapshot. Many
// requests for the same handle share one fetch. When TikTok cannot be reached or blocks us, what is stored
// is served with a notice; fetches are rate-limited per IP.
import 'server-only';
import type { Db } from '@/lib/db';
import type { Channel, ProfileSnapshot } from '@/lib/generated/prisma/client';
import { createLogger } from '@/lib/logger';
import { tiktokHandle } from '@/lib/platforms/channel';
import { consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit';
import { fetchProfile, type FetchProfileResult } from '@/lib/tiktok/fetch-profile';
import { NOT_FOUND_FRESH_MS, PROFILE_FRESH_MS } from '@/lib/tiktok/freshness';
import type { TikTokProfile } from '@/lib/tiktok/profile';

export { NOT_FOUND_FRESH_MS, PROFILE_FRESH_MS };

const log = createLogger('profile-store');

/**
 * `replayed`: the worker feeds this channel from a recording (the demo's accounts, `tracked_accounts.source`
 * 'replay'). Its stored card is the recording's, and TikTok is never asked about it again: the demo's made-up
 * handles may be someone else's there.
 */
export type StoredProfile = { account: Channel; snapshot: ProfileSnapshot | null; replayed?: boolean };

export type ProfileLookup =
  | { kind: 'ok'; stored: StoredProfile; stale: boolean; notice: string | null; fetched: boolean }
  /** `fetched`: TikTok was asked just now (rather than a recent answer read from the database). */
  | { kind: 'not_found'; fetched: boolean }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /**
   * `cause` says what went wrong, for a page to word in its language; `reason` is the same in plain
   * English for API clients (never a raw error code: the detail goes to the log).
   */
  | { kind: 'unavailable'; cause: UnavailableCause; reason: string };

/** Why nothing could be shown: TikTok unreachable (network, timeout, 5xx, 429), TikTok not showing the page, or our store failing. */
export type UnavailableCause = 'unreachable' | 'blocked' | 'not_stored';

export type LookupOptions = {
  /** Who asked (for the per-IP limit on fetches); undefined skips the limit (worker, tests). */
  ip?: string;
  baseUrl: string;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  now?: Date;
  /** Fetch even when the stored profile is fresh (the bio ownership check needs the live bio). */
  force?: boolean;
};

export async function readStored(db: Db, handle: string): Promise<StoredProfile | null> {
  const account = await db.channel.findUnique({ where: tiktokHandle(handle), include: { snapshots: { orderBy: { fetchedAt: 'desc' }, take: 1 }, tracked: { select: { source: true } } } });
  if (!account) return null;
  const { snapshots, tracked, ...rest } = account;
  return { account: rest, snapshot: snapshots[0] ?? null, replayed: tracked?.source === 'replay' };
}

function isFresh(account: Channel, now: Date): boolean {
  if (!account.lastFetchedAt) return false;
  const age = now.getTime() - account.lastFetchedAt.getTime();
  return account.lastFetchStatus === 'not_found' ? age < NOT_FOUND_FRESH_MS : age < PROFILE_FRESH_MS;
}

/** Saves what a fetch returned: the account's card and, when there are counts, a new snapshot. */
export async function storeFetched(db: Db, handle: string, result: FetchProfileResult, now: Date): Promise<void> {
  const status = result.kind === 'ok' ? 'ok' : result.kind;
  const profile: TikTokProfile | undefined = result.kind === 'ok' ? result.profile : result.kind === 'private' ? result.profile : undefined;
  if (result.kind === 'network' || result.kind === 'blocked') {
    // Nothing learned; remember only that the attempt failed (the stored data stays as it was).
    await db.channel.updateMany({ where: { platform: 'tiktok', handle }, data: { lastFetchStatus: status } });
    return;
  }
  const card = profile
    ? {
        platformUserId: profile.tiktokUserId,
        secUid: profile.secUid || null,
        nickname: profile.nickname || null,
        avatarUrl: profile.avatarUrl,
        bio: profile.bio || null,
        verified: profile.verified,
        privateAccount: profile.privateAccount,
        region: profile.region,
      }
    : { privateAccount: result.kind === 'private' };
  await db.$transaction(async (tx) => {
    if (profile) {
      // Two stores of one TikTok user under two handles at once (a rename looked up from both ends) would
      // each clear the other's row before either had written, then both claim the unique user id: one
      // store of a user at a time, until commit. Read committed, so the second then sees the first's row.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tiktok-user:${profile.tiktokUserId}`}, 0))`;
      // Another account row may hold this TikTok user id under an old handle (the user renamed).
      await tx.channel.updateMany({ where: { platform: 'tiktok', platformUserId: profile.tiktokUserId, NOT: { handle } }, data: { platformUserId: null } });
    }
    const account = await tx.channel.upsert({
      where: tiktokHandle(handle),
      create: { handle, ...card, lastFetchedAt: now, lastFetchStatus: status },
      update: { ...card, lastFetchedAt: now, lastFetchStatus: status },
    });
    if (profile) {
      await tx.profileSnapshot.create({
        data: {
          accountId: account.id,
          fetchedAt: now,
          followers: profile.followers,
          following: profile.following,
          hearts: profile.hearts,
          videos: profile.videos,
          diggs: profile.diggs,
          friends: profile.friends,
          verified: profile.verified,
        },
      });
    }
  });
}

// One fetch (and store) per handle at a time in this process, however many requests arrive together.
const inflight = new Map<string, Promise<ProfileLookup>>();

/** The profile of `handle` (already validated and normalised), fetched from TikTok when needed. */
export async function lookupProfile(db: Db, handle: string, options: LookupOptions): Promise<ProfileLookup> {
  const now = options.now ?? new Date();
  const stored = await readStored(db, handle);
  if (stored && !options.force && (stored.replayed || isFresh(stored.account, now))) {
    if (stored.account.lastFetchStatus === 'not_found') return { kind: 'not_found', fetched: false };
    return { kind: 'ok', stored, stale: false, notice: null, fetched: false };
  }
  if (options.ip) {
    const limit = await consumeRateLimit(db, RATE_LIMITS.profileFetch, options.ip, now);
    if (!limit.ok) {
      if (stored?.snapshot) return { kind: 'ok', stored, stale: true, notice: 'You have looked up many accounts in a short time, so this is the stored data; it refreshes in a few minutes.', fetched: false };
      return { kind: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };
    }
  }
  // Concurrent requests for this handle wait for the same fetch and store it once.
  let pending = inflight.get(handle);
  if (!pending) {
    pending = fetchAndStore(db, handle, stored, options, now).finally(() => inflight.delete(handle));
    inflight.set(handle, pending);
  }
  return pending;
}

async function fetchAndStore(db: Db, handle: string, stored: StoredProfile | null, options: LookupOptions, now: Date): Promise<ProfileLookup> {
  const fetched = await fetchProfile(handle, { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, fetchImpl: options.fetchImpl });
  await storeFetched(db, handle, fetched, now);
  switch (fetched.kind) {
    case 'ok':
    case 'private': {
      const fresh = await readStored(db, handle);
      if (!fresh) return { kind: 'unavailable', cause: 'not_stored', reason: 'The profile could not be stored.' };
      const notice = fetched.kind === 'private' ? 'This account is private: TikTok shows only its public counts.' : null;
      return { kind: 'ok', stored: fresh, stale: false, notice, fetched: true };
    }
    case 'not_found':
      return { kind: 'not_found', fetched: true };
    case 'blocked':
    case 'network': {
      if (stored?.snapshot) {
        return { kind: 'ok', stored, stale: true, notice: 'TikTok could not be reached just now, so these are the last stored numbers.', fetched: false };
      }
      // The technical detail ("fetch failed: getaddrinfo ENOTFOUND www.tiktok.com", "TikTok answered HTTP
      // 403") is for the operator's log; what people read (API message, dashboard form) says it in words.
      log.warn('profile fetch failed', { handle, kind: fetched.kind, detail: fetched.reason });
      return fetched.kind === 'network'
        ? { kind: 'unavailable', cause: 'unreachable', reason: 'TikTok could not be reached.' }
        : { kind: 'unavailable', cause: 'blocked', reason: 'TikTok did not show the profile.' };
    }
  }
}
