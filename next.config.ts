import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { parseEnv } from './lib/env';
import { BASE_HEADERS } from './lib/security/headers';

// Fail the build (and `next dev`) early, with the variable named, when a setting is malformed.
const env = parseEnv();

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The container image (Dockerfile) builds with NEXT_OUTPUT=standalone and runs the result through
  // scripts/container-web.ts; `npm start` and the tests build and serve the usual way.
  output: env.NEXT_OUTPUT,
  poweredByHeader: false,
  // Next computes an ETag by hashing every HTML response in JavaScript, per request: about 9% of the CPU
  // of a cached profile page under load (bench:web, profiled). The pages are served with
  // `Cache-Control: s-maxage`, so shared caches revalidate by time, not by ETag.
  generateEtags: false,
  // Node-only packages that must not be bundled.
  serverExternalPackages: ['pg', 'pusher', 'tiktok-live-connector', '@prisma/adapter-pg', 'pdfkit'],
  // `npm test` type-checks the whole project (`npm run typecheck`); repeating it inside every
  // `next build` only slows down `npm start`.
  typescript: { ignoreBuildErrors: true },
  // ISR renders (the /@handle pages) and their revalidations shared by every web instance through Postgres
  // (lib/next-cache, docs/deploy.md "Shared page cache"). Named only when DATABASE_URL is set: `next build`
  // without a database builds as before, and scripts/web-server.ts reads this file again when it starts
  // (with its own DATABASE_URL); a standalone build (the image) keeps what its build decided.
  cacheHandler: env.DATABASE_URL ? path.join(import.meta.dirname, 'lib', 'next-cache', 'cache-handler.mjs') : undefined,
  experimental: {
    // Without the shared handler, profile pages (/@handle) are cached on their first visit (ISR). Keep those renders in memory (an LRU
    // of `cacheMaxMemorySize`, 50 MB by default) instead of writing them under .next/: any address
    // /@anything creates an entry, so on disk they would pile up without bound, and they would outlive a
    // restart against another database (the tests and benchmarks share the build). Pages rendered at
    // build time are still read from .next/ as before.
    isrFlushToDisk: false,
  },
  // Static files (Next's and public/) skip the proxy (proxy.ts); they get the headers every response has.
  headers() {
    const headers = Object.entries(BASE_HEADERS).map(([key, value]) => ({ key, value }));
    const staticFiles = ['/_next/static/:path*', '/icons/:path*', '/images/:path*', '/favicon.ico', '/icon.svg', '/site.webmanifest', '/sitemap.xml', '/robots.txt'];
    return Promise.resolve(staticFiles.map((source) => ({ source, headers })));
  },
};

// next-intl reads each request's locale and messages from lib/i18n/request.ts.
export default createNextIntlPlugin('./lib/i18n/request.ts')(nextConfig);
