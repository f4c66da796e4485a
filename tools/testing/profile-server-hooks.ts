// Vitest hooks for test files that need the TikTok stand-in (kept apart from profile-server.ts, which
// the browser tests and the web bench import without Vitest).
import { afterAll, beforeAll } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { ProfileServer } from '@/tools/testing/profile-server';

/** A ProfileServer started for this test file, with TIKTOK_PROFILE_BASE_URL pointing at it. */
export function profileServerForThisFile(): ProfileServer {
  const server = new ProfileServer();
  beforeAll(async () => {
    await server.start();
    process.env.TIKTOK_PROFILE_BASE_URL = server.url;
    resetEnvCache();
  });
  afterAll(async () => {
    await server.stop();
  });
  return server;
}
