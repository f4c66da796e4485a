// Vitest hooks for test files that need the TikTok or Bilibili room-API stand-ins (kept apart from profile-server.ts, which
// the browser tests and the web bench import without Vitest).
import { afterAll, beforeAll } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { startBilibiliRoomApi, type StandInRoom } from '@/tools/testing/bilibili-room-api';
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

/** The stand-in for Bilibili's room API (tools/testing/bilibili-room-api.ts), with BILIBILI_API_BASE pointing at it. */
export function bilibiliRoomApiForThisFile(rooms: StandInRoom[] = []): { api: () => Awaited<ReturnType<typeof startBilibiliRoomApi>> } {
  let api: Awaited<ReturnType<typeof startBilibiliRoomApi>> | undefined;
  beforeAll(async () => {
    api = await startBilibiliRoomApi(rooms);
    process.env.BILIBILI_API_BASE = api.apiBase;
    process.env.BILIBILI_LIVE_BASE = api.liveBase;
    resetEnvCache();
  });
  afterAll(async () => {
    await api?.close();
  });
  return {
    api: () => {
      if (!api) throw new Error('The Bilibili room API stand-in starts in beforeAll.');
      return api;
    },
  };
}
