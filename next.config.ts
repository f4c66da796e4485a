import type { NextConfig } from 'next';
import { parseEnv } from './lib/env';

// Fail the build (and `next dev`) early, with the variable named, when a setting is malformed.
parseEnv();

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only packages that must not be bundled.
  serverExternalPackages: ['pg', 'pusher', 'tiktok-live-connector', '@prisma/adapter-pg'],
  // `npm test` type-checks the whole project (`npm run typecheck`); repeating it inside every
  // `next build` only slows down `npm start`.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
