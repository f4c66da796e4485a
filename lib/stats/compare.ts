// /compare: up to three stored channels side by side, TikTok accounts and Bilibili channels alike (a
// creator on both platforms compares with itself). Reads what is stored, never asks a platform. Public
// data: channels are looked up by anyone, so nothing here is scoped to a workspace.
//
// An entry of `?h=` is a TikTok username, or a Bilibili channel: "bilibili:<uid>", a space or live-room
// link, or "UID 123". A room number is only known once the room has been looked up here, so a room link is
// matched against the stored channels' rooms ("bilibili:room:<id>" until then).
import 'server-only';
import type { Db } from '@/lib/db';
import { parseBilibiliAddress } from '@/lib/platforms/bilibili/address';
import type { Platform } from '@/lib/platforms/events';
import { getFollowerHistory } from '@/lib/platforms/follower-history';
import { engagementPercent } from '@/lib/stats/estimates';
import type { DayPoint } from '@/lib/stats/history';
import { getDailyHistory } from '@/lib/stats/snapshot-history';
import { parseHandle } from '@/lib/tiktok/handle';

export const COMPARE_MAX_ACCOUNTS = 3;

const TAGGED = /^bilibili:(room:)?([1-9][0-9]{0,19})$/i;
// What says "this is Bilibili" before the address parser decides which part of it is which.
const LOOKS_BILIBILI = /bilibili\.com|^(?:uid|mid)\s*[:：#]?\s*[0-9]/i;

/** The key of one `?h=` entry: a TikTok handle, "bilibili:<uid>" or "bilibili:room:<id>"; null when it is neither. */
export function compareKey(value: string): string | null {
  const tagged = TAGGED.exec(value);
  if (tagged) return tagged[1] ? `bilibili:room:${tagged[2]}` : `bilibili:${tagged[2]}`;
  if (LOOKS_BILIBILI.test(value)) {
    const parsed = parseBilibiliAddress(value);
    if (!parsed.ok) return null;
    return parsed.address.kind === 'uid' ? `bilibili:${parsed.address.uid}` : `bilibili:room:${parsed.address.roomId}`;
  }
  const handle = parseHandle(value);
  return handle.ok ? handle.handle : null;
}

/** Up to three distinct valid entries from `?h=a,b,c` (also `?h=a&h=b`), in the order given; the rest are dropped. */
export function parseCompareHandles(raw: string | readonly string[] | undefined): { handles: string[]; invalid: string[] } {
  const values = (typeof raw === 'string' ? [raw] : (raw ?? [])).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const handles: string[] = [];
  const invalid: string[] = [];
  for (const value of values.slice(0, 10)) {
    const key = compareKey(value);
    if (key === null) invalid.push(value.slice(0, 40));
    else if (!handles.includes(key) && handles.length < COMPARE_MAX_ACCOUNTS) handles.push(key);
  }
  return { handles, invalid };
}

export type ComparedAccount = {
  /** The entry as asked (a room key stays a room key), and the channel's own key ("bilibili:<uid>" for Bilibili). */
  key: string;
  canonical: string;
  platform: Platform;
  /** TikTok: the @handle; Bilibili: the uid. */
  handle: string;
  nickname: string | null;
  avatarUrl: string | null;
  verified: boolean;
  fetchedAt: string | null;
  /** Null where the platform publishes no such count (Bilibili: followers only). */
  latest: { followers: number; following: number | null; hearts: number | null; videos: number | null } | null;
  engagementPercent: number | null;
  daily: DayPoint[];
};

/** A missing entry: the key asked for, and the channel page that would look it up (none for a room key). */
export type MissingEntry = { key: string; platform: Platform; handle: string | null };

function missingEntry(key: string): MissingEntry {
  if (!key.startsWith('bilibili:')) return { key, platform: 'tiktok', handle: key };
  return { key, platform: 'bilibili', handle: key.startsWith('bilibili:room:') ? null : key.slice('bilibili:'.length) };
}

async function tiktokAccounts(db: Db, handles: string[], now: Date): Promise<Map<string, ComparedAccount>> {
  const found = new Map<string, ComparedAccount>();
  if (handles.length === 0) return found;
  const rows = await db.channel.findMany({
    // NOT 'not_found' alone would drop accounts never fetched (NULL status) as well.
    where: { platform: 'tiktok', handle: { in: handles }, OR: [{ lastFetchStatus: null }, { lastFetchStatus: { not: 'not_found' } }] },
    include: { snapshots: { orderBy: { fetchedAt: 'desc' }, take: 1 } },
  });
  const history = await getDailyHistory(db, rows.map((r) => r.id), now);
  for (const row of rows) {
    const snapshot = row.snapshots[0];
    if (!snapshot) continue;
    found.set(row.handle, {
      key: row.handle,
      canonical: row.handle,
      platform: 'tiktok',
      handle: row.handle,
      nickname: row.nickname,
      avatarUrl: row.avatarUrl,
      verified: row.verified,
      fetchedAt: snapshot.fetchedAt.toISOString(),
      latest: { followers: Number(snapshot.followers), following: Number(snapshot.following), hearts: Number(snapshot.hearts), videos: Number(snapshot.videos) },
      engagementPercent: engagementPercent({ followers: snapshot.followers, hearts: snapshot.hearts, videos: snapshot.videos, avgViews: snapshot.avgViews ?? undefined })?.percent ?? null,
      daily: history.get(row.id) ?? [],
    });
  }
  return found;
}

/** Bilibili channels by "bilibili:<uid>" and "bilibili:room:<id>" key, those with a stored follower count. */
async function bilibiliAccounts(db: Db, keys: string[], now: Date): Promise<Map<string, ComparedAccount>> {
  const found = new Map<string, ComparedAccount>();
  const uids = keys.filter((k) => !k.startsWith('bilibili:room:')).map((k) => k.slice('bilibili:'.length));
  const rooms = keys.filter((k) => k.startsWith('bilibili:room:')).map((k) => k.slice('bilibili:room:'.length));
  if (uids.length + rooms.length === 0) return found;
  const rows = await db.channel.findMany({
    where: { platform: 'bilibili', followers: { not: null }, lastFetchStatus: { not: 'not_found' }, OR: [{ handle: { in: uids } }, { roomId: { in: rooms } }] },
    select: { id: true, handle: true, roomId: true, nickname: true, avatarUrl: true, followers: true, lastFetchedAt: true },
  });
  for (const row of rows) {
    const account: ComparedAccount = {
      key: '',
      canonical: `bilibili:${row.handle}`,
      platform: 'bilibili',
      handle: row.handle,
      nickname: row.nickname,
      avatarUrl: row.avatarUrl,
      verified: false,
      fetchedAt: row.lastFetchedAt?.toISOString() ?? null,
      latest: { followers: Number(row.followers), following: null, hearts: null, videos: null },
      engagementPercent: null,
      daily: await getFollowerHistory(db, row.id, now),
    };
    if (uids.includes(row.handle)) found.set(`bilibili:${row.handle}`, { ...account, key: `bilibili:${row.handle}` });
    if (row.roomId && rooms.includes(row.roomId)) found.set(`bilibili:room:${row.roomId}`, { ...account, key: `bilibili:room:${row.roomId}` });
  }
  return found;
}

/**
 * The stored channels among `keys` (parseCompareHandles), in the order asked, with their latest counts
 * and daily history, and the entries LiveLens has no data for (never fetched here: the comparison reads
 * what is stored). A channel asked for twice (by uid and by room) is shown once.
 */
export async function getComparison(db: Db, keys: readonly string[], now = new Date()): Promise<{ accounts: ComparedAccount[]; missing: MissingEntry[] }> {
  const bilibili = keys.filter((k) => k.startsWith('bilibili:'));
  const [tiktok, other] = await Promise.all([
    tiktokAccounts(db, keys.filter((k) => !k.startsWith('bilibili:')), now),
    bilibiliAccounts(db, bilibili, now),
  ]);
  const accounts: ComparedAccount[] = [];
  const missing: MissingEntry[] = [];
  for (const key of keys) {
    const account = tiktok.get(key) ?? other.get(key);
    if (!account) missing.push(missingEntry(key));
    else if (!accounts.some((a) => a.canonical === account.canonical)) accounts.push(account);
  }
  return { accounts, missing };
}
