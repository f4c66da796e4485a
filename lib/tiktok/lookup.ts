// The public lookup as the profile page and GET /api/accounts/{handle} use it: validate the handle,
// read through the 24-hour cache (fetching from TikTok when needed), and build the view.
import 'server-only';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { buildProfileView, type ProfileView } from '@/lib/stats/profile-view';
import { parseHandle } from '@/lib/tiktok/handle';
import { lookupProfile } from '@/lib/tiktok/profile-store';

export type LookupOutcome =
  | { kind: 'ok'; view: ProfileView; stale: boolean; notice: string | null }
  | { kind: 'invalid'; error: string }
  | { kind: 'not_found'; handle: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'unavailable'; handle: string; reason: string };

export async function lookupAccount(input: string, options: { ip?: string; countLookup?: boolean } = {}): Promise<LookupOutcome> {
  const parsed = parseHandle(input);
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
  const env = getEnv();
  const result = await lookupProfile(db, parsed.handle, { ip: options.ip, countLookup: options.countLookup, baseUrl: env.TIKTOK_PROFILE_BASE_URL, timeoutMs: env.TIKTOK_FETCH_TIMEOUT_MS });
  switch (result.kind) {
    case 'ok':
      return { kind: 'ok', view: await buildProfileView(db, result.stored), stale: result.stale, notice: result.notice };
    case 'not_found':
      return { kind: 'not_found', handle: parsed.handle };
    case 'rate_limited':
      return result;
    case 'unavailable':
      return { kind: 'unavailable', handle: parsed.handle, reason: result.reason };
  }
}
