import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { db, disconnectDb } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import { getHealth, workerStaleAfterMs } from '@/lib/health';
import { createOwnDatabase, type OwnDatabase } from '@/tools/testing/own-database';

// The health check counts every worker heartbeat, so this file has a database of its own: the shared
// one's heartbeats belong to other files' workers. The app's `db` connects on first use, to this one.
// Afterwards the shared database is the app's again, for the files that run next in this process.
let own: OwnDatabase | undefined;
const sharedUrl = process.env.DATABASE_URL;
beforeAll(async () => {
  own = await createOwnDatabase('health');
  await disconnectDb();
  process.env.DATABASE_URL = own.url;
  resetEnvCache();
}, 120_000);
afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = sharedUrl;
  resetEnvCache();
  await own?.drop();
});

async function callHealthRoute() {
  const response = await GET(new Request('http://localhost/api/health'), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Awaited<ReturnType<typeof getHealth>> };
}

describe('GET /api/health', () => {
  it('is 503 without a live worker, 200 once a worker beats, and 503 again when the beat goes stale', async () => {
    expect(await db.workerHeartbeat.count()).toBe(0);
    let { status, body } = await callHealthRoute();
    expect(status).toBe(503);
    expect(body.status).toBe('degraded');
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.realtime.ok).toBe(true);
    expect(body.checks.worker).toMatchObject({ ok: false, workers: 0, error: 'no worker has reported yet' });

    await db.workerHeartbeat.create({ data: { workerId: 'health-test', hostname: 'test', pid: 1, realtimeOk: true } });
    ({ status, body } = await callHealthRoute());
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.worker).toMatchObject({ ok: true, workers: 1 });

    await db.workerHeartbeat.update({ where: { workerId: 'health-test' }, data: { lastSeenAt: new Date(Date.now() - workerStaleAfterMs() - 5000) } });
    ({ status, body } = await callHealthRoute());
    expect(status).toBe(503);
    expect(body.checks.worker.error).toMatch(/last worker heartbeat \d+ s ago/);

    await db.workerHeartbeat.update({ where: { workerId: 'health-test' }, data: { lastSeenAt: new Date(), stoppedAt: new Date() } });
    ({ status } = await callHealthRoute());
    expect(status).toBe(503);
  });

  it('counts a worker as alive for at least 30 s or three beats', () => {
    expect(workerStaleAfterMs(1000)).toBe(30000);
    expect(workerStaleAfterMs(20000)).toBe(60000);
  });
});
