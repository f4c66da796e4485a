import type { NextConfig } from 'next';
import { parseEnv } from './lib/env';

// Fail the build (and `next dev`) early, with the variable named, when a setting is malformed.
parseEnv();

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only packages that must not be bundled.
  serverExternalPackages: ['pg', 'pusher', 'tiktok-live-connector', '@prisma/adapter-pg'],
};

export default nextConfig;
