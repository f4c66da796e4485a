// GET /sitemap.xml — the public pages and stored public profiles (lib/seo/sitemap.ts).
import type { MetadataRoute } from 'next';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { buildSitemap } from '@/lib/seo/sitemap';
import { listSitemapAccounts } from '@/lib/seo/sitemap-accounts';

// Read from the database when asked, never at build time (no database then).
export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return buildSitemap(appUrl(), await listSitemapAccounts(db), new Date());
}
