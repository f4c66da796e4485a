// What crawlers are told: robots.txt keeps them out of the signed-in and private parts, and sitemap.xml
// lists the public pages and the public profiles LiveLens has stored, each with its address in every
// language. Pure, so the rules are tested without a server; app/robots.ts and app/sitemap.ts serve them.
import type { MetadataRoute } from 'next';
import { languageAlternates, LOCALES, localePath } from '@/lib/i18n/locales';

/** Public pages worth indexing (signed-out forms such as /signin are left to links). */
export const SITEMAP_PAGES = ['/', '/top', '/compare', '/about'] as const;

/**
 * Private or per-user areas, refused in every language's address: the dashboard and account settings
 * need a session, reports are bought (their links are shared privately), overlays are for streaming
 * software, and the API answers programs.
 */
export const DISALLOWED_PATHS = ['/dashboard', '/account', '/api', '/overlay', '/reports'] as const;

export function buildRobots(baseUrl: string): MetadataRoute.Robots {
  const disallow = DISALLOWED_PATHS.flatMap((path) => (path === '/api' ? [path] : LOCALES.map((locale) => localePath(locale, path))));
  return { rules: [{ userAgent: '*', allow: '/', disallow: [...new Set(disallow)] }], sitemap: `${baseUrl}/sitemap.xml` };
}

export type SitemapAccount = { handle: string; updatedAt: Date };

function absolute(baseUrl: string, path: string): string {
  return path === '/' ? `${baseUrl}/` : `${baseUrl}${path}`;
}

function entry(baseUrl: string, path: string, extra: Omit<MetadataRoute.Sitemap[number], 'url'>): MetadataRoute.Sitemap[number] {
  const languages = Object.fromEntries(Object.entries(languageAlternates(path)).map(([lang, href]) => [lang, absolute(baseUrl, href)]));
  return { url: absolute(baseUrl, path), alternates: { languages }, ...extra };
}

/** The public pages, then one entry per stored account (its English address, the others as alternates). */
export function buildSitemap(baseUrl: string, accounts: readonly SitemapAccount[], now: Date): MetadataRoute.Sitemap {
  const base = baseUrl.replace(/\/+$/, '');
  return [
    ...SITEMAP_PAGES.map((path) => entry(base, path, { lastModified: now, changeFrequency: path === '/top' ? 'hourly' : 'daily', priority: path === '/' ? 1 : 0.8 })),
    ...accounts.map((a) => entry(base, `/@${a.handle}`, { lastModified: a.updatedAt, changeFrequency: 'daily', priority: 0.6 })),
  ];
}
