// The public lookup. Two ways in:
// - lookupAccount (GET /api/accounts/{handle}, checkout): validate the handle, read through the 24-hour
//   cache (fetching from TikTok when needed, rate-limited per IP), and build the view;
// - readProfilePage (the cached /@handle page): what is stored, never a fetch. The page is rendered once
//   and served from Next's route cache, so it cannot know who asks; the browser calls the API when the
//   stored data is missing or older than 24 hours.
import 'server-only';
import { trimOldest } from '@/lib/bounded';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { buildProfileView, type ProfileView } from '@/lib/stats/profile-view';
import { refreshDueAt } from '@/lib/tiktok/freshness';
import { parseHandle } from '@/lib/tiktok/handle';
import { lookupProfile, readStored, type UnavailableCause } from '@/lib/tiktok/profile-store';

export type LookupOutcome =
  /** `fetched`: this lookup fetched from TikTok and stored what it got (cached pages are out of date). */
  | { kind: 'ok'; view: ProfileView; stale: boolean; notice: string | null; fetched: boolean }
  | { kind: 'invalid'; error: string }
  | { kind: 'not_found'; handle: string; fetched: boolean }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'unavailable'; handle: string; cause: UnavailableCause; reason: string };

// Built views of fresh profiles, kept briefly: a popular profile is read from the database a few times a
// minute instead of on every request. A fetch that stores new data replaces the entry.
const VIEW_TTL_MS = 30_000;
const views = new Map<string, { at: number; outcome: Extract<LookupOutcome, { kind: 'ok' }> }>();

function remember(handle: string, outcome: Extract<LookupOutcome, { kind: 'ok' }>, now: number): void {
  views.set(handle, { at: now, outcome: { ...outcome, fetched: false } });
  trimOldest(views, 5000);
}

export async function lookupAccount(input: string, options: { ip?: string } = {}): Promise<LookupOutcome> {
  const parsed = parseHandle(input);
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
  const now = Date.now();
  const cached = views.get(parsed.handle);
  if (cached && now - cached.at < VIEW_TTL_MS && !cached.outcome.stale) return cached.outcome;
  const env = getEnv();
  const result = await lookupProfile(db, parsed.handle, { ip: options.ip, baseUrl: env.TIKTOK_PROFILE_BASE_URL, timeoutMs: env.TIKTOK_FETCH_TIMEOUT_MS });
  switch (result.kind) {
    case 'ok': {
      const outcome = { kind: 'ok' as const, view: await buildProfileView(db, result.stored), stale: result.stale, notice: result.notice, fetched: result.fetched };
      if (!outcome.stale) remember(parsed.handle, outcome, now);
      return outcome;
    }
    case 'not_found':
      views.delete(parsed.handle);
      return { kind: 'not_found', handle: parsed.handle, fetched: result.fetched };
    case 'rate_limited':
      return result;
    case 'unavailable':
      return { kind: 'unavailable', handle: parsed.handle, cause: result.cause, reason: result.reason };
  }
}

export type ProfilePage =
  | { kind: 'invalid'; error: string }
  /** The address is not the canonical /@handle (upper case, a leading "@", a profile link). */
  | { kind: 'redirect'; handle: string }
  /** Nothing stored, or TikTok said the account does not exist: the browser asks the API. */
  | { kind: 'missing'; handle: string }
  /** `refreshDueAt`: when the stored data stops counting as current (null: never fetched). */
  | { kind: 'ok'; view: ProfileView; refreshDueAt: string | null };

/** What the cached profile page shows for the `/@{input}` address: stored data only, never a fetch. */
export async function readProfilePage(input: string): Promise<ProfilePage> {
  const parsed = parseHandle(input);
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
  if (parsed.handle !== input) return { kind: 'redirect', handle: parsed.handle };
  const stored = await readStored(db, parsed.handle);
  if (!stored || stored.account.lastFetchStatus === 'not_found') return { kind: 'missing', handle: parsed.handle };
  return { kind: 'ok', view: await buildProfileView(db, stored), refreshDueAt: refreshDueAt(stored.account.lastFetchedAt) };
}
