// GET /robots.txt — crawl rules (lib/seo/sitemap.ts); proxy.ts lets this address through unrewritten.
import type { MetadataRoute } from 'next';
import { appUrl } from '@/lib/env';
import { buildRobots } from '@/lib/seo/sitemap';

// The address comes from APP_URL at run time, not at build time.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return buildRobots(appUrl());
}
