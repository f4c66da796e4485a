// The stored accounts sitemap.xml lists: public profiles LiveLens has numbers for, most looked-up first.
import 'server-only';
import type { Db } from '@/lib/db';
import type { SitemapAccount } from '@/lib/seo/sitemap';

// A sitemap holds at most 50,000 addresses; 10,000 profiles keep the file a few megabytes and the query
// short. Less-visited profiles are still found through links (home page lists, /top, /compare).
export const SITEMAP_MAX_ACCOUNTS = 10_000;

export async function listSitemapAccounts(db: Db, limit = SITEMAP_MAX_ACCOUNTS): Promise<SitemapAccount[]> {
  const rows = await db.channel.findMany({
    where: { platform: 'tiktok', lastFetchStatus: 'ok', privateAccount: false, snapshots: { some: {} } },
    orderBy: [{ lookups: 'desc' }, { handle: 'asc' }],
    take: limit,
    select: { handle: true, lastFetchedAt: true, updatedAt: true },
  });
  return rows.map((r) => ({ handle: r.handle, updatedAt: r.lastFetchedAt ?? r.updatedAt }));
}
