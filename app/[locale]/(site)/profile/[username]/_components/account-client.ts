// The browser side of the public lookup: GET /api/accounts/{handle} (which fetches from TikTok when the
// stored data is missing or old, rate-limited per IP) and the view beacon for the home page's lists.
// `error` is the API's own (English) text; null when it gave none (the UI says why in the page's
// language). An unavailable answer carries only its cause, never the API's `reason`, which holds raw
// network detail ("getaddrinfo ENOTFOUND www.tiktok.com") meant for logs, not for visitors.
import type { ProfileView } from '@/lib/stats/profile-view';

/**
 * Why an account could not be loaded: the API's `details.cause` (lib/tiktok/profile-store.ts), `offline`
 * when the browser could not reach LiveLens, `unknown` for any other failure.
 */
export type UnavailableCause = 'unreachable' | 'blocked' | 'not_stored' | 'offline' | 'unknown';

function toCause(value: unknown): UnavailableCause {
  return value === 'unreachable' || value === 'blocked' || value === 'not_stored' ? value : 'unknown';
}

export type AccountAnswer =
  | { kind: 'ok'; view: ProfileView; stale: boolean; notice: string | null }
  | { kind: 'not_found' }
  | { kind: 'invalid'; error: string | null }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'unavailable'; cause: UnavailableCause };

type ErrorBody = { error?: { message?: string; details?: { retryAfterSeconds?: number; cause?: unknown } } };

/** The account as the API reports it; never throws, except when `signal` aborts. */
export async function fetchAccount(handle: string, signal?: AbortSignal): Promise<AccountAnswer> {
  let response: Response;
  try {
    response = await fetch(`/api/accounts/${encodeURIComponent(handle)}`, { cache: 'no-store', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'unavailable', cause: 'offline' };
  }
  const body = (await response.json().catch(() => null)) as ({ account?: ProfileView; stale?: boolean; notice?: string | null } & ErrorBody) | null;
  if (response.ok && body?.account) return { kind: 'ok', view: body.account, stale: body.stale ?? false, notice: body.notice ?? null };
  switch (response.status) {
    case 404:
      return { kind: 'not_found' };
    case 400:
      return { kind: 'invalid', error: body?.error?.message ?? null };
    case 429:
      return { kind: 'rate_limited', retryAfterSeconds: body?.error?.details?.retryAfterSeconds ?? (Number(response.headers.get('retry-after')) || 60) };
    default:
      return { kind: 'unavailable', cause: toCause(body?.error?.details?.cause) };
  }
}

let lastCounted: { handle: string; at: number } | undefined;

/** Counts one view of the profile of `handle` ("recently looked up", "trending"). */
export function countProfileView(handle: string): void {
  const now = Date.now();
  // A remount of the same page (React's development double effects) is still one view.
  if (lastCounted?.handle === handle && now - lastCounted.at < 2000) return;
  lastCounted = { handle, at: now };
  const url = `/api/accounts/${encodeURIComponent(handle)}/view`;
  if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url)) return;
  void fetch(url, { method: 'POST', keepalive: true }).catch(() => undefined);
}
