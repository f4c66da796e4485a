// Which stored accounts sitemap.xml lists, against the real test Postgres.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listSitemapAccounts } from '@/lib/seo/sitemap-accounts';
import { uniqueSuffix } from '@/tools/testing/factories';

async function account(data: { lastFetchStatus: string; privateAccount?: boolean; lookups: number; snapshot?: boolean }) {
  const created = await db.channel.create({
    data: { handle: `sm.${uniqueSuffix()}`, lastFetchStatus: data.lastFetchStatus, privateAccount: data.privateAccount ?? false, lookups: data.lookups, lastFetchedAt: new Date('2026-12-01T10:00:00Z') },
  });
  if (data.snapshot !== false) await db.profileSnapshot.create({ data: { accountId: created.id, followers: 1, following: 1, hearts: 1, videos: 1, diggs: 0, friends: 0 } });
  return created.handle;
}

describe('listSitemapAccounts', () => {
  it('lists public profiles with numbers, most looked-up first, and leaves out missing, private and empty ones', async () => {
    // Lookups far above what other test files create, so these lead the list.
    const popular = await account({ lastFetchStatus: 'ok', lookups: 9_000_002 });
    const second = await account({ lastFetchStatus: 'ok', lookups: 9_000_001 });
    const missing = await account({ lastFetchStatus: 'not_found', lookups: 9_000_003 });
    const hidden = await account({ lastFetchStatus: 'ok', privateAccount: true, lookups: 9_000_004 });
    const empty = await account({ lastFetchStatus: 'ok', lookups: 9_000_005, snapshot: false });
    const listed = await listSitemapAccounts(db, 2);
    expect(listed).toEqual([
      { handle: popular, updatedAt: new Date('2026-12-01T10:00:00Z') },
      { handle: second, updatedAt: new Date('2026-12-01T10:00:00Z') },
    ]);
    const all = (await listSitemapAccounts(db)).map((a) => a.handle);
    for (const handle of [missing, hidden, empty]) expect(all).not.toContain(handle);
  });
});
