// How long stored profiles count as current. Shared by the server (the 24-hour read-through store) and
// the profile page in the browser, which asks the API for newer numbers once its stored data is older.

/** A profile fetched less than this long ago is served as stored. */
export const PROFILE_FRESH_MS = 24 * 3_600_000;
/** A handle TikTok says does not exist is not asked about again for an hour. */
export const NOT_FOUND_FRESH_MS = 3_600_000;

/** When stored data fetched at `fetchedAt` (ISO time, or null: never fetched) stops counting as current. */
export function refreshDueAt(fetchedAt: Date | string | null): string | null {
  return fetchedAt === null ? null : new Date(new Date(fetchedAt).getTime() + PROFILE_FRESH_MS).toISOString();
}

/** Whether data whose refresh is due at `dueAt` (null: now) should be fetched again at `now`. */
export function isRefreshDue(dueAt: string | null, now: number): boolean {
  return dueAt === null || now >= new Date(dueAt).getTime();
}
