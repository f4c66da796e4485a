// The public lookup as the profile page and GET /api/accounts/{handle} use it: validate the handle,
// read through the 24-hour cache (fetching from TikTok when needed), and build the view.
import 'server-only';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { buildProfileView, type ProfileView } from '@/lib/stats/profile-view';
import { parseHandle } from '@/lib/tiktok/handle';
import { recordLookup } from '@/lib/tiktok/lookup-counter';
import { lookupProfile } from '@/lib/tiktok/profile-store';

export type LookupOutcome =
  | { kind: 'ok'; view: ProfileView; stale: boolean; notice: string | null }
  | { kind: 'invalid'; error: string }
  | { kind: 'not_found'; handle: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'unavailable'; handle: string; reason: string };

// Built views of fresh profiles, kept briefly: a popular profile is read from the database a few times a
// minute instead of on every request. A fetch that stores new data replaces the entry.
const VIEW_TTL_MS = 30_000;
const views = new Map<string, { at: number; outcome: Extract<LookupOutcome, { kind: 'ok' }> }>();

function remember(handle: string, outcome: Extract<LookupOutcome, { kind: 'ok' }>, now: number): void {
  views.set(handle, { at: now, outcome });
  if (views.size > 5000) {
    const oldest = views.keys().next();
    if (!oldest.done) views.delete(oldest.value);
  }
}

export async function lookupAccount(input: string, options: { ip?: string; countLookup?: boolean } = {}): Promise<LookupOutcome> {
  const parsed = parseHandle(input);
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
  const now = Date.now();
  const cached = views.get(parsed.handle);
  if (cached && now - cached.at < VIEW_TTL_MS && !cached.outcome.stale) {
    if (options.countLookup) recordLookup(db, parsed.handle);
    return cached.outcome;
  }
  const env = getEnv();
  const result = await lookupProfile(db, parsed.handle, { ip: options.ip, countLookup: options.countLookup, baseUrl: env.TIKTOK_PROFILE_BASE_URL, timeoutMs: env.TIKTOK_FETCH_TIMEOUT_MS });
  switch (result.kind) {
    case 'ok': {
      const outcome = { kind: 'ok' as const, view: await buildProfileView(db, result.stored), stale: result.stale, notice: result.notice };
      if (!outcome.stale) remember(parsed.handle, outcome, now);
      return outcome;
    }
    case 'not_found':
      return { kind: 'not_found', handle: parsed.handle };
    case 'rate_limited':
      return result;
    case 'unavailable':
      return { kind: 'unavailable', handle: parsed.handle, reason: result.reason };
  }
}
